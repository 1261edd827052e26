//! `cargo xtask test [--timings]`: every test, in order, stopping at the first failure, then a
//! table of each stage's wall and CPU time.
//!
//! Every Cargo command here selects the same packages (`--workspace`) with the same features
//! ([`FEATURES`]), and they all need dev-dependencies, so Cargo resolves one feature set and
//! compiles each dependency once. The app and the `xueji` command line the end-to-end tests drive
//! are the binaries of that test build (no separate `cargo build -p …`, which would resolve
//! features differently and compile a good part of the graph again).
//!
//! Clippy runs inside that build: every Cargo command sets `RUSTC_WORKSPACE_WRAPPER` to
//! clippy-driver with `-D warnings`, which is what `cargo clippy` does for its check, so our crates
//! are linted while they are compiled, and the dependencies are not compiled a second time in
//! check mode (a `cargo clippy` before the build did that: about a third of its time). The lints
//! and targets are those of `cargo clippy --workspace --all-targets -- -D warnings`.
//!
//! The end-to-end tests are in the workspace too but marked `test = false` (a plain `cargo test`
//! must not start the app); they are selected by name, `e2e_*`.

use std::path::PathBuf;
use std::process::Command;

use crate::build;
use crate::lint_modules;
use crate::setup::{self, Purpose};
use crate::sh::{self, Result};
use crate::timing::Stages;

/// The one feature set of every Cargo command of the test command: the app embeds `ui/dist`, as
/// the end-to-end tests need.
const FEATURES: &str = "xueji-desktop/custom-protocol";

/// The end-to-end test targets (`tests/Cargo.toml`): all named `e2e_*`, all `test = false`.
const E2E_TESTS: &str = "e2e_*";

pub fn all(args: &[String]) -> Result {
    let timings = args.iter().any(|a| a == "--timings");
    if let Some(other) = args.iter().find(|a| *a != "--timings") {
        return Err(format!(
            "cargo xtask test: unknown argument {other} (only --timings)"
        ));
    }
    let mut stages = Stages::new();
    let result = stages_in_order(&mut stages, timings);
    println!("\n==> time per stage\n{}", stages.table());
    if timings {
        println!(
            "Cargo's timing reports (HTML): {}",
            sh::target_dir().join("cargo-timings").display()
        );
    }
    if result.is_ok() {
        println!("xtask: every test passed");
    }
    result
}

fn stages_in_order(stages: &mut Stages, timings: bool) -> Result {
    check_e2e_targets()?;
    stages.stage("setup (system packages, Node.js, npm)", || {
        setup::all(Purpose::Test)
    })?;
    stages.stage("rustfmt", || {
        sh::run("rustfmt", sh::cargo().args(["fmt", "--all", "--check"]))
    })?;
    stages.stage(
        "module lint (no import cycle, files ≤ 600 lines)",
        lint_modules::run,
    )?;
    // The app embeds ui/dist at compile time; a fresh clone has none yet.
    stages.stage("UI build (vite)", build::ui)?;
    // `--all-targets` leaves out the `test = false` end-to-end tests (and wins over any `--test`
    // beside it): they get a second command, with the same packages and features.
    stages.stage("Rust build and clippy (tests, benches, app, CLI)", || {
        let mut cmd = workspace_cargo("test", timings)?;
        cmd.args(["--no-run", "--all-targets"]);
        sh::run(
            "build and lint every test, benchmark and binary (one feature set, clippy -D warnings)",
            &mut cmd,
        )?;
        let mut cmd = workspace_cargo("test", timings)?;
        cmd.args(["--no-run", "--test", E2E_TESTS]);
        sh::run("build and lint the end-to-end tests", &mut cmd)
    })?;
    stages.stage("Rust tests", rust_tests)?;
    stages.stage("benchmark smoke runs", || {
        // `cargo test` runs a `harness = false` bench without `--bench`: each bench then runs at a
        // small size (see its doc) and prints its figures; `cargo bench` runs it at full size.
        // Each is named: `--benches` would run the libraries' unit tests again, and `--bench '*'`
        // would take the end-to-end crate's `search` too (`cargo xtask bench-search`).
        let benches = library_benches()?;
        let mut cmd = workspace_cargo("test", false)?;
        for bench in &benches {
            cmd.args(["--bench", bench]);
        }
        sh::run(
            &format!(
                "benchmarks, once each at a small size ({})",
                benches.join(", ")
            ),
            &mut cmd,
        )
    })?;
    stages.stage("UI type check (vue-tsc)", || {
        sh::run(
            "UI type check (vue-tsc)",
            sh::npm().args(["run", "typecheck"]),
        )
    })?;
    stages.stage("UI unit tests (vitest)", || {
        sh::run("UI unit tests (vitest)", sh::npm().args(["test"]))
    })?;
    stages.stage("end-to-end tests", end_to_end)
}

/// The benchmarks of every workspace member but the end-to-end crate: its `[[bench]]` tables and
/// its `benches/*.rs` files.
fn library_benches() -> Result<Vec<String>> {
    let root = sh::root();
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut benches = Vec::new();
    for member in workspace_members(&read(&root.join("Cargo.toml"))?) {
        if member == "tests" {
            continue;
        }
        let dir = root.join(&member);
        let manifest = read(&dir.join("Cargo.toml"))?;
        benches.extend(
            tables(&manifest, "bench")
                .into_iter()
                .filter_map(|t| value(t, "name")),
        );
        if let Ok(files) = std::fs::read_dir(dir.join("benches")) {
            benches.extend(files.filter_map(|f| {
                let path = f.ok()?.path();
                (path.extension()? == "rs")
                    .then(|| path.file_stem()?.to_str().map(str::to_owned))?
            }));
        }
    }
    benches.sort();
    benches.dedup();
    if benches.is_empty() {
        return Err("no benchmark found in the workspace's members".to_owned());
    }
    Ok(benches)
}

/// The folders of `members = [...]` in the workspace's manifest.
fn workspace_members(manifest: &str) -> Vec<String> {
    let Some(start) = manifest.find("\nmembers = [") else {
        return Vec::new();
    };
    let list = &manifest[start + "\nmembers = [".len()..];
    let list = &list[..list.find(']').unwrap_or(list.len())];
    list.split(',')
        .map(|m| m.trim().trim_matches('"').to_owned())
        .filter(|m| !m.is_empty())
        .collect()
}

/// The bodies of the `[[kind]]` tables of a manifest.
fn tables<'a>(manifest: &'a str, kind: &str) -> Vec<&'a str> {
    let header = format!("[{kind}]]");
    manifest
        .split("\n[")
        .skip(1)
        .filter_map(|table| table.strip_prefix(header.as_str()))
        .collect()
}

/// The string or plain value of `key = …` in a table's body.
fn value(body: &str, key: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Every test target of the end-to-end crate is named `e2e_*` and has `test = false`: otherwise a
/// plain `cargo test --workspace` would start it without an app to drive, and `--test e2e_*`
/// would miss it.
fn check_e2e_targets() -> Result {
    let path = sh::root().join("tests").join("Cargo.toml");
    let manifest =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bad = e2e_targets_not_marked(&manifest);
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "tests/Cargo.toml: every [[test]] needs a name starting with `e2e_` and `test = false` \
             (so that plain `cargo test` skips it and `cargo xtask test` runs it); not so: {}",
            bad.join(", ")
        ))
    }
}

/// The `[[test]]` tables of a manifest that lack the `e2e_` name prefix or `test = false`.
fn e2e_targets_not_marked(manifest: &str) -> Vec<String> {
    tables(manifest, "test")
        .into_iter()
        .filter_map(|body| {
            let name = value(body, "name").unwrap_or_else(|| "(no name)".to_owned());
            let marked =
                name.starts_with("e2e_") && value(body, "test").as_deref() == Some("false");
            (!marked).then_some(name)
        })
        .collect()
}

/// `cargo <sub> --workspace --features FEATURES` in the workspace root, with clippy as the
/// compiler of our crates (`--timings` for an HTML report of the compilation when asked).
fn workspace_cargo(sub: &str, timings: bool) -> Result<Command> {
    let mut cmd = sh::cargo();
    cmd.args([sub, "--workspace", "--features", FEATURES]);
    with_clippy(&mut cmd)?;
    if timings {
        cmd.arg("--timings");
    }
    Ok(cmd)
}

/// What `cargo clippy -- -D warnings` sets for its `cargo check`: clippy-driver compiles the
/// workspace's crates (Cargo gives it only those) and denies warnings. Every Cargo command of the
/// test command sets the same, or Cargo would compile our crates again without it.
fn with_clippy(cmd: &mut Command) -> Result {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("rustc --print sysroot: {e}"))?;
    let driver = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim())
        .join("bin")
        .join(format!("clippy-driver{}", std::env::consts::EXE_SUFFIX));
    if !driver.is_file() {
        return Err(format!(
            "{} is missing: install clippy (rustup component add clippy)",
            driver.display()
        ));
    }
    cmd.env("RUSTC_WORKSPACE_WRAPPER", driver).env(
        "CLIPPY_ARGS",
        "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
    );
    Ok(())
}

/// The same command as a shell word list, for the scripts run inside a session bus (which pass
/// the environment of their `Command` on, clippy's too).
fn workspace_cargo_line(rest: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    format!("'{cargo}' test --workspace --features {FEATURES} {rest}")
}

/// Every Rust test of the workspace but the end-to-end ones. On Linux they run inside a private
/// session bus with an unlocked gnome-keyring, so the store's keyring tests use the real Secret
/// Service (`XUEJI_KEYRING_TESTS=1`); the keyring's files go to a temporary folder, never the
/// user's.
fn rust_tests() -> Result {
    if !cfg!(target_os = "linux") {
        return sh::run("Rust tests", &mut workspace_cargo("test", false)?);
    }
    let keyring_home = std::env::temp_dir().join(format!("xueji-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&keyring_home)
        .map_err(|e| format!("{}: {e}", keyring_home.display()))?;
    let script = format!(
        "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \\
         && exec {}",
        workspace_cargo_line("")
    );
    let mut cmd = Command::new("dbus-run-session");
    with_clippy(&mut cmd)?;
    cmd.current_dir(sh::root())
        .args(["--", "sh", "-c", &script])
        .env("XDG_DATA_HOME", &keyring_home)
        .env("XUEJI_KEYRING_TESTS", "1");
    let result = sh::run("Rust tests (with a Secret Service keyring)", &mut cmd);
    let _ = std::fs::remove_dir_all(&keyring_home);
    result
}

/// A binary the Rust build stage made in `<target>/debug`.
fn built(name: &str) -> Result<PathBuf> {
    let path = sh::target_dir()
        .join("debug")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: the Rust build stage should have made it",
            path.display()
        ))
    }
}

/// Drives the real app (built with the UI embedded by the Rust build stage) through tauri-driver,
/// inside a private session bus with an unlocked gnome-keyring: the app keeps its database key in
/// the real Secret Service, as on a registrar's desktop. The keyring's files go to a temporary
/// folder, never the user's.
fn end_to_end() -> Result {
    let binary = built("xueji-desktop")?;
    // Tests put students on the books through the roster import of the `xueji` command line.
    let cli = built("xueji")?;
    let driver = sh::root().join("ui/node_modules/.bin/tauri-driver");
    let keyring_home =
        std::env::temp_dir().join(format!("xueji-e2e-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&keyring_home)
        .map_err(|e| format!("{}: {e}", keyring_home.display()))?;
    let script = format!(
        "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \\
         && exec {}",
        workspace_cargo_line(&format!("--test '{E2E_TESTS}' -- --test-threads=1"))
    );
    let mut cmd = Command::new("dbus-run-session");
    with_clippy(&mut cmd)?;
    cmd.current_dir(sh::root())
        .args(["--", "sh", "-c", &script])
        .env("XDG_DATA_HOME", &keyring_home)
        .env("XUEJI_APP_BINARY", &binary)
        .env("XUEJI_CLI_BINARY", &cli)
        .env("XUEJI_TAURI_DRIVER", &driver);
    let result = sh::run(
        "end-to-end tests (real app, WebDriver, Secret Service keyring)",
        &mut cmd,
    );
    let _ = std::fs::remove_dir_all(&keyring_home);
    result
}

#[cfg(test)]
mod tests {
    use super::{e2e_targets_not_marked, library_benches, workspace_members};

    #[test]
    fn e2e_targets_need_the_prefix_and_test_false() {
        let manifest = "[package]\nname = \"x\"\n\n[[test]]\nname = \"e2e_a\"\npath = \"a.rs\"\ntest = false\n\n\
                        [[test]]\nname = \"b\"\ntest = false\n\n[[test]]\nname = \"e2e_c\"\n\n[[bench]]\nname = \"d\"\n";
        assert_eq!(e2e_targets_not_marked(manifest), ["b", "e2e_c"]);
    }

    #[test]
    fn members_are_read_from_the_workspace_manifest() {
        let manifest = "[workspace]\nresolver = \"3\"\nmembers = [\n    \"a\",\n    \"b/c\",\n]\ndefault-members = [\"a\"]\n";
        assert_eq!(workspace_members(manifest), ["a", "b/c"]);
    }

    #[test]
    fn the_libraries_benches_are_found() {
        // The four benchmarks of the issue that added the smoke runs; more may come.
        let benches = library_benches().expect("benches");
        for name in ["app", "certificates", "import", "store"] {
            assert!(benches.iter().any(|b| b == name), "{name} in {benches:?}");
        }
        assert!(!benches.iter().any(|b| b == "search"));
    }

    #[test]
    fn the_real_manifest_is_marked() {
        let manifest =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/Cargo.toml"))
                .expect("tests/Cargo.toml");
        assert!(e2e_targets_not_marked(&manifest).is_empty());
    }
}
