//! The school's holiday notices: kept as one JSON setting, loaded by pasting a notice's text,
//! replaced, corrected day by day, removed. Every change counts the open deadlines again in the
//! same transaction and is audited.

use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::AuditAction;
use xueji_domain::WorkCalendar;
use xueji_domain::calendar::{Notice, NoticeOrigin, parse_notice};
use xueji_store::repo::deadlines;

use super::recompute::{self, Recomputed};
use super::views::{
    CalendarSaved, CalendarView, MovedDeadlineView, NoticeDayView, NoticeInput, NoticePreview,
};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::settings::{self, SCHOOL_NOTICES};

async fn save_school_notices<C: ConnectionTrait>(db: &C, notices: &[Notice]) -> Result<()> {
    settings::put(db, SCHOOL_NOTICES, &notices).await?;
    xueji_store::repo::settings::remove(db, settings::CALENDAR_NOTICES).await?;
    Ok(())
}

/// The school's list with `notice` in it: replacing the one of the same title, else added.
/// The first school notice of a year that has shipped notices takes those in with it, so an
/// amendment shipped for that year stays in force.
fn with_notice(calendar: &WorkCalendar, notice: Notice) -> Vec<Notice> {
    let mut school: Vec<Notice> = calendar.school_notices().to_vec();
    if !school.iter().any(|n| n.year == notice.year) {
        school.extend(
            calendar
                .shipped_notices()
                .iter()
                .filter(|n| n.year == notice.year)
                .map(|n| Notice {
                    origin: NoticeOrigin::School,
                    ..n.clone()
                }),
        );
    }
    match school.iter_mut().find(|n| n.title == notice.title) {
        Some(existing) => *existing = notice,
        None => school.push(notice),
    }
    school
}

fn moved_views(r: &Recomputed) -> Vec<MovedDeadlineView> {
    r.moved
        .iter()
        .map(|m| MovedDeadlineView {
            student_id: m.student_id,
            label: m.label.clone(),
            before: m.before,
            after: m.after,
            provisional: m.provisional_after,
        })
        .collect()
}

fn summary(r: &Recomputed, year: i32, removed: bool) -> String {
    let moved = r.moved.len();
    if removed {
        return match (moved, r.unsettled) {
            (0, 0) => format!("已删除{year}年通知；没有需要调整的期限"),
            (0, n) => format!("已删除{year}年通知，{n}个期限改为暂定，日期不变"),
            (m, _) => format!("已删除{year}年通知，{m}个期限已重新计算"),
        };
    }
    match (moved, r.settled) {
        (0, 0) => format!("已载入{year}年通知；没有需要调整的期限"),
        (0, n) => format!("{n}个暂定期限已按{year}年通知确定，日期不变"),
        (m, _) => format!("{m}个期限已按{year}年通知重新计算"),
    }
}

impl App {
    /// The working-day calendar.
    pub async fn calendar_get(&self, session: &Session) -> Result<CalendarView> {
        self.authorize(session, Permission::ViewStudents).await?;
        Ok(CalendarView::of(&self.config().calendar))
    }

    /// Reads a pasted notice's text (《国务院办公厅关于20XX年部分节假日安排的通知》) for the
    /// registrar to check on the month grid before saving. Nothing is saved.
    pub async fn calendar_preview(&self, session: &Session, text: &str) -> Result<NoticePreview> {
        self.authorize(session, Permission::ManageSettings).await?;
        let calendar = self.config().calendar.clone();
        let parsed = parse_notice(text, &calendar)?;
        let same_year: Vec<&Notice> = calendar
            .notices()
            .into_iter()
            .filter(|n| n.year == parsed.year)
            .collect();
        Ok(NoticePreview {
            year: parsed.year,
            replaces: same_year
                .iter()
                .find(|n| n.title == parsed.title)
                .map(|n| n.title.clone()),
            alongside: same_year
                .iter()
                .filter(|n| n.title != parsed.title)
                .map(|n| n.title.clone())
                .collect(),
            days: parsed.entries.iter().map(NoticeDayView::from).collect(),
            title: parsed.title,
        })
    }

    /// Saves a notice (new, or replacing the one of the same title), counts the open deadlines
    /// again, and reports what moved. One transaction, audited.
    pub async fn calendar_save(
        &self,
        session: &Session,
        input: &NoticeInput,
    ) -> Result<CalendarSaved> {
        self.authorize(session, Permission::ManageSettings).await?;
        let notice = input.notice()?;
        let year = notice.year;
        let action = if self
            .config()
            .calendar
            .notices()
            .iter()
            .any(|n| n.title == notice.title)
        {
            AuditAction::CalendarNoticeReplace
        } else {
            AuditAction::CalendarNoticeLoad
        };
        let target = format!(
            "{year} {} days:{} adjustments:{}",
            notice.title,
            notice.days().len(),
            notice.adjustments.len()
        );
        let school = with_notice(&self.config().calendar, notice);
        self.calendar_change(session, school, year, false, action, &target)
            .await
    }

    /// Removes the school's notices of `year` (only the one titled `title` when given). A year
    /// shipped with the software falls back to the shipped notice; a later one is counted
    /// provisionally again. Stored deadlines are counted again, never lost.
    pub async fn calendar_remove(
        &self,
        session: &Session,
        year: i32,
        title: Option<&str>,
    ) -> Result<CalendarSaved> {
        self.authorize(session, Permission::ManageSettings).await?;
        let before: Vec<Notice> = self.config().calendar.school_notices().to_vec();
        let school: Vec<Notice> = before
            .iter()
            .filter(|n| !(n.year == year && title.is_none_or(|t| n.title == t)))
            .cloned()
            .collect();
        if school.len() == before.len() {
            return Err(AppError::not_found(match title {
                Some(t) => format!("本校载入的通知“{t}”"),
                None => format!("本校载入的{year}年节假日通知"),
            }));
        }
        let target = format!("{year} removed:{}", before.len() - school.len());
        self.calendar_change(
            session,
            school,
            year,
            true,
            AuditAction::CalendarNoticeRemove,
            &target,
        )
        .await
    }

    /// At opening: provisional deadlines whose notices this release now ships (or that were
    /// loaded while another copy of the data was in use) are counted again. Audited as `system`.
    pub(crate) async fn calendar_settle_on_open(&self) -> Result<()> {
        let calendar = self.config().calendar.clone();
        let open = deadlines::open_provisional(self.db()).await?;
        let stale = open.iter().any(|d| {
            super::stored_provisional(d.provisional.as_deref())
                .is_some_and(|p| p.years.iter().any(|y| calendar.covers(*y)))
        });
        if !stale {
            return Ok(());
        }
        let hardship_days = self.hardship_notice_days().await?;
        let txn = self.db().begin().await?;
        let r = recompute::recompute_open(&txn, &calendar, &calendar, self.today(), hardship_days)
            .await?;
        audit::append(
            &txn,
            "system",
            AuditAction::DeadlineRecompute,
            &format!(
                "open recomputed:{} moved:{} settled:{}",
                r.recomputed,
                r.moved.len(),
                r.settled
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    async fn calendar_change(
        &self,
        session: &Session,
        school: Vec<Notice>,
        year: i32,
        removed: bool,
        action: AuditAction,
        target: &str,
    ) -> Result<CalendarSaved> {
        let old = self.config().calendar.clone();
        let new = WorkCalendar::official().with_school_notices(school.clone())?;
        let today = self.today();
        let hardship_days = self.hardship_notice_days().await?;
        let txn = self.db().begin().await?;
        save_school_notices(&txn, &school).await?;
        audit::append(&txn, &session.username, action, target).await?;
        let r = recompute::recompute_open(&txn, &old, &new, today, hardship_days).await?;
        if r.recomputed > 0 {
            audit::append(
                &txn,
                &session.username,
                AuditAction::DeadlineRecompute,
                &format!(
                    "calendar:{year} recomputed:{} moved:{} settled:{}",
                    r.recomputed,
                    r.moved.len(),
                    r.settled
                ),
            )
            .await?;
        }
        txn.commit().await?;
        self.reload_config().await?;
        Ok(CalendarSaved {
            calendar: CalendarView::of(&self.config().calendar),
            recomputed: r.recomputed,
            moved: moved_views(&r),
            summary: summary(&r, year, removed),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(moved: usize, settled: u32, unsettled: u32) -> Recomputed {
        Recomputed {
            recomputed: 5,
            moved: (0..moved)
                .map(|i| recompute::MovedDeadline {
                    student_id: i64::try_from(i).unwrap_or(0),
                    label: String::new(),
                    before: chrono::NaiveDate::MIN,
                    after: chrono::NaiveDate::MIN,
                    provisional_after: false,
                })
                .collect(),
            settled,
            unsettled,
        }
    }

    #[test]
    fn r13_3_the_summary_says_what_moved() {
        assert_eq!(
            summary(&r(3, 0, 0), 2027, false),
            "3个期限已按2027年通知重新计算"
        );
        assert_eq!(
            summary(&r(0, 2, 0), 2027, false),
            "2个暂定期限已按2027年通知确定，日期不变"
        );
        assert_eq!(
            summary(&r(0, 0, 0), 2027, false),
            "已载入2027年通知；没有需要调整的期限"
        );
        assert_eq!(
            summary(&r(1, 0, 1), 2027, true),
            "已删除2027年通知，1个期限已重新计算"
        );
        assert_eq!(
            summary(&r(0, 0, 4), 2027, true),
            "已删除2027年通知，4个期限改为暂定，日期不变"
        );
    }
}
