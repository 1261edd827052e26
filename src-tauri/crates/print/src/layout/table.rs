//! Data tables with ruled cells whose header row is repeated at the top of every page.

use crate::layout::grid::{BOTTOM, TOP};
use crate::layout::page::{Page, PageSize, Sheets};
use crate::layout::rule::{THICK, THIN};
use crate::layout::text::{Align, TextStyle};
use crate::layout::wrap::wrap;

const PAD: f32 = 1.2;

/// A column: header text, width in mm and alignment of its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, width: f32, align: Align) -> Self {
        Self {
            title: title.to_owned(),
            width,
            align,
        }
    }
}

/// A table of rows under repeated column headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub x: f32,
    pub columns: Vec<Column>,
    pub style: TextStyle,
}

impl Table {
    pub fn new(x: f32, columns: Vec<Column>) -> Self {
        Self {
            x,
            columns,
            style: TextStyle::SMALL,
        }
    }

    fn width(&self) -> f32 {
        self.columns.iter().map(|c| c.width).sum()
    }

    /// Draws `rows` from `top`; on every new page `continued` draws the page heading and returns
    /// where the table resumes, and the header row is repeated. Returns the bottom edge.
    pub fn draw(
        &self,
        sheets: &mut Sheets,
        top: f32,
        size: PageSize,
        rows: &[Vec<String>],
        continued: &dyn Fn(&mut Page) -> f32,
    ) -> f32 {
        let titles: Vec<String> = self.columns.iter().map(|c| c.title.clone()).collect();
        let mut y = self.row(sheets.page(), top, &titles, true);
        let mut block_top = top;
        for cells in rows {
            let h = self.height(sheets.page(), cells);
            if y + h > size.height - BOTTOM {
                sheets
                    .page()
                    .rect(self.x, block_top, self.width(), y - block_top, THICK, false);
                let page = sheets.new_page(size);
                block_top = continued(page).max(TOP);
                y = self.row(page, block_top, &titles, true);
            }
            y = self.row(sheets.page(), y, cells, false);
        }
        sheets
            .page()
            .rect(self.x, block_top, self.width(), y - block_top, THICK, false);
        y
    }

    fn lines(&self, page: &Page, cells: &[String]) -> Vec<Vec<String>> {
        self.columns
            .iter()
            .zip(cells)
            .map(|(c, text)| wrap(page.font(), self.style, text, c.width - 2.0 * PAD))
            .collect()
    }

    fn height(&self, page: &Page, cells: &[String]) -> f32 {
        let n = self
            .lines(page, cells)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        #[allow(clippy::cast_precision_loss)]
        let h = n as f32 * self.style.line_height() + 2.0 * PAD;
        h.max(7.0)
    }

    /// Draws one row at `y`; returns its bottom edge.
    fn row(&self, page: &mut Page, y: f32, cells: &[String], header: bool) -> f32 {
        let h = self.height(page, cells);
        let lines = self.lines(page, cells);
        let line_h = self.style.line_height();
        let style = if header {
            self.style.bold()
        } else {
            self.style
        };
        let mut x = self.x;
        for (column, lines) in self.columns.iter().zip(&lines) {
            page.rect(x, y, column.width, h, THIN, false);
            #[allow(clippy::cast_precision_loss)]
            let first = y + (h - lines.len() as f32 * line_h) / 2.0 + line_h * 0.78;
            let align = if header { Align::Center } else { column.align };
            let anchor = match align {
                Align::Left => x + PAD,
                Align::Center => x + column.width / 2.0,
                Align::Right => x + column.width - PAD,
            };
            for (i, line) in lines.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                page.text(anchor, first + i as f32 * line_h, style, align, line);
            }
            x += column.width;
        }
        y + h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_repeated_on_every_page() {
        let mut sheets = Sheets::new("t").expect("font");
        sheets.new_page(PageSize::A4_LANDSCAPE);
        let table = Table::new(
            15.0,
            vec![
                Column::new("序号", 15.0, Align::Center),
                Column::new("姓名", 40.0, Align::Left),
            ],
        );
        let rows: Vec<Vec<String>> = (1..=80)
            .map(|i| vec![i.to_string(), "王小明".to_owned()])
            .collect();
        table.draw(&mut sheets, 30.0, PageSize::A4_LANDSCAPE, &rows, &|_| TOP);
        assert!(sheets.pages().len() >= 3);
        for page in sheets.pages() {
            let first_cell = page.runs().iter().find(|r| r.text == "序号");
            assert!(first_cell.is_some(), "header missing on a page");
        }
        let last = sheets.pages().last().expect("pages");
        assert!(last.runs().iter().any(|r| r.text == "80"));
    }
}
