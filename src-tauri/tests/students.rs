//! The 学生 commands through the real IPC path on Tauri's mock runtime: the class list and the
//! flag filters of the list, the archive's labels, and an everyday edit refused for a key field.

mod common;

use common::{Window, call, id_number, school_app};

use serde_json::{Value, json};

fn enrol(w: &Window, name: &str, first17: &str, class: &str, orphan: bool) -> Value {
    call(w, "student_enrol", json!({ "input": {
        "kind": "grade_one", "nationalCheck": null, "idType": "resident_id",
        "idNumber": id_number(first17), "name": name, "formerName": null, "sex": null,
        "birthDate": null, "ethnicity": "汉族", "nationality": "中国", "hukouKind": "非农业户口",
        "hukouAddress": "浙江省杭州市", "currentAddress": "浙江省杭州市", "migrantChild": false,
        "leftBehind": false, "orphan": orphan, "disabilityKind": null, "studyMode": "regular",
        "foreignNational": false, "grade": 1, "className": class, "entryDate": "2025-09-01",
        "family": []
    }}))
    .unwrap()
}

#[test]
fn classes_flags_archive_labels_and_a_refused_key_field_edit_through_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, w) = school_app(tmp.path());

    let zhang = enrol(&w, "张三", "33010620190301001", "10班", false);
    enrol(&w, "李四", "33010620190401002", "2班", true);
    enrol(&w, "王五", "33010620190501003", "2班", false);

    let classes = call(&w, "student_classes", json!({})).unwrap();
    assert_eq!(
        classes,
        json!([
            { "grade": 1, "gradeLabel": "一年级", "className": "2班", "count": 2 },
            { "grade": 1, "gradeLabel": "一年级", "className": "10班", "count": 1 },
        ])
    );

    let orphans = call(
        &w,
        "student_search",
        json!({ "input": { "query": null, "grade": 1, "className": "2班", "flags": ["orphan"],
                           "page": 1, "pageSize": 20 } }),
    )
    .unwrap();
    assert_eq!(orphans["total"], 1);
    assert_eq!(orphans["rows"][0]["name"], "李四");
    let unknown = call(
        &w,
        "student_search",
        json!({ "input": { "query": null, "grade": null, "className": null, "flags": ["rich"],
                           "page": 1, "pageSize": 20 } }),
    )
    .expect_err("unknown flag");
    assert_eq!(unknown["kind"], "validation");

    let id = zhang["student"]["id"].clone();
    let archive = call(&w, "student_archive", json!({ "id": id })).unwrap();
    let titles: Vec<&str> = archive["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 7);
    assert!(titles[0].starts_with("（一）"), "{titles:?}");
    let kinds: Vec<&str> = archive["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kindLabel"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"建立学籍"), "{kinds:?}");
    assert_eq!(archive["events"][0]["statusAfterLabel"], "待核准");

    let version = archive["student"]["version"].clone();
    let refused = call(
        &w,
        "student_edit",
        json!({ "input": { "id": id, "version": version,
                           "fields": [{ "field": "name", "value": "张三丰" }], "family": null } }),
    )
    .expect_err("a key field goes through R11.2");
    assert_eq!(refused["kind"], "ruleViolation");
    assert_eq!(refused["ruleId"], "R11.2");
    let stale = call(
        &w,
        "student_edit",
        json!({ "input": { "id": id, "version": 0,
                           "fields": [{ "field": "current_address", "value": "浙江省杭州市西湖区" }],
                           "family": null } }),
    )
    .expect_err("an old version is a conflict");
    assert_eq!(stale["kind"], "conflict");
}
