//! Printing from real data: numbered in the issued-document log, audited without names, refused
//! to a read-only user.

mod common;
mod common_batches;

use common::{TestApp, d, newcomer, pdf_text};
use common_batches::{Seed, audit_targets, seed};
use xueji_app::documents::{BatchFilter, DocumentLogFilter, DocumentRequest, PrintKind};
use xueji_app::{ErrorKind, Role};

fn request(kind: PrintKind, ids: &[i64]) -> DocumentRequest {
    DocumentRequest {
        approval: None,
        kind,
        student_ids: ids.to_vec(),
        filter: None,
        certificate: None,
    }
}

#[tokio::test]
async fn a_print_is_numbered_per_kind_and_year_and_audited_without_names() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let v = t
        .app
        .student_enrol(&t.admin, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect("enrol");
    let id = v.student.id;
    let printed = t
        .app
        .document_print(&t.admin, &request(PrintKind::RecordCard, &[id]))
        .await
        .expect("record card");
    assert_eq!(printed.serials, vec!["2026-CARD-000001".to_owned()]);
    let text = pdf_text("record-card", &printed.pdf);
    assert!(text.contains("张三"), "{text}");
    assert!(text.contains(v.student.xueji_number.as_deref().unwrap_or("?")));
    assert!(text.contains("张大山"), "family from the database");
    let second = t
        .app
        .document_print(&t.admin, &request(PrintKind::RecordCard, &[id]))
        .await
        .expect("again");
    assert_eq!(second.serials, vec!["2026-CARD-000002".to_owned()]);
    assert_eq!(t.count("issued_document").await, 2);
    let targets = audit_targets(&t, "print").await;
    assert_eq!(targets.len(), 2);
    assert!(targets[0].contains("kind:record_card"), "{}", targets[0]);
    assert!(targets[0].contains(&format!("students:{id}")));
    assert!(targets[0].contains("2026-CARD-000001"));
    assert!(
        targets.iter().all(|t| !t.contains("张三")),
        "never a name in the audit"
    );
    let archive = t.app.student_archive(&t.admin, id).await.expect("archive");
    assert_eq!(archive.documents.len(), 2);
}

#[tokio::test]
async fn a_read_only_user_may_not_print_and_the_refusal_is_audited() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let id = seed(&t, Seed::enrolled("李四", 1, 3)).await;
    let viewer = t.user("chaxun", Role::ReadOnly).await;
    let audit_before = t.count("audit_log").await;
    let err = t
        .app
        .document_print(&viewer, &request(PrintKind::RecordCard, &[id]))
        .await
        .expect_err("forbidden");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(t.count("issued_document").await, 0);
    assert_eq!(t.count("audit_log").await, audit_before + 1);
    assert_eq!(audit_targets(&t, "denied").await.len(), 1);
    let approver = t.user("shenhe", Role::Approver).await;
    t.app
        .document_print(&approver, &request(PrintKind::RecordCard, &[id]))
        .await
        .expect("the approver may print");
}

#[tokio::test]
async fn every_kind_prints_from_the_database_or_is_refused_by_its_rule() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let a = seed(&t, Seed::enrolled("周一", 1, 3)).await;
    let b = seed(&t, Seed::enrolled("周二", 2, 3)).await;
    seed(&t, Seed::enrolled("周三", 3, 4)).await;
    let roster = t
        .app
        .document_print(
            &t.admin,
            &DocumentRequest {
                approval: None,
                kind: PrintKind::Roster,
                student_ids: Vec::new(),
                filter: Some(BatchFilter {
                    grade: Some(3),
                    class_name: Some("1班".to_owned()),
                    ..BatchFilter::default()
                }),
                certificate: None,
            },
        )
        .await
        .expect("roster");
    assert_eq!(roster.serials, vec!["2026-ROSTER-000001".to_owned()]);
    let text = pdf_text("roster", &roster.pdf);
    assert!(text.contains("周一") && text.contains("周二") && !text.contains("周三"));
    let target = audit_targets(&t, "print").await.pop().expect("audit");
    assert!(target.contains(&format!("students:{a},{b}")), "{target}");

    for kind in [
        PrintKind::TransferForm,
        PrintKind::LeaveForm,
        PrintKind::ResumeForm,
        PrintKind::DeferralForm,
        PrintKind::SkipForm,
        PrintKind::RepeatForm,
        PrintKind::BasicDataChangeForm,
        PrintKind::KeyDataChangeForm,
        PrintKind::WithdrawalForm,
    ] {
        let p = t
            .app
            .document_print(&t.admin, &request(kind, &[a]))
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(p.serials[0].starts_with(&format!("2026-{}-", kind.code())));
        assert!(pdf_text("form", &p.pdf).contains("周一"), "{kind:?}");
    }
    let stats = t
        .app
        .document_print(&t.admin, &request(PrintKind::ChangeStatistics, &[]))
        .await
        .expect("statistics");
    assert_eq!(stats.serials, vec!["2026-STATS-000001".to_owned()]);

    let before = t.count("issued_document").await;
    for (kind, rule) in [
        (PrintKind::DropoutReport, "R18.1"),
        (PrintKind::CancellationReport, "R19.1"),
        (PrintKind::Certificate, "R24.1"),
        (PrintKind::CompletionProof, "R26.2"),
        (PrintKind::AttendanceStatement, "R27.1"),
        (PrintKind::SanctionDecision, "R23.3"),
        (PrintKind::SanctionLiftNotice, "R23.2"),
    ] {
        let err = t
            .app
            .document_print(&t.admin, &request(kind, &[a]))
            .await
            .expect_err("refused");
        assert_eq!(err.rule_id(), Some(rule), "{kind:?}");
    }
    assert_eq!(
        t.count("issued_document").await,
        before,
        "refusals write nothing"
    );
}

#[tokio::test]
async fn the_log_lists_issued_documents_and_a_void_keeps_the_serial() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let a = seed(&t, Seed::enrolled("吴一", 1, 5)).await;
    let b = seed(&t, Seed::enrolled("吴二", 2, 5)).await;
    let printed = t
        .app
        .document_print(&t.admin, &request(PrintKind::RecordCard, &[a, b]))
        .await
        .expect("print");
    assert_eq!(
        printed.serials,
        vec!["2026-CARD-000001".to_owned(), "2026-CARD-000002".to_owned()]
    );
    let log = |include_voided| DocumentLogFilter {
        include_voided,
        page: 1,
        page_size: 20,
        ..DocumentLogFilter::default()
    };
    assert_eq!(
        t.app
            .document_log(&t.admin, &log(false))
            .await
            .expect("log")
            .total,
        2
    );
    let voided = t
        .app
        .document_void(&t.admin, "2026-CARD-000001", "打印错位")
        .await
        .expect("void");
    assert!(voided.voided);
    assert_eq!(voided.void_reason.as_deref(), Some("打印错位"));
    assert_eq!(
        t.app
            .document_log(&t.admin, &log(false))
            .await
            .expect("log")
            .total,
        1
    );
    assert_eq!(
        t.app
            .document_log(&t.admin, &log(true))
            .await
            .expect("log")
            .total,
        2
    );
    let twice = t
        .app
        .document_void(&t.admin, "2026-CARD-000001", "再次")
        .await
        .expect_err("already void");
    assert_eq!(twice.kind, ErrorKind::Conflict);
    let no_reason = t
        .app
        .document_void(&t.admin, "2026-CARD-000002", " ")
        .await
        .expect_err("reason needed");
    assert_eq!(no_reason.kind, ErrorKind::Validation);
    let next = t
        .app
        .document_print(&t.admin, &request(PrintKind::RecordCard, &[a]))
        .await
        .expect("reprint");
    assert_eq!(
        next.serials,
        vec!["2026-CARD-000003".to_owned()],
        "serials never reused"
    );
    assert_eq!(audit_targets(&t, "document_void").await.len(), 1);
}

/// R30.2: printing every record of the school at once (no grade, class or chosen students) is
/// bulk provision and needs the bureau's written approval; a grade or a class needs none.
#[tokio::test]
async fn r30_2_a_whole_school_print_needs_the_bureaus_written_approval() {
    let t = TestApp::new(d(2026, 12, 4)).await;
    seed(&t, Seed::enrolled("全一", 1, 3)).await;
    seed(&t, Seed::enrolled("全二", 2, 5)).await;
    let whole = |approval| DocumentRequest {
        approval,
        kind: PrintKind::RecordCard,
        student_ids: Vec::new(),
        filter: Some(BatchFilter::default()),
        certificate: None,
    };
    let before = audit_targets(&t, "print").await.len();
    let err = t
        .app
        .document_print(&t.admin, &whole(None))
        .await
        .expect_err("no approval");
    assert_eq!(err.rule_id(), Some("R30.2"), "{err}");
    assert!(
        err.message.starts_with("打印全校学生的学籍卡"),
        "{}",
        err.message
    );
    assert_eq!(
        audit_targets(&t, "print").await.len(),
        before,
        "nothing printed"
    );
    let approval = xueji_app::disclosure::ApprovalInput {
        approval_ref: "西教学〔2026〕40号".to_owned(),
        approved_on: Some(d(2026, 12, 3)),
    };
    let printed = t
        .app
        .document_print(&t.admin, &whole(Some(approval)))
        .await
        .expect("approved");
    assert_eq!(printed.documents, 2);
    let target = audit_targets(&t, "print").await.pop().expect("audit");
    assert!(
        target.contains("whole_school disclosure:external approval:西教学〔2026〕40号"),
        "{target}"
    );
    // One grade is the school's own work: no approval.
    let grade = DocumentRequest {
        filter: Some(BatchFilter {
            grade: Some(5),
            ..BatchFilter::default()
        }),
        ..whole(None)
    };
    assert_eq!(
        t.app
            .document_print(&t.admin, &grade)
            .await
            .expect("one grade")
            .documents,
        1
    );
}
