//! First run, unlocking the database, logging in and out, the lock screen.

use std::sync::Arc;

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use xueji_app::{App, InitInput, SessionView, SystemClock};
use xueji_store::{DataDir, KeyStore, RecoveryCode};

use crate::error::{ErrorCode, ErrorKind, IpcError};
use crate::state::AppState;

/// Where the app stands at start: set up yet, database open, who is logged in.
// Four independent facts the router reads, not a state machine in disguise.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SetupStatus {
    /// A database exists in the data folder.
    pub initialized: bool,
    /// The database is open (its key was found or the recovery code given).
    pub unlocked: bool,
    /// The database exists but the OS keyring has no key for it: only the recovery code opens it.
    pub key_missing: bool,
    pub session: Option<SessionView>,
    /// The logged-in session is locked (the lock button or idle time): unlock with the password.
    pub locked: bool,
}

/// The recovery code, shown once after the first run.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryCodeView {
    /// `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`
    pub code: String,
}

fn data(state: &AppState) -> DataDir {
    DataDir::new(state.data_dir.clone())
}

fn keys(state: &AppState) -> Result<KeyStore, IpcError> {
    if let Some(keys) = &state.keys {
        return Ok(keys.clone());
    }
    KeyStore::from_env(&data(state)).map_err(|e| IpcError::from(xueji_app::AppError::from(e)))
}

/// Whether an error from [`ensure_open`] means the keyring has no key for the database.
fn is_key_missing(e: &IpcError) -> bool {
    e.code == ErrorCode::KeyMissing
}

/// Opens the database with the key from the OS keyring, if not open yet.
async fn ensure_open(state: &AppState) -> Result<(), IpcError> {
    let mut app = state.app.write().await;
    if app.is_none() {
        match App::open(data(state), keys(state)?, Arc::new(SystemClock)).await {
            Ok(opened) => *app = Some(opened),
            Err(e) if e.code == ErrorCode::KeyMissing => {
                return Err(IpcError::from(e).with_field("recoveryCode", "请输入恢复码"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Whether the app is set up, open and logged in. A set-up database is opened here with the key
/// from the OS keyring, so the login page knows whether the key is there (else: the recovery
/// code).
#[tauri::command]
#[specta::specta]
pub async fn setup_status(state: State<'_, AppState>) -> Result<SetupStatus, IpcError> {
    let initialized = data(&state).database().exists();
    let mut key_missing = false;
    if initialized {
        match ensure_open(&state).await {
            Ok(()) => {}
            Err(e) if is_key_missing(&e) => key_missing = true,
            Err(e) => return Err(e),
        }
    }
    let app = state.app.read().await;
    let session = state.session.read().await;
    let (session, locked) = match (app.as_ref(), session.as_ref()) {
        (Some(app), Some(s)) => (Some(s.view(app.config().idle_lock_minutes)), s.is_locked()),
        _ => (None, false),
    };
    Ok(SetupStatus {
        initialized,
        unlocked: app.is_some(),
        key_missing,
        session,
        locked,
    })
}

/// First run: creates the encrypted database, the school and the first registrar account.
#[tauri::command]
#[specta::specta]
pub async fn setup_init(
    state: State<'_, AppState>,
    input: InitInput,
) -> Result<RecoveryCodeView, IpcError> {
    let mut app = state.app.write().await;
    let (opened, code) =
        App::init(data(&state), keys(&state)?, &input, Arc::new(SystemClock)).await?;
    *app = Some(opened);
    Ok(RecoveryCodeView {
        code: code.grouped(),
    })
}

/// Asks where to save the recovery code (the system's save dialog) and writes it there as a short
/// text file. Returns false when the registrar cancelled. The code is never logged.
#[tauri::command]
#[specta::specta]
pub async fn recovery_code_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    code: String,
    school_name: String,
) -> Result<bool, IpcError> {
    let code = RecoveryCode::parse(&code)
        .map_err(|_| IpcError::new(ErrorKind::Validation, "恢复码格式不正确"))?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("保存恢复码")
        .set_file_name("学籍管理-恢复码.txt")
        .add_filter("文本文件", &["txt"])
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten() else {
        return Ok(false);
    };
    let path = path
        .into_path()
        .map_err(|_| IpcError::new(ErrorKind::Validation, "无法保存到所选位置"))?;
    let text = recovery_code_text(&school_name, &code.grouped(), &state.data_dir);
    std::fs::write(&path, text).map_err(|e| {
        // The cause names the file, never the code.
        tracing::warn!(error = %e, "could not write the recovery code file");
        IpcError::new(
            ErrorKind::Validation,
            format!("无法写入所选文件：{}", e.kind()),
        )
    })?;
    Ok(true)
}

/// The text of a saved recovery code file.
fn recovery_code_text(school_name: &str, code: &str, data_dir: &std::path::Path) -> String {
    format!(
        "学籍管理 XueJi 数据库恢复码\r\n\r\n\
         学校：{school_name}\r\n\
         数据文件夹：{}\r\n\r\n\
         恢复码：{code}\r\n\r\n\
         本机钥匙串中的数据库密钥丢失时（例如重装系统后），凭此恢复码打开数据库。\r\n\
         请打印后存放在保险柜等安全处，并删除本文件的电子副本；任何人持有恢复码和数据文件即可读取全部学籍数据。\r\n",
        data_dir.display()
    )
}

/// Opens the database with the recovery code when the keyring lost its key.
#[tauri::command]
#[specta::specta]
pub async fn setup_recover(state: State<'_, AppState>, code: String) -> Result<(), IpcError> {
    let mut app = state.app.write().await;
    if app.is_none() {
        *app = Some(App::recover(data(&state), keys(&state)?, &code, Arc::new(SystemClock)).await?);
    }
    Ok(())
}

/// 从备份恢复（新电脑）: rebuilds the empty data folder from a backup file and the recovery code
/// it was made under; then the login page (the backup's accounts).
#[tauri::command]
#[specta::specta]
pub async fn setup_restore_backup(
    state: State<'_, AppState>,
    file: String,
    code: String,
) -> Result<(), IpcError> {
    let mut app = state.app.write().await;
    if app.is_some() {
        return Err(IpcError::new(
            ErrorKind::Conflict,
            "数据库已打开，请在“备份”页面恢复",
        ));
    }
    let restored = App::restore_on_new_computer(
        data(&state),
        keys(&state)?,
        &file,
        &code,
        Arc::new(SystemClock),
    )
    .await?;
    *app = Some(restored);
    Ok(())
}

/// Logs in.
#[tauri::command]
#[specta::specta]
pub async fn auth_login(
    state: State<'_, AppState>,
    username: String,
    password: String,
) -> Result<SessionView, IpcError> {
    ensure_open(&state).await?;
    let app = state.app.read().await;
    let app = app.as_ref().ok_or_else(|| IpcError::internal(&"no app"))?;
    let session = app.login(&username, &password).await?;
    let view = session.view(app.config().idle_lock_minutes);
    *state.session.write().await = Some(Arc::new(session));
    Ok(view)
}

/// Logs out.
#[tauri::command]
#[specta::specta]
pub async fn auth_logout(state: State<'_, AppState>) -> Result<(), IpcError> {
    let session = state.session.write().await.take();
    let app = state.app.read().await;
    if let (Some(app), Some(session)) = (app.as_ref(), session) {
        app.logout(&session).await?;
    }
    Ok(())
}

/// Locks the screen now.
#[tauri::command]
#[specta::specta]
pub async fn auth_lock(state: State<'_, AppState>) -> Result<(), IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = app.as_ref().ok_or_else(|| IpcError::internal(&"no app"))?;
    app.lock_session(&session);
    Ok(())
}

/// Unlocks the screen with the user's password.
#[tauri::command]
#[specta::specta]
pub async fn auth_unlock(state: State<'_, AppState>, password: String) -> Result<(), IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = app.as_ref().ok_or_else(|| IpcError::internal(&"no app"))?;
    Ok(app.unlock(&session, &password).await?)
}

/// The UI's first screen (login, wizard or recovery) is on the window. With `XUEJI_REPORT_READY`
/// set, prints the time since the process started to stderr (the start-up bench reads it).
#[tauri::command]
#[specta::specta]
pub fn ui_ready(screen: String) -> Result<(), IpcError> {
    if std::env::var_os(crate::READY_ENV).is_some() {
        let ms = crate::started().elapsed().as_secs_f64() * 1000.0;
        eprintln!("XUEJI_UI_READY screen={screen} ms={ms:.0}");
    }
    Ok(())
}
