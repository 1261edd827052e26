//! Point 5: the audit chain catches an edited, a deleted, a swapped and a cut-off row; reads are
//! audited; audit rows share the transaction of the change.

mod common;

use common::{fresh, sample_student};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel, TransactionTrait};
use xueji_domain::AuditAction;
use xueji_store::entities::{audit_log, student};
use xueji_store::repo::students;
use xueji_store::{AuditProblem, AuditRecord, Store, audit};

/// A store with a few audited actions (init writes 3 rows; we add 6 more).
async fn with_rows() -> (tempfile::TempDir, Store) {
    let (tmp, _data, _keys, store, _code) = fresh().await;
    for i in 0..3 {
        let txn = store.db().begin().await.expect("begin");
        let id = students::insert(&txn, "admin", &sample_student(i))
            .await
            .expect("insert");
        students::view(&txn, "admin", id).await.expect("view");
        txn.commit().await.expect("commit");
    }
    assert!(store.verify_audit().await.expect("verify").is_intact());
    (tmp, store)
}

async fn row(store: &Store, seq: i64) -> audit_log::Model {
    audit_log::Entity::find_by_id(seq)
        .one(store.db())
        .await
        .expect("query")
        .expect("row exists")
}

#[tokio::test]
async fn r30_1_intact_chain_verifies_reads_are_audited_and_every_row_names_its_user() {
    let (_tmp, store) = with_rows().await;
    let report = store.verify_audit().await.expect("verify");
    assert_eq!(report.rows, 9);
    let actions: Vec<String> = audit_log::Entity::find()
        .all(store.db())
        .await
        .expect("rows")
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert!(actions.contains(&"view".to_owned()));
    let txn = store.db().begin().await.expect("begin");
    students::search_name_prefix(&txn, "admin", "王", 10)
        .await
        .expect("search");
    students::find_by_id_number(&txn, "admin", &common::sample_id_number(1))
        .await
        .expect("find");
    txn.commit().await.expect("commit");
    assert_eq!(store.verify_audit().await.expect("verify").rows, 11);
    // A use with no named user is refused (R30.1); a print is recorded under its action's name.
    assert!(AuditRecord::new("  ", AuditAction::Print, "certificate:1").is_err());
    let txn = store.db().begin().await.expect("begin");
    let print = AuditRecord::new("admin", AuditAction::Print, "certificate:1").expect("record");
    assert_eq!(audit::append(&txn, &print).await.expect("append"), 12);
    txn.commit().await.expect("commit");
    let last = row(&store, 12).await;
    assert_eq!(
        (last.action.as_str(), last.user.as_str()),
        ("print", "admin")
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

#[tokio::test]
async fn an_edited_row_is_found() {
    let (_tmp, store) = with_rows().await;
    let mut r = row(&store, 5).await.into_active_model();
    r.user = Set("mallory".to_owned());
    r.update(store.db()).await.expect("tamper");
    let report = store.verify_audit().await.expect("verify");
    assert_eq!(report.first_problem, Some(AuditProblem::Edited { seq: 5 }));
}

#[tokio::test]
async fn a_deleted_row_is_found() {
    let (_tmp, store) = with_rows().await;
    audit_log::Entity::delete_by_id(4)
        .exec(store.db())
        .await
        .expect("delete");
    let report = store.verify_audit().await.expect("verify");
    assert_eq!(report.first_problem, Some(AuditProblem::Missing { seq: 4 }));
}

#[tokio::test]
async fn a_deleted_last_row_is_found() {
    let (_tmp, store) = with_rows().await;
    audit_log::Entity::delete_by_id(9)
        .exec(store.db())
        .await
        .expect("delete");
    let report = store.verify_audit().await.expect("verify");
    assert_eq!(
        report.first_problem,
        Some(AuditProblem::TailMissing { seq: 9 })
    );
}

#[tokio::test]
async fn swapped_rows_are_found() {
    let (_tmp, store) = with_rows().await;
    let a = row(&store, 5).await;
    let b = row(&store, 6).await;
    // Swap the contents of rows 5 and 6, keeping their sequence numbers.
    for (seq, src) in [(5, &b), (6, &a)] {
        audit_log::Entity::update(audit_log::ActiveModel {
            seq: sea_orm::ActiveValue::Unchanged(seq),
            at: Set(src.at.clone()),
            user: Set(src.user.clone()),
            action: Set(src.action.clone()),
            target: Set(src.target.clone()),
            prev_hash: Set(src.prev_hash.clone()),
            hash: Set(src.hash.clone()),
            mac: Set(src.mac.clone()),
        })
        .exec(store.db())
        .await
        .expect("swap");
    }
    let report = store.verify_audit().await.expect("verify");
    assert_eq!(
        report.first_problem,
        Some(AuditProblem::Reordered { seq: 5 })
    );
}

#[tokio::test]
async fn a_rolled_back_change_leaves_no_audit_row() {
    let (_tmp, store) = with_rows().await;
    let before = store.verify_audit().await.expect("verify").rows;
    let txn = store.db().begin().await.expect("begin");
    students::insert(&txn, "admin", &sample_student(77))
        .await
        .expect("insert");
    txn.rollback().await.expect("rollback");
    assert_eq!(store.verify_audit().await.expect("verify").rows, before);
    let n = student::Entity::find()
        .all(store.db())
        .await
        .expect("rows")
        .len();
    assert_eq!(n, 3);
}
