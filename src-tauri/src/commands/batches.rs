//! 升级与毕业批处理: thin calls into `xueji-app`.

use tauri::State;
use xueji_app::batches::{
    GraduationInput, GraduationPreview, GraduationResult, PromotionPreview, PromotionResult,
};

use crate::error::IpcError;
use crate::state::AppState;

/// 年末升级预览：例外名单及其条款（R12.1）。
#[tauri::command]
#[specta::specta]
pub async fn promotion_preview(
    state: State<'_, AppState>,
    into: i32,
) -> Result<PromotionPreview, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.promotion_preview(&session, into).await?)
}

/// 年末升级（R12.1）。
#[tauri::command]
#[specta::specta]
pub async fn promotion_run(
    state: State<'_, AppState>,
    into: i32,
) -> Result<PromotionResult, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.promotion_run(&session, into).await?)
}

/// 毕业批处理预览：逐人计算毕业、结业、肄业（R25）。
#[tauri::command]
#[specta::specta]
pub async fn graduation_preview(
    state: State<'_, AppState>,
    input: GraduationInput,
) -> Result<GraduationPreview, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .graduation_preview(&session, &input)
        .await?)
}

/// 确认毕业批处理。
#[tauri::command]
#[specta::specta]
pub async fn graduation_confirm(
    state: State<'_, AppState>,
    input: GraduationInput,
) -> Result<GraduationResult, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .graduation_confirm(&session, &input)
        .await?)
}
