//! The UI's typed bindings must match the Rust commands. `cargo xtask bindings` rewrites them
//! (it runs this test with `XUEJI_WRITE_BINDINGS=1`); otherwise a difference fails the test.

use std::path::PathBuf;

fn committed_bindings() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/bindings.ts")
}

#[test]
fn ui_bindings_match_the_commands() {
    let target = committed_bindings();
    if std::env::var_os("XUEJI_WRITE_BINDINGS").is_some() {
        xueji_desktop_lib::export_bindings(&target).unwrap();
        return;
    }
    let fresh = std::env::temp_dir().join(format!("xueji-bindings-{}.ts", std::process::id()));
    xueji_desktop_lib::export_bindings(&fresh).unwrap();
    let generated = std::fs::read_to_string(&fresh).unwrap();
    std::fs::remove_file(&fresh).unwrap();
    let committed = std::fs::read_to_string(&target).unwrap_or_default();
    assert!(
        generated == committed,
        "ui/src/bindings/bindings.ts is out of date with the Rust commands: run `cargo xtask bindings` and commit the result"
    );
}
