//! Shared by the IPC tests: the app on Tauri's mock runtime over a real SQLCipher database in a
//! temp folder, one IPC call as the UI makes it, and a set-up primary school with the registrar
//! logged in.
#![allow(dead_code)]

use std::path::Path;

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;

pub type Window = tauri::WebviewWindow<MockRuntime>;
pub type MockApp = tauri::App<MockRuntime>;

/// An 18-digit resident ID number: `first17` and its check digit (GB 11643).
pub fn id_number(first17: &str) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// One command through the IPC path; `Err` holds the `IpcError` as JSON.
pub fn call(webview: &Window, cmd: &str, body: Value) -> Result<Value, Value> {
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

/// One launch of the app on `data_dir`, with its key in `key_file` (nothing set up by this).
pub fn launch(data_dir: &Path, key_file: &Path) -> (MockApp, Window) {
    let mut state = xueji_desktop_lib::AppState::open(data_dir.to_path_buf()).unwrap();
    state.keys = Some(xueji_store::KeyStore::file(key_file));
    let app = mock_builder()
        .invoke_handler(xueji_desktop_lib::specta_builder().invoke_handler())
        .manage(state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = tauri::WebviewWindowBuilder::new(&app, "main", tauri::WebviewUrl::default())
        .build()
        .unwrap();
    (app, w)
}

/// 文三路小学: a primary school graduating grade 6, with `code`.
pub fn primary_school(code: Option<&str>) -> Value {
    json!({
        "name": "文三路小学", "code": code, "kind": "primary", "countyBureau": "西湖区教育局",
        "township": "文新街道", "graduatingGrades": [6], "mayAdmitForeign": false,
        "offersHomeTeaching": false, "ruleProfile": "zhejiang-2017"
    })
}

/// Sets up [`primary_school`] (no code) with the registrar 王老师 and logs them in.
pub fn set_up_and_log_in(w: &Window) {
    call(w, "setup_init", json!({ "input": {
        "school": primary_school(None), "adminUsername": "registrar", "adminDisplayName": "王老师",
        "adminPassword": "xueji2024"
    }}))
    .unwrap();
    call(
        w,
        "auth_login",
        json!({ "username": "registrar", "password": "xueji2024" }),
    )
    .unwrap();
}

/// The app on `tmp/data` (key in `tmp/db.key`), set up, the registrar logged in.
pub fn school_app(tmp: &Path) -> (MockApp, Window) {
    let (app, w) = launch(&tmp.join("data"), &tmp.join("db.key"));
    set_up_and_log_in(&w);
    (app, w)
}
