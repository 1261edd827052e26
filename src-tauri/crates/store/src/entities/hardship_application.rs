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
    /// applied, class_assessed, in_notice, effective, not_recognised, withdrawn.
    #[sea_orm(indexed)]
    pub state: String,
    pub applied_on: Date,
    /// The application as JSON: guardian, family members with income, special groups, reason.
    pub data: String,
    /// The class assessment's suggested level (`special`, `hardship`, `ordinary`, `not_recognised`).
    pub class_result: Option<String>,
    pub class_note: Option<String>,
    pub class_assessed_on: Option<Date>,
    /// The school's decision: `special`, `hardship`, `ordinary` or `not_recognised`.
    pub level: Option<String>,
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

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
