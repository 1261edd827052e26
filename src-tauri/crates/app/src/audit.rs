//! Audit rows written by use cases (R30.1): who did what to which target. Targets name ids and
//! kinds, never an ID number or a name.

use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use xueji_store::AuditRecord;
use xueji_store::audit as chain;

use crate::error::Result;

/// Appends a row inside the caller's transaction.
pub async fn append<C: ConnectionTrait>(
    db: &C,
    user: &str,
    action: &str,
    target: &str,
) -> Result<()> {
    chain::append(db, &AuditRecord::new(user, action, target)?).await?;
    Ok(())
}

/// Writes a row in its own transaction (for uses that change nothing else: a view, a refusal).
pub async fn record(db: &DatabaseConnection, user: &str, action: &str, target: &str) -> Result<()> {
    let txn = db.begin().await?;
    append(&txn, user, action, target).await?;
    txn.commit().await?;
    Ok(())
}
