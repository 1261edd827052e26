//! Applications on a real SQLCipher database: the machinery, permissions, enrolment approval,
//! deferral, data corrections, skipping and repeating a grade.

mod common;
mod common_changes;

use common::{d, newcomer, pdf_text, transfer_free};
use common_changes::{World, block, proof, refused};
use xueji_app::ErrorKind;
use xueji_app::changes::ApplicationState;
use xueji_app::changes::{
    ChangeInput, ChangeListInput, ChangeRequest, DecideInput, Decision, KeyField, ProofAddInput,
    ProofKind as P, ProofUpload,
};
use xueji_app::documents::PrintKind;
use xueji_domain::Status;
use xueji_domain::workflow::Party;

const TODAY: (i32, u32, u32) = (2025, 3, 10);

fn today() -> chrono::NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

#[tokio::test]
async fn r6_1_bureau_approval_with_its_reference_moves_pending_to_enrolled() {
    let w = World::new(today()).await;
    let v =
        w.t.app
            .student_enrol(
                &w.t.admin,
                &newcomer("张三", d(2018, 3, 1), 1, d(2024, 9, 2)),
            )
            .await
            .expect("enrol");
    let id = v.student.id;
    let check =
        w.t.app
            .change_check(
                &w.t.admin,
                &ChangeInput {
                    student_id: Some(id),
                    change: ChangeRequest::ApproveEnrolment,
                    effective_on: today(),
                    proofs: vec![],
                    note: None,
                },
            )
            .await
            .expect("allowed");
    assert_eq!(check.rule, "R6.1");
    let parties: Vec<_> = check
        .steps
        .iter()
        .map(|s| xueji_domain::stored::text(&s.party))
        .collect();
    assert_eq!(parties, ["school", "bureau"]);
    assert_eq!(check.steps[0].permission, "decide_school_steps");
    let app = w
        .submit(Some(id), ChangeRequest::ApproveEnrolment, today(), &[])
        .await
        .expect("submitted");
    assert_eq!(app.row.state, ApplicationState::Open);
    assert_eq!(
        app.row.waiting_on,
        Some(xueji_domain::workflow::Party::School)
    );
    assert_eq!(w.status(id).await, Status::PendingApproval);
    let app = w
        .decide(&w.approver, app.row.id, 0, Decision::Approve, today())
        .await
        .expect("reported");
    assert_eq!(
        app.row.waiting_on,
        Some(xueji_domain::workflow::Party::Bureau)
    );
    assert_eq!(
        w.status(id).await,
        Status::PendingApproval,
        "not before the bureau"
    );
    let app = w
        .decide(&w.t.admin, app.row.id, 1, Decision::Approve, today())
        .await
        .expect("approved");
    assert_eq!(app.row.state, ApplicationState::Approved);
    assert_eq!(app.steps[1].reference.as_deref(), Some("西教籍〔2025〕1号"));
    assert_eq!(app.steps[1].decided_by.as_deref(), Some("registrar"));
    assert_eq!(app.steps[0].decided_by.as_deref(), Some("shenhe"));
    let archive =
        w.t.app
            .student_archive(&w.t.admin, id)
            .await
            .expect("archive");
    assert_eq!(archive.student.status.code, Status::Enrolled);
    let ev = archive
        .events
        .iter()
        .find(|e| e.kind == "approve_enrolment")
        .expect("event");
    assert_eq!(ev.application_id, Some(app.row.id));
    assert_eq!(ev.rule, "R6.1");
    // already approved
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), ChangeRequest::ApproveEnrolment, today(), &[])
            .await,
        "R6.1",
    )
    .await;
}

#[tokio::test]
async fn permissions_read_only_cannot_submit_registrar_cannot_decide_the_schools_step() {
    let w = World::new(today()).await;
    let id =
        w.t.app
            .student_enrol(
                &w.t.admin,
                &newcomer("李四", d(2018, 5, 1), 2, d(2024, 9, 2)),
            )
            .await
            .expect("enrol")
            .student
            .id;
    // read-only: refused, audited, nothing written
    let audit = w.t.count("audit_log").await;
    let before = w.counts().await;
    let err = w
        .submit_as(
            &w.reader,
            Some(id),
            ChangeRequest::ApproveEnrolment,
            today(),
            &[],
        )
        .await
        .expect_err("read-only");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(w.t.count("audit_log").await, audit + 1, "refusal audited");
    assert_eq!(w.counts().await, before);
    let app = w
        .submit(Some(id), ChangeRequest::ApproveEnrolment, today(), &[])
        .await
        .expect("registrar submits");
    // the school's own step is the approver's
    let audit = w.t.count("audit_log").await;
    let err = w
        .decide(&w.t.admin, app.row.id, 0, Decision::Approve, today())
        .await
        .expect_err("registrar may not decide");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(w.t.count("audit_log").await, audit + 1, "refusal audited");
    let shown =
        w.t.app
            .change_show(&w.t.admin, app.row.id)
            .await
            .expect("show");
    assert_eq!(
        shown.steps[0].decision,
        xueji_app::changes::StepDecision::Pending
    );
    // the approver does not record the bureau's decision
    w.decide(&w.approver, app.row.id, 0, Decision::Approve, today())
        .await
        .expect("approver decides");
    let audit = w.t.count("audit_log").await;
    let err = w
        .decide(&w.approver, app.row.id, 1, Decision::Approve, today())
        .await
        .expect_err("bureau step is recorded by the registrar");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(w.t.count("audit_log").await, audit + 1);
    // the 德育处 neither
    let err = w
        .decide(&w.moral, app.row.id, 1, Decision::Approve, today())
        .await
        .expect_err("moral education");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    // a read-only user may look
    let list =
        w.t.app
            .change_list(&w.reader, &ChangeListInput::default())
            .await
            .expect("list");
    assert_eq!(list.total, 1);
}

#[tokio::test]
async fn rejection_ends_the_application_with_nothing_applied_and_withdrawal() {
    let w = World::new(today()).await;
    let id = w.pupil("王五", d(2016, 4, 4), 3, 3).await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::Skip { to: 4 },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    let app = w
        .decide(&w.t.admin, app.row.id, 0, Decision::Approve, today())
        .await
        .expect("applied");
    // a rejection needs a reason
    let err =
        w.t.app
            .change_decide(
                &w.approver,
                &DecideInput {
                    application_id: app.row.id,
                    step: 1,
                    decision: Decision::Reject,
                    on: today(),
                    reference: None,
                    reason: None,
                    proof: None,
                },
            )
            .await
            .expect_err("no reason");
    assert_eq!(err.rule_id(), Some("R12.2"));
    let events = w.t.count("student_event").await;
    let app = w
        .decide(&w.approver, app.row.id, 1, Decision::Reject, today())
        .await
        .expect("rejected");
    assert_eq!(app.row.state, ApplicationState::Rejected);
    assert_eq!(app.row.closed_on, Some(today()));
    assert_eq!(app.steps[1].note.as_deref(), Some("不符合条件"));
    assert_eq!(w.t.count("student_event").await, events, "nothing applied");
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.grade, Some(3));
    // a new application, withdrawn
    let again = w
        .submit(
            Some(id),
            ChangeRequest::Skip { to: 4 },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("again");
    let dup = w
        .submit(
            Some(id),
            ChangeRequest::Skip { to: 4 },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect_err("one at a time");
    assert_eq!(dup.kind, ErrorKind::Conflict);
    let gone =
        w.t.app
            .change_withdraw(
                &w.t.admin,
                &xueji_app::changes::WithdrawInput {
                    application_id: again.row.id,
                    reason: "家长撤回".to_owned(),
                },
            )
            .await
            .expect("withdrawn");
    assert_eq!(gone.row.state, ApplicationState::Withdrawn);
    let err = w
        .decide(&w.t.admin, again.row.id, 0, Decision::Approve, today())
        .await
        .expect_err("withdrawn");
    assert_eq!(err.rule_id(), Some("R12.2"));
    // the lists filter by kind and state
    let rejected =
        w.t.app
            .change_list(
                &w.t.admin,
                &ChangeListInput {
                    kind: Some(xueji_domain::ChangeKind::Skip.into()),
                    state: Some(ApplicationState::Rejected),
                    ..ChangeListInput::default()
                },
            )
            .await
            .expect("list");
    assert_eq!(rejected.total, 1);
    assert_eq!(rejected.rows[0].student_name, "王五");
}

#[tokio::test]
async fn proofs_are_stored_encrypted_with_their_hash_and_read_back_audited() {
    let w = World::new(today()).await;
    let id = w.pupil("赵六", d(2016, 6, 6), 4, 3).await;
    // the first step needs every proof (R11.1: application + household register)
    let app = w
        .submit(
            Some(id),
            ChangeRequest::CorrectBasicData {
                field: "ethnicity".to_owned(),
                after: "回族".to_owned(),
            },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    assert_eq!(app.missing_proofs.len(), 1);
    let err = w
        .decide(&w.t.admin, app.row.id, 0, Decision::Approve, today())
        .await
        .expect_err("proof missing");
    assert_eq!(err.rule_id(), Some("R11.1"));
    // supplied with the decision
    let app =
        w.t.app
            .change_decide(
                &w.t.admin,
                &DecideInput {
                    application_id: app.row.id,
                    step: 0,
                    decision: Decision::Approve,
                    on: today(),
                    reference: None,
                    reason: None,
                    proof: Some(proof(P::HouseholdRegister)),
                },
            )
            .await
            .expect("complete");
    assert!(app.missing_proofs.is_empty());
    assert_eq!(app.proofs.len(), 2);
    let file_id = app.proofs[1].id;
    assert_eq!(app.steps[0].attachment_id, Some(file_id));
    let audit = w.t.count("audit_log").await;
    let file =
        w.t.app
            .attachment_get(&w.t.admin, file_id)
            .await
            .expect("file");
    assert_eq!(file.data, b"%PDF-1.4\n");
    assert_eq!(w.t.count("audit_log").await, audit + 1, "view audited");
    let done = w.complete(app, today()).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.ethnicity, "回族");
    assert_eq!(archive.attachments.len(), 2);
    // the file lives only inside the encrypted database
    for file in ["xueji.db", "xueji.db-wal"] {
        let raw = std::fs::read(w.t.dir.path().join("data").join(file)).unwrap_or_default();
        assert!(
            !raw.windows(8).any(|x| x == b"%PDF-1.4"),
            "no plain-text proof in {file}"
        );
    }
}

/// A proof that comes after the application was filed is added on its own (issue 18: with only
/// a decision to carry it, a missing proof could be supplied only by deciding), and the audit log
/// filtered by the student shows it.
#[tokio::test]
async fn r11_1_a_missing_proof_is_added_before_the_decision_and_refused_once_withdrawn() {
    let w = World::new(today()).await;
    let id = w.pupil("钱七", d(2016, 7, 7), 4, 3).await;
    let change = || ChangeRequest::CorrectBasicData {
        field: "ethnicity".to_owned(),
        after: "回族".to_owned(),
    };
    let app = w
        .submit(Some(id), change(), today(), &[P::WrittenApplication])
        .await
        .expect("submitted");
    assert_eq!(app.missing_proofs.len(), 1);
    let add = |kind: Option<P>, application_id: i64| ProofAddInput {
        application_id,
        proof: ProofUpload {
            kind,
            ..proof(P::HouseholdRegister)
        },
    };
    let err =
        w.t.app
            .change_proof_add(&w.t.admin, &add(None, app.row.id))
            .await
            .expect_err("a proof says what it proves");
    assert_eq!(err.kind, ErrorKind::Validation);
    let app =
        w.t.app
            .change_proof_add(&w.t.admin, &add(Some(P::HouseholdRegister), app.row.id))
            .await
            .expect("added");
    assert!(app.missing_proofs.is_empty());
    assert_eq!(app.proofs.len(), 2);
    let done = w.complete(app, today()).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    // the audit log names the student on the proof's row, found by the student filter
    let rows =
        w.t.app
            .audit_list(
                &w.t.admin,
                &xueji_app::audit_log::AuditFilter {
                    action: Some(xueji_domain::AuditAction::ChangeSubmit),
                    student_id: Some(id),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
    // the pupil's enrolment and this correction
    assert_eq!(rows.total, 2, "{:?}", rows.rows);
    let token = format!("student:{id} ");
    assert!(rows.rows.iter().all(|r| r.target.starts_with(&token)));
    let added =
        w.t.app
            .audit_list(
                &w.t.admin,
                &xueji_app::audit_log::AuditFilter {
                    action: Some(xueji_domain::AuditAction::ChangeProofAdd),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
    assert_eq!(added.total, 1);
    assert!(added.rows[0].target.ends_with("household_register"));
    // once withdrawn, nothing more is added
    let back = ChangeRequest::CorrectBasicData {
        field: "ethnicity".to_owned(),
        after: "汉族".to_owned(),
    };
    let again = w
        .submit(Some(id), back, today(), &[P::WrittenApplication])
        .await
        .expect("submitted");
    w.t.app
        .change_withdraw(
            &w.t.admin,
            &xueji_app::changes::WithdrawInput {
                application_id: again.row.id,
                reason: "家长放弃".to_owned(),
            },
        )
        .await
        .expect("withdrawn");
    let files = w.t.count("attachment").await;
    let err =
        w.t.app
            .change_proof_add(&w.t.admin, &add(Some(P::HouseholdRegister), again.row.id))
            .await
            .expect_err("withdrawn");
    assert_eq!(err.kind, ErrorKind::RuleViolation);
    assert!(err.to_string().contains("不能再补交材料"), "{err}");
    assert_eq!(w.t.count("attachment").await, files, "nothing stored");
}

#[tokio::test]
async fn r6_2_deferral_before_the_school_year_renewed_and_ended() {
    let w = World::new(today()).await;
    let id =
        w.t.app
            .student_enrol(
                &w.t.admin,
                &newcomer("孙七", d(2018, 8, 8), 5, d(2025, 3, 3)),
            )
            .await
            .expect("enrol")
            .student
            .id;
    // late: the 2024 school year has begun
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::Defer { school_year: 2024 },
            today(),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await,
        "R6.2",
    )
    .await;
    let done = w
        .run(
            id,
            ChangeRequest::Defer { school_year: 2025 },
            today(),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert_eq!(w.status(id).await, Status::Deferred);
    assert!(done.deadlines.iter().any(|x| x.kind
        == xueji_domain::effects::DeadlineKind::DeferralEnds
        && x.due == d(2026, 8, 31)));
    // renewal for the next school year is a new application
    let renewed = w
        .run(
            id,
            ChangeRequest::RenewDeferral { school_year: 2026 },
            today(),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await;
    assert_eq!(renewed.row.state, ApplicationState::Approved);
    assert!(renewed.deadlines.iter().any(|x| x.due == d(2027, 8, 31)));
    // the end of the deferral: no procedure, back to 待核准
    let ended = w
        .submit(Some(id), ChangeRequest::EndDeferral, today(), &[])
        .await
        .expect("ended");
    assert_eq!(ended.row.state, ApplicationState::Applied);
    assert_eq!(w.status(id).await, Status::PendingApproval);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    let e = archive
        .events
        .iter()
        .find(|e| e.kind == "end_deferral")
        .expect("event");
    assert_eq!(e.application_id, Some(ended.row.id));
}

#[tokio::test]
async fn r11_1_basic_data_change_and_key_fields_refused_there() {
    let w = World::new(today()).await;
    let id = w.pupil("周八", d(2016, 1, 9), 6, 3).await;
    let done = w
        .run(
            id,
            ChangeRequest::CorrectBasicData {
                field: "hukou_address".to_owned(),
                after: "浙江省杭州市上城区解放路2号".to_owned(),
            },
            today(),
            &[P::WrittenApplication, P::HouseholdRegister],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.hukou_address, "浙江省杭州市上城区解放路2号");
    assert!(
        archive
            .events
            .iter()
            .any(|e| e.kind == "correct_basic_data")
    );
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(id),
            ChangeRequest::CorrectBasicData {
                field: "name".to_owned(),
                after: "周九".to_owned(),
            },
            today(),
            &[P::WrittenApplication, P::HouseholdRegister],
        )
        .await,
        "R11.2",
    )
    .await;
}

/// Records the national recheck of a key-field change (its last step) as the registrar: passed
/// with the record of the result, or failed with the reason.
async fn recheck(
    w: &World,
    application_id: i64,
    step: u32,
    result: Result<&str, &str>,
) -> Result<xueji_app::changes::ApplicationView, xueji_app::AppError> {
    let (decision, reference, reason) = match result {
        Ok(record) => (Decision::Approve, Some(record.to_owned()), None),
        Err(reason) => (Decision::Reject, None, Some(reason.to_owned())),
    };
    w.t.app
        .change_decide(
            &w.t.admin,
            &DecideInput {
                application_id,
                step,
                decision,
                on: today(),
                reference,
                reason,
                proof: None,
            },
        )
        .await
}

// 第十一条: "姓名" and "身份证号" are key fields; the registrar uploads the proof, the bureau
// approves, then the national duplicate check and identity comparison are run again. The
// registrar claims nothing when submitting: the recheck is the application's last step, and the
// new number, 学籍号, birth date and sex are written only when it passes.
#[tokio::test]
#[allow(clippy::too_many_lines)] // the whole procedure, step by step, reads as one script
async fn r11_2_key_data_change_takes_effect_only_when_the_national_recheck_passes_after_the_bureau()
{
    let w = World::new(today()).await;
    let id = w.pupil("吴九", d(2016, 2, 2), 7, 3).await;
    // The number on file had the birth date wrong: the corrected one carries the 12th.
    let new_id = common::id_number(d(2016, 2, 12), 78);
    let old =
        w.t.app
            .student_archive(&w.t.admin, id)
            .await
            .expect("a")
            .student;
    // Submitted without any recheck result: it has not happened yet.
    let app = w
        .submit(
            Some(id),
            ChangeRequest::CorrectKeyData {
                field: KeyField::IdCardNumber,
                after: new_id.clone(),
            },
            today(),
            &[P::HouseholdRegister],
        )
        .await
        .expect("submitted without a recheck claim");
    let parties: Vec<_> = app.steps.iter().map(|s| s.party).collect();
    assert_eq!(
        parties,
        [Party::School, Party::Bureau, Party::NationalSystem]
    );
    let check = &app.steps[2];
    assert_eq!(check.label, "全国学籍系统查重及身份比对");
    assert_eq!(
        check.permission, "submit_changes",
        "the registrar records it"
    );
    assert_eq!(
        (
            check.wording.approve.as_str(),
            check.wording.reject.as_str()
        ),
        ("通过", "未通过")
    );
    assert_eq!(app.steps[1].wording.approve, "同意");
    // Reported by the school; the recheck cannot be recorded before the bureau has approved.
    let app = w
        .decide(&w.approver, app.row.id, 0, Decision::Approve, today())
        .await
        .expect("reported");
    let err = recheck(&w, app.row.id, 2, Ok("比对通过"))
        .await
        .expect_err("before the bureau");
    assert_eq!(err.rule_id(), Some("R11.2"), "{err}");
    assert!(err.message.contains("主管教育行政部门核准后"), "{err}");
    let app = w
        .decide(&w.t.admin, app.row.id, 1, Decision::Approve, today())
        .await
        .expect("approved by the bureau");
    // Approved by the bureau, not yet re-checked: still open, waiting on the recheck (a to-do of
    // the school's registrar), and the record unchanged.
    assert_eq!(app.row.state, ApplicationState::Open);
    assert_eq!(app.row.waiting_on, Some(Party::NationalSystem));
    assert_eq!(
        app.row.current_step_label.as_deref(),
        Some("全国学籍系统查重及身份比对")
    );
    let todos =
        w.t.app
            .dashboard(&w.t.admin)
            .await
            .expect("dashboard")
            .todos;
    assert!(
        todos.iter().any(|t| t.application_id == Some(app.row.id)),
        "the recheck is the school's to-do"
    );
    let unchanged = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(unchanged.student.id_number, old.id_number);
    assert_eq!(unchanged.student.xueji_number, old.xueji_number);
    assert!(
        !unchanged
            .events
            .iter()
            .any(|e| e.kind == "correct_key_data")
    );
    let text = w
        .printed_form(PrintKind::KeyDataChangeForm, id, "key-form-pending")
        .await;
    let ends = [
        "学校核实意见",
        "主管教育行政部门核准意见",
        "全国查重和身份比对结果",
        "注：依据",
    ];
    let bureau = block(&text, "主管教育行政部门核准意见", &ends);
    assert!(bureau.contains("同意。"), "bureau: {bureau}");
    let pending = block(&text, "全国查重和身份比对结果", &ends);
    assert!(!pending.contains("通过"), "blank while pending: {pending}");
    // Only the registrar records the national system's result.
    let err = w
        .decide(&w.approver, app.row.id, 2, Decision::Approve, today())
        .await
        .expect_err("the approver does not record the recheck");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    // The recheck passes: the last step, and the change takes effect.
    let done = recheck(&w, app.row.id, 2, Ok("全国学籍系统比对通过"))
        .await
        .expect("recheck passed");
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert_eq!(
        done.steps[2].reference.as_deref(),
        Some("全国学籍系统比对通过")
    );
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.id_number, new_id);
    assert_eq!(
        archive.student.xueji_number.as_deref(),
        Some(format!("G{new_id}").as_str())
    );
    let parsed = xueji_domain::IdCardNumber::parse(&new_id, today()).expect("valid number");
    assert_eq!(
        archive.student.birth_date,
        d(2016, 2, 12),
        "follows the number"
    );
    assert_eq!(
        archive.student.sex,
        parsed.sex().label_zh(),
        "follows the number"
    );
    let event = archive
        .events
        .iter()
        .find(|e| e.kind == "correct_key_data")
        .expect("the change's event");
    assert_eq!(event.application_id, Some(done.row.id));
    assert_eq!(event.rule, "R11.2");
    // The form's recheck block is filled from the recorded step: 通过, its record and the day.
    let text = w
        .printed_form(PrintKind::KeyDataChangeForm, id, "key-form-passed")
        .await;
    let result = block(&text, "全国查重和身份比对结果", &ends);
    assert!(result.starts_with("通过。"), "recheck: {result}");
    assert!(
        result.contains("比对记录：全国学籍系统比对通过"),
        "recheck: {result}"
    );
    assert!(result.contains("录入："), "recheck: {result}");
    assert!(result.contains("2025年3月10日"), "the day: {result}");
}

#[tokio::test]
async fn r11_2_sex_and_birth_date_follow_the_id_number_and_a_new_name_is_rechecked_too() {
    let w = World::new(today()).await;
    let id = w.pupil("吴八", d(2016, 2, 2), 6, 3).await;
    let before = w.counts().await;
    // Sex and birth date follow the resident ID: a basic-data change of one alone is refused
    // at the check, with the reason, before anything is recorded.
    for (field, after) in [("birth_date", "2016-02-12"), ("sex", "female")] {
        refused(
            &w,
            before,
            w.submit(
                Some(id),
                ChangeRequest::CorrectBasicData {
                    field: field.to_owned(),
                    after: after.to_owned(),
                },
                today(),
                &[P::WrittenApplication, P::HouseholdRegister],
            )
            .await,
            "R11.2",
        )
        .await;
    }
    // A new name goes through the same three steps, the national recheck last.
    let renamed = w
        .run(
            id,
            ChangeRequest::CorrectKeyData {
                field: KeyField::Name,
                after: "吴久".to_owned(),
            },
            today(),
            &[P::OtherProof],
        )
        .await;
    assert_eq!(renamed.row.state, ApplicationState::Approved);
    assert_eq!(renamed.steps.len(), 3);
    assert_eq!(renamed.steps[2].party, Party::NationalSystem);
    assert_eq!(renamed.row.student_name, "吴久");
}

#[tokio::test]
async fn r11_2_a_failed_national_recheck_rejects_the_application_and_writes_nothing() {
    let w = World::new(today()).await;
    let id = w.pupil("吴十", d(2016, 2, 3), 8, 3).await;
    let events = w.t.count("student_event").await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::CorrectKeyData {
                field: KeyField::Name,
                after: "吴拾".to_owned(),
            },
            today(),
            &[P::HouseholdRegister],
        )
        .await
        .expect("submitted");
    let (app, step) = decide_up_to(&w, app, Party::Bureau, Decision::Approve, today()).await;
    assert_eq!(step, 1);
    // A failed check says why.
    let err = recheck(&w, app.row.id, 2, Err("  "))
        .await
        .expect_err("no reason");
    assert_eq!(err.rule_id(), Some("R11.2"), "{err}");
    assert!(err.message.contains("未通过的原因"), "{err}");
    let reason = "身份比对未通过：姓名与公安户籍信息不一致";
    let failed = recheck(&w, app.row.id, 2, Err(reason))
        .await
        .expect("recorded as failed");
    assert_eq!(failed.row.state, ApplicationState::Rejected);
    assert_eq!(failed.steps[2].note.as_deref(), Some(reason));
    assert_eq!(
        failed.steps[2]
            .wording
            .decision_zh(failed.steps[2].decision),
        "未通过"
    );
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(
        archive.student.name, "吴十",
        "nothing written to the student"
    );
    assert_eq!(w.t.count("student_event").await, events, "no event");
    // The application is over: nothing more can be recorded on it.
    let err = recheck(&w, app.row.id, 2, Ok("比对通过"))
        .await
        .expect_err("rejected applications stay rejected");
    assert_eq!(err.rule_id(), Some("R11.2"), "{err}");
    let text = w
        .printed_form(PrintKind::KeyDataChangeForm, id, "key-form-failed")
        .await;
    let block = block(&text, "全国查重和身份比对结果", &["注：依据"]);
    assert!(
        block.starts_with(&format!("未通过。原因：{reason}")),
        "recheck: {block}"
    );
}

#[tokio::test]
async fn r12_2_skip_one_grade_never_into_the_graduating_grade() {
    let w = World::new(today()).await;
    let id = w.pupil("郑十", d(2016, 3, 3), 8, 3).await;
    let done = w
        .run(
            id,
            ChangeRequest::Skip { to: 4 },
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.student.grade, Some(4));
    let fifth = w.pupil("钱十一", d(2014, 3, 3), 9, 5).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(fifth),
            ChangeRequest::Skip { to: 6 },
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R12.2",
    )
    .await;
}

#[tokio::test]
async fn r12_3_repeat_only_for_inclusive_students() {
    let w = World::new(today()).await;
    let regular = w.pupil("冯十二", d(2016, 7, 7), 10, 3).await;
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(
            Some(regular),
            ChangeRequest::Repeat,
            today(),
            &[P::WrittenApplication],
        )
        .await,
        "R12.3",
    )
    .await;
    let mut input = transfer_free("陈十三", d(2016, 8, 8), 11, 3, d(2024, 9, 2));
    input.study_mode = xueji_domain::StudyMode::Inclusive;
    input.disability_kind = Some("智力残疾".to_owned());
    let inclusive = w.enrolled(&input, today()).await;
    let done = w
        .run(
            inclusive,
            ChangeRequest::Repeat,
            today(),
            &[P::WrittenApplication],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive =
        w.t.app
            .student_archive(&w.t.admin, inclusive)
            .await
            .expect("a");
    assert_eq!(archive.student.grade, Some(3));
    assert_eq!(
        archive.student.grade_year,
        Some(2025),
        "the grade again next year"
    );
}

/// The printed form of one student's latest application of `kind`, as text without whitespace
/// (pdftotext wraps long cells).
#[tokio::test]
async fn r11_1_the_approval_form_prints_the_change_its_proofs_and_the_reason() {
    // 第十一条: the guardian applies with the 《居民户口簿》 or other proof; the form the bureau
    // approves shows what changes, from what to what, why, and the proofs supplied.
    let w = World::new(today()).await;
    let id = w.pupil("张改", d(2016, 1, 1), 43, 3).await;
    let before =
        w.t.app
            .student_archive(&w.t.admin, id)
            .await
            .expect("archive")
            .student
            .hukou_address;
    let submitted =
        w.t.app
            .change_submit(
                &w.t.admin,
                &ChangeInput {
                    student_id: Some(id),
                    change: ChangeRequest::CorrectBasicData {
                        field: "hukou_address".to_owned(),
                        after: "浙江省杭州市上城区解放路2号".to_owned(),
                    },
                    effective_on: today(),
                    proofs: vec![proof(P::WrittenApplication), proof(P::HouseholdRegister)],
                    note: Some("户籍迁入新址".to_owned()),
                },
            )
            .await
            .expect("submitted");
    let text = w
        .printed_form(PrintKind::BasicDataChangeForm, id, "basic-data-form")
        .await;
    assert!(text.contains("户口所在地"), "the field's label: {text}");
    assert!(
        !text.contains("hukou_address"),
        "never the stored name: {text}"
    );
    assert!(
        text.contains("浙江省杭州市上城区解放路2号"),
        "after: {text}"
    );
    assert!(
        text.contains(&before.replace(char::is_whitespace, "")),
        "before: {text}"
    );
    assert!(text.contains("户籍迁入新址"), "the reason: {text}");
    assert!(text.contains("居民户口簿"), "the proof supplied: {text}");
    // Once the school and the bureau have decided, each block carries its own opinion, and the
    // change still reads from what to what.
    let done = w.complete(submitted, today()).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let text = w
        .printed_form(
            PrintKind::BasicDataChangeForm,
            id,
            "basic-data-form-decided",
        )
        .await;
    let ends = ["学校意见", "主管教育行政部门意见", "注：依据"];
    for (label, step) in [("学校意见", 1), ("主管教育行政部门意见", 2)] {
        let b = block(&text, label, &ends);
        assert!(b.contains("同意。"), "{label}: {b}");
        assert!(
            b.contains(&format!("文号：西教籍〔2025〕{step}号")),
            "{label}: {b}"
        );
    }
    assert!(
        text.contains(&before.replace(char::is_whitespace, "")),
        "before: {text}"
    );
    assert!(text.contains("浙江省杭州市上城区解放路2号"), "{text}");
}

#[tokio::test]
async fn r13_1_the_transfer_form_prints_the_receiving_school_and_each_partys_opinion() {
    // 第十三条: both schools and both bureaus 核办; each block carries its own party's opinion.
    let w = World::new(today()).await;
    let id = w.pupil("张转", d(2016, 1, 1), 44, 3).await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::TransferOut {
                kind: xueji_app::changes::TransferKindInput::Regular,
                grade: 3,
                receiving_school: "杭州市上城区胜利小学".to_owned(),
                route: xueji_app::changes::TransferRoute::AcrossCounties,
            },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    let text = w
        .printed_form(PrintKind::TransferForm, id, "transfer-form")
        .await;
    assert!(text.contains("杭州市上城区胜利小学"), "{text}");
    assert!(text.contains("普通转学"), "{text}");
    assert!(!text.contains("同意"), "nobody has decided yet: {text}");
    assert!(text.contains("跨县（市、区）转学"), "{text}");
    // Across counties the receiving side decides first (school, then its bureau), then the
    // sending side.
    let (_, bureau) =
        decide_up_to(&w, app, Party::ReceivingBureau, Decision::Approve, today()).await;
    let text = w
        .printed_form(PrintKind::TransferForm, id, "transfer-form-receiving-side")
        .await;
    let ends = [
        "转入学校意见",
        "转出学校意见",
        "转出学校主管教育行政部门意见",
        "转入学校主管教育行政部门意见",
        "注：依据",
    ];
    let order: Vec<usize> = ends[..4]
        .iter()
        .map(|l| text.find(l).unwrap_or_else(|| panic!("{l}: {text}")))
        .collect();
    assert!(
        order[0] < order[3] && order[3] < order[1] && order[1] < order[2],
        "the blocks in the order of the steps: {text}"
    );
    let receiving = block(&text, "转入学校意见", &ends);
    assert!(
        receiving.contains("同意。"),
        "receiving school: {receiving}"
    );
    let receiving_bureau = block(&text, "转入学校主管教育行政部门意见", &ends);
    assert!(
        receiving_bureau.contains(&format!("文号：西教籍〔2025〕{bureau}号")),
        "receiving bureau: {receiving_bureau}"
    );
    for label in ["转出学校意见", "转出学校主管教育行政部门意见"] {
        let b = block(&text, label, &ends);
        assert!(!b.contains("同意"), "{label} has not decided: {b}");
    }
    assert!(text.contains("已附：监护人书面申请"), "{text}");
}

#[tokio::test]
async fn r13_1_within_one_county_the_form_has_the_two_schools_and_the_one_bureau() {
    let w = World::new(today()).await;
    let id = w.pupil("张县", d(2016, 1, 1), 47, 3).await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::TransferOut {
                kind: xueji_app::changes::TransferKindInput::Regular,
                grade: 3,
                receiving_school: "杭州市西湖区某小学".to_owned(),
                route: xueji_app::changes::TransferRoute::WithinCounty,
            },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    let parties: Vec<_> = app.steps.iter().map(|s| s.party).collect();
    assert_eq!(
        parties,
        [
            Party::Guardian,
            Party::ReceivingSchool,
            Party::SendingSchool,
            Party::Bureau
        ]
    );
    let (_, sending) =
        decide_up_to(&w, app, Party::SendingSchool, Decision::Approve, today()).await;
    let text = w
        .printed_form(PrintKind::TransferForm, id, "transfer-form-one-county")
        .await;
    assert!(text.contains("县（市、区）内转学"), "{text}");
    assert!(!text.contains("转出学校主管"), "one bureau: {text}");
    assert!(!text.contains("转入学校主管"), "one bureau: {text}");
    let ends = ["转出学校意见", "主管教育行政部门意见", "注：依据"];
    let sending_block = block(&text, "转出学校意见", &ends);
    assert!(
        sending_block.contains(&format!("文号：西教籍〔2025〕{sending}号")),
        "sending school: {sending_block}"
    );
    let bureau = block(&text, "主管教育行政部门意见", &ends);
    assert!(
        !bureau.contains("同意"),
        "the bureau has not decided: {bureau}"
    );
}

#[tokio::test]
async fn r13_1_the_receiving_school_prints_the_transfer_in_form_before_the_record_exists() {
    // 第十三条: the guardian applies to the receiving school, which 核办 first; it prints the form
    // to send on, with the incoming pupil as the request gives them and its own opinion filled.
    let w = World::new(today()).await;
    let students = w.t.count("student").await;
    let app = w
        .submit(
            None,
            ChangeRequest::TransferIn {
                kind: xueji_app::changes::TransferKindInput::Regular,
                sending_school: "宁波市海曙区某小学".to_owned(),
                student: Box::new(transfer_free("钱入表", d(2014, 9, 9), 48, 5, d(2025, 3, 3))),
                route: xueji_app::changes::TransferRoute::AcrossCounties,
                stage_entry_date: None,
            },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    let app_id = app.row.id;
    let (_, receiving) =
        decide_up_to(&w, app, Party::ReceivingSchool, Decision::Approve, today()).await;
    let printed =
        w.t.app
            .application_form(&w.t.admin, app_id)
            .await
            .expect("the transfer-in form");
    assert_eq!(printed.kind, PrintKind::TransferForm);
    assert_eq!(w.t.count("student").await, students, "still no record");
    let text = pdf_text("transfer-in-form", &printed.pdf);
    for expected in [
        "钱入表",
        "宁波市海曙区某小学",
        "杭州市西湖区文三路小学",
        "五年级",
        "跨县（市、区）转学",
        "普通转学",
        "已附：监护人书面申请",
        printed.serials[0].as_str(),
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let ends = [
        "转入学校意见",
        "转出学校意见",
        "转出学校主管教育行政部门意见",
        "转入学校主管教育行政部门意见",
        "注：依据",
    ];
    let own = block(&text, "转入学校意见", &ends);
    assert!(own.contains("同意。"), "receiving school: {own}");
    assert!(
        own.contains(&format!("文号：西教籍〔2025〕{receiving}号")),
        "receiving school: {own}"
    );
    for label in &ends[1..4] {
        let b = block(&text, label, &ends);
        assert!(!b.contains("同意"), "{label} has not decided: {b}");
    }
    // Numbered in the register against the application, not a student.
    let log =
        w.t.app
            .document_log(
                &w.t.admin,
                &xueji_app::documents::DocumentLogFilter {
                    kind: Some(PrintKind::TransferForm),
                    page_size: 10,
                    ..Default::default()
                },
            )
            .await
            .expect("log");
    assert_eq!(log.total, 1);
    // A change without a form has nothing to print.
    let id = w.pupil("钱无表", d(2015, 2, 2), 49, 4).await;
    let award = w
        .submit(
            Some(id),
            ChangeRequest::Award {
                level: xueji_app::changes::AwardLevel::County,
                title: "区三好学生".to_owned(),
                issuer: "杭州市西湖区教育局".to_owned(),
                awarded_on: today(),
            },
            today(),
            &[],
        )
        .await
        .expect("award");
    let err =
        w.t.app
            .application_form(&w.t.admin, award.row.id)
            .await
            .expect_err("no form");
    assert_eq!(err.kind, xueji_app::ErrorKind::Validation);
}

/// Records every step before `party`'s (by the role each needs, approving), then `party`'s with
/// `decision` on `on`; returns the view and that step's ordinal.
async fn decide_up_to(
    w: &World,
    view: xueji_app::changes::ApplicationView,
    party: xueji_domain::workflow::Party,
    decision: Decision,
    on: chrono::NaiveDate,
) -> (xueji_app::changes::ApplicationView, u32) {
    let mut view = view;
    loop {
        let step = view.row.current_step.expect("a waiting step");
        let s = &view.steps[usize::try_from(step).expect("index")];
        let last = s.party == party;
        let who = w.who(&s.permission);
        view = w
            .decide(
                who,
                view.row.id,
                step,
                if last { decision } else { Decision::Approve },
                on,
            )
            .await
            .unwrap_or_else(|e| panic!("step {step}: {e}"));
        if last {
            return (view, step);
        }
    }
}

#[tokio::test]
async fn r14_1_the_leave_form_fills_each_partys_block_from_its_recorded_step() {
    // 第十四条: the guardian applies in writing with a county hospital's certificate, the school
    // 核办, the bureau 核准. The form shows the proofs attached, the school's recorded opinion in
    // its own block (同意, 文号, who recorded it, the day) and the bureau's block empty until the
    // bureau decides; then the bureau's opinion and the leave's period from–to.
    let w = World::new(today()).await;
    let id = w.pupil("张休", d(2016, 1, 1), 45, 3).await;
    let leave = ChangeRequest::Leave {
        reason: xueji_app::changes::LeaveReasonInput::Illness {
            sick_since: d(2024, 11, 1),
        },
    };
    let app = w
        .submit(
            Some(id),
            leave,
            today(),
            &[P::WrittenApplication, P::CountyHospitalCertificate],
        )
        .await
        .expect("submitted");
    let (app, school_step) = decide_up_to(&w, app, Party::School, Decision::Approve, today()).await;
    let text = w
        .printed_form(PrintKind::LeaveForm, id, "leave-form-school")
        .await;
    assert!(text.contains("已附：监护人书面申请"), "{text}");
    assert!(text.contains("已附：县级及以上医疗单位证明"), "{text}");
    let ends = ["主管教育行政部门意见", "注：依据"];
    let school = block(&text, "学校意见", &ends);
    assert!(school.contains("同意。"), "school: {school}");
    assert!(
        school.contains(&format!("文号：西教籍〔2025〕{school_step}号")),
        "school: {school}"
    );
    assert!(school.contains("录入：shenhe老师"), "school: {school}");
    assert!(school.contains("2025年3月10日"), "the day: {school}");
    let bureau = block(&text, "主管教育行政部门意见", &["注：依据"]);
    assert!(
        !bureau.contains("同意"),
        "the bureau has not decided: {bureau}"
    );
    assert!(
        text.contains("自核准之日起12个月"),
        "the period to come: {text}"
    );

    let (_, bureau_step) = decide_up_to(&w, app, Party::Bureau, Decision::Approve, today()).await;
    let text = w
        .printed_form(PrintKind::LeaveForm, id, "leave-form-bureau")
        .await;
    let bureau = block(&text, "主管教育行政部门意见", &["注：依据"]);
    assert!(bureau.contains("同意。"), "bureau: {bureau}");
    assert!(
        bureau.contains(&format!("文号：西教籍〔2025〕{bureau_step}号")),
        "bureau: {bureau}"
    );
    assert!(bureau.contains("2025年3月10日"), "bureau: {bureau}");
    assert!(
        text.contains("2025-03-10至2026-03-10"),
        "the period from the bureau's approval: {text}"
    );
}

#[tokio::test]
async fn r12_2_a_rejected_skip_prints_not_agreed_with_the_reason_never_like_an_approval() {
    let w = World::new(today()).await;
    let id = w.pupil("张跳", d(2016, 1, 1), 46, 3).await;
    let app = w
        .submit(
            Some(id),
            ChangeRequest::Skip { to: 5 },
            today(),
            &[P::WrittenApplication],
        )
        .await
        .expect("submitted");
    let (view, _) = decide_up_to(&w, app, Party::School, Decision::Reject, today()).await;
    assert_eq!(view.row.state, ApplicationState::Rejected);
    let text = w
        .printed_form(PrintKind::SkipForm, id, "skip-form-rejected")
        .await;
    let school = block(&text, "学校意见", &["主管教育行政部门意见", "注：依据"]);
    assert!(school.contains("不同意。理由：不符合条件"), "{school}");
    assert_eq!(
        text.matches("同意。").count(),
        text.matches("不同意。").count(),
        "no block reads as an approval: {text}"
    );
    assert!(text.contains("已附：监护人书面申请"), "{text}");
}
