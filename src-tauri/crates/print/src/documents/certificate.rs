//! 《浙江省义务教育证书》 (R24.1–R26.1): photo, identity, years of study, outcome 毕业 / 结业 /
//! 肄业, certificate number = 学籍辅号, the bureau's 验印 box, the school's seal and the issue date.

use chrono::NaiveDate;
use xueji_domain::completion::Outcome;
use xueji_domain::id_card::Sex;
use xueji_domain::{AuxNumber, IdCardNumber, PersonName, XuejiNumber};

use crate::documents::{Document, date, year_month};
use crate::error::Result;
use crate::layout::boxes::{PHOTO_HEIGHT, photo, seal_area, seal_box, signature_line};
use crate::layout::grid::{Cell, Grid, Row};
use crate::layout::rule::{THICK, THIN};
use crate::layout::text::{Align, TextStyle};
use crate::layout::wrap::paragraph;
use crate::layout::{PageSize, Sheets};

/// The data printed on one certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Certificate {
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
}

const TITLE: &str = "浙江省义务教育证书";

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
        TITLE.to_owned()
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
        let size = PageSize::A4;
        let page = sheets.new_page(size);
        page.rect(10.0, 10.0, 190.0, 277.0, THICK * 2.0, false);
        page.rect(13.0, 13.0, 184.0, 271.0, THIN, false);
        page.text(
            105.0,
            45.0,
            TextStyle::plain(26.0).bold().spaced(2.5),
            Align::Center,
            TITLE,
        );
        let number = format!("证书编号：{}", self.number.as_str());
        page.text(185.0, 62.0, TextStyle::BODY, Align::Right, &number);

        photo(sheets, 25.0, 72.0, "照片", self.photo.as_deref())?;
        let rows = vec![
            Row::new(vec![
                Cell::label(30.0, "姓　　名"),
                Cell::value(85.0, self.name.as_str()),
            ]),
            Row::new(vec![
                Cell::label(30.0, "性　　别"),
                Cell::value(85.0, self.sex.label_zh()),
            ]),
            Row::new(vec![
                Cell::label(30.0, "出生日期"),
                Cell::value(85.0, &date(self.birth_date)),
            ]),
            Row::new(vec![
                Cell::label(30.0, "身份证件号码"),
                Cell::value(85.0, &self.id_text()),
            ]),
            Row::new(vec![
                Cell::label(30.0, "学　籍　号"),
                Cell::value(85.0, self.xueji_number.as_str()),
            ]),
        ];
        let grid = Grid {
            style: TextStyle::plain(11.0),
            ..Grid::new(70.0, rows)
        };
        let bottom = grid.draw(sheets, 72.0, size).max(72.0 + PHOTO_HEIGHT);

        let body = format!(
            "\u{3000}\u{3000}该生于{}至{}在{}学习，{}。特发此证。",
            year_month(self.study_from),
            year_month(self.study_to),
            self.school,
            statement(self.outcome)
        );
        let page = sheets.page();
        paragraph(
            page,
            25.0,
            bottom + 20.0,
            160.0,
            TextStyle::plain(15.0),
            12.0,
            &body,
        );

        seal_box(page, 25.0, 192.0, 62.0, 48.0, "教育行政部门验印");
        seal_area(page, 150.0, 212.0, "学校盖章");
        signature_line(page, 118.0, 246.0, "校长：", 40.0);
        let issued = format!("发证日期：{}", date(self.issued_on));
        page.text(118.0, 258.0, TextStyle::BODY, Align::Left, &issued);
        page.text(
            105.0,
            277.0,
            TextStyle::plain(9.0),
            Align::Center,
            "浙江省教育厅监制",
        );
        Ok(())
    }
}
