//! Proof documents and other files, kept inside the encrypted database.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "attachment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(indexed)]
    pub student_id: Option<i64>,
    /// The application it proves, if any.
    #[sea_orm(indexed)]
    pub application_id: Option<i64>,
    /// `xueji_domain::ProofKind` in snake case, when it is a proof.
    pub proof_kind: Option<xueji_domain::proofs::ProofKind>,
    pub file_name: String,
    pub mime: String,
    pub sha256: String,
    pub data: Vec<u8>,
    pub created_at: DateTimeUtc,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
