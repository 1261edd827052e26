//! Issue 15 item 3: the anchored audit chain. Rows are sealed by an HMAC under a key outside the
//! database and the last sealed (seq, hash) is signed into a file outside it; each way of
//! tampering an attacker with the database but without the audit key has is detected and named.

mod common;

use common::{fresh, quiet, sample_student};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use xueji_store::entities::{audit_head, audit_log};
use xueji_store::repo::students;
use xueji_store::{AuditProblem, DataDir, KeyStore, Store, audit};
use xueji_store::{backup, backup_format};

/// A store with init's rows and 6 more (9 in all), sealed and anchored.
async fn with_rows() -> (tempfile::TempDir, DataDir, KeyStore, Store) {
    let (tmp, data, keys, store, _code) = fresh().await;
    for i in 0..3 {
        let txn = store.db().begin().await.expect("begin");
        let id = students::insert(&txn, "admin", &sample_student(i))
            .await
            .expect("insert");
        students::view(&txn, "admin", id).await.expect("view");
        txn.commit().await.expect("commit");
    }
    assert_eq!(store.seal_audit().await.expect("seal"), None);
    assert!(store.verify_audit().await.expect("verify").is_intact());
    (tmp, data, keys, store)
}

async fn rows(store: &Store) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .all(store.db())
        .await
        .expect("rows")
}

async fn first_problem(store: &Store) -> Option<AuditProblem> {
    store.verify_audit().await.expect("verify").first_problem
}

/// Points `audit_head` at a row, as someone covering a cut would.
async fn move_head(store: &Store, row: &audit_log::Model) {
    audit_head::Entity::update(audit_head::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(1),
        seq: Set(row.seq),
        hash: Set(row.hash.clone()),
    })
    .exec(store.db())
    .await
    .expect("move head");
}

#[tokio::test]
async fn r30_1_rows_are_sealed_and_anchored_outside_the_database() {
    let (_tmp, data, keys, store) = with_rows().await;
    assert!(rows(&store).await.iter().all(|r| r.mac.is_some()));
    let anchor = std::fs::read_to_string(data.audit_anchor()).expect("anchor file");
    assert!(anchor.contains("\"seq\": 9"), "{anchor}");
    // Rows written since are sealed when the store closes.
    let txn = store.db().begin().await.expect("begin");
    students::insert(&txn, "admin", &sample_student(40))
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    assert!(rows(&store).await.last().expect("row").mac.is_none());
    store.close().await;
    let store = Store::open(data.clone(), keys, quiet())
        .await
        .expect("open");
    let all = rows(&store).await;
    assert!(all.iter().all(|r| r.mac.is_some()));
    assert_eq!(all.first().expect("row").action, "init");
    let anchor = std::fs::read_to_string(data.audit_anchor()).expect("anchor file");
    assert!(
        anchor.contains(&format!("\"seq\": {}", all.len())),
        "{anchor}"
    );
    assert_eq!(store.audit_alarm().await.expect("alarm"), None);
}

#[tokio::test]
async fn r30_1_a_cut_off_tail_with_the_head_moved_is_found() {
    let (_tmp, _data, _keys, store) = with_rows().await;
    let kept = rows(&store).await[5].clone();
    audit_log::Entity::delete_many()
        .filter(audit_log::Column::Seq.gt(6))
        .exec(store.db())
        .await
        .expect("cut");
    move_head(&store, &kept).await;
    let named = AuditProblem::TailMissing { seq: 7 };
    assert_eq!(
        store.audit_alarm().await.expect("alarm"),
        Some(named.clone())
    );
    assert_eq!(first_problem(&store).await, Some(named.clone()));
    assert_eq!(named.to_string(), "第 7 条及之后的记录缺失");
}

#[tokio::test]
async fn r30_1_a_wiped_log_is_found_with_or_without_its_anchor() {
    let (_tmp, data, _keys, store) = with_rows().await;
    audit_log::Entity::delete_many()
        .exec(store.db())
        .await
        .expect("wipe");
    audit_head::Entity::delete_many()
        .exec(store.db())
        .await
        .expect("wipe head");
    assert_eq!(
        first_problem(&store).await,
        Some(AuditProblem::Wiped { anchored: 9 })
    );
    std::fs::remove_file(data.audit_anchor()).expect("remove anchor");
    let problem = first_problem(&store).await;
    assert_eq!(problem, Some(AuditProblem::Wiped { anchored: 0 }));
    assert_eq!(problem.expect("problem").to_string(), "审计日志被清空");
}

/// Rewrites row 5's user and recomputes the chain from there on, as anyone who knows the
/// algorithm can.
async fn recompute_from_row_5(store: &Store, keep_macs: bool) {
    let all = rows(store).await;
    let mut prev = all[3].hash.clone();
    for row in &all[4..] {
        let user = if row.seq == 5 { "mallory" } else { &row.user };
        let hash = audit::row_hash(&prev, &row.at, user, &row.action, &row.target);
        audit_log::Entity::update(audit_log::ActiveModel {
            seq: sea_orm::ActiveValue::Unchanged(row.seq),
            at: Set(row.at.clone()),
            user: Set(user.to_owned()),
            action: Set(row.action.clone()),
            target: Set(row.target.clone()),
            prev_hash: Set(prev.clone()),
            hash: Set(hash.clone()),
            mac: Set(if keep_macs { row.mac.clone() } else { None }),
        })
        .exec(store.db())
        .await
        .expect("rewrite");
        prev = hash;
    }
    let last = rows(store).await.pop().expect("last");
    move_head(store, &last).await;
}

#[tokio::test]
async fn r30_1_a_recomputed_chain_is_found() {
    let (_tmp, _data, _keys, store) = with_rows().await;
    recompute_from_row_5(&store, true).await;
    let problem = first_problem(&store).await;
    assert_eq!(problem, Some(AuditProblem::Forged { seq: 5 }));
    assert!(
        problem
            .expect("problem")
            .to_string()
            .contains("哈希链被重新计算")
    );
    // Removing the MACs does not help: the anchor outside the database names the last row.
    recompute_from_row_5(&store, false).await;
    assert_eq!(
        store.audit_alarm().await.expect("alarm"),
        Some(AuditProblem::Rewritten { seq: 9 })
    );
    assert_eq!(
        first_problem(&store).await,
        Some(AuditProblem::Rewritten { seq: 9 })
    );
}

#[tokio::test]
async fn r30_1_the_anchor_file_cannot_be_edited_or_removed_unnoticed() {
    let (_tmp, data, _keys, store) = with_rows().await;
    let path = data.audit_anchor();
    let text = std::fs::read_to_string(&path).expect("anchor");
    std::fs::write(&path, text.replace("\"seq\": 9", "\"seq\": 4")).expect("edit");
    assert_eq!(
        first_problem(&store).await,
        Some(AuditProblem::AnchorForged)
    );
    std::fs::remove_file(&path).expect("remove");
    assert_eq!(
        first_problem(&store).await,
        Some(AuditProblem::AnchorMissing)
    );
    // Nothing is sealed or anchored while the problem stands.
    let txn = store.db().begin().await.expect("begin");
    students::insert(&txn, "admin", &sample_student(41))
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    assert_eq!(
        store.seal_audit().await.expect("seal"),
        Some(AuditProblem::AnchorMissing)
    );
    assert!(!path.exists());
}

#[tokio::test]
async fn r30_1_an_old_backup_swapped_in_is_named_and_a_real_restore_records_what_it_discards() {
    let (tmp, data, keys, store) = with_rows().await;
    let copy = tmp.path().join("copy.xjbak");
    store.backup_to("admin", &copy).await.expect("backup");
    let at_backup = rows(&store).await.len();
    for i in 50..53 {
        let txn = store.db().begin().await.expect("begin");
        students::insert(&txn, "admin", &sample_student(i))
            .await
            .expect("insert");
        txn.commit().await.expect("commit");
    }
    store.close().await;
    // The backup's database copied over the live one by hand, not through a restore.
    let db = data.database();
    std::fs::remove_file(&db).expect("remove the live database");
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", db.display()));
    }
    backup_format::unpack(&copy, &db).expect("unpack over the database");
    let store = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect("open");
    let alarm = store.audit_alarm().await.expect("alarm");
    let Some(AuditProblem::OldCopy { seq, anchored, .. }) = &alarm else {
        panic!("not named as an old copy: {alarm:?}");
    };
    assert_eq!(usize::try_from(*seq).expect("seq"), at_backup);
    assert!(*anchored > *seq);
    assert!(alarm.expect("alarm").to_string().contains("的备份"));
    assert_eq!(
        first_problem(&store)
            .await
            .map(|p| p.to_string().contains("的备份")),
        Some(true)
    );
    store.close().await;
    // The lawful way back: a restore, whose own row names the head it discards.
    backup::restore(&data, &keys, &copy).await.expect("restore");
    let store = Store::open(data, keys, quiet()).await.expect("open");
    assert_eq!(first_problem(&store).await, None);
    let last = rows(&store).await.pop().expect("restore row");
    assert_eq!(last.action, "restore");
    assert!(
        last.target
            .contains(&format!("discarded-head:{}:", at_backup + 3)),
        "{}",
        last.target
    );
}

#[tokio::test]
async fn r30_1_a_chain_written_before_sealing_existed_is_sealed_on_open() {
    let (_tmp, data, keys, store) = with_rows().await;
    audit_log::Entity::update_many()
        .col_expr(audit_log::Column::Mac, Expr::value(Option::<String>::None))
        .exec(store.db())
        .await
        .expect("unseal");
    std::fs::remove_file(data.audit_anchor()).expect("remove anchor");
    // An older version's database: no MAC, no anchor. Nothing is wrong with it.
    assert_eq!(store.audit_alarm().await.expect("alarm"), None);
    store.close().await;
    let store = Store::open(data.clone(), keys, quiet())
        .await
        .expect("open");
    assert!(rows(&store).await.iter().all(|r| r.mac.is_some()));
    assert!(data.audit_anchor().exists());
    assert!(store.verify_audit().await.expect("verify").is_intact());
}
