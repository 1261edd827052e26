//! The start-up states the router reads (`setup_status`), recovery when the key is gone, and the
//! lock, through the real IPC path on Tauri's mock runtime with a real SQLCipher database.

mod common;

use common::{call, launch, primary_school};

use serde_json::json;

/// A copy of a data folder (database, its WAL, the recovery file), without the instance lock.
fn copy_of(from: &std::path::Path, to: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() && entry.file_name() != "xueji.lock" {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    to.to_path_buf()
}

// One story across three launches: splitting it would repeat the first run in each part.
#[allow(clippy::too_many_lines)]
#[test]
fn setup_status_reports_each_start_up_state_and_the_lost_key_is_recovered() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let key = tmp.path().join("db.key");

    let code = {
        let (_app, w) = launch(&data, &key);
        let fresh = call(&w, "setup_status", json!({})).unwrap();
        assert_eq!(
            fresh,
            json!({ "initialized": false, "unlocked": false, "keyMissing": false, "session": null, "locked": false })
        );
        call(&w, "ui_ready", json!({ "screen": "setup" })).unwrap();
        let code = call(
            &w,
            "setup_init",
            json!({ "input": {
                "school": primary_school(Some("3133001234")), "adminUsername": "xjgly", "adminDisplayName": "王老师",
                "adminPassword": "Xueji2024"
            }}),
        )
        .unwrap()["code"]
            .as_str()
            .unwrap()
            .to_owned();
        call(
            &w,
            "auth_login",
            json!({ "username": "xjgly", "password": "Xueji2024" }),
        )
        .unwrap();
        let status = call(&w, "setup_status", json!({})).unwrap();
        assert_eq!(status["session"]["displayName"], "王老师");
        assert_eq!(status["session"]["roleLabel"], "学籍管理员");
        assert_eq!(status["locked"], false);

        // Locked: status says so, every command answers `locked`, the password unlocks.
        call(&w, "auth_lock", json!({})).unwrap();
        assert_eq!(call(&w, "setup_status", json!({})).unwrap()["locked"], true);
        let refused = call(&w, "dashboard", json!({})).expect_err("locked");
        assert_eq!(refused["kind"], "locked");
        let wrong = call(&w, "auth_unlock", json!({ "password": "nope12345" })).expect_err("wrong");
        assert!(
            wrong["message"].as_str().unwrap().starts_with("密码不正确"),
            "{wrong}"
        );
        call(&w, "auth_unlock", json!({ "password": "Xueji2024" })).unwrap();
        assert_eq!(
            call(&w, "setup_status", json!({})).unwrap()["locked"],
            false
        );
        call(&w, "auth_logout", json!({})).unwrap();
        code
    };

    // The mock runtime keeps the first launch's state (and its data-folder lock) alive, so the
    // next launches run on a copy of the folder, as if the app had been closed.
    let data = copy_of(&data, &tmp.path().join("data-2"));

    // The next launch opens the database with the stored key: straight to login.
    {
        let (_app, w) = launch(&data, &key);
        let status = call(&w, "setup_status", json!({})).unwrap();
        assert_eq!(
            (
                status["initialized"].clone(),
                status["unlocked"].clone(),
                status["keyMissing"].clone()
            ),
            (json!(true), json!(true), json!(false))
        );
    }

    // The key is lost: the status says so, a wrong code is refused, the right one opens it.
    let data = copy_of(&data, &tmp.path().join("data-3"));
    std::fs::remove_file(&key).unwrap();
    {
        let (_app, w) = launch(&data, &key);
        let status = call(&w, "setup_status", json!({})).unwrap();
        assert_eq!(
            (
                status["initialized"].clone(),
                status["unlocked"].clone(),
                status["keyMissing"].clone()
            ),
            (json!(true), json!(false), json!(true))
        );
        let login = call(
            &w,
            "auth_login",
            json!({ "username": "xjgly", "password": "Xueji2024" }),
        )
        .expect_err("no key, no login");
        assert_eq!(login["kind"], "locked");
        let mut wrong = code.clone();
        wrong.replace_range(
            0..5,
            if code.starts_with("00000") {
                "11111"
            } else {
                "00000"
            },
        );
        let refused = call(&w, "setup_recover", json!({ "code": wrong })).expect_err("wrong code");
        assert_eq!(refused["kind"], "validation");
        assert_eq!(refused["message"], "恢复码不正确");
        call(
            &w,
            "setup_recover",
            json!({ "code": code.to_lowercase().replace('-', " ") }),
        )
        .unwrap();
        let status = call(&w, "setup_status", json!({})).unwrap();
        assert_eq!(status["unlocked"], true);
        assert_eq!(status["keyMissing"], false);
        call(
            &w,
            "auth_login",
            json!({ "username": "xjgly", "password": "Xueji2024" }),
        )
        .unwrap();
    }
    assert!(key.exists(), "the recovered key is stored again");
}

/// Issue 15, disaster recovery: the office computer died; on the new one, 从备份恢复 takes the
/// backup from the USB stick and the recovery code, and the old accounts log in.
#[test]
fn a_new_computer_restores_from_a_backup_and_the_recovery_code() {
    let tmp = tempfile::tempdir().unwrap();
    let usb = tmp.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let backup = usb.join("xueji-backup.db");
    let code = {
        let (_app, w) = launch(&tmp.path().join("old"), &tmp.path().join("old.key"));
        let code = call(
            &w,
            "setup_init",
            json!({ "input": {
                "school": primary_school(None), "adminUsername": "xjgly", "adminDisplayName": "王老师",
                "adminPassword": "Xueji2024"
            }}),
        )
        .unwrap()["code"]
            .as_str()
            .unwrap()
            .to_owned();
        call(
            &w,
            "auth_login",
            json!({ "username": "xjgly", "password": "Xueji2024" }),
        )
        .unwrap();
        call(
            &w,
            "backup_create",
            json!({ "to": backup.display().to_string() }),
        )
        .unwrap();
        code
    };

    let (_app, w) = launch(&tmp.path().join("new"), &tmp.path().join("new.key"));
    let fresh = call(&w, "setup_status", json!({})).unwrap();
    assert_eq!(fresh["initialized"], false);
    let missing = call(
        &w,
        "setup_restore_backup",
        json!({ "file": usb.join("nope.db").display().to_string(), "code": code }),
    )
    .expect_err("no such file");
    assert_eq!(missing["kind"], "validation");
    let mut wrong = code.clone();
    wrong.replace_range(
        0..5,
        if code.starts_with("00000") {
            "11111"
        } else {
            "00000"
        },
    );
    let refused = call(
        &w,
        "setup_restore_backup",
        json!({ "file": backup.display().to_string(), "code": wrong }),
    )
    .expect_err("wrong code");
    assert_eq!(refused["message"], "恢复码不正确");
    assert_eq!(
        call(&w, "setup_status", json!({})).unwrap()["initialized"],
        false,
        "nothing installed"
    );
    call(
        &w,
        "setup_restore_backup",
        json!({ "file": backup.display().to_string(), "code": code }),
    )
    .unwrap();
    let status = call(&w, "setup_status", json!({})).unwrap();
    assert_eq!(
        (status["initialized"].clone(), status["unlocked"].clone()),
        (json!(true), json!(true))
    );
    call(
        &w,
        "auth_login",
        json!({ "username": "xjgly", "password": "Xueji2024" }),
    )
    .unwrap();
    assert!(
        tmp.path().join("new.key").exists(),
        "the key is kept on the new computer"
    );
}
