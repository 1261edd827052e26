//! The use-case commands (`student …`, `user …`) as a named, audited user, with a key file.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;
use common::{Env, PASSWORD, add, add_on, id_number, json, ok_json, run, setup, xueji};

#[test]
fn student_add_search_show_and_edit_as_a_named_user() {
    let e = setup();
    for (i, name) in ["张三", "张珊珊", "李四"].iter().enumerate() {
        let out = add(&e, name, u32::try_from(i).unwrap() + 1);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let v = json(&out);
        assert_eq!(
            v["enrolment"]["student"]["status"]["code"],
            "pending_approval"
        );
    }
    let dup = add(&e, "张三", 1);
    assert_eq!(dup.status.code(), Some(4), "the law refuses: exit 4");
    let refusal = json(&dup);
    assert_eq!(refusal["ruleId"], "R7.2");
    assert_eq!(refusal["code"], "duplicate_record");
    assert_eq!(
        refusal["ruleTitle"],
        "不得以虚假信息建立学籍，不得重复建立学籍"
    );
    assert_eq!(refusal["article"], "第七条");
    assert!(
        refusal["lawSentence"]
            .as_str()
            .unwrap()
            .contains("重复建立学籍"),
        "{refusal}"
    );

    let found = xueji(
        &e,
        "registrar",
        &["--json", "student", "search", "zs"],
        &format!("{PASSWORD}\n"),
    );
    assert!(found.status.success());
    assert_eq!(json(&found)["page"]["total"], 2);

    let xueji_number = format!("G{}", id_number(3));
    let show = xueji(
        &e,
        "registrar",
        &["student", "show", &xueji_number],
        &format!("{PASSWORD}\n"),
    );
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(
        show.status.success() && text.contains("李四") && text.contains("待核准"),
        "{text}"
    );

    let key = xueji(
        &e,
        "registrar",
        &[
            "--json",
            "student",
            "edit",
            &xueji_number,
            "--set",
            "name=李肆",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(key.status.code(), Some(4));
    let refusal = json(&key);
    assert_eq!(refusal["ruleId"], "R11.2");
    assert_eq!(refusal["code"], "rule_violation");
    assert_eq!(refusal["article"], "第十一条");
    let ok = xueji(
        &e,
        "registrar",
        &[
            "--json",
            "student",
            "edit",
            &xueji_number,
            "--set",
            "current_address=浙江省杭州市拱墅区",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
}

#[test]
fn user_add_lock_unlock_and_roles_are_enforced() {
    let e = setup();
    let out = xueji(
        &e,
        "registrar",
        &[
            "--json",
            "user",
            "add",
            "chaxun",
            "--name",
            "查询员",
            "--role",
            "read_only",
        ],
        &format!("{PASSWORD}\n{PASSWORD}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let refused = add_as(&e, "chaxun");
    assert_eq!(refused.status.code(), Some(5), "forbidden: exit 5");
    assert_eq!(json(&refused)["kind"], "forbidden");

    let lock = xueji(
        &e,
        "registrar",
        &["user", "lock", "chaxun"],
        &format!("{PASSWORD}\n"),
    );
    assert!(lock.status.success());
    let login = xueji(
        &e,
        "chaxun",
        &["--json", "student", "search"],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(json(&login)["kind"], "forbidden");
    let unlock = xueji(
        &e,
        "registrar",
        &["user", "unlock", "chaxun"],
        &format!("{PASSWORD}\n"),
    );
    assert!(unlock.status.success());
    let login = xueji(
        &e,
        "chaxun",
        &["--json", "student", "search"],
        &format!("{PASSWORD}\n"),
    );
    assert!(login.status.success());

    let wrong = xueji(&e, "registrar", &["--json", "user", "list"], "wrongpass1\n");
    assert_eq!(json(&wrong)["kind"], "validation");
    let audit = xueji(&e, "", &["--json", "audit", "verify"], "");
    assert!(audit.status.success(), "the chain holds after CLI use");
}

fn add_as(e: &Env, user: &str) -> Output {
    xueji(
        e,
        user,
        &[
            "--json",
            "student",
            "add",
            "--name",
            "王五",
            "--id-number",
            &id_number(9),
            "--hukou-address",
            "浙江",
            "--current-address",
            "浙江",
        ],
        &format!("{PASSWORD}\n"),
    )
}

/// An approver account, one enrolled student and its enrolment-approval application.
fn submitted_approval(e: &Env) -> (String, String) {
    let out = xueji(
        e,
        "registrar",
        &[
            "user",
            "add",
            "shenhe",
            "--name",
            "审核人",
            "--role",
            "approver",
        ],
        &format!("{PASSWORD}\n{PASSWORD}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(add(e, "张三", 1).status.success());
    let xueji_number = format!("G{}", id_number(1));
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let request = e.data.parent().expect("root").join("approve.json");
    std::fs::write(
        &request,
        format!(r#"{{"change": {{"type": "approve_enrolment"}}, "effectiveOn": "{today}"}}"#),
    )
    .expect("write request");
    let submitted = run(
        e,
        "registrar",
        &[
            "--json",
            "change",
            "submit",
            "--student",
            &xueji_number,
            "--from",
            request.to_str().expect("path"),
        ],
    );
    assert!(
        submitted.status.success(),
        "{}",
        String::from_utf8_lossy(&submitted.stdout)
    );
    let id = json(&submitted)["application"]["row"]["id"]
        .as_i64()
        .expect("id");
    let id_text = id.to_string();
    (xueji_number, id_text)
}

#[test]
fn change_submit_decide_list_and_show_through_the_bureau_approval() {
    let e = setup();
    let (xueji_number, id_text) = submitted_approval(&e);

    let wrong_role = run(
        &e,
        "registrar",
        &[
            "--json",
            "change",
            "decide",
            &id_text,
            "--step",
            "0",
            "--approve",
        ],
    );
    assert_eq!(
        wrong_role.status.code(),
        Some(5),
        "the school's step is the approver's"
    );
    // A decision is never implied: no flag, or two, is a usage error and records nothing.
    for flags in [
        &[][..],
        &["--approve", "--skip"][..],
        &["--approve", "--reject", "不符合"][..],
    ] {
        let mut args = vec!["change", "decide", id_text.as_str(), "--step", "0"];
        args.extend_from_slice(flags);
        let refused = run(&e, "shenhe", &args);
        assert_eq!(refused.status.code(), Some(2), "{flags:?}");
    }
    let school = run(
        &e,
        "shenhe",
        &["change", "decide", &id_text, "--step", "0", "--approve"],
    );
    assert!(
        school.status.success(),
        "{}",
        String::from_utf8_lossy(&school.stderr)
    );
    let bureau = run(
        &e,
        "registrar",
        &[
            "--json",
            "change",
            "decide",
            &id_text,
            "--step",
            "1",
            "--approve",
            "--reference",
            "西教学〔2025〕8号",
        ],
    );
    assert!(
        bureau.status.success(),
        "{}",
        String::from_utf8_lossy(&bureau.stdout)
    );
    assert_eq!(json(&bureau)["application"]["row"]["state"], "approved");

    let list = run(
        &e,
        "registrar",
        &["--json", "change", "list", "--state", "approved"],
    );
    assert_eq!(json(&list)["page"]["total"], 1);
    // An unknown state is a usage error naming the valid ones, never an empty list.
    let bad = run(
        &e,
        "registrar",
        &["--json", "change", "list", "--state", "nonsense"],
    );
    assert_eq!(bad.status.code(), Some(2));
    // With --json, the usage error is JSON too (issue 18).
    assert_eq!(json(&bad)["code"], "usage");
    assert!(
        json(&bad)["message"]
            .as_str()
            .unwrap_or_default()
            .contains("open、approved"),
        "{}",
        String::from_utf8_lossy(&bad.stdout)
    );
    let show = run(&e, "registrar", &["change", "show", &id_text]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("西教学〔2025〕8号"));
    let student = run(&e, "registrar", &["student", "show", &xueji_number]);
    assert!(String::from_utf8_lossy(&student.stdout).contains("在读"));
}

#[test]
fn print_a_record_card_and_preview_promotion_and_graduation() {
    let e = setup();
    assert!(add(&e, "张三", 1).status.success());
    let xueji_number = format!("G{}", id_number(1));
    let pdf = e.data.parent().expect("root").join("card.pdf");
    let printed = run(
        &e,
        "registrar",
        &[
            "--json",
            "print",
            "record_card",
            "--student",
            &xueji_number,
            "--out",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(
        printed.status.success(),
        "{}",
        String::from_utf8_lossy(&printed.stdout)
    );
    let v = json(&printed);
    assert_eq!(v["documents"], 1);
    assert!(v["serials"][0].as_str().is_some_and(|s| !s.is_empty()));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    let unknown = run(&e, "registrar", &["print", "nonsense", "--out", "x.pdf"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("未知的文书种类"));

    let year = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let into = if chrono::Datelike::month(&year) >= 9 {
        chrono::Datelike::year(&year) + 1
    } else {
        chrono::Datelike::year(&year)
    };
    let preview = run(
        &e,
        "registrar",
        &[
            "--json",
            "promote",
            "--into",
            &into.to_string(),
            "--dry-run",
        ],
    );
    assert!(
        preview.status.success(),
        "{}",
        String::from_utf8_lossy(&preview.stdout)
    );
    let p = json(&preview);
    assert_eq!(
        p["preview"]["exceptions"].as_array().map(Vec::len),
        Some(1),
        "待核准 is not promoted: {p}"
    );

    let results = e.data.parent().expect("root").join("results.json");
    std::fs::write(&results, "[]").expect("write");
    let grad = run(
        &e,
        "registrar",
        &[
            "--json",
            "graduate",
            "--grade",
            "6",
            "--results",
            results.to_str().expect("path"),
            "--dry-run",
        ],
    );
    assert!(
        grad.status.success(),
        "{}",
        String::from_utf8_lossy(&grad.stdout)
    );
    assert_eq!(json(&grad)["preview"]["graduated"], 0);
}

/// Enrols a student who entered today; returns the archive deadline from the JSON output.
fn enrol_today(e: &Env) -> serde_json::Value {
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let out = add_on(e, "冬入学", 21, &today);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let deadline = json(&out)["enrolment"]["deadlines"][0].clone();
    assert_eq!(deadline["kind"], "archive_creation");
    assert_eq!(deadline["provisional"], true, "{deadline}");
    let reason = deadline["provisionalReason"].as_str().unwrap_or_default();
    assert!(reason.contains("年部分节假日安排的通知》"), "{reason}");
    deadline
}

/// R13.3 through the command line, on the real date (from 2026-12-02 on, with the notices shipped
/// for 2017–2026): an enrolment dated today has its archive due in 2027, counted on the statutory
/// holidays and marked provisional in the JSON; `calendar show` names the provisional year,
/// `calendar load` reads a published notice (dry run, then saved) and `calendar remove` takes it
/// out again.
#[test]
fn r13_3_provisional_deadlines_and_the_calendar_commands() {
    let e = setup();
    let deadline = enrol_today(&e);
    assert!(
        deadline["due"].as_str().is_some_and(|d| d > "2026-12-31"),
        "{deadline}"
    );
    let shown = run(&e, "registrar", &["--json", "calendar", "show"]);
    assert!(shown.status.success());
    let calendar = &json(&shown)["calendar"];
    assert_eq!(calendar["lastYear"], 2026);
    assert_eq!(calendar["provisionalYear"], 2027);
    let text = run(&e, "registrar", &["calendar", "show"]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("2027 年起尚未载入通知"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );

    let notice = e.data.parent().expect("root").join("2026.txt");
    std::fs::write(
        &notice,
        include_str!("../../domain/tests/data/notices/2026.txt"),
    )
    .expect("write notice");
    let path = notice.to_str().expect("path");
    let dry = run(
        &e,
        "registrar",
        &["--json", "calendar", "load", "--from", path, "--dry-run"],
    );
    assert!(dry.status.success());
    assert!(json(&dry)["saved"].is_null(), "a dry run saves nothing");
    assert_eq!(json(&dry)["preview"]["year"], 2026);
    let loaded = run(
        &e,
        "registrar",
        &["--json", "calendar", "load", "--from", path],
    );
    assert!(
        loaded.status.success(),
        "{}",
        String::from_utf8_lossy(&loaded.stdout)
    );
    assert_eq!(json(&loaded)["saved"]["calendar"]["added"], 1);
    let removed = run(&e, "registrar", &["--json", "calendar", "remove", "2026"]);
    assert!(removed.status.success());
    assert_eq!(json(&removed)["saved"]["calendar"]["added"], 0);
    let again = run(&e, "registrar", &["--json", "calendar", "remove", "2026"]);
    assert!(!again.status.success(), "nothing left to remove");
    // A paste without its year is refused with the reason.
    let bad = e.data.parent().expect("root").join("bad.txt");
    std::fs::write(&bad, "一、元旦：1月1日放假。").expect("write");
    let refused = run(
        &e,
        "registrar",
        &[
            "--json",
            "calendar",
            "load",
            "--from",
            bad.to_str().expect("path"),
        ],
    );
    assert!(!refused.status.success());
    assert!(
        json(&refused)["message"]
            .as_str()
            .unwrap_or_default()
            .contains("年份"),
        "{}",
        String::from_utf8_lossy(&refused.stdout)
    );
}

/// `change withdraw` lets a pending application go (with the reason), after which the same change
/// can be submitted again; `document list|void|hand-out` keep the issued-document log.
#[test]
fn change_withdraw_and_the_document_log_commands() {
    let e = setup();
    let (xueji_number, id_text) = submitted_approval(&e);
    let no_reason = run(&e, "registrar", &["change", "withdraw", &id_text]);
    assert_eq!(no_reason.status.code(), Some(2), "the reason is required");
    let withdrawn = run(
        &e,
        "registrar",
        &[
            "--json",
            "change",
            "withdraw",
            &id_text,
            "--reason",
            "监护人撤回申请",
        ],
    );
    assert!(
        withdrawn.status.success(),
        "{}",
        String::from_utf8_lossy(&withdrawn.stdout)
    );
    assert_eq!(json(&withdrawn)["application"]["row"]["state"], "withdrawn");
    let listed = run(
        &e,
        "registrar",
        &["--json", "change", "list", "--state", "withdrawn"],
    );
    assert_eq!(json(&listed)["page"]["total"], 1);

    // A printed record card, listed, voided with its reason, and listed again.
    let pdf = e.data.parent().expect("root").join("card.pdf");
    let printed = run(
        &e,
        "registrar",
        &[
            "--json",
            "print",
            "record_card",
            "--student",
            &xueji_number,
            "--out",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(printed.status.success());
    let serial = json(&printed)["serials"][0]
        .as_str()
        .expect("serial")
        .to_owned();
    let list = run(
        &e,
        "registrar",
        &["--json", "document", "list", "--kind", "record_card"],
    );
    let list = json(&list);
    assert_eq!(list["total"], 1);
    assert_eq!(list["rows"][0]["serial"], serial.as_str());
    let bad_kind = run(&e, "registrar", &["document", "list", "--kind", "nonsense"]);
    assert_eq!(bad_kind.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad_kind.stderr).contains("未知的文书种类"),
        "the valid kinds are listed"
    );
    let voided = run(
        &e,
        "registrar",
        &[
            "--json",
            "document",
            "void",
            &serial,
            "--reason",
            "打印机卡纸",
        ],
    );
    assert!(
        voided.status.success(),
        "{}",
        String::from_utf8_lossy(&voided.stdout)
    );
    assert_eq!(json(&voided)["document"]["voided"], true);
    let hidden = run(&e, "registrar", &["--json", "document", "list"]);
    assert_eq!(json(&hidden)["total"], 0, "voided ones only on request");
    let all = run(
        &e,
        "registrar",
        &["--json", "document", "list", "--include-voided"],
    );
    assert_eq!(json(&all)["rows"][0]["voidReason"], "打印机卡纸");
}

/// `YYYY-MM-DD` of Beijing's today, `days` days back.
fn beijing_days_ago(days: i64) -> String {
    ((chrono::Utc::now() + chrono::Duration::hours(8)).date_naive() - chrono::Duration::days(days))
        .to_string()
}

/// The text of a PDF (poppler's pdftotext), without white space.
fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn hardship_file(e: &Env, name: &str, applied_on: &str) -> PathBuf {
    let path = e.data.parent().expect("root").join(name);
    std::fs::write(
        &path,
        format!(
            r#"{{"appliedOn": "{applied_on}", "guardianName": "张大山", "guardianRelation": "父亲",
                "guardianPhone": "13800000000",
                "members": [
                  {{"name": "张大山", "relation": "父亲", "age": 42, "occupation": "务工", "annualIncomeYuan": 24000, "health": "慢性肾病"}},
                  {{"name": "李秀英", "relation": "母亲", "age": 40, "occupation": "无固定工作", "annualIncomeYuan": 6000, "health": "健康"}}
                ],
                "householdSize": 3, "factors": ["family_finances", "emergency"],
                "groups": ["minimum_living_allowance"], "reason": "父亲患病需长期治疗，家庭收入减少。"}}"#
        ),
    )
    .expect("write application");
    path
}

#[test]
#[allow(clippy::too_many_lines)] // one assessment, step by step
fn hardship_apply_assess_decide_object_aid_and_print_the_form() {
    let e = setup();
    let (xueji_number, _) = submitted_approval(&e);
    let path = |name: &str| e.data.parent().expect("root").join(name);

    // Recorded from paper three weeks on: by today its notice is over and it is in force.
    let from = hardship_file(&e, "apply.json", &beijing_days_ago(22));
    let applied = ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "apply",
            "--student",
            &xueji_number,
            "--from",
            from.to_str().expect("path"),
        ],
    ));
    assert_eq!(applied["hardship"]["status"]["code"], "applied");
    let id = applied["hardship"]["id"].as_i64().expect("id").to_string();
    let assessed = ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "assess",
            &id,
            "--result",
            "special",
            "--note",
            "经班级认定小组评议，情况属实",
            "--on",
            &beijing_days_ago(21),
        ],
    ));
    assert_eq!(assessed["hardship"]["status"]["code"], "class_assessed");
    let unknown = run(
        &e,
        "registrar",
        &["hardship", "assess", &id, "--result", "rich", "--note", "x"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("special、hardship、ordinary、not_recognised"),
        "the valid levels are listed: {}",
        String::from_utf8_lossy(&unknown.stderr)
    );
    let not_mine = run(
        &e,
        "registrar",
        &["hardship", "decide", &id, "--level", "special"],
    );
    assert_eq!(
        not_mine.status.code(),
        Some(5),
        "the school's decision is the approver's"
    );
    let decided = ok_json(&run(
        &e,
        "shenhe",
        &[
            "--json",
            "hardship",
            "decide",
            &id,
            "--level",
            "special",
            "--note",
            "经学校认定工作组审核",
            "--on",
            &beijing_days_ago(20),
        ],
    ));
    assert_eq!(decided["hardship"]["status"]["code"], "effective");
    let aid = ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "aid",
            &id,
            "--semester",
            "first",
            "--kind",
            "生活补助",
            "--amount",
            "1250",
        ],
    ));
    assert_eq!(aid["aid"]["amountFen"], 125_000);

    // A second, decided today: an objection in its notice, dismissed by the school.
    assert!(add(&e, "王小红", 2).status.success());
    let from = hardship_file(&e, "apply2.json", &beijing_days_ago(0));
    let second = ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "apply",
            "--student",
            &format!("G{}", id_number(2)),
            "--from",
            from.to_str().expect("path"),
        ],
    ));
    let id2 = second["hardship"]["id"].as_i64().expect("id").to_string();
    ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "assess",
            &id2,
            "--result",
            "hardship",
            "--note",
            "评议属实",
        ],
    ));
    let in_notice = ok_json(&run(
        &e,
        "shenhe",
        &["--json", "hardship", "decide", &id2, "--level", "hardship"],
    ));
    assert_eq!(in_notice["hardship"]["status"]["code"], "in_notice");
    let objected = ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "object",
            &id2,
            "--content",
            "家庭收入与实际不符",
        ],
    ));
    assert_eq!(objected["hardship"]["status"]["code"], "objection_pending");
    let no_ruling = run(
        &e,
        "shenhe",
        &[
            "hardship",
            "objection-decide",
            &id2,
            "--number",
            "1",
            "--note",
            "x",
        ],
    );
    assert_eq!(
        no_ruling.status.code(),
        Some(2),
        "sustain or dismiss, never implied"
    );
    let ruled = ok_json(&run(
        &e,
        "shenhe",
        &[
            "--json",
            "hardship",
            "objection-decide",
            &id2,
            "--number",
            "1",
            "--dismiss",
            "--note",
            "经核实，异议不成立",
        ],
    ));
    assert_eq!(ruled["hardship"]["status"]["code"], "in_notice");

    // The list by status; an unknown status is a usage error naming the valid ones.
    let listed = ok_json(&run(
        &e,
        "registrar",
        &["--json", "hardship", "list", "--status", "effective"],
    ));
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["rows"][0]["aidTotalFen"], 125_000);
    let bad = run(
        &e,
        "registrar",
        &["hardship", "list", "--status", "nonsense"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("applied、class_assessed"));
    let show = run(&e, "registrar", &["hardship", "show", &id2]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("异议 1"));

    // The printed form states the level, the household and the aid.
    let pdf = path("认定表.pdf");
    let printed = ok_json(&run(
        &e,
        "registrar",
        &[
            "--json",
            "hardship",
            "form",
            &id,
            "--out",
            pdf.to_str().expect("path"),
        ],
    ));
    assert_eq!(printed["out"], pdf.display().to_string());
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(&pdf).expect("pdf").permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "a family's finances stay private");
    let text = pdf_text(&pdf);
    for expected in [
        "家庭经济困难学生认定申请表",
        "家庭人口数3人",
        "家庭年收入30000元",
        "■特别困难",
        "生活补助1250.00元",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let audit = xueji(&e, "", &["--json", "audit", "verify"], "");
    assert!(audit.status.success(), "the chain holds");
}
