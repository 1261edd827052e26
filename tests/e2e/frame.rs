//! The app starts, shows its Chinese frame, and the 设置 page shows what `app_info` returns.

use std::process::Command;
use std::time::{Duration, Instant};

use xueji_e2e::{AppHandle, with_app};

const SECTIONS: [&str; 8] = [
    "首页",
    "学生",
    "学籍变动",
    "奖励与处分",
    "毕业",
    "打印",
    "统计",
    "设置",
];

#[tokio::test(flavor = "multi_thread")]
async fn frame_shows_every_section_and_settings_shows_app_info() {
    with_app("frame", |app: AppHandle| async move {
        assert_eq!(app.client.title().await?, "学籍管理 XueJi");
        let sidebar = app.text("[data-test=sidebar]").await?;
        for title in SECTIONS {
            assert!(sidebar.contains(title), "sidebar lacks {title}: {sidebar}");
        }
        assert_eq!(app.text("[data-test=page-title]").await?, "首页");
        assert!(
            app.text("[data-test=planned-section]")
                .await?
                .contains("本功能尚在开发")
        );

        app.click("[data-test=nav-settings]").await?;
        assert_eq!(app.text("[data-test=page-title]").await?, "设置");
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

fn main_windows(display: &str) -> usize {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^学籍管理 XueJi$"])
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs");
    String::from_utf8_lossy(&out.stdout).lines().count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_opens_no_second_window_or_process() {
    with_app("second-launch", |app: AppHandle| async move {
        app.find("[data-test=sidebar]").await?;
        let display = app
            .env
            .iter()
            .find(|(k, _)| k == "DISPLAY")
            .map(|(_, v)| v.clone())
            .expect("the session has a display");
        assert_eq!(main_windows(&display), 1);

        let mut second = Command::new(&app.binary)
            .envs(app.env.iter().map(|(k, v)| (k, v)))
            .spawn()
            .expect("the app binary starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = second.try_wait().expect("wait on the second launch") {
                break Some(status);
            }
            if Instant::now() > deadline {
                let _ = second.kill();
                let _ = second.wait();
                break None;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let status = status.expect("the second launch kept running next to the first");
        assert!(
            status.success(),
            "the second launch should hand over to the first and exit cleanly, not {status}"
        );
        assert_eq!(main_windows(&display), 1, "a second window appeared");
        // The first window still answers.
        assert_eq!(app.text("[data-test=page-title]").await?, "首页");
        Ok(())
    })
    .await;
}
