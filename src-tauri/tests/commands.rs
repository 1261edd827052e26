//! Commands called through the real IPC path on Tauri's mock runtime (no window needed).

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

#[test]
fn app_info_returns_name_version_and_data_folder() {
    let data_dir = std::env::temp_dir().join(format!("xueji-cmd-{}", std::process::id()));
    let state = xueji_desktop_lib::AppState::open(data_dir.clone()).unwrap();
    let app = mock_builder()
        .invoke_handler(xueji_desktop_lib::specta_builder().invoke_handler())
        .manage(state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", tauri::WebviewUrl::default())
        .build()
        .unwrap();

    let response = get_ipc_response(
        &webview,
        InvokeRequest {
            cmd: "app_info".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::default(),
            headers: tauri::http::HeaderMap::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .unwrap();
    let info: Value = response.deserialize().unwrap();
    assert_eq!(info["productName"], "学籍管理 XueJi");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["dataDir"], data_dir.display().to_string());
    drop(app);
    std::fs::remove_dir_all(data_dir).unwrap();
}
