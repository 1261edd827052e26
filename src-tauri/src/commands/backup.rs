//! 备份与恢复: thin calls into `xueji-app`. A restore closes the database, replaces it and
//! reopens it in the shell's state, logging the user in again on the restored database.

use std::sync::Arc;

use tauri::State;
use xueji_app::backup::{
    BackupCheckView, BackupListView, BackupSchedule, BackupView, RestoreInput, RestoreView,
};
use xueji_app::backup_offsite::OffsiteBackup;

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

/// 立即备份（加密）：默认存入数据文件夹的 backups，或存到指定的完整路径。
#[tauri::command]
#[specta::specta]
pub async fn backup_create(
    state: State<'_, AppState>,
    to: Option<String>,
) -> Result<BackupView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .backup_create(&session, to.as_deref())
        .await?)
}

/// 选择（或清除）异地备份文件夹（U 盘或网络位置）。
#[tauri::command]
#[specta::specta]
pub async fn backup_offsite_folder_set(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> Result<OffsiteBackup, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .backup_offsite_folder_set(&session, folder.as_deref())
        .await?)
}

/// 立即备份到异地备份文件夹。
#[tauri::command]
#[specta::specta]
pub async fn backup_offsite_now(state: State<'_, AppState>) -> Result<BackupView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.backup_offsite_now(&session).await?)
}

/// 备份列表与自动备份计划。
#[tauri::command]
#[specta::specta]
pub async fn backup_list(state: State<'_, AppState>) -> Result<BackupListView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.backup_list(&session).await?)
}

/// 校验备份文件（完整性、加密页、审计链）。
#[tauri::command]
#[specta::specta]
pub async fn backup_verify(
    state: State<'_, AppState>,
    file: String,
) -> Result<BackupCheckView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.backup_verify(&session, &file).await?)
}

/// 设置自动备份计划。
#[tauri::command]
#[specta::specta]
pub async fn backup_schedule_set(
    state: State<'_, AppState>,
    schedule: BackupSchedule,
) -> Result<BackupSchedule, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .backup_schedule_set(&session, &schedule)
        .await?)
}

/// 从备份恢复（需再次输入密码）：校验通过后替换数据库并重新打开。
#[tauri::command]
#[specta::specta]
pub async fn backup_restore(
    state: State<'_, AppState>,
    input: RestoreInput,
) -> Result<RestoreView, IpcError> {
    let session = state
        .session
        .read()
        .await
        .clone()
        .ok_or_else(|| IpcError::new(ErrorKind::Locked, "请先登录"))?;
    // Every other command waits while the database is replaced.
    let mut guard = state.app.write().await;
    let app = guard
        .take()
        .ok_or_else(|| IpcError::new(ErrorKind::Locked, "数据库尚未打开，请先登录"))?;
    let restored = app.backup_restore(&session, &input).await;
    *guard = restored.app;
    let view = restored.result?;
    *state.session.write().await = restored.session.map(Arc::new);
    Ok(view)
}
