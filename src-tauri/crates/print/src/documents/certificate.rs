//! 《浙江省义务教育证书》 (R24.1–R26.1): photo, identity, years of study, outcome 毕业 / 结业 /
//! 肄业, certificate number = 学籍辅号, the bureau's 验印 box, the school's seal and the issue date.
//!
//! The form is the province's blank (省教育厅监制, R26.1) plus the student's data at fixed places
//! ([`FIELDS`]). [`PrintMode::Full`] prints both on plain paper (previews, schools that print the
//! whole form); [`PrintMode::Overprint`] prints only the data, moved by the printer's offset, onto
//! a pre-printed blank. The calibration page ([`super::calibration`]) marks the same places.

use chrono::NaiveDate;
use xueji_domain::completion::Outcome;
use xueji_domain::id_card::Sex;
use xueji_domain::{AuxNumber, IdCardNumber, PersonName, XuejiNumber};

use crate::documents::{Document, date, year_month};
use crate::error::Result;
use crate::layout::boxes::{
    PHOTO_HEIGHT, PHOTO_WIDTH, photo, photo_only, seal_area, seal_box, signature_line,
};
use crate::layout::rule::{THICK, THIN};
use crate::layout::text::{Align, TextStyle, width};
use crate::layout::{Page, PageSize, Sheets};

/// The data printed on one certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Certificate {
    /// The certificate's name as the rule profile gives it (R24.1): 浙江省义务教育证书.
    pub title: String,
    pub name: PersonName,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// Absent for students without a resident ID (J numbers).
    pub id_number: Option<IdCardNumber>,
    pub xueji_number: XuejiNumber,
    pub school: String,
    /// First month of study at this level.
    pub study_from: NaiveDate,
    /// Last month of study.
    pub study_to: NaiveDate,
    pub outcome: Outcome,
    /// Certificate number: the 学籍辅号 (R26.1).
    pub number: AuxNumber,
    pub issued_on: NaiveDate,
    /// The archive's photo (JPEG or PNG), if any.
    pub photo: Option<Vec<u8>>,
    /// The whole form, or only the data onto the pre-printed blank.
    pub mode: PrintMode,
}

/// How a certificate is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum PrintMode {
    /// The whole form on plain paper.
    #[default]
    Full,
    /// Only the data, onto the province's pre-printed blank, moved right and down by the
    /// printer's offset in millimetres (negative: left, up).
    Overprint { right: f32, down: f32 },
}

/// Where one datum goes on the blank: its box (mm from the page's top-left) and the baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldBox {
    pub label: &'static str,
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

impl FieldBox {
    const fn new(label: &'static str, x: f32, top: f32, width: f32, height: f32) -> Self {
        Self {
            label,
            x,
            top,
            width,
            height,
        }
    }

    /// The baseline of a text line in the box.
    pub fn baseline(&self) -> f32 {
        self.top + self.height * 0.72
    }
}

/// The grid of identity rows beside the photo.
const GRID_X: f32 = 70.0;
const GRID_LABEL_W: f32 = 30.0;
const GRID_VALUE_W: f32 = 85.0;
const GRID_TOP: f32 = 72.0;
const ROW_H: f32 = PHOTO_HEIGHT / 5.0;
const VALUE_X: f32 = GRID_X + GRID_LABEL_W;
/// Body lines.
const BODY_1: f32 = 141.0;
const BODY_2: f32 = 157.0;
const BODY_3: f32 = 173.0;
const BODY_H: f32 = 10.0;

/// The data's places on the blank, in printing order (the photo box first).
pub const FIELDS: [FieldBox; 12] = [
    FieldBox::new("照片", 25.0, GRID_TOP, PHOTO_WIDTH, PHOTO_HEIGHT),
    FieldBox::new("证书编号", 151.0, 55.0, 42.0, 9.0),
    FieldBox::new("姓名", VALUE_X, GRID_TOP, GRID_VALUE_W, ROW_H),
    FieldBox::new("性别", VALUE_X, GRID_TOP + ROW_H, GRID_VALUE_W, ROW_H),
    FieldBox::new(
        "出生日期",
        VALUE_X,
        GRID_TOP + 2.0 * ROW_H,
        GRID_VALUE_W,
        ROW_H,
    ),
    FieldBox::new(
        "身份证件号码",
        VALUE_X,
        GRID_TOP + 3.0 * ROW_H,
        GRID_VALUE_W,
        ROW_H,
    ),
    FieldBox::new(
        "学籍号",
        VALUE_X,
        GRID_TOP + 4.0 * ROW_H,
        GRID_VALUE_W,
        ROW_H,
    ),
    FieldBox::new("入学年月", 42.0, BODY_1, 38.0, BODY_H),
    FieldBox::new("离校年月", 89.0, BODY_1, 38.0, BODY_H),
    FieldBox::new("学校名称", 25.0, BODY_2, 135.0, BODY_H),
    FieldBox::new("结论", 25.0, BODY_3, 125.0, BODY_H),
    FieldBox::new("发证日期", 142.0, 251.0, 45.0, 9.0),
];

fn field(label: &str) -> FieldBox {
    FIELDS
        .iter()
        .copied()
        .find(|f| f.label == label)
        .unwrap_or(FIELDS[0])
}

/// The Zhejiang certificate's name (the seed profile's).
pub const ZHEJIANG_TITLE: &str = "浙江省义务教育证书";

/// The statement for each outcome (R25.1–R25.3).
pub(crate) fn statement(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Graduated => "修完义务教育阶段规定课程，成绩合格，准予毕业",
        Outcome::Completed => "修完义务教育阶段规定课程，准予结业",
        Outcome::Incomplete => "未完成义务教育阶段规定学业，准予肄业",
    }
}

impl Certificate {
    fn id_text(&self) -> String {
        self.id_number
            .as_ref()
            .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
    }
}

impl Document for Certificate {
    fn title(&self) -> String {
        self.title.clone()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("证书编号", self.number.as_str().to_owned()),
            ("姓名", self.name.as_str().to_owned()),
            ("性别", self.sex.label_zh().to_owned()),
            ("出生日期", date(self.birth_date)),
            ("身份证件号码", self.id_text()),
            ("学籍号", self.xueji_number.as_str().to_owned()),
            ("入学年月", year_month(self.study_from)),
            ("离校年月", year_month(self.study_to)),
            ("学校名称", self.school.clone()),
            ("结论", self.outcome.label_zh().to_owned()),
            ("发证日期", date(self.issued_on)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let full = self.mode == PrintMode::Full;
        let page = sheets.new_page(PageSize::A4);
        if let PrintMode::Overprint { right, down } = self.mode {
            page.shift(right, down);
        }
        if full {
            blank_top(page, &self.title);
        }
        // The photo goes in first: the blank's frame is drawn over it.
        let photo_box = field("照片");
        match (&self.photo, full) {
            (_, true) => photo(
                sheets,
                photo_box.x,
                photo_box.top,
                "照片",
                self.photo.as_deref(),
            )?,
            (Some(bytes), false) => photo_only(sheets, photo_box.x, photo_box.top, "照片", bytes)?,
            (None, false) => {}
        }
        let page = sheets.page();
        let mut form = Form { page, full };
        form.blank(150.0, 62.0, TextStyle::BODY, Align::Right, "证书编号：");
        form.value(
            "证书编号",
            TextStyle::BODY,
            Align::Left,
            self.number.as_str(),
        );
        let rows = [
            ("姓　　名", "姓名", self.name.as_str().to_owned()),
            ("性　　别", "性别", self.sex.label_zh().to_owned()),
            ("出生日期", "出生日期", date(self.birth_date)),
            ("身份证件号码", "身份证件号码", self.id_text()),
            (
                "学　籍　号",
                "学籍号",
                self.xueji_number.as_str().to_owned(),
            ),
        ];
        if full {
            grid_lines(form.page);
        }
        let cell = TextStyle::plain(11.0);
        for (label, name, value) in &rows {
            let f = field(name);
            form.blank(
                GRID_X + GRID_LABEL_W / 2.0,
                f.baseline(),
                cell,
                Align::Center,
                label,
            );
            form.value(name, cell, Align::Left, value);
        }
        let body = TextStyle::plain(14.0);
        let b1 = field("入学年月").baseline();
        form.blank(25.0, b1, body, Align::Left, "\u{3000}该生于");
        form.value(
            "入学年月",
            body,
            Align::Center,
            &year_month(self.study_from),
        );
        form.blank(82.0, b1, body, Align::Left, "至");
        form.value("离校年月", body, Align::Center, &year_month(self.study_to));
        form.blank(129.0, b1, body, Align::Left, "在");
        form.value("学校名称", body, Align::Center, &self.school);
        form.blank(
            162.0,
            field("学校名称").baseline(),
            body,
            Align::Left,
            "学习，",
        );
        form.value("结论", body, Align::Center, statement(self.outcome));
        form.blank(
            152.0,
            field("结论").baseline(),
            body,
            Align::Left,
            "。特发此证。",
        );
        if full {
            blank_bottom(form.page);
        }
        form.value(
            "发证日期",
            TextStyle::BODY,
            Align::Left,
            &date(self.issued_on),
        );
        Ok(())
    }
}

/// Draws the blank's parts only in full mode and the data always, each at its fixed place.
struct Form<'a> {
    page: &'a mut Page,
    full: bool,
}

impl Form<'_> {
    fn blank(&mut self, x: f32, baseline: f32, style: TextStyle, align: Align, text: &str) {
        if self.full {
            self.page.text(x, baseline, style, align, text);
        }
    }

    /// A datum in its box: left-aligned or centred, the font shrunk until it fits.
    fn value(&mut self, name: &str, style: TextStyle, align: Align, text: &str) {
        let f = field(name);
        let mut style = style;
        while style.size > 7.0 && width(self.page.font(), style, text) > f.width - 1.0 {
            style = TextStyle::plain(style.size - 0.5);
        }
        let x = match align {
            Align::Center => f.x + f.width / 2.0,
            Align::Right => f.x + f.width,
            Align::Left => f.x + 1.0,
        };
        if self.full && f.top > GRID_TOP + PHOTO_HEIGHT {
            // The blank's fill-in line under a body or date box.
            let y = f.baseline() + 1.5;
            self.page.line(f.x, y, f.x + f.width, y, THIN);
        }
        self.page.text(x, f.baseline(), style, align, text);
    }
}

fn blank_top(page: &mut Page, title: &str) {
    page.rect(10.0, 10.0, 190.0, 277.0, THICK * 2.0, false);
    page.rect(13.0, 13.0, 184.0, 271.0, THIN, false);
    page.text(
        105.0,
        45.0,
        TextStyle::plain(26.0).bold().spaced(2.5),
        Align::Center,
        title,
    );
}

fn grid_lines(page: &mut Page) {
    let w = GRID_LABEL_W + GRID_VALUE_W;
    page.rect(GRID_X, GRID_TOP, w, PHOTO_HEIGHT, THIN, false);
    for i in 1..5 {
        #[allow(clippy::cast_precision_loss)]
        let y = GRID_TOP + ROW_H * i as f32;
        page.line(GRID_X, y, GRID_X + w, y, THIN);
    }
    page.line(VALUE_X, GRID_TOP, VALUE_X, GRID_TOP + PHOTO_HEIGHT, THIN);
}

fn blank_bottom(page: &mut Page) {
    seal_box(page, 25.0, 192.0, 62.0, 48.0, "教育行政部门验印");
    seal_area(page, 150.0, 212.0, "学校盖章");
    signature_line(page, 118.0, 246.0, "校长：", 40.0);
    let issued = field("发证日期");
    page.text(
        issued.x - 1.0,
        issued.baseline(),
        TextStyle::BODY,
        Align::Right,
        "发证日期：",
    );
    page.text(
        105.0,
        277.0,
        TextStyle::plain(9.0),
        Align::Center,
        "浙江省教育厅监制",
    );
}
