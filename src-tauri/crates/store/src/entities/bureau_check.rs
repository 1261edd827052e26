//! The county bureau's semester check (第四条, R4.1) as the school records it: the term, the date,
//! who checked, the bureau's reference, and its findings with their resolutions as JSON
//! (`xueji_domain::bureau_check::BureauFinding`, read with serde defaults). One per term. Not the
//! school's own review (R29.1, `semester_review`).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "bureau_check")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Start year of the school year.
    #[sea_orm(indexed)]
    pub school_year: i32,
    pub semester: xueji_domain::school::Semester,
    pub term_start: Date,
    pub term_end: Date,
    pub checked_on: Date,
    pub checked_by: String,
    /// The bureau's document number, if it issued one.
    pub reference: Option<String>,
    /// The findings and their resolutions, as JSON.
    pub findings: String,
    pub recorded_by: String,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
