//! The printables the engine names and the office needs (issue 17 item 14), printed from real
//! runs and read back: 学籍核准表 (第六条、第七条: the school reports, the bureau approves), 工读学校
//! 转学审批表 (第十三条第七款: the guardian applies, the 工读学校 agrees, the bureau 核办), 出境就读
//! 登记表 (第十六条: the school registers it). Each party's block carries its recorded opinion.

mod common;
mod common_changes;

use common::{d, pdf_text};
use common_changes::{World, block};
use xueji_app::changes::{ApplicationState, ChangeRequest, ProofKind as P};
use xueji_app::documents::{DocumentRequest, PrintKind};

fn today() -> chrono::NaiveDate {
    d(2026, 3, 10)
}

#[tokio::test]
async fn r6_1_the_enrolment_approval_form_carries_the_schools_report_and_the_bureaus_approval() {
    let w = World::new(today()).await;
    // `pupil` enrols and runs the 学籍核准 through the school and the bureau.
    let id = w.pupil("赵核", d(2017, 6, 6), 81, 3).await;
    let text = w
        .printed_form(PrintKind::EnrolmentApprovalForm, id, "enrolment-form")
        .await;
    assert!(text.contains("义务教育阶段学生学籍核准表"), "{text}");
    assert!(text.contains("入学日期"), "{text}");
    let ends = ["学校上报意见", "主管教育行政部门核准意见", "注：依据"];
    for (label, step) in [("学校上报意见", 0), ("主管教育行政部门核准意见", 1)] {
        let b = block(&text, label, &ends);
        assert!(b.contains("同意。"), "{label}: {b}");
        assert!(
            b.contains(&format!("文号：西教籍〔2025〕{step}号")),
            "{label}: {b}"
        );
    }
    assert!(text.contains("第六条、第七条"), "{text}");
}

#[tokio::test]
async fn r13_7_the_reform_school_form_carries_the_reform_schools_and_the_bureaus_opinions() {
    let w = World::new(today()).await;
    let id = w.pupil("赵工", d(2012, 6, 6), 82, 8).await;
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
    assert_eq!(done.row.state, ApplicationState::Approved);
    let text = w
        .printed_form(PrintKind::ReformSchoolForm, id, "reform-school-form")
        .await;
    assert!(text.contains("工读学校转学审批表"), "{text}");
    assert!(text.contains("杭州市工读学校"), "{text}");
    assert!(text.contains("保留在原校"), "{text}");
    assert!(text.contains("已附：监护人书面申请"), "{text}");
    let ends = ["工读学校意见", "主管教育行政部门核办意见", "注：依据"];
    for label in ["工读学校意见", "主管教育行政部门核办意见"] {
        let b = block(&text, label, &ends);
        assert!(b.contains("同意。"), "{label}: {b}");
    }
}

#[tokio::test]
async fn r16_1_the_abroad_form_carries_the_schools_registration() {
    let w = World::new(today()).await;
    let id = w.pupil("赵出", d(2015, 6, 6), 83, 5).await;
    let done = w
        .run(id, ChangeRequest::GoAbroad, today(), &[P::TravelDocument])
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    let text = w
        .printed_form(PrintKind::AbroadForm, id, "abroad-form")
        .await;
    assert!(text.contains("义务教育阶段学生出境就读登记表"), "{text}");
    assert!(text.contains("已附：出境有效证件"), "{text}");
    let b = block(&text, "学校登记意见", &["注：依据"]);
    assert!(b.contains("同意。"), "{b}");
    assert!(
        !text.contains("主管教育行政部门"),
        "第十六条: no bureau step: {text}"
    );
}

#[tokio::test]
async fn r14_2_the_leave_order_states_the_illness_the_bureaus_approval_and_the_period() {
    // 第十四条第二款: 患有……需要隔离治疗的传染病……经主管教育行政部门核准后，学校应责令其休学.
    let w = World::new(today()).await;
    let id = w.pupil("赵隔", d(2016, 6, 6), 84, 4).await;
    let done = w
        .run(
            id,
            ChangeRequest::OrderedLeave {
                reason: xueji_domain::change::OrderedLeaveReason::InfectiousDisease,
            },
            today(),
            &[P::InfectiousDiseaseDiagnosis],
        )
        .await;
    assert_eq!(done.row.state, ApplicationState::Approved);
    assert_eq!(done.documents, [PrintKind::LeaveOrder]);
    let audit = w.t.count("audit_log").await;
    let file =
        w.t.app
            .change_document(&w.t.admin, done.row.id)
            .await
            .expect("the leave order");
    assert!(file.file_name.contains("-ORDER-"), "{}", file.file_name);
    assert_eq!(w.t.count("audit_log").await, audit + 1, "print audited");
    let text = pdf_text("leave-order", &file.data);
    for expected in [
        "责令休学通知书",
        "赵隔同学及其监护人",
        "需要隔离治疗的传染病",
        "第十四条第二款",
        "经主管教育行政部门于2026年3月10日核准（西教籍〔2025〕0号）",
        "自2026年3月10日起至2027年3月10日",
        "申请复学",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    // The same order from the student's print menu.
    let menu = w
        .printed_form(PrintKind::LeaveOrder, id, "leave-order-menu")
        .await;
    assert!(menu.contains("需要隔离治疗的传染病"), "{menu}");
    assert!(menu.contains("自2026年3月10日起至2027年3月10日"), "{menu}");
    // A pupil without an ordered leave has none to print.
    let other = w.pupil("赵无", d(2016, 7, 7), 85, 4).await;
    let err =
        w.t.app
            .document_print(
                &w.t.admin,
                &DocumentRequest {
                    approval: None,
                    kind: PrintKind::LeaveOrder,
                    student_ids: vec![other],
                    filter: None,
                    certificate: None,
                },
            )
            .await
            .expect_err("no order");
    assert_eq!(err.rule_id(), Some("R14.2"), "{err}");
}
