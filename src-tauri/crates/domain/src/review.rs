//! The semester review (学期核查): the bureau checks changes once a semester (R4.1) and the school
//! re-checks every record each semester (R29.1). Sign-off is refused until every item is checked.

use chrono::NaiveDate;

use crate::error::{DomainError, Result};
use crate::record::StudentRef;
use crate::rules::{self, RuleId};
use crate::school::Term;

/// Who reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(
    feature = "sea-orm",
    derive(sea_orm::DeriveValueType),
    sea_orm(
        value_type = "String",
        from_str = "crate::stored::parse",
        to_str = "crate::stored::text"
    )
)]
#[serde(rename_all = "snake_case")]
pub enum Reviewer {
    /// The bureau checks the semester's changes (R4.1).
    Bureau,
    /// The school re-checks all records (R29.1).
    School,
}

impl Reviewer {
    fn rule(self) -> RuleId {
        match self {
            Self::Bureau => rules::R4_1,
            Self::School => rules::R29_1,
        }
    }
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReviewItem {
    pub student: StudentRef,
    pub checked: bool,
    pub note: Option<String>,
}

/// A semester review and its sign-off.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SemesterReview {
    pub term: Term,
    pub reviewer: Reviewer,
    pub items: Vec<ReviewItem>,
    pub signed_off: Option<(NaiveDate, String)>,
}

impl SemesterReview {
    /// A checklist with one unchecked line per student (for R4.1: each changed record; for
    /// R29.1: every record).
    pub fn new(
        term: Term,
        reviewer: Reviewer,
        students: impl IntoIterator<Item = StudentRef>,
    ) -> Self {
        Self {
            term,
            reviewer,
            items: students
                .into_iter()
                .map(|student| ReviewItem {
                    student,
                    checked: false,
                    note: None,
                })
                .collect(),
            signed_off: None,
        }
    }

    /// Marks a student's line checked.
    pub fn check(&mut self, student_id: &str, note: Option<&str>) -> bool {
        match self.items.iter_mut().find(|i| i.student.id == student_id) {
            Some(item) => {
                item.checked = true;
                item.note = note.map(str::to_owned);
                true
            }
            None => false,
        }
    }

    pub fn unchecked(&self) -> usize {
        self.items.iter().filter(|i| !i.checked).count()
    }

    /// Signs off; refused while a line is unchecked, before the term starts, or without a name.
    pub fn sign_off(&mut self, on: NaiveDate, by: &str) -> Result<()> {
        let rule = self.reviewer.rule();
        if self.signed_off.is_some() {
            return Err(DomainError::rule(rule, "本学期核查已经签字确认"));
        }
        let left = self.unchecked();
        if left > 0 {
            return Err(DomainError::rule(
                rule,
                format!("还有{left}名学生的学籍未核查，不能签字确认"),
            ));
        }
        if on < self.term.start {
            return Err(DomainError::rule(rule, "签字日期早于学期开始"));
        }
        if by.trim().is_empty() {
            return Err(DomainError::rule(rule, "须填写签字人"));
        }
        self.signed_off = Some((on, by.trim().to_owned()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;
    use crate::school::{SchoolYear, Semester};

    fn term() -> Term {
        Term {
            year: SchoolYear(2024),
            semester: Semester::First,
            start: d(2024, 9, 1),
            end: d(2025, 1, 17),
        }
    }

    fn students() -> Vec<StudentRef> {
        vec![
            StudentRef {
                id: "1".into(),
                name: "王一".into(),
            },
            StudentRef {
                id: "2".into(),
                name: "王二".into(),
            },
        ]
    }

    #[test]
    fn r4_1_bureau_semester_check_signed_off_only_when_complete() {
        let mut r = SemesterReview::new(term(), Reviewer::Bureau, students());
        assert!(r.check("1", None));
        let err = r
            .sign_off(d(2025, 1, 10), "区教育局")
            .expect_err("one left");
        assert_eq!(err.rule_id(), Some(&rules::R4_1));
        assert!(r.check("2", Some("转出手续齐全")));
        assert!(!r.check("3", None));
        r.sign_off(d(2025, 1, 10), "区教育局").expect("signed");
        assert!(r.sign_off(d(2025, 1, 11), "区教育局").is_err());
    }

    #[test]
    fn r29_1_school_rechecks_every_record_each_semester() {
        let mut r = SemesterReview::new(term(), Reviewer::School, students());
        let err = r
            .sign_off(d(2025, 1, 10), "教务处")
            .expect_err("nothing checked");
        assert_eq!(err.rule_id(), Some(&rules::R29_1));
        r.check("1", None);
        r.check("2", None);
        assert!(
            r.sign_off(d(2024, 8, 1), "教务处").is_err(),
            "before the term"
        );
        assert!(r.sign_off(d(2025, 1, 10), " ").is_err());
        r.sign_off(d(2025, 1, 10), "教务处").expect("signed");
    }
}
