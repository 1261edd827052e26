//! The discipline commands added for the 奖励与处分 page, through the real IPC path on Tauri's mock
//! runtime with a real SQLCipher database: a sanction through R22.2 with each step by its role,
//! the decision PDF (`change_document`), the appeal (`change_appeal_file`, `change_appeal_decide`),
//! a lift refused with R23.2 and then allowed, and its written notice.

mod common;

use common::{Window, call, launch};

use serde_json::{Value, json};

fn ok(w: &Window, cmd: &str, body: Value) -> Value {
    call(w, cmd, body).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn login(w: &Window, username: &str) {
    ok(
        w,
        "auth_login",
        json!({ "username": username, "password": "xueji2024" }),
    );
}

/// `YYYY-MM-DD` `days` before `today` (negative: after).
fn days_before(today: &str, days: i64) -> String {
    let day = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").expect("a date");
    (day - chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

fn id_number() -> String {
    let first17 = "33010620120901031";
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

fn decide(w: &Window, application: &Value, step: u32, decision: &str, on: &str) -> Value {
    ok(
        w,
        "change_decide",
        json!({ "input": {
            "applicationId": application, "step": step, "decision": decision, "on": on,
            "reference": null, "reason": null, "proof": null } }),
    )
}

#[test]
#[allow(clippy::too_many_lines)] // one procedure, step by step
fn a_sanction_is_decided_appealed_and_lifted_with_its_notices_through_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w) = launch(&tmp.path().join("data"), &tmp.path().join("db.key"));

    // Not logged in: the new commands refuse like every other.
    let locked = call(&w, "change_document", json!({ "applicationId": 1 })).unwrap_err();
    assert_eq!(locked["kind"], "locked");

    let school = json!({
        "name": "文溪九年一贯制学校", "code": null, "kind": "nine_year", "countyBureau": "西湖区教育局",
        "township": "文新街道", "graduatingGrades": [6, 9], "mayAdmitForeign": false,
        "offersHomeTeaching": false, "ruleProfile": "zhejiang-2017"
    });
    ok(
        &w,
        "setup_init",
        json!({ "input": { "school": school, "adminUsername": "registrar",
            "adminDisplayName": "王老师", "adminPassword": "xueji2024" } }),
    );
    login(&w, "registrar");
    for (username, role) in [("shenhe", "approver"), ("deyu", "moral_education")] {
        ok(
            &w,
            "user_add",
            json!({ "input": { "username": username, "displayName": username, "password": "xueji2024", "role": role } }),
        );
    }
    let today = ok(&w, "dashboard", json!({}))["today"]
        .as_str()
        .unwrap()
        .to_owned();
    let entered = days_before(&today, 400);
    let enrolled = ok(
        &w,
        "student_enrol",
        json!({ "input": {
            "kind": "no_prior_record", "nationalCheck": "passed", "idType": "resident_id",
            "idNumber": id_number(), "name": "李华", "formerName": null, "sex": null, "birthDate": null,
            "ethnicity": "汉族", "nationality": "中国", "hukouKind": "非农业户口",
            "hukouAddress": "浙江省杭州市", "currentAddress": "浙江省杭州市", "migrantChild": false,
            "leftBehind": false, "orphan": false, "disabilityKind": null, "studyMode": "regular",
            "foreignNational": false, "grade": 8, "className": "1班", "entryDate": entered, "family": [] } }),
    );
    let student = enrolled["student"]["id"].clone();
    let approval = ok(
        &w,
        "change_submit",
        json!({ "input": { "studentId": student, "change": { "type": "approve_enrolment" },
            "effectiveOn": entered, "proofs": [], "note": null } }),
    );
    let approval = approval["row"]["id"].clone();
    login(&w, "shenhe");
    decide(&w, &approval, 0, "approve", &entered);
    login(&w, "registrar");
    let done = decide(&w, &approval, 1, "approve", &entered);
    assert_eq!(done["row"]["state"], "approved");

    // R22.2: 德育处 proposes, the approver hears, skips the hearing, decides and signs.
    let proposed = days_before(&today, 220);
    let signed = days_before(&today, 200);
    login(&w, "deyu");
    let sanction = ok(
        &w,
        "change_submit",
        json!({ "input": { "studentId": student, "change": { "type": "sanction", "level": "warning",
            "facts": "多次扰乱课堂秩序", "shortenedTo": null, "shortenedReason": null },
            "effectiveOn": proposed, "proofs": [], "note": null } }),
    );
    let id = sanction["row"]["id"].clone();
    decide(&w, &id, 0, "approve", &proposed);
    login(&w, "shenhe");
    let early = call(&w, "change_document", json!({ "applicationId": id })).unwrap_err();
    assert_eq!(
        early["kind"], "validation",
        "no decision before it is signed"
    );
    decide(&w, &id, 1, "approve", &proposed);
    decide(&w, &id, 2, "skip", &proposed);
    decide(&w, &id, 3, "approve", &signed);
    let published = decide(&w, &id, 4, "approve", &signed);
    assert_eq!(published["row"]["state"], "approved");
    assert_eq!(published["documents"], json!(["sanction_decision"]));
    let decision = ok(&w, "change_document", json!({ "applicationId": id }));
    assert_eq!(decision["mime"], "application/pdf");
    assert!(
        decision["fileName"]
            .as_str()
            .unwrap()
            .starts_with("处分决定书-")
    );
    assert_eq!(decision["data"][0], 37, "%PDF");

    // The appeal: filed by the registrar, the sanction upheld by the bureau.
    login(&w, "registrar");
    let appeal = ok(
        &w,
        "change_appeal_file",
        json!({ "input": { "applicationId": id, "on": signed, "grounds": "处分过重" } }),
    );
    assert_eq!(appeal["appeal"]["grounds"], "处分过重");
    let twice = call(
        &w,
        "change_appeal_file",
        json!({ "input": { "applicationId": id, "on": signed, "grounds": "再次申诉" } }),
    )
    .unwrap_err();
    assert_eq!(twice["ruleId"], "R22.2");
    let upheld = ok(
        &w,
        "change_appeal_decide",
        json!({ "input": { "applicationId": id, "on": signed, "upheld": true } }),
    );
    assert_eq!(upheld["appeal"]["upheld"], true);

    // R23.2: not while the student offended again; then lifted, with the written notice.
    let archive = ok(&w, "student_archive", json!({ "id": student }));
    let sanction_id = archive["sanctions"][0]["id"].clone();
    let lift = |reoffended: bool| {
        json!({ "input": { "studentId": student, "change": { "type": "lift_sanction",
            "sanctionId": sanction_id, "reformed": true, "reoffended": reoffended },
            "effectiveOn": today, "proofs": [], "note": null } })
    };
    let refused = call(&w, "change_check", lift(true)).unwrap_err();
    assert_eq!(
        (refused["kind"].clone(), refused["ruleId"].clone()),
        (json!("ruleViolation"), json!("R23.2"))
    );
    ok(&w, "change_check", lift(false));
    let lifted = ok(&w, "change_submit", lift(false));
    assert_eq!(lifted["row"]["state"], "applied");
    assert_eq!(lifted["documents"], json!(["sanction_lift_notice"]));
    let notice = ok(
        &w,
        "change_document",
        json!({ "applicationId": lifted["row"]["id"] }),
    );
    assert!(
        notice["fileName"]
            .as_str()
            .unwrap()
            .starts_with("解除处分通知书-")
    );
    assert_eq!(notice["data"][0], 37, "%PDF");
}

#[test]
fn days_are_counted_back_across_months_and_leap_years() {
    assert_eq!(days_before("2026-11-28", 0), "2026-11-28");
    assert_eq!(days_before("2026-11-28", 28), "2026-10-31");
    assert_eq!(days_before("2024-03-01", 1), "2024-02-29");
    assert_eq!(days_before("2026-01-01", 365), "2025-01-01");
}

/// A resident ID number from its first 17 digits.
fn with_check_digit(first17: &str) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

fn hardship_application(student: &Value, applied_on: &str) -> Value {
    json!({ "input": {
        "studentId": student, "schoolYear": null, "appliedOn": applied_on,
        "guardianName": "张大山", "guardianRelation": "父亲", "guardianPhone": "13800000000",
        "members": [
            { "name": "张大山", "relation": "父亲", "age": 42, "occupation": "务工",
              "annualIncomeYuan": 24000, "health": "慢性肾病" },
            { "name": "李秀英", "relation": "母亲", "age": 40, "occupation": "无固定工作",
              "annualIncomeYuan": 6000, "health": "健康" }
        ],
        "householdIncomeYuan": null, "householdSize": 3,
        "factors": ["family_finances"], "groups": ["minimum_living_allowance"], "otherGroups": [],
        "reason": "父亲患病需长期治疗，家庭收入减少。" } })
}

/// Every hardship command with a well-formed body.
fn hardship_commands() -> Vec<(&'static str, Value)> {
    vec![
        (
            "hardship_list",
            json!({ "schoolYear": 2026, "filter": { "page": 1, "pageSize": 20 } }),
        ),
        ("hardship_show", json!({ "id": 1 })),
        (
            "hardship_apply",
            hardship_application(&json!(1), "2026-12-01"),
        ),
        (
            "hardship_class_assess",
            json!({ "id": 1, "input": { "result": "hardship", "note": "属实", "assessedOn": null } }),
        ),
        (
            "hardship_decide",
            json!({ "id": 1, "input": { "level": "hardship", "note": null, "decidedOn": null, "noticeFrom": null } }),
        ),
        (
            "hardship_object",
            json!({ "id": 1, "input": { "raisedOn": null, "raisedBy": "", "content": "不实" } }),
        ),
        (
            "hardship_objection_decide",
            json!({ "id": 1, "input": { "number": 1, "sustained": false, "note": "不成立" } }),
        ),
        (
            "hardship_aid_grant",
            json!({ "input": { "applicationId": 1, "semester": "first", "kind": "生活补助",
                "amountFen": 100, "grantedOn": null, "note": null } }),
        ),
        ("hardship_form", json!({ "id": 1 })),
    ]
}

#[test]
#[allow(clippy::too_many_lines)] // one assessment, step by step
fn a_hardship_assessment_is_applied_assessed_decided_objected_aided_and_printed_through_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, w) = launch(&tmp.path().join("data"), &tmp.path().join("db.key"));
    let saved = tmp.path().join("认定表.pdf");
    tauri::Manager::manage(
        &app,
        xueji_desktop_lib::SaveDialog::answering(Some(saved.clone())),
    );

    // Not logged in: every hardship command refuses.
    for (cmd, body) in hardship_commands() {
        let locked = call(&w, cmd, body).unwrap_err();
        assert_eq!(locked["kind"], "locked", "{cmd}");
    }

    ok(
        &w,
        "setup_init",
        json!({ "input": { "school": common::primary_school(None), "adminUsername": "registrar",
            "adminDisplayName": "王老师", "adminPassword": "xueji2024" } }),
    );
    login(&w, "registrar");
    for (username, role) in [("shenhe", "approver"), ("deyu", "moral_education")] {
        ok(
            &w,
            "user_add",
            json!({ "input": { "username": username, "displayName": username, "password": "xueji2024", "role": role } }),
        );
    }
    let today = ok(&w, "dashboard", json!({}))["today"]
        .as_str()
        .unwrap()
        .to_owned();
    let day = chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap();
    let school_year = if chrono::Datelike::month(&day) >= 9 {
        chrono::Datelike::year(&day)
    } else {
        chrono::Datelike::year(&day) - 1
    };
    let mut students = Vec::new();
    for (name, first17) in [
        ("张小明", "33010620190301001"),
        ("王小红", "33010620190302002"),
    ] {
        let enrolled = ok(
            &w,
            "student_enrol",
            json!({ "input": {
                "kind": "grade_one", "nationalCheck": null, "idType": "resident_id",
                "idNumber": with_check_digit(first17), "name": name, "formerName": null, "sex": null,
                "birthDate": null, "ethnicity": "汉族", "nationality": "中国", "hukouKind": "非农业户口",
                "hukouAddress": "浙江省杭州市", "currentAddress": "浙江省杭州市", "migrantChild": false,
                "leftBehind": false, "orphan": false, "disabilityKind": null, "studyMode": "regular",
                "foreignNational": false, "grade": 1, "className": "1班",
                "entryDate": format!("{school_year}-09-01"), "family": [] } }),
        );
        students.push(enrolled["student"]["id"].clone());
    }

    // At least one factor: the backend says so too, naming the field.
    let mut no_factor = hardship_application(&students[0], &today);
    no_factor["input"]["factors"] = json!([]);
    no_factor["input"]["groups"] = json!([]);
    let refused = call(&w, "hardship_apply", no_factor).unwrap_err();
    assert_eq!(refused["kind"], "validation");
    assert!(refused["fields"]["factors"].is_string(), "{refused}");

    // The first, recorded from paper three weeks on: its notice is over, so it is in force.
    let applied = days_before(&today, 22);
    let first = ok(
        &w,
        "hardship_apply",
        hardship_application(&students[0], &applied),
    );
    assert_eq!(first["status"]["code"], "applied");
    let id = first["id"].clone();
    let assessed = ok(
        &w,
        "hardship_class_assess",
        json!({ "id": id, "input": { "result": "special", "note": "班级认定小组评议属实", "assessedOn": days_before(&today, 21) } }),
    );
    assert_eq!(assessed["status"]["code"], "class_assessed");
    let not_mine = call(
        &w,
        "hardship_decide",
        json!({ "id": id, "input": { "level": "special", "note": null, "decidedOn": null, "noticeFrom": null } }),
    )
    .unwrap_err();
    assert_eq!(
        not_mine["kind"], "forbidden",
        "the school's decision is the approver's"
    );
    login(&w, "shenhe");
    let decided = ok(
        &w,
        "hardship_decide",
        json!({ "id": id, "input": { "level": "special", "note": "经学校认定工作组审核", "decidedOn": days_before(&today, 20), "noticeFrom": null } }),
    );
    assert_eq!(decided["status"]["code"], "effective", "{decided}");
    assert_eq!(decided["level"]["label"], "特别困难");
    login(&w, "registrar");
    let semester = if (2..=8).contains(&chrono::Datelike::month(&day)) {
        "second"
    } else {
        "first"
    };
    let aid = ok(
        &w,
        "hardship_aid_grant",
        json!({ "input": { "applicationId": id, "semester": semester, "kind": "生活补助",
            "amountFen": 125_000, "grantedOn": null, "note": null } }),
    );
    assert_eq!(aid["amountYuan"], "1250.00");

    // The second, decided today: in its notice an objection holds it until the school rules.
    let second = ok(
        &w,
        "hardship_apply",
        hardship_application(&students[1], &today),
    );
    let id2 = second["id"].clone();
    ok(
        &w,
        "hardship_class_assess",
        json!({ "id": id2, "input": { "result": "hardship", "note": "评议属实", "assessedOn": null } }),
    );
    login(&w, "shenhe");
    let in_notice = ok(
        &w,
        "hardship_decide",
        json!({ "id": id2, "input": { "level": "hardship", "note": null, "decidedOn": null, "noticeFrom": null } }),
    );
    assert_eq!(in_notice["status"]["code"], "in_notice");
    login(&w, "registrar");
    let early = call(
        &w,
        "hardship_aid_grant",
        json!({ "input": { "applicationId": id2, "semester": semester, "kind": "生活补助",
            "amountFen": 50_000, "grantedOn": null, "note": null } }),
    )
    .unwrap_err();
    assert_eq!(early["kind"], "conflict", "no aid during the notice");
    let objected = ok(
        &w,
        "hardship_object",
        json!({ "id": id2, "input": { "raisedOn": null, "raisedBy": "匿名", "content": "家庭收入与实际不符" } }),
    );
    assert_eq!(objected["status"]["code"], "objection_pending");
    login(&w, "shenhe");
    let ruled = ok(
        &w,
        "hardship_objection_decide",
        json!({ "id": id2, "input": { "number": 1, "sustained": false, "note": "经核实，异议不成立" } }),
    );
    assert_eq!(ruled["status"]["code"], "in_notice");
    assert_eq!(ruled["objections"][0]["sustained"], false);

    // The list filters by status; the show has every step.
    let listed = ok(
        &w,
        "hardship_list",
        json!({ "schoolYear": school_year, "filter": { "statuses": ["effective"], "page": 1, "pageSize": 20 } }),
    );
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["rows"][0]["aidTotalFen"], 125_000);
    let shown = ok(&w, "hardship_show", json!({ "id": id }));
    assert_eq!(shown["aid"].as_array().unwrap().len(), 1);

    // The form, saved like every document: a private file.
    let form = ok(&w, "hardship_form", json!({ "id": id }));
    assert_eq!(
        form["fileName"],
        format!("家庭经济困难学生认定申请表-{id}.pdf")
    );
    assert_eq!(form["pdf"][0], 37, "%PDF");
    let path = ok(
        &w,
        "document_save_pdf",
        json!({ "pdf": form["pdf"], "fileName": form["fileName"] }),
    );
    assert_eq!(path, json!(saved.display().to_string()));
    assert!(std::fs::read(&saved).unwrap().starts_with(b"%PDF"));
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&saved).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);

    // 德育处 sees no family finances; a locked screen prints nothing.
    login(&w, "deyu");
    let forbidden = call(
        &w,
        "hardship_list",
        json!({ "schoolYear": school_year, "filter": { "page": 1, "pageSize": 20 } }),
    )
    .unwrap_err();
    assert_eq!(forbidden["kind"], "forbidden");
    login(&w, "registrar");
    ok(&w, "auth_lock", json!({}));
    for (cmd, body) in hardship_commands() {
        let locked = call(&w, cmd, body).unwrap_err();
        assert_eq!(locked["kind"], "locked", "{cmd} while the screen is locked");
    }
}
