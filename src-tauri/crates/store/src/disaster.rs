//! Restoring on a new computer (issue 15, disaster recovery): the old disk is gone, with the
//! database, its recovery file and its keyring entry. A backup carries the key wrapped by the
//! recovery code (`backup_format.rs`), so the backup and the code rebuild the data folder.

use std::path::{Path, PathBuf};

use crate::backup::{check_key, record_restore, verify_database};
use crate::backup_format::{Scratch, could_be_database, unpack};
use crate::connection::{self, Limits};
use crate::error::{Result, StoreError};
use crate::fsutil::sync_parent;
use crate::keystore::KeyStore;
use crate::paths::DataDir;
use crate::recovery::RecoveryCode;
use crate::store::{OpenOptions, Store};

impl Store {
    /// Rebuilds an empty data folder from the backup `from` and the recovery code it was made
    /// under: the database (checked before it is installed), the recovery file, the key in the
    /// key store. Refuses when the folder already has a database or recovery file, or when the
    /// key store holds another key (nothing is overwritten). The restore is the first new row of
    /// the restored audit chain.
    pub async fn restore_on_new_computer(
        data: DataDir,
        keys: KeyStore,
        from: &Path,
        code: &RecoveryCode,
    ) -> Result<Self> {
        std::fs::create_dir_all(data.root()).map_err(|e| StoreError::io(data.root(), e))?;
        let lock = connection::lock(&data.lock())?;
        for path in [data.database(), data.recovery()] {
            if path.exists() {
                return Err(StoreError::AlreadyExists { path });
            }
        }
        let db = data.database();
        let incoming = Scratch::beside(&db, ".restoring");
        if incoming.0.exists() {
            std::fs::remove_file(&incoming.0).map_err(|e| StoreError::io(&incoming.0, e))?;
        }
        let header = match unpack(from, &incoming.0)? {
            Some(header) => header,
            // A backup from before the header is a bare SQLCipher file: whole pages.
            None if could_be_database(from) => return Err(StoreError::BackupWithoutRecovery),
            None => {
                return Err(StoreError::BackupInvalid {
                    reason: "这不是 XueJi 的备份文件".to_owned(),
                });
            }
        };
        let recovery = header
            .recovery
            .clone()
            .ok_or(StoreError::BackupWithoutRecovery)?;
        let key = recovery.unwrap_key(code, from)?;
        check_key(Some(&header), &key)?;
        match keys.load() {
            Ok(existing) if existing != key => return Err(StoreError::KeyringOccupied),
            Ok(_) | Err(StoreError::KeyMissing) => {}
            Err(e) => return Err(e),
        }
        verify_database(&incoming.0, from, &key).await?;
        // The same code keeps working: the recovery file is the one the backup carried.
        recovery.write(&data.recovery(), false)?;
        std::fs::rename(&incoming.0, &db).map_err(|e| StoreError::io(&db, e))?;
        sync_parent(&db);
        if let Err(e) = keys.save(&key) {
            // Leave the folder as it was found, so the restore can be tried again.
            let _ = std::fs::remove_file(&db);
            let _ = std::fs::remove_file(data.recovery());
            return Err(e);
        }
        drop(lock);
        let store = Self::open(
            data,
            keys,
            OpenOptions {
                limits: Limits::default(),
            },
        )
        .await?;
        record_restore(
            &store,
            &format!("new-computer:{}", display_name(from).display()),
        )
        .await?;
        Ok(store)
    }
}

/// The backup's file name (its folder may name a person's home or a USB label).
fn display_name(path: &Path) -> PathBuf {
    path.file_name().map_or_else(PathBuf::new, PathBuf::from)
}
