#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
//! Benchmark (not a test), issue 7 "Done when": search results on screen within 100 ms of the last
//! keystroke at 100,000 students, measured in the real app.
//!
//! It seeds a data folder with 100,000 students straight through the store
//! (`xueji_store::repo::students::insert_many`, as `crates/app/benches/app.rs` does), starts the
//! release build of the app on it under Xvfb through tauri-driver, logs in, opens 学生, and types
//! each query into the search box with WebDriver. The page notes `performance.now()` at every
//! keydown in the box and again when the rows of a query are in the DOM and painted (see
//! `ui/src/utils/perfMarks.ts`); the figure is the painted time minus the last keydown, read back
//! through WebDriver, so WebDriver's own latency does not count. Prints p50/p95/max per kind of
//! query (2-character name prefix, 3-letter pinyin initials, 18-character ID number) and overall.
//!
//! Run: `cargo xtask bench-search` (builds the UI and the release app first; `XUEJI_BENCH_ROWS=N`
//! for a smaller run, `XUEJI_BENCH_SEARCHES=N` searches per kind, default 25).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use sea_orm::TransactionTrait;
use serde_json::Value;
use xueji_app::{App, InitInput, SchoolProfile, SystemClock};
use xueji_domain::{Grade, PersonName, SchoolKind, Status};
use xueji_e2e::Session;
use xueji_store::repo::students::{self, NewFamilyMember, NewStudent, Placement, name_initials};
use xueji_store::{DataDir, KeyStore};

const USERNAME: &str = "registrar";
const PASSWORD: &str = "xueji2024";
const CHUNK: usize = 10_000;
const GOAL_MS: f64 = 100.0;

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
fn indexes(n: usize, count: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        })
        .collect()
}

/// Creates the school, the registrar and `rows` students in `root/data`, key in `root/db.key`.
async fn seed(root: &Path, rows: usize) {
    let input = InitInput {
        school: SchoolProfile::new("杭州市西湖区文三路学校", SchoolKind::NineYear),
        admin_username: USERNAME.to_owned(),
        admin_display_name: "王老师".to_owned(),
        admin_password: PASSWORD.to_owned(),
    };
    let (app, _code) = App::init(
        DataDir::new(root.join("data")),
        KeyStore::file(root.join("db.key")),
        &input,
        Arc::new(SystemClock),
    )
    .await
    .expect("init the data folder");
    let t = Instant::now();
    for start in (0..rows).step_by(CHUNK) {
        let part: Vec<NewStudent> = (start..(start + CHUNK).min(rows)).map(sample).collect();
        let txn = app.db().begin().await.expect("begin");
        students::insert_many(&txn, "bench", &part)
            .await
            .expect("insert");
        txn.commit().await.expect("commit");
    }
    println!(
        "seeded {rows} students through the store in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    app.close().await;
}

type Res<T> = Result<T, fantoccini::error::CmdError>;

async fn wait_for(client: &Client, css: &str) -> Res<fantoccini::elements::Element> {
    client
        .wait()
        .at_most(Duration::from_mins(1))
        .for_element(Locator::Css(css))
        .await
}

/// The search marks the page keeps (`ui/src/utils/perfMarks.ts`).
async fn marks(client: &Client) -> Res<Value> {
    client
        .execute("return window.__xuejiSearchMarks || null", vec![])
        .await
}

fn num(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Waits until the rows of `query` were painted after render number `after`; returns the marks.
async fn rendered(client: &Client, query: &str, after: f64) -> Res<Value> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let m = marks(client).await?;
        if text(&m, "renderedQuery") == query && num(&m, "renders") > after {
            return Ok(m);
        }
        assert!(
            Instant::now() < deadline,
            "no results rendered for a query within 30 s"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Empties the search box and waits for the full list.
async fn clear(client: &Client, input: &fantoccini::elements::Element) -> Res<()> {
    let before = num(&marks(client).await?, "renders");
    let current = input.prop("value").await?.unwrap_or_default();
    if current.is_empty() {
        return Ok(());
    }
    input
        .send_keys(&format!("{}a{}", Key::Control, Key::Control))
        .await?;
    input.send_keys(&Key::Backspace.to_string()).await?;
    rendered(client, "", before).await?;
    Ok(())
}

/// Types `query` and returns (painted − last keydown, in-DOM − last keydown) in ms.
async fn one_search(
    client: &Client,
    input: &fantoccini::elements::Element,
    query: &str,
) -> Res<(f64, f64)> {
    clear(client, input).await?;
    let before = num(&marks(client).await?, "renders");
    input.send_keys(query).await?;
    let m = rendered(client, query, before).await?;
    assert_eq!(
        text(&m, "keyQuery"),
        query,
        "the last keystroke was not the query's last character"
    );
    let key = num(&m, "keyAt");
    Ok((num(&m, "paintedAt") - key, num(&m, "renderedAt") - key))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn report(what: &str, painted: &[f64], dom: &[f64]) -> f64 {
    let mut p = painted.to_vec();
    let mut d = dom.to_vec();
    p.sort_by(f64::total_cmp);
    d.sort_by(f64::total_cmp);
    println!(
        "{what:<34} n={:<3} painted p50 {:>6.1} ms  p95 {:>6.1} ms  max {:>6.1} ms   (in DOM p50 {:.1}, p95 {:.1})",
        p.len(),
        percentile(&p, 0.5),
        percentile(&p, 0.95),
        p[p.len() - 1],
        percentile(&d, 0.5),
        percentile(&d, 0.95),
    );
    percentile(&p, 0.95)
}

/// Logs in (through the command: the login screen is not what is measured), then opens 学生 with
/// a reload, so the UI starts from the backend's session.
async fn login(client: &Client) -> Res<()> {
    wait_for(client, "#app").await?;
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke('auth_login', { username: arguments[0], password: arguments[1] })
               .then(() => done('ok'), (e) => done(JSON.stringify(e)));",
            vec![Value::from(USERNAME), Value::from(PASSWORD)],
        )
        .await?;
    assert_eq!(result, Value::from("ok"), "login failed");
    // The page learns of the session on a reload; then 学生 from the sidebar, as a registrar goes.
    client.execute("location.reload();", vec![]).await?;
    wait_for(client, "[data-test=nav-students]")
        .await?
        .click()
        .await?;
    Ok(())
}

async fn drive(client: &Client, rows: usize, per_kind: usize) -> Res<bool> {
    let started = Instant::now();
    login(client).await?;
    let input = wait_for(client, "input[data-test=student-search]").await?;
    wait_for(client, "[data-test=student-table]").await?;
    println!(
        "app up, logged in, 学生 open with {rows} students: {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let picks = indexes(rows, per_kind, 0x2545_f491_4f6c_dd1d);
    let kinds: [(&str, Vec<String>); 3] = [
        (
            "name prefix (2 characters)",
            picks
                .iter()
                .map(|i| name(*i).chars().take(2).collect())
                .collect(),
        ),
        (
            "pinyin initials (3 letters)",
            picks
                .iter()
                .map(|i| name_initials(&name(*i)).chars().take(3).collect())
                .collect(),
        ),
        (
            "ID number (18 characters)",
            picks.iter().map(|i| id_number(*i).0).collect(),
        ),
    ];
    // Warm-up: the first searches of each kind are not counted.
    for (_, queries) in &kinds {
        one_search(client, &input, &queries[0]).await?;
    }
    let (mut all_painted, mut all_dom) = (Vec::new(), Vec::new());
    let mut worst_p95: f64 = 0.0;
    for (what, queries) in &kinds {
        let (mut painted, mut dom) = (Vec::new(), Vec::new());
        for q in queries {
            let (p, d) = one_search(client, &input, q).await?;
            painted.push(p);
            dom.push(d);
        }
        worst_p95 = worst_p95.max(report(what, &painted, &dom));
        all_painted.extend(painted);
        all_dom.extend(dom);
    }
    let overall = report("all searches", &all_painted, &all_dom);
    let met = overall <= GOAL_MS && worst_p95 <= GOAL_MS;
    println!(
        "goal: results on screen within {GOAL_MS:.0} ms of the last keystroke (p95): {}",
        if met { "met" } else { "NOT met" }
    );
    Ok(met)
}

fn main() {
    let rows: usize = std::env::var("XUEJI_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let per_kind: usize = std::env::var("XUEJI_BENCH_SEARCHES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25)
        .max(20);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let met = runtime.block_on(async {
        let root = std::env::temp_dir().join(format!("xueji-bench-search-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("bench folder");
        seed(&root, rows).await;
        let env = [
            (
                "XUEJI_DATA_DIR".to_owned(),
                root.join("data").display().to_string(),
            ),
            (
                "XUEJI_DB_KEY_FILE".to_owned(),
                root.join("db.key").display().to_string(),
            ),
        ];
        let session = Session::start_with("bench-search", &env).await;
        let client = session.client.lock().expect("the WebDriver client").clone();
        let outcome = drive(&client, rows, per_kind).await;
        if outcome.is_err()
            && let Some(path) = session.screenshot("bench-search-failure").await
        {
            eprintln!("screenshot of the failure: {}", path.display());
        }
        session.close().await;
        let _ = std::fs::remove_dir_all(&root);
        outcome.expect("WebDriver")
    });
    std::process::exit(i32::from(!met));
}
