//! `cargo xtask test [--timings]`: every test, in order, stopping at the first failure, then a
//! table of each stage's wall and CPU time.
//!
//! Every Cargo command here selects the same packages (`--workspace`) with the same features
//! ([`FEATURES`]), and they all need dev-dependencies, so Cargo resolves one feature set and
//! compiles each dependency once: clippy's check shares the build scripts and proc-macros of the
//! test build, and the app and the `xueji` command line the end-to-end tests drive are the
//! binaries the test build made (no separate `cargo build -p …`, which would resolve features
//! differently and compile a good part of the graph again). The end-to-end tests are in the
//! workspace too but marked `test = false` (a plain `cargo test` must not start the app); they
//! are selected by name, `e2e_*`.

use std::path::PathBuf;
use std::process::Command;

use crate::build;
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
    // The app embeds ui/dist at compile time; a fresh clone has none yet.
    stages.stage("UI build (vite)", build::ui)?;
    // `--all-targets` leaves out the `test = false` end-to-end tests (and wins over any `--test`
    // beside it): they get a second run of each command, with the same packages and features.
    stages.stage("clippy", || {
        let mut cmd = workspace_cargo("clippy", timings);
        cmd.args(["--all-targets", "--", "-D", "warnings"]);
        sh::run("clippy (every target)", &mut cmd)?;
        let mut cmd = workspace_cargo("clippy", timings);
        cmd.args(["--test", E2E_TESTS, "--", "-D", "warnings"]);
        sh::run("clippy (the end-to-end tests)", &mut cmd)
    })?;
    stages.stage("Rust build (tests, benches, app, CLI)", || {
        let mut cmd = workspace_cargo("test", timings);
        cmd.args(["--no-run", "--all-targets"]);
        sh::run(
            "build every test, benchmark and binary (one feature set)",
            &mut cmd,
        )?;
        let mut cmd = workspace_cargo("test", timings);
        cmd.args(["--no-run", "--test", E2E_TESTS]);
        sh::run("build the end-to-end tests", &mut cmd)
    })?;
    stages.stage("Rust tests", rust_tests)?;
    stages.stage("benchmark smoke runs", || {
        // `cargo test` runs a `harness = false` bench without `--bench`: each bench then runs at a
        // small size (see its doc) and prints its figures; `cargo bench` runs it at full size.
        let mut cmd = workspace_cargo("test", false);
        cmd.arg("--benches");
        sh::run(
            "benchmarks, once each at a small size (cargo test --benches)",
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
    let mut bad = Vec::new();
    for table in manifest.split("\n[").skip(1) {
        let Some(body) = table.strip_prefix("[test]]") else {
            continue;
        };
        let value = |key: &str| {
            body.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
            })
        };
        let name = value("name").unwrap_or_else(|| "(no name)".to_owned());
        if !name.starts_with("e2e_") || value("test").as_deref() != Some("false") {
            bad.push(name);
        }
    }
    bad
}

/// `cargo <sub> --workspace --features FEATURES` in the workspace root (`--timings` for an HTML
/// report of the compilation when asked).
fn workspace_cargo(sub: &str, timings: bool) -> Command {
    let mut cmd = sh::cargo();
    cmd.args([sub, "--workspace", "--features", FEATURES]);
    if timings {
        cmd.arg("--timings");
    }
    cmd
}

/// The same command as a shell word list, for the scripts run inside a session bus.
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
        return sh::run("Rust tests", &mut workspace_cargo("test", false));
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
    use super::e2e_targets_not_marked;

    #[test]
    fn e2e_targets_need_the_prefix_and_test_false() {
        let manifest = "[package]\nname = \"x\"\n\n[[test]]\nname = \"e2e_a\"\npath = \"a.rs\"\ntest = false\n\n\
                        [[test]]\nname = \"b\"\ntest = false\n\n[[test]]\nname = \"e2e_c\"\n\n[[bench]]\nname = \"d\"\n";
        assert_eq!(e2e_targets_not_marked(manifest), ["b", "e2e_c"]);
    }

    #[test]
    fn the_real_manifest_is_marked() {
        let manifest =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/Cargo.toml"))
                .expect("tests/Cargo.toml");
        assert!(e2e_targets_not_marked(&manifest).is_empty());
    }
}
