//! Deadlines: in Chinese working days (R13.3, R18.1, R19.1), in months (R8.1, R14.3, R23.1),
//! and by school year (R6.2); "overdue by N working days"; the transfer window (R13.2).
//!
//! A period counted in months that ends on a holiday or weekend ends on the next working day
//! (民法典第二百零三条), so no deadline ever falls on a day off.

use chrono::{Days, NaiveDate};

use crate::calendar::{Counting, Due, WorkCalendar};
use crate::effects::Warning;
use crate::error::{DomainError, Result};
use crate::profile::RuleProfile;
use crate::rules;
use crate::school::{SchoolYear, Term};

/// `start` plus `months` calendar months, moved to the next working day if it is a day off.
pub fn after_months(calendar: &WorkCalendar, start: NaiveDate, months: u32) -> Result<Due> {
    Counting::months(start, months).due(calendar)
}

/// R8.1: the archive is due within the profile's months of entry.
pub fn archive_basis(profile: &RuleProfile, entry: NaiveDate) -> Counting {
    Counting::months(entry, profile.archive_deadline_months)
}

/// R8.1, counted.
pub fn archive_due(
    profile: &RuleProfile,
    calendar: &WorkCalendar,
    entry: NaiveDate,
) -> Result<Due> {
    archive_basis(profile, entry).due(calendar)
}

/// R19.1: the record of a deceased student is cancelled within the profile's working days.
pub fn death_cancellation_basis(profile: &RuleProfile, died_on: NaiveDate) -> Counting {
    Counting::working_days(died_on, profile.death_cancellation_working_days)
}

/// R19.1, counted.
pub fn death_cancellation_due(
    profile: &RuleProfile,
    calendar: &WorkCalendar,
    died_on: NaiveDate,
) -> Result<Due> {
    death_cancellation_basis(profile, died_on).due(calendar)
}

/// R18.1: a dropout is reported in writing within the profile's working days.
pub fn dropout_report_basis(profile: &RuleProfile, dropped_out_on: NaiveDate) -> Counting {
    Counting::working_days(dropped_out_on, profile.dropout_report_working_days)
}

/// R18.1, counted.
pub fn dropout_report_due(
    profile: &RuleProfile,
    calendar: &WorkCalendar,
    dropped_out_on: NaiveDate,
) -> Result<Due> {
    dropout_report_basis(profile, dropped_out_on).due(calendar)
}

/// R10.1: a change that happened is recorded within the profile's working days.
pub fn change_record_due(
    profile: &RuleProfile,
    calendar: &WorkCalendar,
    happened_on: NaiveDate,
) -> Result<Due> {
    Counting::working_days(happened_on, profile.change_record_working_days).due(calendar)
}

/// R6.2: the last day to apply for a deferral for a school year: the day before it starts.
pub fn deferral_application_deadline(year: SchoolYear) -> NaiveDate {
    year.start().pred_opt().unwrap_or(NaiveDate::MIN)
}

/// R6.2: refuses a deferral application made on or after the start of its school year.
pub fn check_deferral_application(year: SchoolYear, applied_on: NaiveDate) -> Result<()> {
    let last = deferral_application_deadline(year);
    if applied_on > last {
        return Err(DomainError::rule(
            rules::R6_2,
            format!(
                "缓学申请应在学年开始前提出：{}的申请截止于{last}",
                year.label_zh()
            ),
        ));
    }
    Ok(())
}

/// Working days `today` is past `due`; 0 if not past.
pub fn overdue_working_days(
    calendar: &WorkCalendar,
    due: NaiveDate,
    today: NaiveDate,
) -> Result<u32> {
    if today <= due {
        Ok(0)
    } else {
        calendar.working_days_between(due, today)
    }
}

/// The term a date falls in, if the school has set it.
pub fn term_containing(terms: &[Term], date: NaiveDate) -> Option<&Term> {
    terms.iter().find(|t| t.start <= date && date <= t.end)
}

/// R18.2: the end of the semester a date falls in.
pub fn semester_end(terms: &[Term], date: NaiveDate) -> Option<NaiveDate> {
    term_containing(terms, date).map(|t| t.end)
}

/// R13.2: transfers normally happen between the end of a semester and the start of the next
/// (开学初, the profile's days after the start). Outside that window, a warning (never a refusal).
/// No warning when the school has not set its terms for that date.
pub fn transfer_window_warning(
    profile: &RuleProfile,
    terms: &[Term],
    date: NaiveDate,
) -> Option<Warning> {
    let term = term_containing(terms, date)?;
    let early_until = term
        .start
        .checked_add_days(Days::new(u64::from(
            profile.transfer_window_days_after_term_start,
        )))
        .unwrap_or(term.start);
    if date <= early_until {
        return None;
    }
    Some(Warning {
        rule: rules::R13_2,
        message: format!(
            "转学一般安排在学期结束后至新学期开学初办理；{}在{}学期中，请记录原因",
            date,
            term.label_zh()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;
    use crate::school::Semester;

    fn terms() -> Vec<Term> {
        vec![
            Term {
                year: SchoolYear(2024),
                semester: Semester::First,
                start: d(2024, 9, 1),
                end: d(2025, 1, 17),
            },
            Term {
                year: SchoolYear(2024),
                semester: Semester::Second,
                start: d(2025, 2, 14),
                end: d(2025, 6, 27),
            },
        ]
    }

    #[test]
    fn r8_1_archive_due_one_month_after_entry_moved_off_holidays() {
        let cal = WorkCalendar::official();
        let zj = RuleProfile::zhejiang_2017();
        assert_eq!(
            archive_due(&zj, &cal, d(2024, 9, 2)).map(|x| x.date),
            Ok(d(2024, 10, 8)),
            "2 Oct is National Day"
        );
        assert_eq!(
            archive_due(&zj, &cal, d(2024, 3, 4)).map(|x| x.date),
            Ok(d(2024, 4, 7)),
            "4 Apr is 清明, 7 Apr a make-up Sunday"
        );
        let national = RuleProfile::national_2025();
        assert_eq!(
            archive_due(&national, &cal, d(2025, 9, 1)).map(|x| x.date),
            Ok(d(2025, 11, 3)),
            "1 Nov 2025 is a Saturday"
        );
        // on time vs overdue
        assert_eq!(
            overdue_working_days(&cal, d(2024, 10, 8), d(2024, 10, 8)),
            Ok(0)
        );
        assert_eq!(
            overdue_working_days(&cal, d(2024, 10, 8), d(2024, 10, 14)),
            Ok(5),
            "12 Oct is a make-up Saturday"
        );
    }

    #[test]
    fn r6_2_deferral_application_before_the_school_year() {
        assert_eq!(
            deferral_application_deadline(SchoolYear(2024)),
            d(2024, 8, 31)
        );
        assert!(check_deferral_application(SchoolYear(2024), d(2024, 8, 31)).is_ok());
        let err =
            check_deferral_application(SchoolYear(2024), d(2024, 9, 1)).expect_err("too late");
        assert_eq!(err.rule_id(), Some(&rules::R6_2));
    }

    #[test]
    fn r13_2_transfer_outside_the_window_warns_but_never_refuses() {
        let p = RuleProfile::default();
        let t = terms();
        assert_eq!(
            transfer_window_warning(&p, &t, d(2025, 1, 25)),
            None,
            "winter holiday"
        );
        assert_eq!(
            transfer_window_warning(&p, &t, d(2025, 2, 20)),
            None,
            "开学初"
        );
        let w = transfer_window_warning(&p, &t, d(2024, 11, 5)).expect("mid-term");
        assert_eq!(w.rule, rules::R13_2);
        assert_eq!(transfer_window_warning(&p, &[], d(2024, 11, 5)), None);
    }

    #[test]
    fn r19_1_death_cancellation_within_ten_working_days() {
        let cal = WorkCalendar::official();
        let p = RuleProfile::default();
        // Fri 2025-01-24 + 10 working days: 26 Jan (make-up Sunday), 27 Jan, then 28 Jan–4 Feb
        // off, 5–7 Feb, 8 Feb (make-up Saturday), 10–13 Feb
        assert_eq!(
            death_cancellation_due(&p, &cal, d(2025, 1, 24)).map(|x| x.date),
            Ok(d(2025, 2, 13))
        );
    }

    #[test]
    fn r18_1_dropout_report_due_in_working_days() {
        let cal = WorkCalendar::official();
        let p = RuleProfile::default();
        assert_eq!(
            dropout_report_due(&p, &cal, d(2024, 4, 29)).map(|x| x.date),
            Ok(d(2024, 5, 9))
        );
        assert_eq!(semester_end(&terms(), d(2024, 11, 5)), Some(d(2025, 1, 17)));
    }
}
