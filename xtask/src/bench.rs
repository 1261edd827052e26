//! `cargo xtask bench-search`: search at 100,000 students, timed in the real release app.

use std::process::Command;

use crate::build;
use crate::setup::{self, Purpose};
use crate::sh::{self, Result};

/// The packages and features of both steps: one feature set, so the second step reuses every
/// crate the first one built.
const PACKAGES: [&str; 6] = [
    "-p",
    "xueji-desktop",
    "-p",
    "xueji-e2e",
    "--features",
    "xueji-desktop/custom-protocol,xueji-e2e/bench",
];

/// Builds the UI and the release app, then runs `tests/benches/search.rs` against it inside a
/// private session bus (the app's database key comes from a key file, not the keyring).
pub fn search() -> Result {
    setup::all(Purpose::Test)?;
    build::ui()?;
    sh::run(
        "build the release app (xueji-desktop, embedded UI)",
        sh::cargo().arg("build").arg("--release").args(PACKAGES),
    )?;
    let exe = if cfg!(windows) {
        "xueji-desktop.exe"
    } else {
        "xueji-desktop"
    };
    let binary = sh::target_dir().join("release").join(exe);
    let driver = sh::root().join("ui/node_modules/.bin/tauri-driver");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = if cfg!(target_os = "linux") {
        let mut c = Command::new("dbus-run-session");
        c.arg("--").arg(cargo);
        c
    } else {
        Command::new(cargo)
    };
    cmd.current_dir(sh::root())
        .args(["bench", "--bench", "search"])
        .args(PACKAGES)
        .env("XUEJI_APP_BINARY", &binary)
        .env("XUEJI_TAURI_DRIVER", &driver);
    sh::run(
        "search benchmark (100,000 students, release app, WebDriver)",
        &mut cmd,
    )
}
