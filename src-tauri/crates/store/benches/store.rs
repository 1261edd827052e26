#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
//! Benchmark (not a test): prints students inserted per second through the store (100,000 rows)
//! and through plain SQLite with raw SQL, their ratio, the time to open the database, and
//! p50/p95 of a lookup by ID number and of a name-prefix search at 100,000 students.
//!
//! Run: `cargo bench -p xueji-store --bench store` (set `XUEJI_BENCH_ROWS` for a smaller run).
//! `cargo test -p xueji-store --bench store` (what `cargo xtask test` does) is a smoke run at 2,000
//! students and 50 samples: it checks that the benchmark still runs and prints its figures.
//! "Plain SQLite" is the same bundled library opened without a key: SQLCipher then neither
//! encrypts nor authenticates pages, so it is plain SQLite.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use xueji_store::entities::student;
use xueji_store::repo::students;
use xueji_store::{DataDir, KeyStore, Store};

/// Rows per multi-row statement of the raw-SQL insert (24 columns x 1000 rows stays under SQLite's
/// 32,766 bound variables).
const CHUNK: usize = 1000;
/// Rows per `insert_many` of the sea-orm insert, as `repo::students::insert_many` uses: the student
/// table has 42 columns, so 1000 rows would bind 42,000 variables ("too many SQL variables").
const SEA_ORM_CHUNK: usize = 500;

/// `cargo bench` passes `--bench` and gets the full size; `cargo test --benches` passes nothing and
/// gets a smoke run.
fn full_size() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn main() {
    let full = full_size();
    let rows: usize = std::env::var("XUEJI_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 100_000 } else { 2_000 });
    let samples = if full { 1000 } else { 50 };
    if !full {
        println!(
            "smoke run (cargo test): the figures are not the benchmark's; `cargo bench` measures"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(rows, samples));
}

fn per_second(rows: usize, d: Duration) -> f64 {
    rows as f64 / d.as_secs_f64()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Lookup and search latencies, sorted: (audited by ID, query-only by ID, audited name prefix).
async fn lookups(
    data: &DataDir,
    keys: &KeyStore,
    rows: usize,
    samples: usize,
) -> (Vec<Duration>, Vec<Duration>, Vec<Duration>) {
    let store = Store::open(data.clone(), keys.clone(), common::quiet())
        .await
        .expect("open");
    let mut by_id = Vec::with_capacity(samples);
    let mut by_name = Vec::with_capacity(samples);
    let mut by_id_query = Vec::with_capacity(samples);
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..samples {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let i = usize::try_from(state % rows as u64).expect("fits");
        let id = common::sample_id_number(i);
        let t = Instant::now();
        let txn = store.db().begin().await.expect("begin");
        let found = students::find_by_id_number(&txn, "bench", &id)
            .await
            .expect("lookup");
        txn.commit().await.expect("commit");
        by_id.push(t.elapsed());
        assert!(found.is_some());
        let t = Instant::now();
        let row = student::Entity::find()
            .filter(student::Column::IdNumber.eq(id.as_str()))
            .one(store.db())
            .await
            .expect("query");
        by_id_query.push(t.elapsed());
        assert!(row.is_some());
        let name = common::sample_name(i);
        let prefix: String = name.chars().take(2).collect();
        let t = Instant::now();
        let txn = store.db().begin().await.expect("begin");
        let hits = students::search_name_prefix(&txn, "bench", &prefix, 50)
            .await
            .expect("search");
        txn.commit().await.expect("commit");
        by_name.push(t.elapsed());
        assert!(!hits.is_empty());
    }
    store.close().await;
    by_id.sort();
    by_id_query.sort();
    by_name.sort();

    (by_id, by_id_query, by_name)
}

/// 20 opens and closes, sorted.
async fn open_times(data: &DataDir, keys: &KeyStore) -> Vec<Duration> {
    let mut opens = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let s = Store::open(data.clone(), keys.clone(), common::quiet())
            .await
            .expect("open");
        opens.push(t.elapsed());
        s.close().await;
    }
    opens.sort();
    opens
}

/// Student rows only through sea-orm's `insert_many` on a fresh SQLCipher store.
async fn bare_insert(dir: &std::path::Path, sample: &[students::NewStudent]) -> Duration {
    let bare_data = DataDir::new(dir.join("bare"));
    let bare_keys = KeyStore::file(dir.join("bare.key"));
    let (bare, _code) = Store::init(bare_data, bare_keys, &common::init_options())
        .await
        .expect("init");
    let t = Instant::now();
    for part in sample.chunks(10 * CHUNK) {
        let txn = bare.db().begin().await.expect("begin");
        for chunk in part.chunks(SEA_ORM_CHUNK) {
            student::Entity::insert_many(chunk.iter().map(bare_row))
                .exec_without_returning(&txn)
                .await
                .expect("insert");
        }
        txn.commit().await.expect("commit");
    }
    let elapsed = t.elapsed();
    bare.close().await;
    elapsed
}

async fn run(rows: usize, samples: usize) {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = DataDir::new(tmp.path().join("data"));
    let keys = KeyStore::file(tmp.path().join("db.key"));
    let sample: Vec<_> = (0..rows).map(common::sample_student).collect();

    // 1. Through the store: students + 2 family members + a history row each + audit per chunk.
    let (store, _code) = Store::init(data.clone(), keys.clone(), &common::init_options())
        .await
        .expect("init");
    let t = Instant::now();
    for part in sample.chunks(10 * CHUNK) {
        let txn = store.db().begin().await.expect("begin");
        students::insert_many(&txn, "bench", part)
            .await
            .expect("insert");
        txn.commit().await.expect("commit");
    }
    let store_time = t.elapsed();
    store.close().await;

    // 1b. The same student rows only, through sea-orm on SQLCipher (like for like with 2).
    let bare_time = bare_insert(tmp.path(), &sample).await;

    // 2. Plain SQLite, raw multi-VALUES SQL, the same student columns (no family/history/audit).
    let plain_time = plain_sqlite(tmp.path().join("plain.db").as_path(), &sample).await;

    // 3. Opening.
    let opens = open_times(&data, &keys).await;

    // 4. Lookups through the store (each audited in its own committed transaction).
    let (by_id, by_id_query, by_name) = lookups(&data, &keys, rows, samples).await;

    let store_rate = per_second(rows, store_time);
    let plain_rate = per_second(rows, plain_time);
    println!("rows: {rows}");
    println!(
        "insert through the store (SQLCipher, sea-orm, +2 family +history each): {store_rate:.0} students/s ({:.2} s)",
        store_time.as_secs_f64()
    );
    println!(
        "insert through plain SQLite, raw SQL (students only): {plain_rate:.0} students/s ({:.2} s)",
        plain_time.as_secs_f64()
    );
    let bare_rate = per_second(rows, bare_time);
    println!(
        "insert student rows only through sea-orm on SQLCipher: {bare_rate:.0} students/s ({:.2} s)",
        bare_time.as_secs_f64()
    );
    println!(
        "ratio plain/store: {:.2}x (full store write) ; ratio plain/sea-orm+SQLCipher (rows only): {:.2}x",
        plain_rate / store_rate,
        plain_rate / bare_rate
    );
    println!(
        "open the database: median {:.2} ms, max {:.2} ms",
        opens[opens.len() / 2].as_secs_f64() * 1e3,
        opens[opens.len() - 1].as_secs_f64() * 1e3
    );
    println!(
        "lookup by ID number (audited, committed): p50 {:.0} us, p95 {:.0} us",
        micros(percentile(&by_id, 0.5)),
        micros(percentile(&by_id, 0.95))
    );
    println!(
        "lookup by ID number, query only (no audit row): p50 {:.0} us, p95 {:.0} us",
        micros(percentile(&by_id_query, 0.5)),
        micros(percentile(&by_id_query, 0.95))
    );
    println!(
        "name-prefix search, 2 characters, limit 50 (audited, committed): p50 {:.0} us, p95 {:.0} us",
        micros(percentile(&by_name, 0.5)),
        micros(percentile(&by_name, 0.95))
    );
}

const PLAIN_COLUMNS: &str = "xueji_number, id_type, id_number, name, name_search, former_name, sex, \
birth_date, ethnicity, nationality, hukou_kind, hukou_address, current_address, migrant_child, \
left_behind, orphan, disability_kind, inclusive_placement, status, grade, archived, version, \
created_at, updated_at";

async fn plain_sqlite(path: &std::path::Path, sample: &[students::NewStudent]) -> Duration {
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .expect("plain open");
    sqlx::raw_sql(
        "CREATE TABLE student (id INTEGER PRIMARY KEY, xueji_number TEXT UNIQUE, id_type TEXT NOT NULL, \
         id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_search TEXT NOT NULL, former_name TEXT, \
         sex TEXT NOT NULL, birth_date TEXT NOT NULL, ethnicity TEXT NOT NULL, nationality TEXT NOT NULL, \
         hukou_kind TEXT NOT NULL, hukou_address TEXT NOT NULL, current_address TEXT NOT NULL, \
         migrant_child INTEGER NOT NULL, left_behind INTEGER NOT NULL, orphan INTEGER NOT NULL, \
         disability_kind TEXT, inclusive_placement INTEGER NOT NULL, status TEXT NOT NULL, grade INTEGER, \
         archived INTEGER NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL); \
         CREATE INDEX idx_name_search ON student(name_search);",
    )
    .execute(&pool)
    .await
    .expect("plain schema");
    let now = chrono::Utc::now().to_rfc3339();
    let t = Instant::now();
    for part in sample.chunks(10 * CHUNK) {
        let mut tx = pool.begin().await.expect("begin");
        for chunk in part.chunks(CHUNK) {
            let row = format!("({})", vec!["?"; 24].join(","));
            let sql = format!(
                "INSERT INTO student ({PLAIN_COLUMNS}) VALUES {}",
                vec![row.as_str(); chunk.len()].join(",")
            );
            // Only placeholders are formatted into the text; values are bound.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for s in chunk {
                q = q
                    .bind(s.xueji_number.clone())
                    .bind(s.id_type.clone())
                    .bind(s.id_number.clone())
                    .bind(s.name.as_str().to_owned())
                    .bind(students::normalise_name(s.name.as_str()))
                    .bind(s.former_name.clone())
                    .bind(s.sex.clone())
                    .bind(s.birth_date.to_string())
                    .bind(s.ethnicity.clone())
                    .bind(s.nationality.clone())
                    .bind(s.hukou_kind.clone())
                    .bind(s.hukou_address.clone())
                    .bind(s.current_address.clone())
                    .bind(s.migrant_child)
                    .bind(s.left_behind)
                    .bind(s.orphan)
                    .bind(s.disability_kind.clone())
                    .bind(s.inclusive_placement)
                    .bind(xueji_domain::stored::text(&s.status))
                    .bind(s.grade.map(|g| i32::from(g.number())))
                    .bind(false)
                    .bind(1)
                    .bind(now.clone())
                    .bind(now.clone());
            }
            q.execute(&mut *tx).await.expect("plain insert");
        }
        tx.commit().await.expect("commit");
    }
    let elapsed = t.elapsed();
    pool.close().await;
    elapsed
}

fn bare_row(s: &students::NewStudent) -> student::ActiveModel {
    students::active_model(s, chrono::Utc::now())
}
