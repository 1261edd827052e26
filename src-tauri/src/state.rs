//! What the shell keeps for the life of the process.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The environment variable that moves the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "XUEJI_DATA_DIR";

/// Shared state managed by Tauri.
pub struct AppState {
    pub data_dir: PathBuf,
    /// The open database, once set up or unlocked.
    pub app: tokio::sync::RwLock<Option<xueji_app::App>>,
    /// The key store to use instead of the one `XUEJI_DB_KEY_FILE` or the OS keyring gives (tests).
    pub keys: Option<xueji_store::KeyStore>,
    /// The logged-in user (one per window).
    pub session: tokio::sync::RwLock<Option<std::sync::Arc<xueji_app::Session>>>,
    /// Held open for the process's life: its OS lock keeps a second process off the database
    /// even where the single-instance plugin cannot work (no session bus).
    _instance_lock: File,
}

/// Why the shell could not take its data folder.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("无法创建或打开数据文件夹：{0}")]
    DataDir(std::io::Error),
    #[error("学籍管理已在另一个窗口中运行，同一数据文件夹不能同时被两个程序打开。")]
    AlreadyRunning,
}

impl AppState {
    /// Takes the data folder: creates it if needed and locks it for this process.
    pub fn open(data_dir: PathBuf) -> Result<Self, StartError> {
        std::fs::create_dir_all(&data_dir).map_err(StartError::DataDir)?;
        let lock = take_lock(&data_dir)?;
        Ok(Self {
            data_dir,
            app: tokio::sync::RwLock::new(None),
            keys: None,
            session: tokio::sync::RwLock::new(None),
            _instance_lock: lock,
        })
    }
}

fn take_lock(data_dir: &Path) -> Result<File, StartError> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join("xueji.lock"))
        .map_err(StartError::DataDir)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StartError::AlreadyRunning),
        Err(TryLockError::Error(e)) => Err(StartError::DataDir(e)),
    }
}

/// The data folder: `XUEJI_DATA_DIR` if set, else the OS app-data folder Tauri resolves.
pub fn resolve_data_dir(default: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xueji-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_second_open_of_the_same_data_folder_is_refused() {
        let dir = temp_dir("lock");
        let first = AppState::open(dir.clone()).unwrap();
        assert!(matches!(
            AppState::open(dir.clone()),
            Err(StartError::AlreadyRunning)
        ));
        drop(first);
        assert!(
            AppState::open(dir.clone()).is_ok(),
            "the lock ends with the process's state"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn open_creates_the_data_folder() {
        let dir = temp_dir("create").join("nested");
        let state = AppState::open(dir.clone()).unwrap();
        assert!(state.data_dir.is_dir());
        drop(state);
        std::fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    }
}
