//! `cargo xtask bench-search`: search at 100,000 students, timed in the real release app.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build;
use crate::setup::{self, Purpose};
use crate::sh::{self, Result};

/// The packages and features of the release builds of both benchmarks (`bench-start` too): one
/// feature set, so each build reuses every crate another one made.
pub const PACKAGES: [&str; 6] = [
    "-p",
    "xueji-desktop",
    "-p",
    "xueji-e2e",
    "--features",
    "xueji-desktop/custom-protocol,xueji-e2e/bench",
];

/// Builds the UI, the release app and the benchmark with one feature set, then runs
/// `tests/benches/search.rs` against the app inside a private session bus (the app's database key
/// comes from a key file, not the keyring).
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
    sh::run(
        "build the search benchmark (tests/benches/search.rs)",
        sh::cargo()
            .args(["build", "--release", "--benches"])
            .args(PACKAGES),
    )?;
    let release = sh::target_dir().join("release");
    let binary = release.join(exe);
    let bench = newest_bench(&release.join("deps"), "search-")?;
    let driver = sh::root().join("ui/node_modules/.bin/tauri-driver");
    let mut cmd = if cfg!(target_os = "linux") {
        let mut c = Command::new("dbus-run-session");
        c.arg("--").arg(&bench);
        c
    } else {
        Command::new(&bench)
    };
    cmd.current_dir(sh::root())
        .env("XUEJI_APP_BINARY", &binary)
        .env("XUEJI_TAURI_DRIVER", &driver);
    sh::run(
        "search benchmark (100,000 students, release app, WebDriver)",
        &mut cmd,
    )
}

/// The most recently built executable `deps/<prefix><hash>` (a bench target's binary).
fn newest_bench(deps: &Path, prefix: &str) -> Result<PathBuf> {
    let entries = std::fs::read_dir(deps).map_err(|e| format!("{}: {e}", deps.display()))?;
    entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let exe = if cfg!(windows) {
                Path::new(name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("exe"))
            } else {
                !name.contains('.')
            };
            name.starts_with(prefix) && exe
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .ok_or_else(|| format!("no {prefix}* benchmark in {}", deps.display()))
}
