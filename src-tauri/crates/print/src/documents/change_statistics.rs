//! 学籍变动统计表: the number of changes per type per semester, with totals.

use chrono::NaiveDate;

use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::boxes::signature_line;
use crate::layout::table::{Column, Table};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// Counts of changes: one row per change type, one column per semester.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeStatistics {
    pub school: String,
    /// Column headings, e.g. 2024学年第一学期.
    pub semesters: Vec<String>,
    /// (change type, count per semester).
    pub rows: Vec<(String, Vec<u32>)>,
    pub printed_on: NaiveDate,
}

const TITLE: &str = "学籍变动统计表";

impl ChangeStatistics {
    fn table_rows(&self) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|(kind, counts)| {
                let mut row = vec![kind.clone()];
                row.extend(
                    self.semesters
                        .iter()
                        .enumerate()
                        .map(|(i, _)| counts.get(i).copied().unwrap_or(0).to_string()),
                );
                row.push(counts.iter().sum::<u32>().to_string());
                row
            })
            .collect();
        let mut total = vec!["合计".to_owned()];
        for i in 0..=self.semesters.len() {
            let sum: u32 = if i < self.semesters.len() {
                self.rows
                    .iter()
                    .map(|(_, c)| c.get(i).copied().unwrap_or(0))
                    .sum()
            } else {
                self.rows.iter().map(|(_, c)| c.iter().sum::<u32>()).sum()
            };
            total.push(sum.to_string());
        }
        out.push(total);
        out
    }
}

impl Document for ChangeStatistics {
    fn title(&self) -> String {
        TITLE.to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("学校名称", self.school.clone()),
            ("统计日期", date(self.printed_on)),
        ];
        out.extend(self.semesters.iter().map(|s| ("学期", s.clone())));
        for row in self.table_rows() {
            let mut cells = row.into_iter();
            if let Some(kind) = cells.next() {
                out.push(("变动类型", kind));
            }
            out.extend(cells.map(|c| ("人数", c)));
        }
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let size = PageSize::A4;
        let page = sheets.new_page(size);
        page.text(
            105.0,
            26.0,
            TextStyle::TITLE.spaced(1.0),
            Align::Center,
            TITLE,
        );
        page.text(
            20.0,
            38.0,
            TextStyle::BODY,
            Align::Left,
            &format!("学校（盖章）：{}", self.school),
        );
        page.text(
            190.0,
            38.0,
            TextStyle::BODY,
            Align::Right,
            &format!("统计日期：{}", date(self.printed_on)),
        );
        let n = self.semesters.len().max(1);
        #[allow(clippy::cast_precision_loss)]
        let w = (170.0 - 34.0 - 22.0) / n as f32;
        let mut columns = vec![Column::new("变动类型", 34.0, Align::Center)];
        columns.extend(
            self.semesters
                .iter()
                .map(|s| Column::new(&s.replacen("学年", "学年\n", 1), w, Align::Center)),
        );
        columns.push(Column::new("合计", 22.0, Align::Center));
        let table = Table {
            style: TextStyle::plain(10.0),
            ..Table::new(20.0, columns)
        };
        let bottom = table.draw(sheets, 44.0, size, &self.table_rows(), &|_| 20.0);
        let page = sheets.page();
        let x = signature_line(page, 20.0, bottom + 14.0, "填表人：", 30.0);
        signature_line(page, x + 20.0, bottom + 14.0, "学校负责人：", 30.0);
        Ok(())
    }

    fn numbered(&self) -> bool {
        true
    }
}
