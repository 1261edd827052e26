//! The graduation and print commands the 毕业 and 打印 pages call, through the real IPC path on
//! Tauri's mock runtime with a real SQLCipher database: the batch, the certificates with their
//! progress channel, the R26.2 refusal, the completion proof, the issued-document log and void.

mod common;

use common::{MockApp, Window, call, launch, set_up_and_log_in};

use chrono::NaiveDate;
use serde_json::{Value, json};
use tauri::Manager;
use xueji_desktop_lib::{AppState, SaveDialog};
use xueji_domain::{Grade, PersonName, Status};
use xueji_store::repo::students::{self, NewFamilyMember, NewStudent, Placement};

/// A valid resident ID number for a birth date and a sequence number.
fn id_number(birth: NaiveDate, seq: u16) -> String {
    let first17 = format!("330106{}{:03}", birth.format("%Y%m%d"), seq);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// A 在读 student of `grade`, written straight into the store: the records of a school that has
/// been running for years (the changes that brought them there belong to other commands).
fn student(name: &str, seq: u16, grade: u8) -> NewStudent {
    let birth = NaiveDate::from_ymd_opt(2020 - i32::from(grade), 3, 1).unwrap();
    let id = id_number(birth, seq);
    NewStudent {
        xueji_number: Some(format!("G{id}")),
        id_type: "resident_id".to_owned(),
        id_number: id,
        name: PersonName::parse(name).unwrap(),
        former_name: None,
        sex: "male".to_owned(),
        birth_date: birth,
        ethnicity: "汉族".to_owned(),
        nationality: "中国".to_owned(),
        hukou_kind: "非农业户口".to_owned(),
        hukou_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        current_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        migrant_child: false,
        left_behind: false,
        orphan: false,
        disability_kind: None,
        inclusive_placement: false,
        status: Status::Enrolled,
        grade: Some(Grade::new(grade).unwrap()),
        placement: Placement {
            grade_year: Some(2026),
            class_name: Some("1班".to_owned()),
            entry_date: NaiveDate::from_ymd_opt(2021, 9, 1),
            stage_entry_date: None,
            study_mode: xueji_domain::StudyMode::Regular,
            foreign_national: false,
            aux_number: None,
        },
        family: vec![NewFamilyMember {
            name: "王大山".to_owned(),
            relation: "父亲".to_owned(),
            phone: Some("13800000000".to_owned()),
            id_number: None,
            employer: None,
            guardian: true,
        }],
    }
}

/// A set-up primary school (graduating grade 6) with three sixth-graders and a fifth-grader, the
/// registrar logged in. Returns the window and the students' ids.
fn school(tmp: &std::path::Path) -> (MockApp, Window, Vec<i64>) {
    let (app, w) = launch(&tmp.join("data"), &tmp.join("db.key"));
    // Never opened here: the only save asked of it is refused before the dialog.
    app.manage(SaveDialog::new(app.handle().clone()));
    set_up_and_log_in(&w);
    let ids = tauri::async_runtime::block_on(async {
        let state = app.state::<AppState>();
        let guard = state.app.read().await;
        let db = guard.as_ref().unwrap().db();
        let mut ids = Vec::new();
        for (name, seq, grade) in [
            ("张一", 1, 6),
            ("张二", 2, 6),
            ("张三", 3, 6),
            ("张五", 4, 5),
        ] {
            ids.push(
                students::insert(db, "seed", &student(name, seq, grade))
                    .await
                    .unwrap(),
            );
        }
        ids
    });
    (app, w, ids)
}

fn results(ids: &[i64]) -> Value {
    json!([
        { "studentId": ids[0], "programmeCompleted": true, "overallQualityPassed": true,
          "failedSubjectsAfterMakeup": 0, "auxNumber": "zj2026000001" },
        { "studentId": ids[1], "programmeCompleted": true, "overallQualityPassed": false,
          "failedSubjectsAfterMakeup": 0, "auxNumber": "ZJ2026000002" },
        { "studentId": ids[2], "programmeCompleted": false, "overallQualityPassed": true,
          "failedSubjectsAfterMakeup": 0, "auxNumber": "ZJ2026000003" },
    ])
}

fn pdf_bytes(printed: &Value) -> Vec<u8> {
    printed["pdf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| u8::try_from(b.as_u64().unwrap()).unwrap())
        .collect()
}

const ON: &str = "2026-11-27";

#[test]
fn graduation_batch_certificates_and_the_document_log_through_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w, ids) = school(tmp.path());
    preview_and_confirm(&w, &ids);
    certificates_then_proof(&w, &ids);
    log_and_void(&w);
}

/// The batch: the roster, the outcomes with their rules, the refusals, the confirmation.
fn preview_and_confirm(w: &Window, ids: &[i64]) {
    let on = ON;
    // The roster query the page starts from: 在读 sixth-graders only.
    let roster = call(
        w,
        "student_search",
        json!({ "input": {
            "grade": 6, "statuses": ["enrolled"], "page": 1, "pageSize": 200
        }}),
    )
    .unwrap();
    assert_eq!(roster["total"], 3);

    let preview = call(
        w,
        "graduation_preview",
        json!({ "input": {
            "grade": 6, "on": on, "bureauReference": null, "results": results(ids)
        }}),
    )
    .unwrap();
    let outcomes: Vec<(&str, &str)> = preview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["outcome"].as_str().unwrap(), r["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("graduated", "R25.1"),
            ("completed", "R25.2"),
            ("incomplete", "R25.3")
        ]
    );
    assert_eq!(preview["withProblems"], 0);
    assert_eq!(preview["rows"][0]["auxNumber"], "ZJ2026000001");

    // A fifth-grader in the batch is a problem with its rule, and the confirmation is refused.
    let mut wrong = results(ids);
    wrong[2]["studentId"] = json!(ids[3]);
    let flagged = call(
        w,
        "graduation_preview",
        json!({ "input": {
            "grade": 6, "on": on, "bureauReference": null, "results": wrong
        }}),
    )
    .unwrap();
    assert_eq!(flagged["withProblems"], 1);
    assert_eq!(flagged["rows"][2]["problems"][0]["rule"], "R25.1");
    let refused = call(
        w,
        "graduation_confirm",
        json!({ "input": {
            "grade": 6, "on": on, "bureauReference": "西教学〔2026〕18号", "results": wrong
        }}),
    )
    .expect_err("a fifth-grader cannot graduate");
    assert_eq!(refused["kind"], "ruleViolation");
    assert_eq!(refused["ruleId"], "R25.1");

    let no_reference = call(
        w,
        "graduation_confirm",
        json!({ "input": {
            "grade": 6, "on": on, "bureauReference": " ", "results": results(ids)
        }}),
    )
    .expect_err("the bureau's 文号 is required");
    assert_eq!(no_reference["kind"], "validation");
    assert!(no_reference["fields"]["bureauReference"].is_string());

    let done = call(
        w,
        "graduation_confirm",
        json!({ "input": {
            "grade": 6, "on": on, "bureauReference": "西教学〔2026〕18号", "results": results(ids)
        }}),
    )
    .unwrap();
    assert_eq!(
        (
            done["finished"].clone(),
            done["graduated"].clone(),
            done["completed"].clone(),
            done["incomplete"].clone()
        ),
        (json!(3), json!(1), json!(1), json!(1))
    );
}

/// Every certificate once (R26.2), then the completion proof.
fn certificates_then_proof(w: &Window, ids: &[i64]) {
    // Every certificate of the grade in one PDF, numbered; the progress goes over a channel.
    let certificates = call(
        w,
        "graduation_certificates",
        json!({ "input": { "grade": 6, "studentIds": [] }, "onProgress": "__CHANNEL__:7" }),
    )
    .unwrap();
    assert!(pdf_bytes(&certificates).starts_with(b"%PDF"));
    assert_eq!(certificates["documents"], 3);
    let serials: Vec<&str> = certificates["serials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(serials.len(), 3);
    assert!(serials.iter().all(|s| s.contains("-CERT-")));

    // R26.2: never a second certificate; the proof instead.
    let again = call(
        w,
        "graduation_certificates",
        json!({ "input": { "grade": null, "studentIds": [ids[0]] }, "onProgress": "__CHANNEL__:8" }),
    )
    .expect_err("a certificate is issued once");
    assert_eq!(again["ruleId"], "R26.2");
    let proof = call(w, "completion_proof", json!({ "studentId": ids[0] })).unwrap();
    assert_eq!(proof["kind"], "completion_proof");
    assert!(pdf_bytes(&proof).starts_with(b"%PDF"));
}

/// The issued-document log, and void with its reason, once.
fn log_and_void(w: &Window) {
    // The log: the proof first, then the certificates; void one with a reason, once.
    let log = call(w, "document_log", json!({ "filter": {
        "kind": null, "studentId": null, "year": null, "includeVoided": true, "page": 1, "pageSize": 20
    }}))
    .unwrap();
    assert_eq!(log["total"], 4);
    assert_eq!(log["rows"][0]["kind"], "completion_proof");
    assert_eq!(log["rows"][0]["kindLabel"], "毕（结、肄）业证明书");
    let serial = log["rows"][1]["serial"].as_str().unwrap().to_owned();
    let blank = call(
        w,
        "document_void",
        json!({ "serial": serial, "reason": "  " }),
    )
    .expect_err("a reason is required");
    assert_eq!(blank["kind"], "validation");
    let voided = call(
        w,
        "document_void",
        json!({ "serial": serial, "reason": "纸张损坏" }),
    )
    .unwrap();
    assert_eq!(voided["voided"], true);
    assert_eq!(voided["voidReason"], "纸张损坏");
    let twice = call(
        w,
        "document_void",
        json!({ "serial": serial, "reason": "纸张损坏" }),
    )
    .expect_err("voided once");
    assert_eq!(twice["kind"], "conflict");
    let valid = call(w, "document_log", json!({ "filter": {
        "kind": "certificate", "studentId": null, "year": null, "includeVoided": false, "page": 1, "pageSize": 20
    }}))
    .unwrap();
    assert_eq!(valid["total"], 2);
}

#[test]
fn print_page_commands_list_kinds_print_with_progress_and_refuse_what_is_not_a_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w, ids) = school(tmp.path());

    let kinds = call(&w, "document_kinds", json!({})).unwrap();
    let kinds = kinds.as_array().unwrap();
    assert_eq!(kinds.len(), 23);
    let card = kinds.iter().find(|k| k["kind"] == "record_card").unwrap();
    assert_eq!(
        (card["label"].clone(), card["perStudent"].clone()),
        (json!("学籍卡"), json!(true))
    );
    let stats = kinds
        .iter()
        .find(|k| k["kind"] == "change_statistics")
        .unwrap();
    assert_eq!(stats["wholeSchool"], true);

    let cards = call(&w, "document_print_progress", json!({
        "input": { "kind": "record_card", "studentIds": [],
                   "filter": { "grade": 6, "className": "1班", "statuses": [], "includeArchived": false } },
        "onProgress": "__CHANNEL__:3"
    }))
    .unwrap();
    assert_eq!(cards["documents"], 3);
    assert!(pdf_bytes(&cards).starts_with(b"%PDF"));
    let roster = call(
        &w,
        "document_print_progress",
        json!({
            "input": { "kind": "roster", "studentIds": [ids[0], ids[1]], "filter": null },
            "onProgress": "__CHANNEL__:4"
        }),
    )
    .unwrap();
    assert_eq!(roster["documents"], 1);

    // Saving checks the bytes before any dialog opens.
    let not_pdf = call(
        &w,
        "document_save_pdf",
        json!({ "pdf": [1, 2, 3], "fileName": "x.pdf" }),
    )
    .expect_err("not a PDF");
    assert_eq!(not_pdf["kind"], "validation");

    // A locked screen saves nothing: the lock stands until the password is given again.
    call(&w, "auth_lock", json!({})).unwrap();
    let locked = call(
        &w,
        "document_save_pdf",
        json!({ "pdf": [37, 80, 68, 70], "fileName": "x.pdf" }),
    )
    .expect_err("locked");
    assert_eq!(locked["kind"], "locked");
    let locked = call(
        &w,
        "file_save",
        json!({ "input": { "fileName": "x.xlsx", "data": [1, 2, 3] } }),
    )
    .expect_err("locked");
    assert_eq!(locked["kind"], "locked");

    call(&w, "auth_logout", json!({})).unwrap();
    for (cmd, body) in [
        (
            "document_log",
            json!({ "filter": { "page": 1, "pageSize": 20 } }),
        ),
        ("completion_proof", json!({ "studentId": ids[0] })),
        (
            "document_save_pdf",
            json!({ "pdf": [37, 80, 68, 70], "fileName": "x.pdf" }),
        ),
    ] {
        let locked = call(&w, cmd, body).expect_err("logged out");
        assert_eq!(locked["kind"], "locked", "{cmd}");
    }
}
