//! Issue 7 item 1: the first run with the recovery code, login, the lock screen, and the
//! "forgot the key" path through the recovery code, in the real app with the real OS keyring.

use std::process::Command;

use xueji_e2e::{
    ADMIN_DISPLAY_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, AppHandle, SchoolSetup, with_app,
};

/// The keyring service the app stores its database key under.
const KEYRING_SERVICE: &str = "cn.xueji.desktop";

/// The keyring entry of the app's data folder (as `DataDir::keyring_user` names it).
fn keyring_user(app: &AppHandle) -> String {
    let dir = std::fs::canonicalize(&app.data_dir).expect("the data folder exists");
    format!("database-key:{}", dir.display())
}

fn secret_tool(args: &[&str]) -> std::process::Output {
    Command::new("secret-tool")
        .args(args)
        .output()
        .expect("secret-tool runs (package libsecret-tools)")
}

#[tokio::test(flavor = "multi_thread")]
async fn first_run_with_recovery_code_then_login_lock_and_unlock() {
    with_app("first-run", |mut app: AppHandle| async move {
        // Step 1: the school.
        app.find("[data-test=setup-page]").await?;
        app.fill("[data-test=school-name]", SchoolSetup::default().name)
            .await?;
        app.click("[data-test=school-kind-nine_year]").await?;
        app.shot("setup-1-school").await;
        app.setup_school(&SchoolSetup::default()).await?;

        // Step 2: the account; a weak password is refused as typed.
        app.fill("[data-test=admin-username]", ADMIN_USERNAME)
            .await?;
        app.fill("[data-test=admin-password]", "short").await?;
        app.wait_text("[data-test=admin-form]", "密码至少8位")
            .await?;
        app.fill("[data-test=admin-display-name]", ADMIN_DISPLAY_NAME)
            .await?;
        app.fill("[data-test=admin-password]", ADMIN_PASSWORD)
            .await?;
        app.shot("setup-2-admin").await;
        let run = app
            .setup_admin(ADMIN_USERNAME, ADMIN_DISPLAY_NAME, ADMIN_PASSWORD)
            .await?;
        assert_eq!(run.recovery_code.len(), 35, "{}", run.recovery_code.len());
        assert_eq!(run.groups().len(), 6);
        app.shot("setup-3-recovery-code").await;

        // Step 4: wrong groups are refused, naming them; the right ones lead to login.
        app.setup_recovery_kept().await?;
        let asked = app.asked_groups().await?;
        let groups = run.groups();
        let wrong = if groups[asked[1]] == "00000" {
            "11111"
        } else {
            "00000"
        };
        app.fill("[data-test=confirm-group-0]", groups[asked[0]])
            .await?;
        app.fill("[data-test=confirm-group-1]", wrong).await?;
        app.fill("[data-test=confirm-group-2]", groups[asked[2]])
            .await?;
        app.click("[data-test=confirm-submit]").await?;
        let refusal = app.text("[data-test=confirm-error]").await?;
        assert!(
            refusal.contains(&format!("第{}组不正确", asked[1] + 1)),
            "{refusal}"
        );
        app.shot("setup-4-confirm-refused").await;
        assert!(app.find("[data-test=confirm-step]").await.is_ok());
        app.setup_confirm_groups(&run).await?;
        app.find("[data-test=login-page]").await?;

        // A restart goes to the login page, not the wizard.
        app.restart().await?;
        app.find("[data-test=login-page]").await?;
        app.shot("login").await;

        // A wrong password: the backend's message as it is.
        app.submit_login(ADMIN_USERNAME, "wrong-password-1").await?;
        let error = app.text("[data-test=login-error]").await?;
        assert_eq!(error, "用户名或密码不正确（连续输错5次，账户将锁定15分钟）");
        app.shot("login-wrong-password").await;

        // Login: the header names the user and the role.
        app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
        assert_eq!(app.text("[data-test=page-title]").await?, "首页");
        app.wait_text("[data-test=current-user-name]", ADMIN_DISPLAY_NAME)
            .await?;
        app.wait_text("[data-test=current-user-role]", "学籍管理员")
            .await?;

        // Lock from the header: an opaque screen, the page under it unmounted (issue 15); a wrong
        // password is refused.
        app.click("[data-test=nav-settings]").await?;
        app.wait_text("[data-test=page-title]", "设置").await?;
        app.find("[data-test=school-form]").await?;
        app.click("[data-test=lock-button]").await?;
        app.find("[data-test=lock-screen]").await?;
        app.gone("[data-test=school-form]").await?;
        app.shot("lock-screen").await;
        app.fill("[data-test=unlock-password]", "wrong-password-2")
            .await?;
        app.click("[data-test=unlock-submit]").await?;
        let error = app.text("[data-test=unlock-error]").await?;
        assert!(error.starts_with("密码不正确"), "{error}");
        app.fill("[data-test=unlock-password]", ADMIN_PASSWORD)
            .await?;
        app.click("[data-test=unlock-submit]").await?;
        app.gone("[data-test=lock-screen]").await?;
        app.wait_text("[data-test=page-title]", "设置").await?;
        // Back where it was: still 设置, its first tab.
        assert!(app.find("[data-test=school-form]").await.is_ok());

        // Log out; five wrong passwords lock the account, the message shown as it is (R30.3).
        app.click("[data-test=logout-button]").await?;
        app.find("[data-test=login-page]").await?;
        for _ in 0..5 {
            app.submit_login(ADMIN_USERNAME, "wrong-password-3").await?;
            app.find("[data-test=login-error]").await?;
        }
        let error = app.text("[data-test=login-error]").await?;
        assert!(
            error.starts_with("连续输错密码次数过多，账户已锁定"),
            "{error}"
        );
        app.shot("login-account-locked").await;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lost_keyring_key_is_recovered_with_the_recovery_code() {
    with_app("recover", |mut app: AppHandle| async move {
        let run = app.first_run().await?;
        let user = keyring_user(&app);
        let stored = secret_tool(&["lookup", "service", KEYRING_SERVICE, "username", &user]);
        assert!(
            stored.status.success() && !stored.stdout.is_empty(),
            "the first run put the database key in the OS keyring"
        );

        // The keyring loses the key (a reinstalled system): the app asks for the recovery code.
        let cleared = secret_tool(&["clear", "service", KEYRING_SERVICE, "username", &user]);
        assert!(cleared.status.success());
        app.restart().await?;
        app.find("[data-test=recover-page]").await?;
        app.shot("recover").await;

        // A well-formed but wrong code is refused; the database stays closed.
        let mut wrong: Vec<String> = run.groups().iter().map(|g| (*g).to_owned()).collect();
        wrong[5] = if wrong[5] == "00000" {
            "11111".to_owned()
        } else {
            "00000".to_owned()
        };
        app.fill("[data-test=recover-code]", &wrong.join(""))
            .await?;
        app.click("[data-test=recover-submit]").await?;
        let error = app.text("[data-test=recover-error]").await?;
        assert!(!error.is_empty());
        app.shot("recover-wrong-code").await;

        // The right code (typed without dashes, lower case) opens it; login works.
        app.fill(
            "[data-test=recover-code]",
            &run.recovery_code.replace('-', "").to_lowercase(),
        )
        .await?;
        app.click("[data-test=recover-submit]").await?;
        let notice = app.text("[data-test=login-notice]").await?;
        assert!(notice.contains("恢复码"), "{notice}");
        app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
        assert_eq!(app.text("[data-test=page-title]").await?, "首页");

        // The key is back in the keyring: the next start goes straight to login.
        let stored = secret_tool(&["lookup", "service", KEYRING_SERVICE, "username", &user]);
        assert!(stored.status.success() && !stored.stdout.is_empty());
        app.restart().await?;
        app.find("[data-test=login-page]").await?;
        Ok(())
    })
    .await;
}

/// Issue 15, disaster recovery: the registrar copies a backup to a USB stick from 设置 → 备份;
/// the computer dies (data folder and keyring entry gone); on the "new" one the first-run page
/// offers 从备份恢复, which takes that file and the recovery code, and the old account logs in.
#[tokio::test(flavor = "multi_thread")]
async fn a_new_computer_restores_from_the_usb_backup_and_the_recovery_code() {
    with_app("restore-new", |mut app: AppHandle| async move {
        let run = app.first_run_and_login().await?;
        let usb = app.data_dir.parent().expect("root").join("usb");
        std::fs::create_dir_all(&usb).expect("usb folder");
        // 首页 asks for a copy off the computer until there is one.
        app.find("[data-test=home-backup-reminder]").await?;
        app.click("[data-test=home-backup-go]").await?;
        app.find("[data-test=offsite-backup]").await?;
        app.fill("[data-test=offsite-folder]", &usb.display().to_string())
            .await?;
        app.click("[data-test=offsite-folder-save]").await?;
        app.wait_text("[data-test=offsite-last]", "还没有做过异地备份")
            .await?;
        app.click("[data-test=offsite-now]").await?;
        app.wait_text_gone("[data-test=offsite-last]", "还没有做过异地备份")
            .await?;
        app.shot("backup-offsite").await;
        let copies: Vec<_> = std::fs::read_dir(&usb)
            .expect("usb")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        let backup = copies[0].clone();

        // The disk dies: the data folder and the keyring entry are gone.
        let user = keyring_user(&app);
        let data_dir = app.data_dir.clone();
        app.restart_with(move || {
            std::fs::remove_dir_all(&data_dir).expect("the disk dies");
            std::fs::create_dir_all(&data_dir).expect("an empty data folder");
            let cleared = secret_tool(&["clear", "service", KEYRING_SERVICE, "username", &user]);
            assert!(cleared.status.success());
        })
        .await?;
        app.find("[data-test=setup-page]").await?;
        app.click("[data-test=setup-restore]").await?;
        app.find("[data-test=restore-page]").await?;
        app.fill("[data-test=restore-file]", &backup.display().to_string())
            .await?;
        app.fill("[data-test=restore-code]", &run.recovery_code)
            .await?;
        app.shot("restore-new-computer").await;
        app.click("[data-test=restore-submit]").await?;
        let notice = app.text("[data-test=login-notice]").await?;
        assert!(notice.contains("已从备份恢复"), "{notice}");
        app.login(ADMIN_USERNAME, ADMIN_PASSWORD).await?;
        assert_eq!(app.text("[data-test=page-title]").await?, "首页");
        Ok(())
    })
    .await;
}
