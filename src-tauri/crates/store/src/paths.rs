//! Where the store keeps its files inside the data folder.

use std::path::{Path, PathBuf};

/// The files of one installation, all inside one data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The SQLCipher database.
    pub fn database(&self) -> PathBuf {
        self.root.join("xueji.db")
    }

    /// The advisory lock that keeps a second process out.
    pub fn lock(&self) -> PathBuf {
        self.root.join("xueji.db.lock")
    }

    /// The database key wrapped by the recovery code.
    pub fn recovery(&self) -> PathBuf {
        self.root.join("xueji.recovery.json")
    }

    /// The audit chain's last sealed (seq, hash), kept outside the database and signed with the
    /// audit key (`audit_anchor.rs`).
    pub fn audit_anchor(&self) -> PathBuf {
        self.root.join("xueji.audit-anchor.json")
    }

    /// Automatic and pre-migration backups.
    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// The name under which the OS keyring keeps this installation's key.
    pub fn keyring_user(&self) -> String {
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        format!("database-key:{}", root.display())
    }
}

/// `<file>-wal` and `<file>-shm`, SQLite's companions of a database file.
pub(crate) fn companions(db: &Path) -> [PathBuf; 2] {
    let name = db.as_os_str().to_owned();
    let mut wal = name.clone();
    wal.push("-wal");
    let mut shm = name;
    shm.push("-shm");
    [PathBuf::from(wal), PathBuf::from(shm)]
}
