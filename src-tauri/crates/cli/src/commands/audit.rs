//! `xueji audit verify`.

use serde_json::json;

use super::{Ctx, open};
use crate::error::{CliError, Result};
use crate::output;

pub async fn verify(ctx: &Ctx) -> Result<()> {
    let store = open(ctx).await?;
    let report = store.verify_audit().await;
    store.close().await;
    let report = report?;
    if let Some(problem) = &report.first_problem {
        if ctx.json {
            let err = CliError::AuditBroken(problem.to_string());
            println!(
                "{}",
                json!({
                    "ok": false,
                    "kind": err.kind(),
                    "code": err.code(),
                    "message": err.to_string(),
                    "fields": [],
                    "exitCode": err.exit_code(),
                    "rows": report.rows,
                    "firstProblem": problem,
                })
            );
            std::process::exit(err.exit_code());
        }
        return Err(CliError::AuditBroken(problem.to_string()));
    }
    output::success(
        ctx.json,
        &format!("审计日志完整：共 {} 条，哈希链无断点。", report.rows),
        json!({ "rows": report.rows }),
    );
    Ok(())
}
