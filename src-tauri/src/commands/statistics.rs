//! 统计: thin calls into `xueji-app`.

use tauri::State;
use xueji_app::statistics::StatisticsView;

use crate::error::IpcError;
use crate::state::AppState;

/// 按年级、班级、学籍状态、性别、标记统计人数，按学期统计学籍变动申请。
#[tauri::command]
#[specta::specta]
pub async fn statistics(state: State<'_, AppState>) -> Result<StatisticsView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.statistics(&session).await?)
}
