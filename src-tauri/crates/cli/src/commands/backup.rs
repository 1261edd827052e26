//! `xueji backup create | restore | verify`, as a logged-in user with the right to manage
//! settings (issue 15): the audit row names that user, never the OS account. A restore uses the
//! password given for the login as the password asked again.

use std::path::{Path, PathBuf};

use serde_json::json;
use xueji_app::backup::RestoreInput;
use xueji_app::{App, Session};

use crate::error::{CliError, Result};
use crate::output;

/// `path` made absolute against the working directory (the use cases take full paths only).
fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| {
        CliError::Usage(format!(
            "无法解析路径 {}：{}",
            path.display(),
            xueji_store::io_reason(&e)
        ))
    })
}

pub async fn create(app: &App, session: &Session, json: bool, to: &Path) -> Result<()> {
    let to = absolute(to)?;
    let made = app
        .backup_create(session, Some(&to.display().to_string()))
        .await?;
    output::success(
        json,
        &format!("已创建加密备份：{}", made.path),
        json!({ "backup": made.path, "sizeBytes": made.size_bytes }),
    );
    Ok(())
}

pub async fn verify(app: &App, session: &Session, json: bool, file: &Path) -> Result<()> {
    let file = absolute(file)?;
    let report = app
        .backup_verify(session, &file.display().to_string())
        .await?;
    output::success(
        json,
        &format!(
            "备份校验通过：{}（完整性、加密页校验、审计链 {} 条均正常）",
            report.path, report.audit_rows
        ),
        json!({ "backup": report.path, "auditRows": report.audit_rows }),
    );
    Ok(())
}

/// Restores `from` over the database; the app is consumed (closed and reopened on the restored
/// file) and closed here, with the session on the restored database logged out.
pub async fn restore(
    app: App,
    session: &Session,
    password: String,
    json: bool,
    from: &Path,
) -> Result<()> {
    let from = absolute(from)?;
    let input = RestoreInput {
        file: from.display().to_string(),
        password,
    };
    let restored = app.backup_restore(session, &input).await;
    if let Some(app) = restored.app {
        // Refused: still the old database with the caller logged in. Done: the restored one,
        // where the caller was logged in again when the copy has the account.
        let logged_in = if restored.result.is_err() {
            Some(session)
        } else {
            restored.session.as_ref()
        };
        if let Some(s) = logged_in {
            let _ = app.logout(s).await;
        }
        app.close().await;
    }
    let view = restored.result?;
    let text = match &view.previous_saved_as {
        Some(p) => format!(
            "已从备份恢复：{}\n原数据库已另存为：{p}",
            view.restored_from
        ),
        None => format!("已从备份恢复：{}", view.restored_from),
    };
    output::success(
        json,
        &text,
        json!({
            "restoredFrom": view.restored_from,
            "previousSavedAs": view.previous_saved_as,
            "auditRows": view.audit_rows,
        }),
    );
    Ok(())
}
