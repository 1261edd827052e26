//! Awards and discipline (R21–R23) on a real database: the sanction procedure, the appeal, the
//! lifting after the period and the written notices.

mod common;
mod common_changes;

use common::{d, pdf_text};
use common_changes::{World, refused};
use xueji_app::ErrorKind;
use xueji_app::changes::ApplicationState;
use xueji_app::changes::{
    AppealDecisionInput, AppealInput, AwardLevel, ChangeRequest, DecideInput, Decision,
    SanctionLevel,
};
use xueji_app::documents::{DocumentRequest, PrintKind};

fn today() -> chrono::NaiveDate {
    d(2025, 3, 10)
}

fn warning() -> ChangeRequest {
    ChangeRequest::Sanction {
        level: SanctionLevel::Warning,
        facts: "该生于2025年3月3日在校内与同学发生争执并动手打人。".to_owned(),
        shortened_to: None,
        shortened_reason: None,
    }
}

#[tokio::test]
async fn r21_1_awards_go_into_the_growth_archive() {
    let w = World::new(today()).await;
    let id = w.pupil("张奖", d(2015, 1, 1), 51, 4).await;
    let award = |title: &str| ChangeRequest::Award {
        level: AwardLevel::County,
        title: title.to_owned(),
        issuer: "杭州市西湖区教育局".to_owned(),
        awarded_on: d(2025, 3, 1),
    };
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit_as(&w.moral, Some(id), award(" "), today(), &[])
            .await,
        "R21.1",
    )
    .await;
    let done = w
        .submit_as(&w.moral, Some(id), award("区三好学生"), today(), &[])
        .await
        .expect("recorded by the 德育处");
    assert_eq!(done.row.state, ApplicationState::Applied);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    let awards = archive
        .sections
        .iter()
        .find(|s| s.code == xueji_domain::archive::ArchiveSection::Awards)
        .expect("section");
    assert_eq!(awards.items.len(), 1);
    assert_eq!(awards.items[0].title, "区三好学生");
    let err = w
        .submit_as(&w.reader, Some(id), award("x"), today(), &[])
        .await
        .expect_err("read-only");
    assert_eq!(err.kind, ErrorKind::Forbidden);
}

#[tokio::test]
#[allow(clippy::too_many_lines)] // the whole procedure, step by step, reads as one script
async fn r22_2_sanction_takes_effect_only_after_the_full_procedure_and_may_be_appealed() {
    let w = World::new(today()).await;
    let id = w.pupil("李罚", d(2011, 1, 1), 52, 8).await;
    let app = w
        .submit_as(&w.moral, Some(id), warning(), today(), &[])
        .await
        .expect("proposed");
    let actions: Vec<_> = app.steps.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        actions,
        [
            "德育部门提出处分意见",
            "学校告知并听取意见",
            "学校举行听证会",
            "校务会议决定",
            "校长签署公布"
        ]
    );
    assert!(app.steps[2].optional);
    let id_app = app.row.id;
    w.decide(&w.moral, id_app, 0, Decision::Approve, today())
        .await
        .expect("the 德育处 proposes");
    // the council cannot decide before the student is heard
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.decide(&w.approver, id_app, 3, Decision::Approve, today())
            .await,
        "R22.2",
    )
    .await;
    // the registrar cannot decide the school's step; refusal audited
    let audit = w.t.count("audit_log").await;
    let err = w
        .decide(&w.t.admin, id_app, 1, Decision::Approve, today())
        .await
        .expect_err("school step");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(w.t.count("audit_log").await, audit + 1);
    // a mandatory step cannot be skipped
    let err = w
        .decide(&w.approver, id_app, 1, Decision::Skip, today())
        .await
        .expect_err("not optional");
    assert_eq!(err.rule_id(), Some("R22.2"));
    w.decide(&w.approver, id_app, 1, Decision::Approve, today())
        .await
        .expect("heard");
    w.decide(&w.approver, id_app, 2, Decision::Skip, today())
        .await
        .expect("no hearing asked for");
    let decided = w
        .decide(&w.approver, id_app, 3, Decision::Approve, today())
        .await
        .expect("council");
    assert_eq!(decided.row.state, ApplicationState::Open);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert!(
        archive.sanctions.is_empty(),
        "no effect before the signature"
    );
    // an appeal before publication is refused
    let err =
        w.t.app
            .change_appeal_file(
                &w.t.admin,
                &AppealInput {
                    application_id: id_app,
                    on: today(),
                    grounds: "处分过重".to_owned(),
                },
            )
            .await
            .expect_err("not yet published");
    assert_eq!(err.rule_id(), Some("R22.2"));
    let signed = w
        .decide(&w.approver, id_app, 4, Decision::Approve, today())
        .await
        .expect("signed");
    assert_eq!(signed.row.state, ApplicationState::Approved);
    assert_eq!(
        signed.documents,
        [xueji_app::documents::PrintKind::SanctionDecision]
    );
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.sanctions.len(), 1);
    assert_eq!(
        archive.sanctions[0].level,
        xueji_domain::sanction::SanctionLevel::Warning
    );
    assert_eq!(archive.sanctions[0].period_ends, d(2025, 9, 10));
    assert!(signed.deadlines.iter().any(|x| x.kind
        == xueji_domain::effects::DeadlineKind::SanctionPeriodEnds
        && x.due == d(2025, 9, 10)));
    // the written decision, printed and audited
    let audit = w.t.count("audit_log").await;
    let issued = w.t.count("issued_document").await;
    let pdf =
        w.t.app
            .change_document(&w.t.admin, id_app)
            .await
            .expect("decision");
    assert!(pdf.data.starts_with(b"%PDF"));
    assert_eq!(pdf.mime, "application/pdf");
    assert_eq!(w.t.count("audit_log").await, audit + 1, "print audited");
    assert_eq!(
        w.t.count("issued_document").await,
        issued + 1,
        "numbered in the issued-document log"
    );
    assert!(pdf.file_name.contains("-SANCTION-"), "{}", pdf.file_name);
    // the appeal to the bureau
    let appealed =
        w.t.app
            .change_appeal_file(
                &w.t.admin,
                &AppealInput {
                    application_id: id_app,
                    on: today(),
                    grounds: "处分过重".to_owned(),
                },
            )
            .await
            .expect("appeal");
    assert_eq!(
        appealed.appeal.as_ref().map(|a| a.grounds.as_str()),
        Some("处分过重")
    );
    let upheld =
        w.t.app
            .change_appeal_decide(
                &w.t.admin,
                &AppealDecisionInput {
                    application_id: id_app,
                    on: today(),
                    upheld: true,
                },
            )
            .await
            .expect("decided");
    assert_eq!(upheld.appeal.and_then(|a| a.upheld), Some(true));
}

#[tokio::test]
async fn r23_2_lift_refused_before_the_period_and_allowed_after_with_the_written_notice() {
    let w = World::new(today()).await;
    let id = w.pupil("王解", d(2011, 2, 2), 53, 8).await;
    let app = w
        .submit_as(&w.moral, Some(id), warning(), today(), &[])
        .await
        .expect("proposed");
    let signed = w.complete(app, today()).await;
    assert_eq!(signed.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    let sanction_id = archive.sanctions[0].id;
    let lift = |reformed: bool| ChangeRequest::LiftSanction {
        sanction_id,
        reformed,
        reoffended: false,
    };
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), lift(true), today(), &[]).await,
        "R23.2",
    )
    .await;
    w.t.clock.set_date(d(2025, 9, 15));
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), lift(false), d(2025, 9, 15), &[]).await,
        "R23.2",
    )
    .await;
    let lifted = w
        .submit(Some(id), lift(true), d(2025, 9, 15), &[])
        .await
        .expect("lifted");
    assert_eq!(lifted.row.state, ApplicationState::Applied);
    assert_eq!(
        lifted.documents,
        [xueji_app::documents::PrintKind::SanctionLiftNotice]
    );
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.sanctions[0].lifted_on, Some(d(2025, 9, 15)));
    let notice =
        w.t.app
            .change_document(&w.t.admin, lifted.row.id)
            .await
            .expect("notice");
    assert!(notice.data.starts_with(b"%PDF"));
    // lifted once
    let before = w.counts().await;
    refused(
        &w,
        before,
        w.submit(Some(id), lift(true), d(2025, 9, 15), &[]).await,
        "R23.2",
    )
    .await;
    // the approver prints, the 德育处 does not
    let err =
        w.t.app
            .change_document(&w.moral, lifted.row.id)
            .await
            .expect_err("no print permission");
    assert_eq!(err.kind, ErrorKind::Forbidden);
}

#[tokio::test]
async fn r22_2_a_sanction_overturned_on_appeal_leaves_the_record() {
    let w = World::new(today()).await;
    let id = w.pupil("赵申", d(2011, 3, 3), 54, 8).await;
    let app = w
        .submit_as(&w.moral, Some(id), warning(), today(), &[])
        .await
        .expect("proposed");
    let done = w.complete(app, today()).await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert_eq!(archive.sanctions.len(), 1);
    w.t.app
        .change_appeal_file(
            &w.t.admin,
            &AppealInput {
                application_id: done.row.id,
                on: today(),
                grounds: "事实不清".to_owned(),
            },
        )
        .await
        .expect("appeal");
    let overturned =
        w.t.app
            .change_appeal_decide(
                &w.t.admin,
                &AppealDecisionInput {
                    application_id: done.row.id,
                    on: today(),
                    upheld: false,
                },
            )
            .await
            .expect("overturned");
    assert_eq!(overturned.appeal.and_then(|a| a.upheld), Some(false));
    let archive = w.t.app.student_archive(&w.t.admin, id).await.expect("a");
    assert!(archive.sanctions.is_empty(), "the sanction is revoked");
    assert!(
        archive
            .events
            .iter()
            .any(|e| e.rule == "R22.2" && e.summary.contains("撤销")),
        "the history says so"
    );
}

/// Proposes a warning and records every step up to the hearing, which is `hearing` (with the
/// school's remark when it is not held); then the council decides and the principal signs.
async fn decided_with_hearing(w: &World, id: i64, hearing: Decision, remark: Option<&str>) -> i64 {
    let app = w
        .submit_as(&w.moral, Some(id), warning(), today(), &[])
        .await
        .expect("proposed");
    let app_id = app.row.id;
    w.decide(&w.moral, app_id, 0, Decision::Approve, today())
        .await
        .expect("proposal");
    w.decide(&w.approver, app_id, 1, Decision::Approve, today())
        .await
        .expect("told and heard");
    w.t.app
        .change_decide(
            &w.approver,
            &DecideInput {
                application_id: app_id,
                step: 2,
                decision: hearing,
                on: today(),
                reference: None,
                reason: remark.map(str::to_owned),
                proof: None,
            },
        )
        .await
        .expect("hearing recorded");
    for step in [3, 4] {
        w.decide(&w.approver, app_id, step, Decision::Approve, today())
            .await
            .expect("council and signature");
    }
    app_id
}

#[tokio::test]
async fn r22_2_the_decision_states_that_the_hearing_the_family_asked_for_was_held() {
    // 第二十二条: 当事学生及其父母或其他监护人可申请举行听证会. Held: the decision says so and when,
    // whether printed from the application or from the student's print menu.
    let w = World::new(today()).await;
    let id = w.pupil("陈听", d(2011, 3, 3), 54, 8).await;
    let app_id = decided_with_hearing(&w, id, Decision::Approve, None).await;
    let from_application = pdf_text(
        "r22_2_hearing_held",
        &w.t.app
            .change_document(&w.t.admin, app_id)
            .await
            .expect("decision")
            .data,
    );
    let from_menu = pdf_text(
        "r22_2_hearing_held_menu",
        &w.t.app
            .document_print(
                &w.t.admin,
                &DocumentRequest {
                    approval: None,
                    kind: PrintKind::SanctionDecision,
                    student_ids: vec![id],
                    filter: None,
                    certificate: None,
                },
            )
            .await
            .expect("decision from the menu")
            .pdf,
    );
    for text in [&from_application, &from_menu] {
        assert!(
            text.contains("应学生及其监护人申请，学校已于2025年3月10日举行听证会"),
            "{text}"
        );
        assert!(!text.contains("未申请"), "{text}");
        assert!(text.contains("动手打人"), "the facts proposed: {text}");
    }
}

#[tokio::test]
async fn r22_2_the_decision_states_that_no_hearing_was_asked_for_with_the_schools_remark() {
    let w = World::new(today()).await;
    let id = w.pupil("陈免", d(2011, 4, 4), 55, 8).await;
    let app_id =
        decided_with_hearing(&w, id, Decision::Skip, Some("监护人书面表示不申请听证")).await;
    let text = pdf_text(
        "r22_2_no_hearing",
        &w.t.app
            .change_document(&w.t.admin, app_id)
            .await
            .expect("decision")
            .data,
    );
    assert!(
        text.contains("学生及其监护人未申请举行听证会（监护人书面表示不申请听证）"),
        "{text}"
    );
    assert!(
        !text.contains("举行听证会。经") || !text.contains("学校已于"),
        "{text}"
    );
    let shown =
        w.t.app
            .change_show(&w.t.admin, app_id)
            .await
            .expect("shown");
    assert_eq!(
        shown.steps[2].note.as_deref(),
        Some("监护人书面表示不申请听证"),
        "the remark is kept with the step"
    );
}
