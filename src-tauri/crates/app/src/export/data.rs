//! The rows of each export, read from the database (or, for the duplicate-check list, from the
//! candidates' workbook). Values are formatted as the registrar reads them.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use sea_orm::DatabaseConnection;
use xueji_domain::SchoolYear;
use xueji_store::entities::student;
use xueji_store::repo::statistics as counts;
use xueji_store::repo::{applications, student_lists, students};

use super::ExportRequest;
use super::sheet::Table;
use crate::error::{AppError, Result};
use crate::students::views::sex_label;
use crate::views::grade_label;

fn strings(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| (*c).to_owned()).collect()
}

fn yes(flag: bool) -> String {
    if flag { "是" } else { "" }.to_owned()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.is_empty() {
        "未分班".to_owned()
    } else {
        clean
    }
}

const ROSTER_COLUMNS: [&str; 12] = [
    "序号",
    "学籍号",
    "姓名",
    "性别",
    "出生日期",
    "身份证件类型",
    "身份证件号",
    "民族",
    "户口性质",
    "学籍状态",
    "随迁子女",
    "残疾类型",
];

/// Class rosters of the students on roll (not archived), one sheet per class, optionally only
/// one grade or one class.
pub async fn rosters(db: &DatabaseConnection, request: &ExportRequest) -> Result<Vec<Table>> {
    let class_name = request
        .class_name
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(str::trim);
    let students = student_lists::roster(db, request.grade, class_name).await?;
    if students.is_empty() {
        return Err(AppError::validation(
            "grade",
            "所选范围内没有在籍学生，没有可导出的名单",
        ));
    }
    let mut by_class: BTreeMap<(i32, String), Vec<&student::Model>> = BTreeMap::new();
    for s in &students {
        by_class
            .entry((
                s.grade.unwrap_or(0),
                s.class_name.clone().unwrap_or_default(),
            ))
            .or_default()
            .push(s);
    }
    Ok(by_class
        .into_iter()
        .map(|((grade, class), members)| Table {
            sheet: sheet_name(&format!("{}{class}", grade_label(Some(grade)))),
            columns: strings(&ROSTER_COLUMNS),
            rows: members
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        (i + 1).to_string(),
                        s.xueji_number.clone().unwrap_or_default(),
                        s.name.clone(),
                        sex_label(&s.sex).to_owned(),
                        s.birth_date.format("%Y-%m-%d").to_string(),
                        s.id_type.clone(),
                        s.id_number.clone(),
                        s.ethnicity.clone(),
                        s.hukou_kind.clone(),
                        s.status.label_zh().to_owned(),
                        yes(s.migrant_child),
                        s.disability_kind.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        })
        .collect())
}

/// The school year and term (上/下学期) a date falls in.
fn term_of(date: NaiveDate) -> (String, &'static str) {
    let term = if (2..=7).contains(&date.month()) {
        "第二学期"
    } else {
        "第一学期"
    };
    (SchoolYear::containing(date).label_zh(), term)
}

/// Counts by grade, class, status, sex and flags (students on roll; status over every record),
/// and applications per term and kind. The counts are those of the 统计 page
/// (`xueji_store::repo::statistics`), listed in the order of the stored values.
pub async fn statistics(db: &DatabaseConnection, _today: NaiveDate) -> Result<Vec<Table>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut push = |category: &str, item: String, n: u64| {
        rows.push(vec![category.to_owned(), item, n.to_string()]);
    };
    for g in counts::on_roll_by_grade(db).await? {
        push("年级", grade_label(g.grade), g.count);
    }
    for c in counts::on_roll_by_class(db).await? {
        // A record without a grade is listed under the (empty) grade label alone, its class not
        // shown, as this sheet always did.
        let class = if c.grade.is_some() {
            c.class_name.as_deref().unwrap_or_default()
        } else {
            ""
        };
        push("班级", format!("{}{class}", grade_label(c.grade)), c.count);
    }
    for s in counts::by_status(db).await? {
        push("学籍状态", s.status.label_zh().to_owned(), s.count);
    }
    for s in counts::on_roll_by_sex(db).await? {
        push("性别", sex_label(&s.sex).to_owned(), s.count);
    }
    let f = counts::on_roll_flags(db).await?;
    for (label, n) in [
        ("随迁子女", f.migrant_child),
        ("留守儿童", f.left_behind),
        ("孤儿", f.orphan),
        ("残疾学生", f.disability),
        ("随班就读", f.inclusive_placement),
        ("外籍学生", f.foreign_national),
    ] {
        push("标志", label.to_owned(), n);
    }
    let overview = Table {
        sheet: "在籍学生统计".to_owned(),
        columns: strings(&["分类", "项目", "人数"]),
        rows,
    };
    let applications = applications::all_by_day_opened(db).await?;
    let mut per_term: BTreeMap<(String, &'static str, String), i64> = BTreeMap::new();
    for a in &applications {
        let (year, term) = term_of(a.opened_on);
        *per_term
            .entry((year, term, a.change_kind.label_zh().to_owned()))
            .or_default() += 1;
    }
    let changes = Table {
        sheet: "各学期学籍变动".to_owned(),
        columns: strings(&["学年", "学期", "变动类型", "件数"]),
        rows: per_term
            .into_iter()
            .map(|((year, term, kind), n)| vec![year, term.to_owned(), kind, n.to_string()])
            .collect(),
    };
    Ok(vec![overview, changes])
}

/// Applications opened in the range, with the student's 学籍号 and name.
pub async fn changes(db: &DatabaseConnection, request: &ExportRequest) -> Result<Vec<Table>> {
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        return Err(AppError::validation("from", "起始日期不能晚于截止日期"));
    }
    let apps = applications::opened_between(db, request.from, request.to).await?;
    let ids: Vec<i64> = apps.iter().filter_map(|a| a.student_id).collect();
    let students: BTreeMap<i64, student::Model> = students::by_ids(db, ids)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let rows = apps
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let s = a.student_id.and_then(|id| students.get(&id));
            vec![
                (i + 1).to_string(),
                a.id.to_string(),
                a.change_kind.label_zh().to_owned(),
                a.opened_on.format("%Y-%m-%d").to_string(),
                a.closed_on
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                a.state.label_zh().to_owned(),
                s.and_then(|s| s.xueji_number.clone()).unwrap_or_default(),
                s.map(|s| s.name.clone()).unwrap_or_default(),
                s.map(|s| grade_label(s.grade)).unwrap_or_default(),
            ]
        })
        .collect();
    Ok(vec![Table {
        sheet: "学籍变动清单".to_owned(),
        columns: strings(&[
            "序号",
            "申请编号",
            "变动类型",
            "申请日期",
            "办结日期",
            "办理状态",
            "学籍号",
            "姓名",
            "年级",
        ]),
        rows,
    }])
}

const DUPLICATE_CHECK_COLUMNS: [&str; 11] = [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "身份证件类型",
    "身份证件号",
    "国籍/地区",
    "民族",
    "户口性质",
    "户口所在地",
    "拟入年级",
];

/// The national duplicate-check list (R7.5) of the candidates in a student list workbook. The
/// workbook is checked like an import; a file with any problem is refused (nothing exported),
/// naming the first problems by row.
pub fn duplicate_check(candidates_xlsx: &[u8], today: NaiveDate) -> Result<Vec<Table>> {
    let checked = crate::import::students::read_workbook(candidates_xlsx, today)?;
    if !checked.report.problems.is_empty() {
        let first: Vec<String> = checked
            .report
            .problems
            .iter()
            .take(5)
            .map(|p| format!("第 {} 行 {}：{}", p.row, p.column, p.message))
            .collect();
        return Err(AppError::validation(
            "file",
            format!(
                "候选学生名单有 {} 处问题，请先更正再导出查重名单：{}",
                checked.report.problems.len(),
                first.join("；")
            ),
        ));
    }
    let rows = checked
        .students
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, s)| {
            vec![
                (i + 1).to_string(),
                s.name.as_str().to_owned(),
                sex_label(&s.sex).to_owned(),
                s.birth_date.format("%Y-%m-%d").to_string(),
                s.id_type.clone(),
                s.id_number.clone(),
                s.nationality.clone(),
                s.ethnicity.clone(),
                s.hukou_kind.clone(),
                s.hukou_address.clone(),
                s.grade.map(|g| g.label_zh().to_owned()).unwrap_or_default(),
            ]
        })
        .collect();
    Ok(vec![Table {
        sheet: "全国查重名单".to_owned(),
        columns: strings(&DUPLICATE_CHECK_COLUMNS),
        rows,
    }])
}
