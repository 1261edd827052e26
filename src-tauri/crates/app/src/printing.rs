//! How certificates reach paper (R26.1: the province's pre-printed blank): the print settings
//! (the certificate's print mode, the default printer, each printer's over-print offset), the
//! calibration page, and the system print service. The PDF goes to the print service as it is,
//! vector and at 100 %: on Linux and macOS through CUPS `lp` with scaling 100 and no
//! fit-to-page, so an over-print lands inside the blank's boxes. Where there is no such service
//! (Windows) the UI prints through the browser at 300 dpi instead.

use std::process::Command;

use xueji_domain::AuditAction;
use xueji_print::documents::calibration::CalibrationPage;
use xueji_print::documents::certificate::PrintMode;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::settings;

pub use crate::print_service::PrintService;

/// The setting row that keeps [`PrintSettings`].
pub const PRINT_SETTINGS: &str = "print.settings";
/// The largest offset accepted, in mm: more means the wrong paper or a wrong setting.
pub const MAX_OFFSET_MM: f32 = 30.0;

/// How certificates are printed by default.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum CertificateMode {
    /// 整页打印（白纸）: the whole form on plain paper.
    #[default]
    Full,
    /// 套打（预印空白证书）: only the data, onto the province's blank, moved by the printer's offset.
    Overprint,
}

/// One printer's over-print offset: positive moves the print right and down.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrinterOffset {
    pub printer: String,
    pub right_mm: f32,
    pub down_mm: f32,
}

/// The print settings.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintSettings {
    pub certificate_mode: CertificateMode,
    /// The printer used when none is chosen; `None`: the system's default printer.
    pub default_printer: Option<String>,
    pub printers: Vec<PrinterOffset>,
}

impl PrintSettings {
    /// The offset of a printer (the default printer when `None`); zero for one not listed.
    pub fn offset_of(&self, printer: Option<&str>) -> (f32, f32) {
        let name = printer.or(self.default_printer.as_deref());
        name.and_then(|n| self.printers.iter().find(|p| p.printer == n))
            .map_or((0.0, 0.0), |p| (p.right_mm, p.down_mm))
    }

    /// The print crate's mode for a certificate.
    pub fn print_mode(&self, choice: Option<&CertificatePrint>) -> PrintMode {
        let mode = choice.map_or(self.certificate_mode, |c| c.mode);
        match mode {
            CertificateMode::Full => PrintMode::Full,
            CertificateMode::Overprint => {
                let (right, down) = self.offset_of(choice.and_then(|c| c.printer.as_deref()));
                PrintMode::Overprint { right, down }
            }
        }
    }

    fn check(&self) -> Result<Self> {
        let mut out = self.clone();
        out.default_printer = out
            .default_printer
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        let mut seen = std::collections::HashSet::new();
        for (i, p) in out.printers.iter_mut().enumerate() {
            p.printer = p.printer.trim().to_owned();
            if p.printer.is_empty() {
                return Err(AppError::validation(
                    &format!("printers.{i}.printer"),
                    "请填写打印机名称",
                ));
            }
            if !seen.insert(p.printer.clone()) {
                return Err(AppError::validation(
                    &format!("printers.{i}.printer"),
                    format!("打印机“{}”重复", p.printer),
                ));
            }
            for (field, mm) in [("rightMm", p.right_mm), ("downMm", p.down_mm)] {
                if !mm.is_finite() || mm.abs() > MAX_OFFSET_MM {
                    return Err(AppError::validation(
                        &format!("printers.{i}.{field}"),
                        format!("偏移量应在 -{MAX_OFFSET_MM} 至 {MAX_OFFSET_MM} 毫米之间"),
                    ));
                }
            }
            // Tenths of a millimetre: what a ruler measures.
            p.right_mm = (p.right_mm * 10.0).round() / 10.0;
            p.down_mm = (p.down_mm * 10.0).round() / 10.0;
        }
        Ok(out)
    }
}

/// The mode (and printer, for its offset) chosen for one certificate print.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CertificatePrint {
    pub mode: CertificateMode,
    pub printer: Option<String>,
}

/// What the print service said about a job.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintJobView {
    /// The service's answer (e.g. `request id is HP-12 (1 file(s))`).
    pub message: String,
}

impl App {
    /// The print settings.
    pub async fn print_settings_get(&self, session: &Session) -> Result<PrintSettings> {
        self.authorize(session, Permission::PrintDocuments).await?;
        Ok(settings::get(self.db(), PRINT_SETTINGS)
            .await?
            .unwrap_or_default())
    }

    /// Saves the print settings (mode, default printer, each printer's offset).
    pub async fn print_settings_set(
        &self,
        session: &Session,
        input: &PrintSettings,
    ) -> Result<PrintSettings> {
        self.authorize(session, Permission::ManageSettings).await?;
        let checked = input.check()?;
        settings::put(self.db(), PRINT_SETTINGS, &checked).await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::SettingsChange,
            "print.settings",
        )
        .await?;
        Ok(checked)
    }

    /// The print crate's mode for a certificate print: the choice, else the settings.
    pub(crate) async fn certificate_mode(
        &self,
        choice: Option<&CertificatePrint>,
    ) -> Result<PrintMode> {
        let s: PrintSettings = settings::get(self.db(), PRINT_SETTINGS)
            .await?
            .unwrap_or_default();
        Ok(s.print_mode(choice))
    }

    /// The calibration page for a printer (the default printer when `None`), drawn with its
    /// offset; audited as a print.
    pub async fn print_calibration_page(
        &self,
        session: &Session,
        printer: Option<&str>,
    ) -> Result<Vec<u8>> {
        let s = self.print_settings_get(session).await?;
        let (right, down) = s.offset_of(printer);
        let name = printer
            .or(s.default_printer.as_deref())
            .unwrap_or("系统默认打印机")
            .to_owned();
        let page = CalibrationPage {
            printer: name,
            right,
            down,
            printed_on: self.today(),
        };
        let pdf = xueji_print::render(&page).map_err(|e| AppError::internal(e.to_string()))?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Print,
            "kind:calibration_page",
        )
        .await?;
        Ok(pdf)
    }

    /// Replaces the print service (the shell's choice at start-up; a print-to-file queue in tests).
    pub fn set_print_service(&self, service: PrintService) {
        *self
            .print_service
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = service;
    }

    /// Whether a system print service is configured (else the UI prints through the browser).
    pub fn print_service_available(&self) -> bool {
        self.print_service
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .program
            .is_some()
    }

    /// Sends a printed PDF as it is (vector, 100 %, no fit-to-page) to the system print service.
    pub async fn print_send(
        &self,
        session: &Session,
        pdf: &[u8],
        printer: Option<&str>,
    ) -> Result<PrintJobView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        if !pdf.starts_with(b"%PDF") {
            return Err(AppError::validation("pdf", "要打印的内容不是 PDF 文件"));
        }
        let printer = printer.map(str::trim).filter(|p| !p.is_empty());
        let service = self
            .print_service
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let owned = pdf.to_vec();
        let target = printer.map(str::to_owned);
        let message = tokio::task::spawn_blocking(move || service.send(&owned, target.as_deref()))
            .await
            .map_err(|e| AppError::internal(e.to_string()))??;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Print,
            "print_service job",
        )
        .await?;
        Ok(PrintJobView { message })
    }
}

/// The printers the system print service knows (`lpstat -e`); empty when there is none.
pub fn system_printers() -> Vec<String> {
    Command::new("lpstat")
        .arg("-e")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
