//! 打印设置与系统打印服务: thin calls into `xueji-app` (print mode, per-printer offsets, the
//! calibration page, sending the vector PDF to CUPS `lp` at 100 %).

use tauri::State;
use xueji_app::printing::{PrintJobView, PrintSettings, system_printers};

use crate::error::IpcError;
use crate::state::AppState;

/// What the print dialog needs: the settings, the system's printers and whether the system
/// print service is there (else the browser prints at 300 dpi).
#[derive(Clone, Debug, PartialEq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintSetupView {
    pub settings: PrintSettings,
    pub system_printers: Vec<String>,
    pub service_available: bool,
}

/// 打印设置：证书打印方式、默认打印机、各打印机的套打偏移，以及本机的打印机列表。
#[tauri::command]
#[specta::specta]
pub async fn print_setup_get(state: State<'_, AppState>) -> Result<PrintSetupView, IpcError> {
    let (app, session) = super::session(&state).await?;
    let app = super::app(&app)?;
    let settings = app.print_settings_get(&session).await?;
    let printers = tauri::async_runtime::spawn_blocking(system_printers)
        .await
        .unwrap_or_default();
    Ok(PrintSetupView {
        settings,
        system_printers: printers,
        service_available: app.print_service_available(),
    })
}

/// 保存打印设置。
#[tauri::command]
#[specta::specta]
pub async fn print_settings_set(
    state: State<'_, AppState>,
    settings: PrintSettings,
) -> Result<PrintSettings, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .print_settings_set(&session, &settings)
        .await?)
}

/// 打印机的套打校准页（PDF，按该打印机的偏移绘制）。
#[tauri::command]
#[specta::specta]
pub async fn print_calibration_page(
    state: State<'_, AppState>,
    printer: Option<String>,
) -> Result<Vec<u8>, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .print_calibration_page(&session, printer.as_deref())
        .await?)
}

/// 把 PDF 原样（矢量、100% 实际大小、不适合页面）交给系统打印服务。
#[tauri::command]
#[specta::specta]
pub async fn print_send(
    state: State<'_, AppState>,
    pdf: Vec<u8>,
    printer: Option<String>,
) -> Result<PrintJobView, IpcError> {
    let (app, session) = super::session(&state).await?;
    Ok(super::app(&app)?
        .print_send(&session, &pdf, printer.as_deref())
        .await?)
}
