//! Structured logging to a daily-rotated file in the log folder. Never log personal data
//! (names, ID numbers): log ids, counts and kinds only.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::EnvFilter;

/// How many daily log files are kept.
const KEEP_LOG_FILES: usize = 30;

/// Starts logging into `dir`. The returned guard flushes the log when dropped; keep it alive.
pub fn init(dir: &Path) -> Option<WorkerGuard> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("XueJi: cannot create the log folder: {e}");
        return None;
    }
    let appender = match Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("xueji")
        .filename_suffix("log")
        .max_log_files(KEEP_LOG_FILES)
        .build(dir)
    {
        Ok(appender) => appender,
        Err(e) => {
            eprintln!("XueJi: cannot open the log file: {e}");
            return None;
        }
    };
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("XUEJI_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .is_ok();
    installed.then_some(guard)
}
