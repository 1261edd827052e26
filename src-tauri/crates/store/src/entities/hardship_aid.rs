//! Financial aid granted on an effective hardship assessment, per semester (archive section R8.2(6)).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "hardship_aid")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    #[sea_orm(indexed)]
    pub application_id: i64,
    /// The school year (its start year) of the assessment.
    pub school_year: i32,
    /// `first` or `second` (`xueji_domain::school::Semester` in snake case).
    pub semester: xueji_domain::school::Semester,
    /// 生活补助, 免除费用 …
    pub kind: String,
    /// Amount in fen (分).
    pub amount_fen: i64,
    pub granted_on: Date,
    pub note: Option<String>,
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
