//! `xueji import students FILE [--commit] [--report OUT.xlsx]`. Problems are printed by row,
//! column and rule; cell values (names, ID numbers) go only into the report file, never to the
//! terminal.

use std::fmt::Write as _;

use serde_json::json;
use xueji_app::picked_file::PickedKind;

use crate::args::ImportCommand;
use crate::error::{CliError, Result};
use crate::output;

/// One problem of a roster for `--json`: where and why, never the cell's value (schema `import`).
#[derive(serde::Serialize, specta::Type)]
pub(crate) struct Problem {
    /// The row as Excel numbers it (1 = the header row).
    row: u32,
    /// The column's header as written in the file.
    column: String,
    /// The rule it breaks (`R7.1`), if any.
    rule: Option<String>,
    message: String,
}

pub async fn run(
    app: &xueji_app::App,
    session: &xueji_app::Session,
    json_mode: bool,
    cmd: ImportCommand,
) -> Result<()> {
    let ImportCommand::Students {
        file,
        commit,
        report: out,
    } = cmd;
    let bytes = crate::commands::read_picked(&file, PickedKind::Workbook)?;
    let (report, committed, imported) = if commit {
        let v = app.import_students_commit(session, &bytes).await?;
        (v.report, v.committed, v.imported)
    } else {
        (app.import_students_check(session, &bytes).await?, false, 0)
    };
    if let Some(path) = &out {
        std::fs::write(path, report.to_xlsx()?).map_err(|source| CliError::Write {
            path: path.display().to_string(),
            source,
        })?;
    }
    let problems: Vec<Problem> = report
        .problems
        .iter()
        .map(|p| Problem {
            row: p.row,
            column: p.column.clone(),
            rule: p.rule.clone(),
            message: p.message.clone(),
        })
        .collect();
    let mut text = format!(
        "共 {} 行，无问题 {} 行，问题 {} 处",
        report.rows,
        report.valid_rows,
        report.problems.len()
    );
    for p in &report.problems {
        let rule = p
            .rule
            .as_deref()
            .map(|r| format!("（{r}）"))
            .unwrap_or_default();
        let _ = write!(text, "\n第{}行 {}：{}{rule}", p.row, p.column, p.message);
    }
    if commit && !committed {
        if !json_mode {
            println!("{text}");
        }
        return Err(CliError::Usage(format!(
            "名单中有 {} 处问题，未导入任何学生；请修改后重新导入",
            report.problems.len()
        )));
    }
    if committed {
        let _ = write!(text, "\n已导入 {imported} 名学生");
    } else if report.problems.is_empty() {
        text.push_str("\n检查通过；加 --commit 写入");
    }
    output::success(
        json_mode,
        &text,
        json!({
            "rows": report.rows,
            "validRows": report.valid_rows,
            "committed": committed,
            "imported": imported,
            "problems": problems,
        }),
    );
    Ok(())
}
