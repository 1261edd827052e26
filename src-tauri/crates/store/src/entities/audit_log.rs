//! The audit log (R30.1): append-only, each row chained to the previous by SHA-256 and sealed by
//! an HMAC under a key that is not in the database.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    /// RFC 3339 UTC with microseconds.
    pub at: String,
    pub user: String,
    pub action: String,
    pub target: String,
    pub prev_hash: String,
    pub hash: String,
    /// HMAC of (seq, hash) under the audit key (`audit_mac.rs`), written when the row is sealed,
    /// shortly after it is committed; `None` for the few rows not sealed yet.
    pub mac: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
