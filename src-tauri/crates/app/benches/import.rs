//! Benchmark (not a test): builds a 10,000-row student list (.xlsx, `XUEJI_BENCH_ROWS` for
//! another size) and prints the time of `App::import_students_check` (read + validate + duplicate
//! lookup) and of `App::import_students_commit` (check again + write in one transaction).
//! Goal (issue 8): validate and import 10,000 rows in under 3 s.
//!
//! Run: `cargo bench -p xueji-app --bench import`. `cargo test -p xueji-app --bench import` (what
//! `cargo xtask test` does) is a smoke run at 500 rows: it checks that the benchmark still runs and
//! prints its figures.

use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use xueji_app::{App, InitInput, ManualClock, SchoolProfile};
use xueji_domain::SchoolKind;
use xueji_store::{DataDir, KeyStore};

const HEADERS: [&str; 14] = [
    "姓名",
    "性别",
    "出生日期",
    "身份证件号",
    "民族",
    "国籍/地区",
    "户口性质",
    "户口所在地",
    "现住址",
    "年级",
    "班级",
    "随迁子女",
    "监护人姓名",
    "监护人关系",
];

fn list(rows: u32) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in (0u16..).zip(HEADERS) {
        sheet.write_string(0, c, h).expect("write");
    }
    let base = NaiveDate::from_ymd_opt(2014, 1, 1).expect("date");
    for n in 0..rows {
        let birth = base + chrono::Duration::days(i64::from(n / 1000));
        let first17 = format!("330106{}{:03}", birth.format("%Y%m%d"), n % 1000);
        let check = xueji_domain::id_card::check_character(&first17).expect("17 digits");
        let id = format!("{first17}{check}");
        let grade = format!(
            "{}年级",
            ["一", "二", "三", "四", "五", "六"][(n % 6) as usize]
        );
        let class = format!("{}班", n % 8 + 1);
        let cells = [
            "王小明",
            "",
            &birth.to_string(),
            &id,
            "汉族",
            "中国",
            "农业户口",
            "浙江省杭州市西湖区文三路1号",
            "浙江省杭州市西湖区文三路1号",
            &grade,
            &class,
            "否",
            "王大山",
            "父亲",
        ];
        for (c, v) in (0u16..).zip(cells) {
            if !v.is_empty() {
                sheet.write_string(n + 1, c, v).expect("write");
            }
        }
    }
    book.save_to_buffer().expect("save")
}

async fn run(rows: u32) {
    let tmp = tempfile::tempdir().expect("tmp");
    let clock = ManualClock::at(NaiveDate::from_ymd_opt(2025, 10, 8).expect("date"));
    let input = InitInput {
        school: SchoolProfile::new("杭州市西湖区文三路学校", SchoolKind::NineYear),
        admin_username: "registrar".to_owned(),
        admin_display_name: "王老师".to_owned(),
        admin_password: "xueji2024".to_owned(),
    };
    let (app, _code) = App::init(
        DataDir::new(tmp.path().join("data")),
        KeyStore::file(tmp.path().join("bench.key")),
        &input,
        Arc::new(clock),
    )
    .await
    .expect("init");
    let session = app.login("registrar", "xueji2024").await.expect("login");
    let bytes = list(rows);
    println!("rows: {rows} ({} KiB .xlsx)", bytes.len() / 1024);

    let t = Instant::now();
    let report = app
        .import_students_check(&session, &bytes)
        .await
        .expect("check");
    let check = t.elapsed();
    assert!(report.problems.is_empty(), "{:?}", report.problems.first());
    println!(
        "validate (import_students_check): {:.2} s",
        check.as_secs_f64()
    );

    let t = Instant::now();
    let v = app
        .import_students_commit(&session, &bytes)
        .await
        .expect("commit");
    let commit = t.elapsed();
    assert!(v.committed);
    assert_eq!(v.imported, rows);
    println!(
        "validate + import (import_students_commit): {:.2} s  (goal < 3 s)",
        commit.as_secs_f64()
    );
    app.close().await;
}

/// `cargo bench` passes `--bench` and gets the full size; `cargo test --benches` passes nothing and
/// gets a smoke run.
fn full_size() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn main() {
    let full = full_size();
    let rows: u32 = std::env::var("XUEJI_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 10_000 } else { 500 });
    if !full {
        println!(
            "smoke run (cargo test): the figures are not the benchmark's; `cargo bench` measures"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(rows));
}
