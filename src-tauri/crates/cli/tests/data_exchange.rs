//! `xueji import`, `export`, `keys` and `package` (issue 8 item 5) between two real schools'
//! encrypted databases: a list imported at school A, a controlled export, and A's whole archive
//! moved to school B (R9.3). Names and ID numbers never reach the terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;

const PASSWORD: &str = "xueji2024";
const NAMES: [&str; 2] = ["欧阳春", "司马秋"];

struct School {
    data: PathBuf,
    key: PathBuf,
}

fn xueji(s: &School, args: &[&str]) -> Output {
    xueji_as(s, "registrar", args)
}

fn xueji_as(s: &School, user: &str, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .arg("--data-dir")
        .arg(&s.data)
        .args(args)
        .env("XUEJI_DB_KEY_FILE", &s.key)
        .env("XUEJI_USER", user)
        .env_remove("XUEJI_DATA_DIR")
        .env_remove("XUEJI_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xueji runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{PASSWORD}\n{PASSWORD}\n").as_bytes())
        .expect("stdin");
    child.wait_with_output().expect("output")
}

fn ok(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{} {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for name in NAMES {
        assert!(!text.contains(name), "a name reached the terminal: {text}");
    }
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

fn school(root: &Path, name: &str) -> School {
    let s = School {
        data: root.join(name).join("data"),
        key: root.join(name).join("db.key"),
    };
    std::fs::create_dir_all(root.join(name)).expect("dir");
    ok(&xueji(
        &s,
        &[
            "init",
            "--school-name",
            name,
            "--school-kind",
            "小学",
            "--admin",
            "registrar",
        ],
    ));
    s
}

fn id_number(seq: u32) -> String {
    let first17 = format!("33010620160301{seq:03}");
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{first17}{check}")
}

/// A student list in the import template, as a real .xlsx file.
fn student_list(path: &Path) {
    let ids: Vec<String> = (0..NAMES.len())
        .map(|i| id_number(u32::try_from(i).expect("seq") * 2 + 1)) // odd: male
        .collect();
    let rows: Vec<[&str; 14]> = NAMES
        .iter()
        .zip(&ids)
        .map(|(name, id)| {
            [
                *name,
                "男",
                "2016-03-01",
                "居民身份证",
                id.as_str(),
                "汉族",
                "中国",
                "非农业户口",
                "浙江省杭州市西湖区",
                "浙江省杭州市西湖区",
                "三年级",
                "1班",
                "欧阳大山",
                "父亲",
            ]
        })
        .collect();
    common::student_list(path, &rows);
}

#[test]
fn import_export_and_move_a_whole_school_archive_between_two_schools() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path();
    let a = school(root, "甲小学");
    let b = school(root, "乙小学");
    let list = root.join("list.xlsx");
    student_list(&list);
    let list = list.display().to_string();

    // import: check first, then commit
    let checked = ok(&xueji(&a, &["--json", "import", "students", &list]));
    assert_eq!(
        checked["problems"].as_array().map(Vec::len),
        Some(0),
        "{checked}"
    );
    ok(&xueji(&a, &["import", "students", &list, "--commit"]));

    // export: refused without the approval reference (R30.2), written with it
    let out = root.join("roster.xlsx");
    let out_s = out.display().to_string();
    let refused = xueji(
        &a,
        &[
            "export",
            "roster",
            "--approval-ref",
            "",
            "--purpose",
            "核查",
            "--out",
            &out_s,
        ],
    );
    assert_eq!(refused.status.code(), Some(4), "rule violation");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("R30.2"));
    assert!(!out.exists(), "nothing written");
    let done = ok(&xueji(
        &a,
        &[
            "--json",
            "export",
            "roster",
            "--approval-ref",
            "西教学〔2026〕12号",
            "--approved-on",
            "2026-12-01",
            "--purpose",
            "区教育局学期核查",
            "--out",
            &out_s,
        ],
    ));
    assert_eq!(done["rows"], 2);
    assert!(std::fs::read(&out).expect("file").starts_with(b"PK"));
    let audit = String::from_utf8_lossy(&xueji(&a, &["audit", "verify"]).stdout).into_owned();
    assert!(!audit.is_empty());

    let b_in_a = trust_each_other(&a, &b);

    // the whole school's archive (R9.3): only with the bureau's approval (R30.2), then inspected
    // and imported at B
    let pkg = root.join("archive.xueji");
    let pkg_s = pkg.display().to_string();
    let to = b_in_a.to_string();
    let refused = xueji(
        &a,
        &["package", "school-archive", "--to", &to, "--out", &pkg_s],
    );
    assert_eq!(refused.status.code(), Some(4), "refused by the law");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("R30.2"));
    assert!(!pkg.exists());
    ok(&xueji(
        &a,
        &[
            "package",
            "school-archive",
            "--to",
            &to,
            "--out",
            &pkg_s,
            "--approval-ref",
            "西教学〔2026〕31号",
            "--approved-on",
            "2026-12-01",
        ],
    ));
    let seen = ok(&xueji(&b, &["--json", "package", "inspect", &pkg_s]));
    assert_eq!(seen["package"]["kind"], "schoolArchive");
    assert_eq!(
        seen["package"]["students"].as_array().map(Vec::len),
        Some(2)
    );
    let imported = ok(&xueji(&b, &["--json", "package", "import", &pkg_s]));
    assert_eq!(imported["studentIds"].as_array().map(Vec::len), Some(2));
    // a second import is refused whole (R7.2)
    let again = xueji(&b, &["package", "import", &pkg_s]);
    assert_eq!(again.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&again.stderr).contains("R7.2"));
    // one byte altered: refused
    let mut bytes = std::fs::read(&pkg).expect("pkg");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 1;
    let bad = root.join("bad.xueji");
    std::fs::write(&bad, bytes).expect("write");
    let refused = xueji(&b, &["package", "inspect", &bad.display().to_string()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("档案包"));
}

/// Each school's approver trusts the other (the registrar may not, issue 15); B's number in A.
fn trust_each_other(a: &School, b: &School) -> i64 {
    // keys: each school's approver trusts the other (the registrar may not, issue 15)
    for s in [a, b] {
        ok(&xueji(
            s,
            &[
                "user",
                "add",
                "shenhe",
                "--name",
                "审核人",
                "--role",
                "approver",
            ],
        ));
    }
    let by_registrar = xueji(a, &["keys", "trust", "xueji1:x:y:z", "--name", "某校"]);
    assert_eq!(by_registrar.status.code(), Some(5), "not permitted");
    let key_a = ok(&xueji(a, &["--json", "keys", "show"]))["keys"]["text"]
        .as_str()
        .expect("text")
        .to_owned();
    let key_b = ok(&xueji(b, &["--json", "keys", "show"]))["keys"]["text"]
        .as_str()
        .expect("text")
        .to_owned();
    let b_in_a = ok(&xueji_as(
        a,
        "shenhe",
        &["--json", "keys", "trust", &key_b, "--name", "乙小学"],
    ))["trusted"]["id"]
        .as_i64()
        .expect("id");
    ok(&xueji_as(
        b,
        "shenhe",
        &["keys", "trust", &key_a, "--name", "甲小学"],
    ));

    b_in_a
}

#[test]
fn files_over_the_caps_are_refused_before_they_are_read() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path();
    let b = school(root, "乙小学");
    // sparse files: no disk used
    for (name, args, len, says) in [
        (
            "huge.xlsx",
            ["import", "students"],
            51 << 20,
            "学生名单文件过大",
        ),
        (
            "huge.xjpkg",
            ["package", "inspect"],
            513 << 20,
            "学籍档案包过大",
        ),
    ] {
        let path = root.join(name);
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(len))
            .expect("sparse file");
        let out = xueji(&b, &[args[0], args[1], &path.display().to_string()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && stderr.contains(says), "{stderr}");
    }
}
