//! A hardship assessment (家庭经济困难学生认定) for one school year: the guardian's application, the
//! class assessment, the school's decision with its level, the public notice and its objections.
//! Valid for its school year only; the next year needs a new application. Archive section R8.2(6).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "hardship_application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    /// The school year (its start year) the assessment is for.
    #[sea_orm(indexed)]
    pub school_year: i32,
    #[sea_orm(indexed)]
    pub state: HardshipState,
    pub applied_on: Date,
    /// The application as JSON: guardian, family members with income, special groups, reason.
    pub data: String,
    /// The class assessment's suggested level.
    pub class_result: Option<HardshipLevel>,
    pub class_note: Option<String>,
    pub class_assessed_on: Option<Date>,
    /// The school's decision.
    pub level: Option<HardshipLevel>,
    pub decision_note: Option<String>,
    pub decided_on: Option<Date>,
    pub decided_by: Option<String>,
    /// The public notice (公示), both days included.
    pub notice_from: Option<Date>,
    pub notice_until: Option<Date>,
    /// When the assessment took effect (the notice ended without a sustained objection).
    pub effective_on: Option<Date>,
    /// Objections raised during the notice, as JSON.
    pub objections: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Where an assessment stands, as stored.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum HardshipState {
    /// Waiting for the class assessment.
    #[sea_orm(string_value = "applied")]
    Applied,
    /// Waiting for the school's decision.
    #[sea_orm(string_value = "class_assessed")]
    ClassAssessed,
    /// Decided with a level; in its public notice.
    #[sea_orm(string_value = "in_notice")]
    InNotice,
    /// The notice ended without a pending or sustained objection.
    #[sea_orm(string_value = "effective")]
    Effective,
    /// The school decided not to recognise it.
    #[sea_orm(string_value = "not_recognised")]
    NotRecognised,
}

/// The school's decision (and the class's suggestion).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum HardshipLevel {
    /// 特别困难
    #[sea_orm(string_value = "special")]
    Special,
    /// 困难
    #[sea_orm(string_value = "hardship")]
    Hardship,
    /// 一般困难
    #[sea_orm(string_value = "ordinary")]
    Ordinary,
    /// 不认定
    #[sea_orm(string_value = "not_recognised")]
    NotRecognised,
}

impl HardshipLevel {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Special => "特别困难",
            Self::Hardship => "困难",
            Self::Ordinary => "一般困难",
            Self::NotRecognised => "不认定",
        }
    }

    /// A level that gives the right to aid.
    pub fn recognised(self) -> bool {
        self != Self::NotRecognised
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
