//! Audit rows written by use cases (R30.1): who did what to which target. Targets name ids and
//! kinds, never an ID number or a name.

use sea_orm::{
    ConnectionTrait, DatabaseConnection, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};
use xueji_domain::AuditAction;
use xueji_store::AuditRecord;
use xueji_store::audit as chain;

use crate::error::Result;

/// Appends a row inside the caller's transaction.
pub async fn append<C: ConnectionTrait>(
    db: &C,
    user: &str,
    action: AuditAction,
    target: &str,
) -> Result<()> {
    chain::append(db, &AuditRecord::new(user, action, target)?).await?;
    Ok(())
}

/// The students a read showed, for its audit row (R30.1: who saw whom): `seen:3,17,42`, or
/// `seen:-` when nobody. Ids, never names.
pub fn seen(ids: impl IntoIterator<Item = i64>) -> String {
    let list: Vec<String> = ids.into_iter().map(|i| i.to_string()).collect();
    if list.is_empty() {
        "seen:-".to_owned()
    } else {
        format!("seen:{}", list.join(","))
    }
}

/// Writes a row in its own transaction (for uses that change nothing else: a view, a refusal).
///
/// `BEGIN IMMEDIATE`: appending reads the chain's head, then writes. In a deferred transaction two
/// concurrent views (a page loading its list and a search at once) both read, then one cannot
/// upgrade to write and fails at once with "database is locked" (the busy timeout does not apply
/// to a stale read snapshot). Taking the write lock first makes the second one wait instead.
pub async fn record(
    db: &DatabaseConnection,
    user: &str,
    action: AuditAction,
    target: &str,
) -> Result<()> {
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        })
        .await?;
    append(&txn, user, action, target).await?;
    txn.commit().await?;
    Ok(())
}
