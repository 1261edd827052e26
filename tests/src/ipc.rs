//! The app's own commands, called through the webview's IPC (the same path the generated
//! bindings take): for putting data in place before a test drives a page, and for reading back
//! what a page does not show. Every rule is still checked by the real backend.

use serde_json::{Value, json};

use crate::{ADMIN_PASSWORD, ADMIN_USERNAME, AppHandle};

/// The school's approver (学校审核人) that [`AppHandle::add_users`] adds.
pub const APPROVER: &str = "shenhe01";
/// The moral-education office (德育处) that [`AppHandle::add_users`] adds.
pub const MORAL: &str = "deyu01";
/// The password of [`APPROVER`] and [`MORAL`].
pub const STAFF_PASSWORD: &str = "Shenhe2024pw";

impl AppHandle {
    /// Calls a command; its value, or its error as the backend sent it (a WebDriver failure as
    /// `{ "webdriver": … }`).
    pub async fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let script = r"
            const [cmd, args, done] = arguments;
            window.__TAURI_INTERNALS__.invoke(cmd, args).then(
                (ok) => done({ ok: ok === undefined ? null : ok }),
                (err) => done({ err }),
            );
        ";
        let out = self
            .client
            .execute_async(script, vec![json!(cmd), args])
            .await
            .map_err(|e| json!({ "webdriver": e.to_string() }))?;
        match out.get("ok") {
            Some(v) => Ok(v.clone()),
            None => Err(out.get("err").cloned().unwrap_or(Value::Null)),
        }
    }

    /// Like [`AppHandle::invoke`], panicking with the command's error.
    pub async fn call(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .await
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// Logs the backend in as another user. The page keeps showing the user it showed (until it
    /// is reloaded): only for setting data up.
    pub async fn backend_login(&self, username: &str, password: &str) {
        self.call(
            "auth_login",
            json!({ "username": username, "password": password }),
        )
        .await;
    }

    /// Logs the backend in as the test registrar again.
    pub async fn backend_login_registrar(&self) {
        self.backend_login(ADMIN_USERNAME, ADMIN_PASSWORD).await;
    }

    /// Adds [`APPROVER`] and [`MORAL`] (the backend logged in as the registrar).
    pub async fn add_users(&self) {
        for (username, role, name) in [
            (APPROVER, "approver", "李主任"),
            (MORAL, "moral_education", "赵老师"),
        ] {
            self.call(
                "user_add",
                json!({ "input": {
                    "username": username, "displayName": name, "password": STAFF_PASSWORD,
                    "role": role
                }}),
            )
            .await;
        }
    }

    /// The backend's today (Beijing), as the app counts it: `YYYY-MM-DD`.
    pub async fn today(&self) -> String {
        self.call("dashboard", json!({})).await["today"]
            .as_str()
            .expect("today")
            .to_owned()
    }
}
