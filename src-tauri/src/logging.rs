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
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter(std::env::var("XUEJI_LOG").ok().as_deref()))
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .is_ok();
    installed.then_some(guard)
}

/// The log filter: `XUEJI_LOG` (else `info`), with sqlx's statement log always off. The database
/// key travels to SQLCipher as SQL text; the store's connections do not log statements, and this
/// keeps them out even if a connection were made elsewhere or `XUEJI_LOG` asked for them.
fn filter(env: Option<&str>) -> EnvFilter {
    let base = env
        .and_then(|e| EnvFilter::try_new(e).ok())
        .unwrap_or_else(|| EnvFilter::new("info"));
    match "sqlx::query=off".parse() {
        Ok(off) => base.add_directive(off),
        Err(_) => base,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use super::filter;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("buffer").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// What a subscriber with the filter for `env` writes of a statement and of an app event.
    fn logged(env: Option<&str>) -> String {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(filter(env))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::warn!(target: "sqlx::query", "PRAGMA key = \"x'00'\"");
            tracing::warn!(target: "xueji", "an app event");
        });
        String::from_utf8_lossy(&captured.0.lock().expect("buffer")).into_owned()
    }

    #[test]
    fn statements_are_never_logged_whatever_xueji_log_says() {
        for env in [
            None,
            Some("trace"),
            Some("info,sqlx=trace"),
            Some("warn,sqlx::query=trace"),
            Some("bad["),
        ] {
            let text = logged(env);
            assert!(text.contains("an app event"), "{env:?}: {text}");
            assert!(!text.contains("PRAGMA"), "{env:?}: {text}");
        }
    }
}
