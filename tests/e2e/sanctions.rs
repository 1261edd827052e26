//! 奖励与处分 in the real app: a sanction through the whole R22.2 procedure, each step recorded by
//! the role the law gives it (德育处 proposes, the school's approver hears, decides and signs),
//! the decision printed; a lift refused while the student offended again (R23.2), then lifted
//! with the written notice printed to PDF through the save dialog; and an award recorded.

mod wizard;

/// Runs a WebDriver step; on failure names it (line) and the error before returning it.
macro_rules! step {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                eprintln!("step at line {} failed: {e:?}", line!());
                return Err(e);
            }
        }
    };
}

use fantoccini::error::CmdError;
use serde_json::json;
use wizard::{APPROVER, MORAL, PASSWORD, Pupil, set_date, wait_text};
use xueji_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, AppHandle, with_app};

const STUDENT: &str = "李华明";

async fn relogin(app: &AppHandle, username: &str, password: &str) -> Result<(), CmdError> {
    step!(wizard::logout(app).await);
    app.login(username, password).await
}

/// Records the waiting step `step` on `on` (approve, or skip an optional step).
async fn record(
    app: &AppHandle,
    step: u32,
    on: &str,
    skip: bool,
    reference: Option<&str>,
) -> Result<(), CmdError> {
    step!(wizard::tap(app, &format!("[data-test=decide-step-{step}]")).await);
    step!(app.find("[data-test=decide-dialog]").await);
    if skip {
        step!(wizard::tap(app, "[data-test=decision-skip]").await);
    }
    set_date(app, "[data-test=decide-on]", on).await?;
    if let Some(r) = reference {
        step!(app.fill("[data-test=decide-reference]", r).await);
    }
    step!(wizard::confirm(app, "[data-test=decide-confirm]").await);
    wait_text(
        app,
        &format!("[data-test=step-{step}-decision]"),
        if skip { "未举行" } else { "同意" },
    )
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[allow(clippy::too_many_lines)] // the whole procedure, step by step, reads as one script
async fn a_sanction_goes_through_the_procedure_and_is_lifted_with_a_written_notice() {
    with_app("sanctions", |app: AppHandle| async move {
        step!(app.first_run_and_login().await);
        wizard::add_users(&app).await;
        let today = wizard::today(&app).await;
        let day = |n: i64| wizard::days_before(&today, n);
        let ids = wizard::seed(
            &app,
            &[(Pupil::new(STUDENT, "20120901", 31, 8), true)],
            &day(450),
            &day(440),
        )
        .await;
        let student = ids[0];
        let dir = std::env::temp_dir().join(format!("xueji-e2e-sanctions-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("output folder");

        // 德育处 proposes (seven months ago, so that the six months are over today).
        step!(relogin(&app, MORAL, PASSWORD).await);
        step!(wizard::goto(&app, "/awards-sanctions?tab=sanctions").await);
        step!(app.fill("[data-test=student-search]", STUDENT).await);
        step!(wizard::tap(&app, &format!("[data-test=student-row-{student}]")).await);
        step!(wizard::tap(&app, "[data-test=sanction-level-warning]").await);
        step!(
            app.fill(
                "[data-test=sanction-facts]",
                "多次在课堂上扰乱教学秩序，经批评教育仍不改正。"
            )
            .await
        );
        set_date(&app, "[data-test=sanction-on]", &day(220)).await?;
        step!(wizard::confirm(&app, "[data-test=sanction-propose]").await);
        step!(app.find("[data-test=sanction-procedure]").await);
        let url = step!(app.client.current_url().await);
        let id: i64 = url
            .fragment()
            .and_then(|f| f.rsplit('/').next())
            .and_then(|s| s.parse().ok())
            .expect("the procedure page's id");
        step!(record(&app, 0, &day(220), false, None).await);

        // The approver: a step dated before the previous one is refused with R22.2.
        step!(relogin(&app, APPROVER, PASSWORD).await);
        step!(wizard::goto(&app, "/awards-sanctions?tab=sanctions").await);
        step!(wizard::tap(&app, &format!("[data-test=sanction-{id}]")).await);
        step!(app.find("[data-test=sanction-procedure]").await);
        step!(wizard::tap(&app, "[data-test=decide-step-1]").await);
        set_date(&app, "[data-test=decide-on]", &day(225)).await?;
        step!(wizard::confirm(&app, "[data-test=decide-confirm]").await);
        wait_text(
            &app,
            "[data-test=decide-dialog] [data-test=refusal]",
            "R22.2",
        )
        .await?;
        wizard::shot(&app, "sanction-step-refused").await;
        step!(wizard::tap(&app, "[data-test=decide-cancel]").await);
        step!(record(&app, 1, &day(219), false, None).await);
        step!(record(&app, 2, &day(218), true, None).await);
        step!(record(&app, 3, &day(215), false, Some("校务会议纪要〔2026〕3号")).await);
        step!(record(&app, 4, &day(214), false, Some("文溪学〔2026〕5号")).await);
        wait_text(&app, "[data-test=detail-state]", "已办结").await?;
        wizard::shot(&app, "sanction-procedure").await;
        let decision = dir.join("decision.pdf");
        step!(wizard::tap(&app, "[data-test=print-doc-sanction_decision]").await);
        wizard::save_dialog(&app, &decision).await;
        wait_text(&app, "[data-test=printed]", "保存在").await?;
        let text = wizard::pdf_text(&decision);
        assert!(
            text.contains("处分决定书") && text.contains("警告"),
            "{text}"
        );

        // The registrar lifts it: refused while the student offended again, then allowed.
        step!(relogin(&app, ADMIN_USERNAME, ADMIN_PASSWORD).await);
        step!(wizard::goto(&app, "/awards-sanctions?tab=lift").await);
        step!(app.find("[data-test=lift]").await);
        step!(
            app.fill("[data-test=lift] [data-test=student-search]", STUDENT)
                .await
        );
        step!(
            wizard::tap(
                &app,
                &format!("[data-test=lift] [data-test=student-row-{student}]")
            )
            .await
        );
        wait_text(&app, "[data-test=lift-sanctions]", "警告").await?;
        step!(wizard::tap(&app, "[data-test=lift-reoffended]").await);
        step!(wizard::tap(&app, "[data-test=lift-check]").await);
        wait_text(&app, "[data-test=lift] [data-test=refusal]", "R23.2").await?;
        wizard::shot(&app, "sanction-lift-refused").await;
        step!(wizard::tap(&app, "[data-test=lift-reoffended]").await);
        step!(wizard::tap(&app, "[data-test=lift-check]").await);
        step!(app.find("[data-test=lift-ok]").await);
        step!(wizard::confirm(&app, "[data-test=lift-submit]").await);
        step!(app.find("[data-test=lifted]").await);
        let notice = dir.join("notice.pdf");
        step!(wizard::tap(&app, "[data-test=print-lift-notice]").await);
        wizard::save_dialog(&app, &notice).await;
        wait_text(&app, "[data-test=lifted] [data-test=printed]", "保存在").await?;
        let text = wizard::pdf_text(&notice);
        assert!(text.contains("解除处分"), "{text}");
        let archive = wizard::call(&app, "student_archive", json!({ "id": student })).await;
        assert!(
            archive["sanctions"][0]["liftedOn"].is_string(),
            "{}",
            archive["sanctions"]
        );

        // An award goes into the growth archive at once (R21.1).
        step!(wizard::goto(&app, "/awards-sanctions?tab=awards").await);
        step!(
            app.fill("[data-test=awards] [data-test=student-search]", STUDENT)
                .await
        );
        step!(
            wizard::tap(
                &app,
                &format!("[data-test=awards] [data-test=student-row-{student}]")
            )
            .await
        );
        step!(app.fill("[data-test=award-title]", "校级三好学生").await);
        step!(
            app.fill("[data-test=award-issuer]", "杭州市西湖区文溪九年一贯制学校")
                .await
        );
        step!(wizard::tap(&app, "[data-test=award-save]").await);
        wait_text(&app, "[data-test=awards]", STUDENT).await?;
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    })
    .await;
}
