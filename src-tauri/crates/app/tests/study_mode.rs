//! 随班就读 found after enrolment (issue 17 item 8): 第十二条 lets 随班就读 pupils repeat a year
//! (R12.3) and 第十三条 lets them move between a special school and their school with the record
//! staying (R13.6). A pupil whose needs are found in grade 3 is recorded 随班就读 on an assessment;
//! then R12.3 and R13.6 apply to them, and a placement at a special school has a way back that
//! clears it. On a real encrypted store.

mod common;
mod common_changes;

use common::d;
use common_changes::{World, refused};
use xueji_app::changes::{
    ApplicationState, ChangeRequest, ProofKind as P, TransferKindInput, TransferRoute,
};
use xueji_domain::StudyMode;

fn today() -> chrono::NaiveDate {
    d(2026, 3, 10)
}

async fn withdraw(w: &World, application_id: i64, reason: &str) {
    w.t.app
        .change_withdraw(
            &w.t.admin,
            &xueji_app::changes::WithdrawInput {
                application_id,
                reason: reason.to_owned(),
            },
        )
        .await
        .expect("withdrawn");
}

#[tokio::test]
#[allow(clippy::too_many_lines)] // one pupil's path, from regular to 随班就读, placed and back
async fn r13_6_inclusive_study_recorded_later_opens_repeat_and_a_placement_with_its_way_back() {
    let w = World::new(today()).await;
    let id = w.pupil("钱随", d(2017, 4, 4), 71, 3).await;
    // Before: a regular pupil may not repeat (R12.3).
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
        "R12.3",
    )
    .await;
    // Without the assessment the change is refused at the first step's proof check.
    let to_inclusive = ChangeRequest::StudyMode {
        mode: StudyMode::Inclusive,
    };
    let missing = w
        .submit(
            Some(id),
            to_inclusive.clone(),
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted; the assessment can follow");
    assert!(
        missing
            .missing_proofs
            .iter()
            .any(|m| m.any_of == [P::DisabilityAssessment]),
        "the assessment is asked for: {:?}",
        missing.missing_proofs
    );
    withdraw(&w, missing.row.id, "补齐评估意见后重新申请").await;
    let done = w
        .run(
            id,
            to_inclusive,
            today(),
            &[P::WrittenApplication, P::DisabilityAssessment],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.study_mode, StudyMode::Inclusive);
    assert!(archive.student.inclusive_placement);
    assert!(
        archive
            .events
            .iter()
            .any(|e| e.kind == "study_mode" && e.summary == "就读方式变更：普通 → 随班就读"),
        "the history keeps it"
    );
    // Now R12.3 lets the pupil apply to repeat.
    let repeat = w
        .submit(
            Some(id),
            ChangeRequest::Repeat,
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("R12.3 now applies");
    withdraw(&w, repeat.row.id, "家长改变主意").await;
    // R13.6: placed at a special school with the record staying here, then back.
    let placed = w
        .run(
            id,
            ChangeRequest::TransferOut {
                kind: TransferKindInput::SpecialInclusive {
                    record_moves: false,
                },
                grade: 3,
                receiving_school: "杭州市杨绫子学校".to_owned(),
                route: TransferRoute::WithinCounty,
            },
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(placed.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(
        archive.student.placed_elsewhere.as_deref(),
        Some("杭州市杨绫子学校")
    );
    let back = w
        .run(
            id,
            ChangeRequest::ReturnFromPlacement,
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(back.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.placed_elsewhere, None, "cleared");
    // A second return has nothing to end.
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::ReturnFromPlacement,
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R13.6",
    )
    .await;
}
