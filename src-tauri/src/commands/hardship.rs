//! 家庭经济困难学生认定与资助 (archive section R8.2(6)): the application, the class assessment,
//! the school's decision with its public notice, objections and their ruling, aid per semester and
//! the printed form. Thin calls into `xueji-app`; the form's PDF is saved like every other
//! document, through `document_save_pdf`.

use tauri::State;
use xueji_app::hardship::{
    AidGrantInput, AidView, ClassAssessInput, HardshipApplyInput, HardshipDecideInput,
    HardshipFilter, HardshipRow, HardshipView, ObjectInput, ObjectionDecideInput,
};
use xueji_app::views::Page;

use crate::error::IpcError;
use crate::state::AppState;

/// The printed 家庭经济困难学生认定申请表: a suggested file name (no personal data in it) and
/// the PDF.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipFormView {
    /// `家庭经济困难学生认定申请表-12.pdf` (the application's number)
    pub file_name: String,
    pub pdf: Vec<u8>,
}

/// 一个学年的家庭经济困难认定（按状态、认定等级、年级、班级、学生筛选，分页）。
#[tauri::command]
#[specta::specta]
pub async fn hardship_list(
    state: State<'_, AppState>,
    school_year: i32,
    filter: HardshipFilter,
) -> Result<Page<HardshipRow>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_list(&session, school_year, &filter)
        .await?)
}

/// 一项认定的申请、评议、认定、公示、异议与资助（查看记入审计日志）。
#[tauri::command]
#[specta::specta]
pub async fn hardship_show(state: State<'_, AppState>, id: i64) -> Result<HardshipView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.hardship_show(&session, id).await?)
}

/// 登记监护人的家庭经济困难认定申请（本学年或下一学年）。
#[tauri::command]
#[specta::specta]
pub async fn hardship_apply(
    state: State<'_, AppState>,
    input: HardshipApplyInput,
) -> Result<HardshipView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.hardship_apply(&session, &input).await?)
}

/// 记录班级评议（认定小组意见和建议等级）。
#[tauri::command]
#[specta::specta]
pub async fn hardship_class_assess(
    state: State<'_, AppState>,
    id: i64,
    input: ClassAssessInput,
) -> Result<HardshipView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_class_assess(&session, id, &input)
        .await?)
}

/// 学校认定：认定等级后开始公示（工作日）；不认定则办结。
#[tauri::command]
#[specta::specta]
pub async fn hardship_decide(
    state: State<'_, AppState>,
    id: i64,
    input: HardshipDecideInput,
) -> Result<HardshipView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_decide(&session, id, &input)
        .await?)
}

/// 登记公示期内提出的异议；异议处理前认定不生效。
#[tauri::command]
#[specta::specta]
pub async fn hardship_object(
    state: State<'_, AppState>,
    id: i64,
    input: ObjectInput,
) -> Result<HardshipView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_object(&session, id, &input)
        .await?)
}

/// 学校对异议的处理：成立则原认定作废、重新认定；不成立则公示继续。
#[tauri::command]
#[specta::specta]
pub async fn hardship_objection_decide(
    state: State<'_, AppState>,
    id: i64,
    input: ObjectionDecideInput,
) -> Result<HardshipView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_objection_decide(&session, id, &input)
        .await?)
}

/// 按学期登记资助（认定生效且在其学年内）。
#[tauri::command]
#[specta::specta]
pub async fn hardship_aid_grant(
    state: State<'_, AppState>,
    input: AidGrantInput,
) -> Result<AidView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_aid_grant(&session, &input)
        .await?)
}

/// 打印家庭经济困难学生认定申请表（PDF，记入审计日志）；另存用 `document_save_pdf`。
#[tauri::command]
#[specta::specta]
pub async fn hardship_form(
    state: State<'_, AppState>,
    id: i64,
) -> Result<HardshipFormView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = super::app(&app)?;
    let pdf = app.hardship_form(&session, id).await?;
    Ok(HardshipFormView {
        file_name: format!("家庭经济困难学生认定申请表-{id}.pdf"),
        pdf,
    })
}
