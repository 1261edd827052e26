//! 账户与审计日志: thin calls into `xueji-app`.

use tauri::State;
use xueji_app::audit_log::{AuditActionView, AuditCheckView, AuditFilter, AuditRowView};
use xueji_app::auth::{AppointmentView, NewUserInput, RegistrarInput, RegistrarView, UserView};
use xueji_app::views::Page;

use crate::error::IpcError;
use crate::state::AppState;

/// 全部账户。
#[tauri::command]
#[specta::specta]
pub async fn user_list(state: State<'_, AppState>) -> Result<Vec<UserView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.user_list(&session).await?)
}

/// 新增账户。
#[tauri::command]
#[specta::specta]
pub async fn user_add(
    state: State<'_, AppState>,
    input: NewUserInput,
) -> Result<UserView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.user_add(&session, &input).await?)
}

/// 停用账户。
#[tauri::command]
#[specta::specta]
pub async fn user_lock(state: State<'_, AppState>, username: String) -> Result<UserView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.user_lock(&session, &username).await?)
}

/// 启用账户并解除密码错误锁定。
#[tauri::command]
#[specta::specta]
pub async fn user_unlock(
    state: State<'_, AppState>,
    username: String,
) -> Result<UserView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.user_unlock(&session, &username).await?)
}

/// 审计日志（按用户、操作、日期筛选）。
#[tauri::command]
#[specta::specta]
pub async fn audit_list(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Result<Page<AuditRowView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.audit_list(&session, &filter).await?)
}

/// 审计日志的全部操作类型及其名称（筛选用）。
#[tauri::command]
#[specta::specta]
pub fn audit_actions() -> Result<Vec<AuditActionView>, IpcError> {
    Ok(xueji_app::audit_log::audit_actions())
}

/// 校验审计日志哈希链。
#[tauri::command]
#[specta::specta]
pub async fn audit_verify(state: State<'_, AppState>) -> Result<AuditCheckView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.audit_verify(&session).await?)
}

/// 修改自己的密码。
#[tauri::command]
#[specta::specta]
pub async fn user_change_password(
    state: State<'_, AppState>,
    old_password: String,
    new_password: String,
) -> Result<(), IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .change_password(&session, &old_password, &new_password)
        .await?)
}

/// 登记学籍管理员（含培训日期，R28.1）。
#[tauri::command]
#[specta::specta]
pub async fn registrar_appoint(
    state: State<'_, AppState>,
    input: RegistrarInput,
) -> Result<AppointmentView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .registrar_appoint(&session, &input)
        .await?)
}

/// 学籍管理员登记簿。
#[tauri::command]
#[specta::specta]
pub async fn registrar_list(state: State<'_, AppState>) -> Result<Vec<RegistrarView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.registrar_list(&session).await?)
}
