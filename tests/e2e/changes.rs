//! 学籍变动 in the real app: every change wizard once with a refused try (the refusal shows the
//! rule id) and the allowed path through check, submit and (where the type has one) the printed
//! approval form saved to PDF through the system's save dialog; then a step recorded from
//! 首页's to-do list and an approval from the application list. One app session runs all wizards to keep the run short.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use serde_json::json;
use xueji_e2e::seed::{self, Pupil};
use xueji_e2e::{
    ADMIN_PASSWORD, ADMIN_USERNAME, APPROVER, AppHandle, STAFF_PASSWORD, dates, files, step,
    with_app,
};

/// What to type into one field of a wizard.
#[derive(Clone, Copy, Debug)]
enum Fill {
    /// The date of the change (application date, …).
    On(&'static str),
    Text(&'static str, &'static str),
    Date(&'static str, &'static str),
    /// A radio option (`option-<key>-<value>`).
    Radio(&'static str, &'static str),
    /// A select option (`option-<key>-<value>`) of the select `fact-<key>`.
    Select(&'static str, &'static str),
    /// A year typed into a number field.
    Year(&'static str, &'static str),
}

/// What the page shows when 规则检查 did not open the check step (no personal data: the
/// button's state, the fields' messages, whether the screen locked, the route).
const WHY_NO_CHECK: &str = "const b = document.querySelector('[data-test=wizard-check]'); \
    return { button: b ? (b.disabled ? 'disabled' : 'enabled') : 'absent', \
    errors: [...document.querySelectorAll('.el-form-item__error')].map(e => e.innerText), \
    locked: !!document.querySelector('[data-test=lock-screen]'), route: location.pathname };";

/// One wizard: a refused try and the allowed path.
struct Case {
    ty: &'static str,
    /// The student of the refused try (`None` for a transfer in).
    refused_student: Option<&'static str>,
    refused: &'static [Fill],
    rule: &'static str,
    /// The student of the allowed path; `None`: the same as the refused one.
    allowed_student: Option<&'static str>,
    allowed: &'static [Fill],
    /// How many proof requirements to upload a file for.
    proofs: usize,
    /// Print the approval form (and check its PDF has this text).
    print: Option<&'static str>,
}

const S1: &str = "周明远";
const S2: &str = "吴芳菲";
const S3: &str = "郑强国";
const S4: &str = "王磊落";
const S5: &str = "冯静怡";
const S6: &str = "陈刚毅";
const S7: &str = "褚亮节";
const S8: &str = "卫东升";
const S9: &str = "蒋丽华";
const S10: &str = "沈洋帆";
const S11: &str = "韩梅雪";
const S13: &str = "朱宁静";
const S14: &str = "秦川流";

fn pupils() -> Vec<(Pupil, bool)> {
    let inclusive = Pupil {
        study_mode: "inclusive",
        ..Pupil::new(S5, "20160601", 5, 4)
    };
    vec![
        (Pupil::new(S1, "20170301", 1, 3), true),
        (Pupil::new(S2, "20160401", 2, 4), true),
        (Pupil::new(S3, "20150501", 3, 5), true),
        (Pupil::new(S4, "20170701", 4, 3), true),
        (inclusive, true),
        // 18 and still in grade 9: the only age 第十七条 allows a withdrawal at.
        (Pupil::new(S6, "20080105", 6, 9), true),
        (Pupil::new(S7, "20180201", 7, 2), true),
        (Pupil::new(S8, "20140301", 8, 6), true),
        (Pupil::new(S9, "20130401", 9, 7), true),
        (Pupil::new(S10, "20120501", 10, 8), true),
        (Pupil::new(S11, "20120601", 11, 8), true),
        (Pupil::new(S13, "20200301", 13, 1), false),
        (Pupil::new(S14, "20200401", 14, 1), false),
    ]
}

use Fill::{Date, On, Radio, Select, Text, Year};

/// Every wizard, in an order where each one finds its student in the status it needs.
const CASES: &[Case] = &[
    Case {
        ty: "leave",
        refused_student: Some(S1),
        refused: &[Radio("reason", "illness"), Date("sickSince", "TODAY-50")],
        rule: "R14.1",
        allowed_student: None,
        allowed: &[
            Radio("reason", "other"),
            Text("description", "随父母赴外地就医陪护"),
        ],
        proofs: 2,
        print: Some("休学"),
    },
    Case {
        ty: "transfer_out",
        refused_student: Some(S2),
        refused: &[
            Radio("route", "across_counties"),
            Text("receivingSchool", "杭州市拱墅区某小学"),
        ],
        rule: "R13.5",
        allowed_student: Some(S3),
        allowed: &[
            Radio("route", "within_county"),
            Text("receivingSchool", "杭州市拱墅区某小学"),
        ],
        proofs: 1,
        print: Some("转学"),
    },
    Case {
        ty: "transfer_in",
        refused_student: None,
        refused: &[
            Radio("route", "across_counties"),
            Text("sendingSchool", "宁波市某小学"),
            Text("name", "王磊落"),
            Text("idNumber", "DUPLICATE"),
            Text("hukouAddress", "浙江省宁波市海曙区1号"),
            Text("currentAddress", "浙江省杭州市西湖区2号"),
            Text("guardianName", "王大山"),
            Text("guardianRelation", "父亲"),
        ],
        rule: "R7.2",
        allowed_student: None,
        allowed: &[Text("name", "孙悦然"), Text("idNumber", "NEW")],
        proofs: 0,
        print: None,
    },
    Case {
        ty: "resume",
        refused_student: Some(S2),
        refused: &[Select("grade", "8")],
        rule: "R15.1",
        allowed_student: None,
        allowed: &[Select("grade", "4")],
        proofs: 1,
        print: Some("复学"),
    },
    Case {
        ty: "extend_leave",
        refused_student: Some(S4),
        refused: &[],
        rule: "R14.3",
        allowed_student: Some(S2),
        allowed: &[],
        proofs: 2,
        print: None,
    },
    Case {
        ty: "ordered_leave",
        refused_student: Some(S2),
        refused: &[],
        rule: "R14.3",
        allowed_student: Some(S1),
        allowed: &[Radio("reason", "infectious_disease")],
        proofs: 1,
        print: None,
    },
    Case {
        ty: "skip",
        refused_student: Some(S3),
        refused: &[Select("to", "6")],
        rule: "R12.2",
        allowed_student: Some(S4),
        allowed: &[Select("to", "4")],
        proofs: 1,
        print: Some("跳级"),
    },
    Case {
        ty: "repeat",
        refused_student: Some(S4),
        refused: &[],
        rule: "R12.3",
        allowed_student: Some(S5),
        allowed: &[],
        proofs: 1,
        print: Some("留级"),
    },
    Case {
        ty: "withdraw",
        refused_student: Some(S4),
        refused: &[],
        rule: "R17.1",
        allowed_student: Some(S6),
        allowed: &[],
        proofs: 1,
        print: Some("退学"),
    },
    Case {
        ty: "dropout",
        refused_student: Some(S8),
        refused: &[],
        rule: "R16.1",
        allowed_student: Some(S7),
        allowed: &[],
        proofs: 0,
        print: Some("辍学"),
    },
    Case {
        ty: "return_from_dropout",
        refused_student: Some(S4),
        refused: &[],
        rule: "R18.1",
        allowed_student: Some(S7),
        allowed: &[],
        proofs: 0,
        print: None,
    },
    Case {
        ty: "return_from_abroad",
        refused_student: Some(S4),
        refused: &[],
        rule: "R16.1",
        allowed_student: Some(S8),
        allowed: &[],
        proofs: 0,
        print: None,
    },
    Case {
        ty: "go_abroad",
        refused_student: Some(S2),
        refused: &[],
        rule: "R15.1",
        allowed_student: Some(S9),
        allowed: &[],
        proofs: 1,
        print: None,
    },
    Case {
        ty: "death",
        refused_student: Some(S10),
        refused: &[On("TODAY-20"), Date("diedOn", "TODAY-5")],
        rule: "R19.1",
        allowed_student: None,
        allowed: &[On("TODAY")],
        proofs: 1,
        print: None,
    },
    Case {
        ty: "hold",
        refused_student: Some(S11),
        refused: &[On("TODAY-20"), Date("since", "TODAY-5")],
        rule: "R13.8",
        allowed_student: None,
        allowed: &[On("TODAY")],
        proofs: 1,
        print: None,
    },
    Case {
        ty: "reform_school_placement",
        refused_student: Some(S11),
        refused: &[Text("school", "杭州市工读学校")],
        rule: "R13.8",
        allowed_student: Some(S9),
        allowed: &[Text("school", "杭州市工读学校")],
        proofs: 1,
        print: None,
    },
    Case {
        ty: "restore",
        refused_student: Some(S4),
        refused: &[],
        rule: "R13.8",
        allowed_student: Some(S11),
        allowed: &[],
        proofs: 1,
        print: None,
    },
    Case {
        ty: "defer",
        refused_student: Some(S13),
        refused: &[Year("schoolYear", "NEXT-1")],
        rule: "R6.2",
        allowed_student: None,
        allowed: &[Year("schoolYear", "NEXT")],
        proofs: 2,
        print: Some("缓学"),
    },
    Case {
        ty: "renew_deferral",
        refused_student: Some(S14),
        refused: &[Year("schoolYear", "NEXT")],
        rule: "R6.2",
        allowed_student: None,
        allowed: &[Year("schoolYear", "NEXT+1")],
        proofs: 2,
        print: Some("缓学"),
    },
    Case {
        ty: "end_deferral",
        refused_student: Some(S4),
        refused: &[],
        rule: "R6.2",
        allowed_student: Some(S14),
        allowed: &[],
        proofs: 0,
        print: None,
    },
    Case {
        ty: "correct_basic_data",
        refused_student: Some(S4),
        refused: &[Text("after", "浙江省杭州市西湖区文三路1号")],
        rule: "R11.1",
        allowed_student: None,
        allowed: &[Text("after", "浙江省杭州市西湖区文三路8号")],
        proofs: 2,
        print: Some("变更"),
    },
    Case {
        ty: "correct_key_data",
        refused_student: Some(S3),
        // The same name again: nothing to change (R11.2). The national recheck is not asked:
        // it is the application's last step, after the bureau's approval.
        refused: &[Text("after", "郑强国")],
        rule: "R11.2",
        allowed_student: None,
        allowed: &[Text("after", "郑强民")],
        proofs: 1,
        print: Some("变更"),
    },
];

struct Run {
    app: AppHandle,
    ids: HashMap<String, i64>,
    scan: PathBuf,
    out: PathBuf,
    today: String,
    /// `duplicate` and `new` ID numbers of the transfer in.
    duplicate_id: String,
    new_id: String,
}

impl Run {
    async fn choose(&self, name: &str) -> Result<(), CmdError> {
        let id = self.ids[name];
        if self
            .app
            .client
            .find(fantoccini::Locator::Css("[data-test=change-student]"))
            .await
            .is_ok()
        {
            step!(self.app.click("[data-test=change-student]").await);
        }
        step!(self.app.fill("[data-test=student-search]", name).await);
        step!(
            self.app
                .click(&format!("[data-test=student-row-{id}]"))
                .await
        );
        self.app
            .wait_text("[data-test=chosen-student]", name)
            .await?;
        step!(
            self.app
                .click("[data-test=step-student] [data-test=wizard-next]")
                .await
        );
        step!(self.app.find("[data-test=step-facts]").await);
        Ok(())
    }

    async fn fill(&self, fills: &[Fill]) -> Result<(), CmdError> {
        let app = &self.app;
        for f in fills {
            match *f {
                On(date) => {
                    let date = dates::resolve_date(&self.today, date);
                    app.set_date("[data-test=fact-effectiveOn]", &date).await?;
                }
                Text(key, value) => {
                    let value = match value {
                        "DUPLICATE" => self.duplicate_id.as_str(),
                        "NEW" => self.new_id.as_str(),
                        v => v,
                    };
                    step!(app.fill(&format!("[data-test=fact-{key}]"), value).await);
                }
                Date(key, date) => {
                    let date = dates::resolve_date(&self.today, date);
                    app.set_date(&format!("[data-test=fact-{key}]"), &date)
                        .await?;
                }
                Radio(key, value) => {
                    app.click(&format!("[data-test=option-{key}-{value}]"))
                        .await?;
                }
                Select(key, value) => {
                    app.pick(
                        &format!("[data-test=fact-{key}]"),
                        &format!("[data-test=option-{key}-{value}]"),
                    )
                    .await?;
                }
                Year(key, year) => {
                    let next = dates::next_school_year(&self.today);
                    let year = match year {
                        "NEXT" => next,
                        "NEXT-1" => next - 1,
                        "NEXT+1" => next + 1,
                        y => y.parse().expect("a year"),
                    };
                    app.fill(&format!("[data-test=fact-{key}] input"), &year.to_string())
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// Presses 规则检查 and waits for the check step. A press can be lost (a select's list still
    /// closing over the button): while the facts step still shows the button enabled it is pressed
    /// again; when it does not open, what the page showed is printed (the button's state, the
    /// fields' messages, the lock screen).
    async fn check(&self) -> Result<(), CmdError> {
        for _ in 0..3 {
            step!(self.app.click("[data-test=wizard-check]").await);
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if self
                    .app
                    .client
                    .find(fantoccini::Locator::Css("[data-test=step-check]"))
                    .await
                    .is_ok()
                {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            let page = self.app.client.execute(WHY_NO_CHECK, vec![]).await?;
            eprintln!("the check step did not open: {page}");
            if page["button"] != json!("enabled") {
                break;
            }
        }
        Err(CmdError::WaitTimeout)
    }

    /// One wizard, refused then allowed; returns the application's id.
    async fn wizard(&self, case: &Case) -> Result<i64, CmdError> {
        let app = &self.app;
        step!(app.goto(&format!("/changes/new/{}", case.ty)).await);
        step!(app.find(&format!("[data-test=wizard-{}]", case.ty)).await);
        if let Some(s) = case.refused_student {
            step!(self.choose(s).await);
        }
        step!(self.fill(case.refused).await);
        step!(self.check().await);
        let refusal = app.wait_text("[data-test=refusal]", case.rule).await?;
        assert!(
            app.text("[data-test=refusal-rule]")
                .await?
                .contains(case.rule),
            "{}: {refusal}",
            case.ty
        );
        if case.ty == "transfer_out" {
            app.shot("changes-wizard-refusal").await;
        }
        step!(
            app.click("[data-test=step-check] [data-test=wizard-back]")
                .await
        );
        step!(app.find("[data-test=step-facts]").await);
        if let Some(s) = case.allowed_student {
            step!(
                app.click("[data-test=step-facts] [data-test=wizard-back]")
                    .await
            );
            step!(self.choose(s).await);
        }
        step!(self.fill(case.allowed).await);
        for i in 0..case.proofs {
            app.find(&format!("[data-test=proof-file-{i}]"))
                .await?
                .send_keys(&self.scan.display().to_string())
                .await?;
            step!(app.find(&format!("[data-test=proof-item-{i}]")).await);
        }
        step!(self.check().await);
        app.find("[data-test=check-ok]").await.inspect_err(|_e| {
            eprintln!("{}: the allowed path was refused", case.ty);
        })?;
        assert!(
            app.client
                .find(fantoccini::Locator::Css("[data-test=check-missing]"))
                .await
                .is_err(),
            "{}: proofs missing",
            case.ty
        );
        step!(
            app.click("[data-test=step-check] [data-test=wizard-next]")
                .await
        );
        step!(app.confirm("[data-test=wizard-submit]").await);
        let submitted = step!(app.text("[data-test=submitted]").await);
        let id: i64 = submitted
            .split("申请编号 ")
            .nth(1)
            .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{}: no application id in {submitted}", case.ty));
        if let Some(needle) = case.print {
            let path = self.out.join(format!("{}.pdf", case.ty));
            step!(app.click("[data-test=print-form]").await);
            files::move_saved(app, &path).await;
            app.wait_text("[data-test=printed]", "保存在").await?;
            let text = files::pdf_text(&path);
            assert!(
                text.contains(needle),
                "{}: the PDF lacks {needle}: {text}",
                case.ty
            );
        }
        step!(
            app.click("[data-test=step-print] [data-test=wizard-next]")
                .await
        );
        step!(app.click("[data-test=back-to-list]").await);
        step!(app.find("[data-test=application-list]").await);
        Ok(id)
    }
}

/// 首页's to-do list, as the school's approver (学校审核人): an application waiting on the school,
/// opened from there, and the step it waits for recorded; then the registrar again.
async fn record_from_todo(app: &AppHandle, today: &str) -> Result<(), CmdError> {
    let app = app.clone();
    step!(app.logout().await);
    step!(app.login(APPROVER, STAFF_PASSWORD).await);
    step!(app.goto("/").await);
    let todo = step!(app.find("[data-test^=todo-open-application-]").await);
    let number = |attr: Option<String>| -> i64 {
        attr.as_deref()
            .and_then(|t| t.rsplit('-').next())
            .and_then(|n| n.parse().ok())
            .expect("a numbered data-test")
    };
    let todo_id = number(todo.attr("data-test").await?);
    step!(
        app.click(&format!("[data-test=todo-open-application-{todo_id}]"))
            .await
    );
    step!(app.find("[data-test=application-detail]").await);
    let waiting = step!(app.find("[data-test^=decide-step-]").await);
    let step_no = number(waiting.attr("data-test").await?);
    step!(
        app.click(&format!("[data-test=decide-step-{step_no}]"))
            .await
    );
    step!(app.find("[data-test=decide-dialog]").await);
    app.set_date("[data-test=decide-on]", today).await?;
    step!(app.confirm("[data-test=decide-confirm]").await);
    app.wait_text(&format!("[data-test=step-{step_no}-decision]"), "同意")
        .await?;
    app.shot("changes-todo-step-recorded").await;
    step!(app.logout().await);
    step!(app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await);
    Ok(())
}

/// The pupils on the books (the approver and 德育处 added): all 在读 but for the two grade-1
/// newcomers; then S2 on leave, S8 abroad, S14 deferred, through the real commands, approved by
/// the right roles. Returns their ids by name.
async fn put_on_books(
    app: &AppHandle,
    pupils: &[(Pupil, bool)],
    today: &str,
) -> HashMap<String, i64> {
    app.add_users().await;
    let entry = dates::days_before(today, 450);
    let approved = dates::days_before(today, 440);
    let ids = seed::enrol_all(app, pupils, &entry, &approved).await;
    let ids: HashMap<String, i64> = pupils
        .iter()
        .map(|(p, _)| p.name.clone())
        .zip(ids)
        .collect();
    let earlier = dates::days_before(today, 200);
    let later = dates::days_before(today, 199);
    let leave = seed::submit(
        app,
        ids[S2],
        json!({ "type": "leave", "reason": { "type": "other", "description": "外地就医" } }),
        &earlier,
        &["written_application", "other_proof"],
    )
    .await;
    let abroad = seed::submit(
        app,
        ids[S8],
        json!({ "type": "go_abroad" }),
        &earlier,
        &["travel_document"],
    )
    .await;
    let deferral = seed::submit(
        app,
        ids[S14],
        json!({ "type": "defer", "schoolYear": dates::next_school_year(today) }),
        today,
        &["written_application", "county_hospital_certificate"],
    )
    .await;
    let seeded: Vec<i64> = [&leave, &abroad]
        .iter()
        .map(|v| v["row"]["id"].as_i64().expect("id"))
        .collect();
    seed::complete(app, &seeded, &later).await;
    seed::complete(app, &[deferral["row"]["id"].as_i64().expect("id")], today).await;
    ids
}

#[tokio::test(flavor = "multi_thread")]
async fn every_change_wizard_refuses_with_its_rule_then_submits_and_an_approval_is_recorded() {
    with_app("changes", |app: AppHandle| async move {
        step!(app.first_run_and_login().await);
        let today = app.today().await;
        let pupils = pupils();
        let started = Instant::now();
        let ids = put_on_books(&app, &pupils, &today).await;
        eprintln!(
            "pupils on the books in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        step!(app.client.refresh().await);

        let dir = std::env::temp_dir().join(format!("xueji-e2e-changes-{}", std::process::id()));
        let run = Run {
            scan: files::scan_file(&dir),
            out: dir.clone(),
            ids,
            today,
            duplicate_id: pupils[3].0.id_number.clone(),
            new_id: seed::id_number("20170808", 21),
            app: app.clone(),
        };
        let mut applications = HashMap::new();
        for case in CASES {
            let started = Instant::now();
            let id = step!(run.wizard(case).await);
            eprintln!(
                "wizard {}: refused with {}, submitted as application {id} ({:.1} s)",
                case.ty,
                case.rule,
                started.elapsed().as_secs_f64()
            );
            applications.insert(case.ty, id);
        }

        // The list: open applications, the leave among them.
        step!(app.goto("/changes").await);
        let leave_id = applications["leave"];
        step!(
            app.find(&format!("[data-test=application-{leave_id}]"))
                .await
        );
        app.shot("changes-application-list").await;
        step!(record_from_todo(&app, &run.today).await);

        // The leave, from the application list: its first step (the bureau's approval).
        step!(app.goto("/changes").await);
        step!(
            app.click(&format!("[data-test=application-{leave_id}]"))
                .await
        );
        step!(app.find("[data-test=application-detail]").await);
        step!(app.click("[data-test=decide-step-0]").await);
        step!(
            app.fill("[data-test=decide-reference]", "西教籍〔2026〕8号")
                .await
        );
        step!(app.confirm("[data-test=decide-confirm]").await);
        app.wait_text("[data-test=step-0-decision]", "同意").await?;
        assert_eq!(
            app.text("[data-test=step-0-reference]").await?,
            "西教籍〔2026〕8号"
        );
        step!(app.find("[data-test=decide-step-1]").await);
        app.shot("changes-application-detail").await;

        // The status changes the direct ones made are on the record.
        let status = |id: i64| {
            let app = app.clone();
            async move {
                app.call("student_archive", json!({ "id": id })).await["student"]["status"]["code"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            }
        };
        assert_eq!(
            status(run.ids[S7]).await,
            "enrolled",
            "dropped out, then back"
        );
        assert_eq!(status(run.ids[S8]).await, "enrolled", "back from abroad");
        assert_eq!(
            status(run.ids[S11]).await,
            "enrolled",
            "held, then restored"
        );
        // A deferred newcomer whose enrolment the bureau had not yet approved: when the deferral
        // ends the record is back where it stood, 待核准.
        assert_eq!(
            status(run.ids[S14]).await,
            "pending_approval",
            "deferral ended"
        );
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    })
    .await;
}
