//! Layout helpers: pages and their text runs, measured text, wrapping, ruled tables and forms,
//! photo, signature and seal boxes. Positions are millimetres from the page's top-left corner.

pub mod boxes;
pub mod grid;
pub mod page;
pub mod photo_check;
pub mod rule;
pub mod table;
pub mod text;
pub mod wrap;

pub use page::{Page, PageLayout, PageSize, Sheets, TextRun};
pub use text::{Align, TextStyle};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Converts points to millimetres.
pub fn pt_to_mm(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// A date as printed on forms: 2025年7月1日.
pub fn date_zh(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}
