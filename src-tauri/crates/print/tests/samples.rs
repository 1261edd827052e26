//! Every sample document: its text is extractable and in reading order, page 1 renders, is not
//! blank and has no overlapping text, every character drawn exists in the font.

mod common;

use xueji_print::documents::Document;
use xueji_print::{batch, font, samples};

fn docs(kind: &str) -> Vec<Box<dyn Document>> {
    samples::documents(kind).expect(kind)
}

/// Extracts the sample's text and finds the title and every field it was given, in order.
fn assert_fields_in_reading_order(kind: &str) {
    let docs = docs(kind);
    let pdf = samples::render(kind).expect(kind);
    let text = common::text(kind, &pdf);
    let mut fields = Vec::new();
    for doc in &docs {
        fields.push(("文书标题", doc.title()));
        fields.extend(doc.fields());
    }
    assert!(fields.len() > docs.len() * 3, "{kind}: too few fields");
    common::assert_in_order(&text, &fields);
}

/// One text-extraction test per document kind.
macro_rules! reading_order_tests {
    ($($test:ident => $kind:literal,)*) => {
        $(
            #[test]
            fn $test() {
                assert_fields_in_reading_order($kind);
            }
        )*

        #[test]
        fn every_sample_kind_has_a_reading_order_test() {
            let tested = [$($kind),*];
            for kind in samples::list() {
                assert!(tested.contains(&kind.key), "no reading-order test for {}", kind.key);
            }
        }
    };
}

reading_order_tests! {
    record_card_fields_in_order => "record_card",
    record_card_graduated_fields_in_order => "record_card:graduated",
    roster_fields_in_order => "roster",
    certificate_fields_in_order => "certificate",
    certificate_batch_fields_in_order => "certificate:batch",
    completion_proof_fields_in_order => "completion_proof",
    attendance_statement_fields_in_order => "attendance_statement",
    transfer_form_fields_in_order => "transfer_form",
    leave_form_fields_in_order => "leave_form",
    resume_form_fields_in_order => "resume_form",
    deferral_form_fields_in_order => "deferral_form",
    skip_form_fields_in_order => "skip_form",
    repeat_form_fields_in_order => "repeat_form",
    basic_data_change_form_fields_in_order => "basic_data_change_form",
    key_data_change_form_fields_in_order => "key_data_change_form",
    withdrawal_form_fields_in_order => "withdrawal_form",
    dropout_report_fields_in_order => "dropout_report",
    cancellation_report_fields_in_order => "cancellation_report",
    sanction_decision_fields_in_order => "sanction_decision",
    sanction_lift_notice_fields_in_order => "sanction_lift_notice",
    change_statistics_fields_in_order => "change_statistics",
    enrolment_approval_form_fields_in_order => "enrolment_approval_form",
    reform_school_form_fields_in_order => "reform_school_form",
    abroad_form_fields_in_order => "abroad_form",
    leave_order_fields_in_order => "leave_order",
    migrant_handover_list_fields_in_order => "migrant_handover_list",
    progression_handover_list_fields_in_order => "progression_handover_list",
    hardship_form_fields_in_order => "hardship_form",
}

#[test]
fn page_one_of_every_sample_renders_not_blank_and_without_overlapping_text() {
    for kind in samples::list() {
        let pdf = samples::render(kind.key).expect(kind.key);
        let (png, w, h, pixels) = common::render_page1(kind.key, &pdf);
        assert!(png.exists(), "{}", png.display());
        assert_eq!(pixels.len(), w * h, "{}", kind.key);
        let dark = pixels.iter().filter(|&&p| p < 160).count();
        #[allow(clippy::cast_precision_loss)]
        let share = dark as f64 / pixels.len() as f64;
        assert!(
            share > 0.005 && share < 0.4,
            "{}: dark share {share}",
            kind.key
        );

        let words = common::words_page1(kind.key, &pdf);
        assert!(words.len() > 5, "{}: {} words", kind.key, words.len());
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                // Poppler's boxes span the font's full ascent and descent (≈1.44 em): compare the
                // middle 70 % of their height, which is where the ink of CJK text is.
                let shrink = |w: &common::Word| {
                    let pad = (w.y1 - w.y0) * 0.15;
                    (w.y0 + pad, w.y1 - pad)
                };
                let ((ay0, ay1), (by0, by1)) = (shrink(a), shrink(b));
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = ay1.min(by1) - ay0.max(by0);
                assert!(
                    !(dx > 0.5 && dy > 0.5),
                    "{}: {a:?} overlaps {b:?}",
                    kind.key
                );
            }
        }
    }
}

#[test]
fn no_text_overlaps_other_text_or_enters_a_seal_or_photo_area_and_every_glyph_exists() {
    let font = font::font().expect("font");
    for kind in samples::list() {
        let docs = docs(kind.key);
        let refs: Vec<&dyn Document> = docs.iter().map(AsRef::as_ref).collect();
        let (_, pages) = batch::render_with_runs(&refs).expect(kind.key);
        for (n, page) in pages.iter().enumerate() {
            let runs = &page.runs;
            for (i, a) in runs.iter().enumerate() {
                for ch in a.text.chars() {
                    assert!(font.has_glyph(ch), "{}: {ch:?} in {:?}", kind.key, a.text);
                }
                for b in &runs[i + 1..] {
                    assert!(
                        !a.overlaps(b, 0.1),
                        "{} page {}: {a:?} overlaps {b:?}",
                        kind.key,
                        n + 1
                    );
                }
                for area in &page.keep_outs {
                    assert!(
                        area.contains(a) || !area.overlaps(a, 0.1),
                        "{} page {}: {a:?} enters {area:?}",
                        kind.key,
                        n + 1
                    );
                }
            }
            for (i, a) in page.keep_outs.iter().enumerate() {
                for b in &page.keep_outs[i + 1..] {
                    assert!(
                        !a.overlaps(b, 0.1),
                        "{} page {}: {a:?} overlaps {b:?}",
                        kind.key,
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn approval_forms_and_letters_fit_on_one_page() {
    for kind in samples::list() {
        let single = !matches!(
            kind.key,
            "certificate:batch" | "roster" | "record_card" | "record_card:graduated"
        );
        if !single {
            continue;
        }
        let docs = docs(kind.key);
        let refs: Vec<&dyn Document> = docs.iter().map(AsRef::as_ref).collect();
        let (_, pages) = batch::render_with_runs(&refs).expect(kind.key);
        assert_eq!(pages.len(), 1, "{} has {} pages", kind.key, pages.len());
    }
}
