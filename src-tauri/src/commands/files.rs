//! Saving a file the app made (a printed PDF) where the registrar chooses, through the system's
//! save dialog. The bytes come from the UI, which got them from a print command.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ErrorKind, IpcError};

/// A file to save: its suggested name and its bytes.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SaveFileInput {
    /// Suggested file name (`处分决定书-2026-SANCTION-000001.pdf`).
    pub file_name: String,
    pub data: Vec<u8>,
}

/// Only the last path component of a suggested name, without characters file systems refuse.
fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .collect();
    if cleaned.trim().is_empty() {
        "文书.pdf".to_owned()
    } else {
        cleaned
    }
}

type Ask = dyn Fn(String) -> tokio::sync::oneshot::Receiver<Option<PathBuf>> + Send + Sync;

/// The system's save dialog, bound to the app's runtime at setup (so the command itself is not
/// generic over the runtime, which the generated bindings cannot express).
pub struct SaveDialog(Box<Ask>);

impl SaveDialog {
    pub fn new<R: Runtime>(handle: AppHandle<R>) -> Self {
        Self(Box::new(move |name: String| {
            let pdf = Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            let mut dialog = handle
                .dialog()
                .file()
                .set_title(if pdf { "保存 PDF" } else { "保存文件" })
                .set_file_name(&name);
            if pdf {
                dialog = dialog.add_filter("PDF 文件", &["pdf"]);
            }
            let (tx, rx) = tokio::sync::oneshot::channel();
            dialog.save_file(move |path| {
                let _ = tx.send(path.and_then(|p| p.into_path().ok()));
            });
            rx
        }))
    }
}

/// 选择保存位置并写入文件；返回保存的路径，取消时返回空。
#[tauri::command]
#[specta::specta]
pub async fn file_save(
    dialog: State<'_, SaveDialog>,
    input: SaveFileInput,
) -> Result<Option<String>, IpcError> {
    let asked = (dialog.0)(safe_name(&input.file_name));
    let Some(path) = asked.await.ok().flatten() else {
        return Ok(None);
    };
    std::fs::write(&path, &input.data).map_err(|e| {
        tracing::warn!(error = %e, "file save failed");
        IpcError::new(ErrorKind::Internal, format!("保存文件失败：{e}"))
    })?;
    Ok(Some(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn a_suggested_name_cannot_leave_the_chosen_folder() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("a\\b\\处分决定书.pdf"), "处分决定书.pdf");
        assert_eq!(safe_name("x:?.pdf"), "x.pdf");
        assert_eq!(safe_name("   "), "文书.pdf");
    }
}
