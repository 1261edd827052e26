//! A sanction (警告/严重警告/记过) and its lifting.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "sanction")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    pub level: xueji_domain::sanction::SanctionLevel,
    pub reason: String,
    pub decided_on: Date,
    /// End of the period (R23.1).
    pub period_ends: Date,
    /// Why the period is shorter than the profile's (R23.1).
    pub shortened_reason: Option<String>,
    pub lifted_on: Option<Date>,
    pub application_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
