//! Opening SQLCipher files: the raw key as the first pragma, WAL, foreign keys, and a clear error
//! kind for every way an open can fail. All SQLite-specific SQL of the crate lives here, so the
//! repositories stay portable.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sea_orm::{DatabaseConnection, SqlxSqliteConnector};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions as _, Connection as _, Row};

use crate::error::{DriverCode, Result, StoreError, classify_sqlx};
use crate::exit_wait::{self, OpenConnections};
use crate::key::DbKey;
use crate::paths::companions;

/// SQLCipher's default page size.
const PAGE_SIZE: u64 = 4096;
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How to open a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpenMode {
    /// The file must not exist; it is created.
    Create,
    /// The file must exist.
    Existing,
    /// The file must exist; nothing is written (backup checks).
    ReadOnly,
}

/// An open encrypted database: the sqlx pool and the sea-orm connection over it.
#[derive(Clone, Debug)]
pub(crate) struct Connection {
    pub(crate) pool: SqlitePool,
    pub(crate) orm: DatabaseConnection,
}

/// Limits applied to every connection; `max_page_count` lets tests simulate a full disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    pub max_page_count: Option<u64>,
}

/// Options that never log a statement: the key travels as SQL text (`PRAGMA key`, `PRAGMA
/// rekey`, `ATTACH … KEY`), and sqlx logs statement text at DEBUG, and at WARN when a statement is
/// slow, whatever the application's log filter would let through (issue 15).
fn unlogged(opts: SqliteConnectOptions) -> SqliteConnectOptions {
    opts.log_statements(log::LevelFilter::Off)
        .log_slow_statements(log::LevelFilter::Off, Duration::MAX)
}

fn options(path: &Path, key: &DbKey, mode: OpenMode, limits: Limits) -> SqliteConnectOptions {
    let mut opts = unlogged(SqliteConnectOptions::new())
        .filename(path)
        // sqlx sends `key` first, before any statement reads the file.
        .pragma("key", key.pragma_literal())
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        .thread_name(exit_wait::worker_name)
        // Every commit is on disk before it is reported (also across power loss).
        .synchronous(SqliteSynchronous::Full)
        .pragma("cache_size", "-65536");
    if let Some(pages) = limits.max_page_count {
        opts = opts.pragma("max_page_count", pages.to_string());
    }
    match mode {
        OpenMode::Create => opts
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal),
        OpenMode::Existing => opts
            .create_if_missing(false)
            .journal_mode(SqliteJournalMode::Wal),
        OpenMode::ReadOnly => opts.create_if_missing(false).read_only(true),
    }
}

/// Opens (or creates) `path` with `key`. `expected_fingerprint` is the fingerprint of the key that
/// made the database (from the recovery file), used to tell a wrong key from a damaged file.
pub(crate) async fn open(
    path: &Path,
    key: &DbKey,
    mode: OpenMode,
    expected_fingerprint: Option<&str>,
    limits: Limits,
) -> Result<Connection> {
    quiet_cipher_log().await;
    match mode {
        OpenMode::Create => {
            if path.exists() {
                return Err(StoreError::AlreadyExists {
                    path: path.to_path_buf(),
                });
            }
            // An empty file is a new database to SQLite; creating it here makes it owner-only
            // (SQLite gives its WAL and shm files the same permissions).
            drop(crate::fsutil::create_private(path)?);
        }
        OpenMode::Existing | OpenMode::ReadOnly => precheck(path)?,
    }
    let max = if mode == OpenMode::ReadOnly { 1 } else { 4 };
    let open = Arc::new(OpenConnections::default());
    let pool = SqlitePoolOptions::new()
        .max_connections(max)
        .min_connections(0)
        .after_connect(move |conn, _| {
            let open = Arc::clone(&open);
            Box::pin(async move { open.track(conn).await })
        })
        .connect_with(options(path, key, mode, limits))
        .await;
    let pool = match pool {
        Ok(pool) => pool,
        Err(e) => {
            let kind = classify_open_error(&e, path, key, expected_fingerprint);
            return Err(refine_truncation(kind, path, key).await);
        }
    };
    if mode != OpenMode::Create
        && let Err(e) = check_length(&pool, path).await
    {
        pool.close().await;
        return Err(e);
    }
    // Force a read of the schema so a wrong key fails here, not later.
    if let Err(e) = sqlx::query("SELECT count(*) FROM sqlite_master")
        .fetch_one(&pool)
        .await
    {
        pool.close().await;
        let kind = classify_open_error(&e, path, key, expected_fingerprint);
        return Err(refine_truncation(kind, path, key).await);
    }
    let orm = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool.clone());
    Ok(Connection { pool, orm })
}

static CIPHER_LOG_QUIET: AtomicBool = AtomicBool::new(false);

/// SQLCipher writes its own error log to stderr (e.g. "hmac check failed" for a wrong key);
/// the store reports every failure as a `StoreError`, so that log is switched off once per
/// process (the level is global).
async fn quiet_cipher_log() {
    if CIPHER_LOG_QUIET.swap(true, Ordering::SeqCst) {
        return;
    }
    let Ok(opts) = "sqlite::memory:".parse::<SqliteConnectOptions>() else {
        return;
    };
    if let Ok(mut conn) = sqlx::SqliteConnection::connect_with(&opts).await {
        let _ = sqlx::raw_sql("PRAGMA cipher_log_level = NONE;")
            .execute(&mut conn)
            .await;
        let _ = conn.close().await;
    }
}

/// Cheap checks before SQLite sees the file.
fn precheck(path: &Path) -> Result<()> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NotFound {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(StoreError::io(path, e)),
        }
    }
    if read == 0 {
        return Err(StoreError::Truncated {
            path: path.to_path_buf(),
        });
    }
    if read == head.len() && &head == PLAIN_HEADER {
        // A plain SQLite file: not ours, and never to be keyed in place.
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn classify_open_error(
    err: &sqlx::Error,
    path: &Path,
    key: &DbKey,
    expected_fingerprint: Option<&str>,
) -> StoreError {
    let len = file_len(path);
    let aligned = len >= PAGE_SIZE && len.is_multiple_of(PAGE_SIZE);
    let path_buf = path.to_path_buf();
    match classify_sqlx(err) {
        DriverCode::Corrupt if expected_fingerprint.is_none_or(|fp| fp == key.fingerprint()) => {
            StoreError::Corrupt {
                detail: err.to_string(),
            }
        }
        DriverCode::NotADatabase | DriverCode::Corrupt => match expected_fingerprint {
            // The key is not the one that made this database.
            Some(fp) if fp != key.fingerprint() => StoreError::WrongKey,
            // The right key, but not even the first page is there.
            Some(_) if len < PAGE_SIZE => StoreError::Truncated { path: path_buf },
            // No recovery file to compare with: a page-aligned file is most likely ours.
            None if aligned => StoreError::WrongKey,
            // The right key and a whole first page that does not decrypt: not our database.
            _ => StoreError::NotADatabase { path: path_buf },
        },
        DriverCode::Busy => StoreError::Locked,
        DriverCode::Full => StoreError::DiskFull,
        DriverCode::Unique | DriverCode::Other => StoreError::from(clone_err(err)),
    }
}

fn clone_err(err: &sqlx::Error) -> sqlx::Error {
    sqlx::Error::Protocol(err.to_string())
}

/// SQLite refuses a file whose header claims more pages than the file holds (SQLITE_CORRUPT at
/// the first read). When the first page decrypts with the right key and the file opens with
/// `writable_schema` (which skips only that size check), the file was truncated.
async fn refine_truncation(kind: StoreError, path: &Path, key: &DbKey) -> StoreError {
    if !matches!(
        kind,
        StoreError::NotADatabase { .. } | StoreError::Corrupt { .. }
    ) {
        return kind;
    }
    let opts = unlogged(SqliteConnectOptions::new())
        .filename(path)
        .pragma("key", key.pragma_literal())
        .pragma("writable_schema", "ON")
        .create_if_missing(false)
        .read_only(true);
    let Ok(mut conn) = sqlx::SqliteConnection::connect_with(&opts).await else {
        return kind;
    };
    let readable = sqlx::query("SELECT count(*) FROM sqlite_master")
        .fetch_one(&mut conn)
        .await
        .is_ok();
    let _ = conn.close().await;
    if readable {
        StoreError::Truncated {
            path: path.to_path_buf(),
        }
    } else {
        kind
    }
}

/// A file shorter than the pages its header claims was truncated (checked when no WAL is pending).
async fn check_length(pool: &SqlitePool, path: &Path) -> Result<()> {
    let [wal, _] = companions(path);
    if file_len(&wal) > 0 {
        return Ok(());
    }
    let row =
        sqlx::query("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
            .fetch_one(pool)
            .await?;
    let expected: i64 = row.try_get(0)?;
    if u64::try_from(expected).unwrap_or(0) > file_len(path) {
        return Err(StoreError::Truncated {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Takes the advisory lock beside the database; fails with `Locked` when another process has it.
pub(crate) fn lock(lock_path: &Path) -> Result<File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)
        .map_err(|e| StoreError::io(lock_path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked),
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::io(lock_path, e)),
    }
}

impl Connection {
    /// Closes every connection (the last one checkpoints the WAL).
    pub(crate) async fn close(self) {
        self.pool.close().await;
    }

    /// SQLCipher's version string.
    pub(crate) async fn cipher_version(&self) -> Result<String> {
        let row = sqlx::query("PRAGMA cipher_version")
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .and_then(|r| r.try_get::<String, _>(0).ok())
            .unwrap_or_default())
    }

    /// `PRAGMA integrity_check` and `PRAGMA cipher_integrity_check`; the first problem found.
    pub(crate) async fn integrity_problems(&self) -> Result<Option<String>> {
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        let first: Option<String> = rows.first().and_then(|r| r.try_get(0).ok());
        if first.as_deref() != Some("ok") {
            return Ok(Some(
                first.unwrap_or_else(|| "integrity_check 无结果".to_owned()),
            ));
        }
        // cipher_integrity_check returns one row per damaged page and nothing when all is well.
        let bad = sqlx::query("PRAGMA cipher_integrity_check")
            .fetch_all(&self.pool)
            .await?;
        if let Some(r) = bad.first() {
            let text: String = r.try_get(0).unwrap_or_default();
            return Ok(Some(format!("cipher_integrity_check: {text}")));
        }
        Ok(None)
    }

    /// Re-encrypts the database with a new key (`PRAGMA rekey`, works in WAL mode).
    pub(crate) async fn rekey(&self, new_key: &DbKey) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        // The literal is built from hex digits only.
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "PRAGMA rekey = {};",
            new_key.pragma_literal()
        )))
        .execute(&mut *conn)
        .await?;
        // Every other pooled connection still holds the old key: drop them.
        conn.detach().close().await?;
        self.pool.close().await;
        Ok(())
    }

    /// Writes an encrypted copy (same key) of the live database to `target` without stopping it.
    pub(crate) async fn export_to(&self, target: &Path, key: &DbKey) -> Result<()> {
        let target_text = target
            .to_str()
            .ok_or_else(|| StoreError::Invalid("备份路径含有无法识别的字符".to_owned()))?
            .replace('\'', "''");
        // ATTACH may not create files (the connection has no CREATE flag): make it empty first,
        // readable by the owner only.
        drop(crate::fsutil::create_private(target)?);
        let mut conn = self.pool.acquire().await?;
        // A pooled connection may still hold the schema as it was before another connection's
        // DDL (a migration). `sqlcipher_export` does not re-prepare on a stale schema and fails
        // with "database schema has changed": read the schema first, which reloads it.
        sqlx::raw_sql("SELECT count(*) FROM sqlite_master;")
            .execute(&mut *conn)
            .await?;
        let attach = format!(
            "ATTACH DATABASE '{target_text}' AS backup KEY {};",
            key.pragma_literal()
        );
        // The path is quoted (' doubled) and the key is hex digits only.
        sqlx::raw_sql(sqlx::AssertSqlSafe(attach))
            .execute(&mut *conn)
            .await?;
        let exported = sqlx::raw_sql("SELECT sqlcipher_export('backup');")
            .execute(&mut *conn)
            .await;
        let detached = sqlx::raw_sql("DETACH DATABASE backup;")
            .execute(&mut *conn)
            .await;
        exported?;
        detached?;
        Ok(())
    }
}

/// Tests whether `path` carries a plain SQLite header (used by tests and `db info`).
pub fn has_plain_header(path: &Path) -> Result<bool> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    Ok(bytes.starts_with(PLAIN_HEADER))
}
