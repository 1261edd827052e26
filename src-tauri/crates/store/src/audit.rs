//! The audit log (R30.1): append-only rows chained by SHA-256. Each row's hash covers the
//! previous row's hash and its own fields; `audit_head` remembers the last row. Rows are written
//! with the same connection (transaction) as the change they record, then sealed by the store
//! (`audit_seal.rs`): an HMAC per row under a key derived from the database key, and the last
//! sealed (seq, hash) signed into a file outside the database (`audit_anchor.rs`). `verify`
//! (`audit_verify.rs`) finds an edited, deleted, swapped, cut-off, recomputed or wiped chain and a
//! database swapped for an older copy.

use chrono::{SecondsFormat, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use sha2::{Digest, Sha256};
use xueji_domain::AuditAction;

use crate::entities::{audit_head, audit_log};
use crate::error::{Result, StoreError};
use crate::key::hex_encode;

/// The rows of the given actions written at or after `since` (RFC 3339 UTC, as `at` is stored),
/// oldest first.
pub async fn rows_with_actions<C: ConnectionTrait>(
    db: &C,
    actions: &[AuditAction],
    since: &str,
) -> Result<Vec<audit_log::Model>> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::Action.is_in(actions.iter().map(|a| a.code())))
        .filter(audit_log::Column::At.gte(since))
        .order_by_asc(audit_log::Column::Seq)
        .all(db)
        .await?)
}

/// What a page of the audit log is filtered by (`at` is RFC 3339 UTC text, so the bounds are
/// text too: `from` inclusive, `before` exclusive).
#[derive(Clone, Copy, Debug, Default)]
pub struct RowFilter<'a> {
    pub user: Option<&'a str>,
    pub action: Option<AuditAction>,
    pub from: Option<&'a str>,
    pub before: Option<&'a str>,
    /// Rows that may name this student: a `student:ID…` token, or a `students:` list with the
    /// id's digits (a coarse filter in SQL; the caller checks the exact match).
    pub may_name_student: Option<i64>,
}

/// How many rows match, and the page of them `offset` rows in, newest first.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    filter: RowFilter<'_>,
    offset: u64,
    limit: u64,
) -> Result<(u64, Vec<audit_log::Model>)> {
    let mut q = audit_log::Entity::find();
    if let Some(u) = filter.user {
        q = q.filter(audit_log::Column::User.eq(u));
    }
    if let Some(a) = filter.action {
        q = q.filter(audit_log::Column::Action.eq(a.code()));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_log::Column::At.gte(from));
    }
    if let Some(before) = filter.before {
        q = q.filter(audit_log::Column::At.lt(before));
    }
    if let Some(id) = filter.may_name_student {
        q = q.filter(
            Condition::any()
                .add(audit_log::Column::Target.contains(format!("student:{id}")))
                .add(
                    Condition::all()
                        .add(audit_log::Column::Target.contains("students:"))
                        .add(audit_log::Column::Target.contains(id.to_string())),
                ),
        );
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(audit_log::Column::Seq)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((total, rows))
}

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
pub(crate) const HEAD_ID: i32 = 1;
pub(crate) const PAGE: u64 = 5000;

/// What an audit row records: who did what to which target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    pub user: String,
    pub action: AuditAction,
    pub target: String,
}

impl AuditRecord {
    /// A row; refused without a user (R30.1: every use is attributable to a named user).
    pub fn new(user: &str, action: AuditAction, target: &str) -> Result<Self> {
        if user.trim().is_empty() {
            return Err(StoreError::Invalid("审计记录必须有操作用户".to_owned()));
        }
        Ok(Self {
            user: user.trim().to_owned(),
            action,
            target: target.trim().to_owned(),
        })
    }
}

/// The chained hash of a row.
pub fn row_hash(prev_hash: &str, at: &str, user: &str, action: &str, target: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"xueji-audit-v1");
    for field in [prev_hash, at, user, action, target] {
        h.update((field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    hex_encode(&h.finalize())
}

/// Appends a row after the current head; returns its sequence number. Call it with the
/// transaction of the change it records.
pub async fn append<C: ConnectionTrait>(db: &C, record: &AuditRecord) -> Result<i64> {
    let head = audit_head::Entity::find_by_id(HEAD_ID).one(db).await?;
    let (seq, prev) = match &head {
        Some(h) => (h.seq + 1, h.hash.clone()),
        None => (1, GENESIS.to_owned()),
    };
    let at = Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true);
    let action = record.action.code();
    let hash = row_hash(&prev, &at, &record.user, action, &record.target);
    audit_log::Entity::insert(audit_log::ActiveModel {
        seq: Set(seq),
        at: Set(at),
        user: Set(record.user.clone()),
        action: Set(action.to_owned()),
        target: Set(record.target.clone()),
        prev_hash: Set(prev),
        hash: Set(hash.clone()),
        mac: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    let new_head = audit_head::ActiveModel {
        id: Set(HEAD_ID),
        seq: Set(seq),
        hash: Set(hash),
    };
    if head.is_some() {
        audit_head::Entity::update(new_head).exec(db).await?;
    } else {
        audit_head::Entity::insert(new_head)
            .exec_without_returning(db)
            .await?;
    }
    Ok(seq)
}
