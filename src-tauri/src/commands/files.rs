//! Saving a file the app made (a printed PDF, a report) where the registrar chooses, through the
//! system's save dialog. The bytes come from the UI, which got them from a print command.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tokio::sync::oneshot;

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

/// When set, saving writes into this folder without the native dialog. Only for the end-to-end
/// tests: the GTK file chooser is a native window that WebDriver cannot drive, so the tests name
/// the folder instead. Nothing else sets it.
pub const E2E_SAVE_DIR_ENV: &str = "XUEJI_E2E_SAVE_DIR";

/// A file to save: its suggested name and its bytes.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SaveFileInput {
    /// Suggested file name (`处分决定书-2026-SANCTION-000001.pdf`).
    pub file_name: String,
    pub data: Vec<u8>,
}

/// Writes a file the app made (a PDF, an export, a package) at `path` readable by this OS account
/// only (0600 on Unix: it holds minors' personal data), replacing a file there (the save dialog
/// asked) but never writing through a symbolic link, which could point anywhere (the desktop's
/// own account is the trust boundary: no other process races the dialog's choice).
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "所选位置是一个符号链接，不写入",
        ));
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // An existing file keeps its mode on open: narrow it too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Only the last path component of a suggested name, without characters file systems refuse.
fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    if cleaned.is_empty() {
        "文书.pdf".to_owned()
    } else {
        cleaned.to_owned()
    }
}

type Ask = dyn Fn(String) -> oneshot::Receiver<Option<PathBuf>> + Send + Sync;

/// The system's save dialog, bound to the app's runtime at setup (so the commands are not generic
/// over the runtime, which the generated bindings cannot express).
pub struct SaveDialog(Box<Ask>);

impl SaveDialog {
    /// The native dialog of the app's dialog plugin; a `.pdf` name gets the PDF filter.
    pub fn new<R: Runtime>(handle: AppHandle<R>) -> Self {
        Self(Box::new(move |name: String| {
            let pdf = is_pdf(Path::new(&name));
            let mut dialog = handle
                .dialog()
                .file()
                .set_title(if pdf { "另存为 PDF" } else { "保存文件" })
                .set_file_name(&name);
            if pdf {
                dialog = dialog.add_filter("PDF 文件", &["pdf"]);
            }
            let (tx, rx) = oneshot::channel();
            dialog.save_file(move |path| {
                let _ = tx.send(path.and_then(|p| p.into_path().ok()));
            });
            rx
        }))
    }

    /// A dialog that always gives `answer` (`None`: the registrar cancels), for tests.
    pub fn answering(answer: Option<PathBuf>) -> Self {
        Self(Box::new(move |_name: String| {
            let (tx, rx) = oneshot::channel();
            let _ = tx.send(answer.clone());
            rx
        }))
    }

    /// Where to save `name`: the end-to-end folder when set, else the registrar's choice; `None`
    /// when cancelled.
    pub(crate) async fn ask(&self, name: String) -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os(E2E_SAVE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join(name));
        }
        (self.0)(name).await.ok().flatten()
    }
}

/// What the registrar is asked to choose in the open dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PickKind {
    /// An Excel workbook (.xlsx).
    Workbook,
    /// A signed archive package (.xjpkg).
    Package,
    /// A XueJi backup (.db).
    Backup,
    /// A folder (the off-site backup folder on a USB stick or a network share).
    Folder,
}

impl PickKind {
    fn filter(self) -> (&'static str, &'static [&'static str], &'static str) {
        match self {
            Self::Workbook => ("Excel 工作簿", &["xlsx"], "选择 Excel 文件"),
            Self::Package => ("学籍档案包", &["xjpkg"], "选择学籍档案包"),
            Self::Backup => ("学籍备份", &["db"], "选择备份文件"),
            Self::Folder => ("文件夹", &[], "选择文件夹"),
        }
    }
}

type Pick = dyn Fn(PickKind) -> oneshot::Receiver<Option<PathBuf>> + Send + Sync;

/// The system's open dialog, bound to the app's runtime at setup like [`SaveDialog`].
pub struct OpenDialog(Box<Pick>);

impl OpenDialog {
    pub fn new<R: Runtime>(handle: AppHandle<R>) -> Self {
        Self(Box::new(move |kind: PickKind| {
            let (name, extensions, title) = kind.filter();
            let (tx, rx) = oneshot::channel();
            let dialog = handle.dialog().file().set_title(title);
            let send = move |path: Option<tauri_plugin_dialog::FilePath>| {
                let _ = tx.send(path.and_then(|p| p.into_path().ok()));
            };
            if kind == PickKind::Folder {
                dialog.pick_folder(send);
            } else {
                dialog.add_filter(name, extensions).pick_file(send);
            }
            rx
        }))
    }
}

/// 打开系统的文件选择对话框；返回所选文件的路径，取消时返回空。
#[tauri::command]
#[specta::specta]
pub async fn file_pick(
    dialog: State<'_, OpenDialog>,
    kind: PickKind,
) -> Result<Option<String>, IpcError> {
    let picked = (dialog.0)(kind).await.ok().flatten();
    Ok(picked.map(|p| p.display().to_string()))
}

pub(crate) fn is_pdf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// 选择保存位置并写入文件；返回保存的路径，取消时返回空。
#[tauri::command]
#[specta::specta]
pub async fn file_save(
    state: State<'_, AppState>,
    dialog: State<'_, SaveDialog>,
    input: SaveFileInput,
) -> Result<Option<String>, IpcError> {
    // Only a logged-in user whose screen is not locked saves what the app made.
    {
        let (app, session) = super::session(&state).await?;
        super::app(&app)?.check_active(&session)?;
    }
    let Some(path) = dialog.ask(safe_name(&input.file_name)).await else {
        return Ok(None);
    };
    write_private(&path, &input.data).map_err(|e| {
        tracing::warn!(error = %e, "file save failed");
        IpcError::new(
            ErrorKind::Conflict,
            format!("无法写入所选位置：{}", xueji_store::io_reason(&e)),
        )
    })?;
    Ok(Some(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn a_saved_file_is_private_to_this_account_and_never_written_through_a_link() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("名册.xlsx");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        super::write_private(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, b"keep").unwrap();
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(super::write_private(&link, b"x").is_err());
        assert_eq!(
            std::fs::read(&target).unwrap(),
            b"keep",
            "the link's target untouched"
        );
    }

    #[test]
    fn a_suggested_name_cannot_leave_the_chosen_folder() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("a\\b\\处分决定书.pdf"), "处分决定书.pdf");
        assert_eq!(safe_name("x:?.pdf"), "x.pdf");
        assert_eq!(safe_name("   "), "文书.pdf");
    }
}
