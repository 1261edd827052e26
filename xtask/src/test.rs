//! `cargo xtask test`: every test, in order, stopping at the first failure.

use std::process::Command;
use std::time::Instant;

use crate::build;
use crate::setup::{self, Purpose};
use crate::sh::{self, Result};

pub fn all() -> Result {
    let started = Instant::now();
    setup::all(Purpose::Test)?;
    sh::run("rustfmt", sh::cargo().args(["fmt", "--all", "--check"]))?;
    // The app embeds ui/dist at compile time; a fresh clone has none yet.
    build::ui()?;
    sh::run(
        "clippy",
        sh::cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    rust_tests()?;
    sh::run(
        "UI type check (vue-tsc)",
        sh::npm().args(["run", "typecheck"]),
    )?;
    sh::run("UI unit tests (vitest)", sh::npm().args(["test"]))?;
    end_to_end()?;
    println!(
        "\nxtask: every test passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Every Rust test of the workspace. On Linux they run inside a private session bus with an
/// unlocked gnome-keyring, so the store's keyring tests use the real Secret Service
/// (`XUEJI_KEYRING_TESTS=1`); the keyring's files go to a temporary folder, never the user's.
fn rust_tests() -> Result {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    if !cfg!(target_os = "linux") {
        return sh::run(
            "Rust tests",
            sh::cargo().args(["test", "--workspace", "--exclude", "xueji-e2e"]),
        );
    }
    let keyring_home = std::env::temp_dir().join(format!("xueji-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&keyring_home)
        .map_err(|e| format!("{}: {e}", keyring_home.display()))?;
    let script = format!(
        "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \\
         && exec '{cargo}' test --workspace --exclude xueji-e2e"
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

/// Builds the real app and drives it through tauri-driver, inside a private session bus with an
/// unlocked gnome-keyring: the app keeps its database key in the real Secret Service, as on a
/// registrar's desktop. The keyring's files go to a temporary folder, never the user's.
fn end_to_end() -> Result {
    let binary = build::app()?;
    let driver = sh::root().join("ui/node_modules/.bin/tauri-driver");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let keyring_home =
        std::env::temp_dir().join(format!("xueji-e2e-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&keyring_home)
        .map_err(|e| format!("{}: {e}", keyring_home.display()))?;
    let script = format!(
        "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \\
         && exec '{cargo}' test -p xueji-e2e -- --test-threads=1"
    );
    let mut cmd = Command::new("dbus-run-session");
    cmd.current_dir(sh::root())
        .args(["--", "sh", "-c", &script])
        .env("XDG_DATA_HOME", &keyring_home)
        .env("XUEJI_APP_BINARY", &binary)
        .env("XUEJI_TAURI_DRIVER", &driver);
    let result = sh::run(
        "end-to-end tests (real app, WebDriver, Secret Service keyring)",
        &mut cmd,
    );
    let _ = std::fs::remove_dir_all(&keyring_home);
    result
}
