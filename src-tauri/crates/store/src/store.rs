//! The store: one open encrypted database with its key, lock and recovery file. Unlock order:
//! the key store (keyring or key file), else the recovery code, which then re-stores the key.

use std::fs::File;
use xueji_domain::AuditAction;

use sea_orm::{DatabaseConnection, TransactionTrait};
use xueji_domain::SchoolKind;

use crate::audit::{self, AuditRecord};
use crate::audit_anchor;
use crate::audit_mac::AuditKey;
use crate::audit_verify::{self, AuditReport};
use crate::backup_files;
use crate::connection::{self, Connection, Limits, OpenMode};
use crate::error::{Result, StoreError};
use crate::key::DbKey;
use crate::keystore::KeyStore;
use crate::migration::{self, SchemaState};
use crate::paths::{DataDir, companions};
use crate::recovery::{RecoveryCode, RecoveryFile};
use crate::repo;

/// The actor recorded for the store's own actions (init, migration, backup).
pub const SYSTEM_ACTOR: &str = "system";

/// What `init` needs.
#[derive(Clone, Debug)]
pub struct InitOptions {
    pub school_name: String,
    pub school_kind: SchoolKind,
    pub admin_username: String,
    pub admin_password: String,
}

/// How to open. Opening takes no backup: the app keeps its own schedule
/// ([`Store::auto_backup`]), the CLI takes none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenOptions {
    pub limits: Limits,
}

/// Writes the recovery file, creates the database, its schema, school and admin account.
async fn create_database(
    data: &DataDir,
    wrapped: &RecoveryFile,
    key: &DbKey,
    opts: &InitOptions,
) -> Result<Connection> {
    wrapped.write(&data.recovery(), false)?;
    let conn = connection::open(
        &data.database(),
        key,
        OpenMode::Create,
        None,
        Limits::default(),
    )
    .await?;
    let filled = async {
        migration::migrate(&conn.orm).await?;
        let txn = conn.orm.begin().await?;
        audit::append(
            &txn,
            &AuditRecord::new(SYSTEM_ACTOR, AuditAction::Init, "database")?,
        )
        .await?;
        repo::school::create(&txn, SYSTEM_ACTOR, &opts.school_name, opts.school_kind).await?;
        repo::users::create(
            &txn,
            SYSTEM_ACTOR,
            &opts.admin_username,
            &opts.admin_password,
            "registrar",
        )
        .await?;
        txn.commit().await?;
        Ok::<(), StoreError>(())
    }
    .await;
    if let Err(e) = filled {
        conn.close().await;
        return Err(e);
    }
    Ok(conn)
}

/// The first file in the backups folder, if any.
fn first_backup(dir: &std::path::Path) -> Result<Option<std::path::PathBuf>> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries
            .find_map(|e| e.ok().filter(|e| e.path().is_file()))
            .map(|e| e.path())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(dir, e)),
    }
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    pub(crate) data: DataDir,
    pub(crate) conn: Connection,
    pub(crate) key: DbKey,
    /// The audit MAC key, derived from `key` (`audit_mac.rs`).
    pub(crate) audit_key: AuditKey,
    pub(crate) keys: KeyStore,
    _lock: File,
}

impl Store {
    /// The store of an open connection; the audit key is derived from `key`.
    fn assemble(data: DataDir, conn: Connection, key: DbKey, keys: KeyStore, lock: File) -> Self {
        Self {
            data,
            audit_key: AuditKey::derive(&key),
            conn,
            key,
            keys,
            _lock: lock,
        }
    }

    /// Creates a new database: key into the key store, recovery file beside the database, schema,
    /// school profile and admin account. Returns the recovery code, to be shown once.
    /// Refuses when a database or recovery file already exists, when the key store already holds
    /// a key, or when the folder has backups: nothing is ever overwritten or orphaned.
    pub async fn init(
        data: DataDir,
        keys: KeyStore,
        opts: &InitOptions,
    ) -> Result<(Self, RecoveryCode)> {
        std::fs::create_dir_all(data.root()).map_err(|e| StoreError::io(data.root(), e))?;
        let lock = connection::lock(&data.lock())?;
        for path in [data.database(), data.recovery()] {
            if path.exists() {
                return Err(StoreError::AlreadyExists { path });
            }
        }
        // A key already kept for this folder, or backups in it, belong to data this would orphan:
        // the way back to them is a restore, never a second setup (issue 15).
        if keys.load().is_ok() {
            return Err(StoreError::KeyringOccupied);
        }
        if let Some(found) = first_backup(&data.backups())? {
            return Err(StoreError::BackupsPresent { path: found });
        }
        // Validate what we can before anything is written.
        if opts.school_name.trim().is_empty() || opts.admin_username.trim().is_empty() {
            return Err(StoreError::Invalid(
                "学校名称和管理员用户名不能为空".to_owned(),
            ));
        }
        let key = DbKey::generate();
        let code = RecoveryCode::generate();
        let wrapped = RecoveryFile::wrap(&key, &code)?;
        // The key store first: when the keyring fails, nothing has been written.
        keys.save_new(&key)?;
        let conn = match create_database(&data, &wrapped, &key, opts).await {
            Ok(conn) => conn,
            Err(e) => {
                // Remove only what this call created, so init can be tried again.
                for path in std::iter::once(data.recovery())
                    .chain(std::iter::once(data.database()))
                    .chain(companions(&data.database()))
                {
                    let _ = std::fs::remove_file(path);
                }
                let _ = keys.delete();
                return Err(e);
            }
        };
        let store = Self::assemble(data, conn, key, keys, lock);
        // A stale anchor left by a database deleted from this folder must not judge the new one.
        let _ = std::fs::remove_file(store.data.audit_anchor());
        store.seal_audit().await?;
        Ok((store, code))
    }

    /// Opens with the key from the key store (`KeyMissing` when there is none: ask for the
    /// recovery code and call [`Store::recover`]).
    pub async fn open(data: DataDir, keys: KeyStore, opts: OpenOptions) -> Result<Self> {
        // A folder that does not exist holds no database (nor can the lock be made in it).
        if !data
            .database()
            .parent()
            .is_some_and(std::path::Path::exists)
        {
            return Err(StoreError::NotFound {
                path: data.database(),
            });
        }
        let lock = connection::lock(&data.lock())?;
        if !data.database().exists() {
            return Err(StoreError::NotFound {
                path: data.database(),
            });
        }
        let key = keys.load()?;
        Self::open_with(data, keys, key, lock, opts).await
    }

    /// Unlocks with the recovery code and re-stores the key in the key store.
    pub async fn recover(
        data: DataDir,
        keys: KeyStore,
        code: &RecoveryCode,
        opts: OpenOptions,
    ) -> Result<Self> {
        let lock = connection::lock(&data.lock())?;
        let file = RecoveryFile::read(&data.recovery())?;
        let key = file.unwrap_key(code, &data.recovery())?;
        let store = Self::open_with(data, keys, key, lock, opts).await?;
        store.keys.save(&store.key)?;
        Ok(store)
    }

    async fn open_with(
        data: DataDir,
        keys: KeyStore,
        key: DbKey,
        lock: File,
        opts: OpenOptions,
    ) -> Result<Self> {
        let fingerprint = RecoveryFile::read(&data.recovery())
            .ok()
            .map(|f| f.key_fingerprint);
        let conn = connection::open(
            &data.database(),
            &key,
            OpenMode::Existing,
            fingerprint.as_deref(),
            opts.limits,
        )
        .await?;
        let store = Self::assemble(data, conn, key, keys, lock);
        match migration::state(&store.conn.orm).await {
            Ok(SchemaState::Current) => {}
            Ok(SchemaState::Empty | SchemaState::Behind(_)) => {
                // Never migrate an existing file in place without a backup first.
                let migrated = async {
                    backup_files::pre_migration(&store.data, &store.conn, &store.key).await?;
                    migration::migrate(&store.conn.orm).await
                }
                .await;
                if let Err(e) = migrated {
                    store.close().await;
                    return Err(e);
                }
            }
            Err(e) => {
                store.close().await;
                return Err(e);
            }
        }
        // Seal what the last session left unsealed; a disagreement with the anchor is left for
        // `audit_alarm` and `audit verify` to name (the registrar can still open the data).
        let _ = store.seal_audit().await;
        Ok(store)
    }

    /// The sea-orm connection for repositories and transactions.
    pub fn db(&self) -> &DatabaseConnection {
        &self.conn.orm
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.data
    }

    /// Where the key comes from (to reopen after a restore).
    pub fn key_store(&self) -> &KeyStore {
        &self.keys
    }

    /// Seals the last rows, closes the database (checkpoints the WAL) and releases the lock.
    pub async fn close(self) {
        let _ = self.seal_audit().await;
        self.conn.pool.close().await;
    }

    /// Re-encrypts the database with a new key (`PRAGMA rekey`), stores it, and wraps it with a
    /// new recovery code (returned, to be shown once). The old key no longer opens the file.
    /// The audit key follows the database key, so the chain is re-sealed under the new one; it
    /// must verify under the old one first (a key change never launders a broken chain).
    pub async fn change_key(self) -> Result<(Self, RecoveryCode)> {
        let report = self.verify_audit().await?;
        if let Some(problem) = report.first_problem {
            return Err(StoreError::AuditBroken(problem.to_string()));
        }
        let Self {
            data,
            conn,
            key: _,
            audit_key: _,
            keys,
            _lock: lock,
        } = self;
        let new_key = DbKey::generate();
        let code = RecoveryCode::generate();
        let wrapped = RecoveryFile::wrap(&new_key, &code)?;
        conn.rekey(&new_key).await?;
        wrapped.write(&data.recovery(), true)?;
        keys.save(&new_key)?;
        let store = Self::open_with(
            data,
            keys,
            new_key,
            lock,
            OpenOptions {
                limits: Limits::default(),
            },
        )
        .await?;
        store.reseal_all().await?;
        let txn = store.conn.orm.begin().await?;
        audit::append(
            &txn,
            &AuditRecord::new(SYSTEM_ACTOR, AuditAction::Rekey, "database")?,
        )
        .await?;
        txn.commit().await?;
        store.seal_audit().await?;
        Ok((store, code))
    }

    /// Wraps the current key with a new recovery code (the old code stops working).
    pub async fn new_recovery_code(&self) -> Result<RecoveryCode> {
        let code = RecoveryCode::generate();
        RecoveryFile::wrap(&self.key, &code)?.write(&self.data.recovery(), true)?;
        let txn = self.conn.orm.begin().await?;
        audit::append(
            &txn,
            &AuditRecord::new(SYSTEM_ACTOR, AuditAction::RecoveryCodeRenew, "database")?,
        )
        .await?;
        txn.commit().await?;
        Ok(code)
    }

    /// Seals what is committed, then walks the whole chain: every row, its MAC, the head and
    /// the anchor outside the database.
    pub async fn verify_audit(&self) -> Result<AuditReport> {
        self.seal_audit().await?;
        let anchor = audit_anchor::read(&self.data.audit_anchor(), &self.audit_key)?;
        audit_verify::verify(&self.conn.orm, &self.audit_key, Some(&anchor)).await
    }

    /// SQLCipher version.
    pub async fn cipher_version(&self) -> Result<String> {
        self.conn.cipher_version().await
    }

    /// `integrity_check` + `cipher_integrity_check`: `None` when both pass.
    pub async fn integrity_problems(&self) -> Result<Option<String>> {
        self.conn.integrity_problems().await
    }
}
