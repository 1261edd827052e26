//! An application (a change with its procedure).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    /// `xueji_domain::ChangeKind` in snake case.
    pub change_kind: String,
    /// open, approved, rejected, withdrawn.
    pub state: String,
    pub opened_on: Date,
    pub closed_on: Option<Date>,
    /// The change and its facts as JSON.
    pub data: String,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
