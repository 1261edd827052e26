//! Issue 15, keys out of every log: the database key goes to SQLCipher as SQL text (`PRAGMA key`,
//! `PRAGMA rekey`, `ATTACH … KEY`), and sqlx logs statement text (at DEBUG, and at WARN when a
//! statement is slow). Here everything is logged at TRACE into a buffer while a store is made,
//! opened, backed up (ATTACH) and rekeyed: neither the old nor the new key's hex appears.
//! Its own test binary: the subscriber is the process's global one (sqlx logs from its worker
//! threads).

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{fresh, quiet};
use xueji_store::Store;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_key_reaches_no_log_even_at_trace() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    tracing::info!(target: "xueji_test", "logging is on");

    let (tmp, data, keys, store, _code) = fresh().await;
    let first = keys.load().expect("key").to_hex();
    store.close().await;
    let store = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect("open");
    store
        .backup_to("admin", &tmp.path().join("copy.db"))
        .await
        .expect("backup (ATTACH … KEY)");
    let (store, _new_code) = store.change_key().await.expect("rekey");
    let second = keys.load().expect("new key").to_hex();
    assert_ne!(first, second);
    store.close().await;

    let log = String::from_utf8_lossy(&captured.0.lock().expect("log buffer")).into_owned();
    assert!(log.contains("logging is on"), "the subscriber captures");
    assert!(
        log.contains("sqlx"),
        "sqlx logs at this level: {} bytes",
        log.len()
    );
    for key in [&first, &second] {
        let lower = key.to_lowercase();
        let upper = key.to_uppercase();
        assert!(
            !log.contains(&lower) && !log.contains(&upper),
            "a key's hex is in the log"
        );
    }
}
