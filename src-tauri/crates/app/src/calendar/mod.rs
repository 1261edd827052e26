//! The working-day calendar (R13.3): the school's holiday notices (loaded by pasting the State
//! Council's text, corrected day by day, removed), the deadlines counted on it, and counting them
//! again when a notice changes. A missing notice never refuses anything: dates past the loaded
//! notices are provisional (暂定) and say which notice is missing.

mod notices;
mod recompute;
mod views;

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use xueji_domain::effects::Deadline;
use xueji_store::entities::deadline;
use xueji_store::repo::deadlines;

use crate::error::Result;
pub use crate::views::{provisional_code, stored_provisional};

pub use recompute::{MovedDeadline, Recomputed, recompute_open};
pub use views::{
    CalendarSaved, CalendarView, DayAdjustmentView, MovedDeadlineView, NoticeDayView, NoticeInput,
    NoticePreview, NoticeView,
};

/// Writes a deadline a change set, with how it was counted and whether provisionally.
pub async fn insert_deadline<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    application_id: Option<i64>,
    d: &Deadline,
    done_on: Option<NaiveDate>,
) -> Result<()> {
    let row = deadline::Model {
        id: 0,
        student_id,
        application_id,
        kind: d.kind,
        due_on: d.due,
        rule: d.rule.as_str().to_owned(),
        label: d.label.clone(),
        done_on,
        start_on: Some(d.basis.start),
        span: Some(d.basis.span.code()),
        provisional: provisional_code(d.provisional.as_ref()),
    };
    deadlines::insert(db, row).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueji_domain::calendar::Provisional;

    #[test]
    fn r13_3_the_stored_mark_round_trips() {
        let p = Provisional::of(vec![2027, 2028]);
        let code = provisional_code(p.as_ref());
        assert_eq!(code.as_deref(), Some("2027,2028"));
        assert_eq!(stored_provisional(code.as_deref()), p);
        assert_eq!(stored_provisional(None), None);
        assert_eq!(stored_provisional(Some("")), None);
    }
}
