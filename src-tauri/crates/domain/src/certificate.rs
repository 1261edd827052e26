//! The 《浙江省义务教育证书》's own rules (第二十四至二十六条): the 入学年月 it prints (the first
//! entry into the school's stage, also for a pupil who transferred in, R24.1), and the life of one
//! printed certificate (R26.2): printed once; a misprint not yet handed out may be voided with its
//! reason and printed again after the school approver agrees; once handed out it is never voided
//! or reprinted, and a lost one is replaced by the 毕（结、肄）业证明书 only.

use chrono::{Datelike, NaiveDate};

use crate::error::{DomainError, Result};
use crate::rules;
use crate::school::{Grade, SchoolKind, SchoolYear};

/// The first day in this stage (小学 grades 1–6, 初中 grades 7–9, or the nine years of a
/// nine-year or special school) that the certificate prints as 入学年月 (R24.1).
///
/// `grade` and `entered_here` are the grade and date the student joined this school. A pupil
/// who started the stage here entered it that day. A pupil who transferred in (`transferred`)
/// entered the stage at the sending school: the date the sending record gives (`declared`), or,
/// when none was given, 1 September of the school year in which the pupil was in the stage's
/// first grade (counted back from the grade on arrival).
pub fn stage_entry(
    kind: SchoolKind,
    grade: Grade,
    entered_here: NaiveDate,
    transferred: bool,
    declared: Option<NaiveDate>,
) -> Result<NaiveDate> {
    if let Some(first) = declared {
        if first > entered_here {
            return Err(DomainError::invalid(
                "stage_entry_date",
                rules::R24_1,
                format!("本学段首次入学日期（{first}）不能晚于进入本校的日期（{entered_here}）"),
            ));
        }
        if !transferred && first != entered_here {
            return Err(DomainError::invalid(
                "stage_entry_date",
                rules::R24_1,
                "只有转入的学生才在外校首次进入本学段；其他学生的入学年月即本校入学日期",
            ));
        }
        return Ok(first);
    }
    if !transferred {
        return Ok(entered_here);
    }
    let first_grade = kind.first_grade().number();
    let years_before = i32::from(grade.number().saturating_sub(first_grade));
    let start = SchoolYear::containing(entered_here).start_year() - years_before;
    NaiveDate::from_ymd_opt(start, 9, 1).ok_or_else(|| {
        DomainError::invalid(
            "stage_entry_date",
            rules::R24_1,
            "无法推算本学段首次入学年月，请填写",
        )
    })
}

/// What is recorded about one printed certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedCertificate {
    pub serial: String,
    pub voided: bool,
    /// Handed to the student or guardian (发放).
    pub handed_out: bool,
    /// The school approver agreed to print it again (after a void).
    pub reprint_approved: bool,
    /// The serial of the certificate printed in its place.
    pub replaced_by: Option<String>,
}

/// Why a certificate may be printed now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintPermit {
    /// None printed yet.
    First,
    /// A voided misprint, its reprint approved: the new print replaces it.
    Reprint { replaces: String },
}

fn lost_only_proof() -> String {
    "证书已经发放，遗失或损毁后不再补发；可开具毕（结、肄）业证明书".to_owned()
}

/// Whether one student's certificate may be printed, given every certificate printed for them
/// (R26.2).
pub fn may_print(issued: &[IssuedCertificate]) -> Result<PrintPermit> {
    if issued.iter().any(|c| c.handed_out) {
        return Err(DomainError::rule(rules::R26_2, lost_only_proof()));
    }
    if let Some(c) = issued.iter().find(|c| !c.voided) {
        return Err(DomainError::rule(
            rules::R26_2,
            format!(
                "证书{}已经打印，证书只颁发一次；印错的须先作废并经审核同意后重印",
                c.serial
            ),
        ));
    }
    let waiting: Vec<&IssuedCertificate> =
        issued.iter().filter(|c| c.replaced_by.is_none()).collect();
    match waiting.as_slice() {
        [] => Ok(PrintPermit::First),
        [c, ..] if c.reprint_approved => Ok(PrintPermit::Reprint {
            replaces: c.serial.clone(),
        }),
        [c, ..] => Err(DomainError::rule(
            rules::R26_2,
            format!("证书{}已作废，重印须经学校审核人同意", c.serial),
        )),
    }
}

/// Whether a certificate may be voided: only a misprint not yet handed out, with its reason.
pub fn may_void(c: &IssuedCertificate, reason: &str) -> Result<()> {
    if c.handed_out {
        return Err(DomainError::rule(rules::R26_2, lost_only_proof()));
    }
    if c.voided {
        return Err(DomainError::rule(
            rules::R26_2,
            format!("证书{}已作废", c.serial),
        ));
    }
    if reason.trim().is_empty() {
        return Err(DomainError::invalid(
            "reason",
            rules::R26_2,
            "请填写作废原因（印错的情况）",
        ));
    }
    Ok(())
}

/// Whether the approver may agree to reprint a voided certificate.
pub fn may_approve_reprint(c: &IssuedCertificate) -> Result<()> {
    if !c.voided {
        return Err(DomainError::rule(
            rules::R26_2,
            format!("证书{}未作废，不能重印", c.serial),
        ));
    }
    if c.reprint_approved || c.replaced_by.is_some() {
        return Err(DomainError::rule(
            rules::R26_2,
            format!("证书{}的重印已经同意过", c.serial),
        ));
    }
    Ok(())
}

/// Whether a certificate may be recorded as handed out.
pub fn may_hand_out(c: &IssuedCertificate, on: NaiveDate, issued_on: NaiveDate) -> Result<()> {
    if c.voided {
        return Err(DomainError::rule(
            rules::R26_2,
            format!("证书{}已作废，不能发放", c.serial),
        ));
    }
    if c.handed_out {
        return Err(DomainError::rule(
            rules::R26_2,
            format!("证书{}已登记发放", c.serial),
        ));
    }
    if on < issued_on {
        return Err(DomainError::invalid(
            "handedOutOn",
            rules::R26_2,
            format!(
                "发放日期不能早于打印日期（{}年{}月{}日）",
                issued_on.year(),
                issued_on.month(),
                issued_on.day()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn cert(serial: &str) -> IssuedCertificate {
        IssuedCertificate {
            serial: serial.to_owned(),
            voided: false,
            handed_out: false,
            reprint_approved: false,
            replaced_by: None,
        }
    }

    #[test]
    fn r24_1_the_stage_entry_is_counted_back_for_a_pupil_who_transferred_in() {
        let g8 = Grade::new(8).expect("grade");
        // Came into grade 8 of a junior school in March 2025: entered 初中 in September 2023.
        assert_eq!(
            stage_entry(SchoolKind::Junior, g8, d(2025, 3, 3), true, None),
            Ok(d(2023, 9, 1))
        );
        // In a nine-year school the stage began in grade 1.
        assert_eq!(
            stage_entry(SchoolKind::NineYear, g8, d(2025, 3, 3), true, None),
            Ok(d(2017, 9, 1))
        );
        // The sending record's date wins; it cannot be after the arrival.
        assert_eq!(
            stage_entry(
                SchoolKind::Junior,
                g8,
                d(2025, 3, 3),
                true,
                Some(d(2023, 8, 30))
            ),
            Ok(d(2023, 8, 30))
        );
        let late = stage_entry(
            SchoolKind::Junior,
            g8,
            d(2025, 3, 3),
            true,
            Some(d(2025, 4, 1)),
        );
        assert_eq!(late.expect_err("late").rule_id(), Some(&rules::R24_1));
        // Started the stage here: the day of entry.
        let g7 = Grade::new(7).expect("grade");
        assert_eq!(
            stage_entry(SchoolKind::Junior, g7, d(2023, 9, 1), false, None),
            Ok(d(2023, 9, 1))
        );
    }

    #[test]
    fn r26_2_a_misprint_is_voided_before_hand_out_and_reprinted_after_approval() {
        assert_eq!(may_print(&[]), Ok(PrintPermit::First));
        let mut c = cert("2026-CERT-000001");
        assert_eq!(
            may_print(std::slice::from_ref(&c))
                .expect_err("printed")
                .rule_id(),
            Some(&rules::R26_2)
        );
        assert!(may_void(&c, " ").is_err());
        may_void(&c, "姓名印错").expect("void");
        c.voided = true;
        assert!(
            may_print(std::slice::from_ref(&c)).is_err(),
            "needs approval"
        );
        may_approve_reprint(&c).expect("approve");
        c.reprint_approved = true;
        assert_eq!(
            may_print(std::slice::from_ref(&c)),
            Ok(PrintPermit::Reprint {
                replaces: "2026-CERT-000001".to_owned()
            })
        );
        c.replaced_by = Some("2026-CERT-000002".to_owned());
        let mut second = cert("2026-CERT-000002");
        may_hand_out(&second, d(2026, 7, 10), d(2026, 7, 10)).expect("hand out");
        second.handed_out = true;
        assert_eq!(
            may_void(&second, "遗失").expect_err("handed out").rule_id(),
            Some(&rules::R26_2)
        );
        assert!(
            may_print(&[c, second]).is_err(),
            "only the proof after hand-out"
        );
    }
}
