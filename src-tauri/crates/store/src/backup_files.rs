//! The backup files of an open database: the encrypted copy (through `<target>.partial` and a
//! rename, never over an existing file), the automatic daily copies (the last [`KEEP_AUTO`] kept)
//! and the copy taken before a migration. They need the data folder, the connection and the key,
//! not the `Store`: the store takes them while it opens (`store.rs`), and `backup.rs` builds the
//! backup API of an open store on them.

use std::path::{Path, PathBuf};

use chrono::Local;

use crate::backup_format::{BackupHeader, Scratch, pack};
use crate::connection::Connection;
use crate::error::{Result, StoreError};
use crate::fsutil::{sibling, sync_parent};
use crate::key::DbKey;
use crate::paths::DataDir;
use crate::recovery::RecoveryFile;

/// Automatic backups kept.
pub const KEEP_AUTO: usize = 30;
const AUTO_PREFIX: &str = "auto-";

/// The time stamp in backup file names.
pub(crate) fn stamp() -> String {
    Local::now().format("%Y%m%d-%H%M%S%.3f").to_string()
}

/// Writes the encrypted copy through `<target>.partial` and a rename; never overwrites. The file
/// starts with the header that carries the data folder's recovery file (`backup_format.rs`), so
/// the copy and the recovery code alone open it on another computer.
pub(crate) async fn export(
    conn: &Connection,
    key: &DbKey,
    data: &DataDir,
    target: &Path,
) -> Result<()> {
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
    let raw = Scratch::beside(&partial, ".raw");
    for stale in [&partial, &raw.0] {
        if stale.exists() {
            std::fs::remove_file(stale).map_err(|e| StoreError::io(stale, e))?;
        }
    }
    conn.export_to(&raw.0, key).await?;
    let header = BackupHeader::new(key, RecoveryFile::read(&data.recovery()).ok());
    if let Err(e) = pack(&header, &raw.0, &partial) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    drop(raw);
    std::fs::rename(&partial, target).map_err(|e| StoreError::io(target, e))?;
    sync_parent(target);
    Ok(())
}

/// Removes what an interrupted backup left in `dir` (`*.partial`, `*.partial.raw`) when it is
/// older than an hour, so a backup running right now keeps its file.
fn clean_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    for entry in entries.filter_map(std::result::Result::ok) {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let leftover = name.ends_with(".partial") || name.ends_with(".partial.raw");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < hour_ago);
        if leftover && old {
            let _ = std::fs::remove_file(&path);
        }
    }
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
    clean_partials(&dir);
    let mut taken = None;
    if !done_today {
        let target = dir.join(format!("{AUTO_PREFIX}{}.db", stamp()));
        export(conn, key, data, &target).await?;
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
    export(conn, key, data, &target).await?;
    Ok(target)
}
