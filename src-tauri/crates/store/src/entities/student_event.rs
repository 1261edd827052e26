//! One entry of a record's history (R5.1, R10.1): what changed, when it took effect, who recorded it.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "student_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    /// The application it completes, if any.
    pub application_id: Option<i64>,
    /// `admitted`, `record_created`, or a `xueji_domain::ChangeKind` in snake case.
    pub kind: String,
    /// The date the change takes effect.
    #[sea_orm(indexed)]
    pub on_date: Date,
    pub rule: String,
    pub status_before: xueji_domain::Status,
    pub status_after: xueji_domain::Status,
    pub grade_before: i32,
    pub grade_after: i32,
    pub summary: String,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
