//! 肄业 for an early leaver (issue 17 item 9; 第二十五条 R25.3, 第二十六条 R26.1, 第十八条 R18.1)
//! on a real SQLCipher store: a pupil who withdrew at 18 (R17.1) is given the 肄业 outcome with the
//! bureau's 文号 and the 学籍辅号 as certificate number, and the certificate and the proof print it.

mod common;
mod common_changes;

use common::{d, pdf_text};
use common_changes::World;
use xueji_app::batches::EarlyLeaverInput;
use xueji_app::changes::{ApplicationState, ChangeRequest, ProofKind as P, SanctionLevel};
use xueji_app::documents::{DocumentRequest, PrintKind};
use xueji_domain::Status;

/// The real date of the work: 2026-12-03.
fn today() -> chrono::NaiveDate {
    d(2026, 12, 3)
}

fn input(id: i64, aux: Option<&str>, reference: Option<&str>) -> EarlyLeaverInput {
    EarlyLeaverInput {
        student_id: id,
        on: today(),
        aux_number: aux.map(str::to_owned),
        bureau_reference: reference.map(str::to_owned),
    }
}

const TABLES: [&str; 5] = [
    "student_event",
    "completion",
    "application",
    "application_step",
    "audit_log",
];

async fn counts(w: &World) -> Vec<i64> {
    let mut n = Vec::new();
    for t in TABLES {
        n.push(w.t.count(t).await);
    }
    n
}

/// A pupil in grade 8 who turned 18 and withdrew today (第十七条).
async fn withdrawn(w: &World, name: &str, seq: u16) -> i64 {
    let id = w.pupil(name, d(2008, 5, 1), seq, 8).await;
    let done = w
        .run(
            id,
            ChangeRequest::Withdraw,
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert_eq!(w.status(id).await, Status::Withdrawn);
    id
}

/// 第二十五条: 未完成九年义务教育者，在《证书》上注明“肄业”; 第二十六条: 证书编号同学籍辅号.
#[tokio::test]
async fn r25_3_a_pupil_who_withdrew_at_eighteen_is_given_the_incomplete_outcome_and_its_papers() {
    let w = World::new(today()).await;
    let id = withdrawn(&w, "周肄", 41).await;
    let check =
        w.t.app
            .early_leaver_check(&w.t.admin, id)
            .await
            .expect("check");
    assert!(check.allowed, "{}", check.message);
    assert_eq!(check.rule, "R25.3");
    assert_eq!(check.studies_ended_on, Some(today()));

    let before = counts(&w).await;
    let no_reference =
        w.t.app
            .early_leaver_incomplete(&w.t.admin, &input(id, Some("ZJ2026008"), None))
            .await
            .expect_err("the bureau's 文号 is needed");
    assert_eq!(no_reference.fields[0].field, "bureauReference");
    let no_aux =
        w.t.app
            .early_leaver_incomplete(&w.t.admin, &input(id, None, Some("西教籍〔2026〕41号")))
            .await
            .expect_err("no 辅号");
    assert_eq!(no_aux.rule_id(), Some("R26.1"), "{no_aux}");
    let malformed =
        w.t.app
            .early_leaver_incomplete(
                &w.t.admin,
                &input(id, Some("ZJ-01!"), Some("西教籍〔2026〕41号")),
            )
            .await
            .expect_err("malformed 辅号");
    assert_eq!(malformed.rule_id(), Some("R26.1"), "{malformed}");
    assert_eq!(counts(&w).await, before, "a refusal writes nothing");

    let done =
        w.t.app
            .early_leaver_incomplete(
                &w.t.admin,
                &input(id, Some("zj2026008"), Some("西教籍〔2026〕41号")),
            )
            .await
            .expect("肄业");
    assert_eq!(
        (
            done.outcome.as_str(),
            done.rule.as_str(),
            done.aux_number.as_str()
        ),
        ("incomplete", "R25.3", "ZJ2026008")
    );
    assert_eq!(done.studies_ended_on, today());
    assert_eq!(w.status(id).await, Status::Incomplete);
    let after = counts(&w).await;
    // one event, one completion, one approved application with its two steps, one audit row
    // (the change's and the history's own audit rows aside)
    assert_eq!(after[0], before[0] + 1, "one event");
    assert_eq!(after[1], before[1] + 1, "one completion");
    assert_eq!(after[2], before[2] + 1, "one application");
    assert_eq!(after[3], before[3] + 2, "school review and bureau approval");
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.aux_number.as_deref(), Some("ZJ2026008"));
    let last = archive.events.last().expect("event");
    assert_eq!(last.rule, "R25.3");
    let national = archive.student.xueji_number.clone().expect("学籍号");

    // the certificate (R24.1) says 肄业 and carries the 辅号 and the national 学籍号
    let cert =
        w.t.app
            .document_print(
                &w.t.admin,
                &DocumentRequest {
                    approval: None,
                    kind: PrintKind::Certificate,
                    student_ids: vec![id],
                    filter: None,
                    certificate: None,
                },
            )
            .await
            .expect("certificate");
    let text = pdf_text("early-leaver-certificate", &cert.pdf);
    assert!(text.contains("肄业"), "{text}");
    assert!(text.contains("ZJ2026008"), "{text}");
    assert!(text.contains(&national), "{text}");
    // and the 肄业证明书 (R26.2)
    let proof =
        w.t.app
            .completion_proof(&w.t.admin, id)
            .await
            .expect("proof");
    let text = pdf_text("early-leaver-proof", &proof.pdf);
    assert!(text.contains("肄业"), "{text}");
    assert!(text.contains(&national), "{text}");

    // never twice (R9.2)
    let again =
        w.t.app
            .early_leaver_incomplete(
                &w.t.admin,
                &input(id, Some("ZJ2026008"), Some("西教籍〔2026〕41号")),
            )
            .await
            .expect_err("already 肄业");
    assert_eq!(again.rule_id(), Some("R9.2"), "{again}");
}

/// 第十八条: 在义务教育年限内为其保留学籍 — a dropout's studies have not ended, there is no 肄业
/// (R18.1); a pupil still studying is not an early leaver (R25.3).
#[tokio::test]
async fn r18_1_a_dropout_keeps_the_record_and_is_refused_the_incomplete_outcome() {
    let w = World::new(today()).await;
    let id = w.pupil("吴辍", d(2011, 7, 7), 42, 8).await;
    let studying = w.t.app.early_leaver_check(&w.t.admin, id).await.expect("c");
    assert!(!studying.allowed);
    assert_eq!(studying.rule, "R25.3");
    w.submit(
        Some(id),
        ChangeRequest::Dropout { migrant: false },
        today(),
        &[],
    )
    .await
    .expect("dropout");
    assert_eq!(w.status(id).await, Status::DroppedOut);
    let check = w.t.app.early_leaver_check(&w.t.admin, id).await.expect("c");
    assert!(!check.allowed);
    assert_eq!(check.rule, "R18.1");
    assert!(check.message.contains("保留学籍"), "{}", check.message);
    let before = counts(&w).await;
    let err =
        w.t.app
            .early_leaver_incomplete(
                &w.t.admin,
                &input(id, Some("ZJ2026009"), Some("西教籍〔2026〕42号")),
            )
            .await
            .expect_err("a dropout");
    assert_eq!(err.rule_id(), Some("R18.1"), "{err}");
    assert_eq!(counts(&w).await, before);
    assert_eq!(w.status(id).await, Status::DroppedOut);
}

/// 第二十六条: the certificate number is the student's own 辅号 — one already held by another
/// student is refused (R26.1), and a role without the batches may not record it.
#[tokio::test]
async fn r26_1_an_aux_number_held_by_another_student_is_refused() {
    let w = World::new(today()).await;
    let first = withdrawn(&w, "郑一", 43).await;
    let second = withdrawn(&w, "郑二", 44).await;
    w.t.app
        .early_leaver_incomplete(
            &w.t.admin,
            &input(first, Some("ZJ2026010"), Some("西教籍〔2026〕43号")),
        )
        .await
        .expect("first");
    let before = counts(&w).await;
    let err =
        w.t.app
            .early_leaver_incomplete(
                &w.t.admin,
                &input(second, Some("ZJ2026010"), Some("西教籍〔2026〕44号")),
            )
            .await
            .expect_err("taken");
    assert_eq!(err.rule_id(), Some("R26.1"), "{err}");
    assert!(!err.message.contains("郑一"), "no name in the refusal");
    let denied =
        w.t.app
            .early_leaver_incomplete(
                &w.reader,
                &input(second, Some("ZJ2026011"), Some("西教籍〔2026〕44号")),
            )
            .await
            .expect_err("read-only role");
    assert!(denied.rule_id().is_none());
    let after = counts(&w).await;
    assert_eq!(after[..4], before[..4], "nothing written");
    assert_eq!(w.status(second).await, Status::Withdrawn);
}

/// A 严重警告 decided through the whole procedure (R22.2), on `on`.
async fn sanction(w: &World, id: i64, on: chrono::NaiveDate) {
    w.sanction(
        id,
        ChangeRequest::Sanction {
            level: SanctionLevel::SeriousWarning,
            facts: "该生在宿舍内多次违反纪律。".to_owned(),
            shortened_to: None,
            shortened_reason: None,
        },
        on,
    )
    .await;
}

async fn card(w: &World, id: i64, name: &str) -> String {
    let printed =
        w.t.app
            .document_print(
                &w.t.admin,
                &DocumentRequest {
                    approval: None,
                    kind: PrintKind::RecordCard,
                    student_ids: vec![id],
                    filter: None,
                    certificate: None,
                },
            )
            .await
            .expect("学籍卡");
    pdf_text(name, &printed.pdf)
}

/// 第二十三条: 采取处分消灭制度 — the 肄业 outcome ends the studies as 毕业 does, and the profile
/// purges sanctions for every outcome (R23.3): the early leaver's 学籍卡 no longer shows the
/// sanction or its events.
#[tokio::test]
async fn r23_3_the_incomplete_outcome_of_an_early_leaver_purges_the_sanction_from_the_card() {
    let w = World::new(today()).await;
    let id = w.pupil("冯处", d(2008, 5, 1), 45, 8).await;
    let plain = w.pupil("冯净", d(2008, 5, 2), 46, 8).await;
    sanction(&w, id, today()).await;
    let before = card(&w, id, "early-leaver-card-before").await;
    assert!(
        before.contains("处分（八年级）"),
        "the sanction's event: {before}"
    );
    for (student, aux) in [(id, "ZJ2026045"), (plain, "ZJ2026046")] {
        let done = w
            .run(
                student,
                ChangeRequest::Withdraw,
                today(),
                &[P::WrittenApplication],
            )
            .await;
        assert_eq!(done.row.state, ApplicationState::Approved);
        w.t.app
            .early_leaver_incomplete(
                &w.t.admin,
                &input(student, Some(aux), Some("西教籍〔2026〕45号")),
            )
            .await
            .expect("肄业");
    }
    assert_eq!(w.t.count("sanction").await, 0, "purged");
    let after = card(&w, id, "early-leaver-card-after").await;
    assert!(!after.contains("处分（八年级）"), "{after}");
    let control = card(&w, plain, "early-leaver-card-control").await;
    assert_eq!(
        after.matches("处分").count(),
        control.matches("处分").count(),
        "no sanction event left on the card: {after}"
    );
}
