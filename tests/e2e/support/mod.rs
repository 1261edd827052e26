//! What the 毕业 and 打印 tests share: students on the books before a test begins, and waits on
//! what Element Plus renders.
//!
//! Students on the books before a test begins, entered through the school's own bulk path: the
//! Excel roster import of the `xueji` command line (issue 8 item 1), run against the app's data
//! folder while the app is open.
//!
//! Why not the enrolment form: an enrolled newcomer is 待核准 until the bureau's approval is
//! recorded through the change workflow, so a page that needs 在读 sixth-graders would depend on
//! the enrolment and approval pages. The import is how an existing school's roster enters the
//! app in the first place (its students come in 在读 in the grade the sheet gives), and it runs
//! the same use case, checks and audit as everywhere else: no test-only door into the database.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use rust_xlsxwriter::Workbook;
use xueji_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, AppHandle};

/// A valid resident ID number: region, birth date, sequence and check character.
pub fn id_number(birth: &str, seq: u16) -> String {
    let first17 = format!("330106{}{:03}", birth.replace('-', ""), seq);
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
    for (r, ((name, grade, birth), seq)) in (1u32..).zip(rows.iter().zip(1u16..)) {
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

/// The `xueji` command line built beside the app (`XUEJI_CLI_BINARY` overrides).
fn cli_binary(app: &AppHandle) -> PathBuf {
    std::env::var_os("XUEJI_CLI_BINARY")
        .filter(|v| !v.is_empty())
        .map_or_else(|| app.binary.with_file_name("xueji"), PathBuf::from)
}

/// Puts `names` on the books in `grade` (a label like `六年级`): the app is closed, the roster
/// imported through the command line as the test registrar, the app opened again and logged in.
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

/// Imports a roster workbook into the app's database (the app must be closed: the command line
/// refuses a database another program holds open).
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

/// The `innerText` of the element matching `css` (WebDriver's element text leaves out the cells
/// Element Plus tables render from a column's `prop`).
pub async fn inner_text(app: &AppHandle, css: &str) -> Result<String, CmdError> {
    app.find(css).await?;
    let text = app
        .client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// Waits until the `innerText` of the element matching `css` contains `needle`; returns it.
pub async fn wait_inner_text(app: &AppHandle, css: &str, needle: &str) -> Result<String, CmdError> {
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        let text = inner_text(app, css).await?;
        if text.contains(needle) {
            return Ok(text);
        }
        assert!(
            Instant::now() < deadline,
            "{css} never showed {needle:?}; it shows {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until `n` elements match `css` and returns them.
pub async fn count(app: &AppHandle, css: &str, n: usize) -> Result<Vec<Element>, CmdError> {
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        let found = app.client.find_all(Locator::Css(css)).await?;
        if found.len() == n {
            return Ok(found);
        }
        assert!(
            Instant::now() < deadline,
            "{css}: {} elements, not {n}",
            found.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The folder "save as PDF" writes to in the tests (the app's `XUEJI_E2E_SAVE_DIR`).
pub fn save_dir(app: &AppHandle) -> PathBuf {
    app.env
        .iter()
        .find(|(k, _)| k == "XUEJI_E2E_SAVE_DIR")
        .map(|(_, v)| PathBuf::from(v))
        .expect("the session sets XUEJI_E2E_SAVE_DIR")
}

/// The path a "已保存到：…" line names, checked to be a PDF file in the save folder.
pub fn saved_pdf(app: &AppHandle, line: &str) -> PathBuf {
    let path = PathBuf::from(line.trim().trim_start_matches("已保存到："));
    assert!(path.starts_with(save_dir(app)), "{}", path.display());
    let pdf = std::fs::read(&path).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF"), "not a PDF: {}", path.display());
    assert!(pdf.len() > 1000, "a PDF of {} bytes", pdf.len());
    path
}

/// Lets the window repaint before a screenshot: WebKitGTK without GPU compositing (Xvfb) paints
/// about once a second, so a shot taken at once can show the page before the last change.
pub async fn settle() {
    tokio::time::sleep(Duration::from_millis(1500)).await;
}
