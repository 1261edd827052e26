//! 设置—工作日历: the holiday notices (paste the State Council's text, check it on the month grid,
//! save; replace, correct a day, remove): thin calls into `xueji-app`.

use tauri::State;
use xueji_app::calendar::{CalendarSaved, CalendarView, NoticeInput, NoticePreview};

use crate::error::IpcError;
use crate::state::AppState;

/// 工作日历：已载入的通知、暂定计算的年份及其法定节假日。
#[tauri::command]
#[specta::specta]
pub async fn calendar_get(state: State<'_, AppState>) -> Result<CalendarView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.calendar_get(&session).await?)
}

/// 读取粘贴的国务院节假日安排通知原文，供保存前在月历上核对（不保存）。
#[tauri::command]
#[specta::specta]
pub async fn calendar_preview(
    state: State<'_, AppState>,
    text: String,
) -> Result<NoticePreview, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.calendar_preview(&session, &text).await?)
}

/// 保存通知（新载入，或替换同名通知），按新日历重新计算未完成的期限。
#[tauri::command]
#[specta::specta]
pub async fn calendar_save(
    state: State<'_, AppState>,
    input: NoticeInput,
) -> Result<CalendarSaved, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.calendar_save(&session, &input).await?)
}

/// 删除本校载入的某年通知（给出名称时只删这一份），重新计算未完成的期限。
#[tauri::command]
#[specta::specta]
pub async fn calendar_remove(
    state: State<'_, AppState>,
    year: i32,
    title: Option<String>,
) -> Result<CalendarSaved, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .calendar_remove(&session, year, title.as_deref())
        .await?)
}
