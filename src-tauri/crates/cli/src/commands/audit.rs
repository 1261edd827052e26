//! `xueji audit verify|list|actions`.

use std::fmt::Write as _;

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
            let extra = json!({ "rows": report.rows, "firstProblem": problem });
            println!("{}", output::Failure::of(&err).to_json(extra));
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

/// `audit list`: a page of the log, newest first (reading it is audited too).
pub async fn list(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    a: &crate::args::AuditListArgs,
) -> Result<()> {
    let student_id = match &a.student {
        Some(key) => Some(super::student::resolve(app, session, key).await?),
        None => None,
    };
    let filter = xueji_app::audit_log::AuditFilter {
        user: a.user.clone(),
        action: a.action,
        from: a.from,
        to: a.to,
        student_id,
        page: a.page,
        page_size: a.page_size,
    };
    let page = app.audit_list(session, &filter).await?;
    let mut text = format!("共 {} 条（第 {} 页）", page.total, page.page);
    for r in &page.rows {
        let _ = write!(
            text,
            "\n{}\t{}\t{}\t{}\t{}",
            r.seq, r.at, r.user, r.action_label, r.target
        );
    }
    output::success(json, &text, json!({ "page": page }));
    Ok(())
}

/// `audit actions`: every action code and its label, for `audit list --action`.
pub fn actions(json: bool) {
    let all = xueji_app::audit_log::audit_actions();
    let text: Vec<String> = all
        .iter()
        .map(|a| format!("{}\t{}", a.code.code(), a.label))
        .collect();
    output::success(json, &text.join("\n"), json!({ "actions": all }));
}
