//! The export commands through the real IPC path on Tauri's mock runtime, with a real SQLCipher
//! database: an export is checked (R30.2, R30.1) before the save dialog opens, and made and
//! audited only once the registrar has chosen where it goes; a cancelled save leaves no trace.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use xueji_desktop_lib::{AppState, SaveDialog};

type Window = tauri::WebviewWindow<MockRuntime>;

fn call(webview: &Window, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: tauri::http::HeaderMap::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().unwrap())
}

/// A set-up school, the registrar logged in; the save dialog always answers `answer`.
fn school(tmp: &Path, answer: Option<PathBuf>) -> (tauri::App<MockRuntime>, Window) {
    let mut state = AppState::open(tmp.join("data")).unwrap();
    state.keys = Some(xueji_store::KeyStore::file(tmp.join("db.key")));
    let app = mock_builder()
        .invoke_handler(xueji_desktop_lib::specta_builder().invoke_handler())
        .manage(state)
        .manage(SaveDialog::answering(answer))
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = tauri::WebviewWindowBuilder::new(&app, "main", tauri::WebviewUrl::default())
        .build()
        .unwrap();
    let school = json!({
        "name": "文三路小学", "code": null, "kind": "primary", "countyBureau": "西湖区教育局",
        "township": "文新街道", "graduatingGrades": [6], "mayAdmitForeign": false,
        "offersHomeTeaching": false, "ruleProfile": "zhejiang-2017"
    });
    call(&w, "setup_init", json!({ "input": {
        "school": school, "adminUsername": "registrar", "adminDisplayName": "王老师", "adminPassword": "xueji2024"
    }}))
    .unwrap();
    call(
        &w,
        "auth_login",
        json!({ "username": "registrar", "password": "xueji2024" }),
    )
    .unwrap();
    (app, w)
}

fn export_rows(w: &Window) -> Vec<String> {
    let page = call(
        w,
        "audit_list",
        json!({ "filter": { "user": null, "action": "export", "from": null, "to": null } }),
    )
    .unwrap();
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["target"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn statistics(w: &Window, approval_ref: &str) -> Result<Value, Value> {
    call(
        w,
        "export_save",
        json!({ "kind": "statistics", "request": { "approvalRef": approval_ref, "purpose": "区教育局年报" } }),
    )
}

#[test]
fn r30_2_export_checked_before_the_dialog_and_a_cancelled_save_exports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w) = school(tmp.path(), None);
    // Refused before the dialog: a dialog that cancels would have answered null instead.
    let refused = statistics(&w, "  ").unwrap_err();
    assert_eq!(refused["ruleId"], "R30.2", "{refused}");
    // Checked, then cancelled in the dialog: nothing made, nothing audited.
    assert_eq!(statistics(&w, "西教〔2026〕12号").unwrap(), Value::Null);
    assert!(export_rows(&w).is_empty(), "{:?}", export_rows(&w));
}

#[test]
fn r30_1_export_made_and_audited_once_the_location_is_chosen() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("统计.xlsx");
    let (_app, w) = school(tmp.path(), Some(target.clone()));
    let saved = statistics(&w, "西教〔2026〕12号").unwrap();
    assert_eq!(saved["path"], target.display().to_string());
    assert!(std::fs::read(&target).unwrap().starts_with(b"PK"));
    let rows = export_rows(&w);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("approval:西教〔2026〕12号"), "{rows:?}");
    assert!(rows[0].contains("purpose:区教育局年报"), "{rows:?}");
}
