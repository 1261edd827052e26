//! `xueji student add|show|search|edit`: the same use cases as the desktop's 学生 pages.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::json;
use xueji_app::students::{
    EnrolInput, EnrolKind, FamilyMemberView, FieldValue, NationalCheck, SearchInput,
    StudentEditInput, StudentRow,
};
use xueji_app::{App, Session};

use crate::args::StudentAddArgs;
use crate::error::{CliError, Result};
use crate::output;

fn date(text: &str, what: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| CliError::Usage(format!("{what}格式应为 YYYY-MM-DD：{text}")))
}

fn enrol_input(app: &App, a: &StudentAddArgs) -> Result<EnrolInput> {
    if let Some(path) = &a.from {
        return crate::json_file::parse(path, "登记信息");
    }
    let national_check = match a.national_check.as_deref() {
        None => None,
        Some("passed") => Some(NationalCheck::Passed),
        Some("failed") => Some(NationalCheck::Failed),
        Some("not_done") => Some(NationalCheck::NotDone),
        Some(other) => {
            return Err(CliError::Usage(format!(
                "--national-check 应为 passed、failed 或 not_done：{other}"
            )));
        }
    };
    let entry_date = match &a.entry_date {
        Some(t) => date(t, "入学日期")?,
        None => app.today(),
    };
    Ok(EnrolInput {
        kind: if a.grade == 1 && national_check.is_none() {
            EnrolKind::GradeOne
        } else {
            EnrolKind::NoPriorRecord
        },
        national_check,
        id_type: "resident_id".to_owned(),
        id_number: a.id_number.clone().unwrap_or_default(),
        name: a.name.clone().unwrap_or_default(),
        former_name: None,
        sex: None,
        birth_date: None,
        ethnicity: a.ethnicity.clone(),
        nationality: "中国".to_owned(),
        hukou_kind: a.hukou_kind.clone(),
        hukou_address: a.hukou_address.clone(),
        current_address: a.current_address.clone(),
        migrant_child: false,
        left_behind: false,
        orphan: false,
        disability_kind: None,
        study_mode: xueji_domain::StudyMode::Regular,
        foreign_national: false,
        grade: a.grade,
        class_name: a.class.clone(),
        entry_date,
        family: a
            .guardian
            .iter()
            .map(|name| FamilyMemberView {
                name: name.clone(),
                relation: a.guardian_relation.clone(),
                phone: a.guardian_phone.clone(),
                id_number: None,
                employer: None,
                guardian: true,
            })
            .collect(),
    })
}

fn row_line(r: &StudentRow) -> String {
    format!(
        "{}\t{}\t{}\t{}{}\t{}",
        r.id,
        r.xueji_number.as_deref().unwrap_or("-"),
        r.name,
        r.grade_label,
        r.class_name.as_deref().unwrap_or(""),
        r.status.label
    )
}

/// Finds one student by 学籍号, ID number or the store's id.
pub async fn resolve(app: &App, session: &Session, key: &str) -> Result<i64> {
    let page = app
        .student_search(
            session,
            &SearchInput {
                query: Some(key.to_owned()),
                include_archived: true,
                page: 1,
                page_size: 2,
                ..SearchInput::default()
            },
        )
        .await?;
    if page.total == 1 {
        return Ok(page.rows[0].id);
    }
    if let Ok(id) = key.trim().parse::<i64>() {
        return Ok(id);
    }
    Err(if page.total == 0 {
        xueji_app::AppError::not_found(format!("学生：{key}")).into()
    } else {
        CliError::Usage(format!("“{key}”对应多名学生，请用学籍号或身份证件号"))
    })
}

pub async fn add(app: &App, session: &Session, json: bool, a: &StudentAddArgs) -> Result<()> {
    let input = enrol_input(app, a)?;
    let v = app.student_enrol(session, &input).await?;
    let mut text = format!(
        "已登记：{}（学籍号 {}），状态 {}",
        v.student.name,
        v.student.xueji_number.as_deref().unwrap_or("-"),
        v.student.status.label
    );
    for d in &v.deadlines {
        let _ = write!(
            text,
            "\n期限：{} 前{} {}（{}）",
            d.due,
            if d.provisional { "（暂定）" } else { "" },
            d.label,
            d.rule
        );
    }
    for w in &v.warnings {
        let _ = write!(text, "\n提示：{}（{}）", w.message, w.rule);
    }
    output::success(json, &text, json!({ "enrolment": v }));
    Ok(())
}

pub async fn show(app: &App, session: &Session, json: bool, key: &str) -> Result<()> {
    let id = resolve(app, session, key).await?;
    let a = app.student_archive(session, id).await?;
    let s = &a.student;
    let mut text = format!(
        "{}  学籍号 {}  {}  {}{}  {}\n出生日期 {}  性别 {}  民族 {}\n现住址 {}",
        s.name,
        s.xueji_number.as_deref().unwrap_or("-"),
        s.status.label,
        s.grade_label,
        s.class_name.as_deref().unwrap_or(""),
        if s.read_only { "（只读）" } else { "" },
        s.birth_date,
        s.sex,
        s.ethnicity,
        s.current_address
    );
    text.push_str("\n变动记录：");
    for e in &a.events {
        let _ = write!(text, "\n  {}  {}（{}）", e.on, e.summary, e.rule);
    }
    output::success(json, &text, json!({ "archive": a }));
    Ok(())
}

pub async fn search(app: &App, session: &Session, json: bool, input: &SearchInput) -> Result<()> {
    let page = app.student_search(session, input).await?;
    let mut text = format!(
        "共 {} 人，第 {} 页（每页 {} 人）",
        page.total, page.page, page.page_size
    );
    for r in &page.rows {
        text.push('\n');
        text.push_str(&row_line(r));
    }
    output::success(json, &text, json!({ "page": page }));
    Ok(())
}

pub async fn edit(
    app: &App,
    session: &Session,
    json: bool,
    key: &str,
    set: &[String],
) -> Result<()> {
    let id = resolve(app, session, key).await?;
    let fields = set
        .iter()
        .map(|kv| {
            kv.split_once('=')
                .map(|(f, v)| FieldValue {
                    field: f.trim().to_owned(),
                    value: v.to_owned(),
                })
                .ok_or_else(|| CliError::Usage(format!("--set 应为 字段=值：{kv}")))
        })
        .collect::<Result<Vec<_>>>()?;
    let current = app.student_archive(session, id).await?;
    let v = app
        .student_edit(
            session,
            &StudentEditInput {
                id,
                version: current.student.version,
                fields,
                family: None,
            },
        )
        .await?;
    output::success(
        json,
        &format!("已修改：{}（第 {} 版）", v.name, v.version),
        json!({ "student": v }),
    );
    Ok(())
}
