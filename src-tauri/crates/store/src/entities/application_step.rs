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
    pub role: String,
    /// Chinese label, e.g. 主管教育行政部门核准.
    pub label: String,
    /// approved, rejected, skipped; `None` while pending.
    pub decision: Option<String>,
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

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
