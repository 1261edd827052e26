//! 升级与毕业批处理: thin calls into `xueji-app`.

use tauri::State;
use tauri::ipc::Channel;
use xueji_app::batches::{
    BureauCheckInput, BureauCheckView, BureauResolveInput, CertificatesInput, EarlyLeaverCheck,
    EarlyLeaverInput, EarlyLeaverResult, GraduationInput, GraduationPreview, GraduationResult,
    PromotionPreview, PromotionResult,
};
use xueji_app::documents::PrintedView;

use super::documents::{PrintProgress, reporter};

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

/// 打印毕业年级全部学生的《浙江省义务教育证书》（编号即学籍辅号，R26.1；不补发，R26.2），
/// 逐份报告进度。
#[tauri::command]
#[specta::specta]
pub async fn graduation_certificates(
    state: State<'_, AppState>,
    input: CertificatesInput,
    on_progress: Channel<PrintProgress>,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let mut progress = reporter(on_progress);
    Ok(super::app(&app)?
        .graduation_certificates_with_progress(&session, &input, &mut progress)
        .await?)
}

/// 提前离校学生能否办理肄业（第二十五条，R25.3），不能时给出条款。
#[tauri::command]
#[specta::specta]
pub async fn early_leaver_check(
    state: State<'_, AppState>,
    student_id: i64,
) -> Result<EarlyLeaverCheck, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .early_leaver_check(&session, student_id)
        .await?)
}

/// 为已退学、未完成九年义务教育的学生办理肄业（R25.3），证书编号同学籍辅号（R26.1）。
#[tauri::command]
#[specta::specta]
pub async fn early_leaver_incomplete(
    state: State<'_, AppState>,
    input: EarlyLeaverInput,
) -> Result<EarlyLeaverResult, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .early_leaver_incomplete(&session, &input)
        .await?)
}

/// 主管教育行政部门的学期核查（第四条，R4.1），最近的学期在前。
#[tauri::command]
#[specta::specta]
pub async fn bureau_checks(state: State<'_, AppState>) -> Result<Vec<BureauCheckView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.bureau_checks(&session).await?)
}

/// 登记主管教育行政部门的学期核查及其发现的问题（R4.1）。
#[tauri::command]
#[specta::specta]
pub async fn bureau_check_record(
    state: State<'_, AppState>,
    input: BureauCheckInput,
) -> Result<BureauCheckView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .bureau_check_record(&session, &input)
        .await?)
}

/// 登记教育局核查问题的整改（R4.1）。
#[tauri::command]
#[specta::specta]
pub async fn bureau_check_resolve(
    state: State<'_, AppState>,
    input: BureauResolveInput,
) -> Result<BureauCheckView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .bureau_check_resolve(&session, &input)
        .await?)
}
