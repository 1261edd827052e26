//! Point 1 and 7: students through the repositories — history on every change, no deletes,
//! unique ID number and 学籍号 (R7.2), name-prefix search.

mod common;

use common::{fresh, sample_student, student_with};
use sea_orm::TransactionTrait;
use xueji_store::StoreError;
use xueji_store::repo::students;

#[tokio::test]
async fn insert_view_change_archive_keep_every_version() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let id = students::insert(&txn, "admin", &sample_student(5))
        .await
        .expect("insert");
    let changed = students::update(&txn, "admin", id, "correct_name", |m| {
        m.former_name = Some(m.name.clone());
        "欧阳新名".clone_into(&mut m.name);
    })
    .await
    .expect("update");
    assert_eq!(changed.version, 2);
    assert_eq!(changed.name_search, "欧阳新名");
    let archived = students::archive(&txn, "admin", id).await.expect("archive");
    txn.commit().await.expect("commit");
    assert!(archived.archived);
    let history = students::history_of(store.db(), id).await.expect("history");
    let versions: Vec<i32> = history.iter().map(|h| h.version).collect();
    assert_eq!(versions, vec![1, 2, 3]);
    assert_eq!(history[1].change, "correct_name");
    assert!(history[0].snapshot.contains(&common::sample_name(5)));
    // Archived students still count and still block their ID number (R7.2, R9.2).
    assert_eq!(students::count(store.db()).await.expect("count"), 1);
    let txn = store.db().begin().await.expect("begin");
    let err = students::insert(&txn, "admin", &sample_student(5))
        .await
        .expect_err("dup");
    assert!(matches!(err, StoreError::Duplicate { .. }), "{err:?}");
    assert!(err.to_string().contains(&format!("学生编号 {id}")));
    txn.rollback().await.expect("rollback");
}

#[tokio::test]
async fn duplicate_in_a_batch_rolls_the_batch_back() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let mut batch: Vec<_> = (0..10).map(sample_student).collect();
    batch.push(sample_student(3));
    let txn = store.db().begin().await.expect("begin");
    let err = students::insert_many(&txn, "admin", &batch)
        .await
        .expect_err("dup");
    assert!(matches!(err, StoreError::Duplicate { .. }), "{err:?}");
    txn.rollback().await.expect("rollback");
    assert_eq!(students::count(store.db()).await.expect("count"), 0);
}

#[tokio::test]
async fn name_prefix_and_id_number_lookups() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let batch: Vec<_> = (0..500).map(sample_student).collect();
    assert_eq!(
        students::insert_many(&txn, "admin", &batch)
            .await
            .expect("batch"),
        500
    );
    students::insert(
        &txn,
        "admin",
        &student_with("欧阳娜娜", "330106201201011111"),
    )
    .await
    .expect("one");
    let found = students::search_name_prefix(&txn, "admin", "欧阳娜", 100)
        .await
        .expect("search");
    assert!(!found.is_empty());
    assert!(found.iter().all(|m| m.name.starts_with("欧阳娜")));
    let by_id = students::find_by_id_number(&txn, "admin", " 330106201201011111 ")
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!(by_id.name, "欧阳娜娜");
    assert!(
        students::find_by_id_number(&txn, "admin", "330106201201019999")
            .await
            .expect("lookup")
            .is_none()
    );
    txn.commit().await.expect("commit");
}
