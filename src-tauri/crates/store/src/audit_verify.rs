//! Checking the audit chain: the full walk of `audit verify` and of a backup's check, and the
//! cheap check against the anchor that every open and every seal runs.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::audit::{GENESIS, HEAD_ID, PAGE, row_hash};
use crate::audit_anchor::AnchorRead;
use crate::audit_mac::AuditKey;
use crate::entities::{audit_head, audit_log};
use crate::error::Result;

/// The first problem a check found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditProblem {
    /// The row's content does not match its hash.
    Edited { seq: i64 },
    /// A row with this sequence number is missing.
    Missing { seq: i64 },
    /// The row is intact but does not follow the row before it (moved or swapped).
    Reordered { seq: i64 },
    /// The last rows were cut off: the head (in the database, or the anchor outside it) names a
    /// later row.
    TailMissing { seq: i64 },
    /// The row's MAC is wrong or was removed: the row was rewritten and the chain recomputed by
    /// someone without the audit key.
    Forged { seq: i64 },
    /// The first row is not the database's creation.
    NotInit,
    /// No row at all: the log was emptied (`anchored`: the last row the anchor knew, 0 if none).
    Wiped { anchored: i64 },
    /// The chain ends where a backup's ended, before the anchor: the database was replaced by an
    /// older copy without a restore.
    OldCopy {
        seq: i64,
        anchored: i64,
        backup_at: String,
    },
    /// The anchored row's hash differs from the anchor's: the chain was rebuilt or the database
    /// replaced.
    Rewritten { seq: i64 },
    /// Rows are sealed but the anchor file is gone.
    AnchorMissing,
    /// The anchor file was edited, or signed with another key.
    AnchorForged,
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Edited { seq } => write!(f, "第 {seq} 条记录被修改"),
            Self::Missing { seq } => write!(f, "第 {seq} 条记录缺失"),
            Self::Reordered { seq } => write!(f, "第 {seq} 条记录顺序被调换"),
            Self::TailMissing { seq } => write!(f, "第 {seq} 条及之后的记录缺失"),
            Self::Forged { seq } => write!(
                f,
                "第 {seq} 条记录的密钥校验码不符：记录被改写，哈希链被重新计算"
            ),
            Self::NotInit => f.write_str("第 1 条记录不是建库记录：审计日志的开头被替换"),
            Self::Wiped { anchored: 0 } => f.write_str("审计日志被清空"),
            Self::Wiped { anchored } => write!(
                f,
                "审计日志被清空（数据库外的审计锚点记到第 {anchored} 条）"
            ),
            Self::OldCopy {
                seq,
                anchored,
                backup_at,
            } => write!(
                f,
                "数据库被换成了 {backup_at} 的备份（未经恢复流程）：审计记录只到第 {seq} 条，\
                 数据库外的审计锚点记到第 {anchored} 条"
            ),
            Self::Rewritten { seq } => write!(
                f,
                "第 {seq} 条记录与数据库外的审计锚点不符：审计链被重建或数据库被替换"
            ),
            Self::AnchorMissing => f.write_str("数据库外的审计锚点文件缺失"),
            Self::AnchorForged => f.write_str("数据库外的审计锚点文件被改动"),
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

/// Where a walk of the chain ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ChainEnd {
    pub rows: u64,
    pub seq: i64,
    pub hash: String,
}

/// Walks the rows after (`seq`, `hash`) in order, checking that none is missing, each matches
/// its hash and follows the row before, and each MAC present is right; `visit` sees every row
/// that passed and may name a problem of its own. Stops at the first problem.
pub(crate) async fn walk<C, F>(
    db: &C,
    key: &AuditKey,
    seq: i64,
    hash: &str,
    mut visit: F,
) -> Result<(ChainEnd, Option<AuditProblem>)>
where
    C: ConnectionTrait,
    F: FnMut(&audit_log::Model) -> Option<AuditProblem>,
{
    let mut end = ChainEnd {
        rows: 0,
        seq,
        hash: hash.to_owned(),
    };
    loop {
        let page = audit_log::Entity::find()
            .filter(audit_log::Column::Seq.gt(end.seq))
            .order_by_asc(audit_log::Column::Seq)
            .limit(PAGE)
            .all(db)
            .await?;
        if page.is_empty() {
            return Ok((end, None));
        }
        for row in page {
            end.rows += 1;
            let problem = if row.seq != end.seq + 1 {
                Some(AuditProblem::Missing { seq: end.seq + 1 })
            } else if row_hash(&row.prev_hash, &row.at, &row.user, &row.action, &row.target)
                != row.hash
            {
                Some(AuditProblem::Edited { seq: row.seq })
            } else if row.prev_hash != end.hash {
                Some(AuditProblem::Reordered { seq: row.seq })
            } else if row
                .mac
                .as_ref()
                .is_some_and(|m| *m != key.row_mac(row.seq, &row.hash))
            {
                Some(AuditProblem::Forged { seq: row.seq })
            } else {
                visit(&row)
            };
            if problem.is_some() {
                return Ok((end, problem));
            }
            end.seq = row.seq;
            end.hash = row.hash;
        }
    }
}

/// What `audit_head` says against where the chain ended.
pub(crate) async fn head_problem<C: ConnectionTrait>(
    db: &C,
    end: &ChainEnd,
) -> Result<Option<AuditProblem>> {
    let head = audit_head::Entity::find_by_id(HEAD_ID).one(db).await?;
    let last = end.seq;
    Ok(match head {
        Some(h) if h.seq > last => Some(AuditProblem::TailMissing { seq: last + 1 }),
        Some(h) if h.seq == last && h.hash != end.hash => Some(AuditProblem::Edited { seq: last }),
        // Rows after the head were added around the store.
        Some(h) if h.seq < last => Some(AuditProblem::Edited { seq: h.seq + 1 }),
        None if last > 0 => Some(AuditProblem::TailMissing { seq: last + 1 }),
        _ => None,
    })
}

/// Walks the whole chain and reports the first problem: a broken, missing, reordered or forged
/// row, a first row that is not the creation, a head that names another row, and, when the
/// database's `anchor` is given (a backup has none), every way the chain can disagree with it.
pub(crate) async fn verify<C: ConnectionTrait>(
    db: &C,
    key: &AuditKey,
    anchor: Option<&AnchorRead>,
) -> Result<AuditReport> {
    let anchored = match anchor {
        Some(AnchorRead::Found(a)) => Some(a),
        _ => None,
    };
    let mut first_unsealed: Option<i64> = None;
    let mut anchored_hash: Option<String> = None;
    let (end, problem) = walk(db, key, 0, GENESIS, |row| {
        if row.seq == 1 && row.action != xueji_domain::AuditAction::Init.code() {
            return Some(AuditProblem::NotInit);
        }
        match (&row.mac, first_unsealed) {
            (None, None) => first_unsealed = Some(row.seq),
            // A sealed row after an unsealed one: the earlier MAC was removed.
            (Some(_), Some(seq)) => return Some(AuditProblem::Forged { seq }),
            _ => {}
        }
        if anchored.is_some_and(|a| a.seq == row.seq) {
            anchored_hash = Some(row.hash.clone());
        }
        None
    })
    .await?;
    let report = |first_problem| AuditReport {
        rows: end.rows,
        first_problem,
    };
    if problem.is_some() {
        return Ok(report(problem));
    }
    if end.rows == 0 {
        return Ok(report(Some(AuditProblem::Wiped {
            anchored: anchored.map_or(0, |a| a.seq),
        })));
    }
    if let Some(p) = head_problem(db, &end).await? {
        return Ok(report(Some(p)));
    }
    let problem = match anchor {
        None => None,
        Some(AnchorRead::Forged) => Some(AuditProblem::AnchorForged),
        Some(AnchorRead::Missing) => {
            let sealed = first_unsealed.is_none_or(|seq| seq > 1);
            sealed.then_some(AuditProblem::AnchorMissing)
        }
        Some(AnchorRead::Found(a)) => {
            if end.seq < a.seq {
                Some(behind_anchor(a, &end))
            } else if anchored_hash.as_deref() != Some(a.hash.as_str()) {
                Some(AuditProblem::Rewritten { seq: a.seq })
            } else {
                first_unsealed
                    .filter(|seq| *seq <= a.seq)
                    .map(|seq| AuditProblem::Forged { seq })
            }
        }
    };
    Ok(report(problem))
}

/// The chain ends at `end`, before the anchor: an older copy when a backup ended there, else a
/// cut-off tail.
fn behind_anchor(anchor: &crate::audit_anchor::Anchor, end: &ChainEnd) -> AuditProblem {
    match anchor.backup_with_head(end.seq, &end.hash) {
        Some(b) => AuditProblem::OldCopy {
            seq: end.seq,
            anchored: anchor.seq,
            backup_at: b.at.clone(),
        },
        None => AuditProblem::TailMissing { seq: end.seq + 1 },
    }
}

/// The cheap check of every open and seal: the first row is the creation, the chain reaches the
/// anchor and the anchored row is the one the anchor signed. Reads three rows.
pub(crate) async fn anchor_problem<C: ConnectionTrait>(
    db: &C,
    key: &AuditKey,
    anchor: &AnchorRead,
) -> Result<Option<AuditProblem>> {
    let last = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Seq)
        .one(db)
        .await?;
    let Some(last) = last else {
        let anchored = match anchor {
            AnchorRead::Found(a) => a.seq,
            _ => 0,
        };
        return Ok(Some(AuditProblem::Wiped { anchored }));
    };
    match audit_log::Entity::find_by_id(1).one(db).await? {
        None => return Ok(Some(AuditProblem::Missing { seq: 1 })),
        Some(first) if first.action != xueji_domain::AuditAction::Init.code() => {
            return Ok(Some(AuditProblem::NotInit));
        }
        Some(_) => {}
    }
    Ok(match anchor {
        AnchorRead::Forged => Some(AuditProblem::AnchorForged),
        AnchorRead::Missing => {
            let sealed = audit_log::Entity::find()
                .filter(audit_log::Column::Mac.is_not_null())
                .one(db)
                .await?;
            sealed.map(|_| AuditProblem::AnchorMissing)
        }
        AnchorRead::Found(a) if last.seq < a.seq => Some(behind_anchor(
            a,
            &ChainEnd {
                rows: 0,
                seq: last.seq,
                hash: last.hash,
            },
        )),
        AnchorRead::Found(a) => {
            let row = audit_log::Entity::find_by_id(a.seq).one(db).await?;
            match row {
                None => Some(AuditProblem::Missing { seq: a.seq }),
                Some(r) if r.hash != a.hash => Some(AuditProblem::Rewritten { seq: a.seq }),
                Some(r) if r.mac.as_deref() != Some(key.row_mac(r.seq, &r.hash).as_str()) => {
                    Some(AuditProblem::Forged { seq: r.seq })
                }
                Some(_) => None,
            }
        }
    })
}
