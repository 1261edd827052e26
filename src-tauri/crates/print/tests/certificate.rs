//! The certificate: subset font (a small file), one page per certificate, batches with progress.

mod common;

use xueji_print::documents::Document;
use xueji_print::{batch, render, samples};

#[test]
fn a_single_certificate_embeds_only_a_subset_of_the_font() {
    let pdf = render(&samples::certificate(1).expect("sample")).expect("pdf");
    // The full font is 14.8 MB; a subset of a few hundred glyphs stays far below 200 KB.
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    assert!(pdf.len() > 5_000, "{} bytes", pdf.len());
}

#[test]
fn each_outcome_prints_its_statement_and_number() {
    for i in 0..3 {
        let cert = samples::certificate(i).expect("sample");
        let pdf = render(&cert).expect("pdf");
        let text = common::squash(&common::text(&format!("cert-{i}"), &pdf));
        let verdict = format!("准予{}", cert.outcome.label_zh());
        assert!(text.contains(&verdict), "{verdict} in {text}");
        assert!(text.contains(&format!("证书编号：{}", cert.number.as_str())));
        assert!(
            text.contains("浙江省教育厅监制") && text.contains("验印") && text.contains("学校盖章")
        );
    }
}

#[test]
fn a_batch_puts_one_certificate_per_page_and_reports_progress() {
    let certs: Vec<_> = (0..12)
        .map(|i| samples::certificate(i).expect("sample"))
        .collect();
    let mut seen = Vec::new();
    let pdf = batch::render_all(&certs, &mut |done, total| seen.push((done, total))).expect("pdf");
    assert_eq!(seen, (1..=12).map(|d| (d, 12)).collect::<Vec<_>>());
    let text = common::text("cert-batch", &pdf);
    assert_eq!(text.matches('\u{c}').count(), 12, "one form feed per page");
    let fields: Vec<_> = certs.iter().flat_map(Document::fields).collect();
    common::assert_in_order(&text, &fields);
}

#[test]
fn a_jpeg_or_png_photo_is_embedded_and_a_missing_one_leaves_an_empty_box() {
    let mut cert = samples::certificate(0).expect("sample");
    cert.photo = Some(include_bytes!("assets/photo.jpg").to_vec());
    let with_jpeg = render(&cert).expect("jpeg photo");
    cert.photo = Some(samples::photo_png());
    let with_png = render(&cert).expect("png photo");
    cert.photo = None;
    let without = render(&cert).expect("no photo");
    assert_eq!(common::image_count("jpeg", &with_jpeg), 1);
    assert_eq!(common::image_count("png", &with_png), 1);
    assert_eq!(common::image_count("none", &without), 0);
    let text = common::squash(&common::text("no-photo", &without));
    assert!(text.contains("照片（二寸免冠）"), "{text}");
}
