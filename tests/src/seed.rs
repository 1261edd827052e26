//! Students and applications on the books before a test drives a page, through two doors that
//! are no test-only way into the database: the app's own commands (enrolment, change submission,
//! each step's decision, through the IPC) and the Excel roster import of the `xueji` command line.
//!
//! The commands put students in the statuses a page needs (在读, on leave, abroad, deferred, held
//! …) in seconds, with every rule checked by the real backend; the pages that do those things are
//! driven by their own tests. The roster import is how an existing school's roster enters the app
//! in the first place (its students come in 在读 in the grade the sheet gives), run against the
//! app's data folder while the app is closed. Names and ID numbers are made up.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use rust_xlsxwriter::Workbook;
use serde_json::{Value, json};

use crate::{ADMIN_PASSWORD, ADMIN_USERNAME, APPROVER, AppHandle, MORAL, STAFF_PASSWORD};

/// A valid resident ID number (GB 11643, check character computed) for a birth date
/// (`YYYY-MM-DD` or `YYYYMMDD`) and a sequence (its last three digits; an odd one is a boy).
pub fn id_number(birth: &str, seq: u32) -> String {
    let first17 = format!("330106{}{:03}", birth.replace('-', ""), seq % 1000);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!(
        "{first17}{}",
        char::from(b"10X98765432"[(sum % 11) as usize])
    )
}

const SURNAMES: [&str; 8] = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄"];
const GIVEN: [&str; 8] = [
    "一鸣", "子涵", "雨桐", "浩然", "欣怡", "宇轩", "梓萱", "俊杰",
];

/// A student to enrol through the app's `student_enrol` command.
#[derive(Clone, Debug)]
pub struct Pupil {
    pub name: String,
    pub id_number: String,
    pub grade: u8,
    pub class: String,
    /// `regular` or `inclusive`
    pub study_mode: &'static str,
    pub migrant_child: bool,
    pub left_behind: bool,
}

impl Pupil {
    /// A pupil of `grade` in 1班, born on `birth`, with the ID number of `birth` and `seq`.
    pub fn new(name: &str, birth: &str, seq: u32, grade: u8) -> Self {
        Self::with_id_number(name, &id_number(birth, seq), grade)
    }

    /// A pupil of `grade` in 1班 with a given ID number.
    pub fn with_id_number(name: &str, id_number: &str, grade: u8) -> Self {
        Self {
            name: name.to_owned(),
            id_number: id_number.to_owned(),
            grade,
            class: "1班".to_owned(),
            study_mode: "regular",
            migrant_child: false,
            left_behind: false,
        }
    }

    /// The `seq`th made-up pupil of `grade` in 1班: a name and a birth date (of the grade's age)
    /// derived from `seq`.
    pub fn numbered(seq: u32, grade: u8) -> Self {
        let birth_year = 2019 - i32::from(grade) + 1;
        let birth = format!("{birth_year}-0{}-1{}", seq % 9 + 1, seq % 9);
        let i = seq as usize;
        let name = format!("{}{}", SURNAMES[i % 8], GIVEN[(i / 8) % 8]);
        Self::new(&name, &birth, seq, grade)
    }

    /// The same pupil in `class`.
    #[must_use]
    pub fn in_class(self, class: &str) -> Self {
        Self {
            class: class.to_owned(),
            ..self
        }
    }

    /// The enrolment input: a grade-1 newcomer, or a student of another grade with no prior
    /// record and a passed national check (R7.5); entered on `entry`.
    fn enrol_input(&self, entry: &str) -> Value {
        let kind = if self.grade == 1 {
            "grade_one"
        } else {
            "no_prior_record"
        };
        json!({
            "kind": kind,
            "nationalCheck": if kind == "grade_one" { Value::Null } else { json!("passed") },
            "idType": "resident_id",
            "idNumber": self.id_number,
            "name": self.name,
            "formerName": null, "sex": null, "birthDate": null,
            "ethnicity": "汉族", "nationality": "中国", "hukouKind": "非农业户口",
            "hukouAddress": "浙江省杭州市西湖区文三路1号",
            "currentAddress": "浙江省杭州市西湖区文三路1号",
            "migrantChild": self.migrant_child, "leftBehind": self.left_behind,
            "orphan": false, "disabilityKind": null,
            "studyMode": self.study_mode, "foreignNational": false,
            "grade": self.grade, "className": self.class, "entryDate": entry,
            "family": [{ "name": "张大山", "relation": "父亲", "phone": "13800000000",
                         "idNumber": null, "employer": null, "guardian": true }],
        })
    }
}

/// Enrols a pupil entered on `entry` (待核准 until the bureau's approval is recorded); returns
/// the student's id.
pub async fn enrol(app: &AppHandle, pupil: &Pupil, entry: &str) -> i64 {
    let view = app
        .call(
            "student_enrol",
            json!({ "input": pupil.enrol_input(entry) }),
        )
        .await;
    view["student"]["id"]
        .as_i64()
        .expect("the new student's id")
}

/// Enrols pupils (entered on `entry`) and records the bureau's approval (R6.1) of those marked
/// `true` on `approved_on`: 在读; the others stay 待核准. Needs [`AppHandle::add_users`].
/// Returns their ids in order.
pub async fn enrol_all(
    app: &AppHandle,
    pupils: &[(Pupil, bool)],
    entry: &str,
    approved_on: &str,
) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut to_approve = Vec::new();
    for (pupil, approve) in pupils {
        let id = enrol(app, pupil, entry).await;
        ids.push(id);
        if *approve {
            let a = submit(
                app,
                id,
                json!({ "type": "approve_enrolment" }),
                approved_on,
                &[],
            )
            .await;
            to_approve.push(a["row"]["id"].as_i64().expect("application id"));
        }
    }
    complete(app, &to_approve, approved_on).await;
    ids
}

/// A school year's worth of students in grades 1–6, two classes each, some entered long ago (on
/// 2025-09-01: their archive is overdue, a red to-do and an R32.1 finding) and some on
/// 2026-11-16; some migrant children, some left behind. All 待核准. Returns their ids.
pub async fn school(app: &AppHandle) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut seq = 1;
    for grade in 1..=6u8 {
        for class in ["1班", "2班"] {
            let n = 2 + (u32::from(grade) + u32::from(class == "2班")) % 3;
            for i in 0..n {
                let entry = if (seq + i) % 3 == 0 {
                    "2025-09-01"
                } else {
                    "2026-11-16"
                };
                let pupil = Pupil {
                    migrant_child: seq % 4 == 0,
                    left_behind: seq % 7 == 0,
                    ..Pupil::numbered(seq, grade).in_class(class)
                };
                ids.push(enrol(app, &pupil, entry).await);
                seq += 1;
            }
        }
    }
    ids
}

/// `%PDF-1.4` and a newline: a proof file's bytes as base64.
pub const SCAN_B64: &str = "JVBERi0xLjQK";

/// Submits a change effective on `on`, with a scan for each proof kind of `kinds`, as the
/// backend's current user; returns the application view.
pub async fn submit(
    app: &AppHandle,
    student: i64,
    change: Value,
    on: &str,
    kinds: &[&str],
) -> Value {
    let proofs: Vec<Value> = kinds
        .iter()
        .map(|k| {
            json!({ "kind": k, "fileName": "scan.pdf", "mime": "application/pdf", "dataBase64": SCAN_B64 })
        })
        .collect();
    app.call(
        "change_submit",
        json!({ "input": {
            "studentId": student, "change": change, "effectiveOn": on, "proofs": proofs,
            "note": null
        }}),
    )
    .await
}

/// Decides the remaining steps of applications on `on`, each by the role its step needs
/// (switching the backend's user: needs [`AppHandle::add_users`]), skipping optional ones; ends
/// with the backend logged in as the registrar.
pub async fn complete(app: &AppHandle, ids: &[i64], on: &str) {
    loop {
        let mut pending: Vec<(i64, u64, String, bool)> = Vec::new();
        for id in ids {
            let v = app.call("change_show", json!({ "id": id })).await;
            if v["row"]["state"] == "open" {
                let step = v["row"]["currentStep"].as_u64().expect("step");
                let s = &v["steps"][usize::try_from(step).expect("index")];
                pending.push((
                    *id,
                    step,
                    s["permission"].as_str().unwrap_or_default().to_owned(),
                    s["optional"].as_bool().unwrap_or(false),
                ));
            }
        }
        if pending.is_empty() {
            break;
        }
        for who in ["submit_changes", "decide_school_steps", "propose_sanctions"] {
            let mine: Vec<_> = pending.iter().filter(|p| p.2 == who).collect();
            if mine.is_empty() {
                continue;
            }
            match who {
                "decide_school_steps" => app.backend_login(APPROVER, STAFF_PASSWORD).await,
                "propose_sanctions" => app.backend_login(MORAL, STAFF_PASSWORD).await,
                _ => app.backend_login_registrar().await,
            }
            for (id, step, _, optional) in mine {
                app.call(
                    "change_decide",
                    json!({ "input": {
                        "applicationId": id, "step": step,
                        "decision": if *optional { "skip" } else { "approve" },
                        "on": on, "reference": "西教籍〔2026〕1号", "reason": null, "proof": null } }),
                )
                .await;
            }
        }
    }
    app.backend_login_registrar().await;
}

/// A roster workbook: one row per name, all in `grade` (a label like `六年级`), class 1班.
pub fn roster(names: &[&str], grade: &str, birth: &str) -> Vec<u8> {
    let rows: Vec<(&str, &str, &str)> = names.iter().map(|n| (*n, grade, birth)).collect();
    roster_of(&rows)
}

/// A roster workbook of (name, grade label, birth date) rows, class 1班.
pub fn roster_of(rows: &[(&str, &str, &str)]) -> Vec<u8> {
    let headers = [
        "姓名",
        "出生日期",
        "身份证件类型",
        "身份证件号",
        "民族",
        "国籍/地区",
        "户口性质",
        "户口所在地",
        "现住址",
        "年级",
        "班级",
        "监护人姓名",
        "监护人关系",
    ];
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in (0u16..).zip(headers) {
        sheet.write_string(0, c, h).expect("header");
    }
    for (r, ((name, grade, birth), seq)) in (1u32..).zip(rows.iter().zip(1u32..)) {
        let id = id_number(birth, seq);
        let cells = [
            *name,
            birth,
            "居民身份证",
            &id,
            "汉族",
            "中国",
            "非农业户口",
            "浙江省杭州市西湖区文三路1号",
            "浙江省杭州市西湖区文三路1号",
            grade,
            "1班",
            "张大山",
            "父亲",
        ];
        for (c, v) in (0u16..).zip(cells) {
            sheet.write_string(r, c, v).expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

/// Puts `names` on the books in `grade` (a label like `六年级`) through [`import`]: the app is
/// closed, the roster imported as the test registrar, the app opened again and logged in.
pub async fn students(
    app: &mut AppHandle,
    names: &[&str],
    grade: &str,
    birth: &str,
) -> Result<(), CmdError> {
    put_on_books(app, roster(names, grade, birth)).await
}

/// Like [`students`], for (name, grade label, birth date) rows.
pub async fn students_of(app: &mut AppHandle, rows: &[(&str, &str, &str)]) -> Result<(), CmdError> {
    put_on_books(app, roster_of(rows)).await
}

async fn put_on_books(app: &mut AppHandle, book: Vec<u8>) -> Result<(), CmdError> {
    let handle = app.clone();
    app.restart_with(move || import(&handle, &book)).await?;
    app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await
}

/// The `xueji` command line built beside the app (`XUEJI_CLI_BINARY` overrides).
fn cli_binary(app: &AppHandle) -> PathBuf {
    std::env::var_os("XUEJI_CLI_BINARY")
        .filter(|v| !v.is_empty())
        .map_or_else(|| app.binary.with_file_name("xueji"), PathBuf::from)
}

/// Imports a roster workbook into the app's database through the `xueji` command line (the app
/// must be closed: the command line refuses a database another program holds open).
pub fn import(app: &AppHandle, workbook: &[u8]) {
    let dir = app.data_dir.parent().expect("the run folder").join("seed");
    let file = dir.join("roster.xlsx");
    std::fs::create_dir_all(dir).expect("folder for the roster");
    std::fs::write(&file, workbook).expect("roster written");
    let cli = cli_binary(app);
    assert!(
        cli.is_file(),
        "the xueji command line is not built at {} (cargo build -p xueji-cli)",
        cli.display()
    );
    // The app's process may still be ending, its lock on the database not yet released.
    let deadline = Instant::now() + Duration::from_secs(20);
    let out = loop {
        let out = Command::new(&cli)
            .envs(app.env.iter().map(|(k, v)| (k, v)))
            .env("XUEJI_DATA_DIR", &app.data_dir)
            .env("XUEJI_USER", ADMIN_USERNAME)
            .env("XUEJI_PASSWORD", ADMIN_PASSWORD)
            .args(["--json", "import", "students"])
            .arg(&file)
            .arg("--commit")
            .output()
            .expect("the xueji command line runs");
        let locked = String::from_utf8_lossy(&out.stdout).contains("\"kind\":\"locked\"");
        if !locked || Instant::now() > deadline {
            break out;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("\"committed\":true"),
        "the roster import failed ({}): {text} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}
