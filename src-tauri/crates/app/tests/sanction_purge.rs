//! 第二十三条: "采取处分消灭制度，在学生毕业时，所有的处分记录从学生学籍档案中撤除" (R23.3). A pupil
//! is sanctioned twice through the whole procedure (a proof on a step, the written decision
//! printed, one sanction lifted with its written notice, the other appealed), then graduates.
//! Afterwards no output of the school (the archive view, the 学籍卡, the change list, the
//! dashboard, the issued-document log, the 学籍变动清单 export, a whole-school archive package as
//! the receiving school opens it) carries any trace of either sanction, and the audit log records
//! that a purge happened, with counts and no content.

mod common;
mod common_batches;
mod common_changes;

use common::{TestApp, d, pdf_text};
use common_batches::scalar;
use common_changes::World;
use xueji_app::audit_log::AuditFilter;
use xueji_app::batches::{GraduationInput, GraduationResultInput};
use xueji_app::changes::{
    AppealInput, ApplicationState, ChangeListInput, ChangeRequest, SanctionLevel,
};
use xueji_app::documents::{DocumentLogFilter, DocumentRequest, PrintKind};
use xueji_app::export::{ExportKind, ExportRequest};
use xueji_domain::{AuditAction, Status};

const FACTS_LIFTED: &str = "该生于2026年3月3日在校内与同学发生争执并动手打人。";
const FACTS_IN_FORCE: &str = "该生于2026年6月12日在考场内辱骂监考教师。";
const SHORTENED: &str = "毕业年级，期限缩短至毕业前";
const GROUNDS: &str = "家长认为处分过重，请求撤销";

/// Text that would betray either sanction, in any output.
const NEEDLES: [&str; 9] = [
    "动手打人",
    "辱骂监考",
    "缩短至毕业前",
    "请求撤销",
    "-SANCTION-",
    "-LIFT-",
    "处分决定书",
    "解除处分",
    "严重警告",
];

/// A sanction as the 德育处 proposes it, its period shortened to `shortened` (R23.1).
fn request(
    level: SanctionLevel,
    facts: &str,
    shortened: Option<chrono::NaiveDate>,
) -> ChangeRequest {
    ChangeRequest::Sanction {
        level,
        facts: facts.to_owned(),
        shortened_to: shortened,
        shortened_reason: shortened.map(|_| SHORTENED.to_owned()),
    }
}

fn assert_clean(what: &str, text: &str) {
    for n in NEEDLES {
        assert!(
            !text.contains(n),
            "R23.3: {what} still carries {n:?} after graduation"
        );
    }
}

/// Every text a registrar, a bureau or the receiving school can get about the student.
struct Outputs {
    archive: String,
    card: String,
    changes: String,
    dashboard: String,
    documents: String,
    export: String,
}

async fn outputs(t: &TestApp, id: i64) -> Outputs {
    let archive = t.app.student_archive(&t.admin, id).await.expect("archive");
    let card = t
        .app
        .document_print(
            &t.admin,
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
    let changes = t
        .app
        .change_list(
            &t.admin,
            &ChangeListInput {
                student_id: Some(id),
                page_size: 200,
                ..Default::default()
            },
        )
        .await
        .expect("change list");
    let dashboard = t.app.dashboard(&t.admin).await.expect("dashboard");
    let documents = t
        .app
        .document_log(
            &t.admin,
            &DocumentLogFilter {
                student_id: Some(id),
                page_size: 200,
                ..Default::default()
            },
        )
        .await
        .expect("document log");
    let export = t
        .app
        .export(
            &t.admin,
            ExportKind::Changes,
            &ExportRequest {
                approval_ref: "西教学〔2026〕21号".to_owned(),
                approved_on: Some(t.app.today()),
                purpose: "区教育局学期核查".to_owned(),
                from: Some(d(2025, 9, 1)),
                to: Some(d(2026, 7, 31)),
                ..Default::default()
            },
        )
        .await
        .expect("学籍变动清单");
    Outputs {
        archive: serde_json::to_string(&archive).expect("json"),
        card: pdf_text("r23_3_card", &card.pdf),
        changes: serde_json::to_string(&changes).expect("json"),
        dashboard: serde_json::to_string(&dashboard).expect("json"),
        documents: serde_json::to_string(&documents).expect("json"),
        export: xlsx_text(&export.bytes),
    }
}

/// Every cell of every sheet, joined.
fn xlsx_text(bytes: &[u8]) -> String {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let mut text = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('|');
            }
        }
    }
    text
}

#[tokio::test]
#[allow(clippy::too_many_lines)] // one pupil's year, then every output, reads as one script
async fn r23_3_a_graduate_once_sanctioned_leaves_no_trace_in_any_output() {
    let w = World::new(d(2026, 3, 10)).await;
    let t = &w.t;
    let id = w.pupil("周消", d(2011, 5, 5), 61, 9).await;
    let lifted_app = w
        .sanction(
            id,
            request(
                SanctionLevel::SeriousWarning,
                FACTS_LIFTED,
                Some(d(2026, 6, 10)),
            ),
            d(2026, 3, 10),
        )
        .await;
    t.app
        .change_document(&t.admin, lifted_app)
        .await
        .expect("处分决定书 printed");
    t.clock.set_date(d(2026, 6, 11));
    let sanction_id = t
        .app
        .student_archive(&t.admin, id)
        .await
        .expect("a")
        .sanctions[0]
        .id;
    let lift = w
        .submit(
            Some(id),
            ChangeRequest::LiftSanction {
                sanction_id,
                reformed: true,
                reoffended: false,
            },
            d(2026, 6, 11),
            &[],
        )
        .await
        .expect("lifted after the shortened period");
    assert_eq!(lift.row.state, ApplicationState::Applied);
    t.app
        .change_document(&t.admin, lift.row.id)
        .await
        .expect("解除处分通知书 printed");
    t.clock.set_date(d(2026, 6, 15));
    let in_force = w
        .sanction(
            id,
            request(SanctionLevel::Warning, FACTS_IN_FORCE, None),
            d(2026, 6, 15),
        )
        .await;
    t.app
        .change_document(&t.admin, in_force)
        .await
        .expect("处分决定书 printed");
    t.app
        .change_appeal_file(
            &t.admin,
            &AppealInput {
                application_id: in_force,
                on: d(2026, 6, 15),
                grounds: GROUNDS.to_owned(),
            },
        )
        .await
        .expect("appealed to the bureau");

    // Before graduation the record shows both: the needles find what they look for.
    let before = outputs(t, id).await;
    assert!(before.archive.contains("动手打人") || before.archive.contains("SANCTION"));
    assert!(before.card.contains("解除处分"), "{}", before.card);
    assert!(before.documents.contains("-SANCTION-"));
    assert!(before.documents.contains("-LIFT-"));
    assert!(before.export.contains("处分"), "the change list lists them");
    let serials = t.count("issued_document").await;

    t.clock.set_date(d(2026, 7, 10));
    let done = t
        .app
        .graduation_confirm(
            &t.admin,
            &GraduationInput {
                grade: 9,
                results: vec![GraduationResultInput {
                    student_id: id,
                    programme_completed: true,
                    overall_quality_passed: true,
                    failed_subjects_after_makeup: 0,
                    aux_number: Some("ZJ2026000061".to_owned()),
                }],
                on: d(2026, 7, 1),
                bureau_reference: Some("西教学〔2026〕18号".to_owned()),
            },
        )
        .await
        .expect("graduated");
    assert_eq!(done.graduated, 1);
    assert_eq!(w.status(id).await, Status::Graduated);

    let after = outputs(t, id).await;
    assert_clean("the archive view", &after.archive);
    assert_clean("the 学籍卡", &after.card);
    assert_clean("the change list", &after.changes);
    assert_clean("the dashboard", &after.dashboard);
    assert_clean("the issued-document log", &after.documents);
    assert_clean("the 学籍变动清单 export", &after.export);
    assert!(after.card.contains("周消"), "the card is still the pupil's");
    // The register keeps its serial numbers (none is reused), voided and pointing at nobody.
    assert_eq!(
        t.count("issued_document").await,
        serials + 1,
        "only the 学籍卡 printed since"
    );
    assert_eq!(
        scalar(
            t,
            "SELECT COUNT(*) FROM issued_document WHERE student_id IS NULL AND voided = 1 \
             AND target IS NULL AND kind IN ('sanction_decision', 'sanction_lift_notice')"
        )
        .await,
        3
    );

    // The receiving unit of a whole-school archive sees the graduate without any sanction.
    let b = TestApp::new(d(2026, 7, 10)).await;
    let b_keys = b.app.keys_show(&b.admin).await.expect("keys");
    let b_in_a = t
        .app
        .keys_trust(&t.approver().await, &b_keys.text, "接收学校")
        .await
        .expect("trusted")
        .id;
    let a_keys = t.app.keys_show(&t.admin).await.expect("keys");
    b.app
        .keys_trust(&b.approver().await, &a_keys.text, "移交学校")
        .await
        .expect("trusted");
    let bytes = t
        .app
        .package_school_archive(
            &t.admin,
            b_in_a,
            &xueji_app::disclosure::ApprovalInput {
                approval_ref: "西教学〔2026〕22号".to_owned(),
                approved_on: Some(t.app.today()),
            },
        )
        .await
        .expect("archive package");
    let imported = b
        .app
        .package_import(&b.admin, &bytes)
        .await
        .expect("imported");
    for got in imported.student_ids {
        let archive = b.app.student_archive(&b.admin, got).await.expect("archive");
        assert_clean(
            "the package as opened",
            &serde_json::to_string(&archive).expect("json"),
        );
    }

    // The store keeps nothing of them either; the audit says a purge happened, with counts.
    for (table, column) in [
        ("sanction", "student_id"),
        ("deadline", "student_id"),
        ("issued_document", "student_id"),
    ] {
        let sql = format!(
            "SELECT COUNT(*) FROM {table} WHERE {column} = {id} AND ({})",
            match table {
                "sanction" => "1 = 1",
                "deadline" =>
                    "kind = 'sanction_period_ends' OR rule LIKE 'R22%' OR rule LIKE 'R23%'",
                _ => "kind IN ('sanction_decision', 'sanction_lift_notice')",
            }
        );
        assert_eq!(scalar(t, &sql).await, 0, "{table}");
    }
    for sql in [
        format!(
            "SELECT COUNT(*) FROM application WHERE student_id = {id} \
             AND change_kind IN ('sanction', 'lift_sanction')"
        ),
        format!(
            "SELECT COUNT(*) FROM application_step WHERE application_id IN ({lifted_app}, {}, {in_force})",
            lift.row.id
        ),
        format!(
            "SELECT COUNT(*) FROM attachment WHERE application_id IN ({lifted_app}, {in_force})"
        ),
        format!(
            "SELECT COUNT(*) FROM student_event WHERE student_id = {id} \
             AND kind IN ('sanction', 'lift_sanction')"
        ),
        format!(
            "SELECT COUNT(*) FROM student_history WHERE student_id = {id} \
             AND change IN ('sanction', 'lift_sanction')"
        ),
    ] {
        assert_eq!(scalar(t, &sql).await, 0, "{sql}");
    }
    let purges = t
        .app
        .audit_list(
            &t.admin,
            &AuditFilter {
                action: Some(AuditAction::PurgeSanctions),
                ..Default::default()
            },
        )
        .await
        .expect("audit")
        .rows;
    assert_eq!(purges.len(), 1);
    let target = &purges[0].target;
    assert!(target.contains(&format!("student:{id}")), "{target}");
    assert!(target.contains("sanctions:2"), "{target}");
    assert!(target.contains("applications:3"), "{target}");
    assert_clean("the audit row of the purge", target);
}
