//! What every CLI test needs: a data folder with a key file, the `xueji` binary run as a named
//! user with the password on stdin, and the JSON it prints.
#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub struct Env {
    pub _tmp: tempfile::TempDir,
    pub data: PathBuf,
    pub key: PathBuf,
}

pub const PASSWORD: &str = "xueji2024";

pub fn env() -> Env {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().to_path_buf();
    Env {
        data: root.join("data"),
        key: root.join("db.key"),
        _tmp: tmp,
    }
}

pub fn xueji(e: &Env, user: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .arg("--data-dir")
        .arg(&e.data)
        .args(args)
        .env("XUEJI_DB_KEY_FILE", &e.key)
        .env("XUEJI_USER", user)
        .env_remove("XUEJI_DATA_DIR")
        .env_remove("XUEJI_PASSWORD")
        .env_remove("XUEJI_NEW_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xueji runs");
    // A command that needs no input may exit before reading it: a closed pipe is not an error.
    if let Err(e) = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
    {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("output")
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "json output: {} {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn id_number(seq: u32) -> String {
    let first17 = format!("33010620190301{seq:03}");
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{first17}{check}")
}

pub fn setup() -> Env {
    let e = env();
    let pw = format!("{PASSWORD}\n{PASSWORD}\n");
    let out = xueji(
        &e,
        "",
        &[
            "init",
            "--school-name",
            "测试小学",
            "--school-kind",
            "小学",
            "--admin",
            "registrar",
        ],
        &pw,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    e
}

pub fn add(e: &Env, name: &str, seq: u32) -> Output {
    add_on(e, name, seq, "2025-09-01")
}

/// Enrols a grade-1 newcomer who entered on `entry`.
pub fn add_on(e: &Env, name: &str, seq: u32, entry: &str) -> Output {
    let id = id_number(seq);
    xueji(
        e,
        "registrar",
        &[
            "--json",
            "student",
            "add",
            "--name",
            name,
            "--id-number",
            &id,
            "--class",
            "1班",
            "--entry-date",
            entry,
            "--hukou-address",
            "浙江省杭州市西湖区",
            "--current-address",
            "浙江省杭州市西湖区",
            "--guardian",
            "张大山",
        ],
        &format!("{PASSWORD}\n"),
    )
}

pub fn run(e: &Env, user: &str, args: &[&str]) -> Output {
    xueji(e, user, args, &format!("{PASSWORD}\n"))
}

pub fn ok_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{} {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    json(out)
}

/// Adds an account with `role` (its password is [`PASSWORD`]).
pub fn user_add(e: &Env, username: &str, name: &str, role: &str) {
    let out = xueji(
        e,
        "registrar",
        &[
            "--json", "user", "add", username, "--name", name, "--role", role,
        ],
        &format!("{PASSWORD}\n{PASSWORD}\n"),
    );
    ok_json(&out);
}

pub mod schema_check;

/// The schema `xueji schema NAME` prints.
pub fn schema(name: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .args(["schema", name])
        .output()
        .expect("xueji schema");
    assert!(out.status.success(), "schema {name}");
    serde_json::from_slice(&out.stdout).expect("schema JSON")
}

/// The headers of the student-list template (`import students`), in order.
pub const LIST_HEADERS: [&str; 14] = [
    "姓名",
    "性别",
    "出生日期",
    "身份证件类型",
    "身份证件号",
    "民族",
    "国籍/地区",
    "户口性质",
    "户口所在地",
    "现住址",
    "年级",
    "班级",
    "监护人姓名",
    "监护人关系",
];

/// Writes a student list in the import template: the headers, then `rows`.
pub fn student_list(path: &std::path::Path, rows: &[[&str; 14]]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, cells) in std::iter::once(&LIST_HEADERS).chain(rows).enumerate() {
        for (c, v) in cells.iter().enumerate() {
            sheet
                .write_string(
                    u32::try_from(r).expect("row"),
                    u16::try_from(c).expect("col"),
                    *v,
                )
                .expect("cell");
        }
    }
    book.save(path).expect("save");
}
