//! The import report: one line per problem (row, column, value, rule, message), and the same
//! sheet saved back as .xlsx with the bad cells marked.

use rust_xlsxwriter::{Color, Format, Note, Workbook, XlsxError};

use crate::error::{AppError, Result};

/// One problem in one cell (or one row when `column` is empty).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    /// The row as Excel numbers it (1 = first row).
    pub row: u32,
    /// The column's header as written in the file.
    pub column: String,
    /// The cell as read (personal data: shown to the registrar, never logged).
    pub value: String,
    /// The rule it breaks (`R7.1`, `R7.2`), if any.
    pub rule: Option<String>,
    pub message: String,
}

/// What a check found. `cells` keeps the sheet as read, to save it back with the marks.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Data rows read (the header row not counted, blank rows skipped).
    pub rows: u32,
    /// Rows with no problem.
    pub valid_rows: u32,
    pub problems: Vec<ImportProblem>,
    #[serde(skip)]
    #[specta(skip)]
    pub(crate) sheet: Sheet,
}

/// The sheet as read: header row, then the data rows with their Excel row numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
}

/// The outcome of a commit: written, or refused with the report.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportCommitView {
    pub committed: bool,
    pub imported: u32,
    pub report: ImportReport,
}

impl ImportReport {
    /// True when nothing is wrong and there is at least one row.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.rows > 0
    }

    /// The sheet as read with every bad cell filled red and a note giving the problem, and a
    /// second sheet `问题清单` listing the problems.
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        self.write_xlsx()
            .map_err(|e| AppError::internal(format!("无法生成导入报告：{e}")))
    }

    fn write_xlsx(&self) -> std::result::Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let bad = Format::new().set_background_color(Color::RGB(0x00FF_C7CE));
        let bold = Format::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name("学生名单")?;
        let col_of = |name: &str| self.sheet.headers.iter().position(|h| h == name);
        for (c, h) in self.sheet.headers.iter().enumerate() {
            sheet.write_string_with_format(0, u16::try_from(c).unwrap_or(u16::MAX), h, &bold)?;
        }
        // Report rows are laid out as read: the header in row 1, then data rows in order.
        let mut line_of = std::collections::HashMap::new();
        for (i, (excel_row, cells)) in self.sheet.rows.iter().enumerate() {
            let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
            line_of.insert(*excel_row, line);
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(line, u16::try_from(c).unwrap_or(u16::MAX), v)?;
            }
        }
        let mut notes = std::collections::BTreeMap::<(u32, u16), Vec<&str>>::new();
        for p in &self.problems {
            let (Some(line), Some(c)) = (line_of.get(&p.row), col_of(&p.column)) else {
                continue;
            };
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            notes
                .entry((*line, c))
                .or_default()
                .push(p.message.as_str());
        }
        for ((line, c), messages) in &notes {
            let value = self
                .sheet
                .rows
                .get(*line as usize - 1)
                .and_then(|(_, cells)| cells.get(usize::from(*c)))
                .map_or("", String::as_str);
            sheet.write_string_with_format(*line, *c, value, &bad)?;
            sheet.insert_note(
                *line,
                *c,
                &Note::new(messages.join("\n")).set_author("学籍"),
            )?;
        }
        let list = book.add_worksheet();
        list.set_name("问题清单")?;
        for (c, h) in ["行", "列", "内容", "规则", "说明"].iter().enumerate() {
            list.write_string_with_format(0, u16::try_from(c).unwrap_or(0), *h, &bold)?;
        }
        for (i, p) in self.problems.iter().enumerate() {
            let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
            list.write_number(r, 0, p.row)?;
            list.write_string(r, 1, &p.column)?;
            list.write_string(r, 2, &p.value)?;
            list.write_string(r, 3, p.rule.as_deref().unwrap_or(""))?;
            list.write_string(r, 4, &p.message)?;
        }
        book.save_to_buffer()
    }
}
