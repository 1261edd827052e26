//! Import of a student list (issue 8): the records already exist in the national system, so they
//! come in as 在读 in the grade the sheet gives. Every problem is reported by row and column; the
//! rows are written only when there is none, in one transaction.

use std::collections::HashMap;
use xueji_domain::AuditAction;

use sea_orm::TransactionTrait;
use xueji_domain::{SchoolYear, Status, rules};
use xueji_store::entities::{class_placement, student_event};
use xueji_store::repo::students::{self as repo, NewStudent};
use xueji_store::repo::{events, placements};

pub use super::check::{Checked, read_workbook};
use super::report::{ImportCommitView, ImportProblem, ImportReport};
use super::sheet::{Col, column_for, label};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::Result;

/// Rows per `IN (…)` lookup.
const LOOKUP: usize = 500;

impl App {
    /// Checks a student list without writing anything: every problem by row and column, including
    /// ID numbers or 学籍号 already on a record here (R7.2, naming the record).
    pub async fn import_students_check(
        &self,
        session: &Session,
        bytes: &[u8],
    ) -> Result<ImportReport> {
        self.authorize(session, Permission::EditStudents).await?;
        let checked = self.check_import(bytes).await?;
        // The check answers whether an ID number is on the books here: the question is recorded.
        crate::audit::record(
            self.db(),
            &session.username,
            xueji_domain::AuditAction::View,
            &format!(
                "import_check rows:{} problems:{}",
                checked.report.rows,
                checked.report.problems.len()
            ),
        )
        .await?;
        Ok(checked.report)
    }

    /// Checks again and, only if nothing is wrong, writes every row in one transaction (students,
    /// history, guardians, class placements, one `record_created` event each, the audit).
    /// Otherwise writes nothing and returns the report with `committed: false`.
    pub async fn import_students_commit(
        &self,
        session: &Session,
        bytes: &[u8],
    ) -> Result<ImportCommitView> {
        self.authorize(session, Permission::EditStudents).await?;
        let checked = self.check_import(bytes).await?;
        if !checked.report.is_clean() {
            return Ok(ImportCommitView {
                committed: false,
                imported: 0,
                report: checked.report,
            });
        }
        let students: Vec<NewStudent> = checked.students.into_iter().flatten().collect();
        let today = self.today();
        let now = self.now();
        let actor = session.username.as_str();
        let txn = self.db().begin().await?;
        let written = repo::insert_many(&txn, actor, &students).await?;
        let year = SchoolYear::containing(today);
        for part in students.chunks(LOOKUP) {
            let numbers: Vec<&str> = part.iter().map(|s| s.id_number.as_str()).collect();
            let ids: HashMap<String, i64> = repo::with_id_numbers(&txn, numbers)
                .await?
                .into_iter()
                .map(|m| (m.id_number, m.id))
                .collect();
            let mut events = Vec::with_capacity(part.len());
            let mut classes = Vec::new();
            for s in part {
                let Some(id) = ids.get(&s.id_number).copied() else {
                    continue;
                };
                let grade = s.grade.map_or(0, |g| i32::from(g.number()));
                events.push(student_event::Model {
                    id: 0,
                    student_id: id,
                    application_id: None,
                    kind: "record_created".to_owned(),
                    on_date: today,
                    rule: rules::R7_1.as_str().to_owned(),
                    status_before: Status::Enrolled,
                    status_after: Status::Enrolled,
                    grade_before: grade,
                    grade_after: grade,
                    summary: "导入：学籍已在全国学籍系统中（在读）".to_owned(),
                    recorded_at: now,
                    recorded_by: actor.to_owned(),
                });
                if let Some(class_name) = &s.placement.class_name {
                    classes.push(class_placement::Model {
                        id: 0,
                        student_id: id,
                        school_year: year.start_year(),
                        grade,
                        class_name: class_name.clone(),
                        from_date: s.placement.entry_date.unwrap_or(today),
                        to_date: None,
                    });
                }
            }
            events::insert_many(&txn, events).await?;
            placements::insert_many(&txn, classes).await?;
        }
        audit::append(
            &txn,
            actor,
            AuditAction::StudentImport,
            &format!("students:{written}"),
        )
        .await?;
        txn.commit().await?;
        Ok(ImportCommitView {
            committed: true,
            imported: u32::try_from(written).unwrap_or(u32::MAX),
            report: checked.report,
        })
    }

    /// The pure check plus duplicates of existing records (R7.2).
    async fn check_import(&self, bytes: &[u8]) -> Result<Checked> {
        let mut checked = read_workbook(bytes, self.today())?;
        let rows: Vec<u32> = checked.report.sheet.rows.iter().map(|(r, _)| *r).collect();
        let present: Vec<(usize, &NewStudent)> = checked
            .students
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|s| (i, s)))
            .collect();
        let mut dupes: Vec<(usize, ImportProblem)> = Vec::new();
        for part in present.chunks(LOOKUP) {
            let numbers: Vec<&str> = part.iter().map(|(_, s)| s.id_number.as_str()).collect();
            let xuejis: Vec<&str> = part
                .iter()
                .filter_map(|(_, s)| s.xueji_number.as_deref())
                .collect();
            let existing = repo::with_any_numbers(self.db(), numbers, xuejis).await?;
            if existing.is_empty() {
                continue;
            }
            let by_id: HashMap<&str, i64> = existing
                .iter()
                .map(|m| (m.id_number.as_str(), m.id))
                .collect();
            let by_x: HashMap<&str, i64> = existing
                .iter()
                .filter_map(|m| m.xueji_number.as_deref().map(|x| (x, m.id)))
                .collect();
            for (i, s) in part {
                let hit = by_id
                    .get(s.id_number.as_str())
                    .map(|id| (Col::IdNumber, "身份证件号", *id))
                    .or_else(|| {
                        s.xueji_number
                            .as_deref()
                            .and_then(|x| by_x.get(x))
                            .map(|id| (Col::XuejiNumber, "学籍号", *id))
                    });
                if let Some((col, what, id)) = hit {
                    let headers = &checked.report.sheet.headers;
                    let cells = &checked.report.sheet.rows[*i].1;
                    let pos = headers.iter().position(|h| column_for(h) == Some(col));
                    dupes.push((
                        *i,
                        ImportProblem {
                            row: rows[*i],
                            column: pos
                                .and_then(|p| headers.get(p).cloned())
                                .unwrap_or_else(|| label(col).to_owned()),
                            value: pos.and_then(|p| cells.get(p).cloned()).unwrap_or_default(),
                            rule: Some(rules::R7_2.as_str().to_owned()),
                            message: format!("该{what}已有学籍（学生编号 {id}），不得重复建立学籍"),
                        },
                    ));
                }
            }
        }
        for (i, p) in dupes {
            checked.students[i] = None;
            checked.report.problems.push(p);
        }
        checked.report.problems.sort_by_key(|p| p.row);
        checked.report.valid_rows =
            u32::try_from(checked.students.iter().flatten().count()).unwrap_or(u32::MAX);
        Ok(checked)
    }
}
