//! Point 6: online encrypted backups, daily automatic copies, restore only after checks; the
//! round trip is identical.

mod common;

use common::{fresh, quiet, sample_student};
use sea_orm::{EntityTrait, QueryOrder, TransactionTrait};
use xueji_store::backup::{self, KEEP_AUTO};
use xueji_store::entities::{audit_log, student};
use xueji_store::repo::students;
use xueji_store::{DataDir, KeyStore, RecoveryCode, Store, StoreError};

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
        xueji_store::backup_format::unpack(&tampered, &side.database()).expect("unpack");
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
        // Back as a plain copy (the format of earlier versions, which still restores).
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

/// Issue 15, disaster recovery: the old disk is gone (database, recovery file, keyring entry);
/// a backup on a USB stick and the recovery code rebuild the data folder on a new computer.
#[tokio::test]
async fn a_backup_and_the_recovery_code_alone_rebuild_the_data_folder_on_a_new_computer() {
    let (tmp, data, keys, store, code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let batch: Vec<_> = (0..20).map(sample_student).collect();
    students::insert_many(&txn, "admin", &batch)
        .await
        .expect("batch");
    txn.commit().await.expect("commit");
    let usb = tmp.path().join("usb");
    let target = usb.join("xueji-2026-12-04.db");
    store.backup_to("admin", &target).await.expect("backup");
    let at_backup = snapshot(&store).await;
    // What an earlier version wrote: the bare encrypted database, no wrapped key.
    let legacy = usb.join("legacy.db");
    std::fs::copy(data.database(), &legacy).expect("legacy copy");
    store.close().await;
    std::fs::remove_dir_all(data.root()).expect("the disk dies");
    drop(keys);

    let new_keys = KeyStore::mock();
    let new_data = DataDir::new(tmp.path().join("new-computer"));
    let wrong = RecoveryCode::generate();
    let err = Store::restore_on_new_computer(new_data.clone(), new_keys.clone(), &target, &wrong)
        .await
        .expect_err("a wrong code opens nothing");
    assert!(matches!(err, StoreError::WrongRecoveryCode), "{err:?}");
    assert!(!new_data.database().exists() && !new_data.recovery().exists());
    let err = Store::restore_on_new_computer(new_data.clone(), new_keys.clone(), &legacy, &code)
        .await
        .expect_err("a bare copy has no wrapped key");
    assert!(matches!(err, StoreError::BackupWithoutRecovery), "{err:?}");
    // A file that is no backup at all (a picked JSON) is not mistaken for an old backup.
    let text = usb.join("results.json");
    std::fs::write(&text, br#"[{"student": "G330106201409020041"}]"#).expect("text");
    let err = Store::restore_on_new_computer(new_data.clone(), new_keys.clone(), &text, &code)
        .await
        .expect_err("not a backup");
    assert!(
        matches!(&err, StoreError::BackupInvalid { reason } if reason.contains("不是 XueJi 的备份文件")),
        "{err:?}"
    );
    assert!(!new_data.database().exists() && !new_data.recovery().exists());
    // A keyring entry for another database is never replaced.
    let occupied = KeyStore::mock();
    occupied
        .save(&xueji_store::key::DbKey::generate())
        .expect("other key");
    let err = Store::restore_on_new_computer(new_data.clone(), occupied, &target, &code)
        .await
        .expect_err("occupied");
    assert!(matches!(err, StoreError::KeyringOccupied), "{err:?}");
    assert!(!new_data.database().exists());

    let restored =
        Store::restore_on_new_computer(new_data.clone(), new_keys.clone(), &target, &code)
            .await
            .expect("restored from the backup and the code");
    let (students_now, audit_now) = snapshot(&restored).await;
    assert_eq!(students_now, at_backup.0);
    assert_eq!(audit_now[..at_backup.1.len()], at_backup.1[..]);
    let last = audit_now.last().expect("the restore's row");
    assert_eq!(last.action, xueji_domain::AuditAction::Restore.code());
    // Nothing was discarded: the new computer had no chain of its own.
    assert_eq!(
        last.target,
        "new-computer:xueji-2026-12-04.db discarded-head:none"
    );
    assert!(restored.verify_audit().await.expect("verify").is_intact());
    restored.close().await;
    // The key is in the new keyring, and the same code still unwraps the recovery file.
    Store::open(new_data.clone(), new_keys.clone(), quiet())
        .await
        .expect("opens with the stored key")
        .close()
        .await;
    new_keys.delete().expect("forget");
    Store::recover(new_data.clone(), new_keys.clone(), &code, quiet())
        .await
        .expect("the same code opens it")
        .close()
        .await;
    // A second restore into the folder is refused: nothing is overwritten.
    let err = Store::restore_on_new_computer(new_data, new_keys, &target, &code)
        .await
        .expect_err("folder in use");
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err:?}");
}

/// Issue 15: setup never makes a second key beside a kept one, nor a new database beside backups.
#[tokio::test]
async fn setup_refuses_a_folder_whose_key_or_backups_exist() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let keys = KeyStore::mock();
    keys.save(&xueji_store::key::DbKey::generate())
        .expect("a kept key");
    let data = DataDir::new(tmp.path().join("a"));
    let err = Store::init(data.clone(), keys, &common::init_options())
        .await
        .expect_err("key kept");
    assert!(matches!(err, StoreError::KeyringOccupied), "{err:?}");
    assert!(!data.database().exists());
    let data = DataDir::new(tmp.path().join("b"));
    std::fs::create_dir_all(data.backups()).expect("dir");
    std::fs::write(data.backups().join("auto-20261201-080000.000.db"), b"x").expect("write");
    let err = Store::init(data.clone(), KeyStore::mock(), &common::init_options())
        .await
        .expect_err("backups there");
    assert!(matches!(err, StoreError::BackupsPresent { .. }), "{err:?}");
    assert!(!data.database().exists());
}

/// Issue 15: what an interrupted backup left behind is cleaned, what runs now is not.
#[tokio::test]
async fn stale_partial_backups_are_removed_and_fresh_ones_kept() {
    let (_tmp, data, _keys, store, _code) = fresh().await;
    std::fs::create_dir_all(data.backups()).expect("dir");
    let stale = data.backups().join("manual-1.db.partial");
    let running = data.backups().join("manual-2.db.partial");
    for p in [&stale, &running] {
        std::fs::write(p, b"half").expect("write");
    }
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .expect("open")
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_hours(2))
        .expect("age it");
    store.auto_backup(KEEP_AUTO).await.expect("backup");
    assert!(!stale.exists(), "the leftover is gone");
    assert!(running.exists(), "a backup in progress keeps its file");
    store.close().await;
}
