//! Issue 18: with `--json` a command line that does not parse is still one JSON object, its
//! message in Chinese, exit 2; without `--json` the same Chinese reason and clap's usage line go
//! to stderr, exit 2.

use std::process::{Command, Output};

fn xueji(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xueji"))
        .args(args)
        .env_remove("XUEJI_DATA_DIR")
        .env_remove("XUEJI_USER")
        .output()
        .expect("xueji runs")
}

/// The one JSON object of a usage error.
fn usage(args: &[&str]) -> serde_json::Value {
    let out = xueji(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    assert_eq!(v["ok"], false);
    assert_eq!(v["code"], "usage");
    let message = v["message"].as_str().expect("message");
    assert!(!message.contains("error:"), "clap's English: {message}");
    v
}

#[test]
fn with_json_a_command_line_that_does_not_parse_is_one_json_object_in_chinese() {
    // A decision flag is required: a typo no longer approves.
    let v = usage(&["--json", "change", "decide", "7", "--step", "1"]);
    assert!(
        v["message"].as_str().unwrap().contains("缺少必需的参数"),
        "{v}"
    );
    let v = usage(&[
        "--json",
        "export",
        "rosters",
        "--purpose",
        "核查",
        "--out",
        "a.xlsx",
    ]);
    let message = v["message"].as_str().unwrap();
    assert!(
        message.contains("无效") && message.contains("roster"),
        "{message}"
    );
    let v = usage(&["--json", "student", "search", "--colour", "red"]);
    assert!(v["message"].as_str().unwrap().contains("未知的参数"), "{v}");
    assert_eq!(v["fields"][0]["field"], "--colour");
    assert_eq!(v["exitCode"], 2);
    // An unknown status in a filter is an error naming the valid ones, never an empty list.
    let v = usage(&["--json", "student", "search", "--status", "nonsense"]);
    assert!(v["message"].as_str().unwrap().contains("enrolled"), "{v}");
    // A parser of our own gives its own reason.
    let v = usage(&[
        "--json", "hardship", "assess", "1", "--result", "rich", "--note", "x",
    ]);
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("special、hardship、ordinary、not_recognised"),
        "{v}"
    );
}

#[test]
fn without_json_the_reason_is_chinese_on_stderr_and_help_still_prints() {
    let out = xueji(&["change", "decide", "7", "--step", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.starts_with("错误：缺少必需的参数"), "{text}");
    assert!(text.contains("用法：xueji change decide"), "{text}");
    assert!(!text.contains("error:"), "{text}");
    let help = xueji(&["--json", "change", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("decide"));
}
