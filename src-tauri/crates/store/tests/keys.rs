//! Point 3: the key in the keyring (mock here; the real Secret Service when
//! `XUEJI_KEYRING_TESTS=1`), the recovery code, changing the key, the key file.

mod common;

use common::{fresh, init_options, quiet, sample_student};
use sea_orm::TransactionTrait;
use xueji_store::repo::students;
use xueji_store::{DataDir, KeyStore, RecoveryCode, Store, StoreError};

#[tokio::test]
async fn recovery_code_restores_access_after_the_keyring_entry_is_deleted() {
    let (_tmp, data, keys, store, code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let id = students::insert(&txn, "admin", &sample_student(1))
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    store.close().await;
    let original = keys.load().expect("key");
    keys.delete().expect("delete entry");
    assert!(matches!(
        Store::open(data.clone(), keys.clone(), quiet()).await,
        Err(StoreError::KeyMissing)
    ));
    let wrong = RecoveryCode::generate();
    assert!(matches!(
        Store::recover(data.clone(), keys.clone(), &wrong, quiet()).await,
        Err(StoreError::WrongRecoveryCode)
    ));
    let typed = RecoveryCode::parse(&code.grouped().to_lowercase()).expect("typed code");
    let store = Store::recover(data.clone(), keys.clone(), &typed, quiet())
        .await
        .expect("recover");
    let txn = store.db().begin().await.expect("begin");
    assert_eq!(
        students::view(&txn, "admin", id).await.expect("view").id,
        id
    );
    txn.commit().await.expect("commit");
    store.close().await;
    // The key was re-stored: a normal open works again.
    assert_eq!(keys.load().expect("re-stored"), original);
    Store::open(data, keys, quiet())
        .await
        .expect("open")
        .close()
        .await;
}

#[tokio::test]
async fn changing_the_key_rekeys_and_issues_a_new_recovery_code() {
    let (_tmp, data, keys, store, old_code) = fresh().await;
    let old_key = keys.load().expect("key");
    let (store, new_code) = store.change_key().await.expect("rekey");
    assert_ne!(keys.load().expect("key"), old_key);
    assert!(store.verify_audit().await.expect("verify").is_intact());
    store.close().await;
    // The old key no longer opens the file; the new key does.
    keys.save(&old_key).expect("put old key back");
    assert!(matches!(
        Store::open(data.clone(), keys.clone(), quiet()).await,
        Err(StoreError::WrongKey)
    ));
    // The old code no longer unwraps; the new one does and re-stores the new key.
    assert!(matches!(
        Store::recover(data.clone(), keys.clone(), &old_code, quiet()).await,
        Err(StoreError::WrongRecoveryCode)
    ));
    let store = Store::recover(data.clone(), keys.clone(), &new_code, quiet())
        .await
        .expect("new code works");
    let renewed = store.new_recovery_code().await.expect("renew");
    store.close().await;
    keys.delete().expect("delete");
    Store::recover(data, keys, &renewed, quiet())
        .await
        .expect("renewed code works")
        .close()
        .await;
}

#[tokio::test]
async fn key_file_mode_for_servers_without_a_keyring() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = DataDir::new(tmp.path().join("data"));
    let key_file = tmp.path().join("db.key");
    let keys = KeyStore::file(&key_file);
    let (store, _code) = Store::init(data.clone(), keys.clone(), &init_options())
        .await
        .expect("init");
    store.close().await;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    Store::open(data, keys, quiet())
        .await
        .expect("open")
        .close()
        .await;
}

/// The real OS keyring (Secret Service on Linux). Runs only when the test command provides one:
/// `XUEJI_KEYRING_TESTS=1` under `dbus-run-session` with an unlocked `gnome-keyring-daemon`.
#[tokio::test]
async fn os_keyring_round_trip_when_available() {
    if std::env::var("XUEJI_KEYRING_TESTS").as_deref() != Ok("1") {
        eprintln!("skipped: set XUEJI_KEYRING_TESTS=1 with a Secret Service running");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let data = DataDir::new(tmp.path().join("data"));
    let keys = KeyStore::os_keyring(&data).expect("keyring entry");
    let (store, code) = Store::init(data.clone(), keys.clone(), &init_options())
        .await
        .expect("init");
    store.close().await;
    // A fresh entry object reads the key the Secret Service stored.
    let again = KeyStore::os_keyring(&data).expect("entry");
    Store::open(data.clone(), again.clone(), quiet())
        .await
        .expect("open")
        .close()
        .await;
    again.delete().expect("delete");
    assert!(matches!(again.load(), Err(StoreError::KeyMissing)));
    Store::recover(data.clone(), again.clone(), &code, quiet())
        .await
        .expect("recover")
        .close()
        .await;
    assert!(KeyStore::os_keyring(&data).expect("entry").load().is_ok());
    again.delete().expect("clean up");
}
