//! 毕(结、肄)业证明书 (R26.2): issued instead of a lost certificate (never reissued), with its
//! own serial number from the issued-document log, sealed by the school and the bureau.

use chrono::NaiveDate;
use xueji_domain::completion::Outcome;
use xueji_domain::id_card::Sex;
use xueji_domain::{AuxNumber, IdCardNumber, PersonName, XuejiNumber};

use crate::documents::certificate::statement;
use crate::documents::letter::{self, LEFT, RIGHT};
use crate::documents::{Document, date, year_month};
use crate::error::Result;
use crate::layout::boxes::{PHOTO_HEIGHT, PHOTO_WIDTH, photo, seal_box};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// The data printed on a completion proof.
#[derive(Clone, Debug, PartialEq)]
pub struct CompletionProof {
    /// Serial number from the issued-document log, e.g. 西文学证〔2025〕第007号.
    pub serial: String,
    pub name: PersonName,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub id_number: Option<IdCardNumber>,
    pub xueji_number: XuejiNumber,
    pub school: String,
    pub study_from: NaiveDate,
    pub study_to: NaiveDate,
    pub outcome: Outcome,
    /// The lost certificate's number (its 学籍辅号), when known.
    pub certificate_number: Option<AuxNumber>,
    pub issued_on: NaiveDate,
    pub photo: Option<Vec<u8>>,
}

impl CompletionProof {
    fn id_text(&self) -> String {
        self.id_number
            .as_ref()
            .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
    }

    fn certificate_text(&self) -> String {
        self.certificate_number
            .as_ref()
            .map_or_else(|| "不详".to_owned(), |n| n.as_str().to_owned())
    }
}

impl Document for CompletionProof {
    fn title(&self) -> String {
        format!("{}证明书", self.outcome.label_zh())
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("编号", self.serial.clone()),
            ("姓名", self.name.as_str().to_owned()),
            ("性别", self.sex.label_zh().to_owned()),
            ("出生日期", date(self.birth_date)),
            ("身份证件号码", self.id_text()),
            ("学籍号", self.xueji_number.as_str().to_owned()),
            ("入学年月", year_month(self.study_from)),
            ("离校年月", year_month(self.study_to)),
            ("学校名称", self.school.clone()),
            ("结论", self.outcome.label_zh().to_owned()),
            ("原证书编号", self.certificate_text()),
            ("学校名称", self.school.clone()),
            ("开具日期", date(self.issued_on)),
        ]
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let page = sheets.new_page(PageSize::A4);
        let serial = format!("编号：{}", self.serial);
        let y = letter::head(page, &self.title(), Some(&serial));
        page.text(
            105.0,
            y - 6.0,
            TextStyle::SMALL,
            Align::Center,
            "（《浙江省义务教育证书》遗失证明）",
        );
        let photo_x = RIGHT - PHOTO_WIDTH;
        photo(sheets, photo_x, y + 2.0, "照片", self.photo.as_deref())?;
        let page = sheets.page();
        let mut text_y = y + 10.0;
        let lines = [
            format!("姓名：{}", self.name.as_str()),
            format!("性别：{}", self.sex.label_zh()),
            format!("出生日期：{}", date(self.birth_date)),
            format!("身份证件号码：{}", self.id_text()),
            format!("学籍号：{}", self.xueji_number.as_str()),
        ];
        for line in &lines {
            page.text(LEFT, text_y, letter::BODY, Align::Left, line);
            text_y += letter::PITCH;
        }
        let mut y = (y + 2.0 + PHOTO_HEIGHT + 14.0).max(text_y + 6.0);
        let body = format!(
            "该生于{}至{}在{}学习，{}，{}《浙江省义务教育证书》（证书编号：{}）。因原证书遗失，根据《浙江省义务教育阶段学生学籍管理办法》第二十六条的规定，原证书不予补发，特出具此证明书。",
            year_month(self.study_from),
            year_month(self.study_to),
            self.school,
            statement(self.outcome),
            match self.outcome {
                Outcome::Incomplete => "曾获",
                _ => "已获",
            },
            self.certificate_text(),
        );
        y = letter::body(page, y, &body);
        y = letter::body(page, y, "本证明书经主管教育行政部门核验盖章后有效。");
        seal_box(page, LEFT, y + 4.0, 62.0, 44.0, "主管教育行政部门核验盖章");
        letter::closing(page, y, &self.school, self.issued_on, "学校盖章");
        Ok(())
    }
}
