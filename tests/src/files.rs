//! The files a test hands the app or gets from it: what "save as" wrote, the text of a PDF, and a
//! scan for a file input.
//!
//! Under test the app writes what the registrar saves into the session's folder
//! (`XUEJI_E2E_SAVE_DIR`, see `E2E_SAVE_DIR_ENV` in the shell) instead of opening the GTK file
//! chooser, a native window WebDriver cannot drive.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::AppHandle;

/// The folder "save as" writes to in the tests (the app's `XUEJI_E2E_SAVE_DIR`).
pub fn save_dir(app: &AppHandle) -> PathBuf {
    app.env
        .iter()
        .find(|(k, _)| k == "XUEJI_E2E_SAVE_DIR")
        .map(|(_, v)| PathBuf::from(v))
        .expect("the session sets XUEJI_E2E_SAVE_DIR")
}

/// The path a "已保存到：…" line names, checked to be a PDF file in the save folder.
pub fn saved_pdf(app: &AppHandle, line: &str) -> PathBuf {
    let path = PathBuf::from(line.trim().trim_start_matches("已保存到："));
    assert!(path.starts_with(save_dir(app)), "{}", path.display());
    let pdf = std::fs::read(&path).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF"), "not a PDF: {}", path.display());
    assert!(pdf.len() > 1000, "a PDF of {} bytes", pdf.len());
    path
}

/// The files in the save folder with the extension `ext`.
pub fn saved_with_extension(app: &AppHandle, ext: &str) -> Vec<PathBuf> {
    std::fs::read_dir(save_dir(app))
        .expect("the save folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect()
}

/// Waits for the file the app saves next and moves it to `path`, so that the save folder holds
/// only the newest one.
pub async fn move_saved(app: &AppHandle, path: &Path) {
    let saved = save_dir(app);
    let deadline = Instant::now() + Duration::from_secs(20);
    let file = loop {
        let found = std::fs::read_dir(&saved)
            .ok()
            .and_then(|entries| entries.flatten().map(|e| e.path()).next());
        if let Some(file) = found {
            break file;
        }
        assert!(
            Instant::now() < deadline,
            "nothing was saved to {}",
            saved.display()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // The app writes the file in one call; give it that moment before moving it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    std::fs::rename(&file, path).expect("move the saved file");
}

/// The text of a PDF (poppler's pdftotext).
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([path.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A small PDF on disk (`dir/scan.pdf`) for the wizards' file inputs.
pub fn scan_file(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).expect("scan folder");
    let path = dir.join("scan.pdf");
    std::fs::write(&path, b"%PDF-1.4\n%%EOF\n").expect("scan file");
    path
}
