//! The 学生 pages: search, enrol, archive, everyday edits.

use tauri::State;
use xueji_app::students::photo::PhotoView;
use xueji_app::students::{
    ArchiveView, ClassOption, DropoutReportInput, EnrolInput, EnrolView, NationalNumberInput,
    SearchInput, StudentEditInput, StudentRow, StudentView,
};
use xueji_app::views::Page;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn student_search(
    state: State<'_, AppState>,
    input: SearchInput,
) -> Result<Page<StudentRow>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.student_search(&session, &input).await?)
}

/// The classes students are placed in, for the list's filter.
#[tauri::command]
#[specta::specta]
pub async fn student_classes(state: State<'_, AppState>) -> Result<Vec<ClassOption>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.student_classes(&session).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn student_enrol(
    state: State<'_, AppState>,
    input: EnrolInput,
) -> Result<EnrolView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.student_enrol(&session, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn student_archive(state: State<'_, AppState>, id: i64) -> Result<ArchiveView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.student_archive(&session, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn student_edit(
    state: State<'_, AppState>,
    input: StudentEditInput,
) -> Result<StudentView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.student_edit(&session, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn dropout_report_record(
    state: State<'_, AppState>,
    input: DropoutReportInput,
) -> Result<ArchiveView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .dropout_report_record(&session, &input)
        .await?)
}

/// 录入全国学籍系统返回的学籍号（待分配的学籍，R7.1）。
#[tauri::command]
#[specta::specta]
pub async fn student_national_number_record(
    state: State<'_, AppState>,
    input: NationalNumberInput,
) -> Result<StudentView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .student_national_number_record(&session, &input)
        .await?)
}

/// 上传或更换学籍照片（JPEG 或 PNG，不超过 2 MB）。
#[tauri::command]
#[specta::specta]
pub async fn student_photo_set(
    state: State<'_, AppState>,
    student_id: i64,
    data: Vec<u8>,
) -> Result<PhotoView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .student_photo_set(&session, student_id, &data)
        .await?)
}

/// 学籍照片（没有时为空）。
#[tauri::command]
#[specta::specta]
pub async fn student_photo(
    state: State<'_, AppState>,
    student_id: i64,
) -> Result<Option<PhotoView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .student_photo(&session, student_id)
        .await?)
}
