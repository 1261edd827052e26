//! 档案移交: the 升学 hand-over of a 小学's graduates (第九条) and the printed hand-over lists
//! (升学, 随迁子女辍学 第十八条). Thin calls into `xueji-app`.

use tauri::State;
use xueji_app::documents::PrintedView;
use xueji_app::package::{MigrantListInput, ProgressionGraduateView, ProgressionListInput};

use super::exchange::{SavedFileView, package_to};
use super::files::SaveDialog;
use crate::error::IpcError;
use crate::state::AppState;

/// 小学毕业生及其学籍档案的移交情况（第九条）。
#[tauri::command]
#[specta::specta]
pub async fn progression_graduates(
    state: State<'_, AppState>,
) -> Result<Vec<ProgressionGraduateView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.progression_graduates(&session).await?)
}

/// 生成升学学籍档案包，交升入的初中导入（第九条）。
#[tauri::command]
#[specta::specta]
pub async fn package_progression(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    student_ids: Vec<i64>,
    to: i64,
) -> Result<Option<SavedFileView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = super::app(&app)?;
    package_to(
        &dialog,
        "升学学籍档案包",
        app.package_progression(&session, &student_ids, to),
    )
    .await
}

/// 打印小学毕业生升学学籍档案移交清单（升入学校未使用本软件时即为移交）。
#[tauri::command]
#[specta::specta]
pub async fn progression_handover_list(
    state: State<'_, AppState>,
    input: ProgressionListInput,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .progression_handover_list(&session, &input)
        .await?)
}

/// 打印随迁子女辍学学籍档案移交清单（第十八条）。
#[tauri::command]
#[specta::specta]
pub async fn migrant_handover_list(
    state: State<'_, AppState>,
    input: MigrantListInput,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .migrant_handover_list(&session, &input)
        .await?)
}
