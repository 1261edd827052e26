//! One step of an application.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "application_step")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub application_id: i64,
    pub ordinal: i32,
    /// The party (`xueji_domain::workflow::Party` in snake case).
    pub role: xueji_domain::workflow::Party,
    /// Chinese label, e.g. 主管教育行政部门核准.
    pub label: String,
    /// `None` while pending.
    pub decision: Option<Decision>,
    pub decided_on: Option<Date>,
    /// The user who recorded the decision.
    pub decided_by: Option<String>,
    /// 文号 (document number) of the decision, if any.
    pub reference: Option<String>,
    /// The rejection reason or a remark.
    pub note: Option<String>,
    /// Scanned proof of the decision.
    pub attachment_id: Option<i64>,
    pub due_on: Option<Date>,
}

/// A party's decision on its step.
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
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    #[sea_orm(string_value = "approved")]
    Approved,
    #[sea_orm(string_value = "rejected")]
    Rejected,
    /// An optional step passed over.
    #[sea_orm(string_value = "skipped")]
    Skipped,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
