//! 奖励与处分 in the real app: a sanction through the whole R22.2 procedure, each step recorded by
//! the role the law gives it (德育处 proposes, the school's approver hears, decides and signs),
//! the decision printed; a lift refused while the student offended again (R23.2), then lifted
//! with the written notice printed to PDF through the save dialog; and an award recorded.

use fantoccini::error::CmdError;
use serde_json::json;
use xueji_e2e::seed::{self, Pupil};
use xueji_e2e::{
    ADMIN_PASSWORD, ADMIN_USERNAME, APPROVER, AppHandle, MORAL, STAFF_PASSWORD, dates, files, step,
    with_app,
};

const STUDENT: &str = "李华明";

async fn relogin(app: &AppHandle, username: &str, password: &str) -> Result<(), CmdError> {
    step!(app.logout().await);
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
    step!(app.click(&format!("[data-test=decide-step-{step}]")).await);
    step!(app.find("[data-test=decide-dialog]").await);
    if skip {
        step!(app.click("[data-test=decision-skip]").await);
    }
    app.set_date("[data-test=decide-on]", on).await?;
    if let Some(r) = reference {
        step!(app.fill("[data-test=decide-reference]", r).await);
    }
    step!(app.confirm("[data-test=decide-confirm]").await);
    app.wait_text(
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
        app.add_users().await;
        let today = app.today().await;
        let day = |n: i64| dates::days_before(&today, n);
        let ids = seed::enrol_all(
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
        step!(relogin(&app, MORAL, STAFF_PASSWORD).await);
        step!(app.goto("/awards-sanctions?tab=sanctions").await);
        step!(app.fill("[data-test=student-search]", STUDENT).await);
        step!(
            app.click(&format!("[data-test=student-row-{student}]"))
                .await
        );
        step!(app.click("[data-test=sanction-level-warning]").await);
        step!(
            app.fill(
                "[data-test=sanction-facts]",
                "多次在课堂上扰乱教学秩序，经批评教育仍不改正。"
            )
            .await
        );
        app.set_date("[data-test=sanction-on]", &day(220)).await?;
        step!(app.confirm("[data-test=sanction-propose]").await);
        step!(app.find("[data-test=sanction-procedure]").await);
        let url = step!(app.client.current_url().await);
        let id: i64 = url
            .fragment()
            .and_then(|f| f.rsplit('/').next())
            .and_then(|s| s.parse().ok())
            .expect("the procedure page's id");
        step!(record(&app, 0, &day(220), false, None).await);

        // The approver: a step dated before the previous one is refused with R22.2.
        step!(relogin(&app, APPROVER, STAFF_PASSWORD).await);
        step!(app.goto("/awards-sanctions?tab=sanctions").await);
        step!(app.click(&format!("[data-test=sanction-{id}]")).await);
        step!(app.find("[data-test=sanction-procedure]").await);
        step!(app.click("[data-test=decide-step-1]").await);
        app.set_date("[data-test=decide-on]", &day(225)).await?;
        step!(app.confirm("[data-test=decide-confirm]").await);
        app.wait_text("[data-test=decide-dialog] [data-test=refusal]", "R22.2")
            .await?;
        app.shot("sanction-step-refused").await;
        step!(app.click("[data-test=decide-cancel]").await);
        step!(record(&app, 1, &day(219), false, None).await);
        step!(record(&app, 2, &day(218), true, None).await);
        step!(record(&app, 3, &day(215), false, Some("校务会议纪要〔2026〕3号")).await);
        step!(record(&app, 4, &day(214), false, Some("文溪学〔2026〕5号")).await);
        app.wait_text("[data-test=detail-state]", "已办结").await?;
        app.shot("sanction-procedure").await;
        let decision = dir.join("decision.pdf");
        step!(app.click("[data-test=print-doc-sanction_decision]").await);
        files::move_saved(&app, &decision).await;
        app.wait_text("[data-test=printed]", "保存在").await?;
        let text = files::pdf_text(&decision);
        assert!(
            text.contains("处分决定书") && text.contains("警告"),
            "{text}"
        );

        // The registrar lifts it: refused while the student offended again, then allowed.
        step!(relogin(&app, ADMIN_USERNAME, ADMIN_PASSWORD).await);
        step!(app.goto("/awards-sanctions?tab=lift").await);
        step!(app.find("[data-test=lift]").await);
        step!(
            app.fill("[data-test=lift] [data-test=student-search]", STUDENT)
                .await
        );
        step!(
            app.click(&format!(
                "[data-test=lift] [data-test=student-row-{student}]"
            ))
            .await
        );
        app.wait_text("[data-test=lift-sanctions]", "警告").await?;
        step!(app.click("[data-test=lift-reoffended]").await);
        step!(app.click("[data-test=lift-check]").await);
        app.wait_text("[data-test=lift] [data-test=refusal]", "R23.2")
            .await?;
        app.shot("sanction-lift-refused").await;
        step!(app.click("[data-test=lift-reoffended]").await);
        step!(app.click("[data-test=lift-check]").await);
        step!(app.find("[data-test=lift-ok]").await);
        step!(app.confirm("[data-test=lift-submit]").await);
        step!(app.find("[data-test=lifted]").await);
        let notice = dir.join("notice.pdf");
        step!(app.click("[data-test=print-lift-notice]").await);
        files::move_saved(&app, &notice).await;
        app.wait_text("[data-test=lifted] [data-test=printed]", "保存在")
            .await?;
        let text = files::pdf_text(&notice);
        assert!(text.contains("解除处分"), "{text}");
        let archive = app.call("student_archive", json!({ "id": student })).await;
        assert!(
            archive["sanctions"][0]["liftedOn"].is_string(),
            "{}",
            archive["sanctions"]
        );

        // An award goes into the growth archive at once (R21.1).
        step!(app.goto("/awards-sanctions?tab=awards").await);
        step!(
            app.fill("[data-test=awards] [data-test=student-search]", STUDENT)
                .await
        );
        step!(
            app.click(&format!(
                "[data-test=awards] [data-test=student-row-{student}]"
            ))
            .await
        );
        step!(app.fill("[data-test=award-title]", "校级三好学生").await);
        step!(
            app.fill("[data-test=award-issuer]", "杭州市西湖区文溪九年一贯制学校")
                .await
        );
        step!(app.click("[data-test=award-save]").await);
        app.wait_text("[data-test=awards]", STUDENT).await?;
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    })
    .await;
}
