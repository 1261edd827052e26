//! Every role is refused every use case its permissions do not cover, and each refusal is written
//! to the audit log before anything else happens (R30.1, R30.3).

mod common;

use common::{TestApp, d};
use xueji_app::audit_log::AuditFilter;
use xueji_app::batches::ReviewOpenInput;
use xueji_app::changes::{AwardLevel, ChangeInput, ChangeRequest, SanctionLevel, WithdrawInput};
use xueji_app::documents::{DocumentRequest, PrintKind};
use xueji_app::hardship::{ClassAssessInput, HardshipDecideInput, HardshipFilter, HardshipLevel};
use xueji_app::students::{FieldValue, StudentEditInput};
use xueji_app::{App, AppError, ErrorKind, Permission, Role, Session};
use xueji_domain::AuditAction;

/// Calls one use case that needs `p`, with inputs the permission check comes before.
// One arm per permission: the table reads best whole.
#[allow(clippy::too_many_lines)]
async fn attempt(app: &App, s: &Session, p: Permission) -> Result<(), AppError> {
    let change = |change| ChangeInput {
        student_id: Some(1),
        change,
        effective_on: d(2025, 10, 8),
        proofs: vec![],
        note: None,
    };
    match p {
        Permission::ViewStudents => app.dashboard(s).await.map(drop),
        Permission::EditStudents => app
            .student_edit(
                s,
                &StudentEditInput {
                    id: 1,
                    version: 1,
                    fields: vec![FieldValue {
                        field: "class_name".into(),
                        value: "2班".into(),
                    }],
                    family: None,
                },
            )
            .await
            .map(drop),
        Permission::SubmitChanges => app
            .change_withdraw(
                s,
                &WithdrawInput {
                    application_id: 1,
                    reason: "撤回".into(),
                },
            )
            .await
            .map(drop),
        Permission::DecideSchoolSteps => app
            .hardship_decide(
                s,
                1,
                &HardshipDecideInput {
                    level: HardshipLevel::Hardship,
                    note: None,
                    decided_on: None,
                    notice_from: None,
                },
            )
            .await
            .map(drop),
        Permission::ProposeSanctions => app
            .change_submit(
                s,
                &change(ChangeRequest::Sanction {
                    level: SanctionLevel::Warning,
                    facts: "旷课".into(),
                    shortened_to: None,
                    shortened_reason: None,
                }),
            )
            .await
            .map(drop),
        Permission::RecordAwards => app
            .change_submit(
                s,
                &change(ChangeRequest::Award {
                    level: AwardLevel::School,
                    title: "三好学生".into(),
                    issuer: "本校".into(),
                    awarded_on: d(2025, 10, 1),
                }),
            )
            .await
            .map(drop),
        Permission::RunBatches => app.promotion_preview(s, 2026).await.map(drop),
        Permission::ReviewRecords => app
            .review_open(
                s,
                &ReviewOpenInput {
                    school_year: 2025,
                    semester: xueji_domain::school::Semester::First,
                },
            )
            .await
            .map(drop),
        Permission::SignOffReview => app.review_sign_off(s, 1).await.map(drop),
        Permission::ViewHardship => app
            .hardship_list(
                s,
                2025,
                &HardshipFilter {
                    page: 1,
                    page_size: 10,
                    ..HardshipFilter::default()
                },
            )
            .await
            .map(drop),
        Permission::EditHardship => app
            .hardship_class_assess(
                s,
                1,
                &ClassAssessInput {
                    result: HardshipLevel::Hardship,
                    note: String::new(),
                    assessed_on: None,
                },
            )
            .await
            .map(drop),
        Permission::PrintDocuments => app
            .document_print(
                s,
                &DocumentRequest {
                    approval: None,
                    kind: PrintKind::Roster,
                    student_ids: vec![1],
                    filter: None,
                    certificate: None,
                },
            )
            .await
            .map(drop),
        Permission::ManageUsers => app.user_list(s).await.map(drop),
        Permission::ManageSettings => app.idle_lock_set(s, 5).await,
        Permission::ViewAudit => app.audit_list(s, &AuditFilter::default()).await.map(drop),
    }
}

#[tokio::test]
async fn each_role_is_refused_what_it_may_not_do_and_every_refusal_is_audited() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let users = [
        (Role::Registrar, t.user("dengji", Role::Registrar).await),
        (Role::Approver, t.user("shenhe", Role::Approver).await),
        (
            Role::MoralEducation,
            t.user("deyu", Role::MoralEducation).await,
        ),
        (Role::ReadOnly, t.user("chaxun", Role::ReadOnly).await),
    ];
    let mut refusals = 0;
    for (role, session) in &users {
        for p in Permission::ALL {
            // The sanction proposal falls back to the registrar's own permission (SubmitChanges).
            let may = role.may(p)
                || (p == Permission::ProposeSanctions && role.may(Permission::SubmitChanges));
            if may {
                continue;
            }
            let students = t.count("student").await;
            let audit = t.count("audit_log").await;
            let err = attempt(&t.app, session, p)
                .await
                .expect_err(&format!("{role:?} {p:?}"));
            assert_eq!(err.kind, ErrorKind::Forbidden, "{role:?} {p:?}: {err}");
            assert!(err.message.contains(role.label_zh()), "{}", err.message);
            assert_eq!(
                t.count("audit_log").await,
                audit + 1,
                "{role:?} {p:?}: audited"
            );
            assert_eq!(t.count("student").await, students);
            refusals += 1;
        }
    }
    assert!(refusals >= 30, "the matrix was exercised: {refusals}");
}

#[tokio::test]
async fn the_refusal_row_names_the_user_and_the_permission_never_personal_data() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let viewer = t.user("chaxun", Role::ReadOnly).await;
    attempt(&t.app, &viewer, Permission::ViewHardship)
        .await
        .expect_err("refused");
    let log = t
        .app
        .audit_list(
            &t.admin,
            &AuditFilter {
                action: Some(AuditAction::Denied),
                ..AuditFilter::default()
            },
        )
        .await
        .expect("log");
    assert_eq!(log.total, 1);
    assert_eq!(log.rows[0].user, "chaxun");
    assert_eq!(log.rows[0].target, "permission:view_hardship");
    let check = t.app.audit_verify(&t.admin).await.expect("verify");
    assert!(check.intact, "{:?}", check.problem);
}
