//! Running commands, printing each one first.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root: the nearest folder, from the current one up, whose `Cargo.toml` has a
/// `[workspace]` table. Not the compile-time path of xtask: with a target folder shared between
/// checkouts, `cargo xtask` may run a binary that another checkout built.
pub fn root() -> PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let here = std::env::current_dir().unwrap_or_else(|e| {
            eprintln!("xtask: cannot read the current folder: {e}");
            std::process::exit(2)
        });
        find_workspace(&here).unwrap_or_else(|| {
            eprintln!(
                "xtask: no Cargo.toml with [workspace] in {} or above: run `cargo xtask` inside the XueJi checkout",
                here.display()
            );
            std::process::exit(2)
        })
    })
    .clone()
}

/// The nearest ancestor of `start` (itself included) whose `Cargo.toml` declares `[workspace]`.
fn find_workspace(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
        manifest
            .lines()
            .any(|line| line.trim() == "[workspace]")
            .then(|| dir.to_path_buf())
    })
}

/// Cargo's target folder: `CARGO_TARGET_DIR` if set, else `<root>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root().join(dir)
            }
        }
        _ => root().join("target"),
    }
}

pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

pub fn npm() -> Command {
    let mut cmd = Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" });
    cmd.current_dir(root().join("ui"));
    cmd
}

/// Runs a command to the end; an unsuccessful exit is an error naming the step.
pub fn run(step: &str, cmd: &mut Command) -> Result {
    println!("\n==> {step}");
    let status = cmd.status().map_err(|e| {
        format!(
            "{step}: cannot start {}: {e}",
            cmd.get_program().to_string_lossy()
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step} failed ({status})"))
    }
}

/// Whether a program can be found on PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let candidate = dir.join(program);
            candidate.is_file() || candidate.with_extension("exe").is_file()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::find_workspace;

    #[test]
    fn the_workspace_is_found_from_a_member_folder() {
        let tmp = std::env::temp_dir().join(format!("xtask-root-{}", std::process::id()));
        let member = tmp.join("ws/src-tauri/crates/app/src");
        std::fs::create_dir_all(&member).expect("mkdir");
        std::fs::write(tmp.join("ws/Cargo.toml"), "[workspace]\nmembers = []\n").expect("write");
        std::fs::write(
            tmp.join("ws/src-tauri/Cargo.toml"),
            "[package]\nname = \"x\"\n",
        )
        .expect("write");
        assert_eq!(find_workspace(&member), Some(tmp.join("ws")));
        assert_eq!(find_workspace(&tmp.join("ws")), Some(tmp.join("ws")));
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
