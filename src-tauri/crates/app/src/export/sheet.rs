//! Writing an export workbook: every sheet starts with the marking (who exported it, when, under
//! which approval and for what), repeats it in the printed header and footer, and the workbook's
//! properties carry it too, so a copy found anywhere tells where it came from (R30.1, R30.2).

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{DocProperties, Format, FormatBorder, Workbook, XlsxError};

use crate::error::{AppError, Result};

/// The facts every exported file carries.
#[derive(Clone, Debug)]
pub struct Marking {
    pub school: String,
    pub title: String,
    /// `显示名（用户名）`
    pub exported_by: String,
    pub exported_at: DateTime<Utc>,
    pub approval_ref: String,
    pub purpose: String,
}

impl Marking {
    /// The one-line mark written above the table.
    pub fn line(&self) -> String {
        format!(
            "导出人：{}　导出时间：{}　批准文号：{}　用途：{}",
            self.exported_by,
            crate::clock::beijing(self.exported_at).format("%Y-%m-%d %H:%M"),
            self.approval_ref,
            self.purpose
        )
    }
}

/// The warning under the mark.
pub const NOTICE: &str = "本表含学生个人信息，仅限上述用途使用，不得转给他人或公开（《浙江省义务教育阶段学生学籍管理办法》第三十条）";

/// One sheet: a name, column headers and text rows.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub sheet: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The rows above a table's header: title, mark, notice, blank.
pub const HEADER_ROW: u32 = 4;

/// Writes the tables as one workbook, each on its own sheet, each marked.
pub fn workbook(marking: &Marking, tables: &[Table]) -> Result<Vec<u8>> {
    write(marking, tables).map_err(|e| AppError::internal(format!("无法生成导出文件：{e}")))
}

fn write(marking: &Marking, tables: &[Table]) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{}{}", marking.school, marking.title))
            .set_author(&marking.exported_by)
            .set_company(&marking.school)
            .set_keywords(format!("批准文号：{}", marking.approval_ref))
            .set_comment(marking.line()),
    );
    let title = Format::new().set_bold().set_font_size(14);
    let mark = Format::new().set_font_color("#C00000");
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9E1F2")
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    // Header and footer text: `&` starts a control code there, so it is doubled.
    let printed = marking.line().replace('&', "&&");
    for table in tables {
        let ws = book.add_worksheet();
        ws.set_name(&table.sheet)?;
        ws.write_string_with_format(0, 0, format!("{}{}", marking.school, marking.title), &title)?;
        ws.write_string_with_format(1, 0, marking.line(), &mark)?;
        ws.write_string_with_format(2, 0, NOTICE, &mark)?;
        for (c, name) in table.columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(HEADER_ROW, c, name, &head)?;
            ws.set_column_width(c, 14)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = HEADER_ROW + 1 + u32::try_from(r).unwrap_or(u32::MAX - HEADER_ROW - 1);
            for (c, value) in row.iter().enumerate() {
                // Every value is text: an ID number written as a number loses its last digits.
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                ws.write_string_with_format(r, c, value, &cell)?;
            }
        }
        ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
        ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
        ws.set_landscape();
        ws.set_header(format!("&L&8{printed}"));
        ws.set_footer("&L&8导出文件　不得外传&R&8第 &P 页，共 &N 页");
    }
    if tables.is_empty() {
        let ws = book.add_worksheet();
        ws.write_string(0, 0, marking.line())?;
    }
    book.save_to_buffer()
}
