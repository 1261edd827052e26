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
    pub change_kind: xueji_domain::ApplicationKind,
    pub state: ApplicationState,
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
    pub waiting_on: Option<xueji_domain::workflow::Party>,
    pub created_by: String,
    /// The submitted request beyond the change itself, as JSON (the incoming student's data for a
    /// transfer in, a sanction's facts, the note, the warnings given at submission).
    pub details: Option<String>,
}

/// Where an application stands.
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
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum ApplicationState {
    /// 办理中: a step waits for a decision.
    #[sea_orm(string_value = "open")]
    Open,
    /// 已办结: every party approved; the change took effect.
    #[sea_orm(string_value = "approved")]
    Approved,
    /// 已退回: a party rejected it.
    #[sea_orm(string_value = "rejected")]
    Rejected,
    /// 已撤回 by the applicant.
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
    /// 已生效: recorded without a procedure (an award, a lifted sanction), in effect at once.
    #[sea_orm(string_value = "applied")]
    Applied,
}

impl ApplicationState {
    pub const ALL: [Self; 5] = [
        Self::Open,
        Self::Approved,
        Self::Rejected,
        Self::Withdrawn,
        Self::Applied,
    ];

    /// As stored (`open`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
            Self::Applied => "applied",
        }
    }

    /// The label the lists show.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Open => "办理中",
            Self::Approved => "已办结",
            Self::Rejected => "已退回",
            Self::Withdrawn => "已撤回",
            Self::Applied => "已生效",
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
