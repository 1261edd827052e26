//! Building the UI and the app, starting it, bindings, installers.

use std::path::{Path, PathBuf};

use crate::setup::{self, Purpose};
use crate::sh::{self, Result};

/// The configuration the installer is built with: a copy of `tauri.conf.json` placed in
/// `src-tauri/`, so its paths are made relative to that folder, and the .deb also installs the
/// command line `cli` as `/usr/bin/xueji`.
fn deb_config(config: &str, cli: &Path) -> String {
    let cli = cli.display().to_string().replace('\\', "\\\\");
    config
        .replace("\"ui/dist\"", "\"../ui/dist\"")
        .replace("\"icons/", "\"../icons/")
        .replace("\"src-tauri/", "\"")
        .replacen(
            "\"files\": {",
            &format!("\"files\": {{\n          \"/usr/bin/xueji\": \"{cli}\","),
            1,
        )
}

/// Builds the UI into `ui/dist` (the app embeds it). Vite writes into a scratch folder first and
/// only files whose content changed are copied into `ui/dist`: the app embeds every file there
/// with `include_bytes!`, so Cargo recompiles the app (and every test of it) when a file's
/// modification time changes, even to the same bytes.
pub fn ui() -> Result {
    let ui = sh::root().join("ui");
    let scratch = ui.join("node_modules").join(".xueji-dist-build");
    sh::run(
        "build the UI (vite)",
        sh::npm()
            .args(["run", "build:web", "--", "--outDir"])
            .arg(&scratch)
            .arg("--emptyOutDir"),
    )?;
    let dist = ui.join("dist");
    let changed = sync(&scratch, &dist).map_err(|e| format!("copy the UI into ui/dist: {e}"))?;
    println!("ui/dist: {changed} file(s) changed");
    Ok(())
}

/// Makes `to` hold exactly the files of `from`, writing only those that differ; returns how many
/// were written or removed.
fn sync(from: &Path, to: &Path) -> std::io::Result<usize> {
    let mut changed = 0;
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            if target.is_file() {
                std::fs::remove_file(&target)?;
            }
            changed += sync(&source, &target)?;
        } else if std::fs::read(&target).ok() != Some(std::fs::read(&source)?) {
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            }
            std::fs::copy(&source, &target)?;
            changed += 1;
        }
    }
    for entry in std::fs::read_dir(to)? {
        let entry = entry?;
        if !from.join(entry.file_name()).exists() {
            if entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(entry.path())?;
            } else {
                std::fs::remove_file(entry.path())?;
            }
            changed += 1;
        }
    }
    Ok(changed)
}

/// Builds the desktop app with the UI embedded; returns the binary's path.
pub fn app() -> Result<PathBuf> {
    sh::run(
        "build the app (xueji-desktop, embedded UI)",
        sh::cargo().args([
            "build",
            "-p",
            "xueji-desktop",
            "--features",
            "custom-protocol",
        ]),
    )?;
    let exe = if cfg!(windows) {
        "xueji-desktop.exe"
    } else {
        "xueji-desktop"
    };
    Ok(sh::target_dir().join("debug").join(exe))
}

/// `cargo xtask run`.
pub fn run_app() -> Result {
    setup::all(Purpose::Run)?;
    ui()?;
    let binary = app()?;
    sh::run("start XueJi", &mut std::process::Command::new(binary))
}

/// `cargo xtask bindings`.
pub fn bindings() -> Result {
    sh::run(
        "regenerate ui/src/bindings/bindings.ts",
        sh::cargo()
            .args(["test", "-p", "xueji-desktop", "--test", "bindings"])
            .env("XUEJI_WRITE_BINDINGS", "1"),
    )
}

/// `cargo xtask bundle [--debug]`: the installer through the Tauri CLI (`--debug` packs the
/// debug build, which is quick to make and enough to check the packaging). The CLI wants its config inside
/// `src-tauri/`, so a generated copy with paths relative to `src-tauri/` is written there
/// (git-ignored) for the duration of the build.
pub fn bundle(debug: bool) -> Result {
    setup::all(Purpose::Run)?;
    ui()?;
    let root = sh::root();
    let config = std::fs::read_to_string(root.join("tauri.conf.json"))
        .map_err(|e| format!("tauri.conf.json: {e}"))?;
    // The `xueji` command line goes into the .deb beside the app (its completions and man page
    // are mapped in tauri.conf.json): built first, in the same profile.
    let profile = if debug { "debug" } else { "release" };
    let mut cli = sh::cargo();
    cli.args(["build", "-p", "xueji-cli", "--bin", "xueji"]);
    if !debug {
        cli.arg("--release");
    }
    sh::run("build the xueji command line", &mut cli)?;
    let cli = sh::target_dir().join(profile).join("xueji");
    let relative = deb_config(&config, &cli);
    let copy = root.join("src-tauri").join("tauri.conf.json");
    std::fs::write(&copy, relative).map_err(|e| format!("{}: {e}", copy.display()))?;
    let bundles = if cfg!(windows) { "msi" } else { "deb" };
    let mut cmd = sh::npm();
    cmd.current_dir(&root)
        .args(["--prefix", "ui", "exec", "--", "tauri", "build"])
        .args(["--bundles", bundles])
        .env("TAURI_APP_PATH", "src-tauri")
        .env("TAURI_FRONTEND_PATH", "ui");
    if debug {
        cmd.arg("--debug");
    }
    let result = sh::run(&format!("build the {bundles} installer"), &mut cmd);
    let _ = std::fs::remove_file(&copy);
    result?;
    println!(
        "installer: {}",
        sh::target_dir()
            .join(if debug { "debug" } else { "release" })
            .join("bundle")
            .join(bundles)
            .display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The installer's copy of the configuration, read from `src-tauri/`: every file the .deb
    /// maps exists from there, and the command line is installed as `/usr/bin/xueji`.
    #[test]
    fn the_deb_installs_the_command_line_and_finds_every_mapped_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = std::fs::read_to_string(root.join("tauri.conf.json")).expect("config");
        let copy = super::deb_config(&config, Path::new("/build/release/xueji"));
        let mapped: Vec<(&str, &str)> = copy
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"/usr/"))
            .filter_map(|l| l.trim_end_matches(',').split_once("\": \""))
            .map(|(dest, source)| (dest, source.trim_end_matches('"')))
            .collect();
        assert!(
            mapped.contains(&("bin/xueji", "/build/release/xueji")),
            "{copy}"
        );
        assert_eq!(mapped.len(), 5, "{mapped:?}");
        for (dest, source) in mapped.iter().filter(|(d, _)| *d != "bin/xueji") {
            assert!(
                root.join("src-tauri").join(source).is_file(),
                "/usr/{dest}: {source} is not found from src-tauri/"
            );
        }
        assert!(copy.contains("\"../ui/dist\""), "{copy}");
    }
}
