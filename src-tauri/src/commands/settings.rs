//! 设置: school profile, terms, idle lock, hardship notice period (the working-day calendar is in
//! `calendar.rs`): thin
//! calls into `xueji-app`.

use tauri::State;
use xueji_app::SchoolProfile;
use xueji_app::settings_view::{SettingsView, TermView};

use crate::error::IpcError;
use crate::state::AppState;

/// 设置页的全部内容：学校信息、规则版本、工作日历、学期、闲置锁定、公示期、备份计划。
#[tauri::command]
#[specta::specta]
pub async fn settings_get(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.settings_get(&session).await?)
}

/// 修改学校信息（含规则版本）。
#[tauri::command]
#[specta::specta]
pub async fn school_update(
    state: State<'_, AppState>,
    profile: SchoolProfile,
) -> Result<SchoolProfile, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.school_update(&session, &profile).await?)
}

/// 设置各学期的开学与结束日期。
#[tauri::command]
#[specta::specta]
pub async fn terms_set(
    state: State<'_, AppState>,
    terms: Vec<TermView>,
) -> Result<Vec<TermView>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.terms_update(&session, &terms).await?)
}

/// 设置闲置锁定时间（1–60 分钟，不能关闭，R30.3）。
#[tauri::command]
#[specta::specta]
pub async fn idle_lock_set(state: State<'_, AppState>, minutes: u32) -> Result<(), IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?.idle_lock_set(&session, minutes).await?)
}

/// 设置家庭经济困难认定的公示期（工作日）。
#[tauri::command]
#[specta::specta]
pub async fn hardship_notice_days_set(
    state: State<'_, AppState>,
    days: u32,
) -> Result<(), IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .hardship_notice_days_set(&session, days)
        .await?)
}

/// 更改适用的规则版本（学校审批人，须说明理由）。
#[tauri::command]
#[specta::specta]
pub async fn rule_profile_change(
    state: State<'_, AppState>,
    input: xueji_app::rule_profile::RuleProfileChangeInput,
) -> Result<SchoolProfile, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .rule_profile_change(&session, &input)
        .await?)
}
