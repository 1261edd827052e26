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
