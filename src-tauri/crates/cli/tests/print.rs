//! `xueji print sample`: every template previewed without a database.

use std::process::Command;

fn xueji(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xueji"))
        .args(args)
        .env_remove("XUEJI_DATA_DIR")
        .output()
        .expect("xueji runs")
}

#[test]
fn sample_list_names_every_kind_with_its_title() {
    let out = xueji(&["print", "sample", "--list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with("certificate\t")),
        "{text}"
    );
    assert!(text.contains("浙江省义务教育证书"), "{text}");
    assert_eq!(text.lines().count(), xueji_print::samples::list().len());
}

#[test]
fn sample_renders_a_pdf_of_the_kind_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("证书.pdf");
    let out = xueji(&[
        "--json",
        "print",
        "sample",
        "--kind",
        "certificate",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reply: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reply["ok"], true);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(reply["bytes"], bytes.len());
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(String::from_utf8_lossy(&text.stdout).contains("浙江省义务教育证书"));
}

#[test]
fn an_unknown_sample_kind_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    let out = xueji(&[
        "print",
        "sample",
        "--kind",
        "no-such-form",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有名为“no-such-form”的样例文书"));
    assert!(!pdf.exists());
}
