#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
//! Crash test: a child process inserting in a loop is killed with SIGKILL at random moments
//! (30 times); after each kill the database opens, passes `integrity_check`,
//! `cipher_integrity_check` and audit verify, and every transaction the child reported committed
//! is present. Runs without the test harness: `main` is either the parent or, with `--child`,
//! the writer.

#[path = "common/mod.rs"]
mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use xueji_store::entities::student;
use xueji_store::repo::students;
use xueji_store::{DataDir, KeyStore, Store};

const KILLS: usize = 30;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    if args.get(1).map(String::as_str) == Some("--child") {
        let dir = PathBuf::from(args.get(2).expect("dir"));
        let start: usize = args.get(3).and_then(|s| s.parse().ok()).expect("start");
        runtime.block_on(child(&dir, start));
    } else {
        let committed = runtime.block_on(parent());
        println!(
            "crash test: ok ({KILLS} SIGKILLs; all {committed} reported commits present, integrity and audit chain intact after each)"
        );
    }
}

fn keys(dir: &Path) -> KeyStore {
    KeyStore::file(dir.join("db.key"))
}

/// Inserts students one transaction at a time, reporting each commit on stdout.
async fn child(dir: &Path, start: usize) {
    let data = DataDir::new(dir.join("data"));
    let store = Store::open(data, keys(dir), common::quiet())
        .await
        .expect("child open");
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").expect("stdout");
    out.flush().expect("flush");
    for i in start.. {
        let txn = store.db().begin().await.expect("begin");
        students::insert(&txn, "crash", &common::sample_student(i))
            .await
            .expect("insert");
        txn.commit().await.expect("commit");
        writeln!(out, "committed {i}").expect("stdout");
        out.flush().expect("flush");
    }
}

/// xorshift: enough randomness for kill moments without a dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

async fn parent() -> usize {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = DataDir::new(tmp.path().join("data"));
    let (store, _code) = Store::init(data.clone(), keys(tmp.path()), &common::init_options())
        .await
        .expect("init");
    store.close().await;
    let exe = std::env::current_exe().expect("exe");
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0x9e37_79b9, |d| d.as_nanos() as u64)
        | 1;
    let mut committed: Vec<usize> = Vec::new();
    let mut start = 0usize;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .arg("--child")
            .arg(tmp.path())
            .arg(start.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Wait until the child has the database open, then let it write for a random while.
        let ready = rx
            .recv_timeout(Duration::from_mins(1))
            .expect("child ready");
        assert_eq!(ready, "ready");
        let wait = Duration::from_millis(20 + next(&mut seed) % 400);
        let until = Instant::now() + wait;
        while Instant::now() < until {
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        reader.join().expect("reader");
        let reported: Vec<usize> = rx
            .try_iter()
            .filter_map(|l| l.strip_prefix("committed ").and_then(|n| n.parse().ok()))
            .collect();
        if let Some(last) = reported.last() {
            start = last + 2; // skip the one that may be half-done
        } else {
            start += 1;
        }
        committed.extend(reported);
        check(&data, tmp.path(), &committed, round).await;
    }
    assert!(
        committed.len() > KILLS,
        "the child committed rows between kills"
    );
    committed.len()
}

async fn check(data: &DataDir, dir: &Path, committed: &[usize], round: usize) {
    let store = Store::open(data.clone(), keys(dir), common::quiet())
        .await
        .unwrap_or_else(|e| panic!("round {round}: open after SIGKILL failed: {e}"));
    assert_eq!(
        store.integrity_problems().await.expect("integrity"),
        None,
        "round {round}: integrity"
    );
    let report = store.verify_audit().await.expect("audit");
    assert!(
        report.is_intact(),
        "round {round}: audit {:?}",
        report.first_problem
    );
    for chunk in committed.chunks(500) {
        let ids: Vec<String> = chunk.iter().map(|&i| common::sample_id_number(i)).collect();
        let found = student::Entity::find()
            .filter(student::Column::IdNumber.is_in(ids))
            .count(store.db())
            .await
            .expect("count");
        assert_eq!(
            found,
            chunk.len() as u64,
            "round {round}: a committed row is missing"
        );
    }
    store.close().await;
}
