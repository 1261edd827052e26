//! Small file helpers: atomic replace with fsync, private permissions.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Result, StoreError};

/// Opens a new file that must not exist yet, readable only by its owner on Unix.
pub(crate) fn create_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map_err(|e| StoreError::io(path, e))
}

/// Writes `bytes` to `path` through a temporary file and a rename, so a crash leaves either the
/// old or the new content. With `replace == false` an existing file is an error.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    if !replace && path.exists() {
        return Err(StoreError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    let tmp = sibling(path, ".tmp");
    if tmp.exists() {
        std::fs::remove_file(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
    }
    let mut file = create_private(&tmp)?;
    file.write_all(bytes).map_err(|e| StoreError::io(&tmp, e))?;
    file.sync_all().map_err(|e| StoreError::io(&tmp, e))?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(|e| StoreError::io(path, e))?;
    sync_parent(path);
    Ok(())
}

/// `path` with `suffix` appended to its file name.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Best effort: make a rename durable.
pub(crate) fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent()
        && let Ok(dir) = File::open(parent)
    {
        let _ = dir.sync_all();
    }
}
