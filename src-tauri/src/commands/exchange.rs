//! Data in and out (issue 8): Excel import, controlled exports, school keys and signed archive
//! packages. The UI picks the files to read with the system dialog (`file_pick`) and passes their
//! paths; what the app writes goes where the registrar chooses in the save dialog. The bytes never
//! cross the IPC boundary.

use std::path::PathBuf;

use tauri::State;
use xueji_app::disclosure::ApprovalInput;
use xueji_app::export::{ExportKind, ExportRequest};
use xueji_app::import::{ImportCommitView, ImportReport};
use xueji_app::package::{
    MigrantDropoutView, PackageImportView, PackageView, SchoolKeysView, TrustedSchoolView,
};
use xueji_app::picked_file::{PickedKind, read_at_most};

use super::files::SaveDialog;
use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

/// The extension of a signed archive package (学籍档案包).
const PACKAGE_EXTENSION: &str = "xjpkg";

/// Reads a picked file, refusing one over `kind`'s size cap before reading it.
fn read(path: &str, kind: PickedKind) -> Result<Vec<u8>, IpcError> {
    match read_at_most(std::path::Path::new(path), kind) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(kind.too_large("path").into()),
        Err(e) => Err(IpcError::new(
            ErrorKind::Validation,
            format!("无法读取所选文件：{}", xueji_store::io_reason(&e)),
        )
        .with_field("path", "无法读取")),
    }
}

/// Asks where to save `name` and writes `bytes` there; `None` when the registrar cancels.
async fn save(
    dialog: &SaveDialog,
    name: String,
    bytes: &[u8],
    size: u32,
) -> Result<Option<SavedFileView>, IpcError> {
    let Some(path) = dialog.ask(name).await else {
        return Ok(None);
    };
    write_to(path, bytes, size).map(Some)
}

fn write_to(path: PathBuf, bytes: &[u8], size: u32) -> Result<SavedFileView, IpcError> {
    super::files::write_private(&path, bytes).map_err(|e| {
        IpcError::new(
            ErrorKind::Conflict,
            format!("无法保存到所选位置：{}", xueji_store::io_reason(&e)),
        )
        .with_field("path", "无法保存")
    })?;
    Ok(SavedFileView {
        path: path.display().to_string(),
        size,
    })
}

/// Makes a package only once the registrar has chosen where it goes: making one records it (the
/// hand-over events, the audit row), which must not happen for a cancelled save.
pub(crate) async fn package_to<F>(
    dialog: &SaveDialog,
    what: &str,
    make: F,
) -> Result<Option<SavedFileView>, IpcError>
where
    F: std::future::Future<Output = xueji_app::Result<Vec<u8>>>,
{
    let Some(path) = dialog.ask(package_name(what)).await else {
        return Ok(None);
    };
    let bytes = make.await?;
    write_to(path, &bytes, byte_size(&bytes)).map(Some)
}

fn byte_size(bytes: &[u8]) -> u32 {
    u32::try_from(bytes.len()).unwrap_or(u32::MAX)
}

/// A package file name: `<what>-<Beijing date>.xjpkg`.
fn package_name(what: &str) -> String {
    use xueji_app::Clock;
    format!(
        "{what}-{}.{PACKAGE_EXTENSION}",
        xueji_app::SystemClock.today().format("%Y%m%d")
    )
}

/// What was written where.
#[derive(Clone, Debug, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedFileView {
    pub path: String,
    /// Rows (exports) or bytes (packages).
    pub size: u32,
}

/// 检查学生名单 Excel（不写入）：逐行列出问题。
#[tauri::command]
#[specta::specta]
pub async fn import_students_check(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportReport, IpcError> {
    let (app, session) = super::session(&state).await?;
    let bytes = read(&path, PickedKind::Workbook)?;
    Ok(super::app(&app)?
        .import_students_check(&session, &bytes)
        .await?)
}

/// 导入学生名单：没有任何问题时一次写入，否则不写入并返回报告。
#[tauri::command]
#[specta::specta]
pub async fn import_students_commit(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportCommitView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let bytes = read(&path, PickedKind::Workbook)?;
    Ok(super::app(&app)?
        .import_students_commit(&session, &bytes)
        .await?)
}

/// 把检查报告另存为 .xlsx（问题单元格标红）；取消时返回空。
#[tauri::command]
#[specta::specta]
pub async fn import_report_save(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    path: String,
) -> Result<Option<SavedFileView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    let bytes = read(&path, PickedKind::Workbook)?;
    let report = super::app(&app)?
        .import_students_check(&session, &bytes)
        .await?;
    let xlsx = report.to_xlsx()?;
    save(
        &dialog,
        "学生名单检查报告.xlsx".to_owned(),
        &xlsx,
        report.rows,
    )
    .await
}

/// 导出 Excel：须填写批准文号和用途（第三十条），文件标注导出人、时间，记入审计日志；先选保存位置，取消时不导出、不记录，返回空。
#[tauri::command]
#[specta::specta]
pub async fn export_save(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    kind: ExportKind,
    request: ExportRequest,
) -> Result<Option<SavedFileView>, IpcError> {
    let name = {
        let (app, session) = super::session(&state).await?;
        super::app(&app)?
            .export_check(&session, kind, &request)
            .await?
    };
    // The database is not held while the dialog is open.
    let Some(path) = dialog.ask(name).await else {
        return Ok(None);
    };
    let (app, session) = super::session(&state).await?;
    let file = super::app(&app)?.export(&session, kind, &request).await?;
    write_to(path, &file.bytes, file.rows).map(Some)
}

/// 导出全国查重名单（第七条）：候选学生名单 Excel → 规定格式。
#[tauri::command]
#[specta::specta]
pub async fn export_duplicate_check_save(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    candidates: String,
    request: ExportRequest,
) -> Result<Option<SavedFileView>, IpcError> {
    let bytes = read(&candidates, PickedKind::Workbook)?;
    let name = {
        let (app, session) = super::session(&state).await?;
        super::app(&app)?
            .export_check(&session, ExportKind::DuplicateCheck, &request)
            .await?
    };
    let Some(path) = dialog.ask(name).await else {
        return Ok(None);
    };
    let (app, session) = super::session(&state).await?;
    let file = super::app(&app)?
        .export_duplicate_check(&session, &bytes, &request)
        .await?;
    write_to(path, &file.bytes, file.rows).map(Some)
}

/// 本校公钥文本（交给其他学校）。
#[tauri::command]
#[specta::specta]
pub async fn keys_show(state: State<'_, AppState>) -> Result<SchoolKeysView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.keys_show(&session).await?)
}

/// 信任另一所学校（或教育局）的公钥文本。
#[tauri::command]
#[specta::specta]
pub async fn keys_trust(
    state: State<'_, AppState>,
    text: String,
    name: String,
) -> Result<TrustedSchoolView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.keys_trust(&session, &text, &name).await?)
}

/// 已信任的学校。
#[tauri::command]
#[specta::specta]
pub async fn keys_trusted(state: State<'_, AppState>) -> Result<Vec<TrustedSchoolView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.keys_trusted(&session).await?)
}

/// 生成转学包（转出办结后，第七条、第九条）。
#[tauri::command]
#[specta::specta]
pub async fn package_create(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    student_id: i64,
    to: i64,
) -> Result<Option<SavedFileView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = super::app(&app)?;
    package_to(
        &dialog,
        "转学档案包",
        app.package_create(&session, student_id, to),
    )
    .await
}

/// 生成全校学籍档案包（学校合并或撤销，第九条；须主管教育行政部门书面核准，第三十条）。
#[tauri::command]
#[specta::specta]
pub async fn package_school_archive(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    to: i64,
    approval: ApprovalInput,
) -> Result<Option<SavedFileView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = super::app(&app)?;
    app.package_school_archive_check(&session, &approval)
        .await?;
    package_to(
        &dialog,
        "全校学籍档案包",
        app.package_school_archive(&session, to, &approval),
    )
    .await
}

/// 随迁子女辍学学生名单（第十八条）。
#[tauri::command]
#[specta::specta]
pub async fn migrant_dropouts(
    state: State<'_, AppState>,
) -> Result<Vec<MigrantDropoutView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.migrant_dropouts(&session).await?)
}

/// 学期末移交随迁子女辍学学籍档案（第十八条）。
#[tauri::command]
#[specta::specta]
pub async fn package_migrant_handover(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    to: i64,
) -> Result<Option<SavedFileView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = super::app(&app)?;
    package_to(
        &dialog,
        "随迁子女辍学档案包",
        app.package_migrant_handover(&session, to),
    )
    .await
}

/// 解密、验证并查看档案包。
#[tauri::command]
#[specta::specta]
pub async fn package_inspect(
    state: State<'_, AppState>,
    path: String,
) -> Result<PackageView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let bytes = read(&path, PickedKind::Package)?;
    Ok(super::app(&app)?.package_inspect(&session, &bytes).await?)
}

/// 验证后导入档案包。
#[tauri::command]
#[specta::specta]
pub async fn package_import(
    state: State<'_, AppState>,
    path: String,
) -> Result<PackageImportView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let bytes = read(&path, PickedKind::Package)?;
    Ok(super::app(&app)?.package_import(&session, &bytes).await?)
}
