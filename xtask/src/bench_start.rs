//! `cargo xtask bench-start [--runs N]`: release build, cold start to the login screen.
//!
//! Builds `xueji-desktop` in release with the UI embedded, creates a data folder with the CLI
//! (`xueji init`, the key in a private Secret Service keyring, as on a registrar's desktop), then
//! starts the app N times under Xvfb. Each run is timed from spawning the process to the UI's
//! `ui_ready` marker on stderr, which the login page sends after its first frame (the shell prints
//! it only with `XUEJI_REPORT_READY` set). Prints min / median / max; the target is
//! 1.5 s.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::build;
use crate::sh::{self, Result};

/// The limit for a cold start to the login screen.
const TARGET_MS: f64 = 1500.0;
const DEFAULT_RUNS: usize = 5;

/// `cargo xtask bench-start`: builds, then runs itself inside a private session bus.
pub fn start(args: &[String]) -> Result {
    let runs = runs_arg(args)?;
    build::ui()?;
    sh::run(
        "build the app in release (xueji-desktop, embedded UI)",
        sh::cargo()
            .args(["build", "--release"])
            .args(crate::bench_search::PACKAGES),
    )?;
    sh::run(
        "build the CLI (xueji init)",
        sh::cargo().args(["build", "-p", "xueji-cli"]),
    )?;
    let exe = |profile: &str, name: &str| {
        sh::target_dir()
            .join(profile)
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
    };
    let app = exe("release", "xueji-desktop");
    let cli = exe("debug", "xueji");
    let root = std::env::temp_dir().join(format!("xueji-bench-start-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("keyring"))
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let script = format!(
        "printf bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null \\
         && exec '{}' bench-start-inner '{}' '{}' '{}' {runs}",
        me.display(),
        app.display(),
        cli.display(),
        root.display()
    );
    let mut cmd = Command::new("dbus-run-session");
    cmd.args(["--", "sh", "-c", &script])
        .env("XDG_DATA_HOME", root.join("keyring"));
    let result = sh::run(
        &format!("cold start to the login screen, {runs} runs"),
        &mut cmd,
    );
    let _ = std::fs::remove_dir_all(&root);
    result
}

fn runs_arg(args: &[String]) -> Result<usize> {
    match args.iter().position(|a| a == "--runs") {
        None => Ok(DEFAULT_RUNS),
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| "--runs needs a positive number".to_owned()),
    }
}

/// Inside the session bus: `bench-start-inner APP CLI ROOT RUNS`.
pub fn inner(args: &[String]) -> Result {
    let [app, cli, root, runs] = args else {
        return Err("usage: bench-start-inner APP CLI ROOT RUNS".to_owned());
    };
    let runs: usize = runs.parse().map_err(|_| "RUNS must be a number")?;
    let root = PathBuf::from(root);
    let data = root.join("data");
    init_data(Path::new(cli), &data)?;
    let display = Xvfb::start()?;
    let mut times = Vec::with_capacity(runs);
    for run in 1..=runs {
        let ms = one_start(Path::new(app), &data, &root, &display.name)?;
        println!("run {run}: {ms:.0} ms to the login screen");
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let median = if times.len() % 2 == 1 {
        times[times.len() / 2]
    } else {
        f64::midpoint(times[times.len() / 2 - 1], times[times.len() / 2])
    };
    let (min, max) = (times[0], times[times.len() - 1]);
    println!(
        "\ncold start to the login screen (release, {runs} runs): min {min:.0} ms, median {median:.0} ms, max {max:.0} ms (target < {TARGET_MS:.0} ms)"
    );
    if median < TARGET_MS {
        Ok(())
    } else {
        Err(format!(
            "the median start took {median:.0} ms, over the {TARGET_MS:.0} ms target"
        ))
    }
}

/// A set-up data folder: school, admin account, key in the keyring. The recovery code the CLI
/// prints is discarded.
fn init_data(cli: &Path, data: &Path) -> Result {
    let mut child = Command::new(cli)
        .args(["--data-dir"])
        .arg(data)
        .args([
            "init",
            "--school-name",
            "基准测试学校",
            "--school-kind",
            "小学",
            "--admin",
            "bench",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("{}: {e}", cli.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(b"Xueji2024start\nXueji2024start\n")
            .map_err(|e| e.to_string())?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("xueji init failed ({status})"))
    }
}

/// Starts the app once and returns the milliseconds from spawn to the login screen.
fn one_start(app: &Path, data: &Path, root: &Path, display: &str) -> Result<f64> {
    // Fresh WebKit config and cache folders each run: nothing kept from the run before.
    let scratch = root.join("run");
    let _ = std::fs::remove_dir_all(&scratch);
    for sub in ["config", "cache"] {
        std::fs::create_dir_all(scratch.join(sub)).map_err(|e| e.to_string())?;
    }
    let started = Instant::now();
    let mut child = Command::new(app)
        .env("DISPLAY", display)
        .env("XUEJI_DATA_DIR", data)
        .env("XUEJI_REPORT_READY", "1")
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", app.display()))?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr)
            .lines()
            .map_while(std::io::Result::ok)
        {
            if let Some(rest) = line.strip_prefix("XUEJI_UI_READY ") {
                let _ = tx.send((started.elapsed(), rest.to_owned()));
            }
        }
    });
    let outcome = rx.recv_timeout(Duration::from_secs(30));
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = reader.join();
    let (elapsed, marker) = outcome.map_err(|_| "the app showed no screen within 30 s")?;
    if !marker.starts_with("screen=login ") {
        return Err(format!("the app did not open on the login page: {marker}"));
    }
    Ok(elapsed.as_secs_f64() * 1000.0)
}

/// A private X display for the runs.
struct Xvfb {
    name: String,
    child: std::process::Child,
}

impl Xvfb {
    fn start() -> Result<Self> {
        let n = (120..400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .ok_or("no free X display number")?;
        let name = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([&name, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("Xvfb: {e}"))?;
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            if Instant::now() > deadline {
                return Err(format!("Xvfb did not open {name}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Self { name, child })
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
