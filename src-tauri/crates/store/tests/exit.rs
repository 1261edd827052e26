//! Exit test: a process that drops its store without closing it and returns from `main` at once
//! must exit cleanly. sqlx then closes the connections on their worker threads while SQLCipher's
//! exit handler frees its global state; without the store's exit wait the process died with
//! SIGSEGV at exit in a share of runs. Runs without the test harness: `main` is either the parent,
//! which runs the child `RUNS` times, or, with `--child`, the child.

#[path = "common/mod.rs"]
mod common;

use std::process::Command;

use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_store::repo::students;

const RUNS: usize = 20;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--child") {
        child();
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    let mut failures = Vec::new();
    for run in 0..RUNS {
        let out = Command::new(&exe).arg("--child").output().expect("child");
        if !out.status.success() {
            failures.push(format!("run {run}: {}", out.status));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {RUNS} processes did not exit cleanly: {failures:?}",
        failures.len()
    );
    println!("exit: {RUNS} processes dropped their store and exited cleanly");
}

/// Writes (so the WAL has frames to checkpoint), reads on every connection of the pool at once,
/// then drops the store and the runtime and returns.
fn child() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let (_tmp, _data, _keys, store, _code) = common::fresh().await;
        for i in 0..20 {
            let txn = store.db().begin().await.expect("begin");
            students::insert(&txn, "exit", &common::sample_student(i))
                .await
                .expect("insert");
            txn.commit().await.expect("commit");
        }
        // Readers holding a transaction each: the pool opens all its connections.
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let db = store.db().clone();
            tasks.spawn(async move {
                let txn = db.begin().await.expect("begin");
                txn.execute_unprepared("SELECT count(*) FROM student")
                    .await
                    .expect("read");
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                txn.commit().await.expect("commit");
            });
        }
        while let Some(done) = tasks.join_next().await {
            done.expect("reader");
        }
        drop(store);
    });
    drop(runtime);
}
