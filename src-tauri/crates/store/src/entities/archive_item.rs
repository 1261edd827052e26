//! An entry in one of the seven archive sections of R8.2 (proofs, 综合素质, health and vaccination, awards, financial aid, other).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "archive_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: i64,
    /// `xueji_domain::archive::ArchiveSection` in snake case.
    pub section: xueji_domain::archive::ArchiveSection,
    /// Sub-kind: 体质健康测试, 预防接种, 品德表现 …
    pub kind: String,
    pub title: String,
    pub recorded_on: Date,
    /// Structured content as JSON.
    pub content: String,
    pub attachment_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
