//! Issue 7 item 2: the 首页 dashboard in the real app: its chart of students by grade and the
//! to-dos with deadlines in working days, the overdue ones in red, each linked.

use serde_json::json;
use xueji_e2e::{AppHandle, seed, with_app};

/// The effective date of the seeded applications and of their recorded steps.
const ON: &str = "2026-11-27";

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_shows_its_chart_and_to_dos() {
    with_app("home", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        // An empty school: no to-do, a hint instead of a chart.
        app.find("[data-test=home] [data-test=todos]").await?;
        app.wait_text("[data-test=todos]", "暂无待办事项").await?;

        let ids = seed::school(&app).await;
        // Enrolments approved (R6.1): the school's approver, then the bureau's decision recorded.
        app.add_users().await;
        let mut apps = Vec::new();
        for id in ids.iter().take(14) {
            let view = seed::submit(
                &app,
                *id,
                json!({ "type": "approve_enrolment" }),
                ON,
                &["written_application"],
            )
            .await;
            apps.push(view["row"]["id"].as_i64().expect("an application id"));
        }
        // Ten approved; four still waiting on the school (to-dos with a link to the application).
        seed::complete(&app, &apps[..10], ON).await;
        // A leave applied for by an enrolled student.
        seed::submit(
            &app,
            ids[3],
            json!({ "type": "leave", "reason": { "type": "other", "description": "随父母出国探亲三个月" } }),
            ON,
            &["written_application"],
        )
        .await;

        app.click("[data-test=home-refresh]").await?;
        app.wait_text("[data-test=stat-students]", &ids.len().to_string())
            .await?;
        // The grade chart is drawn (ECharts renders SVG with the grades as labels).
        let chart = app.wait_text("[data-test=chart-grade]", "六年级").await?;
        assert!(chart.contains("一年级"), "{chart}");
        app.find("[data-test=chart-grade] svg").await?;
        app.find("[data-test=chart-status] svg").await?;

        // To-dos: the archives of students entered in 2025 are overdue, in red.
        let todos = app.inner_text("[data-test=todos-table]").await?;
        assert!(todos.contains("建立学籍档案") || todos.contains("档案"), "{todos}");
        assert!(todos.contains("逾期"), "{todos}");
        let overdue = app.find("[data-test=todo-due].overdue").await?;
        assert!(app.inner_text("[data-test=todo-due].overdue").await?.contains("逾期"));
        let color = overdue.css_value("color").await?;
        assert!(
            color.contains("245, 108, 108") || color.contains("f56c6c"),
            "overdue in red: {color}"
        );
        assert!(todos.contains("工作日"), "{todos}");
        // R32 findings name their rule, with a link to fix.
        app.wait_text("[data-test=findings]", "R32").await?;
        app.find("[data-test=finding-fix]").await?;
        app.shot("home-dashboard").await;

        // Each to-do leads to its page: the application waiting on the school, or the student.
        // (The pages themselves are other sections' work: here the link targets are checked.)
        let to_application = app
            .find("[data-test^=todo-open-application-]")
            .await?
            .attr("data-to")
            .await?
            .unwrap_or_default();
        assert!(to_application.starts_with("/changes/"), "{to_application}");
        let to_student = app
            .find("[data-test^=todo-open-deadline-]")
            .await?
            .attr("data-to")
            .await?
            .unwrap_or_default();
        assert!(to_student.starts_with("/students/"), "{to_student}");
        app.client
            .execute(
                "document.querySelector('[data-test=chart-grade]').scrollIntoView()",
                vec![],
            )
            .await?;
        app.shot("home-dashboard-charts").await;

        // 统计: the same school as charts and tables.
        app.click("[data-test=nav-statistics]").await?;
        app.wait_text("[data-test=stats-current]", &ids.len().to_string())
            .await?;
        app.wait_text("[data-test=stats-chart-class]", "一年级1班")
            .await?;
        app.find("[data-test=stats-chart-terms] svg").await?;
        app.wait_text("[data-test=stats-chart-flags]", "随迁子女")
            .await?;
        app.shot("statistics-charts").await;
        app.client
            .execute(
                "document.querySelector('[data-test=stats-tables]').scrollIntoView()",
                vec![],
            )
            .await?;
        app.click("#tab-changes").await?;
        app.wait_text("[data-test=table-changes]", "学籍核准").await?;
        app.shot("statistics-tables").await;
        Ok(())
    })
    .await;
}
