//! The shared shape of letter-style documents (proofs, reports, decisions, notices): a title, an
//! optional serial number, an addressee, indented paragraphs, and the issuer's seal and date.

use chrono::NaiveDate;

use crate::layout::boxes::seal_area;
use crate::layout::page::Page;
use crate::layout::text::{Align, TextStyle};
use crate::layout::wrap::{paragraph, wrap};

/// Left and right text edges of a portrait letter, in mm.
pub const LEFT: f32 = 25.0;
pub const RIGHT: f32 = 185.0;
/// Body type and line pitch.
pub const BODY: TextStyle = TextStyle::plain(13.0);
pub const PITCH: f32 = 9.5;

/// Title and serial number; returns the first baseline below them.
pub fn head(page: &mut Page, title: &str, serial: Option<&str>) -> f32 {
    page.text(
        105.0,
        40.0,
        TextStyle::TITLE.spaced(1.5),
        Align::Center,
        title,
    );
    match serial {
        Some(s) => {
            page.text(105.0, 52.0, TextStyle::BODY, Align::Center, s);
            68.0
        }
        None => 60.0,
    }
}

/// An addressee line ("某某：") at the left edge; returns the next baseline.
pub fn addressee(page: &mut Page, y: f32, to: &str) -> f32 {
    paragraph(page, LEFT, y, RIGHT - LEFT, BODY, PITCH, &format!("{to}："))
}

/// Lines centred between the margins (a heading that may wrap); returns the next baseline.
pub fn centered(page: &mut Page, y: f32, style: TextStyle, text: &str) -> f32 {
    let mut y = y;
    for line in wrap(page.font(), style, text, RIGHT - LEFT) {
        page.text(f32::midpoint(LEFT, RIGHT), y, style, Align::Center, &line);
        y += PITCH;
    }
    y
}

/// An indented paragraph (two ideographic spaces); returns the next baseline.
pub fn body(page: &mut Page, y: f32, text: &str) -> f32 {
    paragraph(
        page,
        LEFT,
        y,
        RIGHT - LEFT,
        BODY,
        PITCH,
        &format!("\u{3000}\u{3000}{text}"),
    )
}

/// Offset from the last body baseline to the issuer's name line.
pub const ISSUER_OFFSET: f32 = 46.0;

/// The issuer's seal area, name and date at the right; returns the baseline below the date.
pub fn closing(page: &mut Page, y: f32, issuer: &str, date: NaiveDate, seal_label: &str) -> f32 {
    seal_area(page, 150.0, y + 20.0, seal_label);
    let base = y + ISSUER_OFFSET;
    page.text(RIGHT, base, BODY, Align::Right, issuer);
    page.text(
        RIGHT,
        base + PITCH,
        BODY,
        Align::Right,
        &crate::layout::date_zh(date),
    );
    base + 2.0 * PITCH
}
