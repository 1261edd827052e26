//! The school model: kinds and their grades, graduating grades, study modes, school years,
//! semesters and the foreign-student qualification (R6.3).

use chrono::{Datelike, NaiveDate};

use crate::error::{DomainError, Result};
use crate::rules;

/// A grade of compulsory education, 1 to 9.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct Grade(u8);

impl Grade {
    pub const FIRST: Grade = Grade(1);
    pub const LAST: Grade = Grade(9);

    pub fn new(n: u8) -> Result<Self> {
        if (1..=9).contains(&n) {
            Ok(Self(n))
        } else {
            Err(DomainError::invalid(
                "grade",
                rules::R12_1,
                format!("年级应为1至9，实际为{n}"),
            ))
        }
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The next grade, if any.
    pub fn next(self) -> Option<Self> {
        Self::new(self.0 + 1).ok()
    }

    pub fn label_zh(self) -> &'static str {
        match self.0 {
            1 => "一年级",
            2 => "二年级",
            3 => "三年级",
            4 => "四年级",
            5 => "五年级",
            6 => "六年级",
            7 => "七年级",
            8 => "八年级",
            _ => "九年级",
        }
    }
}

impl TryFrom<u8> for Grade {
    type Error = DomainError;
    fn try_from(n: u8) -> Result<Self> {
        Self::new(n)
    }
}

impl From<Grade> for u8 {
    fn from(g: Grade) -> u8 {
        g.0
    }
}

/// Kinds of school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolKind {
    /// 小学, grades 1–6.
    Primary,
    /// 初中, grades 7–9.
    Junior,
    /// 九年一贯制, grades 1–9.
    NineYear,
    /// 特殊教育学校, grades 1–9.
    SpecialEducation,
}

impl SchoolKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Primary => "小学",
            Self::Junior => "初中",
            Self::NineYear => "九年一贯制学校",
            Self::SpecialEducation => "特殊教育学校",
        }
    }

    pub fn first_grade(self) -> Grade {
        match self {
            Self::Junior => Grade(7),
            _ => Grade(1),
        }
    }

    pub fn last_grade(self) -> Grade {
        match self {
            Self::Primary => Grade(6),
            _ => Grade(9),
        }
    }

    /// Graduating grades by default: 小学 {6}, 初中 {9}, 九年一贯制 {6, 9}, 特殊教育 {9}.
    pub fn default_graduating_grades(self) -> Vec<Grade> {
        match self {
            Self::Primary => vec![Grade(6)],
            Self::Junior | Self::SpecialEducation => vec![Grade(9)],
            Self::NineYear => vec![Grade(6), Grade(9)],
        }
    }
}

/// How a student studies (R7.4, R12.3).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(
    feature = "sea-orm",
    derive(sea_orm::DeriveValueType),
    sea_orm(
        value_type = "String",
        from_str = "crate::stored::parse",
        to_str = "crate::stored::text"
    )
)]
#[serde(rename_all = "snake_case")]
pub enum StudyMode {
    /// 普通
    #[default]
    Regular,
    /// 随班就读 (inclusive placement)
    Inclusive,
    /// 送教上门 (home teaching)
    HomeTeaching,
}

impl StudyMode {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Regular => "普通",
            Self::Inclusive => "随班就读",
            Self::HomeTeaching => "送教上门",
        }
    }
}

/// The school's settings the rules need.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct School {
    pub kind: SchoolKind,
    /// Graduating grades (configurable; defaults by kind).
    pub graduating_grades: Vec<Grade>,
    /// Holds the qualification to admit foreign students (R6.3).
    pub may_admit_foreign: bool,
    /// Teaches severely disabled students at home (R7.4); special-education schools always may.
    pub offers_home_teaching: bool,
}

impl School {
    /// A school of a kind with the default graduating grades, no foreign-student qualification,
    /// and home teaching only if it is a special-education school.
    pub fn new(kind: SchoolKind) -> Self {
        Self {
            kind,
            graduating_grades: kind.default_graduating_grades(),
            may_admit_foreign: false,
            offers_home_teaching: kind == SchoolKind::SpecialEducation,
        }
    }

    pub fn has_grade(&self, grade: Grade) -> bool {
        (self.kind.first_grade()..=self.kind.last_grade()).contains(&grade)
    }

    pub fn is_graduating(&self, grade: Grade) -> bool {
        self.graduating_grades.contains(&grade)
    }

    /// The school's last grade: completing it ends the student's time at this school.
    pub fn is_last_grade(&self, grade: Grade) -> bool {
        grade == self.kind.last_grade()
    }

    /// Whether the school may keep a record for a student in this study mode (R7.4).
    pub fn accepts_study_mode(&self, mode: StudyMode) -> bool {
        match mode {
            StudyMode::HomeTeaching => {
                self.offers_home_teaching || self.kind == SchoolKind::SpecialEducation
            }
            StudyMode::Regular | StudyMode::Inclusive => true,
        }
    }
}

/// A school year (学年), starting 1 September of `start_year`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct SchoolYear(pub i32);

impl SchoolYear {
    /// The school year a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        if date.month() >= 9 {
            Self(date.year())
        } else {
            Self(date.year() - 1)
        }
    }

    pub fn start_year(self) -> i32 {
        self.0
    }

    /// 1 September.
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 9, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 August of the next year.
    pub fn end(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 8, 31).unwrap_or(NaiveDate::MAX)
    }

    #[must_use]
    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }

    pub fn label_zh(self) -> String {
        format!("{}—{}学年", self.0, self.0 + 1)
    }
}

/// 第一学期 (autumn) or 第二学期 (spring).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(
    feature = "sea-orm",
    derive(sea_orm::DeriveValueType),
    sea_orm(
        value_type = "String",
        from_str = "crate::stored::parse",
        to_str = "crate::stored::text"
    )
)]
#[serde(rename_all = "snake_case")]
pub enum Semester {
    First,
    Second,
}

/// One semester's teaching period, as the school sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Term {
    pub year: SchoolYear,
    pub semester: Semester,
    /// 开学
    pub start: NaiveDate,
    /// 学期结束
    pub end: NaiveDate,
}

impl Semester {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::First => "第一学期",
            Self::Second => "第二学期",
        }
    }
}

impl Term {
    pub fn label_zh(&self) -> String {
        format!("{}{}", self.year.label_zh(), self.semester.label_zh())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;

    #[test]
    fn school_kinds_grades_and_graduating_grades() {
        let nine = School::new(SchoolKind::NineYear);
        assert!(nine.is_graduating(Grade(6)) && nine.is_graduating(Grade(9)));
        assert!(!nine.is_graduating(Grade(8)));
        let junior = School::new(SchoolKind::Junior);
        assert!(!junior.has_grade(Grade(6)) && junior.has_grade(Grade(7)));
        assert!(School::new(SchoolKind::Primary).is_last_grade(Grade(6)));
        assert!(Grade::new(0).is_err() && Grade::new(10).is_err());
        assert_eq!(Grade::LAST.next(), None);
        assert_eq!(Grade::FIRST.label_zh(), "一年级");
    }

    #[test]
    fn school_year_starts_in_september() {
        assert_eq!(SchoolYear::containing(d(2024, 9, 1)), SchoolYear(2024));
        assert_eq!(SchoolYear::containing(d(2025, 8, 31)), SchoolYear(2024));
        assert_eq!(SchoolYear(2024).start(), d(2024, 9, 1));
        assert_eq!(SchoolYear(2024).end(), d(2025, 8, 31));
        assert_eq!(SchoolYear(2024).label_zh(), "2024—2025学年");
    }

    #[test]
    fn r7_4_home_teaching_only_where_offered() {
        let regular = School::new(SchoolKind::Primary);
        assert!(!regular.accepts_study_mode(StudyMode::HomeTeaching));
        assert!(regular.accepts_study_mode(StudyMode::Inclusive));
        let mut offering = School::new(SchoolKind::Primary);
        offering.offers_home_teaching = true;
        assert!(offering.accepts_study_mode(StudyMode::HomeTeaching));
        assert!(
            School::new(SchoolKind::SpecialEducation).accepts_study_mode(StudyMode::HomeTeaching)
        );
    }
}
