//! The app starts, shows its Chinese frame after the first run and login, and the 设置 page shows
//! what `app_info` returns.

use std::process::Command;
use std::time::{Duration, Instant};

use xueji_e2e::{ADMIN_DISPLAY_NAME, AppHandle, with_app};

const SECTIONS: [&str; 9] = [
    "首页",
    "学生",
    "学籍变动",
    "奖励与处分",
    "毕业",
    "打印",
    "统计",
    "数据交换",
    "设置",
];

#[tokio::test(flavor = "multi_thread")]
async fn frame_shows_every_section_and_settings_shows_app_info() {
    with_app("frame", |app: AppHandle| async move {
        assert_eq!(app.client.title().await?, "学籍管理 XueJi");
        app.first_run_and_login().await?;
        app.wait_text("[data-test=current-user-name]", ADMIN_DISPLAY_NAME)
            .await?;
        let sidebar = app.text("[data-test=sidebar]").await?;
        for title in SECTIONS {
            assert!(sidebar.contains(title), "sidebar lacks {title}: {sidebar}");
        }
        assert_eq!(app.text("[data-test=page-title]").await?, "首页");
        app.find("[data-test=home]").await?;

        app.click("[data-test=nav-settings]").await?;
        app.wait_text("[data-test=page-title]", "设置").await?;
        app.click("[data-test=settings-tab-about]").await?;
        assert_eq!(
            app.text("[data-test=product-name]").await?,
            "学籍管理 XueJi"
        );
        assert_eq!(
            app.text("[data-test=version]").await?,
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(
            app.text("[data-test=data-dir]").await?,
            app.data_dir.display().to_string()
        );
        Ok(())
    })
    .await;
}

/// The visible top-level windows titled like the app's main window.
fn app_windows(display: &str) -> Vec<String> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^学籍管理 XueJi$"])
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Waits for a child to exit, up to 20 s; kills it and returns `None` if it does not.
async fn exit_of(child: &mut std::process::Child) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().expect("wait on the child") {
            return Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_opens_no_second_window_or_process() {
    with_app("second-launch", |app: AppHandle| async move {
        app.find("[data-test=setup-page]").await?;
        let display = app
            .env
            .iter()
            .find(|(k, _)| k == "DISPLAY")
            .map(|(_, v)| v.clone())
            .expect("the session has a display");
        let first = app_windows(&display);
        assert_eq!(first.len(), 1, "one main window: {first:?}");

        // With a session bus, the single-instance plugin hands over to the first and exits.
        let mut second = Command::new(&app.binary)
            .envs(app.env.iter().map(|(k, v)| (k, v)))
            .spawn()
            .expect("the app binary starts");
        let status = exit_of(&mut second)
            .await
            .expect("the second launch kept running next to the first");
        assert!(
            status.success(),
            "the second launch should hand over to the first and exit cleanly, not {status}"
        );
        assert_eq!(app_windows(&display), first, "a second window appeared");

        // Without a bus, the data-folder lock refuses: a message, no main window, exit 1.
        let mut third = Command::new(&app.binary)
            .envs(app.env.iter().map(|(k, v)| (k, v)))
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .spawn()
            .expect("the app binary starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        let dialog = loop {
            let windows = app_windows(&display);
            if let Some(w) = windows.iter().find(|w| !first.contains(w)) {
                break w.clone();
            }
            assert!(Instant::now() < deadline, "no refusal message appeared");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let geometry = Command::new("xdotool")
            .args(["getwindowgeometry", &dialog])
            .env("DISPLAY", &display)
            .output()
            .expect("xdotool runs");
        let geometry = String::from_utf8_lossy(&geometry.stdout).into_owned();
        assert!(
            !geometry.contains("1280x760"),
            "the refused launch opened a main window: {geometry}"
        );
        // Click 确定/OK at the bottom middle of the message box.
        let (w, h) = geometry
            .lines()
            .find_map(|l| l.trim().strip_prefix("Geometry: "))
            .and_then(|g| g.split_once('x'))
            .map(|(w, h)| (w.parse::<u32>().unwrap_or(0), h.parse::<u32>().unwrap_or(0)))
            .expect("the message box has a size");
        Command::new("xdotool")
            .args(["mousemove", "--window", &dialog])
            .args([(w / 2).to_string(), (h - 20).to_string()])
            .args(["click", "1"])
            .env("DISPLAY", &display)
            .status()
            .expect("xdotool clicks");
        let status = exit_of(&mut third)
            .await
            .expect("the refused launch did not quit after its message");
        assert_eq!(status.code(), Some(1), "a refused launch exits with 1");
        assert_eq!(app_windows(&display), first);

        // The first window still answers.
        app.find("[data-test=setup-page]").await?;
        Ok(())
    })
    .await;
}
