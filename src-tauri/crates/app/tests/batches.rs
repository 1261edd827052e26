//! Promotion, graduation and the semester review on a real SQLCipher database.

mod common;
mod common_batches;

use common::{TestApp, d, pdf_text};
use common_batches::{Seed, add_sanction, audit_targets, open_application, scalar, seed};
use sea_orm::EntityTrait;
use xueji_app::batches::{
    CertificatesInput, GraduationInput, GraduationResultInput, ReviewOpenInput,
};
use xueji_app::{ErrorKind, Role};
use xueji_domain::SchoolYear;
use xueji_domain::Status;
use xueji_domain::school::{Semester, Term};
use xueji_store::entities::student;

async fn row(t: &TestApp, id: i64) -> student::Model {
    student::Entity::find_by_id(id)
        .one(t.app.db())
        .await
        .expect("query")
        .expect("row")
}

/// A school with one student of every promotion case.
struct Promotion {
    first: i64,
    third: i64,
    last: i64,
    leave: i64,
    deferred: i64,
    held: i64,
    pending: i64,
    ahead: i64,
    waiting: i64,
    gone: i64,
}

async fn promotion_school(t: &TestApp) -> Promotion {
    let pending = seed(t, Seed::enrolled("王七", 7, 5)).await;
    open_application(t, pending, "transfer_out").await;
    Promotion {
        first: seed(t, Seed::enrolled("王一", 1, 1)).await,
        third: seed(t, Seed::enrolled("王二", 2, 3)).await,
        last: seed(t, Seed::enrolled("王三", 3, 9)).await,
        leave: seed(t, Seed::enrolled("王四", 4, 4).status(Status::OnLeave)).await,
        deferred: seed(t, Seed::enrolled("王五", 5, 1).status(Status::Deferred)).await,
        held: seed(t, Seed::enrolled("王六", 6, 5).status(Status::Held)).await,
        pending,
        ahead: seed(t, Seed::enrolled("王八", 8, 6).year(2026)).await,
        waiting: seed(
            t,
            Seed::enrolled("王九", 9, 7).status(Status::PendingApproval),
        )
        .await,
        gone: seed(
            t,
            Seed::enrolled("王十", 10, 8).status(Status::TransferredOut),
        )
        .await,
    }
}

#[tokio::test]
async fn r12_1_promotion_preview_lists_every_exception_with_its_rule() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let s = promotion_school(&t).await;
    let preview = t
        .app
        .promotion_preview(&t.admin, 2026)
        .await
        .expect("preview");
    assert_eq!(preview.to_promote, 2);
    let kind_of = |id: i64| {
        preview
            .exceptions
            .iter()
            .find(|e| e.student_id == id)
            .map(|e| (e.kind.clone(), e.rule.clone()))
    };
    assert_eq!(
        kind_of(s.last),
        Some(("last_grade".to_owned(), "R12.1".to_owned()))
    );
    for id in [s.leave, s.deferred, s.held, s.waiting] {
        assert_eq!(
            kind_of(id).map(|k| k.0).as_deref(),
            Some("not_enrolled"),
            "student {id}"
        );
    }
    assert_eq!(
        kind_of(s.pending),
        Some(("pending_application".to_owned(), "R13.1".to_owned()))
    );
    assert_eq!(
        kind_of(s.ahead),
        Some(("already_in_year".to_owned(), "R12.1".to_owned()))
    );
    assert!(
        kind_of(s.gone).is_none(),
        "transferred out: not on the books"
    );
    assert!(
        preview
            .exceptions
            .iter()
            .all(|e| !e.rule.is_empty() && !e.reason.is_empty())
    );
    assert_eq!(preview.exceptions.len(), 7);
    let g1 = preview
        .grades
        .iter()
        .find(|g| g.grade == 1)
        .expect("grade 1");
    assert_eq!((g1.students, g1.promoted, g1.exceptions), (2, 1, 1));
    assert_eq!(
        t.count("student_event").await,
        0,
        "a preview writes nothing"
    );
}

#[tokio::test]
async fn r12_1_promotion_run_writes_the_per_student_rows_in_bulk_once_per_year() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let s = promotion_school(&t).await;
    let before = row(&t, s.first).await;
    let history_before = t.count("student_history").await;
    let result = t.app.promotion_run(&t.admin, 2026).await.expect("run");
    assert_eq!(result.promoted, 2);
    assert_eq!(t.count("student_event").await, 2);
    assert_eq!(t.count("student_history").await, history_before + 2);
    assert_eq!(
        audit_targets(&t, "promotion").await.len(),
        1,
        "one audit row"
    );
    assert_eq!(
        audit_targets(&t, "change").await.len(),
        0,
        "none per student"
    );

    let after = row(&t, s.first).await;
    assert_eq!(after.grade, Some(2));
    assert_eq!(after.grade_year, Some(2026));
    assert_eq!(after.version, before.version + 1);
    assert_eq!(after.last_change_on, Some(d(2026, 7, 10)));
    assert_eq!(row(&t, s.third).await.grade, Some(4));
    // The history row is the stored row, as `students::update` would have written it.
    let history = xueji_store::repo::students::history_of(t.app.db(), s.first)
        .await
        .expect("history");
    let newest = history.last().expect("history");
    assert_eq!(
        (newest.version, newest.change.as_str()),
        (after.version, "promote")
    );
    let snapshot: student::Model = serde_json::from_str(&newest.snapshot).expect("json");
    assert_eq!(snapshot, after);
    let archive = t
        .app
        .student_archive(&t.admin, s.first)
        .await
        .expect("archive");
    let event = archive.events.last().expect("event");
    assert_eq!(
        (
            event.kind.as_str(),
            event.rule.as_str(),
            event.grade_before,
            event.grade_after
        ),
        ("promote", "R12.1", 1, 2)
    );
    for (id, grade) in [
        (s.last, 9),
        (s.leave, 4),
        (s.deferred, 1),
        (s.held, 5),
        (s.pending, 5),
        (s.ahead, 6),
    ] {
        assert_eq!(
            row(&t, id).await.grade,
            Some(grade),
            "exception {id} not promoted"
        );
    }

    // R12.1: one grade per school year — a second run into 2026 promotes nobody.
    let again = t.app.promotion_run(&t.admin, 2026).await.expect("again");
    assert_eq!(again.promoted, 0);
    assert_eq!(row(&t, s.first).await.grade, Some(2));
    assert!(
        again
            .exceptions
            .iter()
            .any(|e| e.student_id == s.first && e.kind == "already_in_year" && e.rule == "R12.1")
    );
}

#[tokio::test]
async fn promotion_is_refused_to_a_read_only_user_and_audited() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    seed(&t, Seed::enrolled("王一", 1, 1)).await;
    let viewer = t.user("chaxun", Role::ReadOnly).await;
    let audit_before = t.count("audit_log").await;
    let err = t
        .app
        .promotion_run(&viewer, 2026)
        .await
        .expect_err("forbidden");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(t.count("audit_log").await, audit_before + 1);
    assert_eq!(t.count("student_event").await, 0);
}

fn result(id: i64, done: bool, quality: bool, failed: u32, aux: &str) -> GraduationResultInput {
    GraduationResultInput {
        student_id: id,
        programme_completed: done,
        overall_quality_passed: quality,
        failed_subjects_after_makeup: failed,
        aux_number: Some(aux.to_owned()),
    }
}

fn batch(results: Vec<GraduationResultInput>) -> GraduationInput {
    GraduationInput {
        grade: 9,
        results,
        on: d(2026, 7, 1),
        bureau_reference: Some("西教学〔2026〕18号".to_owned()),
    }
}

/// Three last-grade students (two with a sanction) and an 8th grader.
struct Class {
    grad: i64,
    comp: i64,
    inc: i64,
    eighth: i64,
}

async fn last_grade(t: &TestApp) -> (Class, GraduationInput) {
    let class = Class {
        grad: seed(t, Seed::enrolled("李毕业", 1, 9)).await,
        comp: seed(t, Seed::enrolled("李结业", 2, 9)).await,
        inc: seed(t, Seed::enrolled("李肄业", 3, 9)).await,
        eighth: seed(t, Seed::enrolled("李八年", 4, 8)).await,
    };
    add_sanction(t, class.grad, d(2026, 3, 2)).await;
    add_sanction(t, class.comp, d(2026, 3, 2)).await;
    let input = batch(vec![
        result(class.grad, true, true, 0, "zj2026000001"),
        result(class.comp, true, false, 0, "ZJ2026000002"),
        result(class.inc, false, true, 0, "ZJ2026000003"),
    ]);
    (class, input)
}

#[tokio::test]
async fn r25_graduation_gives_three_outcomes_and_purges_sanctions() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let (class, mut input) = last_grade(&t).await;
    input
        .results
        .push(result(class.eighth, true, true, 0, "ZJ2026000004"));
    let preview = t
        .app
        .graduation_preview(&t.admin, &input)
        .await
        .expect("preview");
    let outcome = |id: i64| {
        let r = preview
            .rows
            .iter()
            .find(|r| r.student_id == id)
            .expect("row");
        (r.outcome.as_str(), r.rule.as_str(), r.problems.is_empty())
    };
    assert_eq!(outcome(class.grad), ("graduated", "R25.1", true));
    assert_eq!(outcome(class.comp), ("completed", "R25.2", true));
    assert_eq!(outcome(class.inc), ("incomplete", "R25.3", true));
    assert!(!outcome(class.eighth).2, "an 8th grader is flagged");
    assert_eq!(preview.rows[0].aux_number.as_deref(), Some("ZJ2026000001"));
    assert_eq!(preview.with_problems, 1);
    let err = t
        .app
        .graduation_confirm(&t.admin, &input)
        .await
        .expect_err("the 8th grader refuses the batch");
    assert_eq!(err.rule_id(), Some("R25.1"));
    input.results.pop();

    let done = t
        .app
        .graduation_confirm(&t.admin, &input)
        .await
        .expect("confirm");
    assert_eq!(
        (
            done.finished,
            done.graduated,
            done.completed,
            done.incomplete
        ),
        (3, 1, 1, 1)
    );
    let grad = row(&t, class.grad).await;
    assert_eq!(grad.status, Status::Graduated);
    assert!(grad.archived, "R9.2: archived permanently");
    assert_eq!(grad.aux_number.as_deref(), Some("ZJ2026000001"));
    assert_eq!(row(&t, class.comp).await.status, Status::Completed);
    assert_eq!(row(&t, class.inc).await.status, Status::Incomplete);
    assert_eq!(t.count("sanction").await, 0, "R23.3: sanctions purged");
    // R25.1: each outcome is an application in the change list, which opens like any other.
    let listed = t
        .app
        .change_list(
            &t.admin,
            &xueji_app::changes::ChangeListInput {
                kind: Some(xueji_domain::ChangeKind::Finish.into()),
                page_size: 50,
                ..Default::default()
            },
        )
        .await
        .expect("the change list with graduation rows");
    assert_eq!(listed.total, 3);
    let shown = t
        .app
        .change_show(&t.admin, listed.rows[0].id)
        .await
        .expect("a graduation application opens");
    assert_eq!(
        shown.row.state,
        xueji_app::changes::ApplicationState::Approved
    );
    assert!(
        shown
            .steps
            .iter()
            .all(|s| s.reference.is_some() || s.decided_on.is_some())
    );
    // R23.3 (profile zhejiang-2017): every outcome purges, and the purge itself is audited.
    assert_eq!(audit_targets(&t, "purge_sanctions").await.len(), 3);
    let sql = format!(
        "SELECT COUNT(*) FROM completion WHERE student_id = {} AND kind = 'graduated' \
         AND certificate_serial = 'ZJ2026000001'",
        class.grad
    );
    assert_eq!(scalar(&t, &sql).await, 1);
    assert_eq!(
        scalar(
            &t,
            "SELECT COUNT(*) FROM application_step WHERE reference = '西教学〔2026〕18号'"
        )
        .await,
        3,
        "the bureau's approval is recorded for each student"
    );
    assert_eq!(audit_targets(&t, "graduation").await.len(), 1);
}

#[tokio::test]
async fn r26_certificates_carry_the_name_and_aux_number_and_are_never_reissued() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let (class, input) = last_grade(&t).await;
    t.app
        .graduation_confirm(&t.admin, &input)
        .await
        .expect("confirm");
    let mut calls = Vec::new();
    let printed = t
        .app
        .graduation_certificates_with_progress(
            &t.admin,
            &CertificatesInput {
                grade: Some(9),
                student_ids: Vec::new(),
                certificate: None,
            },
            &mut |done, total| calls.push((done, total)),
        )
        .await
        .expect("certificates");
    assert_eq!(calls.last(), Some(&(3, 3)));
    assert_eq!(printed.serials.len(), 3);
    assert!(printed.serials[0].starts_with("2026-CERT-"));
    let text = pdf_text("certificates", &printed.pdf);
    for (name, aux) in [
        ("李毕业", "ZJ2026000001"),
        ("李结业", "ZJ2026000002"),
        ("李肄业", "ZJ2026000003"),
    ] {
        assert!(text.contains(name), "{name} in {text}");
        assert!(text.contains(aux), "{aux} in {text}");
    }
    // R26.2: never reissued …
    let again = t
        .app
        .graduation_certificates(
            &t.admin,
            &CertificatesInput {
                grade: None,
                student_ids: vec![class.grad],
                certificate: None,
            },
        )
        .await
        .expect_err("no reissue");
    assert_eq!(again.rule_id(), Some("R26.2"));
    // … the completion proof is printed instead.
    let proof = t
        .app
        .completion_proof(&t.admin, class.grad)
        .await
        .expect("proof");
    assert_eq!(proof.serials, vec!["2026-PROOF-000001".to_owned()]);
    let text = pdf_text("proof", &proof.pdf);
    assert!(
        text.contains("李毕业") && text.contains("2026-PROOF-000001"),
        "{text}"
    );
    let refused = t
        .app
        .completion_proof(&t.admin, class.eighth)
        .await
        .expect_err("not finished");
    assert_eq!(refused.rule_id(), Some("R26.2"));
}

#[tokio::test]
async fn r26_1_a_malformed_aux_number_refuses_the_batch_and_writes_nothing() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    let first = seed(&t, Seed::enrolled("赵毕业", 1, 9)).await;
    let second = seed(&t, Seed::enrolled("赵二", 2, 9)).await;
    let mut missing = batch(vec![result(first, true, true, 0, "ZJ2026000001")]);
    missing.results.push(GraduationResultInput {
        aux_number: None,
        ..result(second, true, true, 0, "")
    });
    let preview = t
        .app
        .graduation_preview(&t.admin, &missing)
        .await
        .expect("preview");
    let flagged = preview
        .rows
        .iter()
        .find(|r| r.student_id == second)
        .expect("row");
    assert_eq!(flagged.problems[0].rule, "R26.1", "missing aux number");
    let input = batch(vec![result(first, true, true, 0, "ZJ-01!")]);
    let tables = [
        "student_event",
        "student_history",
        "completion",
        "application",
        "application_step",
        "audit_log",
    ];
    let mut before = Vec::new();
    for table in tables {
        before.push(t.count(table).await);
    }
    let err = t
        .app
        .graduation_confirm(&t.admin, &input)
        .await
        .expect_err("malformed");
    assert_eq!(err.rule_id(), Some("R26.1"));
    for (table, n) in tables.iter().zip(before) {
        assert_eq!(t.count(table).await, n, "{table}: nothing written");
    }
    assert_eq!(row(&t, first).await.status, Status::Enrolled);
}

#[tokio::test]
async fn r29_1_review_sign_off_is_refused_while_records_are_unchecked() {
    let t = TestApp::new(d(2026, 7, 10)).await;
    t.app
        .terms_set(
            &t.admin,
            &[Term {
                year: SchoolYear(2025),
                semester: Semester::Second,
                start: d(2026, 2, 24),
                end: d(2026, 7, 3),
            }],
        )
        .await
        .expect("terms");
    let a = seed(&t, Seed::enrolled("孙一", 1, 2)).await;
    let b = seed(&t, Seed::enrolled("孙二", 2, 3)).await;
    seed(&t, Seed::enrolled("孙三", 3, 3).status(Status::Withdrawn)).await;
    let approver = t.user("shenhe", Role::Approver).await;
    let review = t
        .app
        .review_open(
            &t.admin,
            &ReviewOpenInput {
                school_year: 2025,
                semester: xueji_domain::school::Semester::Second,
            },
        )
        .await
        .expect("open");
    assert_eq!(
        (review.total, review.unchecked),
        (2, 2),
        "every record on the books"
    );
    let again = t
        .app
        .review_open(
            &t.admin,
            &ReviewOpenInput {
                school_year: 2025,
                semester: xueji_domain::school::Semester::Second,
            },
        )
        .await
        .expect_err("one review per term");
    assert_eq!(again.kind, ErrorKind::Conflict);
    t.app
        .review_check(&t.admin, review.review_id, a, Some("信息无误"))
        .await
        .expect("check");
    let refused = t
        .app
        .review_sign_off(&approver, review.review_id)
        .await
        .expect_err("one unchecked");
    assert_eq!(refused.rule_id(), Some("R29.1"));
    assert!(refused.message.contains('1'), "{}", refused.message);
    let registrar_refused = t
        .app
        .review_sign_off(&t.admin, review.review_id)
        .await
        .expect_err("registrar may not sign off");
    assert_eq!(registrar_refused.kind, ErrorKind::Forbidden);
    let progress = t
        .app
        .review_check(&t.admin, review.review_id, b, None)
        .await
        .expect("check");
    assert_eq!(progress.unchecked, 0);
    let signed = t
        .app
        .review_sign_off(&approver, review.review_id)
        .await
        .expect("signed");
    assert_eq!(signed.signed_off_on, Some(d(2026, 7, 10)));
    assert_eq!(signed.signed_off_by.as_deref(), Some("shenhe老师"));
    assert_eq!(audit_targets(&t, "review_sign_off").await.len(), 1);
    let late = t
        .app
        .review_check(&t.admin, review.review_id, a, None)
        .await
        .expect_err("signed off");
    assert_eq!(late.rule_id(), Some("R29.1"));
}
