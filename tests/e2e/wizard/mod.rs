//! What the change and sanction tests share: seeding students through the app's own IPC
//! commands, switching the backend's user, filling the wizards' fields, and saving a printed PDF
//! through the real GTK save dialog (driven with xdotool).
//!
//! Why seed through IPC: the enrolment pages belong to another part of the UI (tested by its own
//! e2e test); calling the very command those pages call (`student_enrol`, `change_submit`,
//! `change_decide`) in the running app puts students in the statuses the wizards need (on leave,
//! abroad, deferred, held …) in seconds, with every rule still checked by the real backend. Every
//! wizard itself is driven through the UI.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::key::Key;
use serde_json::{Value, json};
use xueji_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, AppHandle};

pub const APPROVER: &str = "shenhe01";
pub const MORAL: &str = "deyu01";
pub const PASSWORD: &str = "Shenhe2024pw";

/// Calls a command through the app's IPC (the same path the generated bindings take).
pub async fn invoke(app: &AppHandle, cmd: &str, args: Value) -> Result<Value, Value> {
    let script = r"
        const [cmd, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(
            (ok) => done({ ok: ok === undefined ? null : ok }),
            (err) => done({ err }),
        );
    ";
    let out = app
        .client
        .execute_async(script, vec![json!(cmd), args])
        .await
        .map_err(|e| json!({ "webdriver": e.to_string() }))?;
    match out.get("ok") {
        Some(v) => Ok(v.clone()),
        None => Err(out.get("err").cloned().unwrap_or(Value::Null)),
    }
}

/// Like [`invoke`], panicking with the command's error.
pub async fn call(app: &AppHandle, cmd: &str, args: Value) -> Value {
    invoke(app, cmd, args)
        .await
        .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

/// Logs the backend in as another user (the page keeps showing the registrar: only for seeding).
pub async fn backend_login(app: &AppHandle, username: &str, password: &str) {
    call(
        app,
        "auth_login",
        json!({ "username": username, "password": password }),
    )
    .await;
}

/// Adds the approver and the moral-education office (logged in as the registrar).
pub async fn add_users(app: &AppHandle) {
    for (username, role, name) in [
        (APPROVER, "approver", "李主任"),
        (MORAL, "moral_education", "赵老师"),
    ] {
        call(
            app,
            "user_add",
            json!({ "input": { "username": username, "displayName": name, "password": PASSWORD, "role": role } }),
        )
        .await;
    }
}

/// A valid resident ID number for a birth date `yyyymmdd` and a sequence.
pub fn id_number(birth: &str, seq: u16) -> String {
    let first17 = format!("330106{birth}{:03}", seq % 1000);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{first17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// A student to seed.
#[derive(Clone, Debug)]
pub struct Pupil {
    pub name: &'static str,
    /// `yyyymmdd`
    pub birth: &'static str,
    pub seq: u16,
    pub grade: u8,
    /// `regular` or `inclusive`
    pub study_mode: &'static str,
}

impl Pupil {
    pub const fn new(name: &'static str, birth: &'static str, seq: u16, grade: u8) -> Self {
        Self {
            name,
            birth,
            seq,
            grade,
            study_mode: "regular",
        }
    }

    pub fn id_number(&self) -> String {
        id_number(self.birth, self.seq)
    }

    fn enrol_input(&self, kind: &str, entry: &str) -> Value {
        json!({
            "kind": kind,
            "nationalCheck": if kind == "grade_one" { Value::Null } else { json!("passed") },
            "idType": "resident_id",
            "idNumber": self.id_number(),
            "name": self.name,
            "formerName": null, "sex": null, "birthDate": null,
            "ethnicity": "汉族", "nationality": "中国", "hukouKind": "非农业户口",
            "hukouAddress": "浙江省杭州市西湖区文三路1号",
            "currentAddress": "浙江省杭州市西湖区文三路1号",
            "migrantChild": false, "leftBehind": false, "orphan": false, "disabilityKind": null,
            "studyMode": self.study_mode, "foreignNational": false,
            "grade": self.grade, "className": "1班", "entryDate": entry,
            "family": [{ "name": "张大山", "relation": "父亲", "phone": "13800000000",
                         "idNumber": null, "employer": null, "guardian": true }],
        })
    }
}

/// `%PDF-1.4` — a proof file's bytes as base64.
pub const SCAN_B64: &str = "JVBERi0xLjQK";

fn proofs(kinds: &[&str]) -> Value {
    Value::Array(
        kinds
            .iter()
            .map(|k| json!({ "kind": k, "fileName": "scan.pdf", "mime": "application/pdf", "dataBase64": SCAN_B64 }))
            .collect(),
    )
}

/// Submits a change as the backend's current user; returns the application view.
pub async fn submit(
    app: &AppHandle,
    student: i64,
    change: Value,
    on: &str,
    kinds: &[&str],
) -> Value {
    call(
        app,
        "change_submit",
        json!({ "input": { "studentId": student, "change": change, "effectiveOn": on, "proofs": proofs(kinds), "note": null } }),
    )
    .await
}

/// Decides the remaining steps of applications on `on`, each by the role its step needs
/// (switching the backend's user), skipping optional ones; ends logged in as the registrar.
pub async fn complete(app: &AppHandle, ids: &[i64], on: &str) {
    loop {
        let mut pending: Vec<(i64, u64, String, bool)> = Vec::new();
        for id in ids {
            let v = call(app, "change_show", json!({ "id": id })).await;
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
                "decide_school_steps" => backend_login(app, APPROVER, PASSWORD).await,
                "propose_sanctions" => backend_login(app, MORAL, PASSWORD).await,
                _ => backend_login(app, ADMIN_USERNAME, ADMIN_PASSWORD).await,
            }
            for (id, step, _, optional) in mine {
                call(
                    app,
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
    backend_login(app, ADMIN_USERNAME, ADMIN_PASSWORD).await;
}

/// Enrols students (entry `entry`) and records the bureau's approval (R6.1) on `approved_on`:
/// 在读. A grade-1 newcomer with `approve == false` stays 待核准. Returns their ids in order.
pub async fn seed(
    app: &AppHandle,
    pupils: &[(Pupil, bool)],
    entry: &str,
    approved_on: &str,
) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut to_approve = Vec::new();
    for (p, approve) in pupils {
        let kind = if p.grade == 1 {
            "grade_one"
        } else {
            "no_prior_record"
        };
        let v = call(
            app,
            "student_enrol",
            json!({ "input": p.enrol_input(kind, entry) }),
        )
        .await;
        let id = v["student"]["id"].as_i64().expect("student id");
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

/// Ctrl+A then Backspace: WebDriver `clear` does not reach a Vue `v-model`.
pub fn wipe() -> String {
    format!(
        "{}a{}{}",
        char::from(Key::Control),
        char::from(Key::Null),
        char::from(Key::Backspace)
    )
}

/// Types a date into the Element Plus date picker inside `css` (the picker drops attributes, so
/// the pages put `data-test` on a wrapper) and confirms it with Enter.
pub async fn set_date(app: &AppHandle, css: &str, date: &str) -> Result<(), CmdError> {
    // The panel of the date typed before may still hang over this field.
    close_popups(app).await;
    let input = app.find(&format!("{css} input")).await?;
    match input.click().await {
        // Another field's calendar panel lies over this one (it opens below its field): focus
        // the input as the Tab key would.
        Err(CmdError::Standard(ref w))
            if w.error == fantoccini::error::ErrorStatus::ElementClickIntercepted =>
        {
            app.client
                .execute("arguments[0].focus()", vec![serde_json::to_value(&input)?])
                .await?;
        }
        other => other?,
    }
    input.send_keys(&wipe()).await?;
    input
        .send_keys(&format!("{date}{}", char::from(Key::Enter)))
        .await?;
    // Leave the field so the calendar closes (not Escape: that would close a dialog around it).
    input.send_keys(&char::from(Key::Tab).to_string()).await?;
    close_popups(app).await;
    Ok(())
}

/// Picks an option of an Element Plus select by the option's `data-test`, and waits until the
/// select shows it (a click while the list still slides open can land on its neighbour: then the
/// pick is made again).
pub async fn pick(app: &AppHandle, select: &str, option: &str) -> Result<(), CmdError> {
    for _ in 0..3 {
        tap(app, select).await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        let label = loop {
            if let Ok(el) = app.client.find(fantoccini::Locator::Css(option)).await
                && el.is_displayed().await.unwrap_or(false)
            {
                // Let the list finish sliding open before the click.
                tokio::time::sleep(Duration::from_millis(300)).await;
                let label = el.text().await?;
                el.click().await?;
                break label;
            }
            if Instant::now() > deadline {
                return Err(CmdError::WaitTimeout);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let shown_by = Instant::now() + Duration::from_secs(2);
        while Instant::now() < shown_by {
            let shown = app.text(select).await.unwrap_or_default();
            if !label.trim().is_empty() && shown.contains(label.trim()) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        close_popups(app).await;
    }
    Err(CmdError::WaitTimeout)
}

/// Waits until the text of `css` contains `needle`. Read as `innerText`: WebKitWebDriver's
/// element text leaves out the plain text of Element Plus table cells.
pub async fn wait_text(app: &AppHandle, css: &str, needle: &str) -> Result<String, CmdError> {
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    let read = || async {
        app.client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
                vec![json!(css)],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    loop {
        if let Some(text) = read().await
            && text.contains(needle)
        {
            return Ok(text);
        }
        if Instant::now() > deadline {
            let now = read().await.unwrap_or_default();
            panic!("{css} never showed {needle:?}; it shows {now:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Navigates inside the app (hash routes) and waits until the router is there (a redirect still
/// running, e.g. the one after login, could otherwise take it elsewhere).
pub async fn goto(app: &AppHandle, route: &str) -> Result<(), CmdError> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        app.client
            .execute(&format!("window.location.hash = '#{route}'"), vec![])
            .await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let here = app
            .client
            .execute("return window.location.hash", vec![])
            .await?;
        if here.as_str() == Some(&format!("#{route}")) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(CmdError::WaitTimeout);
        }
    }
}

/// A small PDF on disk for the wizards' file inputs.
pub fn scan_file(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).expect("scan folder");
    let path = dir.join("scan.pdf");
    std::fs::write(&path, b"%PDF-1.4\n%%EOF\n").expect("scan file");
    path
}

/// Takes the file the app just saved and moves it to `path`. Under test the app writes what the
/// registrar saves into the session's folder (`XUEJI_E2E_SAVE_DIR`) instead of opening the GTK
/// file chooser, a native window WebDriver cannot drive; each save is moved out, so the folder
/// holds only the newest one.
pub async fn save_dialog(app: &AppHandle, path: &Path) {
    let saved = app
        .env
        .iter()
        .find(|(k, _)| k == "XUEJI_E2E_SAVE_DIR")
        .map(|(_, v)| PathBuf::from(v))
        .expect("the session names a save folder");
    let deadline = Instant::now() + Duration::from_secs(20);
    let file = loop {
        let found = std::fs::read_dir(&saved)
            .ok()
            .and_then(|entries| entries.flatten().map(|e| e.path()).next());
        if let Some(file) = found {
            break file;
        }
        assert!(
            Instant::now() < deadline,
            "nothing was saved to {}",
            saved.display()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // The app writes the file in one call; give it that moment before moving it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    std::fs::rename(&file, path).expect("move the saved file");
}

/// The text of a PDF (poppler's pdftotext).
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([path.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Saves a screenshot of the window to `/tmp/shots/<name>.png` (for the note).
pub async fn shot(app: &AppHandle, name: &str) {
    // A screenshot is a record for the note, never a reason for the test to fail.
    let _ = app.shot(name).await;
}

/// `YYYY-MM-DD` `days` before `today` (negative: after), by Howard Hinnant's days-from-civil
/// algorithm, whose customary one-letter names are kept.
#[allow(clippy::many_single_char_names)]
pub fn days_before(today: &str, days: i64) -> String {
    let p: Vec<i64> = today
        .split('-')
        .map(|s| s.parse().expect("a date"))
        .collect();
    let (y, m, d) = (p[0] - i64::from(p[1] <= 2), p[1], p[2]);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let z = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - days;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `TODAY`, `TODAY-30` … as a date.
pub fn resolve_date(today: &str, token: &str) -> String {
    match token.strip_prefix("TODAY") {
        Some("") => today.to_owned(),
        Some(rest) => days_before(today, -rest.parse::<i64>().expect("TODAY±n")),
        None => token.to_owned(),
    }
}

/// The school year a deferral is for now: the next one that has not started (1 September).
pub fn next_school_year(today: &str) -> i64 {
    let y: i64 = today[..4].parse().expect("year");
    let m: i64 = today[5..7].parse().expect("month");
    if m >= 9 { y + 1 } else { y }
}

/// The backend's today (Beijing), as the app counts it.
pub async fn today(app: &AppHandle) -> String {
    call(app, "dashboard", json!({})).await["today"]
        .as_str()
        .expect("today")
        .to_owned()
}

/// Logs out through the header's button and waits for the login page.
pub async fn logout(app: &AppHandle) -> Result<(), CmdError> {
    tap(app, "[data-test=logout-button]").await?;
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        // The page may be between documents while the app goes to the login page: errors of
        // that moment are not failures.
        if let Ok(found) = app
            .client
            .find_all(fantoccini::Locator::Css("[data-test=login-page]"))
            .await
            && !found.is_empty()
        {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(CmdError::WaitTimeout);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Clicks the element matching `css`, retrying while something covers it (a loading mask, a
/// closing popper) or the page re-renders it.
/// Closes what a focused field opened over the page (a date picker's panel, a select's list) the
/// way a click elsewhere does: Element Plus listens for mousedown and mouseup on the document.
pub async fn close_popups(app: &AppHandle) {
    let script = r"
        if (document.activeElement) document.activeElement.blur();
        for (const type of ['mousedown', 'mouseup']) {
            document.body.dispatchEvent(new MouseEvent(type, { bubbles: true }));
        }
    ";
    let _ = app.client.execute(script, vec![]).await;
}

/// Presses a button that asks for a confirmation, and confirms. A press that went nowhere (it
/// landed while a date panel was closing over the dialog) is made again.
pub async fn confirm(app: &AppHandle, css: &str) -> Result<(), CmdError> {
    for _ in 0..3 {
        tap(app, css).await?;
        let asked_by = Instant::now() + Duration::from_secs(5);
        while Instant::now() < asked_by {
            if let Ok(found) = app
                .client
                .find_all(fantoccini::Locator::Css(".el-message-box"))
                .await
                && !found.is_empty()
            {
                return app.confirm_message_box().await;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        close_popups(app).await;
    }
    Err(CmdError::WaitTimeout)
}

pub async fn tap(app: &AppHandle, css: &str) -> Result<(), CmdError> {
    use fantoccini::error::ErrorStatus;
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    let mut intercepted = 0;
    loop {
        let el = app.find(css).await?;
        let result = if intercepted >= 5 {
            // WebKitWebDriver keeps reporting the click as intercepted while a date picker's
            // panel is open elsewhere on the page (no window manager under Xvfb): the button is
            // visible and enabled, so press it the way the keyboard would.
            app.client
                .execute("arguments[0].click()", vec![serde_json::to_value(&el)?])
                .await
                .map(drop)
        } else {
            el.click().await
        };
        match result {
            Ok(()) => return Ok(()),
            Err(CmdError::Standard(ref w))
                if matches!(
                    w.error,
                    ErrorStatus::ElementClickIntercepted
                        | ErrorStatus::StaleElementReference
                        | ErrorStatus::ElementNotInteractable
                ) && Instant::now() < deadline =>
            {
                if w.error == ErrorStatus::ElementClickIntercepted {
                    intercepted += 1;
                    close_popups(app).await;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => return Err(e),
        }
    }
}
