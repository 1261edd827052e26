//! Boxes of official forms: the 2-inch photo, signature and date lines, seal areas.

use printpdf::{Op, XObjectTransform};

use crate::error::Result;
use crate::layout::page::{Page, Sheets};
use crate::layout::rule::THIN;
use crate::layout::text::{Align, TextStyle, width};
use crate::layout::{PT_PER_MM, pt_to_mm};

/// A 2-inch ID photo (二寸照片), 35 × 49 mm.
pub const PHOTO_WIDTH: f32 = 35.0;
pub const PHOTO_HEIGHT: f32 = 49.0;

/// Draws the photo box at (`x`, `y`) on the current page: the archive's JPEG/PNG scaled to fit
/// and centred, or an empty ruled box labelled 照片 when there is none.
pub fn photo(sheets: &mut Sheets, x: f32, y: f32, field: &str, image: Option<&[u8]>) -> Result<()> {
    photo_inside(sheets, x, y, field, image, true)
}

/// Only the photo, scaled into the box at (`x`, `y`), without frame or label (over-printing
/// onto a blank whose box is already printed); nothing without a photo.
pub fn photo_only(sheets: &mut Sheets, x: f32, y: f32, field: &str, image: &[u8]) -> Result<()> {
    photo_inside(sheets, x, y, field, Some(image), false)
}

fn photo_inside(
    sheets: &mut Sheets,
    x: f32,
    y: f32,
    field: &str,
    image: Option<&[u8]>,
    frame: bool,
) -> Result<()> {
    let placed = match image {
        Some(bytes) => Some(sheets.add_image(field, bytes)?),
        None => None,
    };
    let page = sheets.page();
    match placed {
        Some((id, px_w, px_h)) if px_w > 0.0 && px_h > 0.0 => {
            // At 72 dpi one pixel is one point; scale so the image fits inside the box.
            let scale = (PHOTO_WIDTH * PT_PER_MM / px_w).min(PHOTO_HEIGHT * PT_PER_MM / px_h);
            let (w, h) = (pt_to_mm(px_w * scale), pt_to_mm(px_h * scale));
            let left = x + (PHOTO_WIDTH - w) / 2.0;
            let bottom = y + f32::midpoint(PHOTO_HEIGHT, h);
            let origin = page.point(left, bottom);
            let transform = XObjectTransform {
                translate_x: Some(origin.x),
                translate_y: Some(origin.y),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..XObjectTransform::default()
            };
            page.ops.push(Op::UseXobject { id, transform });
        }
        _ if !frame => {}
        _ => {
            let cx = x + PHOTO_WIDTH / 2.0;
            let cy = y + PHOTO_HEIGHT / 2.0;
            page.text(cx, cy - 1.0, TextStyle::BODY, Align::Center, "照片");
            page.text(
                cx,
                cy + 5.0,
                TextStyle::plain(7.5),
                Align::Center,
                "（二寸免冠）",
            );
        }
    }
    // The frame goes on top of the image.
    if frame {
        page.rect(x, y, PHOTO_WIDTH, PHOTO_HEIGHT, THIN, false);
    }
    page.keep_out(x, y, PHOTO_WIDTH, PHOTO_HEIGHT, field);
    Ok(())
}

/// "label：__________" with the line `line_width` mm long; returns the right end.
pub fn signature_line(page: &mut Page, x: f32, baseline: f32, label: &str, line_width: f32) -> f32 {
    let style = TextStyle::BODY;
    let w = page.text(x, baseline, style, Align::Left, label);
    let start = x + w + 1.0;
    page.line(
        start,
        baseline + 1.0,
        start + line_width,
        baseline + 1.0,
        THIN,
    );
    start + line_width
}

/// "年　月　日" with blanks for handwriting, right-aligned at `right`; a given date is printed.
pub fn date_line(page: &mut Page, right: f32, baseline: f32, date: Option<chrono::NaiveDate>) {
    let text = match date {
        Some(d) => crate::layout::date_zh(d),
        None => "      年    月    日".to_owned(),
    };
    page.text(right, baseline, TextStyle::BODY, Align::Right, &text);
}

/// Radius of a seal area (official seals are about 40 mm across).
pub const SEAL_RADIUS: f32 = 19.0;

/// A seal area: a dashed circle (about the size of an official seal) with its label in small type.
pub fn seal_area(page: &mut Page, cx: f32, cy: f32, label: &str) {
    page.circle(cx, cy, SEAL_RADIUS, THIN, true);
    page.text(cx, cy + 1.5, TextStyle::plain(8.0), Align::Center, label);
    let d = 2.0 * SEAL_RADIUS;
    page.keep_out(cx - SEAL_RADIUS, cy - SEAL_RADIUS, d, d, label);
}

/// A labelled box for a seal (e.g. the bureau's 验印), `w` × `h` mm, label on top inside.
pub fn seal_box(page: &mut Page, x: f32, y: f32, w: f32, h: f32, label: &str) {
    page.rect(x, y, w, h, THIN, true);
    page.text(
        x + w / 2.0,
        y + 6.0,
        TextStyle::plain(9.0),
        Align::Center,
        label,
    );
    page.keep_out(x, y, w, h, label);
}

/// The signature/seal/date footer of an opinion cell: "签字：____ （盖章）" and the date line,
/// bottom-right inside the box whose right edge is `right` and bottom edge `bottom`.
pub fn opinion_footer(
    page: &mut Page,
    right: f32,
    bottom: f32,
    signer: &str,
    seal: bool,
    on: Option<chrono::NaiveDate>,
) {
    let style = TextStyle::BODY;
    let seal_text = if seal { "（盖章）" } else { "" };
    let label = format!("{signer}：");
    let tail = width(page.font(), style, seal_text);
    let line_width = 28.0;
    let total = width(page.font(), style, &label) + 1.0 + line_width + 2.0 + tail;
    let x = right - 4.0 - total;
    let end = signature_line(page, x, bottom - 10.0, &label, line_width);
    if seal {
        page.text(end + 2.0, bottom - 10.0, style, Align::Left, seal_text);
    }
    date_line(page, right - 4.0, bottom - 3.5, on);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::PageSize;

    #[test]
    fn an_empty_photo_box_is_labelled_and_a_photo_is_placed() {
        let mut sheets = Sheets::new("t").expect("font");
        sheets.new_page(PageSize::A4);
        photo(&mut sheets, 20.0, 20.0, "照片", None).expect("empty box");
        assert!(sheets.pages()[0].runs().iter().any(|r| r.text == "照片"));
        let png = crate::samples::photo_png();
        photo(&mut sheets, 80.0, 20.0, "照片", Some(&png)).expect("png photo");
        assert!(
            sheets.pages()[0]
                .ops
                .iter()
                .any(|op| matches!(op, Op::UseXobject { .. }))
        );
    }

    #[test]
    fn a_broken_photo_is_an_error_naming_the_field() {
        let mut sheets = Sheets::new("t").expect("font");
        sheets.new_page(PageSize::A4);
        let err =
            photo(&mut sheets, 20.0, 20.0, "学生照片", Some(b"not an image")).expect_err("bad");
        assert!(err.to_string().contains("学生照片"));
    }
}
