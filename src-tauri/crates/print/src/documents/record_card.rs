//! 学籍卡: the full record card: every data item, the photo, family members, placements by school
//! year and the change history. Once sanctions are purged at the end of studies (R23.3) they are
//! left out of the card.

use chrono::NaiveDate;
use xueji_domain::{Grade, SchoolYear, StudyMode};

use crate::documents::approval::StudentBlock;
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::boxes::{PHOTO_HEIGHT, PHOTO_WIDTH, photo};
use crate::layout::grid::{Cell, Grid, Row, TOP};
use crate::layout::page::Page;
use crate::layout::table::{Column, Table};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// A family member or guardian.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyMember {
    pub name: String,
    pub relation: String,
    pub employer: String,
    pub phone: String,
    pub is_guardian: bool,
}

/// The class a student was in during one school year.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub year: SchoolYear,
    pub grade: Grade,
    pub class: String,
    pub head_teacher: String,
}

/// One entry of the change history.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeEntry {
    pub date: NaiveDate,
    /// e.g. 转入, 休学, 处分（警告）.
    pub kind: String,
    pub detail: String,
    /// Approval or filing reference (文号), if any.
    pub reference: String,
    /// A discipline entry, left out once sanctions are purged (R23.3).
    pub is_sanction: bool,
}

/// The data printed on a record card.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordCard {
    pub student: StudentBlock,
    pub photo: Option<Vec<u8>>,
    pub ethnicity: String,
    pub nationality: String,
    pub birthplace: String,
    pub household_registration: String,
    pub health: String,
    pub study_mode: StudyMode,
    pub entered_on: NaiveDate,
    /// Further data items (label, value), printed two to a row.
    pub other_items: Vec<(String, String)>,
    pub family: Vec<FamilyMember>,
    pub placements: Vec<Placement>,
    pub changes: Vec<ChangeEntry>,
    /// Whether the end of studies has purged the discipline records (R23.3).
    pub sanctions_purged: bool,
}

const TITLE: &str = "浙江省义务教育阶段学生学籍卡";

impl RecordCard {
    /// The change history as printed: without sanctions once purged.
    pub fn printed_changes(&self) -> impl Iterator<Item = &ChangeEntry> {
        self.changes
            .iter()
            .filter(|c| !(self.sanctions_purged && c.is_sanction))
    }

    fn id_text(&self) -> String {
        self.student
            .id_number
            .as_ref()
            .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
    }

    fn head_rows(&self) -> Vec<(&'static str, String, &'static str, String)> {
        let s = &self.student;
        vec![
            (
                "姓名",
                s.name.as_str().to_owned(),
                "性别",
                s.sex.label_zh().to_owned(),
            ),
            (
                "出生日期",
                date(s.birth_date),
                "民族",
                self.ethnicity.clone(),
            ),
            (
                "身份证件号码",
                self.id_text(),
                "国籍",
                self.nationality.clone(),
            ),
            (
                "学籍号",
                s.xueji_number.printed(),
                "出生地",
                self.birthplace.clone(),
            ),
            (
                "入学日期",
                date(self.entered_on),
                "就读方式",
                self.study_mode.label_zh().to_owned(),
            ),
        ]
    }
}

fn section(page: &mut Page, y: f32, title: &str) -> f32 {
    page.text(
        20.0,
        y + 6.0,
        TextStyle::plain(11.0).bold(),
        Align::Left,
        title,
    );
    y + 9.0
}

/// Starts a new page for a section that does not fit, returning where to draw.
fn room(sheets: &mut Sheets, y: f32, needed: f32) -> f32 {
    if y + needed > PageSize::A4.height - 20.0 {
        sheets.new_page(PageSize::A4);
        TOP
    } else {
        y
    }
}

impl Document for RecordCard {
    fn title(&self) -> String {
        TITLE.to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        let mut out = Vec::new();
        for (l1, v1, l2, v2) in self.head_rows() {
            out.push((l1, v1));
            out.push((l2, v2));
        }
        out.extend([
            ("就读学校", s.school.clone()),
            ("年级班级", s.class.clone()),
            ("户籍所在地", self.household_registration.clone()),
            ("健康状况", self.health.clone()),
            ("家庭住址", s.address.clone()),
        ]);
        out.extend(
            self.other_items
                .iter()
                .map(|(_, v)| ("其他信息", v.clone())),
        );
        for m in &self.family {
            out.extend([
                ("家庭成员姓名", m.name.clone()),
                ("关系", m.relation.clone()),
                ("工作单位", m.employer.clone()),
                ("联系电话", m.phone.clone()),
            ]);
        }
        for p in &self.placements {
            out.extend([
                ("学年", p.year.label_zh()),
                ("年级", p.grade.label_zh().to_owned()),
                ("班级", p.class.clone()),
                ("班主任", p.head_teacher.clone()),
            ]);
        }
        for c in self.printed_changes() {
            out.extend([
                ("变动日期", date(c.date)),
                ("变动类型", c.kind.clone()),
                ("变动情况", c.detail.clone()),
                ("文号", c.reference.clone()),
            ]);
        }
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let y = self.draw_head(sheets)?;
        let y = self.draw_family(sheets, y);
        let y = self.draw_placements(sheets, y);
        self.draw_changes(sheets, y);
        Ok(())
    }

    fn numbered(&self) -> bool {
        true
    }
}

impl RecordCard {
    fn draw_head(&self, sheets: &mut Sheets) -> Result<f32> {
        let size = PageSize::A4;
        let s = &self.student;
        let page = sheets.new_page(size);
        page.text(
            105.0,
            24.0,
            TextStyle::plain(16.0).bold().spaced(0.5),
            Align::Center,
            TITLE,
        );
        let top = 32.0;
        // The first rows leave room for the photo at the right.
        let row_h = PHOTO_HEIGHT / 5.0;
        let mut rows: Vec<Row> = self
            .head_rows()
            .into_iter()
            .map(|(l1, v1, l2, v2)| {
                Row::tall(
                    vec![
                        Cell::label(24.0, l1),
                        Cell::value(45.0, &v1),
                        Cell::label(20.0, l2),
                        Cell::value(46.0, &v2),
                    ],
                    row_h,
                )
            })
            .collect();
        let small = TextStyle::plain(9.5);
        let head = Grid {
            style: small,
            ..Grid::new(20.0, std::mem::take(&mut rows))
        };
        let head_bottom = head.draw(sheets, top, size).max(top + PHOTO_HEIGHT);
        photo(
            sheets,
            190.0 - PHOTO_WIDTH,
            top,
            "照片",
            self.photo.as_deref(),
        )?;
        sheets.page().rect(
            190.0 - PHOTO_WIDTH,
            top,
            PHOTO_WIDTH,
            PHOTO_HEIGHT,
            0.5,
            false,
        );

        rows.push(Row::new(vec![
            Cell::label(24.0, "就读学校"),
            Cell::value(81.0, &s.school),
            Cell::label(20.0, "年级班级"),
            Cell::value(45.0, &s.class),
        ]));
        rows.push(Row::new(vec![
            Cell::label(24.0, "户籍所在地"),
            Cell::value(81.0, &self.household_registration),
            Cell::label(20.0, "健康状况"),
            Cell::value(45.0, &self.health),
        ]));
        rows.push(Row::new(vec![
            Cell::label(24.0, "家庭住址"),
            Cell::value(146.0, &s.address),
        ]));
        for pair in self.other_items.chunks(2) {
            let mut cells = Vec::new();
            for (label, value) in pair {
                cells.push(Cell::label(24.0, label));
                cells.push(Cell::value(
                    if pair.len() == 2 { 61.0 } else { 146.0 },
                    value,
                ));
            }
            rows.push(Row::new(cells));
        }
        let rest = Grid {
            style: small,
            ..Grid::new(20.0, rows)
        };
        Ok(rest.draw(sheets, head_bottom, size))
    }

    fn draw_family(&self, sheets: &mut Sheets, y: f32) -> f32 {
        let size = PageSize::A4;
        let mut y = y;
        y = room(sheets, y + 4.0, 30.0);
        y = section(sheets.page(), y, "家庭成员及监护人");
        let family = Table::new(
            20.0,
            vec![
                Column::new("姓名", 28.0, Align::Left),
                Column::new("关系", 18.0, Align::Center),
                Column::new("是否监护人", 20.0, Align::Center),
                Column::new("工作单位", 74.0, Align::Left),
                Column::new("联系电话", 30.0, Align::Left),
            ],
        );
        let rows: Vec<Vec<String>> = self
            .family
            .iter()
            .map(|m| {
                let guardian = if m.is_guardian { "是" } else { "否" };
                vec![
                    m.name.clone(),
                    m.relation.clone(),
                    guardian.to_owned(),
                    m.employer.clone(),
                    m.phone.clone(),
                ]
            })
            .collect();
        y = family.draw(sheets, y, size, &rows, &continued);

        y
    }

    fn draw_placements(&self, sheets: &mut Sheets, y: f32) -> f32 {
        let size = PageSize::A4;
        let mut y = y;
        y = room(sheets, y + 4.0, 30.0);
        y = section(sheets.page(), y, "历年编班情况");
        let placements = Table::new(
            20.0,
            vec![
                Column::new("学年", 40.0, Align::Center),
                Column::new("年级", 30.0, Align::Center),
                Column::new("班级", 50.0, Align::Center),
                Column::new("班主任", 50.0, Align::Center),
            ],
        );
        let rows: Vec<Vec<String>> = self
            .placements
            .iter()
            .map(|p| {
                vec![
                    p.year.label_zh(),
                    p.grade.label_zh().to_owned(),
                    p.class.clone(),
                    p.head_teacher.clone(),
                ]
            })
            .collect();
        y = placements.draw(sheets, y, size, &rows, &continued);

        y
    }

    fn draw_changes(&self, sheets: &mut Sheets, y: f32) {
        let size = PageSize::A4;
        let mut y = y;
        y = room(sheets, y + 4.0, 30.0);
        y = section(sheets.page(), y, "学籍变动记录");
        let changes = Table::new(
            20.0,
            vec![
                Column::new("日期", 30.0, Align::Center),
                Column::new("变动类型", 26.0, Align::Center),
                Column::new("变动情况", 74.0, Align::Left),
                Column::new("核准/备案文号", 40.0, Align::Left),
            ],
        );
        let rows: Vec<Vec<String>> = self
            .printed_changes()
            .map(|c| {
                vec![
                    date(c.date),
                    c.kind.clone(),
                    c.detail.clone(),
                    c.reference.clone(),
                ]
            })
            .collect();
        changes.draw(sheets, y, size, &rows, &continued);
    }
}

/// The heading of continuation pages.
fn continued(page: &mut Page) -> f32 {
    page.text(
        20.0,
        16.0,
        TextStyle::SMALL,
        Align::Left,
        &format!("{TITLE}（续）"),
    );
    TOP
}
