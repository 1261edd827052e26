//! The data folder: `--data-dir`, else `XUEJI_DATA_DIR`, else the desktop app's folder
//! (Tauri's app_data_dir for `cn.xueji.desktop`: `~/.local/share/cn.xueji.desktop` on Linux,
//! `~/Library/Application Support/cn.xueji.desktop` on macOS, `%APPDATA%\cn.xueji.desktop` on
//! Windows).

use std::path::PathBuf;

use crate::error::{CliError, Result};

pub const APP_IDENTIFIER: &str = "cn.xueji.desktop";
pub const DATA_DIR_ENV: &str = "XUEJI_DATA_DIR";

pub fn resolve(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or(CliError::NoDataDir)
}
