fn main() {
    // The app's config lives at the workspace root (fixed by the product's layout).
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("failed to run tauri-build");
}
