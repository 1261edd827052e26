// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    software_rendering();
    xueji_desktop_lib::run();
}

/// WebKitGTK's accelerated compositing goes through OpenGL; on office computers and virtual
/// machines without a GPU driver that is software GL, and every repaint of the window cost tens of
/// milliseconds (the student list took about 90 ms from keystroke to screen at 100,000 students,
/// 37 ms without it: `cargo xtask bench-search`). The app's pages are forms and tables, which
/// WebKit paints well without compositing. A value the user set is kept.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn software_rendering() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_none() {
        // SAFETY: first thing in `main`, before any other thread exists, so nothing reads the
        // environment concurrently.
        unsafe { std::env::set_var(VAR, "1") };
    }
}
