//! Issue 7 item 6: the graduation batch in the real app, from the results table to the
//! certificates printed with a progress bar and saved as one PDF file.

use xueji_e2e::files::saved_pdf;
use xueji_e2e::{AppHandle, seed, settle, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn graduation_batch_prints_every_certificate_to_one_pdf() {
    with_app("graduation", |mut app: AppHandle| async move {
        app.first_run_and_login().await?;
        seed::students(&mut app, &["陈一", "陈二", "陈三"], "九年级", "2011-03-01").await?;

        // 1 the grade (the test school is 九年一贯制: grade 9 finishes): its 在读 count shows.
        app.click("[data-test=nav-completion]").await?;
        app.wait_text("[data-test=graduation-grade-9]", "3 人在读")
            .await?;
        app.click("[data-test=graduation-grade-9]").await?;
        app.click("[data-test=graduation-start]").await?;

        // 2 the results: 辅号 filled in sequence; one fails the 综合素质评价, one did not finish.
        app.count("input[data-test=result-aux]", 3).await?;
        app.fill("[data-test=graduation-aux-start]", "ZJ2026000001")
            .await?;
        app.click("[data-test=graduation-aux-fill]").await?;
        app.count("[data-test=result-quality]", 3).await?[1]
            .click()
            .await?;
        app.count("[data-test=result-done]", 3).await?[2]
            .click()
            .await?;
        app.click("[data-test=graduation-preview]").await?;

        // 3 the review: 毕业 / 结业 / 肄业 with their rules, nothing in the way.
        let review = app
            .wait_text("[data-test=graduation-review]", "肄业")
            .await?;
        for needle in [
            "毕业",
            "结业",
            "R25.1",
            "R25.2",
            "R25.3",
            "陈二",
            "ZJ2026000003",
        ] {
            assert!(
                review.contains(needle),
                "the review lacks {needle}: {review}"
            );
        }
        settle().await;
        app.shot("graduation-review").await;
        app.click("[data-test=graduation-next]").await?;

        // 4 the 文号, then the irreversible confirmation.
        app.fill("[data-test=graduation-reference]", "西教学〔2026〕18号")
            .await?;
        app.click("[data-test=graduation-confirm]").await?;
        app.find(".graduation-confirm").await?;
        app.confirm_message_box().await?;
        app.wait_text("[data-test=graduation-done]", "已办理 3 名学生")
            .await?;

        // 5 every certificate, with the progress bar, saved as one PDF.
        app.click("[data-test=certificate-print]").await?;
        let saved = app
            .wait_text("[data-test=certificate-saved-path]", ".pdf")
            .await?;
        app.wait_text("[data-test=certificate-progress-text]", "3 / 3")
            .await?;
        let serials = app.text("[data-test=certificate-serials]").await?;
        assert!(serials.contains("-CERT-"), "{serials}");
        assert!(serials.contains("共 3 份"), "{serials}");
        settle().await;
        app.shot("graduation-certificates").await;

        saved_pdf(&app, &saved);

        // R26.2: a lost certificate is not printed again; the completion proof is.
        app.click("[data-test=tab-proof]").await?;
        app.wait_text(
            "[data-test=completion-proof] [data-test=student-picker-results]",
            "陈二",
        )
        .await?;
        app.click("[data-test=completion-proof] [data-test=student-picker-check]")
            .await?;
        app.click("[data-test=proof-issue]").await?;
        app.find("[data-test=completion-proof] canvas[data-test=pdf-page][data-drawn=true]")
            .await?;
        settle().await;
        app.shot("completion-proof").await;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn year_end_promotion_previews_its_exceptions_then_runs_after_a_confirmation() {
    with_app("promotion", |mut app: AppHandle| async move {
        app.first_run_and_login().await?;
        seed::students_of(
            &mut app,
            &[
                ("周一", "五年级", "2015-03-01"),
                ("周二", "五年级", "2015-04-01"),
                ("周九", "九年级", "2011-03-01"),
            ],
        )
        .await?;

        app.click("[data-test=nav-completion]").await?;
        app.click("[data-test=tab-promotion]").await?;
        // The roster came in for this school year (2026—2027): promotion goes into the next.
        app.fill("[data-test=promotion-into] input", "2027").await?;
        app.click("[data-test=promotion-preview]").await?;
        let grades = app
            .wait_text("[data-test=promotion-grades]", "六年级")
            .await?;
        assert!(grades.contains("五年级"), "{grades}");
        // The last grade is not promoted: it graduates. The exception names its rule.
        let exceptions = app
            .wait_text("[data-test=promotion-exceptions]", "周九")
            .await?;
        assert!(exceptions.contains("最高年级"), "{exceptions}");
        assert!(exceptions.contains('R'), "no rule id: {exceptions}");
        assert!(!exceptions.contains("周一"), "{exceptions}");
        settle().await;
        app.shot("promotion-preview").await;

        app.click("[data-test=promotion-run]").await?;
        app.confirm_message_box().await?;
        let done = app
            .wait_text("[data-test=promotion-done]", "已升入")
            .await?;
        assert!(done.contains("2027—2028学年：2 人"), "{done}");
        Ok(())
    })
    .await;
}
