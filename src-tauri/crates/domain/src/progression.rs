//! 升学 (R9.1): "学生转学或升学的，学籍档案转至转入学校或升入学校". When a 小学 class graduates, each
//! pupil's archive goes to the 初中 the pupil enters: a signed package where that school has
//! XueJi, a printed hand-over list where it has not. Who may be handed over, and how the record
//! continues at the junior school.

use chrono::{Datelike, NaiveDate};

use crate::error::{DomainError, Result};
use crate::rules;
use crate::school::{SchoolKind, SchoolYear};
use crate::status::Status;

/// The last grade of the primary stage: its graduates enter 初中.
pub const PRIMARY_LAST_GRADE: u8 = 6;

/// The grade a primary graduate continues in at the junior school.
pub const JUNIOR_FIRST_GRADE: u8 = 7;

/// Whether a record with `status` in `grade` finished 小学 and goes on to 初中: 毕业 or 结业 at the
/// end of grade 6 (R25.1, R25.2). A pupil who left early (肄业) or any other status does not.
pub fn completed_primary(status: Status, grade: Option<u8>) -> bool {
    matches!(status, Status::Graduated | Status::Completed) && grade == Some(PRIMARY_LAST_GRADE)
}

/// Refuses a hand-over of a record that did not finish 小学 here, or that already went (R9.1).
pub fn check_hand_over(
    status: Status,
    grade: Option<u8>,
    handed_over_on: Option<NaiveDate>,
) -> Result<()> {
    if !completed_primary(status, grade) {
        return Err(DomainError::rule(
            rules::R9_1,
            format!(
                "只有六年级毕业（结业）的学生才能移交升学档案，该生为{}",
                status.label_zh()
            ),
        ));
    }
    if let Some(on) = handed_over_on {
        return Err(DomainError::rule(
            rules::R9_1,
            format!(
                "该生的学籍档案已于{}移交升入学校，不重复移交",
                on.format("%Y年%-m月%-d日")
            ),
        ));
    }
    Ok(())
}

/// Refuses a progression package at a school without a grade 7 (a 小学): the pupils would have
/// no grade to continue in (R9.1).
pub fn check_receiving(kind: SchoolKind) -> Result<()> {
    if u8::from(kind.last_grade()) < JUNIOR_FIRST_GRADE {
        return Err(DomainError::rule(
            rules::R9_1,
            format!(
                "升学档案应交升入的初中，本校为{}，没有七年级，不能接收",
                kind.label_zh()
            ),
        ));
    }
    Ok(())
}

/// The day a primary graduate enters 初中, as the record's entry into the stage: 1 September of
/// the school year the pupil starts, which is this year's from July on (the summer after 毕业).
pub fn junior_entry(received_on: NaiveDate) -> NaiveDate {
    if received_on.month() >= 7 {
        SchoolYear(received_on.year()).start()
    } else {
        SchoolYear::containing(received_on).start()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn r9_1_only_primary_graduates_go_on_and_only_once() {
        // 第九条: "学生转学或升学的，学籍档案转至……升入学校".
        assert!(check_hand_over(Status::Graduated, Some(6), None).is_ok());
        assert!(check_hand_over(Status::Completed, Some(6), None).is_ok());
        for (status, grade) in [
            (Status::Enrolled, Some(6)),
            (Status::Incomplete, Some(6)),
            (Status::Graduated, Some(9)),
            (Status::DroppedOut, Some(6)),
        ] {
            let err = check_hand_over(status, grade, None).expect_err("not a primary graduate");
            assert_eq!(err.rule_id(), Some(&rules::R9_1));
        }
        let err = check_hand_over(Status::Graduated, Some(6), Some(day(2026, 7, 10)))
            .expect_err("already handed over");
        assert!(err.message().contains("2026年7月10日"), "{err}");
    }

    #[test]
    fn r9_1_the_receiving_school_has_a_grade_seven() {
        assert!(check_receiving(SchoolKind::Junior).is_ok());
        assert!(check_receiving(SchoolKind::NineYear).is_ok());
        assert!(check_receiving(SchoolKind::Primary).is_err());
    }

    #[test]
    fn r9_1_the_junior_stage_starts_on_the_first_of_september_after_graduation() {
        assert_eq!(junior_entry(day(2026, 7, 15)), day(2026, 9, 1));
        assert_eq!(junior_entry(day(2026, 9, 3)), day(2026, 9, 1));
        assert_eq!(junior_entry(day(2026, 12, 4)), day(2026, 9, 1));
        assert_eq!(junior_entry(day(2027, 2, 20)), day(2026, 9, 1));
    }
}
