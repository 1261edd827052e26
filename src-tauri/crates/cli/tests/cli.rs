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
    assert!(text.contains("Usage: xueji"), "{text}");
}

#[test]
fn an_unknown_argument_is_refused() {
    let out = xueji(&["--no-such-flag"]);
    assert!(!out.status.success());
}
