//! 第七条: "学籍号以学生居民身份证号为基础生成……经学校主管教育行政部门核准后上报教育部获取全国
//! 学籍号" (R7.1). A pupil without a resident ID gets no number made up here (待分配) until the
//! registrar enters the one the national system returned, after the bureau's approval; a G number
//! is provisional until then, and documents say so.

mod common;
mod common_changes;

use common::{d, newcomer, pdf_text};
use common_changes::World;
use xueji_app::changes::{ApplicationState, ChangeRequest};
use xueji_app::documents::{DocumentRequest, PrintKind};
use xueji_app::students::NationalNumberInput;

fn today() -> chrono::NaiveDate {
    d(2026, 9, 10)
}

fn card_request(id: i64) -> DocumentRequest {
    DocumentRequest {
        approval: None,
        kind: PrintKind::RecordCard,
        student_ids: vec![id],
        filter: None,
        certificate: None,
    }
}

#[tokio::test]
async fn r7_1_without_a_resident_id_no_number_is_invented_and_the_national_one_is_entered_after_approval()
 {
    let w = World::new(today()).await;
    let t = &w.t;
    let mut input = newcomer("米娅", d(2019, 5, 6), 1, d(2026, 9, 1));
    input.id_type = "passport".to_owned();
    input.id_number = "E12345678".to_owned();
    input.sex = Some("female".to_owned());
    input.birth_date = Some(d(2019, 5, 6));
    input.nationality = "德国".to_owned();
    let enrolled = t
        .app
        .student_enrol(&t.admin, &input)
        .await
        .expect("enrolled");
    let id = enrolled.student.id;
    assert_eq!(
        enrolled.student.xueji_number, None,
        "no L or J number made up"
    );
    assert_eq!(enrolled.student.xueji_number_label, "待分配");
    let card = pdf_text(
        "r7_1_card_pending",
        &t.app
            .document_print(&t.admin, &card_request(id))
            .await
            .expect("学籍卡")
            .pdf,
    );
    assert!(card.contains("学籍号待分配"), "{card}");
    let enter = |number: &str| NationalNumberInput {
        student_id: id,
        xueji_number: number.to_owned(),
    };
    // Not before the bureau has approved the record.
    let err = t
        .app
        .student_national_number_record(&t.admin, &enter("J330106201905060018"))
        .await
        .expect_err("not yet approved");
    assert_eq!(err.rule_id(), Some("R7.1"), "{err}");
    let approved = w
        .run(id, ChangeRequest::ApproveEnrolment, today(), &[])
        .await;
    assert_eq!(approved.row.state, ApplicationState::Approved);
    // A number with a wrong check character is refused, nothing written.
    let err = t
        .app
        .student_national_number_record(&t.admin, &enter("J330106201905060019"))
        .await
        .expect_err("bad check character");
    assert_eq!(err.rule_id(), Some("R7.1"), "{err}");
    let audit = t.count("audit_log").await;
    let saved = t
        .app
        .student_national_number_record(&t.admin, &enter("j330106201905060018"))
        .await
        .expect("entered");
    assert_eq!(saved.xueji_number.as_deref(), Some("J330106201905060018"));
    assert_eq!(saved.xueji_number_label, "J330106201905060018");
    assert!(t.count("audit_log").await > audit, "audited");
    // One person, one number, for life: a second entry is refused (R11.2 is the way).
    let err = t
        .app
        .student_national_number_record(&t.admin, &enter("J330106201905060026"))
        .await
        .expect_err("has one");
    assert_eq!(err.rule_id(), Some("R7.1"), "{err}");
    // The same number for another record is a duplicate (R7.2).
    let mut other = newcomer("米亚", d(2019, 7, 7), 2, d(2026, 9, 1));
    other.id_type = "passport".to_owned();
    other.id_number = "E87654321".to_owned();
    other.sex = Some("female".to_owned());
    other.birth_date = Some(d(2019, 7, 7));
    let other_id = w.enrolled(&other, today()).await;
    let err = t
        .app
        .student_national_number_record(
            &t.admin,
            &NationalNumberInput {
                student_id: other_id,
                xueji_number: "J330106201905060018".to_owned(),
            },
        )
        .await
        .expect_err("taken");
    assert_eq!(err.rule_id(), Some("R7.2"), "{err}");
    let card = pdf_text(
        "r7_1_card_national",
        &t.app
            .document_print(&t.admin, &card_request(id))
            .await
            .expect("学籍卡")
            .pdf,
    );
    assert!(card.contains("学籍号J330106201905060018"), "{card}");
}

#[tokio::test]
async fn r7_1_a_g_number_prints_as_provisional_until_the_bureau_approves() {
    let w = World::new(today()).await;
    let t = &w.t;
    let view = t
        .app
        .student_enrol(&t.admin, &newcomer("林暂", d(2019, 8, 8), 3, d(2026, 9, 1)))
        .await
        .expect("enrolled");
    let id = view.student.id;
    let g = view
        .student
        .xueji_number
        .clone()
        .expect("G from the resident ID");
    assert_eq!(view.student.xueji_number_label, format!("{g}（暂定）"));
    let card = pdf_text(
        "r7_1_card_provisional",
        &t.app
            .document_print(&t.admin, &card_request(id))
            .await
            .expect("学籍卡")
            .pdf,
    );
    assert!(card.contains(&format!("{g}（暂定）")), "{card}");
    w.run(id, ChangeRequest::ApproveEnrolment, today(), &[])
        .await;
    let archive = t.app.student_archive(&t.admin, id).await.expect("archive");
    assert_eq!(archive.student.xueji_number_label, g, "final once approved");
    let card = pdf_text(
        "r7_1_card_final",
        &t.app
            .document_print(&t.admin, &card_request(id))
            .await
            .expect("学籍卡")
            .pdf,
    );
    assert!(!card.contains("暂定"), "{card}");
}
