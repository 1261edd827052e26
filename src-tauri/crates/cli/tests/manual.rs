//! Issue 18 item 6: the shell completions and the man page the .deb installs are the ones the
//! binary generates from its own argument definitions. Run with `XUEJI_WRITE_MANUAL=1` to write
//! them after changing an argument.

use std::path::{Path, PathBuf};
use std::process::Command;

fn xueji(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_xueji"))
        .args(args)
        .env_remove("XUEJI_DATA_DIR")
        .output()
        .expect("xueji runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn dist(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("dist")
        .join(path)
}

/// Every file the .deb maps (tauri.conf.json), with the command that prints it.
const FILES: [(&str, &[&str]); 4] = [
    ("completions/xueji.bash", &["completions", "bash"]),
    ("completions/_xueji", &["completions", "zsh"]),
    ("completions/xueji.fish", &["completions", "fish"]),
    ("man/xueji.1", &["man"]),
];

#[test]
fn the_packaged_completions_and_man_page_are_what_the_binary_prints() {
    let write = std::env::var_os("XUEJI_WRITE_MANUAL").is_some();
    for (file, args) in FILES {
        let printed = xueji(args);
        let path = dist(file);
        if write {
            std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
            std::fs::write(&path, &printed).expect("write");
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == printed,
            "{file} is stale: run XUEJI_WRITE_MANUAL=1 cargo test -p xueji-cli --test manual"
        );
    }
    // the .deb installs each of them
    let conf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tauri.conf.json");
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(conf).expect("tauri.conf.json"))
            .expect("json");
    let files = conf["bundle"]["linux"]["deb"]["files"]
        .as_object()
        .expect("deb files");
    for (file, _) in FILES {
        let source = format!("src-tauri/crates/cli/dist/{file}");
        assert!(
            files.values().any(|v| v == source.as_str()),
            "{source} not in the .deb"
        );
    }
}

#[test]
fn completions_know_the_subcommands_and_the_man_page_lists_them() {
    let bash = xueji(&["completions", "bash"]);
    for word in [
        "settings",
        "appeal",
        "deadlines",
        "findings",
        "--proof-kind",
    ] {
        assert!(bash.contains(word), "bash completion lacks {word}");
    }
    let fish = xueji(&["completions", "fish"]);
    assert!(fish.contains("complete -c xueji"), "{fish}");
    let man = xueji(&["man"]);
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq") || man.contains(".TH xueji 1"),
        "{man}"
    );
    for word in ["settings", "todo", "audit", "completions"] {
        assert!(man.contains(word), "man page lacks {word}");
    }
}

#[test]
fn the_kept_schemas_are_what_the_binary_prints() {
    let write = std::env::var_os("XUEJI_WRITE_MANUAL").is_some();
    let list: serde_json::Value =
        serde_json::from_str(&xueji(&["--json", "schema", "--list"])).expect("list");
    let names: Vec<&str> = list["schemas"]
        .as_array()
        .expect("schemas")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.len() >= 6, "{names:?}");
    for name in names {
        let printed = xueji(&["schema", name]);
        let schema: serde_json::Value = serde_json::from_str(&printed).expect("a JSON document");
        assert_eq!(schema["title"], name);
        let path = dist(&format!("schema/{name}.json"));
        if write {
            std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
            std::fs::write(&path, &printed).expect("write");
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == printed,
            "dist/schema/{name}.json is stale: run XUEJI_WRITE_MANUAL=1 cargo test -p xueji-cli --test manual"
        );
    }
}
