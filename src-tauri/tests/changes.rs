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
