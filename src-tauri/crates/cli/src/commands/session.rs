//! Opening the application as a named user: the CLI's actions are audited like the desktop's.

use std::io::BufRead;
use std::sync::Arc;

use xueji_app::{App, Session, SystemClock};

use super::Ctx;
use crate::error::{CliError, Result};
use crate::input;

pub const USER_ENV: &str = "XUEJI_USER";
pub const PASSWORD_ENV: &str = "XUEJI_PASSWORD";

/// The user name from `--user` or `XUEJI_USER`.
pub fn username(flag: Option<&str>) -> Result<String> {
    flag.map(str::to_owned)
        .or_else(|| std::env::var(USER_ENV).ok())
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .ok_or(CliError::NoUser)
}

/// The password from `XUEJI_PASSWORD`, else the next line of standard input.
pub fn password(stdin: &mut impl BufRead) -> Result<String> {
    match std::env::var(PASSWORD_ENV) {
        Ok(p) if !p.is_empty() => Ok(p),
        _ => input::line(stdin, "登录密码"),
    }
}

/// Opens the application (no automatic backup: the desktop takes those) and logs in.
pub async fn login(ctx: &Ctx, user: &str, password: &str) -> Result<(App, Session)> {
    let store = super::open(ctx).await?;
    let app = App::with_store(store, Arc::new(SystemClock)).await?;
    match app.login(user, password).await {
        Ok(session) => Ok((app, session)),
        Err(e) => {
            app.close().await;
            Err(e.into())
        }
    }
}
