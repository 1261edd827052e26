//! 首页：待办、检查发现、休学到期、统计: thin calls into `xueji-app`.

use tauri::State;
use xueji_app::dashboard::DashboardView;

use crate::error::IpcError;
use crate::state::AppState;

/// 首页的待办事项（按工作日计的期限）、R32 检查发现、休学到期与人数统计。
#[tauri::command]
#[specta::specta]
pub async fn dashboard(state: State<'_, AppState>) -> Result<DashboardView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.dashboard(&session).await?)
}
