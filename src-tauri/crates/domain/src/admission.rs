//! Admission and record creation. Admission is never conditioned on a prior 学籍 (R3.1): a student
//! is admitted and attends while the record is created or transferred in. Record creation has its
//! own rules: no duplicates (R7.2), a national duplicate check for non-grade-1 students without a
//! record (R7.5), the foreign-student qualification (R6.3), home teaching only where offered (R7.4).

use chrono::NaiveDate;

use crate::change::CheckResult;
use crate::deadlines;
use crate::effects::{DeadlineKind, Effects, Event, EventKind, Warning};
use crate::error::{DomainError, Result};
use crate::id_card::IdCardNumber;
use crate::record::{Context, StudentRef};
use crate::rules;
use crate::school::{Grade, StudyMode};
use crate::status::Status;
use crate::xueji_number::XuejiNumber;

/// How the student comes to the school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AdmissionKind {
    /// 小学一年级新生 (R6.1)
    GradeOne,
    /// Transfer in from another school; the record follows (R7.3).
    TransferIn,
    /// A non-grade-1 student with no record anywhere (R7.5).
    NoPriorRecord { national_check: CheckResult },
}

/// An admission.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Admission {
    pub kind: AdmissionKind,
    pub grade: Grade,
    pub study_mode: StudyMode,
    pub foreign: bool,
    pub entry_date: NaiveDate,
}

/// Admits a student. The student attends from the entry date with status 待核准; the archive is
/// due within the profile's months (R8.1). Nothing about a prior 学籍 is required (R3.1).
pub fn admit(ctx: &Context<'_>, admission: &Admission) -> Result<Effects> {
    if admission.foreign && !ctx.school.may_admit_foreign {
        return Err(DomainError::rule(
            rules::R6_3,
            "本校未取得接收外国学生的资格，不能接收外国学生入学",
        ));
    }
    if !ctx.school.accepts_study_mode(admission.study_mode) {
        return Err(DomainError::rule(
            rules::R7_4,
            "送教上门学生的学籍由承担送教上门的学校或特殊教育学校建立",
        ));
    }
    if !ctx.school.has_grade(admission.grade) {
        return Err(DomainError::invalid(
            "grade",
            rules::R12_1,
            format!("本校没有{}", admission.grade.label_zh()),
        ));
    }
    if admission.kind == AdmissionKind::GradeOne && admission.grade != Grade::FIRST {
        return Err(DomainError::rule(rules::R6_1, "新生入学应为一年级"));
    }
    if admission.entry_date > ctx.today {
        return Err(DomainError::rule(rules::R10_1, "入学日期不能晚于今天"));
    }
    let mut fx = Effects {
        status: Some(Status::PendingApproval),
        grade: Some(admission.grade),
        ..Effects::default()
    };
    fx.deadline_counted(
        DeadlineKind::ArchiveCreation,
        deadlines::archive_basis(ctx.profile, admission.entry_date),
        ctx.calendar,
        rules::R8_1,
        "为学生建立学籍档案",
    )?;
    match admission.kind {
        AdmissionKind::NoPriorRecord { national_check }
            if national_check != CheckResult::Passed =>
        {
            fx.warnings.push(Warning {
                rule: rules::R7_5,
                message:
                    "学生可先入学就读；全国学籍查重通过后方可新建学籍，查重不通过的应办理转学手续"
                        .to_owned(),
            });
        }
        AdmissionKind::TransferIn => fx.warnings.push(Warning {
            rule: rules::R3_1,
            message: "学生可先入学就读，学籍转接随后办理".to_owned(),
        }),
        AdmissionKind::GradeOne | AdmissionKind::NoPriorRecord { .. } => {}
    }
    fx.events.push(Event {
        kind: EventKind::Admitted,
        on: admission.entry_date,
        rule: rules::R3_1,
        status_before: Status::PendingApproval,
        status_after: Status::PendingApproval,
        grade_before: admission.grade,
        grade_after: admission.grade,
        summary: format!("入学（{}）", admission.grade.label_zh()),
    });
    Ok(fx)
}

/// An existing record anywhere in the database, archived ones included (R7.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExistingRecord {
    pub student: StudentRef,
    /// `None` while the national system has not returned one (待分配).
    pub xueji_number: Option<XuejiNumber>,
    pub id_card: Option<IdCardNumber>,
    /// The identity document's number as entered (a passport's, where there is no resident ID).
    pub document_number: String,
    pub status: Status,
}

/// A record about to be created.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewRecord {
    /// `None` for a student without a resident ID: the national system issues the L or J number
    /// (R7.1), none is invented here.
    pub xueji_number: Option<XuejiNumber>,
    pub id_card: Option<IdCardNumber>,
    /// The identity document's number as entered.
    pub document_number: String,
    pub kind: AdmissionKind,
}

/// The same document number, ignoring case and spaces; an empty one matches nothing.
fn same_document(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// Refuses a duplicate 学籍 and names the existing record (R7.2).
pub fn check_duplicate(new: &NewRecord, existing: &[ExistingRecord]) -> Result<()> {
    let dup = existing.iter().find(|e| {
        matches!((&e.xueji_number, &new.xueji_number), (Some(a), Some(b)) if a == b || a.body() == b.body())
            || matches!((&e.id_card, &new.id_card), (Some(a), Some(b)) if a == b)
            || same_document(&e.document_number, &new.document_number)
    });
    if let Some(e) = dup {
        return Err(DomainError::rule(
            rules::R7_2,
            format!(
                "不得重复建立学籍：与已有学籍重复（{}，学籍号{}，{}）",
                e.student.name,
                e.xueji_number
                    .as_ref()
                    .map_or_else(|| "待分配".to_owned(), ToString::to_string),
                e.status.label_zh()
            ),
        ));
    }
    Ok(())
}

/// Whether a record may be created now: no duplicate (R7.2) and, for a non-grade-1 student
/// without a record, a passed national duplicate check (R7.5).
pub fn check_creation(new: &NewRecord, existing: &[ExistingRecord]) -> Result<()> {
    check_duplicate(new, existing)?;
    if let AdmissionKind::NoPriorRecord { national_check } = new.kind {
        match national_check {
            CheckResult::Passed => {}
            CheckResult::NotDone => {
                return Err(DomainError::rule(
                    rules::R7_5,
                    "非一年级且没有学籍的学生须先通过全国学籍查重，方可新建学籍",
                ));
            }
            CheckResult::Failed => {
                return Err(DomainError::rule(
                    rules::R7_5,
                    "全国学籍查重未通过：该生已有学籍，应按规定办理转学手续",
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WorkCalendar;
    use crate::id_card::tests::d;
    use crate::profile::RuleProfile;
    use crate::school::{School, SchoolKind};

    fn admission(kind: AdmissionKind, grade: u8) -> Admission {
        Admission {
            kind,
            grade: Grade::new(grade).unwrap_or(Grade::FIRST),
            study_mode: StudyMode::Regular,
            foreign: false,
            entry_date: d(2024, 9, 2),
        }
    }

    fn with_ctx<T>(school: &School, f: impl FnOnce(&Context<'_>) -> T) -> T {
        let profile = RuleProfile::default();
        let calendar = WorkCalendar::official();
        let ctx = Context {
            profile: &profile,
            calendar: &calendar,
            school,
            terms: &[],
            today: d(2024, 9, 10),
        };
        f(&ctx)
    }

    fn id(s: &str) -> IdCardNumber {
        IdCardNumber::parse(s, d(2024, 1, 1)).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn existing() -> Vec<ExistingRecord> {
        let archived = id("330106201005150026");
        vec![ExistingRecord {
            student: StudentRef {
                id: "s1".into(),
                name: "李华".into(),
            },
            xueji_number: Some(XuejiNumber::from_id_card(&archived)),
            id_card: Some(archived),
            document_number: "330106201005150026".into(),
            status: Status::Graduated,
        }]
    }

    #[test]
    fn r3_1_admission_never_requires_a_prior_record() {
        let school = School::new(SchoolKind::Primary);
        with_ctx(&school, |ctx| {
            for kind in [
                AdmissionKind::TransferIn,
                AdmissionKind::NoPriorRecord {
                    national_check: CheckResult::NotDone,
                },
                AdmissionKind::NoPriorRecord {
                    national_check: CheckResult::Failed,
                },
            ] {
                let fx = admit(ctx, &admission(kind, 3)).expect("admitted without a prior record");
                assert_eq!(fx.status, Some(Status::PendingApproval));
                assert!(fx.status.is_some_and(Status::is_attending));
            }
            // what R3.1 does not cover is still refused: a grade the school does not have
            let mut junior_only = admission(AdmissionKind::TransferIn, 3);
            junior_only.grade = Grade::new(8).unwrap_or(Grade::LAST);
            assert!(admit(ctx, &junior_only).is_err());
        });
    }

    #[test]
    fn r6_1_grade_one_newcomer_waits_for_bureau_approval() {
        let school = School::new(SchoolKind::Primary);
        with_ctx(&school, |ctx| {
            let fx = admit(ctx, &admission(AdmissionKind::GradeOne, 1)).expect("admitted");
            assert_eq!(fx.status, Some(Status::PendingApproval));
            let err = admit(ctx, &admission(AdmissionKind::GradeOne, 2))
                .expect_err("newcomers enter grade 1");
            assert_eq!(err.rule_id(), Some(&rules::R6_1));
        });
    }

    #[test]
    fn r6_3_foreign_students_only_with_the_qualification() {
        let mut school = School::new(SchoolKind::Primary);
        let mut foreign = admission(AdmissionKind::GradeOne, 1);
        foreign.foreign = true;
        let err = with_ctx(&school, |ctx| admit(ctx, &foreign)).expect_err("no qualification");
        assert_eq!(err.rule_id(), Some(&rules::R6_3));
        school.may_admit_foreign = true;
        assert!(with_ctx(&school, |ctx| admit(ctx, &foreign)).is_ok());
    }

    #[test]
    fn r7_4_home_teaching_record_at_a_school_that_offers_it() {
        let mut school = School::new(SchoolKind::Primary);
        let mut home = admission(AdmissionKind::GradeOne, 1);
        home.study_mode = StudyMode::HomeTeaching;
        let err = with_ctx(&school, |ctx| admit(ctx, &home)).expect_err("not offered");
        assert_eq!(err.rule_id(), Some(&rules::R7_4));
        school.offers_home_teaching = true;
        assert!(with_ctx(&school, |ctx| admit(ctx, &home)).is_ok());
        assert!(
            with_ctx(&School::new(SchoolKind::SpecialEducation), |ctx| admit(
                ctx, &home
            ))
            .is_ok()
        );
    }

    #[test]
    fn r8_1_admission_sets_the_archive_deadline_per_profile() {
        let school = School::new(SchoolKind::Primary);
        let fx = with_ctx(&school, |ctx| {
            admit(ctx, &admission(AdmissionKind::GradeOne, 1))
        })
        .expect("ok");
        let due = fx
            .deadline(DeadlineKind::ArchiveCreation)
            .expect("deadline");
        assert_eq!(due.due, d(2024, 10, 8));
        assert_eq!(due.rule, rules::R8_1);
    }

    #[test]
    fn r7_2_duplicate_records_are_refused_naming_the_existing_one() {
        let dup_id = id("330106201005150026");
        let new = NewRecord {
            xueji_number: Some(XuejiNumber::from_id_card(&dup_id)),
            id_card: Some(dup_id),
            document_number: "330106201005150026".into(),
            kind: AdmissionKind::TransferIn,
        };
        let err = check_duplicate(&new, &existing()).expect_err("duplicate");
        assert_eq!(err.rule_id(), Some(&rules::R7_2));
        assert!(err.to_string().contains("李华"));
        // the same person under a temporary L number is the same person
        let l = NewRecord {
            xueji_number: Some(XuejiNumber::temporary("330106201005150026").expect("L")),
            id_card: None,
            document_number: String::new(),
            kind: AdmissionKind::TransferIn,
        };
        assert!(check_duplicate(&l, &existing()).is_err());
        // without any 学籍号 yet (待分配), the same document number is the same person
        let passport = NewRecord {
            xueji_number: None,
            id_card: None,
            document_number: " 330106201005150026".into(),
            kind: AdmissionKind::TransferIn,
        };
        assert!(check_duplicate(&passport, &existing()).is_err());
        let stranger = NewRecord {
            xueji_number: None,
            id_card: None,
            document_number: "E12345678".into(),
            kind: AdmissionKind::TransferIn,
        };
        assert!(check_duplicate(&stranger, &existing()).is_ok());
        let other = id("330106201209100039");
        let fresh = NewRecord {
            xueji_number: Some(XuejiNumber::from_id_card(&other)),
            id_card: Some(other),
            document_number: "330106201209100039".into(),
            kind: AdmissionKind::GradeOne,
        };
        assert!(check_creation(&fresh, &existing()).is_ok());
    }

    #[test]
    fn r7_5_creation_without_a_record_needs_a_passed_national_check() {
        let other = id("330106201209100039");
        let mut new = NewRecord {
            xueji_number: Some(XuejiNumber::from_id_card(&other)),
            id_card: Some(other),
            document_number: "330106201209100039".into(),
            kind: AdmissionKind::NoPriorRecord {
                national_check: CheckResult::NotDone,
            },
        };
        assert_eq!(
            check_creation(&new, &[])
                .expect_err("not checked")
                .rule_id(),
            Some(&rules::R7_5)
        );
        new.kind = AdmissionKind::NoPriorRecord {
            national_check: CheckResult::Failed,
        };
        let err = check_creation(&new, &[]).expect_err("failed");
        assert!(err.to_string().contains("转学"));
        new.kind = AdmissionKind::NoPriorRecord {
            national_check: CheckResult::Passed,
        };
        assert!(check_creation(&new, &[]).is_ok());
    }
}
