//! The `xueji` binary as a user runs it.

use std::process::Command;

fn xueji(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xueji"))
        .args(args)
        .output()
        .expect("the xueji binary runs")
}

#[test]
fn version_prints_the_package_version() {
    let out = xueji(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("xueji {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_describes_the_tool_in_chinese() {
    let out = xueji(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("学籍管理 XueJi 命令行"), "{text}");
    assert!(text.contains("用法：xueji"), "{text}");
    assert!(
        !text.contains("Print help") && text.contains("显示帮助"),
        "{text}"
    );
}

/// With `--json`, a command that needs a subcommand and has none is a usage error in JSON that
/// names the subcommands; a number that does not parse is explained in Chinese.
#[test]
fn json_usage_errors_name_what_is_missing_in_chinese() {
    for args in [&["--json", "student"][..], &["--json"][..]] {
        let out = xueji(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(v["code"], "usage", "{v}");
        let message = v["message"].as_str().unwrap_or_default();
        assert!(message.contains("缺少子命令"), "{message}");
    }
    let out = xueji(&["--json", "student"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        v["message"].as_str().unwrap_or_default().contains("search"),
        "{v}"
    );
    let out = xueji(&[
        "--json",
        "change",
        "decide",
        "1",
        "--step",
        "x",
        "--approve",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v["message"], "参数 --step <STEP> 的值“x”无效：应为整数",
        "{v}"
    );
}

#[test]
fn an_unknown_argument_is_refused() {
    let out = xueji(&["--no-such-flag"]);
    assert!(!out.status.success());
}

/// A data folder that does not exist holds no database: said so (`not_found`, run `init`), not
/// as a failed lock file; and a file that cannot be written is explained in Chinese.
#[test]
fn a_missing_folder_or_an_unwritable_file_is_explained_in_chinese() {
    let tmp = tempfile::tempdir().expect("tmp");
    let missing = tmp.path().join("没有这个文件夹");
    let out = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .arg("--json")
        .arg("--data-dir")
        .arg(&missing)
        .args(["--user", "admin", "todo"])
        .env("XUEJI_PASSWORD", "x")
        .env("XUEJI_DB_KEY_FILE", tmp.path().join("k"))
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["code"], "not_found", "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("找不到数据库"),
        "{v}"
    );
    assert!(!missing.exists(), "nothing is created");
    let out = xueji(&[
        "--json",
        "print",
        "sample",
        "--kind",
        "record_card",
        "--out",
        &missing.join("卡.pdf").display().to_string(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v["message"].as_str().unwrap_or_default(),
        format!(
            "无法写入文件 {}：文件或文件夹不存在",
            missing.join("卡.pdf").display()
        ),
        "{v}"
    );
}
