//! The over-print calibration page (校准页): printed on plain paper with a printer's offset, it is
//! laid on the province's blank certificate against the light. Four corner marks sit on the
//! blank's outer frame corners and a dashed box shows where each datum lands; the registrar
//! measures any difference and corrects the printer's offset in the settings.

use chrono::NaiveDate;

use crate::documents::certificate::FIELDS;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::rule::THIN;
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// The corner marks: the centres of the blank's outer frame corners, in mm from the top-left.
pub const MARKS: [(&str, f32, f32); 4] = [
    ("A", 10.0, 10.0),
    ("B", 200.0, 10.0),
    ("C", 10.0, 287.0),
    ("D", 200.0, 287.0),
];
/// The side of a mark's filled square, in mm.
pub const MARK_SIZE: f32 = 2.0;
/// How far a mark's cross arms reach from its centre, in mm.
pub const MARK_ARM: f32 = 5.0;

/// One calibration page for one printer.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationPage {
    pub printer: String,
    /// The offset under test (mm, right and down).
    pub right: f32,
    pub down: f32,
    pub printed_on: NaiveDate,
}

fn signed(mm: f32, plus: &str, minus: &str) -> String {
    if mm.abs() < 0.05 {
        "0 mm".to_owned()
    } else if mm > 0.0 {
        format!("{plus} {mm:.1} mm")
    } else {
        format!("{minus} {:.1} mm", -mm)
    }
}

impl CalibrationPage {
    fn offset_text(&self) -> String {
        format!(
            "水平{}，垂直{}",
            signed(self.right, "向右", "向左"),
            signed(self.down, "向下", "向上")
        )
    }
}

impl Document for CalibrationPage {
    fn title(&self) -> String {
        "证书套打校准页".to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("打印机", self.printer.clone()),
            ("偏移", self.offset_text()),
            ("打印日期", date(self.printed_on)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let page = sheets.new_page(PageSize::A4);
        page.shift(self.right, self.down);
        for (label, x, y) in MARKS {
            let half = MARK_SIZE / 2.0;
            page.fill_rect(x - half, y - half, MARK_SIZE, MARK_SIZE);
            page.line(x - MARK_ARM, y, x + MARK_ARM, y, THIN);
            page.line(x, y - MARK_ARM, x, y + MARK_ARM, THIN);
            // The label stays clear of the mark (a measurement window around it sees only ink
            // of the mark).
            let lx = if x < 105.0 { x + 12.0 } else { x - 12.0 };
            let ly = if y < 148.0 { y + 16.0 } else { y - 13.0 };
            let align = if x < 105.0 { Align::Left } else { Align::Right };
            page.text(lx, ly, TextStyle::SMALL, align, &format!("校准点{label}"));
        }
        for f in FIELDS {
            page.rect(f.x, f.top, f.width, f.height, THIN, true);
            page.text(
                f.x + 1.0,
                f.top + f.height - 1.2,
                TextStyle::plain(7.0),
                Align::Left,
                f.label,
            );
        }
        let title = TextStyle::plain(16.0).bold();
        page.text(105.0, 36.0, title, Align::Center, &self.title());
        let lines = [
            format!("打印机：{}", self.printer),
            format!("当前偏移：{}", self.offset_text()),
            format!("打印日期：{}", date(self.printed_on)),
        ];
        for (i, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = 192.0 + 6.5 * i as f32;
            page.text(25.0, y, TextStyle::BODY, Align::Left, line);
        }
        let steps = [
            "使用方法：",
            "1. 用普通白纸按实际大小（100%，不缩放、不适合页面）打印本页；",
            "2. 将本页与一张预印空白证书叠放对齐，对着光查看：四角的十字标记应落在空白证书外框的四个角上，",
            "   虚线框应落在空白证书对应的填写栏内；",
            "3. 如有偏差，用直尺量出距离，在“设置 → 打印”中调整该打印机的偏移量（向右、向下为正），",
            "   再打印本页核对，直到对准后再套打证书。",
        ];
        for (i, line) in steps.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = 214.0 + 6.0 * i as f32;
            page.text(25.0, y, TextStyle::SMALL, Align::Left, line);
        }
        Ok(())
    }
}
