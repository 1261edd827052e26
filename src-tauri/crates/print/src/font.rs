//! The embedded Chinese serif font (Noto Serif SC Regular, SIL OFL 1.1, see `fonts/OFL.txt`):
//! parsed once per process, measured here, subset by printpdf in every PDF.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::{PrintError, Result};

/// The TrueType file shipped in the repository.
const FONT_BYTES: &[u8] = include_bytes!("../fonts/NotoSerifSC-Regular.ttf");

/// The parsed font with the metrics the layout needs.
#[derive(Debug)]
pub struct Font {
    parsed: ParsedFont,
    units_per_em: f32,
    /// Ascender above the baseline, in em.
    ascent: f32,
    /// Descender below the baseline (positive), in em.
    descent: f32,
    /// Advance width in em of every Basic Multilingual Plane character, looked up once at parse
    /// time (negative when the font has no glyph); other planes are looked up on demand.
    bmp_advances: Vec<f32>,
}

static FONT: OnceLock<std::result::Result<Font, String>> = OnceLock::new();

/// The process-wide font, parsed on first use (≈0.1 s) and shared afterwards.
pub fn font() -> Result<&'static Font> {
    FONT.get_or_init(Font::parse)
        .as_ref()
        .map_err(|e| PrintError::Font(e.clone()))
}

impl Font {
    fn parse() -> std::result::Result<Self, String> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(FONT_BYTES, 0, &mut warnings)
            .ok_or_else(|| "Noto Serif SC 字体文件解析失败".to_owned())?;
        let metrics = parsed.font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let bmp_advances = (0..=u32::from(u16::MAX))
            .map(|code| lookup(&parsed, code, units_per_em).unwrap_or(-1.0))
            .collect();
        Ok(Self {
            ascent: metrics.ascent / units_per_em,
            descent: metrics.descent.abs() / units_per_em,
            units_per_em,
            parsed,
            bmp_advances,
        })
    }

    /// The advance of `ch` in em, `None` when the font lacks it.
    fn advance(&self, ch: char) -> Option<f32> {
        let code = u32::from(ch);
        match usize::try_from(code)
            .ok()
            .and_then(|i| self.bmp_advances.get(i))
        {
            Some(&adv) => (adv >= 0.0).then_some(adv),
            None => lookup(&self.parsed, code, self.units_per_em),
        }
    }

    /// The parsed face, for adding to a `PdfDocument`.
    pub fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    /// Whether the font has a glyph for `ch`.
    pub fn has_glyph(&self, ch: char) -> bool {
        self.advance(ch).is_some()
    }

    /// The advance width of `ch` in em (0 when the font lacks it; callers check glyphs first).
    pub fn advance_em(&self, ch: char) -> f32 {
        self.advance(ch).unwrap_or(0.0)
    }

    /// The width of `text` set at `size` points, in points.
    pub fn width_pt(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }

    /// Ascender in em.
    pub fn ascent(&self) -> f32 {
        self.ascent
    }

    /// Descender in em (positive).
    pub fn descent(&self) -> f32 {
        self.descent
    }

    /// Checks every character of a field's value; line breaks are layout, not glyphs.
    pub fn check(&self, field: &str, value: &str) -> Result<()> {
        match value.chars().find(|&c| c != '\n' && !self.has_glyph(c)) {
            Some(ch) => Err(PrintError::MissingGlyph {
                field: field.to_owned(),
                ch,
            }),
            None => Ok(()),
        }
    }
}

/// The advance of the glyph for `code` in em, `None` without a (non-.notdef) glyph.
fn lookup(parsed: &ParsedFont, code: u32, units_per_em: f32) -> Option<f32> {
    parsed
        .lookup_glyph_index(code)
        .filter(|&gid| gid != 0)
        .map(|gid| f32::from(parsed.get_horizontal_advance(gid)) / units_per_em)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_is_parsed_once_and_shared() {
        let a = font().map(std::ptr::from_ref);
        let b = font().map(std::ptr::from_ref);
        assert!(a.is_ok());
        assert_eq!(a, b);
    }

    #[test]
    fn common_and_rare_name_characters_are_present() {
        let f = font().expect("embedded font parses");
        for ch in "张王·欧阳䶮喆堃昇0123456789X（）《》，。年月日".chars() {
            assert!(f.has_glyph(ch), "font lacks {ch}");
        }
    }

    #[test]
    fn a_character_the_font_lacks_is_refused_naming_it_and_the_field() {
        let f = font().expect("embedded font parses");
        // U+30EDE (biáng, CJK Extension G) is not in Noto Serif SC.
        let err = f.check("姓名", "王\u{30EDE}").expect_err("missing glyph");
        assert_eq!(
            err,
            PrintError::MissingGlyph {
                field: "姓名".to_owned(),
                ch: '\u{30EDE}'
            }
        );
        let message = err.to_string();
        assert!(
            message.contains("姓名") && message.contains('\u{30EDE}'),
            "{message}"
        );
        assert!(f.check("姓名", "王䶮\n").is_ok());
    }

    #[test]
    fn cjk_characters_are_one_em_wide_and_digits_narrower() {
        let f = font().expect("embedded font parses");
        assert!((f.width_pt("学籍", 10.0) - 20.0).abs() < 0.01);
        let digit = f.width_pt("0", 10.0);
        assert!(digit > 3.0 && digit < 7.0, "{digit}");
        assert!(f.ascent() > 0.8 && f.descent() > 0.1);
    }
}
