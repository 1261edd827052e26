//! The audit log (R30.1): append-only rows chained by SHA-256. Each row's hash covers the
//! previous row's hash and its own fields; `audit_head` remembers the last row, so an edited,
//! deleted, swapped or cut-off row is found by [`verify`]. Rows are written with the same
//! connection (transaction) as the change they record.

use chrono::{SecondsFormat, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Serialize;
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
const HEAD_ID: i32 = 1;
const PAGE: u64 = 5000;

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

/// The first problem [`verify`] found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditProblem {
    /// The row's content does not match its hash.
    Edited { seq: i64 },
    /// A row with this sequence number is missing.
    Missing { seq: i64 },
    /// The row is intact but does not follow the row before it (moved or swapped).
    Reordered { seq: i64 },
    /// The last rows were cut off: the head names a later row.
    TailMissing { seq: i64 },
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Edited { seq } => write!(f, "第 {seq} 条记录被修改"),
            Self::Missing { seq } => write!(f, "第 {seq} 条记录缺失"),
            Self::Reordered { seq } => write!(f, "第 {seq} 条记录顺序被调换"),
            Self::TailMissing { seq } => write!(f, "第 {seq} 条及之后的记录缺失"),
        }
    }
}

/// The result of [`verify`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// Rows read.
    pub rows: u64,
    /// `None` when the chain is intact.
    pub first_problem: Option<AuditProblem>,
}

impl AuditReport {
    pub fn is_intact(&self) -> bool {
        self.first_problem.is_none()
    }
}

/// Walks the chain in sequence order and reports the first broken, missing or reordered row.
pub async fn verify<C: ConnectionTrait>(db: &C) -> Result<AuditReport> {
    let mut rows = 0u64;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_owned();
    loop {
        let page = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.gte(expected_seq))
            .order_by_asc(audit_log::Column::Seq)
            .limit(PAGE)
            .all(db)
            .await?;
        if page.is_empty() {
            break;
        }
        for row in page {
            rows += 1;
            let problem = if row.seq != expected_seq {
                Some(AuditProblem::Missing { seq: expected_seq })
            } else if row_hash(&row.prev_hash, &row.at, &row.user, &row.action, &row.target)
                != row.hash
            {
                Some(AuditProblem::Edited { seq: row.seq })
            } else if row.prev_hash != prev {
                Some(AuditProblem::Reordered { seq: row.seq })
            } else {
                None
            };
            if problem.is_some() {
                return Ok(AuditReport {
                    rows,
                    first_problem: problem,
                });
            }
            prev = row.hash;
            expected_seq += 1;
        }
    }
    let head = audit_head::Entity::find_by_id(HEAD_ID).one(db).await?;
    let last = expected_seq - 1;
    let first_problem = match head {
        Some(h) if h.seq > last => Some(AuditProblem::TailMissing { seq: last + 1 }),
        Some(h) if h.seq == last && h.hash != prev => Some(AuditProblem::Edited { seq: last }),
        // Rows after the head were added around the store.
        Some(h) if h.seq < last => Some(AuditProblem::Edited { seq: h.seq + 1 }),
        None if last > 0 => Some(AuditProblem::TailMissing { seq: last + 1 }),
        _ => None,
    };
    Ok(AuditReport {
        rows,
        first_problem,
    })
}
