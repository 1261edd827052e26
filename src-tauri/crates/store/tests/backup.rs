//! Point 6: online encrypted backups, daily automatic copies, restore only after checks; the
//! round trip is identical.

mod common;

use common::{fresh, quiet, sample_student};
use sea_orm::{EntityTrait, QueryOrder, TransactionTrait};
use xueji_store::backup::{self, KEEP_AUTO};
use xueji_store::entities::{audit_log, student};
use xueji_store::repo::students;
use xueji_store::{Store, StoreError};

async fn snapshot(store: &Store) -> (Vec<student::Model>, Vec<audit_log::Model>) {
    let s = student::Entity::find()
        .order_by_asc(student::Column::Id)
        .all(store.db())
        .await
        .expect("students");
    let a = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .all(store.db())
        .await
        .expect("audit");
    (s, a)
}

#[tokio::test]
async fn backup_and_restore_round_trip_is_identical() {
    let (tmp, data, keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let batch: Vec<_> = (0..50).map(sample_student).collect();
    students::insert_many(&txn, "admin", &batch)
        .await
        .expect("batch");
    txn.commit().await.expect("commit");
    let target = tmp.path().join("copy.xjbak");
    store.backup_to("admin", &target).await.expect("backup");
    let at_backup = snapshot(&store).await;
    // The copy is encrypted too.
    let bytes = std::fs::read(&target).expect("bytes");
    assert!(!bytes.starts_with(b"SQLite format 3"));
    assert!(!common::contains(&bytes, common::sample_name(7).as_bytes()));
    // Never overwrite a backup.
    assert!(matches!(
        store.backup_to("admin", &target).await,
        Err(StoreError::BackupExists { .. })
    ));
    // Change things after the backup.
    let txn = store.db().begin().await.expect("begin");
    students::insert(&txn, "admin", &sample_student(999))
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    store.close().await;
    let report = backup::verify_file(&target, &keys.load().expect("key"))
        .await
        .expect("verify");
    assert_eq!(
        report.audit_rows,
        u64::try_from(at_backup.1.len()).expect("fits")
    );
    let kept = backup::restore(&data, &keys, &target)
        .await
        .expect("restore")
        .expect("kept copy");
    assert!(kept.exists(), "the replaced database is kept");
    let store = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect("open");
    let (students_now, audit_now) = snapshot(&store).await;
    assert_eq!(students_now, at_backup.0);
    // Identical chain, plus the restore's own audit row.
    assert_eq!(audit_now[..at_backup.1.len()], at_backup.1[..]);
    assert_eq!(audit_now.len(), at_backup.1.len() + 1);
    assert!(store.verify_audit().await.expect("verify").is_intact());
    store.close().await;
    // The pre-restore copy still has the later student.
    let pre = backup::verify_file(&kept, &keys.load().expect("key"))
        .await
        .expect("pre-restore copy");
    assert!(pre.audit_rows > at_backup.1.len() as u64);
}

#[tokio::test]
async fn a_damaged_or_tampered_backup_is_not_restored() {
    let (tmp, data, keys, store, _code) = fresh().await;
    let target = tmp.path().join("copy.xjbak");
    store.backup_to("admin", &target).await.expect("backup");
    store.close().await;
    let live_before = std::fs::read(data.database()).expect("bytes");
    // Flip bytes inside a page: the page HMAC fails.
    let mut bytes = std::fs::read(&target).expect("bytes");
    let n = bytes.len();
    bytes[n - 100] ^= 0xff;
    let damaged = tmp.path().join("damaged.xjbak");
    std::fs::write(&damaged, &bytes).expect("write");
    let err = backup::restore(&data, &keys, &damaged)
        .await
        .expect_err("refused");
    assert!(matches!(err, StoreError::BackupInvalid { .. }), "{err:?}");
    // A backup whose audit chain was edited is refused too.
    let tampered = tmp.path().join("tampered.xjbak");
    std::fs::copy(&target, &tampered).expect("copy");
    {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
        let side = xueji_store::DataDir::new(tmp.path().join("side"));
        std::fs::create_dir_all(side.root()).expect("dir");
        std::fs::copy(&tampered, side.database()).expect("copy");
        std::fs::copy(data.recovery(), side.recovery()).expect("copy");
        let s = Store::open(side.clone(), keys.clone(), quiet())
            .await
            .expect("open side");
        let mut r = audit_log::Entity::find_by_id(1)
            .one(s.db())
            .await
            .expect("q")
            .expect("row")
            .into_active_model();
        r.target = Set("edited".to_owned());
        r.update(s.db()).await.expect("tamper");
        s.close().await;
        std::fs::remove_file(&tampered).expect("rm");
        std::fs::copy(side.database(), &tampered).expect("copy back");
    }
    let err = backup::restore(&data, &keys, &tampered)
        .await
        .expect_err("refused");
    assert!(matches!(err, StoreError::BackupInvalid { .. }), "{err:?}");
    assert!(err.to_string().contains("审计"));
    assert_eq!(std::fs::read(data.database()).expect("bytes"), live_before);
}

#[tokio::test]
async fn automatic_backup_at_most_once_a_day_keeping_thirty() {
    let (_tmp, data, _keys, store, _code) = fresh().await;
    assert!(
        store.auto_backups().expect("list").is_empty(),
        "opening takes none"
    );
    assert!(
        store
            .auto_backup(KEEP_AUTO)
            .await
            .expect("backup")
            .is_some()
    );
    assert_eq!(store.auto_backups().expect("list").len(), 1);
    assert!(store.auto_backup(KEEP_AUTO).await.expect("again").is_none());
    assert_eq!(store.auto_backups().expect("list").len(), 1, "once a day");
    // Pretend 40 older days exist: only the last 30 are kept.
    for day in 1..=40 {
        let name = format!(
            "auto-2020{:02}{:02}-000000.000.db",
            1 + day / 28,
            1 + day % 28
        );
        std::fs::write(data.backups().join(name), b"old").expect("write");
    }
    store.auto_backup(KEEP_AUTO).await.expect("prune");
    let list = store.auto_backups().expect("list");
    assert_eq!(list.len(), KEEP_AUTO);
    let newest = list.last().expect("today").to_string_lossy().into_owned();
    assert!(
        !newest.contains("auto-2020"),
        "the newest (today's) copy is kept: {newest}"
    );
    store.close().await;
}
