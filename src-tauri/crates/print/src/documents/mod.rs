//! The printable documents: data in, pages out. Each document lists the fields it prints (Chinese
//! field name and value, in reading order) so every character is checked against the font before
//! anything is drawn, and tests can find each value in the extracted text.

pub mod approval;
pub mod attendance_statement;
pub mod calibration;
pub mod cancellation_report;
pub mod certificate;
pub mod change_statistics;
pub mod completion_proof;
pub mod dropout_report;
pub mod handover_list;
pub mod hardship;
pub mod leave_order;
pub mod letter;
pub mod record_card;
pub mod roster;
pub mod sanction_decision;
pub mod sanction_lift_notice;

use crate::error::Result;
use crate::font::font;
use crate::layout::Sheets;

/// A printable document.
pub trait Document {
    /// The form's title as printed.
    fn title(&self) -> String;
    /// Every value printed from the data, with its Chinese field name, in reading order.
    fn fields(&self) -> Vec<(&'static str, String)>;
    /// Draws the document on new pages of `sheets`.
    fn draw(&self, sheets: &mut Sheets) -> Result<()>;
    /// Whether pages carry "第 i 页 共 n 页" (multi-page documents).
    fn numbered(&self) -> bool {
        false
    }
}

/// Refuses the document if any printed character is missing from the font (生僻字), naming the
/// character and the field.
pub fn check_glyphs(doc: &dyn Document) -> Result<()> {
    let font = font()?;
    font.check("文书标题", &doc.title())?;
    for (field, value) in doc.fields() {
        font.check(field, &value)?;
    }
    Ok(())
}

/// Renders one document to PDF bytes (as [`crate::batch::render`] would a batch of one).
pub fn render(doc: &dyn Document) -> Result<Vec<u8>> {
    check_glyphs(doc)?;
    let mut sheets = Sheets::new(&doc.title())?;
    draw_all(&mut sheets, &[doc], &mut |_, _| {})?;
    Ok(sheets.finish())
}

/// Draws every document into `sheets` (glyphs already checked), calling `progress(done, total)`
/// after each; page numbers restart with each document.
pub(crate) fn draw_all(
    sheets: &mut Sheets,
    docs: &[&dyn Document],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<()> {
    let total = docs.len();
    for (i, doc) in docs.iter().enumerate() {
        sheets.begin_document();
        doc.draw(sheets)?;
        if doc.numbered() {
            sheets.number_pages();
        }
        progress(i + 1, total);
    }
    Ok(())
}

/// A date as printed: 2025年7月1日.
pub(crate) fn date(d: chrono::NaiveDate) -> String {
    crate::layout::date_zh(d)
}

/// A year and month as printed: 2016年9月.
pub(crate) fn year_month(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月", d.year(), d.month())
}
