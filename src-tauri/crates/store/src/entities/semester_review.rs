//! A semester review (学期核查): the school re-checks every record each semester (R29.1), the
//! bureau checks the semester's changes (R4.1). One row per review; its lines are
//! `semester_review_item`. Signed off once every line is checked.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "semester_review")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Start year of the school year.
    #[sea_orm(indexed)]
    pub school_year: i32,
    /// `first` or `second` (`xueji_domain::school::Semester` in snake case).
    pub semester: xueji_domain::school::Semester,
    pub term_start: Date,
    pub term_end: Date,
    /// `school` (R29.1) or `bureau` (R4.1).
    pub reviewer: xueji_domain::review::Reviewer,
    pub opened_on: Date,
    pub opened_by: String,
    pub signed_off_on: Option<Date>,
    pub signed_off_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
