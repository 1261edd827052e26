//! Installs what the build and the tests need, and only what is missing, so it can run twice.

use std::path::Path;
use std::process::Command;

use crate::sh::{self, Result};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Build and start the app.
    Run,
    /// Also run every test, including the end-to-end tests under Xvfb.
    Test,
}

/// Debian/Ubuntu packages to build the app (Tauri 2 on WebKitGTK 4.1).
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libssl-dev",
    "fonts-noto-cjk",
];

/// Debian/Ubuntu packages for the tests: a virtual display, the WebKit WebDriver, a session bus
/// and a Secret Service keyring, PDF tools, window tools for screenshots, and `faketime` (the
/// command line's README term is also run a year from today).
const TEST_PACKAGES: &[&str] = &[
    "faketime",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus-daemon",
    "dbus-x11",
    "gnome-keyring",
    "libsecret-tools",
    "poppler-utils",
    "imagemagick",
    "xdotool",
];

/// The oldest Node.js the UI toolchain (Vite 8) runs on.
const MIN_NODE: (u32, u32) = (20, 19);

pub fn all(purpose: Purpose) -> Result {
    system_packages(purpose)?;
    check_node()?;
    npm_packages()
}

fn system_packages(purpose: Purpose) -> Result {
    if !cfg!(target_os = "linux") {
        println!(
            "==> system packages: not Linux; the app needs Microsoft Edge WebView2 (built into \
             Windows 10/11), the MSVC build tools and Node.js {}.{}+",
            MIN_NODE.0, MIN_NODE.1
        );
        return Ok(());
    }
    if !sh::on_path("dpkg-query") || !sh::on_path("apt-get") {
        println!(
            "==> system packages: not a Debian/Ubuntu system; install the equivalents of: {}",
            wanted(purpose).join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = wanted(purpose)
        .into_iter()
        .filter(|p| !installed(p))
        .collect();
    if missing.is_empty() {
        println!("==> system packages: all present");
        return Ok(());
    }
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    sh::run("apt-get update", &mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q", "--no-install-recommends"]);
    install.args(&missing);
    sh::run(
        &format!("apt-get install {}", missing.join(" ")),
        &mut install,
    )
}

fn wanted(purpose: Purpose) -> Vec<&'static str> {
    let mut packages = BUILD_PACKAGES.to_vec();
    if purpose == Purpose::Test {
        packages.extend_from_slice(TEST_PACKAGES);
    }
    packages
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

fn check_node() -> Result {
    let version = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|_| {
            format!(
                "Node.js {}.{}+ is needed to build the UI: install it (https://nodejs.org or your package manager)",
                MIN_NODE.0, MIN_NODE.1
            )
        })?;
    let text = String::from_utf8_lossy(&version.stdout);
    let mut parts = text.trim().trim_start_matches('v').split('.');
    let major: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    if (major, minor) < MIN_NODE {
        return Err(format!(
            "Node.js {}.{}+ is needed, found {}",
            MIN_NODE.0,
            MIN_NODE.1,
            text.trim()
        ));
    }
    Ok(())
}

/// `npm install` when `package-lock.json` differs from what was last installed. (`npm ci`
/// refuses this lock file: it names per-OS builds of tauri-driver that only exist for the OS
/// they are for, and the registry mirror here carries only Linux's.)
fn npm_packages() -> Result {
    let ui = sh::root().join("ui");
    let lock = std::fs::read(ui.join("package-lock.json"))
        .map_err(|e| format!("ui/package-lock.json: {e}"))?;
    let stamp = ui.join("node_modules").join(".xueji-installed-lock.json");
    if std::fs::read(&stamp).is_ok_and(|s| s == lock) && binaries_present(&ui) {
        println!("==> npm packages: up to date");
        return Ok(());
    }
    sh::run(
        "npm install",
        sh::npm().args(["install", "--no-audit", "--no-fund", "--loglevel=error"]),
    )?;
    // npm may have tidied the lock file: stamp what is there now.
    let lock = std::fs::read(ui.join("package-lock.json"))
        .map_err(|e| format!("ui/package-lock.json: {e}"))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

fn binaries_present(ui: &Path) -> bool {
    ["vite", "vue-tsc", "vitest", "tauri-driver"]
        .iter()
        .all(|b| ui.join("node_modules/.bin").join(b).exists())
}
