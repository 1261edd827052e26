//! The register of the school's registrars (学籍管理员), trained before duty (R28.1).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "registrar")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// The user account, if the registrar has one.
    pub username: Option<String>,
    pub trained_on: Date,
    pub on_duty_from: Date,
    /// `None` for the registrar on duty.
    pub on_duty_until: Option<Date>,
    pub created_at: DateTimeUtc,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
