//! Every version of a student row, with who changed it and why (R5.1).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "student_history")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    pub version: i32,
    pub changed_at: DateTimeUtc,
    pub changed_by: String,
    /// What kind of change (create, update, archive, a `ChangeKind` …).
    pub change: String,
    /// The full student row after the change, as JSON.
    pub snapshot: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
