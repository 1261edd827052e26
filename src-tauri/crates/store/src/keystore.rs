//! Where the database key lives: the OS keyring (Keychain, Credential Manager, Secret Service —
//! all persistent), or, for automation and servers, a key file named by `XUEJI_DB_KEY_FILE`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Result, StoreError};
use crate::fsutil::write_atomic;
use crate::key::{DbKey, parse_key_text};
use crate::paths::DataDir;

/// The keyring service name (the app's identifier).
pub const KEYRING_SERVICE: &str = "cn.xueji.desktop";
/// Environment variable naming a key file used instead of the keyring.
pub const KEY_FILE_ENV: &str = "XUEJI_DB_KEY_FILE";

/// A place that keeps the database key.
#[derive(Clone)]
pub enum KeyStore {
    /// An OS keyring entry (or, in tests, a mock entry).
    Keyring(Arc<keyring::Entry>),
    /// A file holding the key as 64 hex digits, mode 0600.
    File(PathBuf),
}

impl std::fmt::Debug for KeyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Keyring(_) => f.write_str("KeyStore::Keyring"),
            Self::File(p) => write!(f, "KeyStore::File({})", p.display()),
        }
    }
}

impl KeyStore {
    /// The OS keyring's default (persistent) store, entry named after the data folder.
    pub fn os_keyring(data: &DataDir) -> Result<Self> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, &data.keyring_user())
            .map_err(|e| StoreError::Keyring(e.to_string()))?;
        Ok(Self::Keyring(Arc::new(entry)))
    }

    /// An explicit entry (tests build one over keyring's mock store).
    pub fn from_entry(entry: keyring::Entry) -> Self {
        Self::Keyring(Arc::new(entry))
    }

    /// An in-memory mock entry, for unit tests and tools; forgets on drop.
    pub fn mock() -> Self {
        Self::from_entry(keyring::Entry::new_with_credential(Box::new(
            keyring::mock::MockCredential::default(),
        )))
    }

    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self::File(path.into())
    }

    /// `XUEJI_DB_KEY_FILE` when set, else the OS keyring.
    pub fn from_env(data: &DataDir) -> Result<Self> {
        match std::env::var_os(KEY_FILE_ENV) {
            Some(path) if !path.is_empty() => Ok(Self::file(path)),
            _ => Self::os_keyring(data),
        }
    }

    /// The stored key; `KeyMissing` when there is none.
    pub fn load(&self) -> Result<DbKey> {
        match self {
            Self::Keyring(entry) => match entry.get_password() {
                Ok(text) => DbKey::from_hex(&text)
                    .ok_or_else(|| StoreError::Keyring("钥匙串中的密钥格式不正确".to_owned())),
                Err(keyring::Error::NoEntry) => Err(StoreError::KeyMissing),
                Err(e) => Err(StoreError::Keyring(e.to_string())),
            },
            Self::File(path) => match std::fs::read_to_string(path) {
                Ok(text) => {
                    check_private(path)?;
                    parse_key_text(&text, path)
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::KeyMissing),
                Err(e) => Err(StoreError::io(path, e)),
            },
        }
    }

    /// Stores `key`, replacing any previous one.
    pub fn save(&self, key: &DbKey) -> Result<()> {
        match self {
            Self::Keyring(entry) => entry
                .set_password(&key.to_hex())
                .map_err(|e| StoreError::Keyring(e.to_string())),
            Self::File(path) => write_key_file(path, key, true),
        }
    }

    /// Stores `key` for a new database; an existing key file is never overwritten.
    pub fn save_new(&self, key: &DbKey) -> Result<()> {
        match self {
            Self::Keyring(_) => self.save(key),
            Self::File(path) => write_key_file(path, key, false),
        }
    }

    /// Removes the stored key (nothing to do when there is none).
    pub fn delete(&self) -> Result<()> {
        match self {
            Self::Keyring(entry) => match entry.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(StoreError::Keyring(e.to_string())),
            },
            Self::File(path) => match std::fs::remove_file(path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(StoreError::io(path, e)),
            },
        }
    }
}

/// A key file others on the computer could read is refused (issue 15): the key opens every
/// minor's record. The owner fixes it with `chmod 600`.
fn check_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).map_err(|e| StoreError::io(path, e))?;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(StoreError::KeyFileNotPrivate {
                path: path.to_path_buf(),
            });
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn write_key_file(path: &Path, key: &DbKey, replace: bool) -> Result<()> {
    let mut text = key.to_hex();
    text.push('\n');
    write_atomic(path, text.as_bytes(), replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mock_keyring_round_trip_and_missing() {
        let store = KeyStore::mock();
        assert!(matches!(store.load(), Err(StoreError::KeyMissing)));
        let key = DbKey::generate();
        store.save(&key).expect("mock save");
        assert_eq!(store.load().expect("mock load"), key);
        store.delete().expect("mock delete");
        assert!(matches!(store.load(), Err(StoreError::KeyMissing)));
    }

    #[test]
    fn key_file_is_private_and_never_overwritten_on_init() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("db.key");
        let store = KeyStore::file(&path);
        assert!(matches!(store.load(), Err(StoreError::KeyMissing)));
        let key = DbKey::generate();
        store.save_new(&key).expect("first save");
        assert_eq!(store.load().expect("load"), key);
        assert!(matches!(
            store.save_new(&DbKey::generate()),
            Err(StoreError::AlreadyExists { .. })
        ));
        assert_eq!(store.load().expect("load"), key);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            assert!(
                matches!(store.load(), Err(StoreError::KeyFileNotPrivate { .. })),
                "a key file others can read is refused"
            );
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        std::fs::write(&path, "not a key").expect("write");
        assert!(matches!(store.load(), Err(StoreError::BadKeyFile { .. })));
    }
}
