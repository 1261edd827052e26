//! The county bureau's semester check (第四条, R4.1): 县级教育行政部门 … 每学期核查一次学生学籍信息
//! 变动情况. The bureau checks; the school records that it did — the date, who checked, and the
//! findings as text items — and resolves each finding (整改) with a date and a note. It is not
//! the school's own review of every record (第二十九条, R29.1, `review::SemesterReview`), which
//! the school does and signs off itself; the two are shown side by side.

use chrono::NaiveDate;

use crate::error::{DomainError, Result};
use crate::rules;
use crate::school::Term;

/// How one finding was resolved.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Resolution {
    pub on: NaiveDate,
    pub by: String,
    /// What the school did (整改情况).
    pub note: String,
}

/// One finding of the bureau's check.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BureauFinding {
    pub text: String,
    #[serde(default)]
    pub resolved: Option<Resolution>,
}

/// The bureau's check of one term, as the school records it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BureauCheck {
    pub term: Term,
    pub checked_on: NaiveDate,
    /// The bureau, or the person who checked for it.
    pub checked_by: String,
    /// Empty when the check found nothing.
    #[serde(default)]
    pub findings: Vec<BureauFinding>,
}

impl BureauCheck {
    /// Records a check: who checked is required, the date lies in the term's school year from
    /// the term's start up to today, and each finding is a non-empty line (blank lines dropped).
    pub fn new(
        term: Term,
        checked_on: NaiveDate,
        checked_by: &str,
        findings: impl IntoIterator<Item = String>,
        today: NaiveDate,
    ) -> Result<Self> {
        let checked_by = checked_by.trim();
        if checked_by.is_empty() {
            return Err(DomainError::rule(
                rules::R4_1,
                "须填写核查的主管教育行政部门或核查人",
            ));
        }
        if checked_on > today {
            return Err(DomainError::rule(
                rules::R4_1,
                format!("核查日期{checked_on}晚于今天（{today}），请在核查后登记"),
            ));
        }
        if checked_on < term.start {
            return Err(DomainError::rule(
                rules::R4_1,
                format!(
                    "核查日期{checked_on}早于{}开始（{}），不是本学期的核查",
                    term.label_zh(),
                    term.start
                ),
            ));
        }
        Ok(Self {
            term,
            checked_on,
            checked_by: checked_by.to_owned(),
            findings: findings
                .into_iter()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .map(|text| BureauFinding {
                    text,
                    resolved: None,
                })
                .collect(),
        })
    }

    /// Findings not yet resolved.
    pub fn open_findings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.resolved.is_none())
            .count()
    }

    /// Resolves finding `index` (0-based): once, not before the check, not after today, with a
    /// note of what was done.
    pub fn resolve(
        &mut self,
        index: usize,
        on: NaiveDate,
        by: &str,
        note: &str,
        today: NaiveDate,
    ) -> Result<()> {
        let checked_on = self.checked_on;
        let finding = self
            .findings
            .get_mut(index)
            .ok_or_else(|| DomainError::rule(rules::R4_1, "核查没有这一条问题"))?;
        if finding.resolved.is_some() {
            return Err(DomainError::rule(rules::R4_1, "这一条问题已经整改"));
        }
        let note = note.trim();
        if note.is_empty() {
            return Err(DomainError::rule(rules::R4_1, "须填写整改情况"));
        }
        if on < checked_on {
            return Err(DomainError::rule(
                rules::R4_1,
                format!("整改日期{on}早于核查日期{checked_on}"),
            ));
        }
        if on > today {
            return Err(DomainError::rule(
                rules::R4_1,
                format!("整改日期{on}晚于今天（{today}）"),
            ));
        }
        finding.resolved = Some(Resolution {
            on,
            by: by.trim().to_owned(),
            note: note.to_owned(),
        });
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
            year: SchoolYear(2026),
            semester: Semester::First,
            start: d(2026, 9, 1),
            end: d(2027, 1, 22),
        }
    }

    /// 第四条: 县级教育行政部门 … 每学期核查一次学生学籍信息变动情况 — the school records the
    /// check (date, who, the findings) and resolves each finding.
    #[test]
    fn r4_1_the_bureau_semester_check_is_recorded_with_its_findings_each_resolvable() {
        let today = d(2026, 12, 3);
        let mut c = BureauCheck::new(
            term(),
            d(2026, 11, 20),
            " 西湖区教育局 ",
            vec![
                "2名转出学生档案未转接".to_owned(),
                "  ".to_owned(),
                "休学材料缺医院证明".to_owned(),
            ],
            today,
        )
        .expect("recorded");
        assert_eq!(c.checked_by, "西湖区教育局");
        assert_eq!(c.findings.len(), 2, "blank lines dropped");
        assert_eq!(c.open_findings(), 2);
        let err = c
            .resolve(0, d(2026, 12, 1), "李老师", " ", today)
            .expect_err("no note");
        assert_eq!(err.rule_id(), Some(&rules::R4_1));
        assert!(
            c.resolve(0, d(2026, 11, 19), "李老师", "已转接", today)
                .is_err(),
            "before the check"
        );
        assert!(
            c.resolve(0, d(2026, 12, 4), "李老师", "已转接", today)
                .is_err(),
            "after today"
        );
        c.resolve(0, d(2026, 12, 1), "李老师", "档案已转接", today)
            .expect("resolved");
        assert_eq!(c.open_findings(), 1);
        assert!(
            c.resolve(0, d(2026, 12, 2), "李老师", "再次", today)
                .is_err(),
            "once"
        );
        assert!(c.resolve(5, d(2026, 12, 2), "李老师", "x", today).is_err());
    }

    #[test]
    fn r4_1_a_check_needs_who_checked_and_a_date_in_the_term_up_to_today() {
        let today = d(2026, 12, 3);
        let none: Vec<String> = Vec::new();
        let err =
            BureauCheck::new(term(), d(2026, 11, 20), " ", none.clone(), today).expect_err("who");
        assert_eq!(err.rule_id(), Some(&rules::R4_1));
        assert!(BureauCheck::new(term(), d(2026, 12, 4), "区教育局", none.clone(), today).is_err());
        assert!(BureauCheck::new(term(), d(2026, 8, 31), "区教育局", none.clone(), today).is_err());
        let clean = BureauCheck::new(term(), d(2026, 12, 3), "区教育局", none, today)
            .expect("a check that found nothing");
        assert_eq!(clean.open_findings(), 0);
    }

    #[test]
    fn stored_checks_without_findings_still_read() {
        let json = r#"{"term":{"year":2026,"semester":"first","start":"2026-09-01","end":"2027-01-22"},"checked_on":"2026-11-20","checked_by":"区教育局"}"#;
        let c: BureauCheck = serde_json::from_str(json).expect("reads");
        assert!(c.findings.is_empty());
    }
}
