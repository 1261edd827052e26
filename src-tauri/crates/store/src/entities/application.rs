//! An application (a change with its procedure).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student; `None` for a transfer in until the record is created.
    #[sea_orm(indexed)]
    pub student_id: Option<i64>,
    /// `xueji_domain::ChangeKind` in snake case.
    pub change_kind: String,
    /// open, approved, rejected, withdrawn.
    pub state: String,
    pub opened_on: Date,
    pub closed_on: Option<Date>,
    /// The change and its facts as JSON.
    pub data: String,
    /// The index of the step waiting for a decision, while open.
    pub current_step: Option<i32>,
    /// When the waiting step is due (working days, R13.3), if it has a limit.
    #[sea_orm(indexed)]
    pub due_on: Option<Date>,
    /// The party of the waiting step (`xueji_domain::workflow::Party` in snake case).
    pub waiting_on: Option<String>,
    pub created_by: String,
    /// The submitted request beyond the change itself, as JSON (the incoming student's data for a
    /// transfer in, a sanction's facts, the note, the warnings given at submission).
    pub details: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
