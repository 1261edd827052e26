//! Issue 7 item 9: 设置 in the real app — a backup, a change after it, the restore undoing the
//! change (password asked again, confirmation), the audit chain intact afterwards, adding a user,
//! and a screenshot of each tab.

use fantoccini::error::CmdError;
use serde_json::json;
use xueji_e2e::seed::{self, Pupil};
use xueji_e2e::{ADMIN_PASSWORD, AppHandle, with_app};

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
        app.shot("settings-school").await;

        // A backup now.
        tab(&app, "backup", "[data-test=backup-tab]").await?;
        app.click("[data-test=backup-create]").await?;
        app.wait_text("[data-test=backup-table]", "手动备份")
            .await?;
        app.click("[data-test=backup-verify-0]").await?;
        app.wait_text("[data-test=backup-check]", "校验通过")
            .await?;
        app.shot("settings-backup").await;

        // Then a new account (学校审核人).
        tab(&app, "users", "[data-test=users-table]").await?;
        app.click("[data-test=user-add-open]").await?;
        app.fill("[data-test=user-username]", "lilaoshi").await?;
        app.fill("[data-test=user-display-name]", "李老师").await?;
        app.choose("[data-test=user-role]", "学校审核人").await?;
        // A weak password is refused as typed.
        app.fill("[data-test=user-password]", "short").await?;
        app.wait_text("[data-test=user-add-dialog]", "密码至少 8 位")
            .await?;
        app.fill("[data-test=user-password]", "Shenhe2024ok")
            .await?;
        app.click("[data-test=user-submit]").await?;
        let users = app.wait_text("[data-test=users-table]", "lilaoshi").await?;
        assert!(users.contains("学校审核人"), "{users}");
        app.shot("settings-users").await;

        // Restore the backup: the password is asked again, then a confirmation.
        tab(&app, "backup", "[data-test=backup-table]").await?;
        app.click("[data-test=backup-restore-0]").await?;
        app.fill("[data-test=restore-password]", "wrong-password1")
            .await?;
        app.click("[data-test=restore-submit]").await?;
        app.confirm_box_with("确定恢复").await?;
        app.wait_text("[data-test=restore-dialog]", "密码不正确")
            .await?;
        app.fill("[data-test=restore-password]", ADMIN_PASSWORD)
            .await?;
        app.shot("settings-restore-dialog").await;
        app.click("[data-test=restore-submit]").await?;
        app.confirm_box_with("确定恢复").await?;
        // Checked, replaced and reopened (a slow step on a busy machine).
        app.confirm_box_with("恢复完成").await?;
        app.gone(".el-message-box").await?;

        // The account added after the backup is gone; the registrar is still logged in.
        tab(&app, "users", "[data-test=users-table]").await?;
        app.wait_text_gone("[data-test=users-table]", "lilaoshi")
            .await?;
        app.find("[data-test=current-user]").await?;
        // The replaced database was kept.
        tab(&app, "backup", "[data-test=backup-table]").await?;
        app.wait_text("[data-test=backup-table]", "恢复前的数据库")
            .await?;

        // The audit log: filters, and the chain is intact after the restore.
        tab(&app, "audit", "[data-test=audit-table]").await?;
        app.wait_text("[data-test=audit-table]", "恢复备份").await?;
        app.click("[data-test=audit-verify]").await?;
        app.wait_text("[data-test=audit-check]", "哈希链校验通过")
            .await?;
        app.shot("settings-audit").await;

        // The other tabs, for the record.
        tab(&app, "calendar", "[data-test=calendar-years]").await?;
        app.wait_text("[data-test=calendar-years]", "2026").await?;
        app.wait_text("[data-test=calendar-missing]", "2027")
            .await?;
        app.shot("settings-calendar").await;
        tab(&app, "rules", "[data-test=rule-profiles]").await?;
        app.shot("settings-rules").await;
        tab(&app, "about", "[data-test=app-info]").await?;
        app.shot("settings-about").await;
        Ok(())
    })
    .await;
}

/// The 2026 notice as the State Council published it (also the domain's parser test data).
const NOTICE_2026: &str = include_str!("../../src-tauri/crates/domain/tests/data/notices/2026.txt");

/// R13.3 through 设置—工作日历 with only the shipped notices: 2027 is counted provisionally and
/// its statutory days are listed; a real published notice (2026's) is pasted as text, read, checked
/// on the month grid, a day adjusted with its reason, and saved: the open deadline it moves is
/// counted again and listed. Removing the school's notice brings the shipped one back.
#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_notice_is_checked_on_the_grid_saved_and_deadlines_recounted() {
    with_app("settings-calendar", |app: AppHandle| async move {
        app.first_run_and_login().await?;
        // A student whose archive is due on Wednesday 30 December 2026 (R8.1: a month after
        // entering on 30 November).
        let id = seed::enrol(&app, &Pupil::numbered(7, 1), "2026-11-30").await;
        let archive = app.call("student_archive", json!({ "id": id })).await;
        let enrolled = archive["deadlines"][0]["due"].clone();
        assert_eq!(enrolled, json!("2026-12-30"), "{enrolled}");

        app.click("[data-test=nav-settings]").await?;
        tab(&app, "calendar", "[data-test=calendar-years]").await?;
        app.wait_text("[data-test=calendar-provisional-year]", "2027")
            .await?;
        app.wait_text("[data-test=calendar-statutory]", "春节 2月5日")
            .await?;
        app.click("[data-test=notice-open]").await?;
        // Pasted, as a registrar does (typing 600 characters key by key takes minutes).
        app.paste("[data-test=notice-text]", NOTICE_2026).await?;
        app.js_click("[data-test=notice-read]").await?;
        app.wait_text("[data-test=notice-preview-title]", "2026年部分节假日安排")
            .await?;
        let mark = app
            .find("[data-test=grid-day-2026-02-23]")
            .await?
            .attr("data-mark")
            .await?;
        assert_eq!(mark.as_deref(), Some("holiday"), "春节 to 23 February");
        // The registrar marks 30 December a day off (say the county moved it), with the reason.
        app.js_click("[data-test=grid-day-2026-12-30]").await?;
        app.fill("[data-test=grid-adjust-reason]", "县教育局转发的调整通知")
            .await?;
        app.js_click("[data-test=grid-adjust-apply]").await?;
        app.wait_text("[data-test=grid-adjustments]", "2026-12-30 改为放假")
            .await?;
        app.shot("settings-calendar-grid").await;
        app.js_click("[data-test=notice-save]").await?;
        app.wait_text(
            "[data-test=calendar-saved]",
            "1个期限已按2026年通知重新计算",
        )
        .await?;
        app.wait_text("[data-test=calendar-moved]", "2026-12-30 → 2026-12-31")
            .await?;
        app.wait_text("[data-test=notices-table]", "本校载入")
            .await?;
        app.shot("settings-calendar-saved").await;

        // Removed: 2026 falls back to the shipped notice and the deadline moves back.
        app.js_click("[data-test=notice-remove-2026]").await?;
        app.confirm_box_with("删除").await?;
        app.wait_text(
            "[data-test=calendar-saved]",
            "已删除2026年通知，1个期限已重新计算",
        )
        .await?;
        app.wait_text("[data-test=calendar-moved]", "2026-12-31 → 2026-12-30")
            .await?;
        Ok(())
    })
    .await;
}
