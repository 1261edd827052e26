//! The first run, login and the student commands through the real IPC path on Tauri's mock
//! runtime, with a real SQLCipher database and a key file.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

fn call(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
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

fn id_number() -> String {
    let first17 = "33010620190301001";
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

#[test]
fn first_run_login_enrol_and_search_through_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let mut state = xueji_desktop_lib::AppState::open(tmp.path().join("data")).unwrap();
    state.keys = Some(xueji_store::KeyStore::file(tmp.path().join("db.key")));
    let app = mock_builder()
        .invoke_handler(xueji_desktop_lib::specta_builder().invoke_handler())
        .manage(state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let w = tauri::WebviewWindowBuilder::new(&app, "main", tauri::WebviewUrl::default())
        .build()
        .unwrap();

    let status = call(&w, "setup_status", json!({})).unwrap();
    assert_eq!(status["initialized"], false);
    let refused = call(
        &w,
        "student_search",
        json!({ "input": { "page": 1, "pageSize": 10 } }),
    )
    .expect_err("not logged in");
    assert_eq!(refused["kind"], "locked");

    let school = json!({
        "name": "文三路小学", "code": null, "kind": "primary", "countyBureau": "西湖区教育局",
        "township": "文新街道", "graduatingGrades": [6], "mayAdmitForeign": false,
        "offersHomeTeaching": false, "ruleProfile": "zhejiang-2017"
    });
    let weak = call(&w, "setup_init", json!({ "input": {
        "school": school, "adminUsername": "registrar", "adminDisplayName": "王老师", "adminPassword": "short"
    }}))
    .expect_err("weak password");
    assert_eq!(weak["ruleId"], "R30.3");
    assert!(weak["fields"]["adminPassword"].is_string());
    let code = call(&w, "setup_init", json!({ "input": {
        "school": school, "adminUsername": "registrar", "adminDisplayName": "王老师", "adminPassword": "xueji2024"
    }}))
    .unwrap();
    assert_eq!(code["code"].as_str().unwrap().len(), 35);

    let session = call(
        &w,
        "auth_login",
        json!({ "username": "registrar", "password": "xueji2024" }),
    )
    .unwrap();
    assert_eq!(session["role"], "registrar");
    let enrolled = call(&w, "student_enrol", json!({ "input": {
        "kind": "grade_one", "nationalCheck": null, "idType": "resident_id", "idNumber": id_number(),
        "name": "张三", "formerName": null, "sex": null, "birthDate": null, "ethnicity": "汉族",
        "nationality": "中国", "hukouKind": "非农业户口", "hukouAddress": "浙江省杭州市",
        "currentAddress": "浙江省杭州市", "migrantChild": false, "leftBehind": false, "orphan": false,
        "disabilityKind": null, "studyMode": "regular", "foreignNational": false, "grade": 1,
        "className": "1班", "entryDate": "2025-09-01", "family": []
    }}))
    .unwrap();
    assert_eq!(enrolled["student"]["status"]["label"], "待核准");
    let found = call(
        &w,
        "student_search",
        json!({ "input": { "query": "zs", "page": 1, "pageSize": 10 } }),
    )
    .unwrap();
    assert_eq!(found["total"], 1);
    let id = found["rows"][0]["id"].clone();
    let archive = call(&w, "student_archive", json!({ "id": id })).unwrap();
    assert_eq!(archive["sections"].as_array().unwrap().len(), 7);
    call(&w, "auth_logout", json!({})).unwrap();
    let after = call(&w, "setup_status", json!({})).unwrap();
    assert_eq!(
        (after["initialized"].clone(), after["unlocked"].clone()),
        (json!(true), json!(true))
    );
    assert!(after["session"].is_null());
}
