//! Every printed certificate or proof, with its serial number.
use sea_orm::entity::prelude::*;
use xueji_domain::PrintKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "issued_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub serial: String,
    pub kind: PrintKind,
    #[sea_orm(indexed)]
    pub student_id: Option<i64>,
    pub issued_at: DateTimeUtc,
    pub issued_by: String,
    pub voided: bool,
    /// What the document covers when it is not one student's: ids and filters, never names
    /// (e.g. `students:3,4,5`, `grade:7 class:3班`).
    pub target: Option<String>,
    pub voided_at: Option<DateTimeUtc>,
    pub voided_by: Option<String>,
    pub void_reason: Option<String>,
    /// When a certificate was handed to the student or guardian (R26.2: after that it is never
    /// voided or reprinted).
    pub handed_out_on: Option<Date>,
    pub handed_out_by: Option<String>,
    /// The school approver who agreed to reprint this voided misprint (R26.2).
    pub reprint_approved_by: Option<String>,
    pub reprint_approved_at: Option<DateTimeUtc>,
    /// The serial printed in place of this voided misprint.
    pub replaced_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
