//! The backup files of an open database: the encrypted copy (through `<target>.partial` and a
//! rename, never over an existing file), the automatic daily copies (the last [`KEEP_AUTO`] kept)
//! and the copy taken before a migration. They need the data folder, the connection and the key,
//! not the `Store`: the store takes them while it opens (`store.rs`), and `backup.rs` builds the
//! backup API of an open store on them.

use std::path::{Path, PathBuf};

use chrono::Local;

use crate::connection::Connection;
use crate::error::{Result, StoreError};
use crate::fsutil::{sibling, sync_parent};
use crate::key::DbKey;
use crate::paths::DataDir;

/// Automatic backups kept.
pub const KEEP_AUTO: usize = 30;
const AUTO_PREFIX: &str = "auto-";

/// The time stamp in backup file names.
pub(crate) fn stamp() -> String {
    Local::now().format("%Y%m%d-%H%M%S%.3f").to_string()
}

/// Writes the encrypted copy through `<target>.partial` and a rename; never overwrites.
pub(crate) async fn export(conn: &Connection, key: &DbKey, target: &Path) -> Result<()> {
    if target.exists() {
        return Err(StoreError::BackupExists {
            path: target.to_path_buf(),
        });
    }
    if let Some(parent) = target.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    let partial = sibling(target, ".partial");
    if partial.exists() {
        std::fs::remove_file(&partial).map_err(|e| StoreError::io(&partial, e))?;
    }
    conn.export_to(&partial, key).await?;
    std::fs::rename(&partial, target).map_err(|e| StoreError::io(target, e))?;
    sync_parent(target);
    Ok(())
}

/// The automatic backups in `dir`, oldest first.
pub(crate) fn list_auto(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let named = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(AUTO_PREFIX));
            named && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("db"))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// The automatic backup, at most once a day, keeping the last `keep`; the new file, or `None`
/// when today's copy already exists.
pub(crate) async fn daily_keeping(
    data: &DataDir,
    conn: &Connection,
    key: &DbKey,
    keep: usize,
) -> Result<Option<PathBuf>> {
    let dir = data.backups();
    let today = format!("{AUTO_PREFIX}{}", Local::now().format("%Y%m%d"));
    let existing = list_auto(&dir)?;
    let done_today = existing.iter().any(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&today))
    });
    let mut taken = None;
    if !done_today {
        let target = dir.join(format!("{AUTO_PREFIX}{}.db", stamp()));
        export(conn, key, &target).await?;
        taken = Some(target);
    }
    let all = list_auto(&dir)?;
    if all.len() > keep {
        for old in &all[..all.len() - keep] {
            std::fs::remove_file(old).map_err(|e| StoreError::io(old, e))?;
        }
    }
    Ok(taken)
}

/// The backup taken before a migration.
pub(crate) async fn pre_migration(
    data: &DataDir,
    conn: &Connection,
    key: &DbKey,
) -> Result<PathBuf> {
    let target = data.backups().join(format!("pre-migration-{}.db", stamp()));
    export(conn, key, &target).await?;
    Ok(target)
}
