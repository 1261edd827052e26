//! 学籍变动：申请、审批、撤回、列表、详情: thin calls into `xueji-app`.

use tauri::State;
use xueji_app::changes::{
    AppealDecisionInput, AppealInput, ApplicationRow, ApplicationView, ChangeInput,
    ChangeListInput, CheckView, DecideInput, FileView, WithdrawInput,
};
use xueji_app::documents::PrintedView;
use xueji_app::views::Page;

use crate::error::IpcError;
use crate::state::AppState;

/// 向导中的提前检查：不写入，返回环节、所需材料和提示；违反规定时返回条款号。
#[tauri::command]
#[specta::specta]
pub async fn change_check(
    state: State<'_, AppState>,
    input: ChangeInput,
) -> Result<CheckView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.change_check(&session, &input).await?)
}

/// 提交学籍变动申请（无需审批的变动立即生效）。
#[tauri::command]
#[specta::specta]
pub async fn change_submit(
    state: State<'_, AppState>,
    input: ChangeInput,
) -> Result<ApplicationView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.change_submit(&session, &input).await?)
}

/// 记录一个审批环节的决定（文号、扫描件）。
#[tauri::command]
#[specta::specta]
pub async fn change_decide(
    state: State<'_, AppState>,
    input: DecideInput,
) -> Result<ApplicationView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.change_decide(&session, &input).await?)
}

/// 撤回办理中的申请。
#[tauri::command]
#[specta::specta]
pub async fn change_withdraw(
    state: State<'_, AppState>,
    input: WithdrawInput,
) -> Result<ApplicationView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.change_withdraw(&session, &input).await?)
}

/// 申请列表（按类型、状态、环节、逾期筛选）。
#[tauri::command]
#[specta::specta]
pub async fn change_list(
    state: State<'_, AppState>,
    input: ChangeListInput,
) -> Result<Page<ApplicationRow>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.change_list(&session, &input).await?)
}

/// 一项申请的各环节、材料与期限。
#[tauri::command]
#[specta::specta]
pub async fn change_show(state: State<'_, AppState>, id: i64) -> Result<ApplicationView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.change_show(&session, id).await?)
}

/// 证明材料文件（查看记入审计日志）。
#[tauri::command]
#[specta::specta]
pub async fn attachment_get(state: State<'_, AppState>, id: i64) -> Result<FileView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.attachment_get(&session, id).await?)
}

/// 对已签署公布的处分决定提出申诉（R22.2）。
#[tauri::command]
#[specta::specta]
pub async fn change_appeal_file(
    state: State<'_, AppState>,
    input: AppealInput,
) -> Result<ApplicationView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .change_appeal_file(&session, &input)
        .await?)
}

/// 记录主管教育行政部门对申诉的决定（R22.2）；撤销的处分从学籍中去除。
#[tauri::command]
#[specta::specta]
pub async fn change_appeal_decide(
    state: State<'_, AppState>,
    input: AppealDecisionInput,
) -> Result<ApplicationView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .change_appeal_decide(&session, &input)
        .await?)
}

/// 这份申请自己的申请表（含转入学校在学籍建立前打印的转学申请表，R13.1），编号记入发放登记。
#[tauri::command]
#[specta::specta]
pub async fn change_form(
    state: State<'_, AppState>,
    application_id: i64,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .application_form(&session, application_id)
        .await?)
}

/// 处分决定书（R22.2）或解除处分通知书（R23.2）的 PDF，编号记入发放登记。
#[tauri::command]
#[specta::specta]
pub async fn change_document(
    state: State<'_, AppState>,
    application_id: i64,
) -> Result<FileView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .change_document(&session, application_id)
        .await?)
}
