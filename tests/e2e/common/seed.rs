//! Data for the 首页 and 统计 screens, entered through the app's own commands (the same IPC the
//! pages use) so a test can look at a school with students and applications without clicking
//! through every enrolment. Names and ID numbers are made up.
#![allow(dead_code)]

use fantoccini::error::CmdError;
use serde_json::{Value, json};
use xueji_e2e::AppHandle;

/// Calls a command through the webview's IPC; panics with the error's kind and message.
pub async fn invoke(app: &AppHandle, cmd: &str, args: Value) -> Result<Value, CmdError> {
    let script = r"
        const [cmd, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(
            (ok) => done({ ok }),
            (err) => done({ err }),
        );
    ";
    let out = app
        .client
        .execute_async(script, vec![json!(cmd), args])
        .await?;
    if let Some(err) = out.get("err") {
        panic!("{cmd} refused: {} {}", err["kind"], err["message"]);
    }
    Ok(out["ok"].clone())
}

/// A valid resident ID number (check character computed) for a birth date and a sequence; an odd
/// 17th digit is a boy.
pub fn id_number(birth: &str, seq: u32) -> String {
    let first17 = format!("330106{}{:03}", birth.replace('-', ""), seq % 1000);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

const SURNAMES: [&str; 8] = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄"];
const GIVEN: [&str; 8] = [
    "一鸣", "子涵", "雨桐", "浩然", "欣怡", "宇轩", "梓萱", "俊杰",
];

/// Enrols a student of `grade` in `class`, entered on `entry`; returns the student id.
pub async fn enrol(
    app: &AppHandle,
    seq: u32,
    grade: u8,
    class: &str,
    entry: &str,
    flags: (bool, bool),
) -> Result<i64, CmdError> {
    let birth_year = 2019 - i32::from(grade) + 1;
    let birth = format!("{birth_year}-0{}-1{}", seq % 9 + 1, seq % 9);
    let name = format!(
        "{}{}",
        SURNAMES[(seq as usize) % 8],
        GIVEN[(seq as usize / 8) % 8]
    );
    let (kind, check) = if grade == 1 {
        ("grade_one", Value::Null)
    } else {
        ("no_prior_record", json!("passed"))
    };
    let view = invoke(
        app,
        "student_enrol",
        json!({ "input": {
            "kind": kind, "nationalCheck": check, "idType": "resident_id",
            "idNumber": id_number(&birth, seq), "name": name, "formerName": null, "sex": null,
            "birthDate": null, "ethnicity": "汉族", "nationality": "中国",
            "hukouKind": "非农业户口", "hukouAddress": "浙江省杭州市西湖区",
            "currentAddress": "浙江省杭州市西湖区", "migrantChild": flags.0,
            "leftBehind": flags.1, "orphan": false, "disabilityKind": null,
            "studyMode": "regular", "foreignNational": false, "grade": grade,
            "className": class, "entryDate": entry, "family": []
        }}),
    )
    .await?;
    Ok(view["student"]["id"]
        .as_i64()
        .expect("the new student's id"))
}

/// A school year's worth of students in grades 1–6, two classes each, some entered long ago (their
/// archive is overdue: a red to-do and an R32.1 finding) and some this month.
pub async fn school(app: &AppHandle) -> Result<Vec<i64>, CmdError> {
    let mut ids = Vec::new();
    let mut seq = 1;
    for grade in 1..=6u8 {
        for class in ["1班", "2班"] {
            let n = 2 + (u32::from(grade) + u32::from(class == "2班")) % 3;
            for i in 0..n {
                let entry = if (seq + i) % 3 == 0 {
                    "2025-09-01"
                } else {
                    "2026-11-16"
                };
                let flags = (seq % 4 == 0, seq % 7 == 0);
                ids.push(enrol(app, seq, grade, class, entry, flags).await?);
                seq += 1;
            }
        }
    }
    Ok(ids)
}

/// Submits a change and records the steps the registrar records (outside parties' decisions), up
/// to `steps` of them, stopping at a step for another role (the school's own decisions); returns
/// the application view.
pub async fn change(
    app: &AppHandle,
    student: i64,
    change: Value,
    steps: usize,
) -> Result<Value, CmdError> {
    let scan = json!({ "kind": "written_application", "fileName": "申请.pdf", "mime": "application/pdf", "dataBase64": "JVBERi0xLjQK" });
    let mut view = invoke(
        app,
        "change_submit",
        json!({ "input": {
            "studentId": student, "change": change, "effectiveOn": "2026-11-27",
            "proofs": [scan], "note": null
        }}),
    )
    .await?;
    for _ in 0..steps {
        let Some(step) = view["row"]["currentStep"].as_u64() else {
            break;
        };
        let index = usize::try_from(step).expect("a step index");
        if view["steps"][index]["permission"] != "submit_changes" {
            break;
        }
        let id = view["row"]["id"].clone();
        view = invoke(
            app,
            "change_decide",
            json!({ "input": {
                "applicationId": id, "step": step, "decision": "approve", "on": "2026-11-27",
                "reference": format!("西教学〔2026〕{}号", 100 + step), "reason": null, "proof": null
            }}),
        )
        .await?;
    }
    Ok(view)
}

/// Logs the window's session in as another user (the UI still shows the old one until reloaded).
pub async fn login(app: &AppHandle, username: &str, password: &str) -> Result<(), CmdError> {
    invoke(
        app,
        "auth_login",
        json!({ "username": username, "password": password }),
    )
    .await?;
    Ok(())
}

/// Records, for each application, every step in a row that needs `permission` (the session's).
pub async fn decide_steps(app: &AppHandle, ids: &[i64], permission: &str) -> Result<(), CmdError> {
    for id in ids {
        loop {
            let view = invoke(app, "change_show", json!({ "id": id })).await?;
            let Some(step) = view["row"]["currentStep"].as_u64() else {
                break;
            };
            let index = usize::try_from(step).expect("a step index");
            if view["steps"][index]["permission"] != permission {
                break;
            }
            invoke(
                app,
                "change_decide",
                json!({ "input": {
                    "applicationId": id, "step": step, "decision": "approve", "on": "2026-11-27",
                    "reference": format!("西教学〔2026〕{}号", 100 + step), "reason": null, "proof": null
                }}),
            )
            .await?;
        }
    }
    Ok(())
}

/// Takes applications through to the end: the school's approver (`approver`, logged in for it)
/// and the registrar recording the bureau's decisions, in turns; the registrar is logged in again
/// afterwards.
pub async fn approve(
    app: &AppHandle,
    ids: &[i64],
    approver: (&str, &str),
    registrar: (&str, &str),
) -> Result<(), CmdError> {
    for _ in 0..3 {
        login(app, approver.0, approver.1).await?;
        decide_steps(app, ids, "decide_school_steps").await?;
        login(app, registrar.0, registrar.1).await?;
        decide_steps(app, ids, "submit_changes").await?;
    }
    Ok(())
}
