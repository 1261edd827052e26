//! `xueji export <kind> --approval-ref REF --approved-on DATE --purpose P --out FILE`: controlled
//! exports (R30.2; statistics and the 查重 list sent to the bureau need no approval).
//! The file and the audit log carry who exported what, when, under which approval and for what.

use serde_json::json;
use xueji_app::export::{ExportKind, ExportRequest};
use xueji_app::picked_file::PickedKind;

use crate::args::{ExportArgs, ExportKindArg};
use crate::error::{CliError, Result};
use crate::output;

pub async fn run(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json_mode: bool,
    args: ExportArgs,
) -> Result<()> {
    let request = ExportRequest {
        approval_ref: args.approval.approval_ref,
        approved_on: args.approval.approved_on,
        purpose: args.purpose,
        grade: args.grade,
        class_name: args.class_name,
        from: args.from,
        to: args.to,
    };
    let file = match args.kind {
        ExportKindArg::DuplicateCheck => {
            let path = args.candidates.ok_or_else(|| {
                CliError::Usage("导出全国查重名单须用 --candidates 给出候选学生名单文件".to_owned())
            })?;
            let bytes = crate::commands::read_picked(&path, PickedKind::Workbook)?;
            app.export_duplicate_check(session, &bytes, &request)
                .await?
        }
        kind => {
            let kind = match kind {
                ExportKindArg::Roster => ExportKind::Roster,
                ExportKindArg::Statistics => ExportKind::Statistics,
                _ => ExportKind::Changes,
            };
            app.export(session, kind, &request).await?
        }
    };
    std::fs::write(&args.out, &file.bytes).map_err(|source| CliError::Write {
        path: args.out.display().to_string(),
        source,
    })?;
    output::success(
        json_mode,
        &format!(
            "已导出 {} 行到 {}（文件已标注导出人、时间、批准文号和用途，并记入审计日志）",
            file.rows,
            args.out.display()
        ),
        json!({ "file": args.out.display().to_string(), "rows": file.rows }),
    );
    Ok(())
}
