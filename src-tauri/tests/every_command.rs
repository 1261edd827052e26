//! Issue 15: every IPC command, enumerated from the app's own command list, is classified here.
//! Each needs a logged-in session but the start-up and recovery ones listed with their reason; a
//! logged-out call is refused with `locked`. Each command that shows personal data writes an
//! audit row naming the user: called here through the real IPC path on a real SQLCipher
//! database, or, where its fixture is a file or a long workflow, its use case is read for the
//! audit call it makes. A new command fails this test until it is classified.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Window, call, id_number, school_app};
use serde_json::{Value, json};

/// Commands that run without a session, and why.
const WITHOUT_SESSION: [(&str, &str); 13] = [
    ("app_info", "程序名称、版本和数据文件夹，不含学籍数据"),
    ("setup_status", "启动时判断是否已建库、是否已登录"),
    ("setup_init", "建库：此时还没有任何用户"),
    ("setup_recover", "钥匙串丢失时用恢复码解锁数据库"),
    (
        "setup_restore_backup",
        "新电脑上用备份和恢复码重建数据文件夹",
    ),
    ("recovery_code_save", "建库或恢复后保存只显示一次的恢复码"),
    ("auth_login", "登录"),
    ("auth_logout", "退出登录"),
    ("ui_ready", "界面就绪信号，不含数据"),
    ("document_kinds", "文书种类清单，不含数据"),
    ("audit_actions", "审计动作名称清单，不含数据"),
    ("file_pick", "系统的选择文件对话框，不读数据库"),
    // Checks the session itself (and the password again) before replacing the database.
    ("backup_restore", "自行核对登录会话并再次验证密码"),
];

/// Commands that show students' personal data and are called here, each with its arguments
/// (`$student`, `$application` are replaced by the fixture's ids).
fn personal_reads() -> Vec<(&'static str, Value)> {
    vec![
        ("audit_list", json!({ "filter": {} })),
        ("dashboard", json!({})),
        (
            "student_search",
            json!({ "input": { "query": "林", "grade": null, "className": null, "statuses": [],
                "flags": [], "includeArchived": false, "page": 1, "pageSize": 20 } }),
        ),
        ("student_archive", json!({ "id": "$student" })),
        ("student_photo", json!({ "studentId": "$student" })),
        (
            "change_list",
            json!({ "input": { "studentId": null, "kind": null, "state": null,
            "waitingOn": null, "overdueOnly": false, "page": 1 } }),
        ),
        ("change_show", json!({ "id": "$application" })),
        ("change_form", json!({ "applicationId": "$application" })),
        ("promotion_preview", json!({ "into": 2027 })),
        ("early_leaver_check", json!({ "studentId": "$student" })),
        (
            "document_print",
            json!({ "input": { "kind": "record_card", "studentIds": ["$student"], "filter": null } }),
        ),
        (
            "document_log",
            json!({ "filter": { "kind": null, "studentId": null, "year": null, "page": 1,
                "pageSize": 20 } }),
        ),
        ("migrant_dropouts", json!({})),
        ("progression_graduates", json!({})),
        (
            "hardship_list",
            json!({ "schoolYear": 2026, "filter": { "level": null, "grade": null,
                "className": null, "studentId": null, "page": 1, "pageSize": 20 } }),
        ),
    ]
}

/// Commands that show personal data but need a file or a long workflow first: the app use case
/// each calls, whose body must write an audit row (read from the source, so a removed audit call
/// fails here).
const READS_AUDITED_IN_THEIR_USE_CASE: [(&str, &str); 11] = [
    ("attachment_get", "attachment_get"),
    ("change_document", "change_document"),
    ("completion_proof", "completion_proof"),
    ("hardship_show", "hardship_show"),
    ("hardship_form", "hardship_form"),
    ("package_inspect", "package_inspect"),
    ("import_students_check", "import_students_check"),
    ("graduation_preview", "graduation_preview"),
    ("progression_handover_list", "progression_handover_list"),
    ("migrant_handover_list", "migrant_handover_list"),
    ("document_print_progress", "document_print_with_progress"),
];

/// Every other command: changes (each use case writes its audit row in the change's own
/// transaction, tested with the change) and reads without students' personal data.
const OTHERS: [&str; 73] = [
    // Account and session.
    "auth_lock",
    "auth_unlock",
    "user_list",
    "user_add",
    "user_lock",
    "user_unlock",
    "user_change_password",
    "registrar_appoint",
    "registrar_list",
    "audit_verify",
    // Students and changes written.
    "student_classes",
    "student_enrol",
    "student_edit",
    "dropout_report_record",
    "student_national_number_record",
    "student_photo_set",
    "change_check",
    "change_submit",
    "change_decide",
    "change_withdraw",
    "change_appeal_file",
    "change_appeal_decide",
    // Batches.
    "promotion_run",
    "graduation_confirm",
    "graduation_certificates",
    "early_leaver_incomplete",
    "bureau_checks",
    "bureau_check_record",
    "bureau_check_resolve",
    // Documents written or saved (the PDF the page already has).
    "document_void",
    "document_hand_out",
    "certificate_reprint_approve",
    "document_save_pdf",
    "file_save",
    "print_setup_get",
    "print_calibration_page",
    "print_settings_set",
    "print_send",
    // Exchange (each export and package is audited with its approval, R30.2).
    "import_students_commit",
    "import_report_save",
    "export_save",
    "export_duplicate_check_save",
    "keys_show",
    "keys_trust",
    "keys_trusted",
    "package_create",
    "package_school_archive",
    "package_migrant_handover",
    "package_progression",
    "package_import",
    // Settings, calendar, backups, statistics (counts only).
    "settings_get",
    "school_update",
    "calendar_get",
    "calendar_preview",
    "calendar_save",
    "calendar_remove",
    "terms_set",
    "idle_lock_set",
    "hardship_notice_days_set",
    "rule_profile_change",
    "backup_create",
    "backup_offsite_folder_set",
    "backup_offsite_now",
    "backup_list",
    "backup_verify",
    "backup_schedule_set",
    "statistics",
    // Hardship written.
    "hardship_apply",
    "hardship_class_assess",
    "hardship_decide",
    "hardship_object",
    "hardship_objection_decide",
    "hardship_aid_grant",
];

fn source(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The commands the app registers (`collect_commands!` in `src/lib.rs`).
fn registered() -> BTreeSet<String> {
    let lib = source("src/lib.rs");
    let list = &lib[lib.find("collect_commands![").expect("command list")..];
    let list = &list[..list.find("])").expect("end of the list")];
    list.split("commands::")
        .skip(1)
        .filter_map(|part| {
            let path = part.split([',', '\n', ' ']).next()?;
            let name = path.split("::").nth(1)?;
            Some(name.split('<').next()?.to_owned())
        })
        .collect()
}

/// Each `#[tauri::command]` function of `src/commands/*.rs` with its body.
fn command_bodies() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    for entry in std::fs::read_dir(dir).expect("commands") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        for part in text.split("#[tauri::command]").skip(1) {
            let Some(start) = part.find("pub async fn ").or_else(|| part.find("pub fn ")) else {
                continue;
            };
            let rest = &part[start..];
            let name = rest
                .trim_start_matches("pub async fn ")
                .trim_start_matches("pub fn ");
            let name: String = name
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let body = &rest[..rest.find("\n}\n").unwrap_or(rest.len())];
            out.insert(name, body.to_owned());
        }
    }
    out
}

/// The body of `pub async fn name` in the app crate.
fn use_case_body(name: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/app/src");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let marker = format!("pub async fn {name}(");
            if let Some(at) = text.find(&marker) {
                let rest = &text[at..];
                return rest[..rest.find("\n    }\n").unwrap_or(rest.len())].to_owned();
            }
        }
    }
    panic!("no use case `{name}` in the app crate")
}

#[test]
fn every_command_is_classified_and_needs_a_session_but_the_listed_ones() {
    let registered = registered();
    let bodies = command_bodies();
    assert_eq!(
        registered,
        bodies.keys().cloned().collect::<BTreeSet<_>>(),
        "every registered command has a body in src/commands and the other way round"
    );
    let mut classified = BTreeSet::new();
    let reads = personal_reads();
    let names = WITHOUT_SESSION
        .iter()
        .map(|(n, _)| *n)
        .chain(reads.iter().map(|(n, _)| *n))
        .chain(READS_AUDITED_IN_THEIR_USE_CASE.iter().map(|(n, _)| *n))
        .chain(OTHERS);
    for name in names {
        assert!(classified.insert(name.to_owned()), "{name} is listed twice");
    }
    let unclassified: Vec<_> = registered.difference(&classified).collect();
    assert!(
        unclassified.is_empty(),
        "classify these commands here: {unclassified:?}"
    );
    let stale: Vec<_> = classified.difference(&registered).collect();
    assert!(stale.is_empty(), "no such commands: {stale:?}");
    let exempt: BTreeSet<&str> = WITHOUT_SESSION.iter().map(|(n, _)| *n).collect();
    for (name, body) in &bodies {
        if !exempt.contains(name.as_str()) {
            assert!(
                body.contains("super::session(&state)"),
                "{name} must start with the session check"
            );
        }
    }
    // The exception that checks the session itself.
    assert!(bodies["backup_restore"].contains("state.session"));
    for (command, use_case) in READS_AUDITED_IN_THEIR_USE_CASE {
        let body = use_case_body(use_case);
        assert!(
            [
                "audit::record(",
                "audit::append(",
                "audit::seen(",
                "print_students(",
                // Both end in `print_students` (document_print is called above).
                "self.document_print(",
                "self.print_handover_list(",
            ]
            .iter()
            .any(|call| body.contains(call)),
            "{command}: its use case {use_case} writes no audit row"
        );
    }
}

/// `$student` and `$application` replaced by the fixture's ids.
fn with_ids(args: &Value, student: &Value, application: &Value) -> Value {
    match args {
        Value::String(s) if s == "$student" => student.clone(),
        Value::String(s) if s == "$application" => application.clone(),
        Value::Array(a) => Value::Array(
            a.iter()
                .map(|v| with_ids(v, student, application))
                .collect(),
        ),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), with_ids(v, student, application)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A pupil with a photo, and the application to approve their enrolment (学籍核准).
fn fixture(w: &Window) -> (Value, Value) {
    let enrolled = call(w, "student_enrol", json!({ "input": {
        "kind": "grade_one", "nationalCheck": null, "idType": "resident_id",
        "idNumber": id_number("33010620170301001"), "name": "林小雨", "formerName": null, "sex": null,
        "birthDate": null, "ethnicity": "汉族", "nationality": "中国", "hukouKind": "非农业户口",
        "hukouAddress": "浙江省杭州市", "currentAddress": "浙江省杭州市", "migrantChild": false,
        "leftBehind": false, "orphan": false, "disabilityKind": null, "studyMode": "regular",
        "foreignNational": false, "grade": 1, "className": "1班", "entryDate": "2025-09-01",
        "family": [{ "name": "林大山", "relation": "父亲", "phone": "13800000000",
                     "idNumber": null, "employer": null, "guardian": true }]
    }}))
    .unwrap_or_else(|e| panic!("enrol: {e}"));
    let student = enrolled["student"]["id"].clone();
    let photo = include_bytes!("../crates/print/tests/assets/photo.jpg").to_vec();
    call(
        w,
        "student_photo_set",
        json!({ "studentId": student, "data": photo }),
    )
    .unwrap_or_else(|e| panic!("photo: {e}"));
    let submitted = call(
        w,
        "change_submit",
        json!({ "input": {
        "studentId": student, "change": { "type": "approve_enrolment" },
        "effectiveOn": "2025-09-01", "proofs": [], "note": null } }),
    );
    let application = match submitted {
        Ok(v) => v["row"]["id"].clone(),
        Err(e) => panic!("an application: {e}"),
    };
    (student, application)
}

/// How many audit rows there are (the `audit_list` call adds its own after counting).
fn audit_total(w: &Window) -> u64 {
    call(w, "audit_list", json!({ "filter": {} })).unwrap()["total"]
        .as_u64()
        .expect("total")
}

#[test]
fn every_read_of_personal_data_is_audited_and_refused_when_logged_out() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w) = school_app(tmp.path());
    let (student, application) = fixture(&w);
    for (name, args) in personal_reads() {
        let args = with_ids(&args, &student, &application);
        let before = audit_total(&w);
        call(&w, name, args).unwrap_or_else(|e| panic!("{name}: {e}"));
        let rows = call(&w, "audit_list", json!({ "filter": {} })).unwrap();
        let written = rows["total"].as_u64().unwrap() - before - 1;
        assert!(
            written >= 1,
            "{name} showed personal data without an audit row"
        );
        assert_eq!(
            rows["rows"][0]["user"], "registrar",
            "{name}: {}",
            rows["rows"][0]
        );
    }
    // Logged out: each is refused before anything is read.
    call(&w, "auth_logout", json!({})).unwrap();
    for (name, args) in personal_reads() {
        let err = call(&w, name, with_ids(&args, &student, &application)).expect_err(name);
        assert_eq!(err["kind"], "locked", "{name}: {err}");
    }
}
