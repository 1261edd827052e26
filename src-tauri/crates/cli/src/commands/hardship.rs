//! `xueji hardship list|show|apply|assess|decide|object|objection-decide|aid|form`: the hardship
//! assessment (家庭经济困难学生认定, archive section R8.2(6)) over the same use cases as the app.
//! The school's decision and the ruling on an objection are the approver's; the rest the
//! registrar's.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};
use xueji_app::hardship::{
    AidGrantInput, AidView, ClassAssessInput, HardshipApplyInput, HardshipDecideInput,
    HardshipFilter, HardshipRow, HardshipView, ObjectInput, ObjectionDecideInput,
};
use xueji_app::{App, Session};
use xueji_domain::SchoolYear;

use crate::args::HardshipCommand;
use crate::error::{CliError, Result};
use crate::output;

fn date_opt(text: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    text.map(|t| {
        chrono::NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
            .map_err(|_| CliError::Usage(format!("日期格式应为 YYYY-MM-DD：{t}")))
    })
    .transpose()
}

/// `1250`, `1250.5`, `1250.50` yuan in fen; anything else is a usage error.
pub(crate) fn fen(text: &str) -> Result<i64> {
    let bad = || {
        CliError::Usage(format!(
            "金额应为元，最多两位小数，如 1250 或 1250.50：{text}"
        ))
    };
    let t = text.trim();
    let (whole, cents) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || cents.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !cents.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let cents: i64 = format!("{cents:0<2}").parse().map_err(|_| bad())?;
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(cents))
        .ok_or_else(bad)
}

fn row_line(r: &HardshipRow) -> String {
    let mut text = format!(
        "{}\t{}\t{}{}\t{}",
        r.id,
        r.student_name,
        r.grade_label,
        r.class_name.as_deref().unwrap_or_default(),
        r.status.label
    );
    if let Some(level) = &r.level {
        let _ = write!(text, "\t{}", level.label);
    }
    if let Some(until) = r.notice_until {
        let _ = write!(text, "\t公示至 {until}");
    }
    if r.aid_total_fen > 0 {
        let _ = write!(
            text,
            "\t资助 {} 元",
            xueji_app::hardship::types::yuan(r.aid_total_fen)
        );
    }
    text
}

fn describe(v: &HardshipView) -> String {
    let mut text = format!(
        "认定 {}：{} {}{}，{}（{}）",
        v.id,
        v.student_name,
        v.grade_label,
        v.class_name.as_deref().unwrap_or_default(),
        v.school_year_label,
        v.status.label
    );
    let _ = write!(
        text,
        "\n  申请：{}，家庭人口 {} 人，家庭年收入 {} 元",
        v.applied_on,
        v.data
            .household_size
            .map_or_else(|| "—".to_owned(), |n| n.to_string()),
        v.data.household_income_yuan
    );
    if let (Some(on), Some(result)) = (v.class_assessed_on, &v.class_result) {
        let _ = write!(
            text,
            "\n  班级评议：{on}，建议{}：{}",
            result.label,
            v.class_note.as_deref().unwrap_or_default()
        );
    }
    if let (Some(on), Some(level)) = (v.decided_on, &v.level) {
        let _ = write!(
            text,
            "\n  学校认定：{on}，{}（{}）",
            level.label,
            v.decided_by.as_deref().unwrap_or_default()
        );
    }
    if let (Some(from), Some(until)) = (v.notice_from, v.notice_until) {
        let _ = write!(text, "\n  公示：{from} 至 {until}");
        if let Some(why) = &v.notice_provisional {
            let _ = write!(text, "（暂定：{why}）");
        }
    }
    for o in &v.objections {
        let ruling = match o.sustained {
            None => "待处理".to_owned(),
            Some(true) => format!("成立：{}", o.ruling_note.as_deref().unwrap_or_default()),
            Some(false) => format!("不成立：{}", o.ruling_note.as_deref().unwrap_or_default()),
        };
        let _ = write!(
            text,
            "\n  异议 {}：{} {}（{}）",
            o.number, o.raised_on, o.content, ruling
        );
    }
    if let Some(on) = v.effective_on {
        let _ = write!(text, "\n  生效：{on}");
    }
    for a in &v.aid {
        let _ = write!(text, "\n  资助：{}", aid_line(a));
    }
    text
}

fn aid_line(a: &AidView) -> String {
    format!(
        "{} {} {} 元（{}）",
        a.semester_label, a.kind, a.amount_yuan, a.granted_on
    )
}

fn shown(json: bool, v: &HardshipView) {
    output::success(json, &describe(v), json!({ "hardship": v }));
}

/// The application file with the student from `--student` when given.
fn apply_input(from: &Path, student_id: Option<i64>) -> Result<HardshipApplyInput> {
    let mut value: Value = crate::json_file::parse(from, "申请")?;
    let Some(object) = value.as_object_mut() else {
        return Err(CliError::Input {
            message: "申请 JSON 应为一个对象 {...}".to_owned(),
            field: None,
        });
    };
    if let Some(id) = student_id {
        object.insert("studentId".to_owned(), json!(id));
    }
    serde_json::from_value(value).map_err(|e| crate::json_file::invalid("申请", &e))
}

/// Writes the form readable by this OS account only (0600 on Unix): it states a family's
/// finances.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

pub async fn run(app: &App, session: &Session, json: bool, cmd: HardshipCommand) -> Result<()> {
    match cmd {
        HardshipCommand::List {
            year,
            statuses,
            level,
            grade,
            class,
            student,
            page,
            page_size,
        } => {
            let student_id = match student.as_deref() {
                Some(key) => Some(super::student::resolve(app, session, key).await?),
                None => None,
            };
            let filter = HardshipFilter {
                statuses,
                level,
                grade,
                class_name: class,
                student_id,
                page,
                page_size,
            };
            list(app, session, json, year, &filter).await
        }
        HardshipCommand::Show { id } => {
            shown(json, &app.hardship_show(session, id).await?);
            Ok(())
        }
        HardshipCommand::Apply { student, from, on } => {
            let applied_on = date_opt(on.as_deref())?;
            let student_id = match student.as_deref() {
                Some(key) => Some(super::student::resolve(app, session, key).await?),
                None => None,
            };
            let mut input = apply_input(&from, student_id)?;
            if applied_on.is_some() {
                input.applied_on = applied_on;
            }
            shown(json, &app.hardship_apply(session, &input).await?);
            Ok(())
        }
        HardshipCommand::Aid {
            id,
            semester,
            kind,
            amount,
            on,
            note,
        } => {
            let input = AidGrantInput {
                application_id: id,
                semester,
                kind,
                amount_fen: fen(&amount)?,
                granted_on: date_opt(on.as_deref())?,
                note,
            };
            let aid = app.hardship_aid_grant(session, &input).await?;
            output::success(
                json,
                &format!("已登记资助：{}", aid_line(&aid)),
                json!({ "aid": aid }),
            );
            Ok(())
        }
        HardshipCommand::Form { id, out } => form(app, session, json, id, &out).await,
        step => {
            let view = procedure_step(app, session, step).await?;
            shown(json, &view);
            Ok(())
        }
    }
}

async fn list(
    app: &App,
    session: &Session,
    json: bool,
    year: Option<i32>,
    filter: &HardshipFilter,
) -> Result<()> {
    let year = year.unwrap_or_else(|| SchoolYear::containing(app.today()).start_year());
    let found = app.hardship_list(session, year, filter).await?;
    let mut text = format!("{} 共 {} 项", SchoolYear(year).label_zh(), found.total);
    for r in &found.rows {
        let _ = write!(text, "\n{}", row_line(r));
    }
    output::success(
        json,
        &text,
        json!({ "schoolYear": year, "total": found.total, "rows": found.rows }),
    );
    Ok(())
}

/// The steps after the application: class assessment, decision, objection and its ruling.
async fn procedure_step(
    app: &App,
    session: &Session,
    cmd: HardshipCommand,
) -> Result<HardshipView> {
    Ok(match cmd {
        HardshipCommand::Assess {
            id,
            result,
            note,
            on,
        } => {
            let input = ClassAssessInput {
                result,
                note,
                assessed_on: date_opt(on.as_deref())?,
            };
            app.hardship_class_assess(session, id, &input).await?
        }
        HardshipCommand::Decide {
            id,
            level,
            note,
            on,
            notice_from,
        } => {
            let input = HardshipDecideInput {
                level,
                note,
                decided_on: date_opt(on.as_deref())?,
                notice_from: date_opt(notice_from.as_deref())?,
            };
            app.hardship_decide(session, id, &input).await?
        }
        HardshipCommand::Object {
            id,
            content,
            by,
            on,
        } => {
            let input = ObjectInput {
                raised_on: date_opt(on.as_deref())?,
                raised_by: by,
                content,
            };
            app.hardship_object(session, id, &input).await?
        }
        HardshipCommand::ObjectionDecide {
            id,
            number,
            sustain,
            dismiss: _,
            note,
        } => {
            let input = ObjectionDecideInput {
                number,
                sustained: sustain,
                note,
            };
            app.hardship_objection_decide(session, id, &input).await?
        }
        _ => return Err(CliError::Usage("未知的认定步骤".to_owned())),
    })
}

async fn form(app: &App, session: &Session, json: bool, id: i64, out: &Path) -> Result<()> {
    let pdf = app.hardship_form(session, id).await?;
    write_private(out, &pdf).map_err(|source| CliError::Write {
        path: out.display().to_string(),
        source,
    })?;
    output::success(
        json,
        &format!("已打印认定表：{}", out.display()),
        json!({ "out": out.display().to_string(), "bytes": pdf.len() }),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fen;

    #[test]
    fn amounts_are_read_in_yuan_to_the_fen() {
        assert_eq!(fen("1250").unwrap(), 125_000);
        assert_eq!(fen("1250.5").unwrap(), 125_050);
        assert_eq!(fen(" 0.05 ").unwrap(), 5);
        for bad in ["", ".5", "12.345", "-3", "1,250", "1e3", "abc"] {
            assert!(fen(bad).is_err(), "{bad}");
        }
    }
}
