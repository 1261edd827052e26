//! Backups: online encrypted copies (same key) to a chosen file, a daily automatic copy on open
//! (the last 30 kept), one before every migration, and restore only after the copy passes
//! `integrity_check`, `cipher_integrity_check` and audit verify. The replaced database is kept.
//! The files themselves are written by `backup_files.rs`, which the store's `open` uses too.

use std::path::{Path, PathBuf};
use xueji_domain::AuditAction;

use sea_orm::TransactionTrait;
use serde::Serialize;

use crate::audit::{self, AuditRecord};
use crate::audit_mac::AuditKey;
use crate::audit_verify;
use crate::backup_files::{daily_keeping, export, list_auto, stamp};
use crate::backup_format::{BackupHeader, Scratch, unpack};
use crate::connection::{self, Limits, OpenMode};
use crate::error::{Result, StoreError};
use crate::fsutil::{sibling, sync_parent};
use crate::key::DbKey;
use crate::keystore::KeyStore;
use crate::paths::{DataDir, companions};
use crate::recovery::RecoveryFile;
use crate::store::{SYSTEM_ACTOR, Store};

pub use crate::backup_files::KEEP_AUTO;

/// What a checked backup holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub audit_rows: u64,
}

impl Store {
    /// An online encrypted backup to `target` (which must not exist), audited.
    pub async fn backup_to(&self, actor: &str, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(StoreError::BackupExists {
                path: target.to_path_buf(),
            });
        }
        let txn = self.conn.orm.begin().await?;
        audit::append(
            &txn,
            &AuditRecord::new(actor, AuditAction::Backup, &target.display().to_string())?,
        )
        .await?;
        txn.commit().await?;
        // The copy carries sealed rows, and the anchor remembers where its chain ends.
        self.seal_audit().await?;
        self.note_backup_head().await?;
        export(&self.conn, &self.key, &self.data, target).await
    }

    /// Lists the automatic backups, oldest first.
    pub fn auto_backups(&self) -> Result<Vec<PathBuf>> {
        list_auto(&self.data.backups())
    }

    /// The automatic backup on a schedule the caller keeps: at most one a day, the last `keep`
    /// kept (at least one). Returns the new file, or `None` when today's copy already exists.
    pub async fn auto_backup(&self, keep: usize) -> Result<Option<PathBuf>> {
        self.seal_audit().await?;
        let made = daily_keeping(&self.data, &self.conn, &self.key, keep.max(1)).await?;
        if made.is_some() {
            self.note_backup_head().await?;
        }
        Ok(made)
    }

    /// Checks a backup file with this store's key (see [`verify_file`]).
    pub async fn verify_backup(&self, path: &Path) -> Result<BackupReport> {
        verify_file(path, &self.key).await
    }
}

/// Checks a backup file with `key`: unpacks its database (`backup_format.rs`) to a scratch file,
/// opens it read-only, `integrity_check`, `cipher_integrity_check`, audit verify. Any failure is
/// `BackupInvalid` (or `BackupOtherKey` when the copy was made with another key).
pub async fn verify_file(path: &Path, key: &DbKey) -> Result<BackupReport> {
    let scratch = Scratch::in_temp();
    let header = unpack(path, &scratch.0)?;
    check_key(header.as_ref(), key)?;
    verify_database(&scratch.0, path, key).await
}

/// `BackupOtherKey` when the header names another key than `key`.
pub(crate) fn check_key(header: Option<&BackupHeader>, key: &DbKey) -> Result<()> {
    match header {
        Some(h) if h.key_fingerprint != key.fingerprint() => Err(StoreError::BackupOtherKey),
        _ => Ok(()),
    }
}

/// Checks the unpacked database `db` of the backup `shown` (the name in the report).
pub(crate) async fn verify_database(db: &Path, shown: &Path, key: &DbKey) -> Result<BackupReport> {
    let conn = connection::open(db, key, OpenMode::ReadOnly, None, Limits::default())
        .await
        .map_err(|e| StoreError::BackupInvalid {
            reason: e.to_string(),
        })?;
    let checked = async {
        if let Some(problem) = conn.integrity_problems().await? {
            return Err(StoreError::BackupInvalid { reason: problem });
        }
        // A backup has no anchor of its own; its rows' MACs are checked under the key.
        let report = audit_verify::verify(&conn.orm, &AuditKey::derive(key), None).await?;
        if let Some(problem) = report.first_problem {
            return Err(StoreError::BackupInvalid {
                reason: format!("审计日志：{problem}"),
            });
        }
        Ok(BackupReport {
            path: shown.to_path_buf(),
            audit_rows: report.rows,
        })
    }
    .await;
    conn.close().await;
    checked.map_err(|e| match e {
        StoreError::BackupInvalid { .. } => e,
        other => StoreError::BackupInvalid {
            reason: other.to_string(),
        },
    })
}

/// Saves the current database before a restore: an encrypted copy when it opens, else the file
/// itself (with its WAL) moved aside. Returns where it went.
async fn keep_current(data: &DataDir, key: &DbKey) -> Result<Option<PathBuf>> {
    let db = data.database();
    if !db.exists() {
        return Ok(None);
    }
    std::fs::create_dir_all(data.backups()).map_err(|e| StoreError::io(data.backups(), e))?;
    let fingerprint = RecoveryFile::read(&data.recovery())
        .ok()
        .map(|f| f.key_fingerprint);
    let opened = connection::open(
        &db,
        key,
        OpenMode::Existing,
        fingerprint.as_deref(),
        Limits::default(),
    )
    .await;
    if let Ok(conn) = opened {
        let target = data.backups().join(format!("pre-restore-{}.db", stamp()));
        let exported = export(&conn, key, data, &target).await;
        conn.close().await;
        exported?;
        return Ok(Some(target));
    }
    let target = data.backups().join(format!("damaged-{}.db", stamp()));
    std::fs::rename(&db, &target).map_err(|e| StoreError::io(&db, e))?;
    for (companion, suffix) in companions(&db).into_iter().zip(["-wal", "-shm"]) {
        if companion.exists() {
            let side = sibling(&target, suffix);
            std::fs::rename(&companion, &side).map_err(|e| StoreError::io(&companion, e))?;
        }
    }
    Ok(Some(target))
}

/// Restores `from` over the database of `data` after checking it. The store must be closed (the
/// lock is taken here). The current database is first copied to `backups/pre-restore-….db` (or,
/// when it cannot be opened, moved there as `damaged-….db`); returns that path.
pub async fn restore(data: &DataDir, keys: &KeyStore, from: &Path) -> Result<Option<PathBuf>> {
    let lock = connection::lock(&data.lock())?;
    let key = keys.load()?;
    let db = data.database();
    // The copy that will become the database is the one checked (not only the source).
    let incoming = Scratch::beside(&db, ".restoring");
    if incoming.0.exists() {
        std::fs::remove_file(&incoming.0).map_err(|e| StoreError::io(&incoming.0, e))?;
    }
    let header = unpack(from, &incoming.0)?;
    check_key(header.as_ref(), &key)?;
    verify_database(&incoming.0, from, &key).await?;
    let kept = keep_current(data, &key).await?;
    // A stale WAL must never be applied to the restored file.
    for c in companions(&db) {
        if c.exists() {
            std::fs::remove_file(&c).map_err(|e| StoreError::io(&c, e))?;
        }
    }
    std::fs::rename(&incoming.0, &db).map_err(|e| StoreError::io(&db, e))?;
    sync_parent(&db);
    drop(lock);
    // Record the restore in the restored database's own chain.
    let store = Store::open(
        data.clone(),
        keys.clone(),
        crate::store::OpenOptions {
            limits: Limits::default(),
        },
    )
    .await?;
    record_restore(&store, &from.display().to_string()).await?;
    store.close().await;
    Ok(kept)
}

/// The restore's own row in the restored chain, naming the head it discards (the anchor's, when
/// there was one), then the restored chain anchored in its place.
pub(crate) async fn record_restore(store: &Store, from: &str) -> Result<()> {
    let discarded = match store.anchored_head()? {
        Some((seq, hash)) => format!("discarded-head:{seq}:{}", &hash[..hash.len().min(16)]),
        None => "discarded-head:none".to_owned(),
    };
    let txn = store.db().begin().await?;
    audit::append(
        &txn,
        &AuditRecord::new(
            SYSTEM_ACTOR,
            AuditAction::Restore,
            &format!("{from} {discarded}"),
        )?,
    )
    .await?;
    txn.commit().await?;
    store.reanchor().await
}
