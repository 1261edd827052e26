//! Commands about the application itself.

use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// What the 设置 page shows about this installation.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfoView {
    /// Product name, as the registrar sees it.
    pub product_name: String,
    pub version: String,
    /// The folder that holds the database, backups and logs.
    pub data_dir: String,
}

/// Product name, version and data folder.
#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfoView, IpcError> {
    Ok(AppInfoView {
        product_name: crate::PRODUCT_NAME.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.display().to_string(),
    })
}
