//! The two family members of a student (ordinal 1 and 2).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "family_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    pub ordinal: i32,
    pub name: String,
    /// 关系 (父亲, 母亲, …)
    pub relation: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub employer: Option<String>,
    pub guardian: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
