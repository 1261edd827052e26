//! The commands of issue 18 item 2 that the desktop had and the command line lacked: settings,
//! to-dos, deadlines, findings, the audit log, appeals and proofs; and the exit codes of item 3.

use std::path::PathBuf;

mod common;
use common::{Env, add, id_number, json, ok_json, run, setup, user_add, xueji};

fn as_json(e: &Env, user: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    run(e, user, &all)
}

fn file(e: &Env, name: &str, text: &str) -> PathBuf {
    let path = e.data.parent().expect("root").join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// A newcomer whose 学籍 the bureau approved (R6.1), by its 学籍号; `shenhe` must be an approver.
fn approved_pupil(e: &Env, name: &str, seq: u32) -> String {
    assert!(add(e, name, seq).status.success());
    let student = format!("G{}", id_number(seq));
    let request = file(
        e,
        "approve.json",
        &format!(
            r#"{{"change": {{"type": "approve_enrolment"}}, "effectiveOn": "{}"}}"#,
            today()
        ),
    );
    let from = request.to_str().expect("path");
    let args = ["change", "submit", "--student", &student, "--from", from];
    let v = ok_json(&as_json(e, "registrar", &args));
    let app = v["application"]["row"]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    ok_json(&as_json(
        e,
        "shenhe",
        &["change", "decide", &app, "--step", "0", "--approve"],
    ));
    let bureau = [
        "change",
        "decide",
        &app,
        "--step",
        "1",
        "--approve",
        "--reference",
        "西教学〔2026〕8号",
    ];
    ok_json(&as_json(e, "registrar", &bureau));
    student
}

/// Today in Beijing, as the app counts it.
fn today() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string()
}

#[test]
#[allow(clippy::too_many_lines)] // one registrar's settings, step by step
fn settings_todo_findings_and_the_audit_log_from_the_command_line() {
    let e = setup();
    let v = ok_json(&as_json(&e, "registrar", &["settings", "show"]));
    assert_eq!(v["settings"]["school"]["name"], "测试小学");
    let lock = v["settings"]["idleLockMinutes"].as_u64().expect("minutes");

    // R30.3: the idle lock is never off; the refusal names the rule and saves nothing
    let out = as_json(
        &e,
        "registrar",
        &[
            "settings",
            "set",
            "--idle-lock",
            "0",
            "--township",
            "留下街道",
        ],
    );
    assert_eq!(out.status.code(), Some(4), "the law refuses: exit 4");
    let v = json(&out);
    assert_eq!(v["ruleId"], "R30.3");
    assert_eq!(v["exitCode"], 4);
    let v = ok_json(&as_json(&e, "registrar", &["settings", "show"]));
    assert_eq!(v["settings"]["idleLockMinutes"].as_u64(), Some(lock));
    assert_eq!(v["settings"]["school"]["township"], "");

    // --dry-run says what would change and saves nothing
    let args = [
        "settings",
        "set",
        "--idle-lock",
        "15",
        "--county-bureau",
        "杭州市西湖区教育局",
    ];
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let v = ok_json(&as_json(&e, "registrar", &dry));
    assert_eq!(v["dryRun"], true);
    assert_eq!(v["changed"].as_array().map(Vec::len), Some(2), "{v}");
    let v = ok_json(&as_json(&e, "registrar", &["settings", "show"]));
    assert_eq!(v["settings"]["school"]["countyBureau"], "");
    let v = ok_json(&as_json(&e, "registrar", &args));
    assert_eq!(v["dryRun"], false);
    let v = ok_json(&as_json(&e, "registrar", &["settings", "show"]));
    assert_eq!(
        v["settings"]["school"]["countyBureau"],
        "杭州市西湖区教育局"
    );
    assert_eq!(v["settings"]["idleLockMinutes"], 15);
    let v = ok_json(&as_json(&e, "registrar", &args));
    assert_eq!(
        v["changed"].as_array().map(Vec::len),
        Some(0),
        "nothing left to change"
    );

    // one term set, replaced and removed
    let term = [
        "settings",
        "term",
        "--school-year",
        "2026",
        "--semester",
        "first",
    ];
    let mut set = term.to_vec();
    set.extend(["--start", "2026-09-01", "--end", "2027-01-20"]);
    let v = ok_json(&as_json(&e, "registrar", &set));
    let terms = v["terms"].as_array().expect("terms");
    assert!(
        terms
            .iter()
            .any(|t| t["start"] == "2026-09-01" && t["end"] == "2027-01-20")
    );
    let mut remove = term.to_vec();
    remove.push("--remove");
    let v = ok_json(&as_json(&e, "registrar", &remove));
    assert!(
        v["terms"]
            .as_array()
            .expect("terms")
            .iter()
            .all(|t| t["start"] != "2026-09-01")
    );
    let out = as_json(&e, "registrar", &remove);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["code"], "not_found");
    let out = as_json(
        &e,
        "registrar",
        &[
            "settings",
            "term",
            "--school-year",
            "2026",
            "--semester",
            "third",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "a wrong value is a usage error");

    // the rule profile is the approver's step
    let out = as_json(
        &e,
        "registrar",
        &[
            "settings",
            "rule-profile",
            "national-2025",
            "--reason",
            "教育局通知",
        ],
    );
    assert_eq!(out.status.code(), Some(5), "not permitted: exit 5");

    // a newcomer brings the deadline of the archive (R8.1)
    assert!(add(&e, "张三", 1).status.success());
    let v = ok_json(&as_json(&e, "registrar", &["todo"]));
    let rows = v["rows"].as_array().expect("rows");
    assert!(rows.iter().any(|r| r["rule"] == "R8.1"), "{v}");
    let v = ok_json(&as_json(&e, "registrar", &["deadlines"]));
    let rows = v["rows"].as_array().expect("rows");
    assert!(!rows.is_empty(), "{v}");
    assert!(
        rows.iter()
            .all(|r| r["source"] == "deadline" && r["dueOn"].is_string())
    );
    let v = ok_json(&as_json(&e, "registrar", &["deadlines", "--overdue"]));
    assert!(
        v["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .all(|r| r["overdue"] == true)
    );
    let v = ok_json(&as_json(&e, "registrar", &["findings"]));
    assert!(v["findings"].is_array() && v["complete"].is_boolean());
    let text = run(&e, "registrar", &["todo"]);
    assert!(String::from_utf8_lossy(&text.stdout).starts_with("待办："));

    // the audit log: by action, by student, and its action list
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &["audit", "list", "--action", "settings_change"],
    ));
    assert!(v["page"]["total"].as_u64() >= Some(2), "{v}");
    let xueji_number = format!("G{}", id_number(1));
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &[
            "audit",
            "list",
            "--student",
            &xueji_number,
            "--to",
            &today(),
        ],
    ));
    let rows = v["page"]["rows"].as_array().expect("rows");
    assert!(rows.iter().any(|r| r["action"] == "student_create"), "{v}");
    assert!(
        rows.iter()
            .all(|r| r["target"].as_str().is_some_and(|t| t.contains("student")))
    );
    let out = as_json(&e, "registrar", &["audit", "list", "--action", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(v["code"], "usage");
    assert!(
        v["message"]
            .as_str()
            .is_some_and(|m| m.contains("change_proof_add")),
        "{v}"
    );
    let v = ok_json(&as_json(&e, "registrar", &["audit", "actions"]));
    assert!(
        v["actions"]
            .as_array()
            .expect("actions")
            .iter()
            .any(|a| a["code"] == "change_appeal")
    );
    let out = xueji(&e, "", &["--json", "audit", "verify"], "");
    assert!(out.status.success(), "the chain holds");
}

#[test]
#[allow(clippy::too_many_lines)] // one sanction from proposal to the appeal's revocation
fn a_sanction_is_appealed_and_revoked_and_a_missing_proof_is_added() {
    let e = setup();
    user_add(&e, "shenhe", "审核人", "approver");
    user_add(&e, "deyu", "德育处", "moral_education");
    let student = approved_pupil(&e, "李四", 2);
    let sanction = file(
        &e,
        "sanction.json",
        &format!(
            r#"{{"change": {{"type": "sanction", "level": "warning", "facts": "在校内与同学发生争执并动手打人。", "shortenedTo": null, "shortenedReason": null}}, "effectiveOn": "{}"}}"#,
            today()
        ),
    );
    let from = sanction.to_str().expect("path");
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &["change", "submit", "--student", &student, "--from", from],
    ));
    let app = v["application"]["row"]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    // an appeal before the decision is published is refused by R22.2
    let out = as_json(
        &e,
        "registrar",
        &["change", "appeal", "file", &app, "--grounds", "处分过重"],
    );
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(json(&out)["ruleId"], "R22.2");
    let decide = |user: &str, step: &str, flag: &str| {
        ok_json(&as_json(
            &e,
            user,
            &["change", "decide", &app, "--step", step, flag],
        ))
    };
    decide("deyu", "0", "--approve");
    decide("shenhe", "1", "--approve");
    decide("shenhe", "2", "--skip");
    decide("shenhe", "3", "--approve");
    let v = decide("shenhe", "4", "--approve");
    assert_eq!(v["application"]["row"]["state"], "approved");
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &["change", "appeal", "file", &app, "--grounds", "处分过重"],
    ));
    assert_eq!(v["application"]["appeal"]["grounds"], "处分过重");
    // the bureau's decision needs one of --upheld and --revoked
    let out = as_json(&e, "registrar", &["change", "appeal", "decide", &app]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["code"], "usage");
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &["change", "appeal", "decide", &app, "--revoked"],
    ));
    assert_eq!(v["application"]["appeal"]["upheld"], false);
    let text = run(&e, "registrar", &["change", "show", &app]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("撤销处分"));

    // a proof that came later is added on its own
    let scan = file(&e, "scan.pdf", "%PDF-1.4\n");
    let scan = scan.to_str().expect("path");
    let correction = file(
        &e,
        "correction.json",
        &format!(
            r#"{{"change": {{"type": "correct_basic_data", "field": "ethnicity", "after": "回族"}}, "effectiveOn": "{}"}}"#,
            today()
        ),
    );
    let proof = format!("written_application={scan}");
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &[
            "change",
            "submit",
            "--student",
            &student,
            "--from",
            correction.to_str().expect("path"),
            "--proof",
            &proof,
        ],
    ));
    assert_eq!(
        v["application"]["missingProofs"].as_array().map(Vec::len),
        Some(1)
    );
    let app = v["application"]["row"]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let out = as_json(
        &e,
        "registrar",
        &["change", "proof", "add", &app, "--kind", "nonsense", scan],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        json(&out)["message"]
            .as_str()
            .is_some_and(|m| m.contains("household_register"))
    );
    let out = as_json(
        &e,
        "registrar",
        &[
            "change",
            "decide",
            &app,
            "--step",
            "0",
            "--approve",
            "--proof-kind",
            "household_register",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "--proof-kind needs --proof");
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &[
            "change",
            "proof",
            "add",
            &app,
            "--kind",
            "household_register",
            scan,
        ],
    ));
    assert_eq!(
        v["application"]["missingProofs"].as_array().map(Vec::len),
        Some(0),
        "{v}"
    );
    let v = ok_json(&as_json(
        &e,
        "registrar",
        &["audit", "list", "--action", "change_proof_add"],
    ));
    assert_eq!(v["page"]["total"], 1);

    // an input file that does not fit is explained in Chinese, exit 1
    let broken = file(&e, "broken.json", r#"{"change": {"type": "leave"}}"#);
    let out = as_json(
        &e,
        "registrar",
        &[
            "change",
            "submit",
            "--student",
            &student,
            "--from",
            broken.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["code"], "invalid_input");
    let message = v["message"].as_str().expect("message");
    assert!(
        message.starts_with("变动内容 JSON 格式不正确：第 1 行"),
        "{message}"
    );
    assert!(message.contains("缺少字段"), "{message}");
    let missing = as_json(
        &e,
        "registrar",
        &[
            "change",
            "submit",
            "--student",
            &student,
            "--from",
            "/nonexistent/x.json",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(json(&missing)["code"], "read");
}
