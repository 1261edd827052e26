//! 打印文书: thin calls into `xueji-app`, the print progress streamed over a Tauri channel, and
//! the save-as-PDF step.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tauri::State;
use tauri::ipc::Channel;
use xueji_app::documents::{
    DocumentLogFilter, DocumentRequest, HandOutInput, IssuedDocumentRow, PrintKind, PrintedView,
};
use xueji_app::views::Page;

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

use super::files::{SaveDialog, is_pdf};

/// How far a print has got: `done` of `total` documents drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintProgress {
    pub done: u32,
    pub total: u32,
}

/// A document kind the office prints, as the print page lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintKindView {
    pub kind: PrintKind,
    pub label: String,
    /// One document per student (else one for the whole selection: roster, statistics).
    pub per_student: bool,
    /// Needs no students at all (the change statistics).
    pub whole_school: bool,
}

/// A progress callback for the use cases that sends over `channel`, at most every 100 ms (and
/// always the first and the last step): a batch of 500 certificates must not flood the IPC.
pub(crate) fn reporter(channel: Channel<PrintProgress>) -> impl FnMut(usize, usize) + Send {
    let mut last: Option<Instant> = None;
    move |done, total| {
        let now = Instant::now();
        let due = last.is_none_or(|t| now.duration_since(t) >= Duration::from_millis(100));
        if due || done == 0 || done >= total {
            last = Some(now);
            let _ = channel.send(PrintProgress {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total: u32::try_from(total).unwrap_or(u32::MAX),
            });
        }
    }
}

/// Every document kind `document_print` can print, with its Chinese name.
#[tauri::command]
#[specta::specta]
pub fn document_kinds() -> Result<Vec<PrintKindView>, IpcError> {
    Ok(PrintKind::ALL
        .iter()
        .filter(|k| k.on_print_page())
        .map(|k| PrintKindView {
            kind: *k,
            label: k.label_zh().to_owned(),
            per_student: k.per_student(),
            whole_school: *k == PrintKind::ChangeStatistics,
        })
        .collect())
}

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

/// 打印文书，逐份报告进度（批量打印时显示进度条）。
#[tauri::command]
#[specta::specta]
pub async fn document_print_progress(
    state: State<'_, AppState>,
    input: DocumentRequest,
    on_progress: Channel<PrintProgress>,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let mut progress = reporter(on_progress);
    Ok(super::app(&app)?
        .document_print_with_progress(&session, &input, &mut progress)
        .await?)
}

/// 证书遗失时开具毕（结、肄）业证明书（R26.2：证书不补发）。
#[tauri::command]
#[specta::specta]
pub async fn completion_proof(
    state: State<'_, AppState>,
    student_id: i64,
) -> Result<PrintedView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .completion_proof(&session, student_id)
        .await?)
}

/// 文书发放登记（最新在前）。
#[tauri::command]
#[specta::specta]
pub async fn document_log(
    state: State<'_, AppState>,
    filter: DocumentLogFilter,
) -> Result<Page<IssuedDocumentRow>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.document_log(&session, &filter).await?)
}

/// 作废一份已发放的文书（注明原因；编号保留在登记中）。
#[tauri::command]
#[specta::specta]
pub async fn document_void(
    state: State<'_, AppState>,
    serial: String,
    reason: String,
) -> Result<IssuedDocumentRow, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .document_void(&session, &serial, &reason)
        .await?)
}

/// 登记证书（或证明书）已发放（R26.2：发放后不再作废或重印，遗失只开具证明书）。
#[tauri::command]
#[specta::specta]
pub async fn document_hand_out(
    state: State<'_, AppState>,
    input: HandOutInput,
) -> Result<IssuedDocumentRow, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .document_hand_out(&session, &input.serial, input.on)
        .await?)
}

/// 学校审核人同意重印已作废的证书（R26.2：只限尚未发放的印错证书）。
#[tauri::command]
#[specta::specta]
pub async fn certificate_reprint_approve(
    state: State<'_, AppState>,
    serial: String,
) -> Result<IssuedDocumentRow, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .certificate_reprint_approve(&session, &serial)
        .await?)
}

/// 另存为 PDF：系统的保存对话框选择位置后写入文件；返回保存的路径，取消时为空。
#[tauri::command]
#[specta::specta]
pub async fn document_save_pdf(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    pdf: Vec<u8>,
    file_name: String,
) -> Result<Option<String>, IpcError> {
    // Only a logged-in user whose screen is not locked saves what was printed.
    {
        let (app, session) = super::session(&state).await?;
        super::app(&app)?.check_active(&session)?;
    }
    if !pdf.starts_with(b"%PDF") {
        return Err(IpcError::new(
            ErrorKind::Validation,
            "要保存的内容不是 PDF 文件",
        ));
    }
    let name = pdf_file_name(&file_name);
    let Some(path) = dialog.ask(name).await.map(with_pdf_extension) else {
        return Ok(None);
    };
    super::files::write_private(&path, &pdf).map_err(|e| {
        tracing::warn!(error = %e, "could not save a PDF");
        IpcError::new(
            ErrorKind::Conflict,
            format!("无法写入所选位置：{}", xueji_store::io_reason(&e)),
        )
    })?;
    Ok(Some(path.display().to_string()))
}

/// A plain file name ending in `.pdf`: no folders, no characters file systems refuse.
fn pdf_file_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    let base = if cleaned.is_empty() {
        "文书"
    } else {
        cleaned
    };
    if is_pdf(Path::new(base)) {
        base.to_owned()
    } else {
        format!("{base}.pdf")
    }
}

fn with_pdf_extension(path: PathBuf) -> PathBuf {
    if is_pdf(&path) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".pdf");
        PathBuf::from(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_stay_in_the_chosen_folder_and_end_in_pdf() {
        assert_eq!(pdf_file_name("毕业证书"), "毕业证书.pdf");
        assert_eq!(pdf_file_name("证书.PDF"), "证书.PDF");
        assert_eq!(pdf_file_name("../../etc/passwd"), "_.._etc_passwd.pdf");
        assert_eq!(pdf_file_name("  "), "文书.pdf");
        assert_eq!(
            with_pdf_extension(PathBuf::from("/tmp/a")),
            PathBuf::from("/tmp/a.pdf")
        );
    }
}
