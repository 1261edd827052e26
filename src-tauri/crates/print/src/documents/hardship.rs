//! 家庭经济困难学生认定申请表 (financial aid, archive section R8.2(6)): the student, the family
//! members with work and yearly income, the special-group boxes, the guardian's commitment, the
//! class assessment and the school's decision with the level and the aid granted.

use chrono::NaiveDate;

use crate::documents::approval::{Guardian, StudentBlock};
use crate::documents::{Document, date};
use crate::error::Result;
use crate::layout::grid::{Cell, Grid, Row};
use crate::layout::table::{Column, Table};
use crate::layout::text::{Align, TextStyle};
use crate::layout::{PageSize, Sheets};

/// The special groups a family may belong to (ticked boxes).
pub const SPECIAL_GROUPS: [&str; 8] = [
    "最低生活保障家庭",
    "特困供养人员",
    "孤儿",
    "事实无人抚养儿童",
    "残疾学生或残疾人子女",
    "烈士子女",
    "建档立卡脱贫户",
    "低保边缘家庭",
];

/// The factors an assessment weighs, in the order of 教财〔2018〕16号 (《关于做好家庭经济困难学生
/// 认定工作的指导意见》, 第六条): the form ticks the ones the application relies on.
pub const HARDSHIP_FACTORS: [&str; 6] = [
    "家庭经济因素",
    "特殊群体因素",
    "地域因素",
    "突发状况因素",
    "学生消费因素",
    "其他影响家庭经济状况的因素",
];

/// The assessed level of hardship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HardshipLevel {
    Special,
    Hardship,
    Ordinary,
    NotInHardship,
}

impl HardshipLevel {
    pub const ALL: [Self; 4] = [
        Self::Special,
        Self::Hardship,
        Self::Ordinary,
        Self::NotInHardship,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Special => "特别困难",
            Self::Hardship => "困难",
            Self::Ordinary => "一般困难",
            // The school decided the family is not in hardship: the form says 不认定, as the app does.
            Self::NotInHardship => "不认定",
        }
    }
}

/// A family member with work and yearly income.
#[derive(Clone, Debug, PartialEq)]
pub struct Earner {
    pub name: String,
    pub relation: String,
    pub age: u32,
    pub work: String,
    /// Yearly income in yuan.
    pub yearly_income: u32,
    pub health: String,
}

/// The data printed on a hardship assessment application.
#[derive(Clone, Debug, PartialEq)]
pub struct HardshipApplication {
    pub school_year: String,
    pub student: StudentBlock,
    pub guardian: Guardian,
    pub family: Vec<Earner>,
    /// 家庭年收入 in yuan, as the application states it.
    pub household_income: u32,
    /// 家庭人口数; `None` on applications stored before it was asked.
    pub household_size: Option<u32>,
    /// The factors ticked (names from [`HARDSHIP_FACTORS`]).
    pub factors: Vec<String>,
    /// The special groups that apply (names from [`SPECIAL_GROUPS`] or others).
    pub groups: Vec<String>,
    pub circumstances: String,
    /// The class assessment group's opinion, if recorded.
    pub class_opinion: String,
    /// The school's decision, if made.
    pub level: Option<HardshipLevel>,
    pub aid: String,
    pub applied_on: NaiveDate,
}

const TITLE: &str = "家庭经济困难学生认定申请表";

fn tick(on: bool, label: &str) -> String {
    format!("{}{label}", if on { "■" } else { "□" })
}

impl HardshipApplication {
    fn income_text(&self) -> String {
        format!("{}元", self.household_income)
    }

    fn size_text(&self) -> String {
        self.household_size
            .map_or_else(|| "未填".to_owned(), |n| format!("{n}人"))
    }

    /// 家庭人均年收入, rounded down to the yuan.
    fn per_capita_text(&self) -> String {
        match self.household_size {
            Some(n) if n > 0 => format!("{}元", self.household_income / n),
            _ => "未填".to_owned(),
        }
    }

    fn id_text(&self) -> String {
        self.student
            .id_number
            .as_ref()
            .map_or_else(|| "无".to_owned(), |id| id.as_str().to_owned())
    }

    fn factors_text(&self) -> String {
        HARDSHIP_FACTORS
            .iter()
            .map(|f| tick(self.factors.iter().any(|x| x == f), f))
            .collect::<Vec<_>>()
            .join("　")
    }

    /// The ticked groups in printed order: the standard list first, then any others.
    fn printed_groups(&self) -> Vec<String> {
        let mut out: Vec<String> = SPECIAL_GROUPS
            .iter()
            .filter(|g| self.groups.iter().any(|x| x == *g))
            .map(|g| (*g).to_owned())
            .collect();
        out.extend(
            self.groups
                .iter()
                .filter(|g| !SPECIAL_GROUPS.contains(&g.as_str()))
                .cloned(),
        );
        out
    }

    fn groups_text(&self) -> String {
        let mut items: Vec<String> = SPECIAL_GROUPS
            .iter()
            .map(|g| tick(self.groups.iter().any(|x| x == g), g))
            .collect();
        items.extend(
            self.groups
                .iter()
                .filter(|g| !SPECIAL_GROUPS.contains(&g.as_str()))
                .map(|g| tick(true, g)),
        );
        items.join("　")
    }

    fn level_text(&self) -> String {
        HardshipLevel::ALL
            .iter()
            .map(|l| tick(self.level == Some(*l), l.label_zh()))
            .collect::<Vec<_>>()
            .join("　")
    }
}

impl Document for HardshipApplication {
    fn title(&self) -> String {
        TITLE.to_owned()
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        let s = &self.student;
        let mut out = vec![
            ("学年", self.school_year.clone()),
            ("申请日期", date(self.applied_on)),
            ("学生姓名", s.name.as_str().to_owned()),
            ("性别", s.sex.label_zh().to_owned()),
            ("出生日期", date(s.birth_date)),
            ("身份证件号码", self.id_text()),
            ("学籍号", s.xueji_number.printed()),
            ("就读学校", s.school.clone()),
            ("年级班级", s.class.clone()),
            ("家庭住址", s.address.clone()),
            ("监护人", self.guardian.name.as_str().to_owned()),
            ("联系电话", self.guardian.phone.clone()),
            ("家庭人口数", self.size_text()),
            ("家庭年收入", self.income_text()),
            ("家庭人均年收入", self.per_capita_text()),
        ];
        out.extend(
            self.printed_groups()
                .into_iter()
                .map(|g| ("特殊困难群体", g)),
        );
        out.extend(
            HARDSHIP_FACTORS
                .iter()
                .filter(|f| self.factors.iter().any(|x| x == *f))
                .map(|f| ("认定因素", (*f).to_owned())),
        );
        for e in &self.family {
            out.extend([
                ("家庭成员姓名", e.name.clone()),
                ("关系", e.relation.clone()),
                ("工作单位", e.work.clone()),
                ("年收入", e.yearly_income.to_string()),
            ]);
        }
        out.push(("困难情况", self.circumstances.clone()));
        if !self.class_opinion.is_empty() {
            out.push(("班级认定意见", self.class_opinion.clone()));
        }
        if let Some(level) = self.level {
            out.push(("认定等级", level.label_zh().to_owned()));
        }
        if !self.aid.is_empty() {
            out.push(("资助项目", self.aid.clone()));
        }
        out
    }

    fn draw(&self, sheets: &mut Sheets) -> Result<()> {
        let y = self.draw_student(sheets);
        let y = self.draw_family(sheets, y);
        self.draw_decisions(sheets, y);
        Ok(())
    }

    fn numbered(&self) -> bool {
        true
    }
}

impl HardshipApplication {
    fn draw_student(&self, sheets: &mut Sheets) -> f32 {
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
        page.text(
            20.0,
            33.0,
            TextStyle::SMALL,
            Align::Left,
            &format!("学年：{}", self.school_year),
        );
        page.text(
            190.0,
            33.0,
            TextStyle::SMALL,
            Align::Right,
            &format!("申请日期：{}", date(self.applied_on)),
        );
        let rows = vec![
            Row::new(vec![
                Cell::label(26.0, "学生姓名"),
                Cell::value(36.0, s.name.as_str()),
                Cell::label(14.0, "性别"),
                Cell::value(14.0, s.sex.label_zh()),
                Cell::label(22.0, "出生日期"),
                Cell::value(58.0, &date(s.birth_date)),
            ]),
            Row::new(vec![
                Cell::label(26.0, "身份证件号码"),
                Cell::value(64.0, &self.id_text()),
                Cell::label(22.0, "学籍号"),
                Cell::value(58.0, &s.xueji_number.printed()),
            ]),
            Row::new(vec![
                Cell::label(26.0, "就读学校"),
                Cell::value(64.0, &s.school),
                Cell::label(22.0, "年级班级"),
                Cell::value(58.0, &s.class),
            ]),
            Row::new(vec![
                Cell::label(26.0, "家庭住址"),
                Cell::value(144.0, &s.address),
            ]),
            Row::new(vec![
                Cell::label(26.0, "监护人"),
                Cell::value(36.0, self.guardian.name.as_str()),
                Cell::label(28.0, "联系电话"),
                Cell::value(80.0, &self.guardian.phone),
            ]),
            Row::new(vec![
                Cell::label(26.0, "家庭人口数"),
                Cell::value(36.0, &self.size_text()),
                Cell::label(28.0, "家庭年收入"),
                Cell::value(22.0, &self.income_text()),
                Cell::label(30.0, "家庭人均年收入"),
                Cell::value(28.0, &self.per_capita_text()),
            ]),
            Row::new(vec![
                Cell::label(26.0, "特殊困难群体"),
                Cell::value(144.0, &self.groups_text()),
            ]),
            Row::new(vec![
                Cell::label(26.0, "认定因素"),
                Cell::value(144.0, &self.factors_text()),
            ]),
        ];
        let style = TextStyle::plain(9.5);

        Grid {
            style,
            ..Grid::new(20.0, rows)
        }
        .draw(sheets, 37.0, size)
    }

    fn draw_family(&self, sheets: &mut Sheets, y: f32) -> f32 {
        let size = PageSize::A4;
        let page = sheets.page();
        page.text(
            20.0,
            y + 6.0,
            TextStyle::plain(10.0).bold(),
            Align::Left,
            "家庭成员情况",
        );
        let table = Table::new(
            20.0,
            vec![
                Column::new("姓名", 24.0, Align::Left),
                Column::new("关系", 16.0, Align::Center),
                Column::new("年龄", 14.0, Align::Center),
                Column::new("工作（学习）单位", 68.0, Align::Left),
                Column::new("年收入（元）", 26.0, Align::Right),
                Column::new("健康状况", 22.0, Align::Center),
            ],
        );
        let rows: Vec<Vec<String>> = self
            .family
            .iter()
            .map(|e| {
                vec![
                    e.name.clone(),
                    e.relation.clone(),
                    e.age.to_string(),
                    e.work.clone(),
                    e.yearly_income.to_string(),
                    e.health.clone(),
                ]
            })
            .collect();

        table.draw(sheets, y + 9.0, size, &rows, &|_| 20.0)
    }

    fn draw_decisions(&self, sheets: &mut Sheets, y: f32) {
        let size = PageSize::A4;
        let style = TextStyle::plain(9.5);
        let commitment = format!(
            "{}\n本人承诺：以上所填内容及提供的材料真实有效，如有虚假，愿承担相应责任。",
            self.circumstances
        );
        let level = format!(
            "认定等级：{}\n资助项目及金额：{}",
            self.level_text(),
            self.aid
        );
        let rows = vec![
            Row::tall(
                vec![
                    Cell::label(26.0, "家庭经济困难情况及承诺"),
                    Cell::opinion(144.0, &commitment, "监护人签字", false),
                ],
                40.0,
            ),
            Row::tall(
                vec![
                    Cell::label(26.0, "班级认定小组意见"),
                    Cell::opinion(144.0, &self.class_opinion, "班主任签字", false),
                ],
                30.0,
            ),
            Row::tall(
                vec![
                    Cell::label(26.0, "学校认定意见"),
                    Cell::opinion(144.0, &level, "负责人签字", true),
                ],
                38.0,
            ),
        ];
        Grid {
            style,
            ..Grid::new(20.0, rows)
        }
        .draw(sheets, y + 3.0, size);
    }
}
