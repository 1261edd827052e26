//! Sealing the audit chain (issue 15 item 3). Rows are appended inside the transactions of the
//! changes they record, without the key; the store seals them soon after they are committed: an
//! HMAC per row, then the last row's (seq, hash) signed into the anchor file outside the
//! database. It seals when it opens and closes, before a backup, when the chain is verified, and
//! whenever the app asks (the desktop does every few seconds). Nothing is sealed while the chain
//! disagrees with itself or with its anchor: the disagreement stays for `audit verify` to name,
//! until a restore (which records the head it discards) anchors the restored chain.

use std::sync::Mutex;

use chrono::{SecondsFormat, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::audit::{GENESIS, HEAD_ID};
use crate::audit_anchor::{self, AnchorRead, BackupHead};
use crate::audit_mac::AuditKey;
use crate::audit_verify::{AuditProblem, ChainEnd, anchor_problem, head_problem, walk};
use crate::entities::{audit_head, audit_log};
use crate::error::{Result, StoreError};
use crate::store::Store;

/// Serialises the writes of the anchor file within the process (the data-folder lock keeps
/// other processes out).
static ANCHOR_WRITE: Mutex<()> = Mutex::new(());

/// The rows after the last sealed one, checked, with their MACs; or the problem that stops the
/// seal.
async fn unsealed<C: ConnectionTrait>(
    db: &C,
    key: &AuditKey,
) -> Result<std::result::Result<(ChainEnd, Vec<(i64, String)>), AuditProblem>> {
    let last_sealed = audit_log::Entity::find()
        .filter(audit_log::Column::Mac.is_not_null())
        .order_by_desc(audit_log::Column::Seq)
        .one(db)
        .await?;
    let (seq, hash) = match &last_sealed {
        Some(r) if r.mac.as_deref() != Some(key.row_mac(r.seq, &r.hash).as_str()) => {
            return Ok(Err(AuditProblem::Forged { seq: r.seq }));
        }
        Some(r) => (r.seq, r.hash.clone()),
        None => (0, GENESIS.to_owned()),
    };
    let mut macs = Vec::new();
    let (end, problem) = walk(db, key, seq, &hash, |row| {
        if row.seq == 1 && row.action != xueji_domain::AuditAction::Init.code() {
            return Some(AuditProblem::NotInit);
        }
        macs.push((row.seq, key.row_mac(row.seq, &row.hash)));
        None
    })
    .await?;
    if let Some(p) = problem {
        return Ok(Err(p));
    }
    if let Some(p) = head_problem(db, &end).await? {
        return Ok(Err(p));
    }
    Ok(Ok((end, macs)))
}

/// Writes the MACs in one transaction.
async fn write_macs(store: &Store, macs: &[(i64, String)]) -> Result<()> {
    if macs.is_empty() {
        return Ok(());
    }
    let txn = store.db().begin().await?;
    for (seq, mac) in macs {
        audit_log::Entity::update_many()
            .col_expr(audit_log::Column::Mac, Expr::value(mac.clone()))
            .filter(audit_log::Column::Seq.eq(*seq))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

impl Store {
    fn anchor(&self) -> Result<AnchorRead> {
        audit_anchor::read(&self.data.audit_anchor(), &self.audit_key)
    }

    /// What is wrong between the chain and its anchor, if anything (the cheap check of every
    /// open: a few rows and the anchor file). `audit verify` walks every row.
    pub async fn audit_alarm(&self) -> Result<Option<AuditProblem>> {
        anchor_problem(self.db(), &self.audit_key, &self.anchor()?).await
    }

    /// Seals the rows committed since the last seal and moves the anchor to the last of them.
    /// Returns the problem that stopped it, if any (nothing is sealed then).
    pub async fn seal_audit(&self) -> Result<Option<AuditProblem>> {
        if let Some(problem) = self.audit_alarm().await? {
            return Ok(Some(problem));
        }
        let (end, macs) = match unsealed(self.db(), &self.audit_key).await? {
            Ok(found) => found,
            Err(problem) => return Ok(Some(problem)),
        };
        write_macs(self, &macs).await?;
        let _guard = ANCHOR_WRITE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Another seal may have moved the anchor meanwhile: it only moves forward.
        let backups = match self.anchor()? {
            AnchorRead::Found(a) if a.seq >= end.seq => return Ok(None),
            AnchorRead::Found(a) => a.backups,
            AnchorRead::Missing => Vec::new(),
            AnchorRead::Forged => return Ok(Some(AuditProblem::AnchorForged)),
        };
        if end.seq == 0 {
            return Ok(None);
        }
        audit_anchor::write(
            &self.data.audit_anchor(),
            &self.audit_key,
            end.seq,
            &end.hash,
            backups,
        )?;
        Ok(None)
    }

    /// The anchor's (seq, hash) when there is a readable one: what a restore discards.
    pub(crate) fn anchored_head(&self) -> Result<Option<(i64, String)>> {
        Ok(match self.anchor()? {
            AnchorRead::Found(a) => Some((a.seq, a.hash)),
            _ => None,
        })
    }

    /// After a restore (which has recorded the head it discards in its own row): seals the
    /// restored chain and anchors it, whatever the old anchor said. The chain itself must be
    /// intact.
    pub(crate) async fn reanchor(&self) -> Result<()> {
        let (end, macs) = match unsealed(self.db(), &self.audit_key).await? {
            Ok(found) => found,
            Err(problem) => return Err(StoreError::AuditBroken(problem.to_string())),
        };
        write_macs(self, &macs).await?;
        let _guard = ANCHOR_WRITE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let backups = match self.anchor()? {
            AnchorRead::Found(a) => a.backups,
            _ => Vec::new(),
        };
        audit_anchor::write(
            &self.data.audit_anchor(),
            &self.audit_key,
            end.seq,
            &end.hash,
            backups,
        )
    }

    /// Remembers the chain's current head as a backup's, so that this copy swapped in later is
    /// named as such. Nothing when there is no valid anchor.
    pub(crate) async fn note_backup_head(&self) -> Result<()> {
        let Some(head) = audit_head::Entity::find_by_id(HEAD_ID)
            .one(self.db())
            .await?
        else {
            return Ok(());
        };
        let _guard = ANCHOR_WRITE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let AnchorRead::Found(mut anchor) = self.anchor()? else {
            return Ok(());
        };
        anchor.backups.push(BackupHead {
            seq: head.seq,
            hash: head.hash,
            at: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        });
        audit_anchor::write(
            &self.data.audit_anchor(),
            &self.audit_key,
            anchor.seq,
            &anchor.hash,
            anchor.backups,
        )
    }

    /// Re-seals every row under this store's key (after a key change: the audit key follows
    /// the database key) and anchors the head. The caller checked the chain under the old key.
    pub(crate) async fn reseal_all(&self) -> Result<()> {
        audit_log::Entity::update_many()
            .col_expr(audit_log::Column::Mac, Expr::value(Option::<String>::None))
            .exec(self.db())
            .await?;
        let _ = std::fs::remove_file(self.data.audit_anchor());
        self.reanchor().await
    }
}
