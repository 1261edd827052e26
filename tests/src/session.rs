//! One run of the app under WebDriver, with its own folders, and what a failed test leaves behind.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::display::Display;
use crate::driver::Driver;

/// The running app: the WebDriver client and everything started for it.
pub struct Session {
    /// The current WebDriver client (replaced when a test restarts the app).
    pub client: Arc<Mutex<Client>>,
    /// The app's data folder for this run (`XUEJI_DATA_DIR`).
    pub data_dir: PathBuf,
    /// The app binary under test.
    pub binary: PathBuf,
    /// The environment the app was started with (display, folders, bus).
    pub env: Vec<(String, String)>,
    root: PathBuf,
    // Dropped in this order: the driver (and with it the app), then the display.
    driver: Driver,
    display: Display,
}

impl Session {
    /// Starts the display, tauri-driver and the app, and opens a WebDriver session on it.
    pub async fn start(name: &str) -> Self {
        Self::start_with(name, &[]).await
    }

    /// [`Session::start`] with extra environment for the app; an entry named like one of the
    /// defaults replaces it (e.g. `XUEJI_DATA_DIR` for a data folder prepared beforehand).
    pub async fn start_with(name: &str, extra_env: &[(String, String)]) -> Self {
        let binary = crate::required_path("XUEJI_APP_BINARY", "the path of the built app");
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no session bus: run the end-to-end tests under dbus-run-session (`cargo xtask test` does)"
        );
        let root = std::env::temp_dir().join(format!("xueji-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let data_dir = root.join("data");
        for sub in ["data", "config", "cache", "xdg-data", "saved"] {
            std::fs::create_dir_all(root.join(sub)).expect("temp folders");
        }
        let display = Display::start();
        let path = |sub: &str| root.join(sub).display().to_string();
        let mut env = vec![
            ("DISPLAY".to_owned(), display.name.clone()),
            ("XUEJI_DATA_DIR".to_owned(), path("data")),
            ("XDG_CONFIG_HOME".to_owned(), path("config")),
            ("XDG_CACHE_HOME".to_owned(), path("cache")),
            ("XDG_DATA_HOME".to_owned(), path("xdg-data")),
            // "Save as PDF" writes here instead of opening the GTK file chooser, a native window
            // WebDriver cannot drive (see `E2E_SAVE_DIR_ENV` in the shell).
            ("XUEJI_E2E_SAVE_DIR".to_owned(), path("saved")),
        ];
        if let Ok(bus) = std::env::var("DBUS_SESSION_BUS_ADDRESS") {
            env.push(("DBUS_SESSION_BUS_ADDRESS".to_owned(), bus));
        }
        for (key, value) in extra_env {
            env.retain(|(k, _)| k != key);
            env.push((key.clone(), value.clone()));
        }
        let data_dir = env
            .iter()
            .find(|(k, _)| k == "XUEJI_DATA_DIR")
            .map_or(data_dir, |(_, v)| PathBuf::from(v));
        let driver = Driver::start(&env);
        let client = connect(driver.port, &binary)
            .await
            .expect("a WebDriver session on the app");
        Self {
            client: Arc::new(Mutex::new(client)),
            data_dir,
            binary,
            env,
            root,
            driver,
            display,
        }
    }

    fn current_client(&self) -> Client {
        self.client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Saves a screenshot of the window to the artifacts folder and returns its path.
    pub async fn screenshot(&self, name: &str) -> Option<PathBuf> {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let png = self.current_client().screenshot().await.ok()?;
        let dir = crate::artifacts_dir();
        std::fs::create_dir_all(&dir).ok()?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).ok()?;
        Some(path)
    }

    /// Ends the WebDriver session and stops everything started for it.
    pub async fn close(self) {
        let _ = self.current_client().close().await;
        drop(self.driver);
        drop(self.display);
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Runs `body` against a fresh app. On failure (an error or a panic) a screenshot is saved and
/// its path printed; every process is stopped either way.
pub async fn with_app<F, Fut>(name: &str, body: F)
where
    F: FnOnce(AppHandle) -> Fut,
    Fut: Future<Output = Result<(), fantoccini::error::CmdError>> + Send + 'static,
{
    let session = Session::start(name).await;
    let handle = AppHandle {
        client: session.current_client(),
        data_dir: session.data_dir.clone(),
        binary: session.binary.clone(),
        env: session.env.clone(),
        driver_port: session.driver.port,
        shared: session.client.clone(),
    };
    let outcome = tokio::spawn(body(handle)).await;
    let failed = !matches!(outcome, Ok(Ok(())));
    if failed {
        match session.screenshot(&format!("{name}-failure")).await {
            Some(path) => eprintln!("screenshot of the failure: {}", path.display()),
            None => eprintln!("no screenshot could be taken"),
        }
    }
    session.close().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("{name}: WebDriver error: {e}"),
        Err(join) => std::panic::resume_unwind(join.into_panic()),
    }
}

/// Opens a WebDriver session, which starts the app.
async fn connect(
    port: u16,
    binary: &std::path::Path,
) -> Result<Client, fantoccini::error::NewSessionError> {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".to_owned(),
        json!({ "application": binary.display().to_string() }),
    );
    caps.insert("browserName".to_owned(), json!("wry"));
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
}

/// What a test body gets: the client and the facts of its run.
#[derive(Clone)]
pub struct AppHandle {
    pub client: Client,
    pub data_dir: PathBuf,
    pub binary: PathBuf,
    pub env: Vec<(String, String)>,
    driver_port: u16,
    /// The session's client, kept current across restarts (for the failure screenshot).
    shared: Arc<Mutex<Client>>,
}

impl AppHandle {
    /// Quits the app (ends its WebDriver session) and starts it again on the same data folder,
    /// as a registrar closing and reopening it would.
    pub async fn restart(&mut self) -> Result<(), fantoccini::error::CmdError> {
        self.restart_with(|| {}).await
    }

    /// Like [`AppHandle::restart`], running `between` while the app is closed (e.g. the `xueji`
    /// command line on its data folder, which refuses a database the app holds open).
    pub async fn restart_with(
        &mut self,
        between: impl FnOnce(),
    ) -> Result<(), fantoccini::error::CmdError> {
        self.client.clone().close().await?;
        // The old process must be gone before the new one starts: else the single-instance
        // plugin hands the launch over to it.
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while crate::app_running(&self.binary, &self.data_dir) {
            assert!(
                std::time::Instant::now() < deadline,
                "the app did not quit after its WebDriver session ended"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        between();
        let client = connect(self.driver_port, &self.binary)
            .await
            .expect("a new WebDriver session on the restarted app");
        *self
            .shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = client.clone();
        self.client = client;
        Ok(())
    }
}
