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
    sh::run(
        "Rust tests",
        sh::cargo().args(["test", "--workspace", "--exclude", "xueji-e2e"]),
    )?;
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

/// Builds the real app and drives it through tauri-driver, inside a private session bus.
fn end_to_end() -> Result {
    let binary = build::app()?;
    let driver = sh::root().join("ui/node_modules/.bin/tauri-driver");
    let mut cmd = Command::new("dbus-run-session");
    cmd.current_dir(sh::root())
        .arg("--")
        .arg(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["test", "-p", "xueji-e2e", "--", "--test-threads=1"])
        .env("XUEJI_APP_BINARY", &binary)
        .env("XUEJI_TAURI_DRIVER", &driver);
    sh::run("end-to-end tests (real app, WebDriver)", &mut cmd)
}
