//! Completion (R24–R27): 毕业 / 结业 / 肄业 from the facts, the certificate and its number, no
//! reissue of a lost certificate, and the attendance statement for foreign students.

use crate::aux_number::AuxNumber;
use crate::document::{Document, DocumentKind};
use crate::error::{DomainError, Result};
use crate::profile::RuleProfile;
use crate::rules;
use crate::status::Status;

/// The facts the outcome is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CompletionFacts {
    /// Completed the programme within the years of study (按课程计划规定完成学业).
    pub programme_completed: bool,
    /// Passed the 综合素质 assessment.
    pub overall_quality_passed: bool,
    /// School graduation-exam subjects still failed after make-up exams.
    pub failed_subjects_after_makeup: u32,
}

/// The three outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 毕业 (R25.1)
    Graduated,
    /// 结业 (R25.2)
    Completed,
    /// 肄业 (R25.3)
    Incomplete,
}

impl Outcome {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Graduated => "毕业",
            Self::Completed => "结业",
            Self::Incomplete => "肄业",
        }
    }

    pub fn status(self) -> Status {
        match self {
            Self::Graduated => Status::Graduated,
            Self::Completed => Status::Completed,
            Self::Incomplete => Status::Incomplete,
        }
    }

    pub fn from_status(status: Status) -> Option<Self> {
        match status {
            Status::Graduated => Some(Self::Graduated),
            Status::Completed => Some(Self::Completed),
            Status::Incomplete => Some(Self::Incomplete),
            _ => None,
        }
    }
}

/// The outcome and the rule that decided it.
pub fn outcome(facts: &CompletionFacts, profile: &RuleProfile) -> (Outcome, rules::RuleId) {
    if !facts.programme_completed {
        (Outcome::Incomplete, rules::R25_3)
    } else if !facts.overall_quality_passed
        || facts.failed_subjects_after_makeup >= profile.failed_subjects_for_completed
    {
        (Outcome::Completed, rules::R25_2)
    } else {
        (Outcome::Graduated, rules::R25_1)
    }
}

/// Whether sanctions are purged for this outcome (R23.3).
pub fn purges_sanctions(outcome: Outcome, profile: &RuleProfile) -> bool {
    outcome == Outcome::Graduated || profile.purge_sanctions_on_any_completion
}

/// The certificate for a finished student (R24.1), numbered with the 学籍辅号 (R26.1).
pub fn certificate(status: Status, aux_number: Option<&AuxNumber>) -> Result<Document> {
    let outcome = Outcome::from_status(status).ok_or_else(|| {
        DomainError::rule(
            rules::R24_1,
            format!(
                "学生为“{}”状态，未办理毕业、结业或肄业，不能发放证书",
                status.label_zh()
            ),
        )
    })?;
    let number = aux_number.ok_or_else(|| {
        DomainError::rule(rules::R26_1, "证书编号同学籍辅号，请先登记学生的学籍辅号")
    })?;
    Ok(Document {
        kind: DocumentKind::Certificate,
        rule: rules::R24_1,
        annotation: Some(format!(
            "{}（编号：{}）",
            outcome.label_zh(),
            number.as_str()
        )),
    })
}

/// A lost certificate is never reissued (R26.2).
pub fn reissue_certificate() -> Result<Document> {
    Err(DomainError::rule(
        rules::R26_2,
        "毕（结、肄）业证书遗失后不再补发，可申请开具毕（结、肄）业证明书",
    ))
}

/// The completion proof issued instead, sealed by the bureau (R26.2).
pub fn completion_proof(status: Status) -> Result<Document> {
    let outcome = Outcome::from_status(status).ok_or_else(|| {
        DomainError::rule(
            rules::R26_2,
            "只有已毕业、结业或肄业的学生可以开具毕（结、肄）业证明书",
        )
    })?;
    Ok(Document {
        kind: DocumentKind::CompletionProof,
        rule: rules::R26_2,
        annotation: Some(format!(
            "{}证明书，须经主管教育行政部门盖章",
            outcome.label_zh()
        )),
    })
}

/// The factual statement for a foreign student who did not complete the programme (R27.1).
pub fn attendance_statement(foreign: bool, programme_completed: bool) -> Result<Document> {
    if !foreign {
        return Err(DomainError::rule(rules::R27_1, "写实性证明只发给外国学生"));
    }
    if programme_completed {
        return Err(DomainError::rule(
            rules::R27_1,
            "已完成全部学业的学生发给证书，不发写实性证明",
        ));
    }
    Ok(Document {
        kind: DocumentKind::AttendanceStatement,
        rule: rules::R27_1,
        annotation: Some("须经主管教育行政部门核定".to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aux_number::AuxPattern;

    fn facts(done: bool, quality: bool, failed: u32) -> CompletionFacts {
        CompletionFacts {
            programme_completed: done,
            overall_quality_passed: quality,
            failed_subjects_after_makeup: failed,
        }
    }

    #[test]
    fn r25_1_graduated_when_completed_and_passed() {
        let p = RuleProfile::default();
        assert_eq!(outcome(&facts(true, true, 0), &p).0, Outcome::Graduated);
        assert_eq!(outcome(&facts(true, true, 2), &p).0, Outcome::Graduated);
        assert_ne!(outcome(&facts(true, true, 3), &p).0, Outcome::Graduated);
    }

    #[test]
    fn r25_2_completed_when_quality_failed_or_three_subjects_failed() {
        let p = RuleProfile::default();
        assert_eq!(
            outcome(&facts(true, false, 0), &p),
            (Outcome::Completed, rules::R25_2)
        );
        assert_eq!(
            outcome(&facts(true, true, 3), &p),
            (Outcome::Completed, rules::R25_2)
        );
        assert_eq!(outcome(&facts(true, true, 2), &p).0, Outcome::Graduated);
    }

    #[test]
    fn r25_3_incomplete_when_programme_not_completed() {
        let p = RuleProfile::default();
        assert_eq!(
            outcome(&facts(false, true, 0), &p),
            (Outcome::Incomplete, rules::R25_3)
        );
        assert_eq!(outcome(&facts(true, true, 0), &p).0, Outcome::Graduated);
    }

    #[test]
    fn r24_1_certificate_only_for_finished_students() {
        let aux = AuxNumber::parse(
            "ZJ001",
            &AuxPattern::Alphanumeric {
                min_len: 1,
                max_len: 30,
            },
        )
        .expect("aux");
        let doc = certificate(Status::Completed, Some(&aux)).expect("issued");
        assert_eq!(doc.kind, DocumentKind::Certificate);
        assert!(
            doc.annotation
                .as_deref()
                .unwrap_or_default()
                .starts_with("结业")
        );
        let err = certificate(Status::Enrolled, Some(&aux)).expect_err("not finished");
        assert_eq!(err.rule_id(), Some(&rules::R24_1));
    }

    #[test]
    fn r26_1_certificate_number_is_the_aux_number() {
        let aux = AuxNumber::parse(
            "ZJ001",
            &AuxPattern::Alphanumeric {
                min_len: 1,
                max_len: 30,
            },
        )
        .expect("aux");
        let doc = certificate(Status::Graduated, Some(&aux)).expect("issued");
        assert!(
            doc.annotation
                .as_deref()
                .unwrap_or_default()
                .contains("ZJ001")
        );
        let err = certificate(Status::Graduated, None).expect_err("no aux number");
        assert_eq!(err.rule_id(), Some(&rules::R26_1));
    }

    #[test]
    fn r26_2_no_reissue_but_a_completion_proof() {
        assert_eq!(
            reissue_certificate().expect_err("never").rule_id(),
            Some(&rules::R26_2)
        );
        let proof = completion_proof(Status::Graduated).expect("proof");
        assert_eq!(proof.kind, DocumentKind::CompletionProof);
        assert_eq!(
            completion_proof(Status::Enrolled)
                .expect_err("not finished")
                .rule_id(),
            Some(&rules::R26_2)
        );
    }

    #[test]
    fn r27_1_attendance_statement_for_foreign_students_who_did_not_complete() {
        assert_eq!(
            attendance_statement(true, false).expect("issued").kind,
            DocumentKind::AttendanceStatement
        );
        assert_eq!(
            attendance_statement(false, false)
                .expect_err("not foreign")
                .rule_id(),
            Some(&rules::R27_1)
        );
        assert!(attendance_statement(true, true).is_err());
    }

    #[test]
    fn r23_3_purge_rule_follows_the_profile() {
        let mut p = RuleProfile::default();
        assert!(purges_sanctions(Outcome::Graduated, &p));
        assert!(purges_sanctions(Outcome::Completed, &p));
        p.purge_sanctions_on_any_completion = false;
        assert!(purges_sanctions(Outcome::Graduated, &p));
        assert!(!purges_sanctions(Outcome::Completed, &p));
    }
}
