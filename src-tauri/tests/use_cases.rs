//! The first run, login and the student commands through the real IPC path on Tauri's mock
//! runtime, with a real SQLCipher database and a key file.

mod common;

use common::{call, launch, primary_school};

use serde_json::json;

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
    let (_app, w) = launch(&tmp.path().join("data"), &tmp.path().join("db.key"));

    let status = call(&w, "setup_status", json!({})).unwrap();
    assert_eq!(status["initialized"], false);
    let refused = call(
        &w,
        "student_search",
        json!({ "input": { "page": 1, "pageSize": 10 } }),
    )
    .expect_err("not logged in");
    assert_eq!(refused["kind"], "locked");

    let school = primary_school(None);
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
