//! 学籍档案移交清单: the list that goes with archives handed from this school to another body,
//! signed by both sides: the 升学 hand-over of a 小学 graduating class to the 初中 the pupils enter
//! (R9.1), and the semester-end hand-over of migrant children's dropout archives to the county of
//! household registration (R18.2). One row per archive, the header repeated on every page, and the
//! count with the signatures of who handed over and who received.

use chrono::NaiveDate;

use crate::documents::approval::StudentBlock;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::page::Page;
use crate::layout::table::{Column, Table};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// Which hand-over the list is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoverKind {
    /// 升学 (R9.1): the last column is the graduation outcome and date.
    Progression,
    /// 随迁子女辍学 (R18.2): the last column is the 户口所在地 the archive goes to.
    MigrantDropout,
}

impl HandoverKind {
    pub fn title(self) -> &'static str {
        match self {
            Self::Progression => "小学毕业生升学学籍档案移交清单",
            Self::MigrantDropout => "随迁子女辍学学籍档案移交清单",
        }
    }

    fn basis(self) -> &'static str {
        match self {
            Self::Progression => {
                "依据《浙江省义务教育阶段学生学籍管理办法》第九条：学生升学的，学籍档案转至升入学校，本校保留电子备份。"
            }
            Self::MigrantDropout => {
                "依据《浙江省义务教育阶段学生学籍管理办法》第十八条：随迁子女辍学的，学期末将其学籍档案转交户籍所在地县级教育行政部门。"
            }
        }
    }

    fn last_column(self) -> &'static str {
        match self {
            Self::Progression => "毕业情况",
            Self::MigrantDropout => "户口所在地",
        }
    }
}

/// One archive on the list.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoverEntry {
    pub student: StudentBlock,
    /// 毕业（2026年7月1日） or the 户口所在地.
    pub detail: String,
}

/// The hand-over list.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoverList {
    pub kind: HandoverKind,
    pub serial: String,
    /// The school handing over.
    pub school: String,
    /// Who receives: the junior school, or the county bureau of household registration.
    pub receiver: String,
    pub entries: Vec<HandoverEntry>,
    pub printed_on: NaiveDate,
}

fn short_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn id_text(s: &StudentBlock) -> String {
    s.id_number
        .as_ref()
        .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
}

const SIZE: PageSize = PageSize::A4_LANDSCAPE;

impl HandoverList {
    fn heading(&self, page: &mut Page, continued: bool) -> f32 {
        let title = self.kind.title();
        let title = if continued {
            format!("{title}（续）")
        } else {
            title.to_owned()
        };
        page.text(
            148.5,
            16.0,
            TextStyle::plain(15.0).bold(),
            Align::Center,
            &title,
        );
        page.text(
            282.0,
            16.0,
            TextStyle::SMALL,
            Align::Right,
            &format!("编号：{}", self.serial),
        );
        let line = format!(
            "移交单位：{}　　接收单位：{}　　共 {} 人",
            self.school,
            self.receiver,
            self.entries.len()
        );
        page.text(15.0, 24.0, TextStyle::SMALL, Align::Left, &line);
        27.0
    }

    fn rows(&self) -> Vec<Vec<String>> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let s = &e.student;
                vec![
                    (i + 1).to_string(),
                    s.name.as_str().to_owned(),
                    s.sex.label_zh().to_owned(),
                    short_date(s.birth_date),
                    id_text(s),
                    s.xueji_number.printed(),
                    s.class.clone(),
                    e.detail.clone(),
                    String::new(),
                ]
            })
            .collect()
    }

    /// The count and both sides' signatures, on a new page when the table filled this one.
    fn draw_signatures(&self, sheets: &mut Sheets, y: f32) {
        const BLOCK: f32 = 42.0;
        let y = if y + BLOCK > SIZE.height - 12.0 {
            sheets.new_page(SIZE);
            self.heading(sheets.page(), true)
        } else {
            y
        };
        let page = sheets.page();
        let style = TextStyle::plain(10.0);
        page.text(
            15.0,
            y + 8.0,
            style,
            Align::Left,
            &format!(
                "以上学籍档案共 {} 份，经双方逐份核对无误。",
                self.entries.len()
            ),
        );
        page.text(
            15.0,
            y + 14.0,
            TextStyle::SMALL,
            Align::Left,
            self.kind.basis(),
        );
        for (x, side) in [(15.0, "移交"), (155.0, "接收")] {
            page.text(
                x,
                y + 24.0,
                style,
                Align::Left,
                &format!("{side}单位（盖章）："),
            );
            page.text(
                x,
                y + 32.0,
                style,
                Align::Left,
                &format!("{side}人（签字）："),
            );
            page.text(
                x,
                y + 40.0,
                style,
                Align::Left,
                "日期：　　　年　　月　　日",
            );
        }
        page.text(
            282.0,
            y + 40.0,
            TextStyle::SMALL,
            Align::Right,
            &format!("打印日期：{}", date(self.printed_on)),
        );
    }
}

impl Document for HandoverList {
    fn title(&self) -> String {
        self.kind.title().to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("编号", self.serial.clone()),
            ("移交单位", self.school.clone()),
            ("接收单位", self.receiver.clone()),
        ];
        for e in &self.entries {
            let s = &e.student;
            out.extend([
                ("姓名", s.name.as_str().to_owned()),
                ("身份证件号码", id_text(s)),
                ("学籍号", s.xueji_number.printed()),
                ("原年级班级", s.class.clone()),
                (self.kind.last_column(), e.detail.clone()),
            ]);
        }
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let page = sheets.new_page(SIZE);
        let top = self.heading(page, false);
        let table = Table::new(
            15.0,
            vec![
                Column::new("序号", 10.0, Align::Center),
                Column::new("姓名", 22.0, Align::Left),
                Column::new("性别", 10.0, Align::Center),
                Column::new("出生日期", 22.0, Align::Center),
                Column::new("身份证件号码", 38.0, Align::Left),
                Column::new("学籍号", 44.0, Align::Left),
                Column::new("原年级班级", 28.0, Align::Left),
                Column::new(self.kind.last_column(), 63.0, Align::Left),
                Column::new("备注", 30.0, Align::Left),
            ],
        );
        let y = table.draw(sheets, top, SIZE, &self.rows(), &|page| {
            self.heading(page, true)
        });
        self.draw_signatures(sheets, y);
        Ok(())
    }

    fn numbered(&self) -> bool {
        true
    }
}
