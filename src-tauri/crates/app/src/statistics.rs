//! 统计: counts of the records on the books by grade, class, status, sex and flags (随迁子女,
//! 留守儿童, 孤儿, 残疾, 随班就读, 外籍, and 家庭经济困难 for those who may see hardship data), and
//! the change applications per semester by kind and outcome. Every figure is one SQL aggregate
//! of `xueji_store::repo::statistics` (nothing loaded row by row; the export's statistics sheet
//! reads the same ones), so it stays fast at 100 000 students. Opening it is audited.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use xueji_domain::{AuditAction, ChangeKind, SchoolYear, Status};
use xueji_store::entities::application::ApplicationState;
use xueji_store::repo::statistics as repo;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::dashboard::CountView;
use crate::error::Result;
use crate::views::grade_label;

/// One class.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassCountView {
    pub grade: Option<i32>,
    pub grade_label: String,
    /// Empty when the record has no class.
    pub class_name: String,
    pub count: u64,
    pub male: u64,
    pub female: u64,
}

/// Applications of one kind in one semester.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KindCountView {
    /// The change kind (`leave`, `transfer_out` …).
    pub code: String,
    pub label: String,
    /// Submitted in the semester.
    pub count: u64,
    /// Of those, approved (the change took effect).
    pub approved: u64,
    /// Of those, still open.
    pub open: u64,
    /// Of those, rejected or withdrawn.
    pub closed_otherwise: u64,
}

/// The applications submitted in one semester (第一学期 September to January, 第二学期
/// February to August).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TermChangesView {
    /// `2025-first`, `2025-second`.
    pub code: String,
    /// `2025—2026学年第一学期`
    pub label: String,
    pub school_year: i32,
    /// `first` or `second`.
    pub semester: String,
    pub total: u64,
    pub approved: u64,
    pub open: u64,
    /// In the order of the change kinds.
    pub by_kind: Vec<KindCountView>,
}

/// The 统计 page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StatisticsView {
    pub today: NaiveDate,
    /// Records on the books (not archived): what the grade, class, sex and flag counts cover.
    pub current_total: u64,
    /// Every record, archived ones included (what the status counts cover).
    pub all_total: u64,
    pub by_grade: Vec<CountView>,
    /// By grade, then class.
    pub by_class: Vec<ClassCountView>,
    /// In the order of the status machine.
    pub by_status: Vec<CountView>,
    /// `male`, `female` (and `unknown` if any).
    pub by_sex: Vec<CountView>,
    /// Flagged records on the books: `migrant_child`, `left_behind`, `orphan`, `disability`,
    /// `inclusive_placement`, `foreign_national`, and `hardship` (recognised this school year)
    /// only for roles that may see hardship data.
    pub flags: Vec<CountView>,
    /// Semesters with applications, oldest first.
    pub terms: Vec<TermChangesView>,
    /// Every change kind that appears in `terms`, in order, with its total.
    pub change_kinds: Vec<CountView>,
    /// Things worth knowing about the figures.
    pub notes: Vec<String>,
}

/// A grade's label, `未分年级` for records without one.
fn grade_or_none(grade: Option<i32>) -> String {
    if grade.is_some() {
        grade_label(grade)
    } else {
        "未分年级".to_owned()
    }
}

fn sex_label(code: &str) -> &'static str {
    match code {
        "male" => "男",
        "female" => "女",
        _ => "未填写",
    }
}

/// The semester a date falls in: September–January is the first, February–August the second.
fn semester_of(date: NaiveDate) -> (i32, &'static str) {
    let year = SchoolYear::containing(date).start_year();
    let first = date.month() >= 9 || date.month() == 1;
    (year, if first { "first" } else { "second" })
}

fn term_label(year: i32, semester: &str) -> String {
    let s = if semester == "first" {
        "第一学期"
    } else {
        "第二学期"
    };
    format!("{}{s}", SchoolYear(year).label_zh())
}

/// Where a change kind sorts: the order of `ChangeKind`, transfers in after it.
fn kind_rank(code: &str) -> usize {
    ChangeKind::ALL
        .iter()
        .position(|k| k.code() == code)
        .unwrap_or(ChangeKind::ALL.len())
}

impl App {
    /// The 统计 page's figures.
    pub async fn statistics(&self, session: &Session) -> Result<StatisticsView> {
        self.authorize(session, Permission::ViewStudents).await?;
        let db = self.db();
        let today = self.today();
        let mut notes = Vec::new();

        // By status (every record), in the order of the status machine.
        let mut counted = repo::by_status(db).await?;
        counted.sort_by_key(|c| {
            Status::ALL
                .iter()
                .position(|s| *s == c.status)
                .unwrap_or(usize::MAX)
        });
        let by_status: Vec<CountView> = counted
            .into_iter()
            .map(|c| CountView {
                code: xueji_domain::stored::text(&c.status),
                label: c.status.label_zh().to_owned(),
                count: c.count,
            })
            .collect();
        let all_total = by_status.iter().map(|c| c.count).sum();

        // By grade (records on the books).
        let by_grade: Vec<CountView> = repo::on_roll_by_grade(db)
            .await?
            .into_iter()
            .map(|g| CountView {
                code: g.grade.map(|g| g.to_string()).unwrap_or_default(),
                label: grade_or_none(g.grade),
                count: g.count,
            })
            .collect();
        let current_total = by_grade.iter().map(|c| c.count).sum();

        // By grade and class, with the sexes: no class and an empty class are one row; classes
        // sort by the length of the name, then the name (1班 … 10班).
        let mut classes: BTreeMap<(Option<i32>, usize, String), ClassCountView> = BTreeMap::new();
        for c in repo::on_roll_by_class(db).await? {
            let class_name = c.class_name.unwrap_or_default();
            let row = classes
                .entry((c.grade, class_name.chars().count(), class_name.clone()))
                .or_insert_with(|| ClassCountView {
                    grade: c.grade,
                    grade_label: grade_or_none(c.grade),
                    class_name,
                    count: 0,
                    male: 0,
                    female: 0,
                });
            row.count += c.count;
            row.male += c.male;
            row.female += c.female;
        }
        let by_class: Vec<ClassCountView> = classes.into_values().collect();

        // By sex: male, female, and any other stored value as one `unknown`; `unknown` first,
        // then male, then female.
        let mut sexes: BTreeMap<&'static str, u64> = BTreeMap::new();
        for c in repo::on_roll_by_sex(db).await? {
            let code = match c.sex.as_str() {
                "male" => "male",
                "female" => "female",
                _ => "unknown",
            };
            *sexes.entry(code).or_default() += c.count;
        }
        let by_sex: Vec<CountView> = sexes
            .into_iter()
            .rev()
            .map(|(code, count)| CountView {
                code: code.to_owned(),
                label: sex_label(code).to_owned(),
                count,
            })
            .collect();

        // Flags.
        let f = repo::on_roll_flags(db).await?;
        let mut flags: Vec<CountView> = [
            ("migrant_child", "随迁子女", f.migrant_child),
            ("left_behind", "留守儿童", f.left_behind),
            ("orphan", "孤儿", f.orphan),
            ("disability", "残疾", f.disability),
            ("inclusive_placement", "随班就读", f.inclusive_placement),
            ("foreign_national", "外籍", f.foreign_national),
        ]
        .into_iter()
        .map(|(code, label, count)| CountView {
            code: code.to_owned(),
            label: label.to_owned(),
            count,
        })
        .collect();
        if session.role.may(Permission::ViewHardship) {
            let year = SchoolYear::containing(today).start_year();
            flags.push(CountView {
                code: "hardship".to_owned(),
                label: "家庭经济困难（本学年已认定）".to_owned(),
                count: repo::recognised_hardship_students(db, year).await?,
            });
        }

        // Applications per semester, kind and outcome.
        let mut terms: BTreeMap<(i32, &'static str), BTreeMap<String, KindCountView>> =
            BTreeMap::new();
        for a in repo::applications_by_kind_state_day(db).await? {
            let code = a.kind.code().to_owned();
            let n = a.count;
            let entry = terms
                .entry(semester_of(a.opened_on))
                .or_default()
                .entry(code.clone())
                .or_insert_with(|| KindCountView {
                    label: a.kind.label_zh().to_owned(),
                    code,
                    count: 0,
                    approved: 0,
                    open: 0,
                    closed_otherwise: 0,
                });
            entry.count += n;
            match a.state {
                ApplicationState::Approved => entry.approved += n,
                ApplicationState::Open => entry.open += n,
                _ => entry.closed_otherwise += n,
            }
        }
        let mut kinds: BTreeMap<String, CountView> = BTreeMap::new();
        let terms: Vec<TermChangesView> = terms
            .into_iter()
            .map(|((year, semester), by_kind)| {
                let mut by_kind: Vec<KindCountView> = by_kind.into_values().collect();
                by_kind.sort_by_key(|k| (kind_rank(&k.code), k.code.clone()));
                for k in &by_kind {
                    kinds
                        .entry(k.code.clone())
                        .or_insert_with(|| CountView {
                            code: k.code.clone(),
                            label: k.label.clone(),
                            count: 0,
                        })
                        .count += k.count;
                }
                TermChangesView {
                    code: format!("{year}-{semester}"),
                    label: term_label(year, semester),
                    school_year: year,
                    semester: semester.to_owned(),
                    total: by_kind.iter().map(|k| k.count).sum(),
                    approved: by_kind.iter().map(|k| k.approved).sum(),
                    open: by_kind.iter().map(|k| k.open).sum(),
                    by_kind,
                }
            })
            .collect();
        let mut change_kinds: Vec<CountView> = kinds.into_values().collect();
        change_kinds.sort_by_key(|k| (kind_rank(&k.code), k.code.clone()));
        if terms.is_empty() {
            notes.push("尚无学籍变动申请".to_owned());
        }
        notes.push("学期按申请日期划分：9月至次年1月为第一学期，2月至8月为第二学期".to_owned());

        audit::record(
            db,
            &session.username,
            AuditAction::View,
            &format!("statistics students:{all_total} terms:{}", terms.len()),
        )
        .await?;
        Ok(StatisticsView {
            today,
            current_total,
            all_total,
            by_grade,
            by_class,
            by_status,
            by_sex,
            flags,
            terms,
            change_kinds,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn semesters_run_september_to_january_and_february_to_august() {
        assert_eq!(semester_of(d(2025, 9, 1)), (2025, "first"));
        assert_eq!(semester_of(d(2026, 1, 20)), (2025, "first"));
        assert_eq!(semester_of(d(2026, 2, 1)), (2025, "second"));
        assert_eq!(semester_of(d(2026, 8, 31)), (2025, "second"));
        assert_eq!(term_label(2025, "second"), "2025—2026学年第二学期");
    }
}
