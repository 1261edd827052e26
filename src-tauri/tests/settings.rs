//! The 设置, 统计 and backup commands through the real IPC path on Tauri's mock runtime, with a
//! real SQLCipher database and a key file: a restore reopens the database in the shell's state
//! and keeps the user logged in.

mod common;

use common::{Window, call, launch, set_up_and_log_in};

use serde_json::json;

fn usernames(w: &Window) -> Vec<String> {
    call(w, "user_list", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
#[allow(clippy::too_many_lines)] // one registrar session, step by step, reads as one script
fn settings_statistics_backup_and_restore_through_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w) = launch(&tmp.path().join("data"), &tmp.path().join("db.key"));

    set_up_and_log_in(&w);

    let settings = call(&w, "settings_get", json!({})).unwrap();
    assert_eq!(settings["school"]["name"], "文三路小学");
    assert!(
        settings["calendar"]["years"]
            .as_array()
            .unwrap()
            .contains(&json!(2026))
    );
    call(&w, "idle_lock_set", json!({ "minutes": 30 })).unwrap();
    call(&w, "hardship_notice_days_set", json!({ "days": 7 })).unwrap();
    let terms = call(
        &w,
        "terms_set",
        json!({ "terms": [{
            "schoolYear": 2025, "semester": "second", "start": "2026-02-24", "end": "2026-07-03"
        }]}),
    )
    .unwrap();
    assert_eq!(terms[0]["label"], "2025—2026学年第二学期");
    let settings = call(&w, "settings_get", json!({})).unwrap();
    assert_eq!(
        (
            settings["idleLockMinutes"].clone(),
            settings["hardshipNoticeDays"].clone()
        ),
        (json!(30), json!(7))
    );
    let counts = call(&w, "statistics", json!({})).unwrap();
    assert_eq!(counts["allTotal"], 0);

    let registrar = call(&w, "registrar_appoint", json!({ "input": {
        "name": "王老师", "username": "registrar", "trainedOn": "2025-08-20", "onDutyFrom": "2025-09-01"
    }}))
    .unwrap();
    assert_eq!(registrar["registrar"]["trainedOn"], "2025-08-20");
    assert_eq!(
        call(&w, "registrar_list", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Back up, change something, restore: the change is undone and the user still logged in.
    let backup = call(&w, "backup_create", json!({ "to": null })).unwrap();
    let name = backup["name"].as_str().unwrap().to_owned();
    call(&w, "user_add", json!({ "input": {
        "username": "later", "displayName": "李老师", "password": "xueji2024", "role": "read_only"
    }}))
    .unwrap();
    assert!(usernames(&w).contains(&"later".to_owned()));
    let wrong = call(
        &w,
        "backup_restore",
        json!({ "input": { "file": name, "password": "nope12345" } }),
    )
    .expect_err("wrong password");
    assert_eq!(wrong["kind"], "validation");
    assert!(usernames(&w).contains(&"later".to_owned()));
    let restored = call(
        &w,
        "backup_restore",
        json!({ "input": { "file": name, "password": "xueji2024" } }),
    )
    .unwrap();
    assert_eq!(restored["sessionKept"], true);
    assert!(!usernames(&w).contains(&"later".to_owned()));
    let list = call(&w, "backup_list", json!({})).unwrap();
    assert!(
        list["backups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["kind"] == "pre_restore")
    );
    let check = call(&w, "audit_verify", json!({})).unwrap();
    assert_eq!(check["intact"], true);
    let schedule = call(
        &w,
        "backup_schedule_set",
        json!({ "schedule": { "daily": true, "keep": 7 } }),
    )
    .unwrap();
    assert_eq!(schedule["keep"], 7);

    // Own password.
    call(
        &w,
        "user_change_password",
        json!({ "oldPassword": "xueji2024", "newPassword": "newpass2025" }),
    )
    .unwrap();
    call(&w, "auth_logout", json!({})).unwrap();
    call(
        &w,
        "auth_login",
        json!({ "username": "registrar", "password": "newpass2025" }),
    )
    .unwrap();
}
