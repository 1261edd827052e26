//! `xueji print sample`: every template previewed without a database, under the names `xueji
//! print` takes (issue 18: one vocabulary, `--list` on both).

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
    assert!(
        text.lines()
            .any(|l| l.starts_with("record_card --variant graduated\t")),
        "{text}"
    );
    // `print --list` is the same list: every kind `print` takes has a sample, and back
    let print = xueji(&["print", "--list"]);
    assert!(print.status.success());
    assert_eq!(String::from_utf8(print.stdout).unwrap(), text);
    for kind in xueji_domain::PrintKind::ALL {
        let name = kind.name();
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{name}\t"))),
            "{name}"
        );
    }
    let json = xueji(&["--json", "print", "--list"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let kinds = v["kinds"].as_array().unwrap();
    let hardship = kinds.iter().find(|k| k["kind"] == "hardship_form").unwrap();
    assert_eq!(hardship["printedBy"], "xueji hardship form <申请编号>");
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
fn a_variant_renders_and_unknown_kinds_or_variants_are_usage_errors_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    let path = pdf.to_str().unwrap();
    let out = xueji(&[
        "print",
        "sample",
        "--kind",
        "record_card",
        "--variant",
        "graduated",
        "--out",
        path,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    std::fs::remove_file(&pdf).unwrap();
    for (args, says) in [
        (
            &["--kind", "no-such-form"][..],
            "未知的文书种类：no-such-form",
        ),
        (
            &["--kind", "record-card"][..],
            "未知的文书种类：record-card",
        ),
        (
            &["--kind", "roster", "--variant", "graduated"][..],
            "roster 没有样张 graduated",
        ),
    ] {
        let mut argv = vec!["print", "sample"];
        argv.extend_from_slice(args);
        argv.extend(["--out", path]);
        let out = xueji(&argv);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.contains(says), "{text}");
        assert!(!pdf.exists());
    }
}
