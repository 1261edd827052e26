//! 班级花名册: a class roster on landscape A4 pages, the header row and the page heading repeated
//! on every page.

use chrono::NaiveDate;
use xueji_domain::Status;

use crate::documents::approval::StudentBlock;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::page::Page;
use crate::layout::table::{Column, Table};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// One roster line.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterEntry {
    pub student: StudentBlock,
    pub ethnicity: String,
    pub guardian: String,
    pub phone: String,
    pub status: Status,
}

/// A class roster.
#[derive(Clone, Debug, PartialEq)]
pub struct Roster {
    pub school: String,
    pub school_year: String,
    pub class: String,
    pub head_teacher: String,
    pub entries: Vec<RosterEntry>,
    pub printed_on: NaiveDate,
}

const TITLE: &str = "学生花名册";

/// Dates in the narrow roster column: 2012-10-10.
fn short_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn id_text(s: &StudentBlock) -> String {
    s.id_number
        .as_ref()
        .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
}

impl Roster {
    fn heading(&self, page: &mut Page, continued: bool) -> f32 {
        let title = format!("{}{}{}{}", self.school, self.school_year, self.class, TITLE);
        let title = if continued {
            format!("{title}（续）")
        } else {
            title
        };
        page.text(
            148.5,
            16.0,
            TextStyle::plain(15.0).bold(),
            Align::Center,
            &title,
        );
        let line = format!(
            "班主任：{}　　人数：{}　　打印日期：{}",
            self.head_teacher,
            self.entries.len(),
            date(self.printed_on)
        );
        page.text(15.0, 24.0, TextStyle::SMALL, Align::Left, &line);
        27.0
    }
}

impl Document for Roster {
    fn title(&self) -> String {
        format!("{}{}{}{}", self.school, self.school_year, self.class, TITLE)
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("班主任", self.head_teacher.clone()),
            ("打印日期", date(self.printed_on)),
        ];
        for e in &self.entries {
            let s = &e.student;
            out.extend([
                ("学籍号", s.xueji_number.printed()),
                ("姓名", s.name.as_str().to_owned()),
                ("性别", s.sex.label_zh().to_owned()),
                ("出生日期", short_date(s.birth_date)),
                ("身份证件号码", id_text(s)),
                ("民族", e.ethnicity.clone()),
                ("家庭住址", s.address.clone()),
                ("监护人", e.guardian.clone()),
                ("联系电话", e.phone.clone()),
                ("学籍状态", e.status.label_zh().to_owned()),
            ]);
        }
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let size = PageSize::A4_LANDSCAPE;
        let page = sheets.new_page(size);
        let top = self.heading(page, false);
        let table = Table::new(
            15.0,
            vec![
                Column::new("序号", 10.0, Align::Center),
                Column::new("学籍号", 39.0, Align::Left),
                Column::new("姓名", 24.0, Align::Left),
                Column::new("性别", 10.0, Align::Center),
                Column::new("出生日期", 22.0, Align::Center),
                Column::new("身份证件号码", 37.0, Align::Left),
                Column::new("民族", 16.0, Align::Center),
                Column::new("家庭住址", 55.0, Align::Left),
                Column::new("监护人", 18.0, Align::Left),
                Column::new("联系电话", 24.0, Align::Left),
                Column::new("状态", 12.0, Align::Center),
            ],
        );
        let rows: Vec<Vec<String>> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let s = &e.student;
                vec![
                    (i + 1).to_string(),
                    s.xueji_number.printed(),
                    s.name.as_str().to_owned(),
                    s.sex.label_zh().to_owned(),
                    short_date(s.birth_date),
                    id_text(s),
                    e.ethnicity.clone(),
                    s.address.clone(),
                    e.guardian.clone(),
                    e.phone.clone(),
                    e.status.label_zh().to_owned(),
                ]
            })
            .collect();
        table.draw(sheets, top, size, &rows, &|page| self.heading(page, true));
        Ok(())
    }

    fn numbered(&self) -> bool {
        true
    }
}
