//! `xueji print …`: documents as PDF.

use std::path::Path;

use serde_json::json;

use crate::error::{CliError, Result};
use crate::output;

/// How a kind is printed from the command line, when not by `xueji print <kind>`.
fn printed_by(kind: &str) -> Option<&'static str> {
    (kind == xueji_print::samples::HARDSHIP_FORM).then_some("xueji hardship form <申请编号>")
}

/// One document kind of `print --list` and `print sample --list` (schema `print-kinds`).
#[derive(serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KindItem {
    /// The kind as the register of issued documents spells it (`record_card`).
    kind: &'static str,
    /// The sample's variant (`graduated`), if the kind has more than one.
    variant: Option<&'static str>,
    title: &'static str,
    /// The command that prints it, when not `xueji print <kind>`.
    printed_by: Option<&'static str>,
}

/// The kinds, with their variants and how each is printed: the same list for `print --list` and
/// `print sample --list`.
fn kinds_json() -> Vec<KindItem> {
    xueji_print::samples::list()
        .iter()
        .map(|k| KindItem {
            kind: k.kind(),
            variant: k.variant(),
            title: k.title,
            printed_by: printed_by(k.kind()),
        })
        .collect()
}

fn kinds_text() -> String {
    xueji_print::samples::list()
        .iter()
        .map(|k| {
            let variant = k
                .variant()
                .map(|v| format!(" --variant {v}"))
                .unwrap_or_default();
            let how = printed_by(k.kind())
                .map(|c| format!("（用 {c} 打印）"))
                .unwrap_or_default();
            format!("{}{variant}\t{}{how}", k.kind(), k.title)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `xueji print --list`.
pub fn list(json: bool) {
    output::success(json, &kinds_text(), json!({ "kinds": kinds_json() }));
}

/// `xueji print sample --list` / `--kind K [--variant V] --out FILE`: every template with built-in
/// sample data, so anyone can preview it without a database. `key` is `kind` or `kind:variant`.
pub fn sample(json: bool, list: bool, key: Option<&str>, out: Option<&Path>) -> Result<()> {
    if list {
        self::list(json);
        return Ok(());
    }
    // clap requires both unless --list is given.
    let (Some(key), Some(out)) = (key, out) else {
        return Err(CliError::MissingInput("--kind 与 --out"));
    };
    if !xueji_print::samples::list().iter().any(|k| k.key == key) {
        let (kind, variant) = key.split_once(':').unwrap_or((key, ""));
        return Err(CliError::Usage(if variant.is_empty() {
            format!("未知的文书种类：{kind}（xueji print sample --list 列出全部）")
        } else {
            format!("{kind} 没有样张 {variant}（xueji print sample --list 列出全部）")
        }));
    }
    let pdf = xueji_print::samples::render(key)?;
    std::fs::write(out, &pdf).map_err(|source| CliError::Write {
        path: out.display().to_string(),
        source,
    })?;
    let (kind, variant) = key
        .split_once(':')
        .map_or((key, None), |(k, v)| (k, Some(v)));
    output::success(
        json,
        &format!("已生成样张：{}（{} 字节）", out.display(), pdf.len()),
        json!({ "kind": kind, "variant": variant, "out": out.display().to_string(), "bytes": pdf.len() }),
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
    let kind = kind.trim();
    if let Some(command) = printed_by(kind) {
        return Err(CliError::Usage(format!("{kind} 用 {command} 打印")));
    }
    let kind = PrintKind::from_name(kind).ok_or_else(|| {
        CliError::Usage(format!(
            "未知的文书种类：{kind}（xueji print --list 列出全部）"
        ))
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
    if matches!(
        kind,
        PrintKind::MigrantHandoverList | PrintKind::ProgressionHandoverList
    ) {
        let receiver = args.receiver.clone().unwrap_or_default();
        let printed = if kind == PrintKind::MigrantHandoverList {
            let input = xueji_app::package::MigrantListInput {
                student_ids,
                receiver,
            };
            app.migrant_handover_list(session, &input).await?
        } else {
            let input = xueji_app::package::ProgressionListInput {
                student_ids,
                receiver,
            };
            app.progression_handover_list(session, &input).await?
        };
        return written(json, out, &printed);
    }
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
    written(json, out, &printed)
}

/// Writes the printed PDF to `out` and says what was printed.
fn written(json: bool, out: &Path, printed: &xueji_app::documents::PrintedView) -> Result<()> {
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
