//! Issue 18 item 7: every example in `cli/README.md` is run, in order, in a fresh folder, so the
//! README cannot drift from the binary. Blocks fenced ```sh are run by bash line by line (a line
//! ending in `\` continues); a line's exit status must be 0, or N when it ends in `# exit N`.
//! Blocks fenced ```json file=NAME are written to NAME first. With `--json`, what a line prints
//! must be one JSON object whose `ok` matches the exit status and whose keys are camelCase. Every subcommand
//! `xueji --help` lists must appear in an example.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

/// One command of the README, with the status it must exit with.
struct Example {
    line: usize,
    command: String,
    status: i32,
}

/// Where a README line is.
enum Fence {
    Outside,
    Sh,
    /// A file: its name and the schema it must fit (`schema=NAME`).
    File(String, Option<String>),
    Other,
}

/// A file the README shows: name, schema, content.
struct File {
    name: String,
    schema: Option<String>,
    body: String,
}

/// The README's runnable lines and its files.
fn parse(readme: &str) -> (Vec<Example>, Vec<File>) {
    let mut examples = Vec::new();
    let mut files = Vec::new();
    let mut fence = Fence::Outside;
    let mut body = String::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, line) in readme.lines().enumerate() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            fence = match std::mem::replace(&mut fence, Fence::Outside) {
                Fence::File(name, schema) => {
                    files.push(File {
                        name,
                        schema,
                        body: std::mem::take(&mut body),
                    });
                    Fence::Outside
                }
                Fence::Sh | Fence::Other => Fence::Outside,
                Fence::Outside if info == "sh" => Fence::Sh,
                Fence::Outside => {
                    let attr = |key: &str| {
                        info.split_whitespace()
                            .find_map(|w| w.strip_prefix(key))
                            .map(str::to_owned)
                    };
                    attr("file=").map_or(Fence::Other, |name| Fence::File(name, attr("schema=")))
                }
            };
            continue;
        }
        match &fence {
            Fence::File(..) => {
                body.push_str(line);
                body.push('\n');
            }
            Fence::Sh => {
                let (start, mut text) = pending.take().unwrap_or((i + 1, String::new()));
                if let Some(cont) = line.strip_suffix('\\') {
                    text.push_str(cont);
                    pending = Some((start, text));
                    continue;
                }
                text.push_str(line);
                let text = text.trim().to_owned();
                if text.is_empty() || text.starts_with('#') {
                    continue;
                }
                let (command, status) = match text.rsplit_once("# exit ") {
                    Some((c, n)) => (c.trim().to_owned(), n.trim().parse().expect("exit status")),
                    None => (
                        text.split(" # ")
                            .next()
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                        0,
                    ),
                };
                examples.push(Example {
                    line: start,
                    command,
                    status,
                });
            }
            Fence::Outside | Fence::Other => {}
        }
    }
    (examples, files)
}

/// `xueji …` subcommand paths, from the help of each command.
fn subcommands(bin: &Path, path: &[String], out: &mut Vec<Vec<String>>) {
    let help = Command::new(bin)
        .args(path)
        .arg("--help")
        .output()
        .expect("help");
    let text = String::from_utf8_lossy(&help.stdout).into_owned();
    let names: Vec<String> = text
        .split("命令:\n")
        .nth(1)
        .map(|rest| {
            rest.lines()
                .take_while(|l| l.starts_with("  "))
                .filter_map(|l| l.split_whitespace().next())
                .filter(|n| *n != "help")
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() || text.contains("参数:\n") && !path.is_empty() {
        out.push(path.to_vec());
    }
    for name in names {
        let mut p = path.to_vec();
        p.push(name);
        subcommands(bin, &p, out);
    }
}

/// Keys that are not camelCase, outside maps whose keys are data (table names).
fn bad_keys(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                if k.contains('_') || k.contains('-') || k.starts_with(char::is_uppercase) {
                    out.push(format!("{at}.{k}"));
                }
                if k != "rowCounts" {
                    bad_keys(child, &format!("{at}.{k}"), out);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                bad_keys(item, at, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_readme_example_runs_with_the_status_it_documents() {
    run_the_term(None);
}

/// The same term a year from today (the `faketime` wrapper starts the clock of every `xueji` the
/// script runs there, and it runs on): nothing in it may hold only in the school year it was
/// written in.
#[test]
fn the_readme_term_holds_a_year_from_today() {
    let next_year = chrono::Utc::now() + chrono::Duration::days(365);
    run_the_term(Some(&next_year.format("%Y-%m-%d %H:%M:%S").to_string()));
}

/// Runs every example of the README in one shell, in order, at the computer's time or, with
/// `at`, under `faketime at`.
#[allow(clippy::too_many_lines)] // one runner, its checks in order
fn run_the_term(at: Option<&str>) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(manifest.join("README.md")).expect("README");
    let (examples, files) = parse(&readme);
    assert!(examples.len() > 60, "{} examples", examples.len());
    let dir = tempfile::tempdir().expect("tmp");
    let folder = dir.path().to_path_buf();
    // XUEJI_README_KEEP=1 keeps the term's folder (each line's output in `.out/`) to look at.
    let _dir = if std::env::var_os("XUEJI_README_KEEP").is_some() {
        eprintln!("the README's term is kept in {}", folder.display());
        let _ = dir.keep();
        None
    } else {
        Some(dir)
    };
    let work = folder.as_path();
    let mut failures = Vec::new();
    for f in &files {
        std::fs::write(work.join(&f.name), &f.body).expect("file");
        match &f.schema {
            Some(name) => {
                let value: serde_json::Value = serde_json::from_str(&f.body).expect("JSON file");
                let wrong = common::schema_check::problems(&common::schema(name), &value);
                if !wrong.is_empty() {
                    failures.push(format!("{} against schema {name}: {wrong:?}", f.name));
                }
            }
            None => failures.push(format!("{}: no schema= on its fence", f.name)),
        }
    }
    let error_schema = common::schema("error");
    // the output schema of each subcommand, from `xueji schema --list`
    let list = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .args(["--json", "schema", "--list"])
        .output()
        .expect("schema --list");
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).expect("list");
    let mut outputs = std::collections::BTreeMap::new();
    for named in list["schemas"].as_array().expect("schemas") {
        let name = named["name"].as_str().expect("name");
        for command in named["commands"].as_array().expect("commands") {
            outputs.insert(
                command.as_str().expect("command").to_owned(),
                common::schema(name),
            );
        }
    }
    assert!(
        outputs.len() > 20,
        "{} commands with an output schema",
        outputs.len()
    );
    let mut checked = BTreeSet::new();
    // The import template with one pupil, written here because the README cannot hold a binary
    // file.
    common::student_list(
        &work.join("名单.xlsx"),
        &[[
            "王小红",
            "女",
            "2019-03-15",
            "居民身份证",
            "330106201903150028",
            "汉族",
            "中国",
            "非农业户口",
            "浙江省杭州市西湖区",
            "浙江省杭州市西湖区",
            "一年级",
            "2班",
            "王大明",
            "父亲",
        ]],
    );
    let notices = manifest.join("../domain/tests/data/notices");
    std::fs::copy(notices.join("2026.txt"), work.join("2026.txt")).expect("notice");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_xueji"));
    let mut script = format!(
        "export PATH='{}':\"$PATH\"\ncd '{}'\nmkdir -p .out\n",
        bin.parent().expect("bin dir").display(),
        work.display()
    );
    for (i, e) in examples.iter().enumerate() {
        let _ = writeln!(
            script,
            "{{ {}\n}} > .out/{i}.stdout 2> .out/{i}.stderr < /dev/null; echo $? > .out/{i}.status",
            e.command
        );
    }
    let mut bash = match at {
        Some(at) => {
            let mut c = Command::new("faketime");
            c.arg(at).arg("bash");
            c
        }
        None => Command::new("bash"),
    };
    let run = bash
        .arg("-c")
        .arg(&script)
        .env_remove("XUEJI_DATA_DIR")
        .env_remove("XUEJI_USER")
        .env_remove("XUEJI_PASSWORD")
        .env_remove("XUEJI_NEW_PASSWORD")
        .env_remove("XUEJI_DB_KEY_FILE")
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run the term's script (at {at:?}; faketime is a test package of `cargo xtask setup`): {e}")
        });
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for (i, e) in examples.iter().enumerate() {
        let read = |ext: &str| {
            std::fs::read_to_string(work.join(format!(".out/{i}.{ext}"))).unwrap_or_default()
        };
        let status: i32 = read("status").trim().parse().unwrap_or(-1);
        let (stdout, stderr) = (read("stdout"), read("stderr"));
        let mut wrong = Vec::new();
        if status != e.status {
            wrong.push(format!("exit {status}, documented {}", e.status));
        }
        if e.command.contains("--json") && !stdout.trim().is_empty() {
            match serde_json::from_str::<serde_json::Value>(stdout.trim()) {
                Ok(v) => {
                    if v["ok"] != serde_json::Value::Bool(status == 0) {
                        wrong.push(format!("ok is {} with exit {status}", v["ok"]));
                    }
                    let mut keys = Vec::new();
                    bad_keys(&v, "", &mut keys);
                    if !keys.is_empty() {
                        wrong.push(format!("keys not camelCase: {keys:?}"));
                    }
                    // each result against its schema: the words after the subcommand are its
                    // arguments, so the longest subcommand a schema names wins (`print sample`
                    // over `print`)
                    let path = command_path(&e.command).unwrap_or_default();
                    let output = outputs
                        .iter()
                        .filter(|(k, _)| path == **k || path.starts_with(&format!("{k} ")))
                        .max_by_key(|(k, _)| k.len());
                    let schema = if status != 0 {
                        Some(&error_schema)
                    } else {
                        output.map(|(k, schema)| {
                            checked.insert(k.clone());
                            schema
                        })
                    };
                    match schema {
                        Some(schema) => {
                            let problems = common::schema_check::problems(schema, &v);
                            if !problems.is_empty() {
                                wrong.push(format!("does not fit its schema: {problems:?}"));
                            }
                        }
                        None => wrong.push(format!("no output schema names `{path}`")),
                    }
                }
                Err(err) => wrong.push(format!("stdout is not one JSON object: {err}")),
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "README line {}: {}\n  {}\n  stdout: {}\n  stderr: {}",
                e.line,
                e.command,
                wrong.join("; "),
                stdout.chars().take(600).collect::<String>(),
                stderr.chars().take(600).collect::<String>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "the term at {}:\n{}",
        at.unwrap_or("the computer's time"),
        failures.join("\n\n")
    );
    // every subcommand has an example
    let mut all = Vec::new();
    subcommands(&bin, &[], &mut all);
    assert!(all.len() > 50, "{} subcommands", all.len());
    let used: BTreeSet<String> = examples
        .iter()
        .filter_map(|e| command_path(&e.command))
        .collect();
    let missing: Vec<String> = all
        .iter()
        .map(|p| p.join(" "))
        .filter(|p| {
            !used
                .iter()
                .any(|u| u == p || u.starts_with(&format!("{p} ")))
        })
        .collect();
    assert!(missing.is_empty(), "no README example for: {missing:?}");
    // every output schema was held against a real output
    let unchecked: Vec<&String> = outputs.keys().filter(|c| !checked.contains(*c)).collect();
    assert!(
        unchecked.is_empty(),
        "outputs never checked against their schema: {unchecked:?}"
    );
}

/// The subcommand a README line runs (`change decide`), past global options.
fn command_path(command: &str) -> Option<String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    // `xueji`, also inside `$(…)`, or `b`: the README's xueji of the second school
    let start = words
        .iter()
        .position(|w| *w == "xueji" || w.ends_with("$(xueji") || *w == "b")?;
    let mut path = Vec::new();
    let mut rest = words[start + 1..].iter();
    while let Some(w) = rest.next() {
        match *w {
            "--json" => {}
            "--user" | "--data-dir" => {
                rest.next();
            }
            w if w.starts_with('-') => break,
            w => path.push(w),
        }
    }
    Some(path.join(" "))
}

/// The check that holds the examples to their schemas finds what does not fit.
#[test]
fn a_file_or_an_output_that_does_not_fit_its_schema_is_found() {
    let submit = common::schema("change-submit");
    let fits = serde_json::json!({"change": {"type": "leave", "reason": {"type": "illness", "sickSince": "2026-09-01"}}, "effectiveOn": "2026-12-01"});
    assert_eq!(
        common::schema_check::problems(&submit, &fits),
        Vec::<String>::new()
    );
    for wrong in [
        serde_json::json!({"change": {"type": "leave", "reason": {"type": "illness", "sickSince": "2026-09-01"}}}),
        serde_json::json!({"change": {"type": "stay"}, "effectiveOn": "2026-12-01"}),
        serde_json::json!({"change": {"type": "skip", "to": -1}, "effectiveOn": "2026-12-01"}),
        serde_json::json!({"change": {"type": "sanction", "level": "expel", "facts": "x"}, "effectiveOn": "2026-12-01"}),
    ] {
        assert!(
            !common::schema_check::problems(&submit, &wrong).is_empty(),
            "{wrong}"
        );
    }
    let error = common::schema("error");
    let ok = serde_json::json!({"ok": true, "application": {}});
    assert!(!common::schema_check::problems(&error, &ok).is_empty());
    let results = common::schema("graduate-results");
    let row = serde_json::json!([{"student": "G1", "programmeCompleted": true, "overallQualityPassed": "yes", "failedSubjectsAfterMakeup": 0}]);
    assert!(!common::schema_check::problems(&results, &row).is_empty());
}
