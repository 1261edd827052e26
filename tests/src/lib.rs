//! End-to-end harness and the one helper library of the end-to-end tests (`tests/e2e/*.rs`):
//! drives the real, built XueJi app through `tauri-driver` and WebDriver.
//!
//! The harness (`session.rs`, `display.rs`, `driver.rs`) starts Xvfb when `DISPLAY` is unset,
//! starts `tauri-driver` (which starts WebKitWebDriver, which starts the app), gives every run its
//! own data, config and cache folders, saves a screenshot when a test fails, and stops every
//! process it started: `tauri-driver` with SIGTERM so that WebKitWebDriver ends with it.
//!
//! The helpers, one of each: the first run and the login (`flows.rs`) and the page (`ui.rs`,
//! `controls.rs`) as methods of [`AppHandle`]; the app's commands through the IPC (`ipc.rs`,
//! methods too); students and applications put on the books ([`seed`]); saved files and PDFs
//! ([`files`]); dates counted from today ([`dates`]); and [`step!`].
//!
//! `cargo xtask test` builds the app and sets `XUEJI_APP_BINARY` and `XUEJI_TAURI_DRIVER`.

mod controls;
pub mod dates;
mod display;
mod driver;
pub mod files;
pub mod flows;
mod ipc;
pub mod seed;
mod session;
mod ui;

pub use fantoccini::{Client, Locator};
pub use flows::{ADMIN_DISPLAY_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, FirstRun, SchoolSetup};
pub use ipc::{APPROVER, MORAL, STAFF_PASSWORD};
pub use session::{AppHandle, Session, with_app};
pub use ui::{settle, transient};

/// Runs a WebDriver step of a test body; on failure prints the line and the error before
/// returning it (the failure screenshot alone does not say which step it was).
#[macro_export]
macro_rules! step {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                eprintln!("step at line {} failed: {e:?}", line!());
                return Err(e);
            }
        }
    };
}

use std::path::PathBuf;
use std::time::Duration;

/// How long a step may take before the test fails.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(20);

/// Where screenshots of failed tests go.
pub fn artifacts_dir() -> PathBuf {
    std::env::var_os("XUEJI_E2E_ARTIFACTS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("artifacts"),
        PathBuf::from,
    )
}

fn required_path(var: &str, hint: &str) -> PathBuf {
    match std::env::var_os(var) {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => {
            panic!("{var} is not set: {hint}. Run the end-to-end tests through `cargo xtask test`.")
        }
    }
}

/// Sends SIGTERM to a process (without `unsafe`: through the `kill` command).
fn terminate(pid: u32) {
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
}

/// Waits for a child to exit, up to `timeout`; kills it if it does not.
fn wait_or_kill(child: &mut std::process::Child, timeout: Duration) {
    let deadline = std::time::Instant::now() + timeout;
    while std::time::Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Whether a process of `binary` runs on the data folder `data_dir` (Linux: read from /proc).
fn app_running(binary: &std::path::Path, data_dir: &std::path::Path) -> bool {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return false;
    };
    let binary = std::fs::canonicalize(binary).unwrap_or_else(|_| binary.to_path_buf());
    let wanted = format!("XUEJI_DATA_DIR={}", data_dir.display());
    entries.flatten().any(|entry| {
        let dir = entry.path();
        let exe = std::fs::read_link(dir.join("exe")).ok();
        if exe.as_deref() != Some(binary.as_path()) {
            return false;
        }
        std::fs::read(dir.join("environ"))
            .is_ok_and(|env| env.split(|b| *b == 0).any(|var| var == wanted.as_bytes()))
    })
}
