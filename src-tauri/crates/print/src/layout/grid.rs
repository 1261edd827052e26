//! Ruled form grids: rows of label and value cells whose heights follow their wrapped text, and
//! opinion cells with a signature, seal and date footer. Rows never split across pages.

use crate::layout::boxes::opinion_footer;
use crate::layout::page::{PageSize, Sheets};
use crate::layout::rule::{THICK, THIN};
use crate::layout::text::{Align, TextStyle};
use crate::layout::wrap::wrap;

/// Top and bottom page margins in mm.
pub const TOP: f32 = 20.0;
pub const BOTTOM: f32 = 18.0;
/// Inner padding of a cell in mm.
const PAD: f32 = 1.8;

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum CellKind {
    /// A field name, centred.
    Label,
    /// A value, left-aligned.
    Value,
    /// An approving party's opinion: text at the top, signature, seal and date at the bottom.
    Opinion {
        signer: &'static str,
        seal: bool,
        /// The date printed on the date line (blank for handwriting when `None`).
        on: Option<chrono::NaiveDate>,
    },
}

/// One cell of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Width in mm.
    pub width: f32,
    pub text: String,
    pub kind: CellKind,
}

impl Cell {
    pub fn label(width: f32, text: &str) -> Self {
        Self {
            width,
            text: text.to_owned(),
            kind: CellKind::Label,
        }
    }
    pub fn value(width: f32, text: &str) -> Self {
        Self {
            width,
            text: text.to_owned(),
            kind: CellKind::Value,
        }
    }
    pub fn opinion(width: f32, text: &str, signer: &'static str, seal: bool) -> Self {
        Self {
            width,
            text: text.to_owned(),
            kind: CellKind::Opinion {
                signer,
                seal,
                on: None,
            },
        }
    }

    /// An opinion cell with its date filled in.
    #[must_use]
    pub fn dated(mut self, date: Option<chrono::NaiveDate>) -> Self {
        if let CellKind::Opinion { on, .. } = &mut self.kind {
            *on = date;
        }
        self
    }
}

/// A row: cells left to right and a minimum height in mm.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub min_height: f32,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Self {
        Self {
            cells,
            min_height: 9.0,
        }
    }
    pub fn tall(cells: Vec<Cell>, min_height: f32) -> Self {
        Self { cells, min_height }
    }
}

/// A ruled grid starting at `x`.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub x: f32,
    pub style: TextStyle,
    pub rows: Vec<Row>,
}

impl Grid {
    pub fn new(x: f32, rows: Vec<Row>) -> Self {
        Self {
            x,
            style: TextStyle::BODY,
            rows,
        }
    }

    /// Draws the grid from `top` on the current page, breaking to new pages between rows.
    /// Returns the bottom edge on the last page.
    pub fn draw(&self, sheets: &mut Sheets, top: f32, size: PageSize) -> f32 {
        let style = self.style;
        let line_h = style.line_height();
        let mut y = top;
        let mut block_top = top;
        for row in &self.rows {
            let font = sheets.page().font();
            let wrapped: Vec<Vec<String>> = row
                .cells
                .iter()
                .map(|c| wrap(font, style, &c.text, c.width - 2.0 * PAD))
                .collect();
            let footer = row
                .cells
                .iter()
                .any(|c| matches!(c.kind, CellKind::Opinion { .. }));
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            #[allow(clippy::cast_precision_loss)]
            let text_h = lines as f32 * line_h + 2.0 * PAD + if footer { 16.0 } else { 0.0 };
            let h = text_h.max(row.min_height);
            if y + h > size.height - BOTTOM && y > TOP + 0.1 {
                outline(sheets, self.x, block_top, self.width(), y - block_top);
                sheets.new_page(size);
                y = TOP;
                block_top = TOP;
            }
            let page = sheets.page();
            let mut x = self.x;
            for (cell, lines) in row.cells.iter().zip(&wrapped) {
                page.rect(x, y, cell.width, h, THIN, false);
                #[allow(clippy::cast_precision_loss)]
                let block = lines.len() as f32 * line_h;
                let first = match cell.kind {
                    CellKind::Opinion { .. } => y + PAD + line_h * 0.8,
                    _ => y + (h - block) / 2.0 + line_h * 0.78,
                };
                for (i, line) in lines.iter().enumerate() {
                    #[allow(clippy::cast_precision_loss)]
                    let baseline = first + i as f32 * line_h;
                    match cell.kind {
                        CellKind::Label => {
                            page.text(x + cell.width / 2.0, baseline, style, Align::Center, line)
                        }
                        _ => page.text(x + PAD, baseline, style, Align::Left, line),
                    };
                }
                if let CellKind::Opinion { signer, seal, on } = cell.kind {
                    opinion_footer(page, x + cell.width, y + h, signer, seal, on);
                }
                x += cell.width;
            }
            y += h;
        }
        outline(sheets, self.x, block_top, self.width(), y - block_top);
        y
    }

    /// The widest row's width.
    pub fn width(&self) -> f32 {
        self.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.width).sum::<f32>())
            .fold(0.0, f32::max)
    }
}

fn outline(sheets: &mut Sheets, x: f32, y: f32, w: f32, h: f32) {
    if h > 0.0 {
        sheets.page().rect(x, y, w, h, THICK, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_grow_with_their_text_and_break_across_pages() {
        let mut sheets = Sheets::new("t").expect("font");
        sheets.new_page(PageSize::A4);
        let long = "很长的家庭住址".repeat(12);
        let rows: Vec<Row> = (0..40)
            .map(|_| {
                Row::new(vec![
                    Cell::label(30.0, "家庭住址"),
                    Cell::value(140.0, &long),
                ])
            })
            .collect();
        let bottom = Grid::new(20.0, rows).draw(&mut sheets, 30.0, PageSize::A4);
        assert!(sheets.pages().len() > 2, "{}", sheets.pages().len());
        assert!(bottom < PageSize::A4.height - BOTTOM);
        for page in sheets.pages() {
            let runs = page.runs();
            for (i, a) in runs.iter().enumerate() {
                assert!(a.top + a.height < PageSize::A4.height - BOTTOM + 0.01);
                for b in &runs[i + 1..] {
                    assert!(!a.overlaps(b, 0.05), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn an_opinion_cell_has_signature_seal_and_date() {
        let mut sheets = Sheets::new("t").expect("font");
        sheets.new_page(PageSize::A4);
        let row = Row::tall(
            vec![
                Cell::label(30.0, "学校意见"),
                Cell::opinion(140.0, "同意。", "负责人", true),
            ],
            35.0,
        );
        Grid::new(20.0, vec![row]).draw(&mut sheets, 30.0, PageSize::A4);
        let texts: Vec<&str> = sheets.pages()[0]
            .runs()
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert!(
            texts.contains(&"负责人：") && texts.contains(&"（盖章）"),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.contains('年') && t.contains('日')),
            "{texts:?}"
        );
    }
}
