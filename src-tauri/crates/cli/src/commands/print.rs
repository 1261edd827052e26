//! `xueji print …`: documents as PDF.

use std::path::Path;

use serde_json::json;

use crate::error::{CliError, Result};
use crate::output;

/// `xueji print sample --list` / `--kind K --out FILE`: every template with built-in sample data,
/// so anyone can preview it without a database.
pub fn sample(json: bool, list: bool, kind: Option<&str>, out: Option<&Path>) -> Result<()> {
    if list {
        let kinds = xueji_print::samples::list();
        let text = kinds
            .iter()
            .map(|k| format!("{}\t{}", k.key, k.title))
            .collect::<Vec<_>>()
            .join("\n");
        let items: Vec<_> = kinds
            .iter()
            .map(|k| json!({ "kind": k.key, "title": k.title }))
            .collect();
        output::success(json, &text, json!({ "kinds": items }));
        return Ok(());
    }
    // clap requires both unless --list is given.
    let (Some(kind), Some(out)) = (kind, out) else {
        return Err(CliError::MissingInput("--kind 与 --out"));
    };
    let pdf = xueji_print::samples::render(kind)?;
    std::fs::write(out, &pdf).map_err(|source| CliError::Write {
        path: out.display().to_string(),
        source,
    })?;
    output::success(
        json,
        &format!("已生成样张：{}（{} 字节）", out.display(), pdf.len()),
        json!({ "kind": kind, "out": out.display().to_string(), "bytes": pdf.len() }),
    );
    Ok(())
}

/// `xueji print <kind> --student … --out FILE`: a document from the database's real data,
/// audited and numbered in the issued-document log.
pub async fn document(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json: bool,
    args: &crate::args::PrintArgs,
) -> Result<()> {
    use xueji_app::documents::{BatchFilter, DocumentRequest, PrintKind};
    let (Some(kind), Some(out)) = (args.kind.as_deref(), args.out.as_deref()) else {
        return Err(CliError::Usage(
            "请给出文书种类和 --out 输出文件".to_owned(),
        ));
    };
    let kind: PrintKind = serde_json::from_value(json!(kind.trim())).map_err(|_| {
        let known = PrintKind::ALL
            .iter()
            .filter(|k| k.on_print_page())
            .map(|k| {
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("、");
        CliError::Usage(format!("未知的文书种类：{kind}（可用：{known}）"))
    })?;
    let mut student_ids = Vec::new();
    for key in &args.student {
        student_ids.push(super::student::resolve(app, session, key).await?);
    }
    let filter =
        (student_ids.is_empty() && (args.grade.is_some() || args.class.is_some())).then(|| {
            BatchFilter {
                grade: args.grade,
                class_name: args.class.clone(),
                statuses: Vec::new(),
                include_archived: false,
            }
        });
    let printed = app
        .document_print(
            session,
            &DocumentRequest {
                approval: Some(xueji_app::disclosure::ApprovalInput {
                    approval_ref: args.approval.approval_ref.clone(),
                    approved_on: args.approval.approved_on,
                }),
                kind,
                student_ids,
                filter,
                certificate: None,
            },
        )
        .await?;
    std::fs::write(out, &printed.pdf).map_err(|source| CliError::Write {
        path: out.display().to_string(),
        source,
    })?;
    output::success(
        json,
        &format!(
            "已打印 {} 份：{}（编号 {}）",
            printed.documents,
            out.display(),
            printed.serials.join("、")
        ),
        json!({ "out": out.display().to_string(), "documents": printed.documents, "serials": printed.serials, "bytes": printed.pdf.len() }),
    );
    Ok(())
}
