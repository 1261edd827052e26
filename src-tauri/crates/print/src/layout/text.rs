//! Text styles and measured text: size, letter spacing (titles) and a faux bold (fill + stroke)
//! so one Regular weight is enough; widths in millimetres; alignment. [`Page::text`] draws them.
//!
//! [`Page::text`]: crate::layout::Page::text

use printpdf::{Color, Greyscale, Pt};

use crate::font::Font;
use crate::layout::{PT_PER_MM, pt_to_mm};

/// Horizontal alignment relative to the `x` given when drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Size in points, faux bold, and extra space after each character in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub bold: bool,
    pub spacing: f32,
}

impl TextStyle {
    /// Body text of forms.
    pub const BODY: Self = Self::plain(10.5);
    /// Table cells and notes.
    pub const SMALL: Self = Self::plain(9.0);
    /// Form titles.
    pub const TITLE: Self = Self {
        size: 18.0,
        bold: true,
        spacing: 1.0,
    };

    pub const fn plain(size: f32) -> Self {
        Self {
            size,
            bold: false,
            spacing: 0.0,
        }
    }

    #[must_use]
    pub const fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    #[must_use]
    pub const fn spaced(self, spacing: f32) -> Self {
        Self { spacing, ..self }
    }

    /// The line pitch for wrapped text, in mm.
    pub fn line_height(self) -> f32 {
        pt_to_mm(self.size) * 1.45
    }
}

/// The width of `text` in `style`, in millimetres.
pub fn width(font: &Font, style: TextStyle, text: &str) -> f32 {
    let chars = text.chars().count();
    #[allow(clippy::cast_precision_loss)]
    let spacing = style.spacing * chars.saturating_sub(1) as f32;
    pt_to_mm(font.width_pt(text, style.size)) + spacing
}

/// Black in the grey colour space.
pub fn black() -> Color {
    grey(0.0)
}

/// A grey, 0 black to 1 white.
pub fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

/// Millimetres to points (for line widths given in mm).
pub fn mm_pt(mm: f32) -> Pt {
    Pt(mm * PT_PER_MM)
}

#[cfg(test)]
mod tests {
    use printpdf::{Op, TextRenderingMode};

    use super::*;
    use crate::layout::{PageSize, Sheets};

    #[test]
    fn runs_are_placed_by_their_measured_width() {
        let mut sheets = Sheets::new("t").expect("font");
        let page = sheets.new_page(PageSize::A4);
        let style = TextStyle::BODY;
        let w = page.text(100.0, 50.0, style, Align::Center, "学籍管理");
        page.text(190.0, 60.0, style, Align::Right, "学籍管理");
        page.text(20.0, 70.0, style, Align::Left, "学籍管理");
        let runs = page.runs();
        assert!((w - 4.0 * pt_to_mm(10.5)).abs() < 0.01, "{w}");
        assert!((runs[0].x - (100.0 - w / 2.0)).abs() < 0.01);
        assert!((runs[1].x + runs[1].width - 190.0).abs() < 0.01);
        assert!((runs[2].x - 20.0).abs() < 0.01);
        assert!(runs[0].top < 50.0 && runs[0].top + runs[0].height > 50.0);
    }

    #[test]
    fn letter_spacing_widens_and_bold_strokes_the_outline() {
        let mut sheets = Sheets::new("t").expect("font");
        let font = sheets.page().font();
        let plain = width(font, TextStyle::TITLE.spaced(0.0), "证书");
        assert!((width(font, TextStyle::TITLE.spaced(2.0), "证书") - plain - 2.0).abs() < 0.01);
        let page = sheets.page();
        page.text(20.0, 20.0, TextStyle::TITLE, Align::Left, "证书");
        let stroked = page.ops.iter().any(|op| {
            matches!(
                op,
                Op::SetTextRenderingMode {
                    mode: TextRenderingMode::FillStroke
                }
            )
        });
        assert!(stroked);
        assert!(
            page.text(20.0, 30.0, TextStyle::BODY, Align::Left, "")
                .abs()
                < f32::EPSILON
        );
        assert_eq!(page.runs().len(), 1);
    }
}
