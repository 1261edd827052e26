//! 统计: counts of the records on the books by grade, class, status, sex and flags (随迁子女,
//! 留守儿童, 孤儿, 残疾, 随班就读, 外籍, and 家庭经济困难 for those who may see hardship data), and
//! the change applications per semester by kind and outcome. Every figure is one SQL `GROUP BY`
//! (nothing loaded row by row), so it stays fast at 100 000 students. Opening it is audited.

use std::collections::BTreeMap;
use xueji_domain::AuditAction;

use chrono::{Datelike, NaiveDate};
use sea_orm::{ConnectionTrait, QueryResult, Statement};
use xueji_domain::{ApplicationKind, ChangeKind, SchoolYear, Status};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::dashboard::CountView;
use crate::error::Result;
use crate::views::{grade_label, snake};

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

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
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

async fn rows<C: ConnectionTrait>(db: &C, sql: &str) -> Result<Vec<QueryResult>> {
    Ok(db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?)
}

impl App {
    /// The 统计 page's figures.
    pub async fn statistics(&self, session: &Session) -> Result<StatisticsView> {
        self.authorize(session, Permission::ViewStudents).await?;
        let db = self.db();
        let today = self.today();
        let mut notes = Vec::new();

        // By status (every record).
        let mut by_status = Vec::new();
        for r in rows(
            db,
            "SELECT status AS k, COUNT(*) AS n FROM student GROUP BY status",
        )
        .await?
        {
            let status: Status = r.try_get("", "k")?;
            let code = xueji_domain::stored::text(&status);
            let label = status.label_zh().to_owned();
            by_status.push(CountView {
                code,
                label,
                count: count(r.try_get("", "n")?),
            });
        }
        let rank = |code: &str| {
            Status::ALL
                .iter()
                .position(|s| snake(s) == code)
                .unwrap_or(usize::MAX)
        };
        by_status.sort_by_key(|c| rank(&c.code));
        let all_total = by_status.iter().map(|c| c.count).sum();

        // By grade and class, with the sexes (records on the books).
        let mut by_class = Vec::new();
        let mut grades: BTreeMap<Option<i32>, u64> = BTreeMap::new();
        for r in rows(
            db,
            "SELECT grade AS g, COALESCE(class_name, '') AS c, COUNT(*) AS n, \
                    SUM(sex = 'male') AS m, SUM(sex = 'female') AS f \
             FROM student WHERE archived = 0 GROUP BY grade, COALESCE(class_name, '') \
             ORDER BY grade, length(COALESCE(class_name, '')), COALESCE(class_name, '')",
        )
        .await?
        {
            let grade: Option<i32> = r.try_get("", "g")?;
            let n = count(r.try_get("", "n")?);
            *grades.entry(grade).or_default() += n;
            by_class.push(ClassCountView {
                grade,
                grade_label: if grade.is_some() {
                    grade_label(grade)
                } else {
                    "未分年级".to_owned()
                },
                class_name: r.try_get("", "c")?,
                count: n,
                male: count(r.try_get::<Option<i64>>("", "m")?.unwrap_or(0)),
                female: count(r.try_get::<Option<i64>>("", "f")?.unwrap_or(0)),
            });
        }
        let current_total = grades.values().sum();
        let by_grade = grades
            .into_iter()
            .map(|(grade, n)| CountView {
                code: grade.map(|g| g.to_string()).unwrap_or_default(),
                label: if grade.is_some() {
                    grade_label(grade)
                } else {
                    "未分年级".to_owned()
                },
                count: n,
            })
            .collect();

        // By sex.
        let mut by_sex = Vec::new();
        for r in rows(
            db,
            "SELECT CASE WHEN sex IN ('male', 'female') THEN sex ELSE 'unknown' END AS k, \
                    COUNT(*) AS n FROM student WHERE archived = 0 GROUP BY k ORDER BY k DESC",
        )
        .await?
        {
            let code: String = r.try_get("", "k")?;
            by_sex.push(CountView {
                label: sex_label(&code).to_owned(),
                code,
                count: count(r.try_get("", "n")?),
            });
        }

        // Flags.
        let mut flags = Vec::new();
        if let Some(r) = rows(
            db,
            "SELECT COALESCE(SUM(migrant_child), 0) AS migrant_child, \
                    COALESCE(SUM(left_behind), 0) AS left_behind, \
                    COALESCE(SUM(orphan), 0) AS orphan, \
                    COALESCE(SUM(disability_kind IS NOT NULL AND trim(disability_kind) <> ''), 0) \
                        AS disability, \
                    COALESCE(SUM(inclusive_placement), 0) AS inclusive_placement, \
                    COALESCE(SUM(foreign_national), 0) AS foreign_national \
             FROM student WHERE archived = 0",
        )
        .await?
        .first()
        {
            for (code, label) in [
                ("migrant_child", "随迁子女"),
                ("left_behind", "留守儿童"),
                ("orphan", "孤儿"),
                ("disability", "残疾"),
                ("inclusive_placement", "随班就读"),
                ("foreign_national", "外籍"),
            ] {
                flags.push(CountView {
                    code: code.to_owned(),
                    label: label.to_owned(),
                    count: count(r.try_get("", code)?),
                });
            }
        }
        if session.role.may(Permission::ViewHardship) {
            let year = SchoolYear::containing(today).start_year();
            let n = rows(
                db,
                &format!(
                    "SELECT COUNT(DISTINCT h.student_id) AS n FROM hardship_application h \
                     JOIN student s ON s.id = h.student_id \
                     WHERE h.state = 'effective' AND h.school_year = {year} AND s.archived = 0"
                ),
            )
            .await?
            .first()
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
            flags.push(CountView {
                code: "hardship".to_owned(),
                label: "家庭经济困难（本学年已认定）".to_owned(),
                count: count(n),
            });
        }

        // Applications per semester, kind and outcome.
        let mut terms: BTreeMap<(i32, &'static str), BTreeMap<String, KindCountView>> =
            BTreeMap::new();
        for r in rows(
            db,
            "SELECT change_kind AS k, state AS st, opened_on AS d, COUNT(*) AS n \
             FROM application GROUP BY change_kind, state, opened_on",
        )
        .await?
        {
            let kind: ApplicationKind = r.try_get("", "k")?;
            let code = kind.code().to_owned();
            let state: String = r.try_get("", "st")?;
            let on: NaiveDate = r.try_get("", "d")?;
            let n = count(r.try_get("", "n")?);
            let entry = terms
                .entry(semester_of(on))
                .or_default()
                .entry(code.clone())
                .or_insert_with(|| KindCountView {
                    label: kind.label_zh().to_owned(),
                    code,
                    count: 0,
                    approved: 0,
                    open: 0,
                    closed_otherwise: 0,
                });
            entry.count += n;
            match state.as_str() {
                "approved" => entry.approved += n,
                "open" => entry.open += n,
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
