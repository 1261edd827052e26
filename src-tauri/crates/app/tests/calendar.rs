//! R13.3 on a real database: on 2026-12-02, with only the shipped notices (2017–2026), lawful work
//! whose deadlines fall in 2027 succeeds, each deadline marked provisional; loading a notice (the
//! real 2026 one, pasted as published, with a day adjusted) counts the open deadlines again,
//! reports what moved and is audited; removing it moves them back.

mod common;
mod common_changes;

use common::{TestApp, d, transfer_free};
use common_changes::World;
use xueji_app::audit_log::AuditFilter;
use xueji_app::calendar::{DayAdjustmentView, NoticeInput};
use xueji_app::changes::ApplicationState;
use xueji_app::changes::{
    ChangeRequest, Decision, LeaveReasonInput, ProofKind as P, TransferKindInput,
};
use xueji_domain::Status;
use xueji_domain::effects::DeadlineKind;

/// The 2026 notice as the State Council published it.
const NOTICE_2026: &str = include_str!("../../domain/tests/data/notices/2026.txt");

fn transfer(grade: u8) -> ChangeRequest {
    ChangeRequest::TransferOut {
        kind: TransferKindInput::Regular,
        grade,
        receiving_school: "杭州市上城区胜利小学".to_owned(),
        route: xueji_app::changes::TransferRoute::AcrossCounties,
    }
}

fn leave() -> ChangeRequest {
    ChangeRequest::Leave {
        reason: LeaveReasonInput::Other {
            description: "家庭变故，需随父母离杭一年".to_owned(),
        },
    }
}

/// The student's open deadlines as the archive page shows them: (kind, due, provisional).
async fn deadlines(w: &World, id: i64) -> Vec<(DeadlineKind, chrono::NaiveDate, bool)> {
    w.t.app
        .student_archive(&w.t.admin, id)
        .await
        .expect("archive")
        .deadlines
        .into_iter()
        .map(|d| (d.kind, d.due, d.provisional))
        .collect()
}

/// From 18 December every transfer step and a death cancellation are due in 2027; from 25
/// December a dropout's written report (R13.3, R19.1, R18.1).
async fn december_18_and_25(w: &World) {
    // From 18 December: every transfer step, and a death cancellation, is due in 2027.
    w.t.clock.set_date(d(2026, 12, 18));
    let leaving = w.pupil("冬转出", d(2016, 8, 8), 4, 4).await;
    let app = w
        .submit(
            Some(leaving),
            transfer(4),
            d(2026, 12, 18),
            &[P::WrittenApplication],
        )
        .await
        .expect("transfer submitted");
    let mut view = w
        .decide(
            &w.t.admin,
            app.row.id,
            0,
            Decision::Approve,
            d(2026, 12, 18),
        )
        .await
        .expect("applied");
    while view.row.state == ApplicationState::Open {
        assert!(view.row.due_provisional.is_some(), "{:?}", view.row);
        let step = view.row.current_step.expect("waiting step");
        let who = w.who(&view.steps[usize::try_from(step).expect("index")].permission);
        view = w
            .decide(who, view.row.id, step, Decision::Approve, d(2026, 12, 18))
            .await
            .expect("step recorded");
    }
    assert_eq!(view.row.state, ApplicationState::Approved);
    assert_eq!(w.status(leaving).await, Status::TransferredOut);

    let deceased = w.pupil("冬注销", d(2016, 9, 9), 5, 4).await;
    let death = w
        .submit(
            Some(deceased),
            ChangeRequest::Death {
                died_on: d(2026, 12, 18),
            },
            d(2026, 12, 18),
            &[P::DeathCertificate],
        )
        .await
        .expect("death reported");
    let due = death
        .deadlines
        .iter()
        .find(|d| d.kind == xueji_domain::effects::DeadlineKind::DeathCancellation)
        .expect("R19.1 deadline");
    assert!(due.due > d(2026, 12, 31) && due.provisional, "{due:?}");

    // From 25 December: a dropout's written report is due in 2027 (R18.1).
    w.t.clock.set_date(d(2026, 12, 25));
    let dropped = w.pupil("冬辍学", d(2013, 1, 2), 6, 7).await;
    w.run(
        dropped,
        ChangeRequest::Dropout { migrant: false },
        d(2026, 12, 25),
        &[],
    )
    .await;
    let report = deadlines(w, dropped).await;
    assert!(
        report.iter().any(
            |(kind, due, provisional)| *kind == DeadlineKind::DropoutReport
                && *due > d(2026, 12, 31)
                && *provisional
        ),
        "{report:?}"
    );
}

#[tokio::test]
async fn r13_3_on_2026_12_02_lawful_work_succeeds_with_provisional_deadlines() {
    let today = d(2026, 12, 2);
    let w = World::new(today).await;

    // Enrolment dated today: the archive is due on 4 January 2027 (R8.1), provisionally.
    let v =
        w.t.app
            .student_enrol(
                &w.t.admin,
                &transfer_free("冬入学", d(2017, 5, 6), 1, 3, today),
            )
            .await
            .expect("enrolment dated today");
    let archive = &v.deadlines[0];
    assert_eq!(
        (archive.kind, archive.due),
        (DeadlineKind::ArchiveCreation, d(2027, 1, 4))
    );
    assert!(archive.provisional);
    let reason = archive.provisional_reason.as_deref().unwrap_or_default();
    assert!(
        reason.contains("《国务院办公厅关于2027年部分节假日安排的通知》"),
        "{reason}"
    );

    // A transfer-in application from another school.
    let incoming = w
        .submit(
            None,
            ChangeRequest::TransferIn {
                kind: TransferKindInput::Regular,
                sending_school: "宁波市海曙区某小学".to_owned(),
                student: Box::new(transfer_free("冬转入", d(2016, 3, 3), 2, 4, today)),
                route: xueji_app::changes::TransferRoute::AcrossCounties,
                stage_entry_date: None,
            },
            today,
            &[P::WrittenApplication],
        )
        .await
        .expect("transfer-in submitted");
    assert_eq!(incoming.row.state, ApplicationState::Open);

    // A 休学 approved today ends on 2 December 2027 (R14.3).
    let on_leave = w.pupil("冬休学", d(2016, 7, 7), 3, 4).await;
    let done = w
        .run(
            on_leave,
            leave(),
            today,
            &[P::WrittenApplication, P::OtherProof],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert!(deadlines(&w, on_leave).await.contains(&(
        xueji_domain::effects::DeadlineKind::LeaveEnds,
        d(2027, 12, 2),
        true
    )));

    Box::pin(december_18_and_25(&w)).await;
    w.t.close().await;
}

/// Three open deadlines due on Wednesday 30 December 2026, each provisional (late December
/// waits for the 2027 notice): (world, student on leave, student leaving, transfer, student
/// entered).
async fn three_due_on_30_december() -> (World, i64, i64, xueji_app::changes::ApplicationView, i64) {
    // A leave approved on 30 December 2025 ends on 30 December 2026 (R14.3).
    let w = World::new(d(2025, 12, 30)).await;
    let on_leave = w.pupil("年末休学", d(2016, 7, 7), 11, 4).await;
    w.run(
        on_leave,
        leave(),
        d(2025, 12, 30),
        &[P::WrittenApplication, P::OtherProof],
    )
    .await;
    // A year on: a transfer whose receiving school's 10 working days end on 30 December, and a
    // student entered on 30 November whose archive is due on 30 December (R8.1).
    w.t.clock.set_date(d(2026, 12, 16));
    let leaving = w.pupil("年末转出", d(2016, 8, 8), 12, 4).await;
    let app = w
        .submit(
            Some(leaving),
            transfer(4),
            d(2026, 12, 16),
            &[P::WrittenApplication],
        )
        .await
        .expect("transfer submitted");
    let app = w
        .decide(
            &w.t.admin,
            app.row.id,
            0,
            Decision::Approve,
            d(2026, 12, 16),
        )
        .await
        .expect("applied");
    assert_eq!(app.row.due_on, Some(d(2026, 12, 30)));
    let entered =
        w.t.app
            .student_enrol(
                &w.t.admin,
                &transfer_free("年末入学", d(2017, 5, 6), 13, 3, d(2026, 11, 30)),
            )
            .await
            .expect("enrolled")
            .student
            .id;
    assert_eq!(
        deadlines(&w, entered).await,
        [(DeadlineKind::ArchiveCreation, d(2026, 12, 30), true)],
        "late December waits for the 2027 notice too"
    );

    (w, on_leave, leaving, app, entered)
}

#[tokio::test]
async fn r13_3_loading_a_notice_recounts_open_deadlines_reports_what_moved_and_is_audited() {
    let (w, on_leave, leaving, app, entered) = Box::pin(three_due_on_30_december()).await;

    // The registrar pastes the 2026 notice and marks 30 December a day off, with the reason.
    let preview =
        w.t.app
            .calendar_preview(&w.t.admin, NOTICE_2026)
            .await
            .expect("the published text reads");
    assert_eq!(preview.year, 2026);
    assert_eq!(preview.replaces.as_deref(), Some(preview.title.as_str()));
    let input = NoticeInput {
        year: preview.year,
        title: preview.title.clone(),
        entries: preview.days.clone(),
        adjustments: vec![DayAdjustmentView {
            date: d(2026, 12, 30),
            kind: Some("holiday".to_owned()),
            reason: "县教育局转发的调整通知".to_owned(),
        }],
    };
    let audit_before = w.t.count("audit_log").await;
    let saved =
        w.t.app
            .calendar_save(&w.t.admin, &input)
            .await
            .expect("saved");
    assert_eq!(saved.summary, "3个期限已按2026年通知重新计算");
    let mut moved: Vec<_> = saved
        .moved
        .iter()
        .map(|m| (m.student_id, m.before, m.after))
        .collect();
    moved.sort_unstable();
    let mut expected = vec![
        (on_leave, d(2026, 12, 30), d(2026, 12, 31)),
        (leaving, d(2026, 12, 30), d(2026, 12, 31)),
        (entered, d(2026, 12, 30), d(2026, 12, 31)),
    ];
    expected.sort_unstable();
    assert_eq!(moved, expected);
    // The copies follow: the application's waiting step, the student's leave end.
    let app =
        w.t.app
            .change_show(&w.t.admin, app.row.id)
            .await
            .expect("application");
    assert_eq!(app.row.due_on, Some(d(2026, 12, 31)));
    let step = usize::try_from(app.row.current_step.expect("waiting")).expect("index");
    assert_eq!(app.steps[step].due_on, Some(d(2026, 12, 31)));
    let archive =
        w.t.app
            .student_archive(&w.t.admin, on_leave)
            .await
            .expect("archive");
    assert_eq!(archive.student.leave_until, Some(d(2026, 12, 31)));
    // Audited: the notice and the recount, in the same transaction.
    let rows =
        w.t.app
            .audit_list(&w.t.admin, &AuditFilter::default())
            .await
            .expect("audit")
            .rows;
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert!(actions.contains(&"calendar_notice_replace"), "{actions:?}");
    let recount = rows
        .iter()
        .find(|r| r.action == "deadline_recompute")
        .expect("recount audited");
    assert!(recount.target.contains("moved:3"), "{}", recount.target);
    assert!(w.t.count("audit_log").await >= audit_before + 2);
    let calendar = w.t.app.calendar_get(&w.t.admin).await.expect("calendar");
    let mine = calendar
        .notices
        .iter()
        .find(|n| n.year == 2026 && !n.replaced)
        .expect("2026 in force");
    assert_eq!(mine.origin, "school");
    assert_eq!(mine.adjustments.len(), 1);

    // Removed: the shipped notice is back and the deadlines with it.
    let removed =
        w.t.app
            .calendar_remove(&w.t.admin, 2026, None)
            .await
            .expect("removed");
    assert_eq!(removed.summary, "已删除2026年通知，3个期限已重新计算");
    assert!(removed.moved.iter().all(|m| m.after == d(2026, 12, 30)));
    assert_eq!(
        deadlines(&w, entered).await,
        [(DeadlineKind::ArchiveCreation, d(2026, 12, 30), true)]
    );
    // Nothing left to remove.
    let again = w.t.app.calendar_remove(&w.t.admin, 2026, None).await;
    assert!(again.is_err());
    w.t.close().await;
}

#[tokio::test]
async fn r13_3_a_bad_paste_is_refused_with_the_reason_and_nothing_is_saved() {
    let t = TestApp::new(d(2026, 12, 2)).await;
    let before = t.app.calendar_get(&t.admin).await.expect("calendar");
    let err = t
        .app
        .calendar_preview(
            &t.admin,
            "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日放假，共3天。",
        )
        .await
        .expect_err("1 January 2027 is a Friday");
    assert_eq!(err.rule_id(), Some("R13.3"));
    assert!(err.message.contains("星期五"), "{}", err.message);
    // A make-up workday on a weekday is refused at saving too.
    let bad = NoticeInput {
        year: 2027,
        title: "国务院办公厅关于2027年部分节假日安排的通知".to_owned(),
        entries: Vec::new(),
        adjustments: vec![DayAdjustmentView {
            date: d(2027, 1, 5),
            kind: Some("makeup_workday".to_owned()),
            reason: "核对".to_owned(),
        }],
    };
    assert!(t.app.calendar_save(&t.admin, &bad).await.is_err());
    assert_eq!(
        t.app.calendar_get(&t.admin).await.expect("calendar"),
        before
    );
    t.close().await;
}
