//! Issue 7 item 9: 设置 in the real app — a backup, a change after it, the restore undoing the
//! change (password asked again, confirmation), the audit chain intact afterwards, adding a user,
//! and a screenshot of each tab.

mod common;

use common::select::{choose, confirm_box_with};
use common::text::wait_inner;
use fantoccini::error::CmdError;
use fantoccini::key::Key;
use xueji_e2e::{ADMIN_PASSWORD, ADMIN_USERNAME, AppHandle, with_app};

/// Opens a tab of 设置 and waits for its content.
async fn tab(app: &AppHandle, name: &str, content: &str) -> Result<(), CmdError> {
    app.click(&format!("[data-test=settings-tab-{name}]"))
        .await?;
    app.find(content).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn backup_then_restore_undoes_a_later_user_and_the_audit_chain_stays_intact() {
    with_app("settings-backup", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        app.click("[data-test=nav-settings]").await?;
        app.find("[data-test=school-form]").await?;
        app.shot("settings-school").await?;

        // A backup now.
        tab(&app, "backup", "[data-test=backup-tab]").await?;
        app.click("[data-test=backup-create]").await?;
        wait_inner(&app, "[data-test=backup-table]", "手动备份", true).await?;
        app.click("[data-test=backup-verify-0]").await?;
        app.wait_for_text("[data-test=backup-check]", "校验通过")
            .await?;
        app.shot("settings-backup").await?;

        // Then a new account (学校审核人).
        tab(&app, "users", "[data-test=users-table]").await?;
        app.click("[data-test=user-add-open]").await?;
        app.fill("[data-test=user-username]", "lilaoshi").await?;
        app.fill("[data-test=user-display-name]", "李老师").await?;
        choose(&app, "[data-test=user-role]", "学校审核人").await?;
        // A weak password is refused as typed.
        app.fill("[data-test=user-password]", "short").await?;
        app.wait_for_text("[data-test=user-add-dialog]", "密码至少 8 位")
            .await?;
        app.fill("[data-test=user-password]", "Shenhe2024ok")
            .await?;
        app.click("[data-test=user-submit]").await?;
        let users = wait_inner(&app, "[data-test=users-table]", "lilaoshi", true).await?;
        assert!(users.contains("学校审核人"), "{users}");
        app.shot("settings-users").await?;

        // Restore the backup: the password is asked again, then a confirmation.
        tab(&app, "backup", "[data-test=backup-table]").await?;
        app.click("[data-test=backup-restore-0]").await?;
        app.fill("[data-test=restore-password]", "wrong-password1")
            .await?;
        app.click("[data-test=restore-submit]").await?;
        confirm_box_with(&app, "确定恢复").await?;
        app.wait_for_text("[data-test=restore-dialog]", "密码不正确")
            .await?;
        app.fill("[data-test=restore-password]", ADMIN_PASSWORD)
            .await?;
        app.shot("settings-restore-dialog").await?;
        app.click("[data-test=restore-submit]").await?;
        confirm_box_with(&app, "确定恢复").await?;
        // Checked, replaced and reopened (a slow step on a busy machine).
        confirm_box_with(&app, "恢复完成").await?;
        app.gone(".el-message-box").await?;

        // The account added after the backup is gone; the registrar is still logged in.
        tab(&app, "users", "[data-test=users-table]").await?;
        wait_inner(&app, "[data-test=users-table]", "lilaoshi", false).await?;
        app.find("[data-test=current-user]").await?;
        // The replaced database was kept.
        tab(&app, "backup", "[data-test=backup-table]").await?;
        wait_inner(&app, "[data-test=backup-table]", "恢复前的数据库", true).await?;

        // The audit log: filters, and the chain is intact after the restore.
        tab(&app, "audit", "[data-test=audit-table]").await?;
        wait_inner(&app, "[data-test=audit-table]", "恢复备份", true).await?;
        app.click("[data-test=audit-verify]").await?;
        app.wait_for_text("[data-test=audit-check]", "哈希链校验通过")
            .await?;
        app.shot("settings-audit").await?;

        // The other tabs, for the record.
        tab(&app, "calendar", "[data-test=calendar-years]").await?;
        app.wait_for_text("[data-test=calendar-years]", "2026")
            .await?;
        app.shot("settings-calendar").await?;
        tab(&app, "rules", "[data-test=rule-profiles]").await?;
        app.shot("settings-rules").await?;
        tab(&app, "about", "[data-test=app-info]").await?;
        app.shot("settings-about").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_holiday_notice_for_next_year_extends_the_calendar() {
    with_app("settings-calendar", |app: AppHandle| async move {
        // Without the coming years' notices that `first_run_and_login` adds.
        app.first_run().await?;
        app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
        app.click("[data-test=nav-settings]").await?;
        tab(&app, "calendar", "[data-test=calendar-years]").await?;
        // 2026 is the last year shipped: the page warns that 2027 cannot be counted.
        app.wait_for_text("[data-test=calendar-missing]", "2027")
            .await?;
        app.click("[data-test=notice-open]").await?;
        // WebDriver drops "\n" in typed text: a new line is the Enter key.
        let enter = char::from(Key::Enter).to_string();
        let text = format!(
            "notice 2027 国务院办公厅关于2027年部分节假日安排的通知{enter}\
             2027-01-01..2027-01-03 holiday 元旦{enter}"
        );
        app.fill("[data-test=notice-text]", &text).await?;
        app.click("[data-test=notice-submit]").await?;
        app.wait_for_text("[data-test=calendar-years]", "2027")
            .await?;
        app.gone("[data-test=calendar-missing]").await?;
        Ok(())
    })
    .await;
}
