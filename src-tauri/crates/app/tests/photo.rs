//! The archive's photo (R24.1: the certificate carries the student's photo; R8.2: the 学籍卡):
//! kept on file in the encrypted store, checked before it is kept, printed on the certificate and
//! the 学籍卡 in both print modes, and carried with the record in a transfer package.

mod common;
mod common_changes;

use common::d;
use common_changes::World;
use xueji_app::ErrorKind;
use xueji_app::batches::{GraduationInput, GraduationResultInput};
use xueji_app::documents::{DocumentRequest, PrintKind};

const PHOTO: &[u8] = include_bytes!("../../print/tests/assets/photo.jpg");

/// How many images a PDF holds (`pdfimages -list`, poppler-utils).
fn images(name: &str, pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write");
    if let Some(keep) = std::env::var_os("XUEJI_TEST_PDF_DIR") {
        let keep = std::path::Path::new(&keep);
        std::fs::create_dir_all(keep).expect("PDF folder");
        std::fs::write(keep.join(format!("{name}.pdf")), pdf).expect("keep");
    }
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("poppler-utils (pdfimages) must be installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .count()
}

fn print(kind: PrintKind, id: i64) -> DocumentRequest {
    DocumentRequest {
        approval: None,
        kind,
        student_ids: vec![id],
        filter: None,
        certificate: None,
    }
}

#[tokio::test]
async fn r24_1_the_certificate_and_the_record_card_print_the_photo_on_file() {
    let w = World::new(d(2026, 3, 10)).await;
    let t = &w.t;
    let id = w.pupil("孙照", d(2011, 4, 4), 61, 9).await;

    // Before a photo is on file, the card has an empty photo box.
    let card = t
        .app
        .document_print(&t.admin, &print(PrintKind::RecordCard, id))
        .await
        .expect("card");
    assert_eq!(images("card-without-photo", &card.pdf), 0);
    assert!(
        t.app
            .student_photo(&t.admin, id)
            .await
            .expect("photo")
            .is_none()
    );

    // What is not a photo, or too big, is refused and nothing is kept.
    let err = t
        .app
        .student_photo_set(&t.admin, id, b"%PDF-1.7 not a picture")
        .await
        .expect_err("not a photo");
    assert_eq!(err.kind, ErrorKind::Validation);
    assert!(err.message.contains("JPEG 或 PNG"), "{err}");
    let big = vec![0xFF; 3 * 1024 * 1024];
    let err = t
        .app
        .student_photo_set(&t.admin, id, &big)
        .await
        .expect_err("too big");
    assert!(err.message.contains("2 MB"), "{err}");
    assert!(
        t.app
            .student_photo(&t.admin, id)
            .await
            .expect("photo")
            .is_none()
    );

    let kept = t
        .app
        .student_photo_set(&t.admin, id, PHOTO)
        .await
        .expect("kept");
    assert_eq!(kept.mime, "image/jpeg");
    let back = t
        .app
        .student_photo(&t.admin, id)
        .await
        .expect("photo")
        .expect("on file");
    assert_eq!(back.data, PHOTO);
    let card = t
        .app
        .document_print(&t.admin, &print(PrintKind::RecordCard, id))
        .await
        .expect("card");
    assert_eq!(images("card-with-photo", &card.pdf), 1);

    // Graduated through the batch, the certificate carries the photo.
    t.clock.set_date(d(2026, 7, 10));
    t.app
        .graduation_confirm(
            &t.admin,
            &GraduationInput {
                grade: 9,
                results: vec![GraduationResultInput {
                    student_id: id,
                    programme_completed: true,
                    overall_quality_passed: true,
                    failed_subjects_after_makeup: 0,
                    aux_number: Some("ZJ2026000161".to_owned()),
                }],
                on: d(2026, 7, 1),
                bureau_reference: Some("西教学〔2026〕18号".to_owned()),
            },
        )
        .await
        .expect("graduated");
    let cert = t
        .app
        .document_print(&t.admin, &print(PrintKind::Certificate, id))
        .await
        .expect("certificate");
    assert_eq!(images("certificate-with-photo", &cert.pdf), 1);
}
