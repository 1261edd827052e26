//! Issue 7 item 6: the graduation batch in the real app, from the results table to the
//! certificates printed with a progress bar and saved as one PDF file.

mod support;

use support::{count, saved_pdf, wait_inner_text};
use xueji_e2e::{AppHandle, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn graduation_batch_prints_every_certificate_to_one_pdf() {
    with_app("graduation", |mut app: AppHandle| async move {
        app.first_run_and_login().await?;
        support::students(&mut app, &["陈一", "陈二", "陈三"], "九年级", "2011-03-01").await?;

        // 1 the grade (the test school is 九年一贯制: grade 9 finishes): its 在读 count shows.
        app.click("[data-test=nav-completion]").await?;
        app.wait_for_text("[data-test=graduation-grade-9]", "3 人在读")
            .await?;
        app.click("[data-test=graduation-grade-9]").await?;
        app.click("[data-test=graduation-start]").await?;

        // 2 the results: 辅号 filled in sequence; one fails the 综合素质评价, one did not finish.
        count(&app, "input[data-test=result-aux]", 3).await?;
        app.fill("[data-test=graduation-aux-start]", "ZJ2026000001")
            .await?;
        app.click("[data-test=graduation-aux-fill]").await?;
        count(&app, "[data-test=result-quality]", 3).await?[1]
            .click()
            .await?;
        count(&app, "[data-test=result-done]", 3).await?[2]
            .click()
            .await?;
        app.click("[data-test=graduation-preview]").await?;

        // 3 the review: 毕业 / 结业 / 肄业 with their rules, nothing in the way.
        let review = wait_inner_text(&app, "[data-test=graduation-review]", "肄业").await?;
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
        support::settle().await;
        app.shot("graduation-review").await?;
        app.click("[data-test=graduation-next]").await?;

        // 4 the 文号, then the irreversible confirmation.
        app.fill("[data-test=graduation-reference]", "西教学〔2026〕18号")
            .await?;
        app.click("[data-test=graduation-confirm]").await?;
        app.find(".graduation-confirm").await?;
        app.confirm_message_box().await?;
        app.wait_for_text("[data-test=graduation-done]", "已办理 3 名学生")
            .await?;

        // 5 every certificate, with the progress bar, saved as one PDF.
        app.click("[data-test=certificate-print]").await?;
        let saved = app
            .wait_for_text("[data-test=certificate-saved-path]", ".pdf")
            .await?;
        app.wait_for_text("[data-test=certificate-progress-text]", "3 / 3")
            .await?;
        let serials = app.text("[data-test=certificate-serials]").await?;
        assert!(serials.contains("-CERT-"), "{serials}");
        assert!(serials.contains("共 3 份"), "{serials}");
        support::settle().await;
        app.shot("graduation-certificates").await?;

        saved_pdf(&app, &saved);
        Ok(())
    })
    .await;
}
