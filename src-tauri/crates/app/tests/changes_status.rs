//! Leave, resumption, abroad, withdrawal, dropout and death (R14–R19) on a real database.

mod common;
mod common_changes;

use common::d;
use common_changes::{World, refused};
use xueji_app::changes::{ApplicationState, Decision};
use xueji_app::changes::{ChangeRequest, LeaveReasonInput, OrderedLeaveReason, ProofKind as P};
use xueji_app::students::DropoutReportInput;
use xueji_domain::SchoolYear;
use xueji_domain::Status;
use xueji_domain::school::{Semester, Term};
use xueji_domain::workflow::Party;

fn today() -> chrono::NaiveDate {
    d(2025, 3, 10)
}

fn sick(since: chrono::NaiveDate) -> ChangeRequest {
    ChangeRequest::Leave {
        reason: LeaveReasonInput::Illness { sick_since: since },
    }
}

#[tokio::test]
async fn r14_1_health_leave_needs_three_months_of_sick_leave_and_lasts_a_year() {
    let w = World::new(today()).await;
    let id = w.pupil("张休", d(2016, 1, 1), 31, 3).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            sick(d(2025, 1, 2)),
            today(),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await,
        "R14.1",
    )
    .await;
    let done = w
        .run(
            id,
            sick(d(2024, 11, 1)),
            today(),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::OnLeave);
    assert_eq!(archive.student.leave_until, Some(d(2026, 3, 10)));
    assert!(
        done.deadlines
            .iter()
            .any(|x| x.kind == xueji_domain::effects::DeadlineKind::LeaveEnds
                && x.due == d(2026, 3, 10)
                && x.rule == "R14.3")
    );
}

#[tokio::test]
async fn r14_2_ordered_leave_is_initiated_by_the_bureau_and_the_school_without_the_guardian() {
    let w = World::new(today()).await;
    let id = w.pupil("李令", d(2016, 2, 2), 32, 3).await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::OrderedLeave {
                reason: OrderedLeaveReason::InfectiousDisease,
            },
            today(),
            &[P::InfectiousDiseaseDiagnosis],
        )
        .await
        .expect("submitted");
    let parties: Vec<_> = app.steps.iter().map(|s| s.party).collect();
    assert_eq!(parties, [Party::Bureau, Party::School]);
    assert_eq!(app.steps[0].permission, "submit_changes");
    assert_eq!(app.steps[1].permission, "decide_school_steps");
    let done = w.complete(app, today()).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert_eq!(w.status(id).await, Status::OnLeave);
}

#[tokio::test]
async fn r14_3_an_ended_leave_is_listed_until_extended_by_a_new_application() {
    // 2024 so that the extension stays inside the official calendar (2017–2026)
    let w = World::new(d(2024, 3, 11)).await;
    let id = w.pupil("王续", d(2016, 3, 3), 33, 3).await;
    let other = w.pupil("王在", d(2016, 3, 4), 34, 3).await;
    w.run(
        id,
        sick(d(2023, 11, 1)),
        d(2024, 3, 11),
        &[P::WrittenApplication, P::CountyHospitalCertificate],
    )
    .await;
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.leave_until, Some(d(2025, 3, 11)));
    assert!(
        w.t.app
            .leave_expiry(&w.t.admin)
            .await
            .expect("expiry")
            .is_empty()
    );
    w.t.clock.set_date(d(2025, 3, 11));
    assert!(
        w.t.app
            .leave_expiry(&w.t.admin)
            .await
            .expect("e")
            .is_empty(),
        "the last day of the leave"
    );
    w.t.clock.set_date(d(2025, 3, 17));
    let expired = w.t.app.leave_expiry(&w.t.admin).await.expect("expiry");
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0].student_id, id);
    assert_eq!(expired[0].leave_until, d(2025, 3, 11));
    assert_eq!(expired[0].days_past, 6);
    assert!(!expired[0].application_open);
    assert_ne!(expired[0].student_id, other);
    // extending needs the leave: an enrolled student is refused
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(other),
            ChangeRequest::ExtendLeave,
            d(2025, 3, 17),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await,
        "R14.3",
    )
    .await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::ExtendLeave,
            d(2025, 3, 17),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await
        .expect("extension");
    let expired = w.t.app.leave_expiry(&w.t.admin).await.expect("expiry");
    assert!(expired[0].application_open);
    let done = w.complete(app, d(2025, 3, 17)).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::OnLeave);
    assert_eq!(archive.student.leave_until, Some(d(2026, 3, 11)));
    assert!(
        w.t.app
            .leave_expiry(&w.t.admin)
            .await
            .expect("expiry")
            .is_empty()
    );
    assert!(done.deadlines.iter().any(|x| x.kind
        == xueji_domain::effects::DeadlineKind::LeaveEnds
        && x.due == d(2026, 3, 11)));
}

#[tokio::test]
async fn r15_1_resume_in_an_appropriate_grade_filed_with_the_bureau() {
    let w = World::new(today()).await;
    let id = w.pupil("赵复", d(2016, 4, 4), 35, 3).await;
    w.run(
        id,
        sick(d(2024, 11, 1)),
        today(),
        &[P::WrittenApplication, P::CountyHospitalCertificate],
    )
    .await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::Resume { grade: 6 },
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R15.1",
    )
    .await;
    let done = w
        .run(
            id,
            ChangeRequest::Resume { grade: 4 },
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(done.steps[2].label, "主管教育行政部门备案");
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::Enrolled);
    assert_eq!(archive.student.grade, Some(4));
    assert_eq!(archive.student.leave_until, None);
    assert!(
        w.t.app
            .leave_expiry(&w.t.admin)
            .await
            .expect("e")
            .is_empty()
    );
}

#[tokio::test]
async fn r16_1_abroad_and_back_on_the_same_record() {
    let w = World::new(today()).await;
    let id = w.pupil("钱境", d(2016, 5, 5), 36, 3).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), ChangeRequest::ReturnFromAbroad, today(), &[])
            .await,
        "R16.1",
    )
    .await;
    let done = w
        .run(id, ChangeRequest::GoAbroad, today(), &[P::TravelDocument])
        .await;
    assert_eq!(done.steps.len(), 2);
    assert_eq!(w.status(id).await, Status::Abroad);
    let back = w
        .submit(Some(id), ChangeRequest::ReturnFromAbroad, today(), &[])
        .await
        .expect("back");
    assert_eq!(back.row.state, ApplicationState::Applied);
    assert_eq!(w.status(id).await, Status::Enrolled);
}

#[tokio::test]
async fn r17_1_no_withdrawal_under_eighteen() {
    let w = World::new(today()).await;
    let young = w.pupil("孙退", d(2010, 6, 6), 37, 9).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(young),
            ChangeRequest::Withdraw,
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R17.1",
    )
    .await;
    let adult = w.pupil("周成", d(2006, 6, 6), 38, 9).await;
    let done = w
        .run(
            adult,
            ChangeRequest::Withdraw,
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, adult).await.expect("a");
    assert_eq!(archive.student.status.code, Status::Withdrawn);
    assert!(archive.student.read_only && archive.student.archived);
}

#[tokio::test]
async fn r18_1_dropout_is_reported_the_record_kept_and_the_student_may_return() {
    let w = World::new(today()).await;
    let id = w.pupil("吴辍", d(2011, 7, 7), 39, 8).await;
    let out = w
        .submit(
            Some(id),
            ChangeRequest::Dropout { migrant: false },
            today(),
            &[],
        )
        .await
        .expect("dropout");
    assert_eq!(out.row.state, ApplicationState::Applied);
    let report = out
        .deadlines
        .iter()
        .find(|x| x.kind == xueji_domain::effects::DeadlineKind::DropoutReport)
        .expect("report deadline");
    assert_eq!(report.rule, "R18.1");
    assert!(report.due > today());
    assert_eq!(w.status(id).await, Status::DroppedOut);
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::Repeat,
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R18.1",
    )
    .await;
    // 第十八条: the school reports the dropout in writing. Past the report's due date with no
    // report, the dashboard names the breach (R32 item 4); the registrar records the report
    // (date, to whom, 文号) and the finding clears.
    let due = report.due;
    let later = due + chrono::Days::new(3);
    w.t.clock.set_date(later);
    let unreported = |f: &xueji_app::dashboard::FindingView| f.basis == "R18.1";
    let findings = w.t.app.dashboard(&w.t.admin).await.expect("d").findings;
    assert!(findings.iter().any(unreported), "{findings:?}");
    let input = |reported_on, reported_to: &str| DropoutReportInput {
        student_id: id,
        reported_on,
        reported_to: reported_to.to_owned(),
        reference: Some("西教〔2025〕7号".to_owned()),
    };
    let err =
        w.t.app
            .dropout_report_record(&w.t.admin, &input(later, "  "))
            .await
            .expect_err("to whom");
    assert_eq!(
        err.rule.as_ref().map(xueji_domain::RuleId::as_str),
        Some("R18.1")
    );
    let archive =
        w.t.app
            .dropout_report_record(
                &w.t.admin,
                &input(d(2025, 3, 14), "转塘街道办事处、西湖区教育局"),
            )
            .await
            .expect("recorded");
    assert!(
        archive
            .deadlines
            .iter()
            .all(|x| x.kind != xueji_domain::effects::DeadlineKind::DropoutReport),
        "met: {:?}",
        archive.deadlines
    );
    assert!(
        archive.events.iter().any(|e| e.kind == "dropout_reported"
            && e.summary.contains("西湖区教育局")
            && e.summary.contains("西教〔2025〕7号")),
        "the history keeps the report"
    );
    let findings = w.t.app.dashboard(&w.t.admin).await.expect("d").findings;
    assert!(!findings.iter().any(unreported), "{findings:?}");
    assert!(
        w.t.app
            .dropout_report_record(&w.t.admin, &input(later, "乡政府"))
            .await
            .is_err(),
        "recorded once"
    );
    let back = w
        .submit(Some(id), ChangeRequest::ReturnFromDropout, later, &[])
        .await
        .expect("back");
    assert_eq!(back.row.state, ApplicationState::Applied);
    assert_eq!(w.status(id).await, Status::Enrolled);
}

#[tokio::test]
async fn r18_2_migrant_dropout_archive_goes_home_at_semester_end() {
    let w = World::new(today()).await;
    let a = w.pupil("郑迁", d(2011, 8, 8), 40, 8).await;
    let without_terms = w
        .submit(
            Some(a),
            ChangeRequest::Dropout { migrant: true },
            today(),
            &[],
        )
        .await
        .expect("dropout");
    assert!(without_terms.warnings.iter().any(|x| x.rule == "R18.2"));
    w.t.app
        .terms_set(
            &w.t.admin,
            &[Term {
                year: SchoolYear(2024),
                semester: Semester::Second,
                start: d(2025, 2, 14),
                end: d(2025, 6, 27),
            }],
        )
        .await
        .expect("terms");
    let b = w.pupil("冯迁", d(2011, 9, 9), 41, 8).await;
    let out = w
        .submit(
            Some(b),
            ChangeRequest::Dropout { migrant: true },
            today(),
            &[],
        )
        .await
        .expect("dropout");
    let handover = out
        .deadlines
        .iter()
        .find(|x| x.kind == xueji_domain::effects::DeadlineKind::MigrantArchiveHandover)
        .expect("hand-over deadline");
    assert_eq!(handover.due, d(2025, 6, 27));
    assert_eq!(handover.rule, "R18.2");
}

#[tokio::test]
async fn r19_1_death_cancels_the_record_within_ten_working_days() {
    let w = World::new(today()).await;
    let id = w.pupil("陈殁", d(2012, 10, 10), 42, 6).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::Death {
                died_on: d(2025, 3, 11),
            },
            today(),
            &[P::DeathCertificate],
        )
        .await,
        "R19.1",
    )
    .await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::Death {
                died_on: d(2025, 3, 5),
            },
            today(),
            &[P::DeathCertificate],
        )
        .await
        .expect("submitted");
    let due = app
        .deadlines
        .iter()
        .find(|x| x.kind == xueji_domain::effects::DeadlineKind::DeathCancellation)
        .expect("R19.1 deadline from the death");
    assert_eq!(due.due, d(2025, 3, 19));
    w.t.clock.set_date(d(2025, 3, 12));
    // 第十九条: the school's duty is to report within 10 working days; once it has reported, the
    // deadline is met even while the bureau has not yet cancelled the record.
    let step = app.row.current_step.expect("the school's report");
    assert_eq!(
        app.steps[step as usize].party,
        xueji_domain::workflow::Party::School
    );
    let reported = w
        .decide(
            &w.approver,
            app.row.id,
            step,
            Decision::Approve,
            d(2025, 3, 12),
        )
        .await
        .expect("reported");
    assert_eq!(
        reported.row.state,
        ApplicationState::Open,
        "the bureau still to act"
    );
    assert!(
        reported
            .deadlines
            .iter()
            .all(|x| x.kind != xueji_domain::effects::DeadlineKind::DeathCancellation),
        "met when the school reported: {:?}",
        reported.deadlines
    );
    w.t.clock.set_date(d(2025, 3, 31));
    let findings =
        w.t.app
            .dashboard(&w.t.admin)
            .await
            .expect("dashboard")
            .findings;
    assert!(
        findings.iter().all(|f| f.basis != "R19.1"),
        "no breach after the school reported: {findings:?}"
    );
    let done = w.complete(reported, d(2025, 3, 31)).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert!(
        done.deadlines.is_empty(),
        "the cancellation is done: {:?}",
        done.deadlines
    );
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::Deceased);
    assert!(archive.student.read_only);
}
