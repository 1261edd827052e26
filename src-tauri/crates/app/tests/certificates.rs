//! The 《浙江省义务教育证书》 (第二十四至二十六条) from a real encrypted store to real PDF bytes:
//! the 入学年月 it prints (R24.1), printed once, a misprint voided and reprinted only before
//! hand-out and with the approver's consent, after hand-out only the completion proof (R26.2).

mod common;
mod common_batches;
mod common_changes;

use common::{d, pdf_text, transfer_free};
use common_batches::{Seed, audit_targets, seed};
use common_changes::World;
use sea_orm::{ConnectionTrait, Statement};
use xueji_app::changes::{ApplicationState, ChangeRequest, ProofKind, TransferKindInput};
use xueji_app::documents::{DocumentLogFilter, DocumentRequest, PrintKind};
use xueji_app::{AppError, ErrorKind};
use xueji_domain::{SchoolKind, Status};

fn certificate(id: i64) -> DocumentRequest {
    DocumentRequest {
        kind: PrintKind::Certificate,
        student_ids: vec![id],
        filter: None,
    }
}

/// Finishes a record straight in the store (the graduation batch is tested elsewhere): 毕业 in
/// grade 9 with its 辅号.
async fn graduate(w: &World, id: i64, aux: &str) {
    w.t.app
        .db()
        .execute_raw(Statement::from_string(
            w.t.app.db().get_database_backend(),
            format!(
                "UPDATE student SET status = 'graduated', grade = 9, aux_number = '{aux}', \
                 last_change_on = '2026-07-01' WHERE id = {id}"
            ),
        ))
        .await
        .expect("graduate");
}

fn rule(e: &AppError) -> Option<&str> {
    e.rule_id()
}

#[tokio::test]
async fn r24_1_a_pupil_who_transferred_in_prints_the_first_entry_into_the_stage() {
    let w = World::of_kind(d(2025, 3, 10), SchoolKind::Junior).await;
    let arrived = d(2025, 3, 3);
    let mut ids = Vec::new();
    // 钱甲's sending record says 初中 began in September 2022 (a repeated year there); 钱乙's
    // gives no date: counted back from grade 8 in 2024–25, 初中 began in September 2023.
    for (name, seq, declared) in [("钱甲", 31, Some(d(2022, 9, 1))), ("钱乙", 32, None)] {
        let view = w
            .submit(
                None,
                ChangeRequest::TransferIn {
                    kind: TransferKindInput::Regular,
                    sending_school: "宁波市海曙区某中学".to_owned(),
                    student: Box::new(transfer_free(name, d(2011, 5, 5), seq, 8, arrived)),
                    route: xueji_app::changes::TransferRoute::AcrossCounties,
                    stage_entry_date: declared,
                },
                arrived,
                &[ProofKind::WrittenApplication],
            )
            .await
            .expect("submitted");
        let done = w.complete(view, d(2025, 3, 10)).await;
        assert_eq!(done.row.state, ApplicationState::Approved);
        ids.push(done.row.student_id.expect("record"));
    }
    // A first entry after the arrival is refused by the rule.
    let late = w
        .submit(
            None,
            ChangeRequest::TransferIn {
                kind: TransferKindInput::Regular,
                sending_school: "宁波市海曙区某中学".to_owned(),
                student: Box::new(transfer_free("钱丙", d(2011, 6, 6), 33, 8, arrived)),
                route: xueji_app::changes::TransferRoute::AcrossCounties,
                stage_entry_date: Some(d(2025, 4, 1)),
            },
            arrived,
            &[ProofKind::WrittenApplication],
        )
        .await
        .expect_err("after the arrival");
    assert_eq!(rule(&late), Some("R24.1"));

    // A pupil who began 初中 here: the day of entry.
    let own = w
        .enrolled(
            &transfer_free("钱丁", d(2011, 7, 7), 34, 7, d(2023, 9, 1)),
            d(2025, 3, 10),
        )
        .await;
    w.t.clock.set_date(d(2026, 7, 10));
    for (id, aux) in [
        (ids[0], "ZJ2026000001"),
        (ids[1], "ZJ2026000002"),
        (own, "ZJ2026000003"),
    ] {
        graduate(&w, id, aux).await;
    }
    for (id, name, first) in [
        (ids[0], "钱甲", "2022年9月"),
        (ids[1], "钱乙", "2023年9月"),
        (own, "钱丁", "2023年9月"),
    ] {
        let printed =
            w.t.app
                .document_print(&w.t.admin, &certificate(id))
                .await
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = pdf_text(&format!("certificate-{name}"), &printed.pdf);
        assert!(text.contains(name), "{text}");
        assert!(
            text.contains(&format!("该生于{first}至2026年7月")),
            "{name}: 入学年月 {first} in {text}"
        );
        assert!(
            !text.contains("该生于2025年3月"),
            "the arrival is not the entry into the stage: {text}"
        );
        // The completion proof prints the same 入学年月.
        let proof =
            w.t.app
                .completion_proof(&w.t.admin, id)
                .await
                .expect("proof");
        assert!(pdf_text("proof", &proof.pdf).contains(first), "{name}");
    }
}

#[tokio::test]
async fn r26_2_a_misprint_is_reprinted_only_before_hand_out_with_the_approvers_consent() {
    let w = World::new(d(2026, 7, 10)).await;
    let t = &w.t;
    let id = seed(
        t,
        Seed {
            aux: Some("ZJ2026000009"),
            ..Seed::enrolled("周毕业", 41, 9).status(Status::Graduated)
        },
    )
    .await;
    let first = t
        .app
        .document_print(&t.admin, &certificate(id))
        .await
        .expect("first print");
    assert_eq!(first.serials, vec!["2026-CERT-000001".to_owned()]);
    // Issued once: printing again is refused while it stands.
    let again = t
        .app
        .document_print(&t.admin, &certificate(id))
        .await
        .expect_err("printed once");
    assert_eq!(rule(&again), Some("R26.2"));

    // A misprint not yet handed out: voided with the reason recorded …
    let no_reason = t
        .app
        .document_void(&t.admin, "2026-CERT-000001", "  ")
        .await
        .expect_err("reason");
    assert_eq!(rule(&no_reason), Some("R26.2"));
    let voided = t
        .app
        .document_void(&t.admin, "2026-CERT-000001", "出生日期印错")
        .await
        .expect("void");
    assert_eq!(voided.void_reason.as_deref(), Some("出生日期印错"));
    // … but printed again only after the school approver agrees.
    let waiting = t
        .app
        .document_print(&t.admin, &certificate(id))
        .await
        .expect_err("needs the approver");
    assert_eq!(rule(&waiting), Some("R26.2"));
    assert!(waiting.message.contains("审核"), "{}", waiting.message);
    let not_registrar = t
        .app
        .certificate_reprint_approve(&t.admin, "2026-CERT-000001")
        .await
        .expect_err("the registrar does not approve");
    assert_eq!(not_registrar.kind, ErrorKind::Forbidden);
    let approved = t
        .app
        .certificate_reprint_approve(&w.approver, "2026-CERT-000001")
        .await
        .expect("approved");
    assert_eq!(approved.reprint_approved_by.as_deref(), Some("shenhe"));
    let reprint = t
        .app
        .document_print(&t.admin, &certificate(id))
        .await
        .expect("reprint");
    assert_eq!(reprint.serials, vec!["2026-CERT-000002".to_owned()]);
    let text = pdf_text("certificate-reprint", &reprint.pdf);
    assert!(
        text.contains("周毕业") && text.contains("ZJ2026000009"),
        "{text}"
    );
    // One approval, one reprint.
    let twice = t
        .app
        .certificate_reprint_approve(&w.approver, "2026-CERT-000001")
        .await
        .expect_err("used");
    assert_eq!(rule(&twice), Some("R26.2"));

    handed_out_only_the_proof(t, id).await;

    let log = t
        .app
        .document_log(
            &t.admin,
            &DocumentLogFilter {
                kind: Some(PrintKind::Certificate),
                include_voided: true,
                page: 1,
                page_size: 10,
                ..DocumentLogFilter::default()
            },
        )
        .await
        .expect("log");
    let old = log
        .rows
        .iter()
        .find(|r| r.serial == "2026-CERT-000001")
        .expect("kept");
    assert!(old.voided);
    assert_eq!(old.replaced_by.as_deref(), Some("2026-CERT-000002"));
    assert_eq!(audit_targets(t, "document_hand_out").await.len(), 1);
    assert_eq!(
        audit_targets(t, "certificate_reprint_approve").await,
        vec!["serial:2026-CERT-000001".to_owned()]
    );
}

/// Hands out the reprint: from then on neither void nor reprint, only the completion proof.
async fn handed_out_only_the_proof(t: &common::TestApp, id: i64) {
    let handed = t
        .app
        .document_hand_out(&t.admin, "2026-CERT-000002", d(2026, 7, 10))
        .await
        .expect("hand out");
    assert_eq!(handed.handed_out_on, Some(d(2026, 7, 10)));
    let lost = t
        .app
        .document_void(&t.admin, "2026-CERT-000002", "遗失")
        .await
        .expect_err("handed out");
    assert_eq!(rule(&lost), Some("R26.2"));
    assert!(lost.message.contains("证明书"), "{}", lost.message);
    let reissue = t
        .app
        .document_print(&t.admin, &certificate(id))
        .await
        .expect_err("no reissue");
    assert_eq!(rule(&reissue), Some("R26.2"));
    let proof = t
        .app
        .completion_proof(&t.admin, id)
        .await
        .expect("the proof instead");
    assert!(pdf_text("proof", &proof.pdf).contains("周毕业"));
}
