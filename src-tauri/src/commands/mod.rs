//! Tauri commands: thin, one use case each, named `<area>_<verb>`.
//!
//! Tauri hands `State` and inputs to commands by value, and every command returns
//! `Result<_, IpcError>` so the generated bindings have one shape: hence the two allowances.
#![allow(clippy::needless_pass_by_value, clippy::unnecessary_wraps)]

pub mod app;
pub mod auth;
pub mod backup;
pub mod batches;
pub mod calendar;
pub mod changes;
pub mod dashboard;
pub mod documents;
pub mod exchange;
pub mod files;
pub mod handover;
pub mod hardship;
pub mod printing;
pub mod settings;
pub mod statistics;
pub mod students;
pub mod users;

use std::sync::Arc;

use tokio::sync::RwLockReadGuard;
use xueji_app::{App, Session};

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

/// The open app (read-locked for the command) and the logged-in session, or why not.
pub(crate) async fn session(
    state: &AppState,
) -> Result<(RwLockReadGuard<'_, Option<App>>, Arc<Session>), IpcError> {
    let app = state.app.read().await;
    if app.is_none() {
        return Err(IpcError::new(ErrorKind::Locked, "数据库尚未打开，请先登录"));
    }
    let session = state
        .session
        .read()
        .await
        .clone()
        .ok_or_else(|| IpcError::new(ErrorKind::Locked, "请先登录"))?;
    Ok((app, session))
}

/// The app behind a guard from [`session`].
pub(crate) fn app<'a>(guard: &'a RwLockReadGuard<'_, Option<App>>) -> Result<&'a App, IpcError> {
    guard
        .as_ref()
        .ok_or_else(|| IpcError::new(ErrorKind::Locked, "数据库尚未打开，请先登录"))
}
