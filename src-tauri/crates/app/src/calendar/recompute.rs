//! Counting the open deadlines again when the calendar changes (a notice loaded, corrected or
//! removed; a newer release shipping a year's notice): every open deadline stored with how it was
//! counted, the waiting step's due date of its application, a leave's end on the student, and a
//! hardship 公示 still running. Called inside the caller's transaction.

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use xueji_domain::WorkCalendar;
use xueji_domain::calendar::{Counting, Span};
use xueji_domain::effects::DeadlineKind;
use xueji_store::entities::deadline;
use xueji_store::repo::{applications, deadlines, hardship, students};

use super::{provisional_code, stored_provisional};
use crate::error::Result;

/// A deadline whose date moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedDeadline {
    pub student_id: i64,
    pub label: String,
    pub before: NaiveDate,
    pub after: NaiveDate,
    pub provisional_after: bool,
}

/// What counting again did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recomputed {
    /// Open deadlines counted again.
    pub recomputed: u32,
    pub moved: Vec<MovedDeadline>,
    /// Provisional before, final now (date unchanged).
    pub settled: u32,
    /// Final before, provisional now (date unchanged).
    pub unsettled: u32,
}

/// Counts every open deadline again under `new`. `old` is the calendar they were counted on
/// (for a hardship 公示, whose length in working days is read back from its dates).
pub async fn recompute_open<C: ConnectionTrait>(
    db: &C,
    old: &WorkCalendar,
    new: &WorkCalendar,
    today: NaiveDate,
    hardship_days: u32,
) -> Result<Recomputed> {
    let mut out = Recomputed::default();
    let open = deadlines::open_counted(db).await?;
    for row in open {
        let (Some(start), Some(span)) = (row.start_on, row.span.as_deref().and_then(Span::parse))
        else {
            continue;
        };
        if span == Span::Fixed {
            continue;
        }
        out.recomputed += 1;
        let due = Counting { start, span }.due(new)?;
        let code = provisional_code(due.provisional.as_ref());
        if due.date == row.due_on && code == row.provisional {
            continue;
        }
        let was_provisional = stored_provisional(row.provisional.as_deref()).is_some();
        if due.date == row.due_on {
            if was_provisional {
                out.settled += 1;
            } else {
                out.unsettled += 1;
            }
        } else {
            out.moved.push(MovedDeadline {
                student_id: row.student_id,
                label: row.label.clone(),
                before: row.due_on,
                after: due.date,
                provisional_after: due.provisional.is_some(),
            });
            follow(db, &row, due.date).await?;
        }
        deadlines::set_due(db, row, due.date, code).await?;
    }
    hardship(db, old, new, today, hardship_days, &mut out).await?;
    Ok(out)
}

/// The copies of a moved due date: the application's waiting step, the student's leave end.
async fn follow<C: ConnectionTrait>(db: &C, row: &deadline::Model, after: NaiveDate) -> Result<()> {
    let before = row.due_on;
    if row.kind == DeadlineKind::TransferStep
        && let Some(id) = row.application_id
        && let Some(app) = applications::find(db, id).await?
        && app.due_on == Some(before)
    {
        applications::move_due(db, app, after).await?;
    }
    if row.kind == DeadlineKind::LeaveEnds
        && let Some(s) = students::find(db, row.student_id).await?
        && s.leave_until == Some(before)
    {
        students::move_leave_end(db, s, after).await?;
    }
    Ok(())
}

/// A hardship 公示 still running ends on the same number of working days under the new calendar.
async fn hardship<C: ConnectionTrait>(
    db: &C,
    old: &WorkCalendar,
    new: &WorkCalendar,
    today: NaiveDate,
    default_days: u32,
    out: &mut Recomputed,
) -> Result<()> {
    let running = hardship::notice_running(db, today).await?;
    for row in running {
        let (Some(from), Some(until)) = (row.notice_from, row.notice_until) else {
            continue;
        };
        let days = old
            .working_days_between(from, until)
            .map_or(default_days, |n| n + 1)
            .max(1);
        let start = new.working_day_on_or_after(from)?;
        let end = new.add_working_days(start, days - 1)?;
        out.recomputed += 1;
        if start == from && end == until {
            continue;
        }
        out.moved.push(MovedDeadline {
            student_id: row.student_id,
            label: "家庭经济困难认定公示期满".to_owned(),
            before: until,
            after: end,
            provisional_after: new.provisional(start, end).is_some(),
        });
        hardship::move_notice(db, row, start, end).await?;
    }
    Ok(())
}
