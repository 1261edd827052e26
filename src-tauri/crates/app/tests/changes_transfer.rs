//! Transfers (R13), the reform school (R13.7) and the held record (R13.8) on a real database.

mod common;
mod common_changes;

use common::{d, transfer_free};
use common_changes::{World, refused};
use xueji_app::changes::ApplicationState;
use xueji_app::changes::{
    ChangeListInput, ChangeRequest, Decision, LeaveReasonInput, ProofKind as P, TransferKindInput,
};
use xueji_domain::SchoolYear;
use xueji_domain::Status;
use xueji_domain::school::{Semester, Term};
use xueji_domain::workflow::Party;

fn today() -> chrono::NaiveDate {
    d(2025, 3, 10)
}

async fn overdue(w: &World) -> xueji_app::views::Page<xueji_app::changes::ApplicationRow> {
    let input = ChangeListInput {
        overdue_only: true,
        ..ChangeListInput::default()
    };
    w.t.app.change_list(&w.t.admin, &input).await.expect("list")
}

fn transfer(grade: u8) -> ChangeRequest {
    ChangeRequest::TransferOut {
        kind: TransferKindInput::Regular,
        grade,
        receiving_school: "杭州市上城区胜利小学".to_owned(),
        route: xueji_app::changes::TransferRoute::AcrossCounties,
    }
}

#[tokio::test]
async fn r13_1_transfer_out_through_four_parties_in_order_keeps_the_grade_and_leaves_a_read_only_copy()
 {
    let w = World::new(today()).await;
    let id = w.pupil("张转", d(2015, 4, 4), 21, 4).await;
    let app = w
        .submit(Some(id), transfer(4), today(), &[P::WrittenApplication])
        .await
        .expect("submitted");
    let parties: Vec<_> = app
        .steps
        .iter()
        .map(|s| xueji_domain::stored::text(&s.party))
        .collect();
    assert_eq!(
        parties,
        [
            "guardian",
            "receiving_school",
            "receiving_bureau",
            "sending_school",
            "sending_bureau"
        ],
        "across counties: the receiving side, then the sending side (R13.1)"
    );
    assert!(app.steps[1..].iter().all(|s| s.working_days == Some(10)));
    let app = w
        .decide(&w.t.admin, app.row.id, 0, Decision::Approve, today())
        .await
        .expect("applied");
    // R13.1: the sending school cannot act before the receiving school
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.decide(&w.t.admin, app.row.id, 2, Decision::Approve, today())
            .await,
        "R13.1",
    )
    .await;
    let shown =
        w.t.app
            .change_show(&w.t.admin, app.row.id)
            .await
            .expect("show");
    assert_eq!(
        shown.steps[2].decision,
        xueji_app::changes::StepDecision::Pending
    );
    for step in 1..4 {
        let v = w
            .decide(&w.t.admin, app.row.id, step, Decision::Approve, today())
            .await
            .expect("step");
        assert_eq!(v.row.state, ApplicationState::Open);
        assert_eq!(
            w.status(id).await,
            Status::Enrolled,
            "no effect before the last party"
        );
    }
    let done = w
        .decide(&w.t.admin, app.row.id, 4, Decision::Approve, today())
        .await
        .expect("last party");
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::TransferredOut);
    assert_eq!(archive.student.grade, Some(4), "R13.4: same grade");
    assert!(archive.student.read_only);
    let e = archive
        .events
        .iter()
        .find(|e| e.kind == "transfer_out")
        .expect("event");
    assert_eq!(e.application_id, Some(done.row.id));
    // the record went with the student (R7.3)
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
        "R7.3",
    )
    .await;
}

#[tokio::test]
async fn r13_4_grade_kept_and_r13_5_no_transfer_on_leave() {
    let w = World::new(today()).await;
    let id = w.pupil("李转", d(2015, 5, 5), 22, 4).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), transfer(5), today(), &[P::WrittenApplication])
            .await,
        "R13.4",
    )
    .await;
    w.run(
        id,
        ChangeRequest::Leave {
            reason: LeaveReasonInput::Other {
                description: "随父母出国探亲".to_owned(),
            },
        },
        today(),
        &[P::WrittenApplication, P::OtherProof],
    )
    .await;
    assert_eq!(w.status(id).await, Status::OnLeave);
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), transfer(4), today(), &[P::WrittenApplication])
            .await,
        "R13.5",
    )
    .await;
}

#[tokio::test]
async fn r13_2_mid_term_transfer_warns_but_is_allowed() {
    let w = World::new(today()).await;
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
    let id = w.pupil("王转", d(2015, 6, 6), 23, 4).await;
    let app = w
        .submit(Some(id), transfer(4), today(), &[P::WrittenApplication])
        .await
        .expect("allowed");
    assert!(
        app.warnings.iter().any(|x| x.rule == "R13.2"),
        "{:?}",
        app.warnings
    );
    let shown =
        w.t.app
            .change_show(&w.t.admin, app.row.id)
            .await
            .expect("show");
    assert!(shown.warnings.iter().any(|x| x.rule == "R13.2"));
}

#[tokio::test]
async fn r13_3_a_party_past_ten_working_days_shows_overdue_in_the_list_and_the_detail() {
    let w = World::new(today()).await;
    let id = w.pupil("赵转", d(2015, 7, 7), 24, 4).await;
    let app = w
        .submit(Some(id), transfer(4), today(), &[P::WrittenApplication])
        .await
        .expect("submitted");
    let app = w
        .decide(&w.t.admin, app.row.id, 0, Decision::Approve, today())
        .await
        .expect("applied");
    // Monday 10 March + 10 working days
    assert_eq!(app.row.waiting_on, Some(Party::ReceivingSchool));
    assert_eq!(app.row.due_on, Some(d(2025, 3, 24)));
    assert_eq!(app.steps[1].due_on, Some(d(2025, 3, 24)));
    assert!(app.deadlines.iter().any(|x| x.kind
        == xueji_domain::effects::DeadlineKind::TransferStep
        && x.due == d(2025, 3, 24)
        && x.rule == "R13.3"));
    assert!(app.overdue.is_none());
    assert_eq!(overdue(&w).await.total, 0);
    w.t.clock.set_date(d(2025, 3, 24));
    assert_eq!(overdue(&w).await.total, 0, "due today is not late");
    w.t.clock.set_date(d(2025, 3, 31));
    let shown =
        w.t.app
            .change_show(&w.t.admin, app.row.id)
            .await
            .expect("show");
    let late = shown.overdue.expect("overdue");
    assert_eq!(late.party, xueji_domain::workflow::Party::ReceivingSchool);
    assert_eq!(late.due, d(2025, 3, 24));
    assert_eq!(late.overdue_working_days, 5);
    let list = overdue(&w).await;
    assert_eq!(list.total, 1);
    assert_eq!(list.rows[0].overdue_working_days, Some(5));
    let by_party =
        w.t.app
            .change_list(
                &w.t.admin,
                &ChangeListInput {
                    waiting_on: Some(Party::ReceivingSchool),
                    ..ChangeListInput::default()
                },
            )
            .await
            .expect("list");
    assert_eq!(by_party.total, 1);
    // late but done: the next party's ten days start
    let next = w
        .decide(&w.t.admin, app.row.id, 1, Decision::Approve, d(2025, 3, 31))
        .await
        .expect("done late");
    assert!(next.overdue.is_none());
    assert_eq!(next.row.waiting_on, Some(Party::ReceivingBureau));
    assert!(
        next.row.due_on.expect("due") > d(2025, 4, 11),
        "Qingming in between"
    );
    let open: Vec<_> = next
        .deadlines
        .iter()
        .filter(|x| x.kind == xueji_domain::effects::DeadlineKind::TransferStep)
        .collect();
    assert_eq!(open.len(), 1, "the met step's deadline is closed");
    assert_eq!(overdue(&w).await.total, 0);
}

#[tokio::test]
async fn r13_1_transfer_in_creates_the_record_in_its_grade_when_the_last_party_approves() {
    let w = World::new(today()).await;
    let students = w.t.count("student").await;
    let app = w
        .submit(
            None,
            ChangeRequest::TransferIn {
                kind: TransferKindInput::Regular,
                sending_school: "宁波市海曙区某小学".to_owned(),
                student: Box::new(transfer_free("钱入", d(2014, 9, 9), 25, 5, d(2025, 3, 3))),
                route: xueji_app::changes::TransferRoute::AcrossCounties,
                stage_entry_date: None,
            },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    assert_eq!(
        app.row.change_kind,
        xueji_domain::ApplicationKind::TRANSFER_IN
    );
    assert_eq!(app.row.student_id, None);
    assert_eq!(app.row.student_name, "钱入");
    assert_eq!(app.steps.len(), 5);
    assert_eq!(w.t.count("student").await, students, "no record yet");
    let done = w.complete(app, today()).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let id = done.row.student_id.expect("record created");
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::Enrolled);
    assert_eq!(archive.student.grade, Some(5), "R13.4: the grade it had");
    let created = archive
        .events
        .iter()
        .find(|e| e.kind == "record_created")
        .expect("event");
    assert_eq!(created.application_id, Some(done.row.id));
    assert_eq!(created.rule, "R13.1");
    assert!(archive.events.iter().any(|e| e.kind == "admitted"));
    assert_eq!(archive.applications.len(), 1);
    assert_eq!(archive.attachments.len(), 1, "the proof follows the record");
    // a second transfer in of the same person is a duplicate (R7.2)
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            None,
            ChangeRequest::TransferIn {
                kind: TransferKindInput::Regular,
                sending_school: "宁波市海曙区某小学".to_owned(),
                student: Box::new(transfer_free("钱入", d(2014, 9, 9), 25, 5, d(2025, 3, 3))),
                route: xueji_app::changes::TransferRoute::AcrossCounties,
                stage_entry_date: None,
            },
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R7.2",
    )
    .await;
}

#[tokio::test]
async fn r13_7_reform_school_placement_with_the_record_staying() {
    let w = World::new(today()).await;
    let id = w.pupil("孙工", d(2012, 1, 1), 26, 7).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::ReformSchoolPlacement {
                record_moves: false,
                school: " ".to_owned(),
            },
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R13.7",
    )
    .await;
    let done = w
        .run(
            id,
            ChangeRequest::ReformSchoolPlacement {
                record_moves: false,
                school: "杭州市工读学校".to_owned(),
            },
            today(),
            &[P::WrittenApplication],
        )
        .await;
    let parties: Vec<_> = done
        .steps
        .iter()
        .map(|s| xueji_domain::stored::text(&s.party))
        .collect();
    assert_eq!(parties, ["guardian", "reform_school", "bureau"]);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::Enrolled);
    assert_eq!(
        archive.student.placed_elsewhere.as_deref(),
        Some("杭州市工读学校")
    );
}

#[tokio::test]
async fn r13_8_hold_during_criminal_measures_and_restore_need_the_court_papers() {
    let w = World::new(today()).await;
    let id = w.pupil("周保", d(2011, 2, 2), 27, 8).await;
    let hold_request = ChangeRequest::Hold {
        since: d(2025, 3, 1),
        judgment_effective_on: None,
    };
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), hold_request.clone(), today(), &[]).await,
        "R13.8",
    )
    .await;
    let held = w
        .submit(Some(id), hold_request, today(), &[P::CourtOrPoliceDocument])
        .await
        .expect("held");
    assert_eq!(held.row.state, ApplicationState::Applied);
    assert!(held.steps.is_empty());
    assert_eq!(held.proofs.len(), 1);
    assert_eq!(w.status(id).await, Status::Held);
    // nothing else while held
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), transfer(8), today(), &[P::WrittenApplication])
            .await,
        "R13.8",
    )
    .await;
    let restored = w
        .submit(
            Some(id),
            ChangeRequest::Restore,
            today(),
            &[P::CourtOrPoliceDocument],
        )
        .await
        .expect("restored");
    assert_eq!(restored.row.state, ApplicationState::Applied);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.status.code, Status::Enrolled);
    let kinds: Vec<_> = archive.events.iter().map(|e| e.kind.as_str()).collect();
    assert!(kinds.contains(&"hold") && kinds.contains(&"restore"));
}

#[tokio::test]
async fn r13_6_special_inclusive_transfer_may_keep_the_record_here() {
    let w = World::new(today()).await;
    let request = |record_moves| ChangeRequest::TransferOut {
        kind: TransferKindInput::SpecialInclusive { record_moves },
        grade: 4,
        receiving_school: "杭州市西湖区特殊教育学校".to_owned(),
        route: xueji_app::changes::TransferRoute::AcrossCounties,
    };
    // Only for special-school or 随班就读 students.
    let regular = w.pupil("周普", d(2015, 5, 5), 30, 4).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(regular),
            request(false),
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R13.6",
    )
    .await;
    let inclusive = |name: &str, birth, seq| {
        let mut input = transfer_free(name, birth, seq, 4, d(2024, 9, 2));
        input.study_mode = xueji_domain::StudyMode::Inclusive;
        input
    };
    let stays = w
        .enrolled(&inclusive("钱随", d(2015, 6, 6), 31), d(2024, 9, 2))
        .await;
    let kept = w
        .run(stays, request(false), today(), &[P::WrittenApplication])
        .await;
    assert_eq!(kept.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, stays).await.expect("a");
    assert!(
        archive.events.iter().any(|e| e.rule == "R13.6"),
        "{:?}",
        archive.events
    );
    assert_eq!(
        archive.student.status.code,
        Status::Enrolled,
        "the record stays"
    );
    assert_eq!(
        archive.student.placed_elsewhere.as_deref(),
        Some("杭州市西湖区特殊教育学校")
    );
    assert!(!archive.student.read_only);

    let leaver = w
        .enrolled(&inclusive("孙随", d(2015, 7, 7), 32), d(2024, 9, 2))
        .await;
    let moved = w
        .run(leaver, request(true), today(), &[P::WrittenApplication])
        .await;
    assert_eq!(moved.row.state, ApplicationState::Approved);
    let archive =
        w.t.app
            .student_archive(&w.t.admin, leaver)
            .await
            .expect("a");
    assert_eq!(archive.student.status.code, Status::TransferredOut);
    assert!(archive.student.read_only, "R9.1: a read-only copy stays");
}
