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
use xueji_app::printing::{
    CertificateMode, CertificatePrint, PrintService, PrintSettings, PrinterOffset,
};
use xueji_app::{AppError, ErrorKind};
use xueji_domain::{SchoolKind, Status};

fn certificate(id: i64) -> DocumentRequest {
    DocumentRequest {
        approval: None,
        kind: PrintKind::Certificate,
        student_ids: vec![id],
        filter: None,
        certificate: None,
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

/// The first word's box containing `text` (`pdftotext -bbox`), in mm from the top-left.
fn word_at(pdf: &[u8], text: &str) -> (f32, f32) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    let line = html
        .lines()
        .find(|l| l.contains("<word") && l.contains(text))
        .unwrap_or_else(|| panic!("{text} not in {html}"));
    let attr = |name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).expect("attr") + name.len() + 2;
        let end = start + line[start..].find('"').expect("quote");
        line[start..end].parse::<f32>().expect("number") * 25.4 / 72.0
    };
    (attr("xMin"), attr("yMin"))
}

/// The centre of the ink within `radius` mm of (`x`, `y`) mm on the first page, from a 300 dpi
/// greyscale rendering (`pdftoppm`): where a printed mark lands.
fn ink_centre(pdf: &[u8], x: f32, y: f32, radius: f32) -> (f32, f32) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("job.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = dir.path().join("page");
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-singlefile"])
        .arg(&path)
        .arg(&out)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let pgm = std::fs::read(dir.path().join("page.pgm")).expect("pgm");
    // P5 <w> <h> <max>\n<bytes>
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..i]).into_owned());
    }
    let pixels = &pgm[i + 1..];
    let width: usize = fields[1].parse().expect("width");
    let height: usize = fields[2].parse().expect("height");
    let per_mm = 300.0 / 25.4;
    let (mut sum_x, mut sum_y, mut count) = (0.0f64, 0.0f64, 0.0f64);
    for row in 0..height {
        #[allow(clippy::cast_precision_loss)]
        let my = (row as f32 + 0.5) / per_mm;
        if (my - y).abs() > radius {
            continue;
        }
        for col in 0..width {
            #[allow(clippy::cast_precision_loss)]
            let mx = (col as f32 + 0.5) / per_mm;
            if (mx - x).abs() > radius || pixels[row * width + col] >= 128 {
                continue;
            }
            sum_x += f64::from(mx);
            sum_y += f64::from(my);
            count += 1.0;
        }
    }
    assert!(count > 0.0, "no ink near ({x}, {y})");
    #[allow(clippy::cast_possible_truncation)]
    let centre = ((sum_x / count) as f32, (sum_y / count) as f32);
    centre
}

fn printing(mode: CertificateMode, printer: &str) -> CertificatePrint {
    CertificatePrint {
        mode,
        printer: Some(printer.to_owned()),
    }
}

#[tokio::test]
async fn r26_1_the_full_form_on_plain_paper_or_only_the_data_onto_the_provinces_blank() {
    let w = World::new(d(2026, 7, 10)).await;
    let t = &w.t;
    let settings = PrintSettings {
        certificate_mode: CertificateMode::Overprint,
        default_printer: Some("教务处证书打印机".to_owned()),
        printers: vec![PrinterOffset {
            printer: "教务处证书打印机".to_owned(),
            right_mm: 3.0,
            down_mm: -2.0,
        }],
    };
    let saved = t
        .app
        .print_settings_set(&t.admin, &settings)
        .await
        .expect("settings");
    assert_eq!(
        t.app.print_settings_get(&t.admin).await.expect("get"),
        saved
    );
    let too_far = PrintSettings {
        printers: vec![PrinterOffset {
            right_mm: 45.0,
            ..settings.printers[0].clone()
        }],
        ..settings.clone()
    };
    let err = t
        .app
        .print_settings_set(&t.admin, &too_far)
        .await
        .expect_err("offset too large");
    assert_eq!(err.kind, ErrorKind::Validation);

    let full_id = seed(
        t,
        Seed {
            aux: Some("ZJ2026000011"),
            ..Seed::enrolled("吴整页", 51, 9).status(Status::Graduated)
        },
    )
    .await;
    let over_id = seed(
        t,
        Seed {
            aux: Some("ZJ2026000012"),
            ..Seed::enrolled("吴套打", 52, 9).status(Status::Graduated)
        },
    )
    .await;
    let full = t
        .app
        .document_print(
            &t.admin,
            &DocumentRequest {
                certificate: Some(printing(CertificateMode::Full, "教务处证书打印机")),
                ..certificate(full_id)
            },
        )
        .await
        .expect("full form");
    let text = pdf_text("certificate-full", &full.pdf);
    for part in [
        "浙江省义务教育证书",
        "浙江省教育厅监制",
        "证书编号：ZJ2026000011",
        "吴整页",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    // The settings say 套打 on the default printer.
    let over = t
        .app
        .document_print(&t.admin, &certificate(over_id))
        .await
        .expect("over-print");
    let text = pdf_text("certificate-overprint", &over.pdf);
    assert!(
        text.contains("吴套打") && text.contains("ZJ2026000012"),
        "{text}"
    );
    assert!(text.contains("2017年9月"), "入学年月 {text}");
    for blank in [
        "浙江省义务教育证书",
        "浙江省教育厅监制",
        "证书编号",
        "姓",
        "验印",
        "特发此证",
    ] {
        assert!(
            !text.contains(blank),
            "the blank has {blank} already: {text}"
        );
    }
    // Each datum lands in its box on the blank, moved by the printer's offset.
    let (fx, fy) = word_at(&full.pdf, "吴整页");
    let (ox, oy) = word_at(&over.pdf, "吴套打");
    assert!((ox - fx - 3.0).abs() < 0.1, "right {fx} → {ox}");
    assert!((oy - fy + 2.0).abs() < 0.1, "up {fy} → {oy}");
    let (fx, _) = word_at(&full.pdf, "ZJ2026000011");
    let (ox, _) = word_at(&over.pdf, "ZJ2026000012");
    assert!((ox - fx - 3.0).abs() < 0.1, "number {fx} → {ox}");
}

#[tokio::test]
async fn r26_1_the_calibration_page_goes_to_the_print_service_at_100_percent_and_its_mark_lands_at_the_offset()
 {
    let w = World::new(d(2026, 7, 10)).await;
    let t = &w.t;
    t.app
        .print_settings_set(
            &t.admin,
            &PrintSettings {
                certificate_mode: CertificateMode::Overprint,
                default_printer: None,
                printers: vec![PrinterOffset {
                    printer: "套打机".to_owned(),
                    right_mm: 2.5,
                    down_mm: 1.5,
                }],
            },
        )
        .await
        .expect("settings");
    // The test's "printer": a print-to-file queue that keeps the job and its options.
    let queue = tempfile::tempdir().expect("queue");
    let script = queue.path().join("lp");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{dir}/args'\nfor last; do :; done\ncp \"$last\" '{dir}/job.pdf'\necho 'request id is 套打机-7 (1 file(s))'\n",
            dir = queue.path().display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    t.app.set_print_service(PrintService {
        program: Some(script),
    });
    let page = t
        .app
        .print_calibration_page(&t.admin, Some("套打机"))
        .await
        .expect("calibration page");
    let text = pdf_text("calibration", &page);
    assert!(text.contains("校准页") && text.contains("套打机"), "{text}");
    assert!(
        text.contains("向右2.5mm") && text.contains("向下1.5mm"),
        "{text}"
    );
    let job = t
        .app
        .print_send(&t.admin, &page, Some("套打机"))
        .await
        .expect("sent");
    assert!(job.message.contains("套打机-7"), "{}", job.message);
    let args = std::fs::read_to_string(queue.path().join("args")).expect("args");
    let args: Vec<&str> = args.lines().collect();
    for a in [
        "-d",
        "套打机",
        "scaling=100",
        "fit-to-page=false",
        "print-scaling=none",
    ] {
        assert!(args.contains(&a), "{a} in {args:?}");
    }
    let printed = std::fs::read(queue.path().join("job.pdf")).expect("job");
    assert_eq!(printed, page, "the vector PDF itself, not a raster of it");
    // Each corner mark lands on the blank's frame corner moved by the offset.
    for (x, y) in [(10.0, 10.0), (200.0, 287.0)] {
        let (mx, my) = ink_centre(&printed, x, y, 9.0);
        assert!((mx - x - 2.5).abs() < 0.2, "mark ({x}, {y}) x at {mx}");
        assert!((my - y - 1.5).abs() < 0.2, "mark ({x}, {y}) y at {my}");
    }
    // Without a print service the UI prints through the browser instead.
    t.app.set_print_service(PrintService { program: None });
    let none = t
        .app
        .print_send(&t.admin, &page, None)
        .await
        .expect_err("no service");
    assert_eq!(none.kind, ErrorKind::Conflict);
}
