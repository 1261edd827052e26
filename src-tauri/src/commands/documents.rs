//! 打印文书: thin calls into `xueji-app`.

use tauri::State;
use xueji_app::documents::{DocumentRequest, PrintedView};

use crate::error::IpcError;
use crate::state::AppState;

/// 打印文书（PDF），编号记入发放登记并记入审计日志。
#[tauri::command]
#[specta::specta]
pub async fn document_print(
    state: State<'_, AppState>,
    input: DocumentRequest,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.document_print(&session, &input).await?)
}
