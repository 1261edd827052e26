//! R30.3: wrong passwords are counted in one statement, so attempts made at the same moment are
//! all counted (none reads a count another is about to replace), and the fifth locks.

mod common;

use chrono::{Duration, Utc};
use common::{ADMIN, fresh};
use xueji_store::repo::users;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn r30_3_wrong_passwords_at_once_are_all_counted_and_the_fifth_locks() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let admin = users::find(store.db(), ADMIN)
        .await
        .unwrap()
        .expect("admin");
    let until = Utc::now() + Duration::minutes(15);
    let attempts: Vec<_> = (0..4)
        .map(|_| {
            let db = store.db().clone();
            tokio::spawn(async move { users::count_failure(&db, admin.id, 5, until).await })
        })
        .collect();
    for attempt in attempts {
        let (_, locked) = attempt.await.expect("task").expect("counted");
        assert_eq!(locked, None, "four failures do not lock");
    }
    let (count, locked) = users::count_failure(store.db(), admin.id, 5, until)
        .await
        .expect("counted");
    assert_eq!(count, 5, "every attempt counted");
    assert_eq!(
        locked.map(|t| t.timestamp()),
        Some(until.timestamp()),
        "the fifth locks"
    );
    // Once that lock has run out, the next failure starts a fresh count.
    let (count, locked) = users::count_failure(store.db(), admin.id, 5, until)
        .await
        .expect("counted");
    assert_eq!((count, locked), (1, None));
}
