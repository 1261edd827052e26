//! Something that must happen by a date (R8.1, R13.3, R14.3, R18.1, R19.1 …), for the dashboard.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "deadline")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    pub application_id: Option<i64>,
    /// `xueji_domain::DeadlineKind` in snake case.
    pub kind: xueji_domain::effects::DeadlineKind,
    #[sea_orm(indexed)]
    pub due_on: Date,
    pub rule: String,
    pub label: String,
    /// When it was met (or became moot); `None` while open.
    pub done_on: Option<Date>,
    /// What `due_on` was counted from (migration m0003; `None` on older rows).
    pub start_on: Option<Date>,
    /// How it was counted: `xueji_domain::calendar::Span::code` (`wd:10`, `m:1`, `fixed`).
    pub span: Option<String>,
    /// Years whose holiday notice was missing when `due_on` was counted, comma-separated
    /// (`2027`); `None` when the due date is final.
    pub provisional: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
