//! Rule tests through the public entry points: the status table, the guards, workflows and
//! effects together. Each test name carries the rule id it proves.

use chrono::NaiveDate;

use crate::calendar::WorkCalendar;
use crate::change::{
    Award, AwardLevel, Change, ChangeKind, CheckResult, KeyField, LeaveReason, OrderedLeaveReason,
    TransferDetails, TransferKind, TransferRoute,
};
use crate::completion::CompletionFacts;
use crate::effects::{ArchiveAction, DeadlineKind, DocumentKind, Effects, EventKind, RecordUpdate};
use crate::engine;
use crate::error::Result;
use crate::id_card::tests::d;
use crate::profile::RuleProfile;
use crate::record::{Context, HoldFacts, StudentSnapshot};
use crate::rules::{self, RuleId};
use crate::sanction::{SanctionLevel, SanctionRecord};
use crate::school::{Grade, School, SchoolKind, SchoolYear, Semester, StudyMode, Term};
use crate::status::Status;
use crate::transitions;
use crate::workflow::{self, Workflow};
use crate::{AuxNumber, AuxPattern};

const TODAY: (i32, u32, u32) = (2025, 6, 30);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

struct World {
    profile: RuleProfile,
    calendar: WorkCalendar,
    school: School,
    terms: Vec<Term>,
}

impl World {
    fn new(kind: SchoolKind) -> Self {
        Self {
            profile: RuleProfile::default(),
            calendar: WorkCalendar::official(),
            school: School::new(kind),
            terms: vec![
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
            ],
        }
    }

    fn ctx(&self) -> Context<'_> {
        Context {
            profile: &self.profile,
            calendar: &self.calendar,
            school: &self.school,
            terms: &self.terms,
            today: today(),
        }
    }

    /// Runs a change end to end: directly if it has no procedure, otherwise through an
    /// application whose proofs are all attached and whose steps are all approved (optional
    /// ones skipped) on `on`.
    fn run(&self, record: &StudentSnapshot, change: Change, on: NaiveDate) -> Result<Effects> {
        let ctx = self.ctx();
        if workflow::steps_for(&change, &self.profile).is_empty() {
            return engine::apply_direct(&ctx, record, &change, on);
        }
        let app = approved(change, on, &self.profile);
        engine::apply(&ctx, record, &app, on)
    }
}

fn approved(change: Change, on: NaiveDate, profile: &RuleProfile) -> Workflow {
    let mut app = Workflow::open(change, on, profile);
    for req in app.missing_proofs() {
        if let Some(first) = req.any_of.first() {
            app.attach_proof(*first);
        }
    }
    for i in 0..app.steps.len() {
        let optional = app.steps[i].optional;
        let r = if optional {
            app.skip(i, on)
        } else {
            app.approve(i, on, Some("文号"))
        };
        r.unwrap_or_else(|e| panic!("step {i}: {e}"));
    }
    assert!(app.is_approved());
    app
}

fn g(n: u8) -> Grade {
    Grade::new(n).unwrap_or(Grade::FIRST)
}

fn student(grade: u8, status: Status) -> StudentSnapshot {
    StudentSnapshot {
        status,
        ..StudentSnapshot::enrolled(g(grade), SchoolYear(2024), d(2015, 3, 7))
    }
}

fn refused_with(result: Result<Effects>, rule: &RuleId) {
    match result {
        Ok(fx) => panic!("expected refusal {rule}, got {fx:?}"),
        Err(e) => assert_eq!(e.rule_id(), Some(rule), "{e}"),
    }
}

fn aux() -> AuxNumber {
    AuxNumber::parse(
        "ZJ2025001",
        &AuxPattern::Alphanumeric {
            min_len: 1,
            max_len: 30,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

// ---- chapter 1 -------------------------------------------------------------------------------

#[test]
fn r5_1_changes_are_events_never_deletions_and_dates_stay_continuous() {
    let w = World::new(SchoolKind::Primary);
    let mut s = student(3, Status::Enrolled);
    let fx = w.run(&s, Change::GoAbroad, d(2025, 3, 3)).expect("allowed");
    let event = &fx.events[0];
    assert_eq!(
        (event.status_before, event.status_after),
        (Status::Enrolled, Status::Abroad)
    );
    // a change dated before the last one breaks continuity
    s.last_change_on = Some(d(2025, 4, 1));
    refused_with(w.run(&s, Change::GoAbroad, d(2025, 3, 3)), &rules::R5_1);
    // no transition anywhere ends in "no record": every allowed pair leaves a status
    for (status, kind, v) in transitions::table() {
        // except the 肄业 outcome of an early leaver, recorded on the ended record (R25.3)
        if v.is_allowed() && kind != ChangeKind::CertifyIncomplete {
            assert!(!status.is_read_only(), "{status:?} {kind:?}");
        }
    }
}

#[test]
fn r10_1_every_change_is_an_event_recorded_when_it_happens() {
    let w = World::new(SchoolKind::Primary);
    let s = student(3, Status::Enrolled);
    let award = Change::Award(Award {
        level: AwardLevel::County,
        title: "科技创新大赛一等奖".into(),
        issuer: "西湖区教育局".into(),
        awarded_on: d(2025, 5, 20),
    });
    let fx = w.run(&s, award.clone(), d(2025, 5, 21)).expect("allowed");
    assert_eq!(fx.events.len(), 1);
    assert_eq!(fx.events[0].kind, EventKind::Change(ChangeKind::Award));
    refused_with(w.run(&s, award, d(2025, 7, 1)), &rules::R10_1);
}

// ---- chapter 2 -------------------------------------------------------------------------------

#[test]
fn r6_1_bureau_approval_moves_pending_to_enrolled() {
    let w = World::new(SchoolKind::Primary);
    let pending = student(1, Status::PendingApproval);
    let fx = w
        .run(&pending, Change::ApproveEnrolment, d(2024, 9, 20))
        .expect("approved");
    assert_eq!(fx.status, Some(Status::Enrolled));
    assert!(fx.has_document(DocumentKind::EnrolmentApprovalForm));
    // without the bureau's step the approval does not take effect
    let mut app = Workflow::open(Change::ApproveEnrolment, d(2024, 9, 10), &w.profile);
    app.approve(0, d(2024, 9, 10), None).expect("reported");
    refused_with(
        engine::apply(&w.ctx(), &pending, &app, d(2024, 9, 11)),
        &rules::R6_1,
    );
    // a pending record cannot be promoted yet
    refused_with(
        w.run(
            &pending,
            Change::Promote {
                into: SchoolYear(2025),
            },
            d(2025, 6, 30),
        ),
        &rules::R6_1,
    );
}

#[test]
fn r6_2_deferral_before_the_school_year_for_one_year_renewed_by_new_application() {
    let w = World::new(SchoolKind::Primary);
    let newcomer = student(1, Status::PendingApproval);
    let defer = Change::Defer {
        school_year: SchoolYear(2025),
        applied_on: d(2025, 6, 1),
    };
    let fx = w.run(&newcomer, defer, d(2025, 6, 10)).expect("deferred");
    assert_eq!(fx.status, Some(Status::Deferred));
    assert_eq!(
        fx.deadline(DeadlineKind::DeferralEnds).map(|x| x.due),
        Some(d(2026, 8, 31))
    );
    let late = Change::Defer {
        school_year: SchoolYear(2024),
        applied_on: d(2024, 9, 2),
    };
    refused_with(w.run(&newcomer, late, d(2024, 9, 3)), &rules::R6_2);
    // renewal is a new application for the next school year only
    let mut deferred = student(1, Status::Deferred);
    deferred.deferred_for = Some(SchoolYear(2024));
    let renew = Change::RenewDeferral {
        school_year: SchoolYear(2025),
        applied_on: d(2025, 6, 1),
    };
    assert!(w.run(&deferred, renew, d(2025, 6, 2)).is_ok());
    let wrong_year = Change::RenewDeferral {
        school_year: SchoolYear(2026),
        applied_on: d(2025, 6, 1),
    };
    refused_with(w.run(&deferred, wrong_year, d(2025, 6, 2)), &rules::R6_2);
    // the deferral needs a county-level hospital certificate
    let mut app = Workflow::open(
        Change::Defer {
            school_year: SchoolYear(2025),
            applied_on: d(2025, 6, 1),
        },
        d(2025, 6, 1),
        &w.profile,
    );
    app.attach_proof(crate::proofs::ProofKind::WrittenApplication);
    assert_eq!(
        app.approve(0, d(2025, 6, 1), None)
            .expect_err("certificate")
            .rule_id(),
        Some(&rules::R6_2)
    );
    refused_with(
        w.run(
            &student(2, Status::Enrolled),
            Change::EndDeferral,
            d(2025, 6, 2),
        ),
        &rules::R6_2,
    );
}

#[test]
fn r7_1_the_xueji_number_changes_only_through_a_key_field_change() {
    let w = World::new(SchoolKind::Primary);
    let s = student(3, Status::Enrolled);
    let basic = Change::CorrectBasicData {
        field: "xueji_number".into(),
        before: "G1".into(),
        after: "G2".into(),
    };
    refused_with(w.run(&s, basic, d(2025, 3, 3)), &rules::R11_2);
    let key = Change::CorrectKeyData {
        field: KeyField::IdCardNumber,
        before: "330106201503070010".into(),
        after: "330106201209100039".into(),
        recheck: None,
    };
    let fx = w.run(&s, key, d(2025, 3, 3)).expect("key change");
    assert!(
        fx.updates
            .contains(&RecordUpdate::NewXuejiNumber("G330106201209100039".into()))
    );
}

// ---- chapter 2, archive ------------------------------------------------------------------------

#[test]
fn r9_1_transfer_out_sends_the_archive_and_keeps_a_read_only_copy() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let fx = w
        .run(&s, transfer(4, TransferKind::Regular), d(2025, 6, 30))
        .expect("transferred");
    assert_eq!(fx.status, Some(Status::TransferredOut));
    assert!(fx.archive.contains(&ArchiveAction::SendToReceivingSchool));
    assert!(fx.archive.contains(&ArchiveAction::KeepReadOnlyCopy));
    assert!(fx.has_document(DocumentKind::TransferForm));
    // the copy left behind is read-only
    refused_with(
        w.run(
            &student(4, Status::TransferredOut),
            Change::GoAbroad,
            d(2025, 6, 30),
        ),
        &rules::R7_3,
    );
}

#[test]
fn r9_2_ended_studies_are_archived_permanently_and_read_only() {
    let w = World::new(SchoolKind::Junior);
    let mut adult = student(9, Status::Enrolled);
    adult.birth_date = d(2006, 1, 1);
    let fx = w
        .run(&adult, Change::Withdraw, d(2025, 3, 3))
        .expect("withdrawn");
    assert!(fx.archive.contains(&ArchiveAction::ArchivePermanently));
    refused_with(
        w.run(
            &student(9, Status::Withdrawn),
            Change::ReturnFromDropout,
            d(2025, 3, 3),
        ),
        &rules::R9_2,
    );
}

// ---- chapter 3 -------------------------------------------------------------------------------

#[test]
fn r11_1_basic_data_change_keeps_the_old_value() {
    let w = World::new(SchoolKind::Primary);
    let s = student(3, Status::Enrolled);
    let ok = Change::CorrectBasicData {
        field: "household_address".into(),
        before: "杭州市西湖区".into(),
        after: "杭州市上城区".into(),
    };
    let fx = w.run(&s, ok, d(2025, 3, 3)).expect("changed");
    assert!(fx.updates.contains(&RecordUpdate::SetField {
        field: "household_address".into(),
        before: "杭州市西湖区".into(),
        after: "杭州市上城区".into()
    }));
    let same = Change::CorrectBasicData {
        field: "household_address".into(),
        before: "A".into(),
        after: "A".into(),
    };
    refused_with(w.run(&s, same, d(2025, 3, 3)), &rules::R11_1);
    // it needs the guardian's application and the household register (or other proof)
    let mut app = Workflow::open(
        Change::CorrectBasicData {
            field: "nation".into(),
            before: "汉族".into(),
            after: "回族".into(),
        },
        d(2025, 3, 3),
        &w.profile,
    );
    app.attach_proof(crate::proofs::ProofKind::WrittenApplication);
    assert_eq!(
        app.approve(0, d(2025, 3, 3), None)
            .expect_err("no register")
            .rule_id(),
        Some(&rules::R11_1)
    );
}

#[test]
fn r11_2_sex_and_birth_date_follow_the_resident_id_and_never_change_alone() {
    // 第十一条: 身份证号 is a key field; sex and birth date are read from it, so a basic-data
    // change of one of them alone would make the record contradict its own ID number.
    let w = World::new(SchoolKind::Primary);
    let with_id = StudentSnapshot {
        resident_id: true,
        ..student(3, Status::Enrolled)
    };
    let basic = |field: &str, before: &str, after: &str| Change::CorrectBasicData {
        field: field.into(),
        before: before.into(),
        after: after.into(),
    };
    for change in [
        basic("sex", "male", "female"),
        basic("birth_date", "2015-03-07", "2015-03-08"),
        basic("id_type", "resident_id", "passport"),
    ] {
        refused_with(w.run(&with_id, change, d(2025, 3, 3)), &rules::R11_2);
    }
    // Without a resident ID card (a passport, a J number) they are ordinary basic data.
    let passport = StudentSnapshot {
        resident_id: false,
        ..student(3, Status::Enrolled)
    };
    assert!(
        w.run(
            &passport,
            basic("birth_date", "2015-03-07", "2015-03-08"),
            d(2025, 3, 3)
        )
        .is_ok()
    );
    // A corrected ID number brings its birth date and sex with it.
    let key = Change::CorrectKeyData {
        field: KeyField::IdCardNumber,
        before: "330106201503070010".into(),
        after: "330106201209100039".into(),
        recheck: None,
    };
    let fx = w.run(&with_id, key, d(2025, 3, 3)).expect("key change");
    assert!(fx.updates.contains(&RecordUpdate::IdentityFromIdCard {
        birth_date: d(2012, 9, 10),
        sex: crate::id_card::Sex::Male,
    }));
}

/// 第十一条: "姓名" and "身份证号" are key fields; the registrar uploads the proof, the bureau
/// approves, and then the national duplicate check and identity comparison are run again. The
/// re-run is the application's own last step: nothing is claimed when the change is reported,
/// and the change takes effect only when that step passes.
#[test]
fn r11_2_key_field_change_is_reported_approved_by_the_bureau_then_rechecked_nationally() {
    use crate::workflow::{Party, StepAction, WorkflowState};
    let w = World::new(SchoolKind::Primary);
    let ctx = w.ctx();
    let s = student(3, Status::Enrolled);
    let rename = Change::CorrectKeyData {
        field: KeyField::Name,
        before: "王小明".into(),
        after: "王晓明".into(),
        recheck: None,
    };
    let on = d(2025, 3, 3);
    // Reported without any recheck result: the check has not happened yet.
    assert!(engine::check(&ctx, &s, &rename, on).is_ok());
    let mut app = Workflow::open(rename.clone(), on, &w.profile);
    let steps: Vec<_> = app.steps.iter().map(|s| (s.party, s.action)).collect();
    assert_eq!(
        steps,
        [
            (Party::School, StepAction::Report),
            (Party::Bureau, StepAction::Approve),
            (Party::NationalSystem, StepAction::Recheck),
        ],
        "the school reports, the bureau approves, then the national system re-checks"
    );
    assert_eq!(app.steps[2].label_zh(), "全国学籍系统查重及身份比对");
    assert!(app.steps[2].action.is_check());
    for req in app.missing_proofs() {
        app.attach_proof(req.any_of[0]);
    }
    // The recheck comes after the bureau's approval, never before.
    app.approve(0, on, None).expect("reported");
    let early = app
        .approve(2, d(2025, 3, 4), None)
        .expect_err("before the bureau");
    assert_eq!(early.rule_id(), Some(&rules::R11_2));
    assert!(
        early.to_string().contains("主管教育行政部门核准后重新进行"),
        "{early}"
    );
    app.approve(1, d(2025, 3, 5), Some("西教籍〔2025〕3号"))
        .expect("approved by the bureau");
    // Approved by the bureau, not yet re-checked: no effect.
    let pending = engine::apply(&ctx, &s, &app, d(2025, 3, 5)).expect_err("no recheck yet");
    assert_eq!(pending.rule_id(), Some(&rules::R11_2));
    assert!(
        pending.to_string().contains("全国学籍系统查重及身份比对"),
        "{pending}"
    );
    // A failed recheck ends the application with its reason, and nothing takes effect.
    let mut failed = app.clone();
    let why = failed
        .reject(2, d(2025, 3, 6), " ")
        .expect_err("a failure says why");
    assert!(why.to_string().contains("未通过的原因"), "{why}");
    failed
        .reject(2, d(2025, 3, 6), "身份比对未通过：姓名与公安户籍信息不一致")
        .expect("recorded as failed");
    assert!(matches!(
        failed.state(),
        WorkflowState::Rejected { step: 2, ref reason, .. } if reason.contains("身份比对未通过")
    ));
    refused_with(
        engine::apply(&ctx, &s, &failed, d(2025, 3, 6)),
        &rules::R11_2,
    );
    // A passed recheck is the last approval: the change takes effect.
    app.approve(2, d(2025, 3, 6), Some("比对通过"))
        .expect("recheck passed");
    assert!(app.is_approved());
    let fx = engine::apply(&ctx, &s, &app, d(2025, 3, 6)).expect("takes effect");
    assert!(fx.updates.contains(&RecordUpdate::SetField {
        field: "name".into(),
        before: "王小明".into(),
        after: "王晓明".into(),
    }));
    // Key fields never change as basic data, and a corrected number must be a real one.
    let basic = Change::CorrectBasicData {
        field: "name".into(),
        before: "王小明".into(),
        after: "王晓明".into(),
    };
    refused_with(w.run(&s, basic, on), &rules::R11_2);
    let bad_id = Change::CorrectKeyData {
        field: KeyField::IdCardNumber,
        before: "330106201503070010".into(),
        after: "330106201503070011".into(),
        recheck: None,
    };
    refused_with(w.run(&s, bad_id, on), &rules::R7_1);
}

/// Applications stored before the recheck was a step of its own keep the two steps they were
/// opened with and the result claimed with the request; such a claim still has to read 通过.
#[test]
fn r11_2_an_application_stored_with_a_claimed_recheck_keeps_its_two_steps() {
    let w = World::new(SchoolKind::Primary);
    let ctx = w.ctx();
    let s = student(3, Status::Enrolled);
    let stored = |claim: &str| {
        format!(
            r#"{{"subject":{{"type":"change","value":{{"type":"correct_key_data","field":"name","before":"王小明","after":"王晓明","recheck":"{claim}"}}}},"rule":"R11.2","opened_on":"2025-03-03","steps":[{{"party":"school","action":"report","optional":false,"working_days":null,"outcome":{{"type":"approved","on":"2025-03-03","reference":null}}}},{{"party":"bureau","action":"approve","optional":false,"working_days":null,"outcome":{{"type":"approved","on":"2025-03-04","reference":"西教籍〔2025〕3号"}}}}],"proofs":["household_register"],"withdrawn":null,"appeal":null}}"#
        )
    };
    let passed: Workflow = serde_json::from_str(&stored("passed")).expect("reads back");
    assert_eq!(passed.steps.len(), 2);
    assert!(matches!(
        passed.change(),
        Some(Change::CorrectKeyData {
            recheck: Some(CheckResult::Passed),
            ..
        })
    ));
    assert!(engine::apply(&ctx, &s, &passed, d(2025, 3, 4)).is_ok());
    assert!(
        serde_json::to_string(&passed)
            .expect("json")
            .contains(r#""recheck":"passed""#),
        "the claim is kept when the application is saved again"
    );
    let not_done: Workflow = serde_json::from_str(&stored("not_done")).expect("reads back");
    refused_with(
        engine::apply(&ctx, &s, &not_done, d(2025, 3, 4)),
        &rules::R11_2,
    );
    // A new application carries no claim at all.
    let fresh = Workflow::open(
        Change::CorrectKeyData {
            field: KeyField::Name,
            before: "王小明".into(),
            after: "王晓明".into(),
            recheck: None,
        },
        d(2025, 3, 3),
        &w.profile,
    );
    let json = serde_json::to_string(&fresh).expect("json");
    assert!(!json.contains(r#""recheck":"#), "{json}");
    assert!(
        json.contains(r#""party":"national_system","action":"recheck""#),
        "{json}"
    );
}

#[test]
fn r12_1_one_grade_per_school_year_and_batch_promotion() {
    let w = World::new(SchoolKind::NineYear);
    let ctx = w.ctx();
    let fx = w
        .run(
            &student(3, Status::Enrolled),
            Change::Promote {
                into: SchoolYear(2025),
            },
            d(2025, 6, 30),
        )
        .expect("promoted");
    assert_eq!(fx.grade, Some(g(4)));
    assert!(
        fx.updates
            .contains(&RecordUpdate::GradeYear(SchoolYear(2025)))
    );
    // a second promotion into a later year, or from the last grade, is refused
    refused_with(
        w.run(
            &student(3, Status::Enrolled),
            Change::Promote {
                into: SchoolYear(2026),
            },
            d(2025, 6, 30),
        ),
        &rules::R12_1,
    );
    refused_with(
        w.run(
            &student(9, Status::Enrolled),
            Change::Promote {
                into: SchoolYear(2025),
            },
            d(2025, 6, 30),
        ),
        &rules::R12_1,
    );
    // grade 6 of a nine-year school moves on to grade 7
    assert_eq!(
        w.run(
            &student(6, Status::Enrolled),
            Change::Promote {
                into: SchoolYear(2025)
            },
            d(2025, 6, 30)
        )
        .expect("6→7")
        .grade,
        Some(g(7))
    );
    let batch = engine::promotion_batch(
        &ctx,
        &[
            student(1, Status::Enrolled),
            student(2, Status::OnLeave),
            student(9, Status::Enrolled),
        ],
        SchoolYear(2025),
        d(2025, 6, 30),
    );
    assert!(batch[0].is_ok());
    assert!(batch[1].is_err() && batch[2].is_err());
}

#[test]
fn r12_2_skip_never_into_or_from_the_graduating_grade() {
    let w = World::new(SchoolKind::NineYear);
    let fx = w
        .run(
            &student(3, Status::Enrolled),
            Change::Skip { to: g(4) },
            d(2025, 3, 3),
        )
        .expect("skipped");
    assert_eq!(fx.grade, Some(g(4)));
    assert!(fx.updates.contains(&RecordUpdate::CreditCompulsoryYears(1)));
    refused_with(
        w.run(
            &student(5, Status::Enrolled),
            Change::Skip { to: g(6) },
            d(2025, 3, 3),
        ),
        &rules::R12_2,
    );
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::Skip { to: g(7) },
            d(2025, 3, 3),
        ),
        &rules::R12_2,
    );
    refused_with(
        w.run(
            &student(6, Status::Enrolled),
            Change::Skip { to: g(7) },
            d(2025, 3, 3),
        ),
        &rules::R12_2,
    );
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::Skip { to: g(3) },
            d(2025, 3, 3),
        ),
        &rules::R12_2,
    );
}

#[test]
fn r13_6_inclusive_study_found_after_enrolment_is_recorded_and_opens_r12_3() {
    // 第十二条: 随班就读……的学生确因学习困难，可……申请留级. A pupil whose needs are found in
    // grade 3 is recorded 随班就读 on an assessment, through the guardian and the school; R12.3
    // then applies to them, and the end of 随班就读 is recorded the same way.
    let w = World::new(SchoolKind::Primary);
    let pupil = student(3, Status::Enrolled);
    refused_with(w.run(&pupil, Change::Repeat, d(2025, 6, 30)), &rules::R12_3);
    let change = Change::StudyMode {
        mode: StudyMode::Inclusive,
    };
    let steps: Vec<_> = workflow::steps_for(&change, &w.profile)
        .iter()
        .map(|s| s.party)
        .collect();
    assert_eq!(steps, [workflow::Party::Guardian, workflow::Party::School]);
    let needs = crate::proofs::required_proofs(&change);
    assert!(
        needs
            .iter()
            .any(|r| r.any_of == [crate::proofs::ProofKind::DisabilityAssessment]),
        "the assessment is required: {needs:?}"
    );
    let fx = w.run(&pupil, change, d(2025, 3, 10)).expect("recorded");
    assert!(
        fx.updates
            .contains(&RecordUpdate::StudyMode(StudyMode::Inclusive))
    );
    let mut inclusive = pupil.clone();
    inclusive.study_mode = StudyMode::Inclusive;
    assert!(w.run(&inclusive, Change::Repeat, d(2025, 6, 30)).is_ok());
    // Recording what is already so is refused; so is 送教上门 at a school that does not offer it.
    refused_with(
        w.run(
            &inclusive,
            Change::StudyMode {
                mode: StudyMode::Inclusive,
            },
            d(2025, 3, 10),
        ),
        &rules::R13_6,
    );
    refused_with(
        w.run(
            &pupil,
            Change::StudyMode {
                mode: StudyMode::HomeTeaching,
            },
            d(2025, 3, 10),
        ),
        &rules::R7_4,
    );
    let ended = w
        .run(
            &inclusive,
            Change::StudyMode {
                mode: StudyMode::Regular,
            },
            d(2025, 6, 30),
        )
        .expect("ended");
    assert!(
        ended
            .updates
            .contains(&RecordUpdate::StudyMode(StudyMode::Regular))
    );
}

#[test]
fn r13_6_a_placement_elsewhere_has_a_return_path_that_clears_it() {
    // 第十三条: 学籍可转可留. A pupil placed at a special school (or a 工读学校) while the record
    // stays here comes back; the placement is cleared.
    let w = World::new(SchoolKind::Primary);
    let mut placed = student(4, Status::Enrolled);
    placed.placed_elsewhere = Some("杭州市杨绫子学校".to_owned());
    let fx = w
        .run(&placed, Change::ReturnFromPlacement, d(2025, 3, 10))
        .expect("back");
    assert!(fx.updates.contains(&RecordUpdate::ClearPlacement));
    assert_eq!(fx.status, None, "still 在读");
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::ReturnFromPlacement,
            d(2025, 3, 10),
        ),
        &rules::R13_6,
    );
}

#[test]
fn r12_3_repeat_only_for_inclusive_or_special_school_students_outside_the_graduating_grade() {
    let w = World::new(SchoolKind::Primary);
    let mut inclusive = student(3, Status::Enrolled);
    inclusive.study_mode = StudyMode::Inclusive;
    let fx = w
        .run(&inclusive, Change::Repeat, d(2025, 6, 30))
        .expect("repeat");
    assert_eq!(fx.grade, None, "the grade stays");
    assert!(
        fx.updates
            .contains(&RecordUpdate::GradeYear(SchoolYear(2025)))
    );
    refused_with(
        w.run(
            &student(3, Status::Enrolled),
            Change::Repeat,
            d(2025, 6, 30),
        ),
        &rules::R12_3,
    );
    let mut graduating = inclusive.clone();
    graduating.grade = g(6);
    refused_with(
        w.run(&graduating, Change::Repeat, d(2025, 6, 30)),
        &rules::R12_3,
    );
    let special = World::new(SchoolKind::SpecialEducation);
    assert!(
        special
            .run(
                &student(4, Status::Enrolled),
                Change::Repeat,
                d(2025, 6, 30)
            )
            .is_ok()
    );
}

fn transfer(grade: u8, kind: TransferKind) -> Change {
    Change::TransferOut(TransferDetails {
        kind,
        grade: g(grade),
        receiving_school: "宁波市某小学".into(),
        route: TransferRoute::AcrossCounties,
    })
}

#[test]
fn r13_1_transfer_takes_effect_only_after_all_four_parties() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let mut app = Workflow::open(
        transfer(4, TransferKind::Regular),
        d(2025, 6, 27),
        &w.profile,
    );
    app.attach_proof(crate::proofs::ProofKind::WrittenApplication);
    for i in 0..4 {
        app.approve(i, d(2025, 6, 27), None).expect("step");
    }
    refused_with(
        engine::apply(&w.ctx(), &s, &app, d(2025, 6, 30)),
        &rules::R13_1,
    );
    app.approve(4, d(2025, 6, 30), None).expect("last party");
    assert_eq!(
        engine::apply(&w.ctx(), &s, &app, d(2025, 6, 30))
            .expect("done")
            .status,
        Some(Status::TransferredOut)
    );
    // a change with a procedure cannot bypass it
    refused_with(
        engine::apply_direct(
            &w.ctx(),
            &s,
            &transfer(4, TransferKind::Regular),
            d(2025, 6, 30),
        ),
        &rules::R13_1,
    );
}

#[test]
fn r13_2_mid_term_transfer_is_allowed_with_a_warning() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let mid = w
        .run(&s, transfer(4, TransferKind::Regular), d(2025, 4, 15))
        .expect("allowed");
    assert!(mid.warnings.iter().any(|x| x.rule == rules::R13_2));
    let summer = w
        .run(&s, transfer(4, TransferKind::Regular), d(2025, 6, 30))
        .expect("allowed");
    assert!(summer.warnings.is_empty());
}

#[test]
fn r13_4_grade_does_not_change_on_transfer() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    assert!(
        w.run(&s, transfer(4, TransferKind::Regular), d(2025, 6, 30))
            .is_ok()
    );
    refused_with(
        w.run(&s, transfer(5, TransferKind::Regular), d(2025, 6, 30)),
        &rules::R13_4,
    );
}

#[test]
fn r13_5_transfer_refused_while_on_leave_end_to_end() {
    let w = World::new(SchoolKind::Primary);
    let mut on_leave = student(4, Status::OnLeave);
    on_leave.leave_until = Some(d(2025, 9, 1));
    refused_with(
        w.run(
            &on_leave,
            transfer(4, TransferKind::Regular),
            d(2025, 6, 30),
        ),
        &rules::R13_5,
    );
    refused_with(
        w.run(
            &on_leave,
            Change::ReformSchoolPlacement {
                record_moves: true,
                school: "某工读学校".into(),
            },
            d(2025, 6, 30),
        ),
        &rules::R13_5,
    );
    assert!(
        w.run(
            &student(4, Status::Enrolled),
            transfer(4, TransferKind::Regular),
            d(2025, 6, 30)
        )
        .is_ok()
    );
}

#[test]
fn r13_6_special_inclusive_transfer_may_keep_the_record() {
    let w = World::new(SchoolKind::SpecialEducation);
    let s = student(4, Status::Enrolled);
    let stays = w
        .run(
            &s,
            transfer(
                4,
                TransferKind::SpecialInclusive {
                    record_moves: false,
                },
            ),
            d(2025, 6, 30),
        )
        .expect("stays");
    assert_eq!(stays.status, None);
    assert!(
        stays
            .updates
            .iter()
            .any(|u| matches!(u, RecordUpdate::PlacedElsewhere { .. }))
    );
    let moves = w
        .run(
            &s,
            transfer(4, TransferKind::SpecialInclusive { record_moves: true }),
            d(2025, 6, 30),
        )
        .expect("moves");
    assert_eq!(moves.status, Some(Status::TransferredOut));
    // not for a regular student at a regular school
    let regular = World::new(SchoolKind::Primary);
    refused_with(
        regular.run(
            &s,
            transfer(
                4,
                TransferKind::SpecialInclusive {
                    record_moves: false,
                },
            ),
            d(2025, 6, 30),
        ),
        &rules::R13_6,
    );
}

#[test]
fn r13_7_reform_school_placement_with_the_record_moving_or_staying() {
    let w = World::new(SchoolKind::Junior);
    let s = student(8, Status::Enrolled);
    let moves = w
        .run(
            &s,
            Change::ReformSchoolPlacement {
                record_moves: true,
                school: "某工读学校".into(),
            },
            d(2025, 6, 30),
        )
        .expect("moves");
    assert_eq!(moves.status, Some(Status::TransferredOut));
    assert!(moves.has_document(DocumentKind::ReformSchoolTransferForm));
    let stays = w
        .run(
            &s,
            Change::ReformSchoolPlacement {
                record_moves: false,
                school: "某工读学校".into(),
            },
            d(2025, 6, 30),
        )
        .expect("stays");
    assert_eq!(stays.status, None);
    refused_with(
        w.run(
            &s,
            Change::ReformSchoolPlacement {
                record_moves: false,
                school: " ".into(),
            },
            d(2025, 6, 30),
        ),
        &rules::R13_7,
    );
    // the reform school's agreement is a step of its own
    let app = Workflow::open(
        Change::ReformSchoolPlacement {
            record_moves: true,
            school: "x".into(),
        },
        d(2025, 6, 1),
        &w.profile,
    );
    assert!(
        app.steps
            .iter()
            .any(|s| s.party == workflow::Party::ReformSchool)
    );
}

#[test]
fn r13_8_criminal_measures_hold_the_record_until_judgment_and_restore_it() {
    let w = World::new(SchoolKind::Junior);
    let s = student(8, Status::Enrolled);
    let fx = w
        .run(
            &s,
            Change::Hold {
                since: d(2025, 3, 1),
                judgment_effective_on: None,
            },
            d(2025, 3, 3),
        )
        .expect("held");
    assert_eq!(fx.status, Some(Status::Held));
    let mut held = student(8, Status::Held);
    held.birth_date = d(2006, 1, 1);
    held.hold = Some(HoldFacts {
        since: d(2025, 3, 1),
        judgment_effective_on: None,
    });
    // before the judgment the record is kept: no withdrawal even at 18, no placement
    refused_with(
        w.run(&held, Change::Withdraw, d(2025, 6, 30)),
        &rules::R13_8,
    );
    refused_with(
        w.run(
            &held,
            Change::Promote {
                into: SchoolYear(2025),
            },
            d(2025, 6, 30),
        ),
        &rules::R13_8,
    );
    let restored = w
        .run(&held, Change::Restore, d(2025, 6, 30))
        .expect("restored");
    assert_eq!(restored.status, Some(Status::Enrolled));
    held.hold = Some(HoldFacts {
        since: d(2025, 3, 1),
        judgment_effective_on: Some(d(2025, 6, 1)),
    });
    assert!(w.run(&held, Change::Withdraw, d(2025, 6, 30)).is_ok());
}

#[test]
fn r14_1_health_leave_needs_three_months_of_sick_leave() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let ill = |since| Change::Leave {
        reason: LeaveReason::Illness { sick_since: since },
    };
    let fx = w
        .run(&s, ill(d(2025, 2, 20)), d(2025, 5, 20))
        .expect("three months");
    assert_eq!(fx.status, Some(Status::OnLeave));
    assert!(fx.has_document(DocumentKind::LeaveApprovalForm));
    refused_with(
        w.run(&s, ill(d(2025, 2, 21)), d(2025, 5, 20)),
        &rules::R14_1,
    );
    refused_with(
        w.run(
            &s,
            Change::Leave {
                reason: LeaveReason::Other {
                    description: " ".into(),
                },
            },
            d(2025, 5, 20),
        ),
        &rules::R14_1,
    );
}

#[test]
fn r14_2_ordered_leave_is_initiated_by_the_bureau_and_school() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let change = Change::OrderedLeave {
        reason: OrderedLeaveReason::InfectiousDisease,
    };
    let app = Workflow::open(change.clone(), d(2025, 5, 6), &w.profile);
    assert_eq!(app.steps[0].party, workflow::Party::Bureau);
    assert!(
        app.steps
            .iter()
            .all(|s| s.party != workflow::Party::Guardian)
    );
    let fx = w.run(&s, change.clone(), d(2025, 5, 6)).expect("ordered");
    assert!(fx.has_document(DocumentKind::LeaveOrder));
    // without the diagnosis the bureau's step cannot be approved
    let mut bare = Workflow::open(change, d(2025, 5, 6), &w.profile);
    assert_eq!(
        bare.approve(0, d(2025, 5, 6), None)
            .expect_err("no diagnosis")
            .rule_id(),
        Some(&rules::R14_2)
    );
}

#[test]
fn r14_3_leave_lasts_one_year_and_extension_is_a_new_application() {
    let w = World::new(SchoolKind::Primary);
    let fx = w
        .run(
            &student(4, Status::Enrolled),
            Change::Leave {
                reason: LeaveReason::Other {
                    description: "家庭变故".into(),
                },
            },
            d(2024, 6, 3),
        )
        .expect("leave");
    assert!(
        fx.updates
            .contains(&RecordUpdate::LeaveUntil(d(2025, 6, 3)))
    );
    assert_eq!(
        fx.deadline(DeadlineKind::LeaveEnds).map(|x| x.due),
        Some(d(2025, 6, 3))
    );
    let mut on_leave = student(4, Status::OnLeave);
    on_leave.leave_until = Some(d(2025, 6, 3));
    let ext = w
        .run(&on_leave, Change::ExtendLeave, d(2025, 6, 3))
        .expect("extended");
    assert!(
        ext.updates
            .contains(&RecordUpdate::LeaveUntil(d(2026, 6, 3)))
    );
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::ExtendLeave,
            d(2025, 6, 3),
        ),
        &rules::R14_3,
    );
    refused_with(
        w.run(
            &on_leave,
            Change::Leave {
                reason: LeaveReason::Other {
                    description: "再休".into(),
                },
            },
            d(2025, 6, 3),
        ),
        &rules::R14_3,
    );
}

#[test]
fn r15_1_resume_in_an_appropriate_grade_filed_with_the_bureau() {
    let w = World::new(SchoolKind::Primary);
    let mut on_leave = student(4, Status::OnLeave);
    on_leave.leave_until = Some(d(2025, 6, 3));
    let app = Workflow::open(Change::Resume { grade: g(4) }, d(2025, 6, 3), &w.profile);
    assert_eq!(
        app.steps.last().map(|s| s.action),
        Some(workflow::StepAction::File)
    );
    let fx = w
        .run(&on_leave, Change::Resume { grade: g(4) }, d(2025, 6, 3))
        .expect("resumed");
    assert_eq!(fx.status, Some(Status::Enrolled));
    assert!(fx.updates.contains(&RecordUpdate::ClearLeave));
    refused_with(
        w.run(&on_leave, Change::Resume { grade: g(6) }, d(2025, 6, 3)),
        &rules::R15_1,
    );
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::Resume { grade: g(4) },
            d(2025, 6, 3),
        ),
        &rules::R15_1,
    );
}

#[test]
fn r16_1_abroad_and_back_on_the_same_record() {
    let w = World::new(SchoolKind::Primary);
    let fx = w
        .run(
            &student(4, Status::Enrolled),
            Change::GoAbroad,
            d(2025, 3, 3),
        )
        .expect("abroad");
    assert_eq!(fx.status, Some(Status::Abroad));
    let back = w
        .run(
            &student(4, Status::Abroad),
            Change::ReturnFromAbroad,
            d(2025, 6, 3),
        )
        .expect("back");
    assert_eq!(back.status, Some(Status::Enrolled));
    assert!(back.archive.contains(&ArchiveAction::Continue));
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::ReturnFromAbroad,
            d(2025, 6, 3),
        ),
        &rules::R16_1,
    );
    refused_with(
        w.run(
            &student(4, Status::Abroad),
            Change::Leave {
                reason: LeaveReason::Other {
                    description: "x".into(),
                },
            },
            d(2025, 6, 3),
        ),
        &rules::R16_1,
    );
}

#[test]
fn r17_1_no_withdrawal_under_eighteen() {
    let w = World::new(SchoolKind::Junior);
    let mut s = student(9, Status::Enrolled);
    s.birth_date = d(2007, 6, 30);
    assert!(
        w.run(&s, Change::Withdraw, d(2025, 6, 30)).is_ok(),
        "18 today"
    );
    refused_with(w.run(&s, Change::Withdraw, d(2025, 6, 29)), &rules::R17_1);
    let mut dropped = student(8, Status::DroppedOut);
    dropped.birth_date = d(2010, 1, 1);
    refused_with(
        w.run(&dropped, Change::Withdraw, d(2025, 6, 30)),
        &rules::R17_1,
    );
}

#[test]
fn r18_1_dropout_is_reported_and_the_record_kept() {
    let w = World::new(SchoolKind::Junior);
    let fx = w
        .run(
            &student(8, Status::Enrolled),
            Change::Dropout { migrant: false },
            d(2025, 4, 29),
        )
        .expect("dropout");
    assert_eq!(fx.status, Some(Status::DroppedOut));
    assert!(fx.has_document(DocumentKind::DropoutReport));
    assert_eq!(
        fx.deadline(DeadlineKind::DropoutReport).map(|x| x.due),
        Some(d(2025, 5, 9))
    );
    // the record is kept: the student can come back
    let back = w
        .run(
            &student(8, Status::DroppedOut),
            Change::ReturnFromDropout,
            d(2025, 6, 3),
        )
        .expect("back");
    assert_eq!(back.status, Some(Status::Enrolled));
    refused_with(
        w.run(
            &student(8, Status::DroppedOut),
            Change::Promote {
                into: SchoolYear(2025),
            },
            d(2025, 6, 3),
        ),
        &rules::R18_1,
    );
}

#[test]
fn r18_2_migrant_dropout_archive_goes_home_at_semester_end() {
    let w = World::new(SchoolKind::Junior);
    let fx = w
        .run(
            &student(8, Status::Enrolled),
            Change::Dropout { migrant: true },
            d(2025, 4, 29),
        )
        .expect("dropout");
    let handover = fx
        .deadline(DeadlineKind::MigrantArchiveHandover)
        .expect("handover");
    assert_eq!(
        (handover.due, handover.rule.clone()),
        (d(2025, 6, 27), rules::R18_2)
    );
    let local = w
        .run(
            &student(8, Status::Enrolled),
            Change::Dropout { migrant: false },
            d(2025, 4, 29),
        )
        .expect("dropout");
    assert!(
        local
            .deadline(DeadlineKind::MigrantArchiveHandover)
            .is_none()
    );
    let mut no_terms = World::new(SchoolKind::Junior);
    no_terms.terms.clear();
    let warned = no_terms
        .run(
            &student(8, Status::Enrolled),
            Change::Dropout { migrant: true },
            d(2025, 4, 29),
        )
        .expect("dropout");
    assert!(warned.warnings.iter().any(|x| x.rule == rules::R18_2));
}

#[test]
fn r19_1_death_cancels_the_record_within_ten_working_days() {
    let w = World::new(SchoolKind::Primary);
    let fx = w
        .run(
            &student(4, Status::Enrolled),
            Change::Death {
                died_on: d(2025, 1, 24),
            },
            d(2025, 2, 5),
        )
        .expect("cancelled");
    assert_eq!(fx.status, Some(Status::Deceased));
    assert_eq!(
        fx.deadline(DeadlineKind::DeathCancellation).map(|x| x.due),
        Some(d(2025, 2, 13))
    );
    refused_with(
        w.run(
            &student(4, Status::Enrolled),
            Change::Death {
                died_on: d(2025, 2, 6),
            },
            d(2025, 2, 5),
        ),
        &rules::R19_1,
    );
    // the death certificate is required
    let mut app = Workflow::open(
        Change::Death {
            died_on: d(2025, 1, 24),
        },
        d(2025, 1, 27),
        &w.profile,
    );
    assert_eq!(
        app.approve(0, d(2025, 1, 27), None)
            .expect_err("certificate")
            .rule_id(),
        Some(&rules::R19_1)
    );
}

// ---- chapter 4 -------------------------------------------------------------------------------

#[test]
fn r21_1_awards_go_into_the_growth_archive() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let award = |issuer: &str| {
        Change::Award(Award {
            level: AwardLevel::School,
            title: "三好学生".into(),
            issuer: issuer.into(),
            awarded_on: d(2025, 6, 1),
        })
    };
    let fx = w.run(&s, award("某小学"), d(2025, 6, 2)).expect("recorded");
    assert!(
        fx.updates
            .iter()
            .any(|u| matches!(u, RecordUpdate::AddAward(_)))
    );
    refused_with(w.run(&s, award(" "), d(2025, 6, 2)), &rules::R21_1);
}

#[test]
fn r22_2_sanction_takes_effect_only_after_the_full_procedure() {
    let w = World::new(SchoolKind::Junior);
    let s = student(8, Status::Enrolled);
    let change = Change::Sanction {
        level: SanctionLevel::Demerit,
        shortened_to: None,
        shortened_reason: None,
    };
    let fx = w
        .run(&s, change.clone(), d(2025, 3, 10))
        .expect("sanctioned");
    assert!(fx.has_document(DocumentKind::SanctionDecision));
    assert_eq!(
        fx.deadline(DeadlineKind::SanctionPeriodEnds).map(|x| x.due),
        Some(d(2025, 9, 10))
    );
    let mut app = Workflow::open(change, d(2025, 3, 3), &w.profile);
    app.approve(0, d(2025, 3, 3), None).expect("proposed");
    refused_with(
        engine::apply(&w.ctx(), &s, &app, d(2025, 3, 4)),
        &rules::R22_2,
    );
    refused_with(
        w.run(
            &student(8, Status::OnLeave),
            Change::Sanction {
                level: SanctionLevel::Warning,
                shortened_to: None,
                shortened_reason: None,
            },
            d(2025, 3, 4),
        ),
        &rules::R15_1,
    );
}

#[test]
fn r23_2_lifting_after_the_period_prints_the_written_notice() {
    let w = World::new(SchoolKind::Junior);
    let s = student(8, Status::Enrolled);
    let sanction = SanctionRecord::new(
        SanctionLevel::Warning,
        d(2024, 10, 8),
        &w.profile,
        None,
        None,
    )
    .expect("sanction");
    let lift = |on_time_sanction: SanctionRecord, reoffended| Change::LiftSanction {
        sanction: on_time_sanction,
        reformed: true,
        reoffended,
    };
    let fx = w
        .run(&s, lift(sanction.clone(), false), d(2025, 4, 8))
        .expect("lifted");
    assert!(fx.has_document(DocumentKind::SanctionLiftNotice));
    refused_with(
        w.run(&s, lift(sanction.clone(), true), d(2025, 4, 8)),
        &rules::R23_2,
    );
    refused_with(
        w.run(&s, lift(sanction, false), d(2025, 4, 7)),
        &rules::R23_2,
    );
}

#[test]
fn r23_3_graduation_purges_sanctions_as_an_effect() {
    let w = World::new(SchoolKind::Junior);
    let mut s = student(9, Status::Enrolled);
    s.aux_number = Some(aux());
    let facts = CompletionFacts {
        programme_completed: true,
        overall_quality_passed: true,
        failed_subjects_after_makeup: 0,
    };
    let fx = w
        .run(&s, Change::Finish(facts), d(2025, 6, 30))
        .expect("graduated");
    assert!(fx.archive.contains(&ArchiveAction::PurgeSanctions));
    let mut strict = World::new(SchoolKind::Junior);
    strict.profile.purge_sanctions_on_any_completion = false;
    let failed = CompletionFacts {
        overall_quality_passed: false,
        ..facts
    };
    let fx = strict
        .run(&s, Change::Finish(failed), d(2025, 6, 30))
        .expect("completed");
    assert!(!fx.archive.contains(&ArchiveAction::PurgeSanctions));
}

// ---- chapter 5 -------------------------------------------------------------------------------

#[test]
fn r25_1_finish_in_the_last_grade_gives_the_outcome_status_and_certificate() {
    let w = World::new(SchoolKind::Junior);
    let mut s = student(9, Status::Enrolled);
    s.aux_number = Some(aux());
    let facts = CompletionFacts {
        programme_completed: true,
        overall_quality_passed: true,
        failed_subjects_after_makeup: 1,
    };
    let fx = w
        .run(&s, Change::Finish(facts), d(2025, 6, 30))
        .expect("graduated");
    assert_eq!(fx.status, Some(Status::Graduated));
    assert_eq!(fx.events[0].rule, rules::R25_1);
    assert!(fx.has_document(DocumentKind::Certificate));
    assert!(fx.archive.contains(&ArchiveAction::ArchivePermanently));
    refused_with(
        w.run(
            &student(8, Status::Enrolled),
            Change::Finish(facts),
            d(2025, 6, 30),
        ),
        &rules::R25_1,
    );
    // no aux number, no certificate number
    refused_with(
        w.run(
            &student(9, Status::Enrolled),
            Change::Finish(facts),
            d(2025, 6, 30),
        ),
        &rules::R26_1,
    );
}

#[test]
fn r25_2_and_r25_3_outcomes_through_the_engine() {
    let w = World::new(SchoolKind::Junior);
    let mut s = student(9, Status::Enrolled);
    s.aux_number = Some(aux());
    s.foreign = true;
    let three_failed = CompletionFacts {
        programme_completed: true,
        overall_quality_passed: true,
        failed_subjects_after_makeup: 3,
    };
    let fx = w
        .run(&s, Change::Finish(three_failed), d(2025, 6, 30))
        .expect("completed");
    assert_eq!(
        (fx.status, fx.events[0].rule.clone()),
        (Some(Status::Completed), rules::R25_2)
    );
    let not_done = CompletionFacts {
        programme_completed: false,
        ..three_failed
    };
    let fx = w
        .run(&s, Change::Finish(not_done), d(2025, 6, 30))
        .expect("incomplete");
    assert_eq!(
        (fx.status, fx.events[0].rule.clone()),
        (Some(Status::Incomplete), rules::R25_3)
    );
    assert!(
        fx.has_document(DocumentKind::AttendanceStatement),
        "R27.1 for a foreign student"
    );
}

/// 第二十五条: 未完成九年义务教育者，在《证书》上注明“肄业”; 第十七条: 年满18周岁 … 办理退学手续.
/// A pupil who withdrew at 18 in grade 8 left before completing nine years: once the school has
/// reviewed it and the bureau approved it (第四条), the record says 肄业 and the certificate
/// that says 肄业 is numbered with the 学籍辅号 (第二十六条, R26.1).
#[test]
fn r25_3_an_early_leaver_who_withdrew_at_eighteen_is_given_the_incomplete_outcome() {
    let w = World::new(SchoolKind::Junior);
    let mut s = student(8, Status::Enrolled);
    s.birth_date = d(2007, 3, 1);
    let withdrawn = w
        .run(&s, Change::Withdraw, d(2025, 3, 3))
        .expect("退学 at 18");
    assert_eq!(withdrawn.status, Some(Status::Withdrawn));
    s.status = Status::Withdrawn;
    s.last_change_on = Some(d(2025, 3, 3));
    s.aux_number = Some(aux());
    let steps = workflow::steps_for(&Change::CertifyIncomplete, &w.profile);
    assert_eq!(steps.len(), 2, "school review, then the bureau (第四条)");
    let fx = w
        .run(&s, Change::CertifyIncomplete, d(2025, 6, 2))
        .expect("肄业");
    assert_eq!(fx.status, Some(Status::Incomplete));
    assert_eq!(fx.events[0].rule, rules::R25_3);
    assert_eq!(fx.events[0].status_before, Status::Withdrawn);
    let cert = fx
        .documents
        .iter()
        .find(|doc| doc.kind == DocumentKind::Certificate)
        .expect("the certificate");
    assert_eq!(
        cert.annotation.as_deref(),
        Some("肄业（编号：ZJ2025001）"),
        "R26.1"
    );
    // not before the withdrawal (R5.1), never twice (R9.2)
    refused_with(
        w.run(&s, Change::CertifyIncomplete, d(2025, 3, 2)),
        &rules::R5_1,
    );
    let done = StudentSnapshot {
        status: Status::Incomplete,
        ..s.clone()
    };
    refused_with(
        w.run(&done, Change::CertifyIncomplete, d(2025, 6, 2)),
        &rules::R9_2,
    );
}

/// 第二十六条: 毕（结、肄）业证书编号同学生学籍辅号 — no 辅号, no 肄业 certificate.
#[test]
fn r26_1_the_incomplete_outcome_of_an_early_leaver_needs_the_aux_number() {
    let w = World::new(SchoolKind::Junior);
    let s = student(7, Status::Withdrawn);
    refused_with(
        w.run(&s, Change::CertifyIncomplete, d(2025, 6, 2)),
        &rules::R26_1,
    );
}

/// 第十八条: a dropout's 学籍 is kept within the compulsory years — the studies have not ended, so
/// there is no 肄业 for a dropout (R18.1); a pupil still studying is not an early leaver (R25.3).
#[test]
fn r18_1_a_dropout_keeps_the_record_and_is_not_given_the_incomplete_outcome() {
    let w = World::new(SchoolKind::Junior);
    let mut dropped = student(8, Status::DroppedOut);
    dropped.aux_number = Some(aux());
    refused_with(
        w.run(&dropped, Change::CertifyIncomplete, d(2025, 6, 2)),
        &rules::R18_1,
    );
    for status in [
        Status::Enrolled,
        Status::OnLeave,
        Status::Abroad,
        Status::Held,
    ] {
        let mut s = student(8, status);
        s.aux_number = Some(aux());
        refused_with(
            w.run(&s, Change::CertifyIncomplete, d(2025, 6, 2)),
            &rules::R25_3,
        );
    }
}

#[test]
fn primary_school_graduation_sends_the_archive_on_instead_of_closing_it() {
    let w = World::new(SchoolKind::Primary);
    let facts = CompletionFacts {
        programme_completed: true,
        overall_quality_passed: true,
        failed_subjects_after_makeup: 0,
    };
    let fx = w
        .run(
            &student(6, Status::Enrolled),
            Change::Finish(facts),
            d(2025, 6, 30),
        )
        .expect("小学毕业");
    assert_eq!(fx.status, Some(Status::Graduated));
    assert!(fx.archive.contains(&ArchiveAction::SendToReceivingSchool));
    assert!(!fx.has_document(DocumentKind::Certificate));
}

#[test]
fn withdrawn_or_rejected_applications_never_take_effect() {
    let w = World::new(SchoolKind::Primary);
    let s = student(4, Status::Enrolled);
    let mut app = Workflow::open(Change::GoAbroad, d(2025, 3, 3), &w.profile);
    app.withdraw(d(2025, 3, 4), "不去了").expect("withdrawn");
    assert!(engine::apply(&w.ctx(), &s, &app, d(2025, 3, 5)).is_err());
    let mut rejected = Workflow::open(Change::GoAbroad, d(2025, 3, 3), &w.profile);
    rejected.attach_proof(crate::proofs::ProofKind::TravelDocument);
    rejected.approve(0, d(2025, 3, 3), None).expect("applied");
    rejected
        .reject(1, d(2025, 3, 4), "证件过期")
        .expect("rejected");
    let err = engine::apply(&w.ctx(), &s, &rejected, d(2025, 3, 5)).expect_err("rejected");
    assert!(err.to_string().contains("证件过期"));
}

/// The world on a given day, with only the shipped notices (2017–2026).
fn ctx_on(w: &World, today: NaiveDate) -> Context<'_> {
    Context { today, ..w.ctx() }
}

fn provisional_due(fx: &Effects, kind: DeadlineKind) -> (NaiveDate, Option<Vec<i32>>) {
    let dl = fx.deadline(kind).expect("deadline");
    (dl.due, dl.provisional.as_ref().map(|p| p.years.clone()))
}

#[test]
fn r13_3_on_2026_12_02_lawful_work_is_never_refused_for_want_of_the_2027_notice() {
    use crate::admission::{Admission, AdmissionKind, admit};
    let w = World::new(SchoolKind::Primary);
    let today = d(2026, 12, 2);
    let ctx = ctx_on(&w, today);
    // enrolment dated today: the archive is due a month later, in January 2027 (R8.1)
    let fx = admit(
        &ctx,
        &Admission {
            kind: AdmissionKind::TransferIn,
            grade: g(3),
            study_mode: StudyMode::Regular,
            foreign: false,
            entry_date: today,
        },
    )
    .expect("admitted");
    assert_eq!(
        provisional_due(&fx, DeadlineKind::ArchiveCreation),
        (d(2027, 1, 4), Some(vec![2027]))
    );
    // a 休学 approved today ends in December 2027 (R14.3)
    let leave = Change::Leave {
        reason: LeaveReason::Other {
            description: "家庭变故".into(),
        },
    };
    let s = student(4, Status::Enrolled);
    let app = approved(leave, today, &w.profile);
    let fx = engine::apply(&ctx, &s, &app, today).expect("leave approved");
    assert_eq!(
        provisional_due(&fx, DeadlineKind::LeaveEnds),
        (d(2027, 12, 2), Some(vec![2027]))
    );
    // a death on 18 December: cancellation due in January (R19.1)
    let ctx18 = ctx_on(&w, d(2026, 12, 18));
    let death = Change::Death {
        died_on: d(2026, 12, 18),
    };
    let app = approved(death, d(2026, 12, 18), &w.profile);
    let fx = engine::apply(&ctx18, &s, &app, d(2026, 12, 18)).expect("death recorded");
    let (due, years) = provisional_due(&fx, DeadlineKind::DeathCancellation);
    assert_eq!(years, Some(vec![2027]));
    assert!(due > d(2026, 12, 31));
    // a dropout on 25 December: the written report is due in January (R18.1)
    let ctx25 = ctx_on(&w, d(2026, 12, 25));
    let dropout = Change::Dropout { migrant: false };
    let fx = if workflow::steps_for(&dropout, &w.profile).is_empty() {
        engine::apply_direct(
            &ctx25,
            &student(8, Status::Enrolled),
            &dropout,
            d(2026, 12, 25),
        )
    } else {
        let app = approved(dropout, d(2026, 12, 25), &w.profile);
        engine::apply(&ctx25, &student(8, Status::Enrolled), &app, d(2026, 12, 25))
    }
    .expect("dropout recorded");
    assert_eq!(
        provisional_due(&fx, DeadlineKind::DropoutReport).1,
        Some(vec![2027])
    );
    // each transfer step reached on 18 December is due in January (R13.3)
    let mut transfer_app = Workflow::open(
        transfer(4, TransferKind::Regular),
        d(2026, 12, 18),
        &w.profile,
    );
    transfer_app.attach_proof(crate::proofs::ProofKind::WrittenApplication);
    let mut counted = 0;
    for step in 0..transfer_app.steps.len() {
        if let Some(due) = transfer_app.step_due(step, &w.calendar).expect("counts") {
            assert_eq!(
                due.provisional.map(|p| p.years),
                Some(vec![2027]),
                "step {step}"
            );
            counted += 1;
        }
        transfer_app
            .approve(step, d(2026, 12, 18), None)
            .expect("step recorded");
    }
    assert_eq!(
        counted, 4,
        "both schools and both bureaus have 10 working days"
    );
    let fx = engine::apply(&ctx18, &s, &transfer_app, d(2026, 12, 18)).expect("transferred");
    assert_eq!(fx.status, Some(Status::TransferredOut));
}
