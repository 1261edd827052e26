//! The system print service: a CUPS-style `lp` program (configurable), kept apart from the use
//! cases in [`crate::printing`] so the [`crate::App`] can hold one without depending on them.

use std::path::PathBuf;
use std::process::Command;

use crate::error::{AppError, Result};

/// The system print service: a CUPS-style `lp` program (configurable, e.g. a print-to-file
/// queue for tests), or none where the platform has no such command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintService {
    pub program: Option<PathBuf>,
}

impl PrintService {
    /// `XUEJI_PRINT_COMMAND` when set; else `lp` where CUPS is the print system (Linux, macOS);
    /// none on Windows.
    pub fn from_env() -> Self {
        if let Some(p) = std::env::var_os("XUEJI_PRINT_COMMAND").filter(|p| !p.is_empty()) {
            return Self {
                program: Some(PathBuf::from(p)),
            };
        }
        Self {
            program: cfg!(unix).then(|| PathBuf::from("lp")),
        }
    }

    /// The `lp` arguments that keep the document's geometry: one copy, A4, 100 %, no fit-to-page.
    pub fn arguments(printer: Option<&str>) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(p) = printer {
            args.push("-d".to_owned());
            args.push(p.to_owned());
        }
        for o in [
            "scaling=100",
            "fit-to-page=false",
            "print-scaling=none",
            "media=A4",
            "sides=one-sided",
        ] {
            args.push("-o".to_owned());
            args.push(o.to_owned());
        }
        args.extend([
            "-n".to_owned(),
            "1".to_owned(),
            "-t".to_owned(),
            "XueJi".to_owned(),
        ]);
        args
    }

    /// Sends a PDF: written to a private temporary file, handed to the program, removed.
    pub(crate) fn send(&self, pdf: &[u8], printer: Option<&str>) -> Result<String> {
        let program = self.program.as_ref().ok_or_else(unavailable)?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path =
            std::env::temp_dir().join(format!("xueji-print-{}-{stamp}.pdf", std::process::id()));
        std::fs::write(&path, pdf).map_err(|e| {
            AppError::internal(format!(
                "无法写入打印临时文件：{}",
                xueji_store::io_reason(&e)
            ))
        })?;
        let output = Command::new(program)
            .args(Self::arguments(printer))
            .arg("--")
            .arg(&path)
            .output();
        let _ = std::fs::remove_file(&path);
        let output = output.map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                unavailable()
            } else {
                AppError::internal(format!(
                    "无法调用系统打印服务：{}",
                    xueji_store::io_reason(&e)
                ))
            }
        })?;
        if !output.status.success() {
            let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            return Err(AppError::conflict(format!(
                "打印服务拒绝了打印任务：{message}"
            )));
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }
}

fn unavailable() -> AppError {
    AppError::conflict("本机没有可用的系统打印服务（CUPS lp），请改用浏览器打印（300 dpi）")
}
