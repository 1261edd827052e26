//! Point 2 and 4 of the store: real SQLCipher files, no plaintext, clear failures that destroy
//! nothing.

mod common;

use common::{contains, fresh, quiet, student_with};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use sea_orm_migration::seaql_migrations;
use xueji_store::entities::family_member;
use xueji_store::paths::DataDir;
use xueji_store::repo::students;
use xueji_store::{DbKey, KeyStore, Limits, OpenOptions, Store, StoreError};

const SECRET_NAME: &str = "诸葛明亮";
const SECRET_ID: &str = "330106201501017777";

fn read_all(data: &DataDir) -> Vec<u8> {
    let mut bytes = std::fs::read(data.database()).expect("db bytes");
    let mut wal = data.database().into_os_string();
    wal.push("-wal");
    if let Ok(w) = std::fs::read(&wal) {
        bytes.extend(w);
    }
    bytes
}

#[tokio::test]
async fn file_has_no_plain_header_and_no_plain_personal_data() {
    let (_tmp, data, _keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    students::insert(&txn, "admin", &student_with(SECRET_NAME, SECRET_ID))
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    // While open (WAL present) and after close (checkpointed).
    let open_bytes = read_all(&data);
    store.close().await;
    let closed_bytes = read_all(&data);
    for bytes in [&open_bytes, &closed_bytes] {
        assert!(!bytes.starts_with(b"SQLite format 3"));
        assert!(!contains(bytes, SECRET_NAME.as_bytes()));
        assert!(!contains(bytes, SECRET_ID.as_bytes()));
        assert!(!contains(bytes, "测试小学".as_bytes()));
    }
    assert!(!xueji_store::connection::has_plain_header(&data.database()).expect("read"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.database())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the database is owner-only");
    }
}

#[tokio::test]
async fn wrong_key_is_refused_and_the_file_is_unchanged() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    store.close().await;
    let before = std::fs::read(data.database()).expect("bytes");
    let good = keys.load().expect("key");
    keys.save(&DbKey::generate()).expect("save wrong key");
    let err = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect_err("wrong key");
    assert!(matches!(err, StoreError::WrongKey), "{err:?}");
    assert!(err.to_string().contains("密钥不正确"));
    assert_eq!(std::fs::read(data.database()).expect("bytes"), before);
    keys.save(&good).expect("restore key");
    let store = Store::open(data, keys, quiet())
        .await
        .expect("opens with the right key");
    assert!(store.verify_audit().await.expect("verify").is_intact());
    store.close().await;
}

#[tokio::test]
async fn missing_keyring_entry_is_its_own_kind() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    store.close().await;
    keys.delete().expect("delete");
    let err = Store::open(data, keys, quiet()).await.expect_err("no key");
    assert!(matches!(err, StoreError::KeyMissing), "{err:?}");
    assert!(err.to_string().contains("恢复码"));
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_untouched() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    store.close().await;
    let junk = "这不是数据库。".repeat(2000).into_bytes();
    std::fs::write(data.database(), &junk).expect("write junk");
    let err = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect_err("junk");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read(data.database()).expect("bytes"), junk);
    // A plain (unencrypted) SQLite file is not ours either, and is never keyed in place.
    let mut plain = b"SQLite format 3\0".to_vec();
    plain.resize(8192, 0);
    std::fs::write(data.database(), &plain).expect("write plain");
    let err = Store::open(data.clone(), keys, quiet())
        .await
        .expect_err("plain");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read(data.database()).expect("bytes"), plain);
}

#[tokio::test]
async fn a_truncated_file_is_reported_and_untouched() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let many: Vec<_> = (0..300).map(common::sample_student).collect();
    students::insert_many(&txn, "admin", &many)
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    store.close().await;
    let full = std::fs::read(data.database()).expect("bytes");
    for cut in [full.len() / 2, full.len() / 2 + 100, 1000] {
        std::fs::write(data.database(), &full[..cut]).expect("truncate");
        let err = Store::open(data.clone(), keys.clone(), quiet())
            .await
            .expect_err("truncated");
        assert!(
            matches!(err, StoreError::Truncated { .. }),
            "cut {cut}: {err:?}"
        );
        assert_eq!(std::fs::read(data.database()).expect("bytes").len(), cut);
    }
    std::fs::write(data.database(), b"").expect("empty");
    let err = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect_err("empty");
    assert!(matches!(err, StoreError::Truncated { .. }), "{err:?}");
}

#[tokio::test]
async fn a_second_opener_is_locked_out() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    let err = Store::open(data.clone(), keys.clone(), quiet())
        .await
        .expect_err("locked");
    assert!(matches!(err, StoreError::Locked), "{err:?}");
    assert!(err.to_string().contains("另一个程序"));
    store.close().await;
    Store::open(data, keys, quiet())
        .await
        .expect("free again")
        .close()
        .await;
}

#[tokio::test]
async fn a_full_disk_is_its_own_kind_and_loses_nothing_committed() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    store.close().await;
    let opts = OpenOptions {
        limits: Limits {
            max_page_count: Some(64),
        },
    };
    let store = Store::open(data.clone(), keys.clone(), opts)
        .await
        .expect("open");
    let before = students::count(store.db()).await.expect("count");
    let many: Vec<_> = (0..2000).map(common::sample_student).collect();
    let txn = store.db().begin().await.expect("begin");
    let err = students::insert_many(&txn, "admin", &many)
        .await
        .expect_err("full");
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().contains("磁盘空间已满"));
    txn.rollback().await.expect("rollback");
    assert_eq!(students::count(store.db()).await.expect("count"), before);
    store.close().await;
    let store = Store::open(data, keys, quiet()).await.expect("reopen");
    assert_eq!(store.integrity_problems().await.expect("check"), None);
    store.close().await;
}

#[tokio::test]
async fn a_newer_schema_is_refused_without_migrating() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    seaql_migrations::Entity::insert(seaql_migrations::ActiveModel {
        version: Set("m9999_from_the_future".to_owned()),
        applied_at: Set(0),
    })
    .exec_without_returning(store.db())
    .await
    .expect("insert future migration");
    store.close().await;
    let before = std::fs::read(data.database()).expect("bytes");
    let err = Store::open(data.clone(), keys, quiet())
        .await
        .expect_err("too new");
    assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err:?}");
    assert!(err.to_string().contains("更新版本"));
    assert_eq!(std::fs::read(data.database()).expect("bytes"), before);
}

#[tokio::test]
async fn init_never_overwrites_an_existing_database() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    store.close().await;
    let before = std::fs::read(data.database()).expect("bytes");
    let err = Store::init(data.clone(), KeyStore::mock(), &common::init_options())
        .await
        .expect_err("exists");
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err:?}");
    assert_eq!(std::fs::read(data.database()).expect("bytes"), before);
    Store::open(data, keys, quiet())
        .await
        .expect("still opens")
        .close()
        .await;
}

#[tokio::test]
async fn wal_foreign_keys_and_cipher_are_on() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    assert!(
        store
            .cipher_version()
            .await
            .expect("version")
            .starts_with('4')
    );
    let info = store.info().await.expect("info");
    assert_eq!(info.row_counts.get("user"), Some(&1));
    assert_eq!(info.schema_version, info.app_schema_version);
    // A family member for a student that does not exist is refused by the foreign key.
    let res = family_member::Entity::insert(family_member::ActiveModel {
        student_id: Set(4242),
        ordinal: Set(1),
        name: Set("某某".to_owned()),
        relation: Set("父亲".to_owned()),
        phone: Set(None),
        id_number: Set(None),
        employer: Set(None),
        guardian: Set(false),
        ..Default::default()
    })
    .exec(store.db())
    .await;
    assert!(res.is_err(), "foreign keys are enforced");
    let journal = sea_orm::ConnectionTrait::query_one_raw(
        store.db(),
        sea_orm::Statement::from_string(sea_orm::DbBackend::Sqlite, "PRAGMA journal_mode"),
    )
    .await
    .expect("pragma")
    .expect("row");
    let mode: String = journal.try_get_by_index(0).expect("text");
    assert_eq!(mode, "wal");
    store.close().await;
}

#[tokio::test]
async fn a_failed_init_leaves_nothing_behind_and_can_be_retried() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = DataDir::new(tmp.path().join("data"));
    let keys = KeyStore::mock();
    let mut opts = common::init_options();
    opts.admin_password = "short".to_owned();
    let err = Store::init(data.clone(), keys.clone(), &opts)
        .await
        .expect_err("password too short");
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert!(!data.database().exists());
    assert!(!data.recovery().exists());
    assert!(matches!(keys.load(), Err(StoreError::KeyMissing)));
    let (store, _code) = Store::init(data, keys, &common::init_options())
        .await
        .expect("second try");
    store.close().await;
}

#[tokio::test]
async fn an_existing_database_is_backed_up_before_any_migration() {
    let (_tmp, data, keys, store, _code) = fresh().await;
    // Make the schema look unmigrated: opening must back up before it touches anything.
    seaql_migrations::Entity::delete_many()
        .exec(store.db())
        .await
        .expect("forget migrations");
    store.close().await;
    let result = Store::open(data.clone(), keys.clone(), quiet()).await;
    let backups: Vec<_> = std::fs::read_dir(data.backups())
        .expect("backups folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pre-migration-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    // The existing tables make the first migration fail; nothing was lost.
    assert!(result.is_err());
    let copy = data.backups().join(&backups[0]);
    let report = xueji_store::backup::verify_file(&copy, &keys.load().expect("key"))
        .await
        .expect("the pre-migration copy is valid");
    assert!(report.audit_rows >= 3);
}

#[tokio::test]
async fn m0004_rewrites_a_graduation_row_stored_before_the_fix_as_its_workflow() {
    use sea_orm::ActiveModelTrait;
    use xueji_domain::completion::CompletionFacts;
    use xueji_domain::{Change, Workflow};
    use xueji_store::entities::{application, application_step};

    let (_tmp, data, keys, store, _code) = fresh().await;
    let on = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date");
    // As graduation batches wrote it before m0004: the bare change as the data, no details.
    let change = Change::Finish(CompletionFacts {
        programme_completed: true,
        overall_quality_passed: true,
        failed_subjects_after_makeup: 0,
    });
    let a = application::ActiveModel {
        student_id: Set(None),
        change_kind: Set(xueji_domain::ApplicationKind::Change(
            xueji_domain::ChangeKind::Finish,
        )),
        state: Set(application::ApplicationState::Approved),
        opened_on: Set(on),
        closed_on: Set(Some(on)),
        data: Set(serde_json::to_string(&change).expect("json")),
        current_step: Set(None),
        due_on: Set(None),
        waiting_on: Set(None),
        created_by: Set("registrar".to_owned()),
        details: Set(None),
        ..Default::default()
    }
    .insert(store.db())
    .await
    .expect("legacy row");
    for (ordinal, role, reference) in [
        (0, xueji_domain::workflow::Party::School, None),
        (
            1,
            xueji_domain::workflow::Party::Bureau,
            Some("西教〔2026〕9号"),
        ),
    ] {
        application_step::ActiveModel {
            application_id: Set(a.id),
            ordinal: Set(ordinal),
            role: Set(role),
            label: Set(String::new()),
            decision: Set(Some(application_step::Decision::Approved)),
            decided_on: Set(Some(on)),
            decided_by: Set(Some("registrar".to_owned())),
            reference: Set(reference.map(str::to_owned)),
            ..Default::default()
        }
        .insert(store.db())
        .await
        .expect("step");
    }
    seaql_migrations::Entity::delete_many()
        .filter(seaql_migrations::Column::Version.eq("m0004_graduation_workflows"))
        .exec(store.db())
        .await
        .expect("forget m0004");
    store.close().await;
    let store = Store::open(data, keys, quiet())
        .await
        .expect("reopen migrates");
    let row = application::Entity::find_by_id(a.id)
        .one(store.db())
        .await
        .expect("read")
        .expect("row");
    let w: Workflow = serde_json::from_str(&row.data).expect("now a workflow");
    assert_eq!(w.change(), Some(&change));
    assert!(w.is_approved());
    assert!(
        row.data.contains("西教〔2026〕9号"),
        "the bureau's 文号: {}",
        row.data
    );
}
