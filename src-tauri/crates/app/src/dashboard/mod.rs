//! The registrar's dashboard (工作台): what is due (applications waiting on this school and open
//! deadlines, with working days left), the compliance findings of R32, leaves ending soon or
//! already past, and counts by status and grade. Counts are SQL `GROUP BY`s and every list is
//! bounded, so it stays fast with 100 000 students. Opening it is audited (R30.1).

pub mod counts;
pub mod findings;
pub mod todos;

use chrono::NaiveDate;
use xueji_domain::AuditAction;
use xueji_domain::WorkCalendar;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::Result;

/// The longest list of each kind the dashboard shows (the totals say how many there are).
pub const LIST_LIMIT: usize = 200;

/// Leaves ending within this many days are listed when the caller does not say.
pub const DEFAULT_LEAVE_WITHIN_DAYS: u32 = 30;

/// What the dashboard asks for.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DashboardInput {
    /// List leaves ending within this many days.
    pub leave_within_days: u32,
}

impl Default for DashboardInput {
    fn default() -> Self {
        Self {
            leave_within_days: DEFAULT_LEAVE_WITHIN_DAYS,
        }
    }
}

/// Something to do by a date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TodoView {
    /// `application` (an open application waiting on this school) or `deadline`.
    pub source: String,
    /// The application's or the deadline's id.
    pub id: i64,
    pub application_id: Option<i64>,
    pub student_id: Option<i64>,
    pub student_name: Option<String>,
    /// The deadline's kind or the application's change kind.
    pub kind: String,
    pub label: String,
    pub rule: String,
    /// `None` for a step without a time limit.
    pub due_on: Option<NaiveDate>,
    /// Working days from today to the due date; negative when overdue. `None` when there is no
    /// due date.
    pub working_days_left: Option<i32>,
    pub overdue: bool,
    /// Why the due date is 暂定 (counted past the loaded holiday notices); `None` when final.
    pub provisional_reason: Option<String>,
}

/// A compliance finding (R32) with where to go to fix it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FindingView {
    /// The R32 item (`R32.1` …).
    pub rule: String,
    /// The rule whose duty is breached (`R8.1` …).
    pub basis: String,
    pub message: String,
    pub due: Option<NaiveDate>,
    pub overdue_working_days: Option<u32>,
    /// `breach`, or `warning` while the due date is 暂定 and the missing holiday notice could
    /// still move it past today (R32: a breach only when certain).
    pub severity: String,
    /// Why the due date is 暂定; `None` when final.
    pub provisional_reason: Option<String>,
    /// Link target: the student …
    pub student_id: Option<i64>,
    /// … or the application.
    pub application_id: Option<i64>,
}

/// A student on leave.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LeaveView {
    pub student_id: i64,
    pub student_name: String,
    pub grade_label: String,
    pub class_name: Option<String>,
    pub leave_until: NaiveDate,
    /// Calendar days until the leave ends; negative when already past.
    pub days_left: i64,
}

/// A count under a code.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CountView {
    pub code: String,
    pub label: String,
    pub count: u64,
}

/// Where the latest semester review (学期核查, R29.1) stands.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSummaryView {
    pub review_id: i64,
    pub term_label: String,
    pub total: u64,
    pub checked: u64,
    pub signed_off_on: Option<NaiveDate>,
    /// The review is of the semester containing today (else an older one: none opened yet).
    pub current: bool,
}

/// The dashboard.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    pub today: NaiveDate,
    /// Sorted by due date (no due date last); at most [`LIST_LIMIT`].
    pub todos: Vec<TodoView>,
    pub todos_total: u64,
    pub findings: Vec<FindingView>,
    /// False when only the oldest candidates were checked (see the note).
    pub findings_complete: bool,
    /// Leaves ending between today and `leaveWithinDays` days from now.
    pub leave_ending: Vec<LeaveView>,
    /// Leaves already past their end without a resumption (R14.3).
    pub leave_overdue: Vec<LeaveView>,
    /// Every record by status.
    pub by_status: Vec<CountView>,
    /// Records not archived, by grade.
    pub by_grade: Vec<CountView>,
    pub total_students: u64,
    /// The latest semester review, if one was opened.
    pub review: Option<ReviewSummaryView>,
    /// The reminder to copy a backup outside the data folder (issue 15), for users who may.
    pub backup_reminder: Option<String>,
    /// What is wrong between the audit chain and its anchor outside the database (issue 15), for
    /// users who may read the audit log; `None` when nothing is.
    pub audit_alarm: Option<String>,
    /// What the registrar should know about the lists (a long list cut, dates counted past the
    /// loaded holiday notices).
    pub notes: Vec<String>,
}

/// Working days from `today` to `due`: positive ahead, negative overdue.
pub fn working_days_left(calendar: &WorkCalendar, today: NaiveDate, due: NaiveDate) -> Result<i32> {
    let signed = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    if due >= today {
        Ok(signed(calendar.working_days_between(today, due)?))
    } else {
        Ok(-signed(calendar.working_days_between(due, today)?))
    }
}

impl App {
    /// The dashboard with the default horizons.
    pub async fn dashboard(&self, session: &Session) -> Result<DashboardView> {
        self.dashboard_with(session, &DashboardInput::default())
            .await
    }

    /// The dashboard (audited as a view).
    pub async fn dashboard_with(
        &self,
        session: &Session,
        input: &DashboardInput,
    ) -> Result<DashboardView> {
        self.authorize(session, Permission::ViewStudents).await?;
        // Assessments whose public notice has ended take effect (and enter archive section 6)
        // even on a day nobody opens the hardship pages.
        self.hardship_settle().await?;
        let today = self.today();
        let mut notes = Vec::new();
        let (todos, todos_total) = self.dashboard_todos(today, &mut notes).await?;
        let (findings, findings_complete) = self.dashboard_findings(today, &mut notes).await?;
        let (leave_ending, leave_overdue) = self
            .dashboard_leaves(today, input.leave_within_days)
            .await?;
        let (by_status, by_grade, total_students) = self.dashboard_counts().await?;
        let review = self.dashboard_review(today).await?;
        let backup_reminder = self.offsite_reminder(session, today).await?;
        let audit_alarm = self.audit_alarm(session).await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!(
                "dashboard todos:{} findings:{} leaves:{}",
                todos.len(),
                findings.len(),
                leave_ending.len() + leave_overdue.len()
            ),
        )
        .await?;
        Ok(DashboardView {
            today,
            todos,
            todos_total,
            findings,
            findings_complete,
            leave_ending,
            leave_overdue,
            by_status,
            by_grade,
            total_students,
            review,
            backup_reminder,
            audit_alarm,
            notes,
        })
    }

    /// The audit chain's disagreement with its anchor, said for those who may read the log.
    async fn audit_alarm(&self, session: &Session) -> Result<Option<String>> {
        if !session.role.may(Permission::ViewAudit) {
            return Ok(None);
        }
        Ok(self.store().audit_alarm().await?.map(|problem| {
            format!(
                "审计日志异常：{problem}。请在“设置 → 审计日志”中校验全部记录，并向学校负责人报告；如数据库被替换，请从备份恢复（恢复会记下被丢弃的记录）。"
            )
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn working_days_left_counts_ahead_and_behind() {
        let cal = WorkCalendar::official();
        // Monday 2025-03-03 to Friday 2025-03-07: four working days ahead.
        assert_eq!(working_days_left(&cal, d(2025, 3, 3), d(2025, 3, 7)), Ok(4));
        assert_eq!(working_days_left(&cal, d(2025, 3, 7), d(2025, 3, 7)), Ok(0));
        // Due Friday, today the next Monday: one working day late.
        assert_eq!(
            working_days_left(&cal, d(2025, 3, 10), d(2025, 3, 7)),
            Ok(-1)
        );
        // Past the loaded notices the count is provisional, never refused: 31 Dec, 4–8 Jan
        // (1 Jan 2027 is 元旦).
        assert_eq!(
            working_days_left(&cal, d(2026, 12, 30), d(2027, 1, 8)),
            Ok(6)
        );
    }
}
