//! Inputs, views and the stored shapes of hardship assessments and aid.

use chrono::NaiveDate;
use xueji_domain::SchoolYear;
use xueji_domain::school::Semester;

use crate::views::snake;

pub use xueji_store::entities::hardship_application::HardshipLevel;

/// The form's box for a level.
pub(crate) fn print_level(level: HardshipLevel) -> xueji_print::documents::hardship::HardshipLevel {
    use xueji_print::documents::hardship::HardshipLevel as P;
    match level {
        HardshipLevel::Special => P::Special,
        HardshipLevel::Hardship => P::Hardship,
        HardshipLevel::Ordinary => P::Ordinary,
        HardshipLevel::NotRecognised => P::NotInHardship,
    }
}

/// A special group the family belongs to (the boxes of the form).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum SpecialGroup {
    /// 最低生活保障家庭（低保）
    MinimumLivingAllowance,
    /// 特困供养人员
    ExtremePovertySupport,
    /// 孤儿
    Orphan,
    /// 事实无人抚养儿童
    DeFactoUnsupportedChild,
    /// 残疾学生或残疾人子女
    Disability,
    /// 烈士子女
    MartyrChild,
    /// 建档立卡脱贫户
    RegisteredPoorHousehold,
    /// 低保边缘家庭
    NearMinimumAllowance,
}

impl SpecialGroup {
    /// The label printed on the form (the print crate's `SPECIAL_GROUPS`).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::MinimumLivingAllowance => "最低生活保障家庭",
            Self::ExtremePovertySupport => "特困供养人员",
            Self::Orphan => "孤儿",
            Self::DeFactoUnsupportedChild => "事实无人抚养儿童",
            Self::Disability => "残疾学生或残疾人子女",
            Self::MartyrChild => "烈士子女",
            Self::RegisteredPoorHousehold => "建档立卡脱贫户",
            Self::NearMinimumAllowance => "低保边缘家庭",
        }
    }
}

/// A factor the assessment weighs (教财〔2018〕16号, 第六条): the checklist on the form.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum HardshipFactor {
    /// 家庭经济因素: income, property, debts
    FamilyFinances,
    /// 特殊群体因素: 低保, 特困, 孤残, 烈士子女 … (ticked whenever a special group is)
    SpecialGroup,
    /// 地域因素: the economic level of the area the family lives in
    Region,
    /// 突发状况因素: natural disaster, serious accident
    Emergency,
    /// 学生消费因素: the student's spending
    StudentSpending,
    /// 其他影响家庭经济状况的因素: dependants, labour, occupation
    Other,
}

impl HardshipFactor {
    pub const ALL: [Self; 6] = [
        Self::FamilyFinances,
        Self::SpecialGroup,
        Self::Region,
        Self::Emergency,
        Self::StudentSpending,
        Self::Other,
    ];

    /// The label printed on the form (the print crate's `HARDSHIP_FACTORS`).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::FamilyFinances => "家庭经济因素",
            Self::SpecialGroup => "特殊群体因素",
            Self::Region => "地域因素",
            Self::Emergency => "突发状况因素",
            Self::StudentSpending => "学生消费因素",
            Self::Other => "其他影响家庭经济状况的因素",
        }
    }
}

/// A family member on the application.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FamilyMemberInput {
    pub name: String,
    /// 父亲, 母亲, 祖父 …
    pub relation: String,
    pub age: u32,
    /// 工作（学习）单位或职业
    pub occupation: String,
    /// Yearly income in yuan.
    pub annual_income_yuan: u32,
    /// 健康, 慢性病, 残疾（肢体二级） …
    pub health: String,
}

/// What the guardian's application says (stored as JSON in `hardship_application.data`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipData {
    pub guardian_name: String,
    pub guardian_relation: String,
    pub guardian_phone: String,
    pub members: Vec<FamilyMemberInput>,
    /// 家庭年收入 in yuan: the members' incomes added up unless given.
    pub household_income_yuan: u32,
    /// 家庭人口数; absent on applications stored before the form asked for it.
    #[serde(default)]
    pub household_size: Option<u32>,
    /// The factors the application relies on, in [`HardshipFactor::ALL`] order.
    #[serde(default)]
    pub factors: Vec<HardshipFactor>,
    #[serde(default)]
    pub groups: Vec<SpecialGroup>,
    /// Other groups, as written.
    #[serde(default)]
    pub other_groups: Vec<String>,
    /// 家庭经济困难情况
    pub reason: String,
}

/// A new application.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipApplyInput {
    pub student_id: i64,
    /// Start year of the school year; the current one when empty (or the next one).
    pub school_year: Option<i32>,
    /// When the guardian applied; today when empty.
    pub applied_on: Option<NaiveDate>,
    pub guardian_name: String,
    pub guardian_relation: String,
    pub guardian_phone: String,
    pub members: Vec<FamilyMemberInput>,
    /// Household income in yuan; the members' incomes added up when empty.
    pub household_income_yuan: Option<u32>,
    /// 家庭人口数 (the student included).
    pub household_size: u32,
    /// The factors the application relies on; 特殊群体因素 is added when a group is ticked.
    #[serde(default)]
    pub factors: Vec<HardshipFactor>,
    #[serde(default)]
    pub groups: Vec<SpecialGroup>,
    #[serde(default)]
    pub other_groups: Vec<String>,
    pub reason: String,
}

/// The class assessment (班级评议).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassAssessInput {
    /// The level the class assessment group suggests.
    pub result: HardshipLevel,
    pub note: String,
    /// Today when empty.
    pub assessed_on: Option<NaiveDate>,
}

/// The school's decision.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipDecideInput {
    pub level: HardshipLevel,
    pub note: Option<String>,
    /// Today when empty.
    pub decided_on: Option<NaiveDate>,
    /// First day of the notice (the next working day if not one); the decision day when empty.
    pub notice_from: Option<NaiveDate>,
}

/// An objection raised during the notice.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectInput {
    /// Today when empty; must fall in the notice period.
    pub raised_on: Option<NaiveDate>,
    /// Who raised it, as they wish to be named (may be 匿名).
    pub raised_by: String,
    pub content: String,
}

/// The school's ruling on an objection.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectionDecideInput {
    /// The objection's number (1-based, as shown).
    pub number: u32,
    /// Sustained: the decision is void and the school decides again (a new notice follows).
    pub sustained: bool,
    pub note: String,
}

/// Aid to grant.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AidGrantInput {
    pub application_id: i64,
    pub semester: Semester,
    /// 生活补助, 免除费用 …
    pub kind: String,
    /// Amount in fen (分).
    pub amount_fen: i64,
    /// Today when empty; must fall in the assessment's school year.
    pub granted_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// What the list asks for.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipFilter {
    /// Status codes as shown (`applied`, `class_assessed`, `in_notice`, `objection_pending`,
    /// `effective`, `expired`, `not_recognised`); empty means any.
    #[serde(default)]
    pub statuses: Vec<String>,
    pub level: Option<HardshipLevel>,
    pub grade: Option<u8>,
    pub class_name: Option<String>,
    pub student_id: Option<i64>,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

/// A code with its Chinese label.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LevelView {
    pub code: String,
    pub label: String,
}

impl From<HardshipLevel> for LevelView {
    fn from(l: HardshipLevel) -> Self {
        Self {
            code: snake(&l),
            label: l.label_zh().to_owned(),
        }
    }
}

/// One row of the list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipRow {
    pub id: i64,
    pub student_id: i64,
    pub student_name: String,
    pub grade_label: String,
    pub class_name: Option<String>,
    pub school_year: i32,
    pub school_year_label: String,
    pub status: LevelView,
    pub level: Option<LevelView>,
    pub applied_on: NaiveDate,
    pub notice_until: Option<NaiveDate>,
    /// Why `notice_until` is 暂定 (counted past the loaded holiday notices); `None` when final.
    pub notice_provisional: Option<String>,
    pub effective_on: Option<NaiveDate>,
    /// Aid granted on this assessment, in fen.
    pub aid_total_fen: i64,
}

/// An objection and the school's ruling.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectionView {
    pub number: u32,
    pub raised_on: NaiveDate,
    pub raised_by: String,
    pub content: String,
    pub recorded_by: String,
    /// `None` while pending.
    pub sustained: Option<bool>,
    pub ruling_note: Option<String>,
    pub ruled_on: Option<NaiveDate>,
    pub ruled_by: Option<String>,
}

/// Aid granted.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AidView {
    pub id: i64,
    pub application_id: i64,
    pub student_id: i64,
    pub semester: Semester,
    /// 2025—2026学年第一学期
    pub semester_label: String,
    pub kind: String,
    pub amount_fen: i64,
    /// 1250.00
    pub amount_yuan: String,
    pub granted_on: NaiveDate,
    pub note: Option<String>,
}

/// One assessment with everything recorded on it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HardshipView {
    pub id: i64,
    pub student_id: i64,
    pub student_name: String,
    pub xueji_number: Option<String>,
    pub grade_label: String,
    pub class_name: Option<String>,
    pub school_year: i32,
    pub school_year_label: String,
    /// As of today (the clock): `applied`, `class_assessed`, `in_notice`, `objection_pending`,
    /// `effective`, `expired` (its school year is over), `not_recognised`.
    pub status: LevelView,
    pub applied_on: NaiveDate,
    pub data: HardshipData,
    pub class_result: Option<LevelView>,
    pub class_note: Option<String>,
    pub class_assessed_on: Option<NaiveDate>,
    pub level: Option<LevelView>,
    pub decision_note: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<String>,
    pub notice_from: Option<NaiveDate>,
    pub notice_until: Option<NaiveDate>,
    /// Why `notice_until` is 暂定; `None` when final.
    pub notice_provisional: Option<String>,
    pub effective_on: Option<NaiveDate>,
    pub objections: Vec<ObjectionView>,
    pub aid: Vec<AidView>,
    /// In force today: effective and within its school year.
    pub in_force: bool,
    pub created_by: String,
}

/// `1250.00` for 125000 fen.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// `2025—2026学年第一学期`.
pub fn semester_label(year: i32, semester: Semester) -> String {
    format!("{}{}", SchoolYear(year).label_zh(), semester.label_zh())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_print_in_yuan_with_two_decimals() {
        assert_eq!(yuan(125_000), "1250.00");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(-150), "-1.50");
    }

    #[test]
    fn groups_print_with_the_forms_labels() {
        use xueji_print::documents::hardship::SPECIAL_GROUPS;
        for g in [
            SpecialGroup::MinimumLivingAllowance,
            SpecialGroup::ExtremePovertySupport,
            SpecialGroup::Orphan,
            SpecialGroup::DeFactoUnsupportedChild,
            SpecialGroup::Disability,
            SpecialGroup::MartyrChild,
            SpecialGroup::RegisteredPoorHousehold,
            SpecialGroup::NearMinimumAllowance,
        ] {
            assert!(SPECIAL_GROUPS.contains(&g.label_zh()), "{g:?}");
        }
    }

    #[test]
    fn semesters_are_labelled_with_their_school_year() {
        assert_eq!(
            semester_label(2025, Semester::First),
            "2025—2026学年第一学期"
        );
    }
}
