//! First run, unlocking the database, logging in and out, the lock screen.

use std::sync::Arc;

use serde::Serialize;
use tauri::State;
use xueji_app::{App, InitInput, SessionView, SystemClock};
use xueji_store::{DataDir, KeyStore, StoreError};

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

/// Where the app stands at start: set up yet, database open, who is logged in.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SetupStatus {
    /// A database exists in the data folder.
    pub initialized: bool,
    /// The database is open (its key was found or the recovery code given).
    pub unlocked: bool,
    pub session: Option<SessionView>,
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

/// Opens the database with the key from the OS keyring, if not open yet.
async fn ensure_open(state: &AppState) -> Result<(), IpcError> {
    let mut app = state.app.write().await;
    if app.is_none() {
        match App::open(data(state), keys(state)?, Arc::new(SystemClock)).await {
            Ok(opened) => *app = Some(opened),
            Err(e) if e.message == StoreError::KeyMissing.to_string() => {
                return Err(IpcError::new(ErrorKind::Locked, e.message)
                    .with_field("recoveryCode", "请输入恢复码"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Whether the app is set up, open and logged in.
#[tauri::command]
#[specta::specta]
pub async fn setup_status(state: State<'_, AppState>) -> Result<SetupStatus, IpcError> {
    let initialized = data(&state).database().exists();
    let app = state.app.read().await;
    let session = state.session.read().await;
    Ok(SetupStatus {
        initialized,
        unlocked: app.is_some(),
        session: match (app.as_ref(), session.as_ref()) {
            (Some(app), Some(s)) => Some(s.view(app.config().idle_lock_minutes)),
            _ => None,
        },
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
