//! Issue 8 in the real app: 数据交换 — a roster workbook checked and imported from the page, an
//! export refused without the bureau's approval reference (第三十条, R30.2) and saved with it, and
//! the school's public key shown for the other schools.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use xueji_e2e::files::{save_dir, saved_with_extension};
use xueji_e2e::{AppHandle, seed, settle, with_app};

#[tokio::test(flavor = "multi_thread")]
async fn a_roster_is_imported_an_export_needs_the_approval_reference_and_the_key_is_shown() {
    with_app("exchange", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        app.click("[data-test=nav-exchange]").await?;
        app.find("[data-test=import-tab]").await?;

        // 1 导入学生: a roster of three, checked (nothing written), then imported.
        let dir = app
            .data_dir
            .parent()
            .expect("the run folder")
            .join("exchange");
        std::fs::create_dir_all(&dir).expect("a folder for the roster");
        let file = dir.join("roster.xlsx");
        std::fs::write(
            &file,
            seed::roster(&["吴一", "吴二", "吴三"], "三年级", "2017-03-01"),
        )
        .expect("the roster is written");
        app.fill("[data-test=import-path]", &file.display().to_string())
            .await?;
        app.click("[data-test=import-check]").await?;
        let summary = app
            .wait_text("[data-test=import-summary]", "共 3 行")
            .await?;
        assert!(summary.contains("问题 0 处"), "{summary}");
        app.find("[data-test=import-clean]").await?;
        app.click("[data-test=import-commit]").await?;
        app.wait_text(".el-message-box", "将导入 3 名学生").await?;
        app.confirm_message_box().await?;
        app.wait_text("[data-test=import-done]", "已导入 3 名学生")
            .await?;
        settle().await;
        app.shot("exchange-import").await;

        // 2 导出: a purpose without the approval reference is refused (R30.2), nothing is saved.
        app.click("[data-test=exchange-tab-export]").await?;
        app.find("[data-test=export-form]").await?;
        app.fill("[data-test=export-purpose]", "区教育局春季学籍核查")
            .await?;
        app.click("[data-test=export-save]").await?;
        let refused = app
            .wait_text("[data-test=export-form]", "请填写批准文号")
            .await?;
        assert!(refused.contains("R30.2"), "{refused}");
        assert!(
            saved_with_extension(&app, "xlsx").is_empty(),
            "a file was saved without the approval reference"
        );
        settle().await;
        app.shot("exchange-export-refused").await;

        // With both: the rosters are saved, marked and audited.
        app.fill("[data-test=export-approval]", "西教学〔2026〕12号")
            .await?;
        app.fill("[data-test=export-approved-on]", "2026-12-01")
            .await?;
        app.click("[data-test=export-save]").await?;
        let done = app.wait_text("[data-test=export-done]", "已导出").await?;
        assert!(done.contains("3 行"), "{done}");
        let shown = app.text("[data-test=export-saved-path]").await?;
        let path = PathBuf::from(shown.trim());
        assert!(path.starts_with(save_dir(&app)), "{}", path.display());
        assert_eq!(saved_with_extension(&app, "xlsx"), vec![path.clone()]);
        let xlsx = std::fs::read(&path).expect("the export was written");
        // An .xlsx file is a zip archive.
        assert!(xlsx.starts_with(b"PK"), "not an .xlsx: {}", path.display());
        settle().await;
        app.shot("exchange-export").await;

        // 3 学校密钥: the school's public key text, to give to other schools.
        app.click("[data-test=exchange-tab-keys]").await?;
        let key = key_text(&app).await?;
        assert!(key.starts_with("xueji1:"), "{key}");
        settle().await;
        app.shot("exchange-keys").await;
        Ok(())
    })
    .await;
}

/// The value of the read-only key text area, once it is filled.
async fn key_text(app: &AppHandle) -> Result<String, fantoccini::error::CmdError> {
    let deadline = Instant::now() + xueji_e2e::STEP_TIMEOUT;
    loop {
        let value = app
            .find("textarea[data-test=keys-text]")
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        if !value.trim().is_empty() {
            return Ok(value);
        }
        assert!(Instant::now() < deadline, "the key text stayed empty");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
