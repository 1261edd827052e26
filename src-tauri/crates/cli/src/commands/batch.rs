//! `xueji promote` and `xueji graduate`: the year-end batches, previewed with `--dry-run`.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use xueji_app::batches::{GraduationInput, GraduationResultInput};
use xueji_app::{App, Session};

use crate::error::{CliError, Result};
use crate::output;

pub async fn promote(
    app: &App,
    session: &Session,
    json: bool,
    into: i32,
    dry_run: bool,
) -> Result<()> {
    if dry_run {
        let p = app.promotion_preview(session, into).await?;
        let mut text = format!(
            "升入{}：将升级 {} 人，例外 {} 人（预览，未写入）",
            p.into_label,
            p.to_promote,
            p.exceptions.len()
        );
        for g in &p.grades {
            let _ = write!(
                text,
                "\n  {} → {}：{} 人",
                g.grade_label, g.next_grade_label, g.promoted
            );
        }
        for x in &p.exceptions {
            let _ = write!(
                text,
                "\n  例外：{} {} {}（{}）",
                x.name, x.grade_label, x.reason, x.rule
            );
        }
        output::success(json, &text, json!({ "preview": p }));
    } else {
        let r = app.promotion_run(session, into).await?;
        let text = format!(
            "已升入{}：{} 人，例外 {} 人",
            r.into_label,
            r.promoted,
            r.exceptions.len()
        );
        output::success(json, &text, json!({ "result": r }));
    }
    Ok(())
}

/// One row of the `graduate --results` file (schema `graduate-results`): the student by
/// `student` (学籍号, ID number or student number, as everywhere on the command line) or by the
/// internal `studentId`.
#[derive(serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ResultRow {
    /// 学籍号, ID number or student number.
    student: Option<String>,
    /// The store's student number, when `student` is not given.
    student_id: Option<i64>,
    /// 按课程计划规定完成学业
    programme_completed: bool,
    /// 综合素质评价合格
    overall_quality_passed: bool,
    /// Graduation-exam subjects still failed after make-up exams.
    failed_subjects_after_makeup: u32,
    /// 学籍辅号 (R26.1); the stored one is used when empty.
    aux_number: Option<String>,
}

async fn result_rows(
    app: &App,
    session: &Session,
    results: &Path,
) -> Result<Vec<GraduationResultInput>> {
    let rows: Vec<ResultRow> = crate::json_file::parse(results, "成绩结果")?;
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let student_id = match (&row.student, row.student_id) {
            (Some(key), _) => super::student::resolve(app, session, key).await?,
            (None, Some(id)) => id,
            (None, None) => {
                return Err(CliError::Input {
                    message: format!("成绩结果 JSON 格式不正确：第 {} 行缺少 student", i + 1),
                    field: Some("student".to_owned()),
                });
            }
        };
        out.push(GraduationResultInput {
            student_id,
            programme_completed: row.programme_completed,
            overall_quality_passed: row.overall_quality_passed,
            failed_subjects_after_makeup: row.failed_subjects_after_makeup,
            aux_number: row.aux_number,
        });
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
pub async fn graduate(
    app: &App,
    session: &Session,
    json: bool,
    grade: u8,
    results: &Path,
    on: Option<&str>,
    reference: Option<String>,
    dry_run: bool,
) -> Result<()> {
    let rows = result_rows(app, session, results).await?;
    let on = match on {
        Some(t) => NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
            .map_err(|_| CliError::Usage(format!("日期格式应为 YYYY-MM-DD：{t}")))?,
        None => app.today(),
    };
    let input = GraduationInput {
        grade,
        results: rows,
        on,
        bureau_reference: reference,
    };
    if dry_run {
        let p = app.graduation_preview(session, &input).await?;
        let mut text = format!(
            "毕业 {} 人，结业 {} 人，肄业 {} 人，有问题 {} 人（预览，未写入）",
            p.graduated, p.completed, p.incomplete, p.with_problems
        );
        for r in &p.rows {
            let _ = write!(text, "\n  {} {}（{}）", r.name, r.outcome_label, r.rule);
            for problem in &r.problems {
                let _ = write!(text, " 问题：{}（{}）", problem.message, problem.rule);
            }
        }
        output::success(json, &text, json!({ "preview": p }));
    } else {
        let r = app.graduation_confirm(session, &input).await?;
        let text = format!(
            "已办理：毕业 {} 人，结业 {} 人，肄业 {} 人",
            r.graduated, r.completed, r.incomplete
        );
        output::success(json, &text, json!({ "result": r }));
    }
    Ok(())
}
