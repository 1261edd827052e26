//! The store commands as a user (or a script) runs them, with a key file instead of a keyring.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Env {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    key: PathBuf,
    root: PathBuf,
}

fn env() -> Env {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().to_path_buf();
    Env {
        data: root.join("data"),
        key: root.join("db.key"),
        root,
        _tmp: tmp,
    }
}

fn xueji(e: &Env, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .arg("--data-dir")
        .arg(&e.data)
        .args(args)
        .env("XUEJI_DB_KEY_FILE", &e.key)
        .env_remove("XUEJI_DATA_DIR")
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

/// `args` as the administrator `init` made (password on stdin).
fn as_admin(e: &Env, args: &[&str]) -> Output {
    let mut all = vec!["--user", "admin"];
    all.extend_from_slice(args);
    xueji(e, &all, "pass word 123\n")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn init(e: &Env) -> String {
    let out = xueji(
        e,
        &[
            "init",
            "--school-name",
            "测试小学",
            "--school-kind",
            "小学",
            "--admin",
            "admin",
        ],
        "pass word 123\npass word 123\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = text(&out);
    assert!(stdout.contains("恢复码"), "{stdout}");
    stdout
        .lines()
        .find(|l| l.len() == 35 && l.matches('-').count() == 5)
        .expect("recovery code line")
        .to_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("json output")
}

#[test]
fn init_info_audit_verify() {
    let e = env();
    let _code = init(&e);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&e.key)
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let out = xueji(&e, &["--json", "db", "info"], "");
    assert!(out.status.success(), "{}", text(&out));
    let v = json(&out);
    assert_eq!(v["ok"], true);
    assert_eq!(v["rowCounts"]["user"], 1);
    assert_eq!(v["rowCounts"]["school"], 1);
    assert!(
        v["cipherVersion"]
            .as_str()
            .expect("version")
            .starts_with('4')
    );
    assert!(!text(&out).contains("测试小学"), "db info prints no names");
    let out = xueji(&e, &["audit", "verify"], "");
    assert!(out.status.success());
    assert!(text(&out).contains("审计日志完整"));
    // A second init never overwrites.
    let out = xueji(
        &e,
        &[
            "--json",
            "init",
            "--school-name",
            "另一所",
            "--school-kind",
            "初中",
            "--admin",
            "x",
        ],
        "pass word 123\npass word 123\n",
    );
    assert!(!out.status.success());
    let v = json(&out);
    assert_eq!(v["kind"], "conflict");
    assert!(
        v["message"].as_str().unwrap_or("").contains("不会覆盖"),
        "{v}"
    );
}

#[test]
fn init_refuses_mismatched_passwords() {
    let e = env();
    let out = xueji(
        &e,
        &[
            "init",
            "--school-name",
            "测试小学",
            "--school-kind",
            "小学",
            "--admin",
            "admin",
        ],
        "pass word 123\nother word 123\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("两次输入的密码不一致"));
    assert!(!e.data.join("xueji.db").exists());
}

#[test]
fn recover_after_losing_the_key() {
    let e = env();
    let code = init(&e);
    std::fs::remove_file(&e.key).expect("lose key");
    let out = xueji(&e, &["--json", "db", "info"], "");
    assert!(!out.status.success());
    assert_eq!(json(&out)["kind"], "key_missing");
    let out = xueji(
        &e,
        &["--json", "recover"],
        "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA\n",
    );
    assert_eq!(json(&out)["kind"], "wrong_recovery_code");
    let out = xueji(&e, &["recover"], &format!("{code}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(e.key.exists(), "the key was re-stored");
    assert!(xueji(&e, &["db", "info"], "").status.success());
}

/// Issue 15, disaster recovery: the disk died with the database, its recovery file and the key;
/// a backup and the recovery code rebuild the data folder on a new computer.
#[test]
fn recover_from_a_backup_on_a_new_computer() {
    let e = env();
    let code = init(&e);
    let file = e.root.join("usb-backup.db");
    let f = file.to_str().expect("utf-8 path");
    assert!(
        as_admin(&e, &["backup", "create", "--to", f])
            .status
            .success()
    );
    std::fs::remove_dir_all(&e.data).expect("the disk dies");
    std::fs::remove_file(&e.key).expect("with the key");
    let out = xueji(
        &e,
        &["--json", "recover", "--from-backup", f],
        "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA\n",
    );
    assert_eq!(json(&out)["kind"], "wrong_recovery_code");
    assert!(!e.data.join("xueji.db").exists(), "nothing installed");
    let out = xueji(
        &e,
        &["--json", "recover", "--from-backup", f],
        &format!("{code}\n"),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(e.key.exists(), "the key is stored on the new computer");
    let out = xueji(&e, &["--json", "audit", "verify"], "");
    assert!(out.status.success(), "{}", text(&out));
    // Setup on top of it is refused: the key and the data are kept.
    let out = xueji(
        &e,
        &[
            "--json",
            "init",
            "--school-name",
            "测试小学",
            "--school-kind",
            "小学",
            "--admin",
            "admin",
        ],
        "pass word 123\npass word 123\n",
    );
    assert!(!out.status.success());
    assert_eq!(json(&out)["code"], "already_exists");
}

#[test]
fn backup_create_verify_restore() {
    let e = env();
    init(&e);
    let file = e.root.join("b1.db");
    let f = file.to_str().expect("utf-8 path");
    // Issue 15: no session, no backup; the OS account is not a XueJi user.
    let out = xueji(&e, &["--json", "backup", "create", "--to", f], "");
    assert!(!out.status.success());
    assert!(!file.exists());
    let out = xueji(
        &e,
        &["--json", "--user", "admin", "backup", "create", "--to", f],
        "wrong pass 1\n",
    );
    assert!(!out.status.success());
    assert!(!file.exists());
    let out = as_admin(&e, &["backup", "create", "--to", f]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = as_admin(&e, &["--json", "backup", "create", "--to", f]);
    assert_eq!(json(&out)["code"], "already_exists");
    let out = as_admin(&e, &["--json", "backup", "verify", f]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(json(&out)["auditRows"].as_u64().expect("rows") >= 3);
    let junk = e.root.join("junk.db");
    std::fs::write(&junk, vec![7u8; 8192]).expect("junk");
    let out = as_admin(&e, &["backup", "verify", junk.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let out = xueji(&e, &["--json", "backup", "restore", "--from", f], "");
    assert!(!out.status.success(), "no restore without a session");
    let out = as_admin(&e, &["--json", "backup", "restore", "--from", f]);
    assert!(out.status.success(), "{}", text(&out));
    let kept = json(&out)["previousSavedAs"]
        .as_str()
        .expect("kept")
        .to_owned();
    assert!(Path::new(&kept).exists());
    assert!(xueji(&e, &["audit", "verify"], "").status.success());
}
