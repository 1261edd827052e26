#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
//! Benchmark (not a test): at 100,000 students (`XUEJI_BENCH_ROWS` for fewer), inserted straight
//! through `xueji_store::repo::students::insert_many`, prints p50/p95 of `App::student_search`
//! (first page of 20) by name prefix, pinyin initials and ID number (200 queries each), of every
//! keystroke of such queries as typed (each prefix searched, the way the list does), of
//! `App::student_archive`, and the time of the year-end `App::promotion_run`.
//! Goals: search p95 < 20 ms, promotion < 5 s.
//!
//! Run: `cargo bench -p xueji-app --bench app`. `cargo test -p xueji-app --bench app` (what
//! `cargo xtask test` does) is a smoke run at 2,000 students and 20 queries of each kind: it checks
//! that the benchmark still runs and prints its figures.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_app::students::SearchInput;
use xueji_app::{App, InitInput, ManualClock, SchoolProfile, Session};
use xueji_domain::{Grade, PersonName, SchoolKind, Status};
use xueji_store::repo::students::{self, NewFamilyMember, NewStudent, Placement, name_initials};
use xueji_store::{DataDir, KeyStore};

const CHUNK: usize = 10_000;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
    "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛",
    "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚",
    "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
    "顾", "侯", "邵", "孟", "龙", "万", "段", "漕", "钱", "汤", "尹", "黎", "易", "常", "武", "乔",
    "贺", "赖", "龚", "文", "欧阳",
];
const GIVEN: &[&str] = &[
    "子", "涵", "梓", "轩", "欣", "怡", "浩", "然", "雨", "桐", "一", "诺", "思", "远", "佳", "俊",
    "杰", "诗", "宇", "泽", "晨", "阳", "明", "华", "婷", "文", "博", "嘉", "乐", "安", "宁", "静",
    "瑞", "睿", "航", "鑫", "悦", "琪", "萱", "晓", "峰", "昊", "天", "可", "馨", "铭", "哲", "楠",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn name(i: usize) -> String {
    let s = SURNAMES[i % SURNAMES.len()];
    let a = GIVEN[(i / SURNAMES.len()) % GIVEN.len()];
    let b = GIVEN[(i / (SURNAMES.len() * GIVEN.len()) + i) % GIVEN.len()];
    format!("{s}{a}{b}")
}

fn id_number(i: usize) -> (String, NaiveDate, u8) {
    let grade = 1 + (i % 9) as u8;
    let k = i / 9;
    let birth = NaiveDate::from_ymd_opt(2019 - i32::from(grade), 1, 1).expect("date")
        + chrono::Days::new((k % 365) as u64);
    let first17 = format!("330106{}{:03}", birth.format("%Y%m%d"), k / 365);
    let check = xueji_domain::id_card::check_character(&first17).expect("check");
    (format!("{first17}{check}"), birth, grade)
}

fn sample(i: usize) -> NewStudent {
    let (id, birth, grade) = id_number(i);
    NewStudent {
        xueji_number: Some(format!("G{id}")),
        id_type: "resident_id".to_owned(),
        id_number: id,
        name: PersonName::parse(&name(i)).expect("name"),
        former_name: None,
        sex: if i.is_multiple_of(2) {
            "male"
        } else {
            "female"
        }
        .to_owned(),
        birth_date: birth,
        ethnicity: "汉族".to_owned(),
        nationality: "中国".to_owned(),
        hukou_kind: "非农业户口".to_owned(),
        hukou_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        current_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        migrant_child: i.is_multiple_of(7),
        left_behind: false,
        orphan: false,
        disability_kind: None,
        inclusive_placement: false,
        status: Status::Enrolled,
        grade: Some(Grade::new(grade).expect("grade")),
        placement: Placement {
            grade_year: Some(2025),
            class_name: Some(format!("{}班", 1 + i % 8)),
            entry_date: Some(NaiveDate::from_ymd_opt(2025, 9, 1).expect("date")),
            stage_entry_date: None,
            study_mode: xueji_domain::StudyMode::Regular,
            foreign_national: false,
            aux_number: None,
        },
        family: vec![NewFamilyMember {
            name: "王大山".to_owned(),
            relation: "父亲".to_owned(),
            phone: Some("13800000000".to_owned()),
            id_number: None,
            employer: None,
            guardian: true,
        }],
    }
}

/// A xorshift stream of indexes below `n`.
fn indexes(n: usize, count: usize) -> Vec<usize> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        })
        .collect()
}

async fn searches(app: &App, session: &Session, queries: &[String]) -> (Vec<Duration>, u64) {
    let mut times = Vec::with_capacity(queries.len());
    let mut hits = 0;
    for q in queries {
        let t = Instant::now();
        let page = app
            .student_search(
                session,
                &SearchInput {
                    query: Some(q.clone()),
                    page: 1,
                    page_size: 20,
                    ..SearchInput::default()
                },
            )
            .await
            .expect("search");
        times.push(t.elapsed());
        hits += page.total;
    }
    times.sort();
    (times, hits)
}

/// Every prefix of each query, as the list searches while it is typed (one search per keystroke).
fn as_typed(queries: &[String], count: usize) -> Vec<String> {
    queries
        .iter()
        .take(count)
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len())
                .map(|n| chars[..n].iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn report(what: &str, times: &[Duration], hits: Option<u64>) {
    let mean = hits.map_or_else(String::new, |h| {
        format!(" (mean total {:.0})", h as f64 / times.len() as f64)
    });
    println!(
        "{what}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms{mean}",
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        ms(times[times.len() - 1]),
    );
}

/// Search figures: whole queries of each kind, everyone, and every keystroke as typed.
async fn search_figures(app: &App, session: &Session, picks: &[usize]) {
    let by_name: Vec<String> = picks
        .iter()
        .map(|i| name(*i).chars().take(2).collect())
        .collect();
    let by_initials: Vec<String> = picks
        .iter()
        .map(|i| name_initials(&name(*i)).chars().take(3).collect())
        .collect();
    let by_id: Vec<String> = picks.iter().map(|i| id_number(*i).0).collect();
    let (times, hits) = searches(app, session, &by_name).await;
    report("search by name prefix (2 characters)", &times, Some(hits));
    let (times, hits) = searches(app, session, &by_initials).await;
    report("search by pinyin initials (3 letters)", &times, Some(hits));
    let (times, hits) = searches(app, session, &by_id).await;
    report("search by ID number (18 characters)", &times, Some(hits));
    let (times, hits) = searches(app, session, &[String::new()]).await;
    report("list everyone (no query)", &times, Some(hits));
    // The list searches on every keystroke: the short, broad prefixes count too.
    let (times, hits) = searches(app, session, &as_typed(&by_name, 50)).await;
    report("as typed: name, each keystroke", &times, Some(hits));
    let (times, hits) = searches(app, session, &as_typed(&by_initials, 50)).await;
    report(
        "as typed: pinyin initials, each keystroke",
        &times,
        Some(hits),
    );
    let (times, hits) = searches(app, session, &as_typed(&by_id, 20)).await;
    report("as typed: ID number, each keystroke", &times, Some(hits));
}

async fn run(rows: usize, samples: usize) {
    let tmp = tempfile::tempdir().expect("tmp");
    let clock = ManualClock::at(NaiveDate::from_ymd_opt(2026, 7, 10).expect("date"));
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

    let t = Instant::now();
    for start in (0..rows).step_by(CHUNK) {
        let part: Vec<NewStudent> = (start..(start + CHUNK).min(rows)).map(sample).collect();
        let txn = app.db().begin().await.expect("begin");
        students::insert_many(&txn, "bench", &part)
            .await
            .expect("insert");
        txn.commit().await.expect("commit");
    }
    let insert = t.elapsed();
    println!("rows: {rows}");
    println!(
        "insert through repo::students::insert_many: {:.2} s ({:.0} students/s)",
        insert.as_secs_f64(),
        rows as f64 / insert.as_secs_f64()
    );

    let picks = indexes(rows, samples);
    search_figures(&app, &session, &picks).await;

    let mut archive = Vec::with_capacity(samples);
    for i in &picks {
        let t = Instant::now();
        app.student_archive(&session, i64::try_from(*i + 1).expect("id"))
            .await
            .expect("archive");
        archive.push(t.elapsed());
    }
    archive.sort();
    report("open archive (student_archive)", &archive, None);

    let mut dashboard = Vec::with_capacity(20);
    for _ in 0..20 {
        let t = Instant::now();
        app.dashboard(&session).await.expect("dashboard");
        dashboard.push(t.elapsed());
    }
    dashboard.sort();
    report("dashboard (counts, to-dos, findings)", &dashboard, None);

    let t = Instant::now();
    let preview = app
        .promotion_preview(&session, 2026)
        .await
        .expect("preview");
    println!(
        "promotion preview: {:.2} s ({} to promote, {} exceptions)",
        t.elapsed().as_secs_f64(),
        preview.to_promote,
        preview.exceptions.len()
    );
    let t = Instant::now();
    let result = app.promotion_run(&session, 2026).await.expect("promotion");
    println!(
        "promotion run: {:.2} s ({} promoted, {} exceptions)",
        t.elapsed().as_secs_f64(),
        result.promoted,
        result.exceptions.len()
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
    let rows: usize = std::env::var("XUEJI_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 100_000 } else { 2_000 });
    let samples = if full { 200 } else { 20 };
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
