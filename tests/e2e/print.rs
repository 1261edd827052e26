//! Issue 7 item 7: choose a document and a student, see the PDF drawn in the window, save it as
//! PDF; the issued-document log shows it, and it is voided with a reason.

use xueji_e2e::files::saved_pdf;
use xueji_e2e::{AppHandle, seed, settle, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn a_document_is_previewed_in_the_window_saved_as_pdf_and_voided() {
    with_app("print", |mut app: AppHandle| async move {
        app.first_run_and_login().await?;
        seed::students(&mut app, &["林一", "林二"], "六年级", "2014-05-01").await?;

        app.click("[data-test=nav-print]").await?;
        app.click("[data-test=print-kind-record_card]").await?;
        app.fill("[data-test=student-picker-query]", "林二").await?;
        // The search has answered when 林一 is gone from the results.
        app.wait_text_gone("[data-test=student-picker-results]", "林一")
            .await?;
        app.wait_text("[data-test=student-picker-results]", "林二")
            .await?;
        app.click("[data-test=student-picker-check]").await?;
        let chosen = app
            .wait_text("[data-test=student-picker-chosen]", "已选 1 人")
            .await?;
        assert!(chosen.contains("林二"), "{chosen}");
        app.click("[data-test=print-generate]").await?;

        // The preview: pdf.js has drawn the first page onto a canvas of real size.
        app.find("canvas[data-test=pdf-page][data-drawn=true]")
            .await?;
        let size = app
            .client
            .execute(
                "const c = document.querySelector('canvas[data-test=pdf-page]'); \
                 return [c.width, c.height, c.getBoundingClientRect().width];",
                vec![],
            )
            .await?;
        let dims: Vec<f64> = size
            .as_array()
            .expect("three numbers")
            .iter()
            .map(|v| v.as_f64().unwrap_or(0.0))
            .collect();
        assert!(dims.iter().all(|d| *d > 100.0), "canvas size {dims:?}");
        let serials = app.text("[data-test=print-serials]").await?;
        assert!(serials.contains("-CARD-"), "{serials}");
        settle().await;
        app.shot("print-preview").await;

        // Save as PDF (into XUEJI_E2E_SAVE_DIR: the GTK file chooser is beyond WebDriver).
        app.click("[data-test=pdf-save]").await?;
        let saved = app.wait_text("[data-test=pdf-saved-path]", ".pdf").await?;
        saved_pdf(&app, &saved);

        // The log: numbered, then voided with a reason after a confirmation.
        app.click("[data-test=tab-log]").await?;
        let log = app
            .wait_text("[data-test=document-log-table]", "学籍卡")
            .await?;
        let serial = serials
            .trim_start_matches("编号：")
            .split('（')
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(log.contains(&serial), "{serial} not in the log: {log}");
        app.click("[data-test=document-void]").await?;
        app.fill("[data-test=void-reason]", "打印错误").await?;
        app.click("[data-test=void-submit]").await?;
        app.confirm_message_box().await?;
        app.wait_text("[data-test=document-log-table]", "已作废")
            .await?;
        settle().await;
        app.shot("print-log").await;
        Ok(())
    })
    .await;
}
