//! `xueji user add|lock|unlock|list`.

use std::io::BufRead;

use serde_json::json;
use xueji_app::auth::NewUserInput;
use xueji_app::{App, Role, Session};

use crate::error::{CliError, Result};
use crate::{input, output};

pub const NEW_PASSWORD_ENV: &str = "XUEJI_NEW_PASSWORD";

/// The new account's password: `XUEJI_NEW_PASSWORD`, else the next line of standard input.
pub fn new_password(stdin: &mut impl BufRead) -> Result<String> {
    match std::env::var(NEW_PASSWORD_ENV) {
        Ok(p) if !p.is_empty() => Ok(p),
        _ => input::line(stdin, "新账户密码"),
    }
}

pub async fn add(
    app: &App,
    session: &Session,
    json: bool,
    password: String,
    username: &str,
    name: &str,
    role: &str,
) -> Result<()> {
    let role = Role::parse(role).ok_or_else(|| {
        CliError::Usage("--role 应为 registrar、approver、moral_education 或 read_only".to_owned())
    })?;
    let v = app
        .user_add(
            session,
            &NewUserInput {
                username: username.to_owned(),
                display_name: name.to_owned(),
                password,
                role,
            },
        )
        .await?;
    output::success(
        json,
        &format!("已新增账户 {}（{}）", v.username, v.role_label),
        json!({ "user": v }),
    );
    Ok(())
}

pub async fn set_active(
    app: &App,
    session: &Session,
    json: bool,
    username: &str,
    active: bool,
) -> Result<()> {
    let v = if active {
        app.user_unlock(session, username).await?
    } else {
        app.user_lock(session, username).await?
    };
    let text = if active {
        format!("已启用账户 {}", v.username)
    } else {
        format!("已停用账户 {}", v.username)
    };
    output::success(json, &text, json!({ "user": v }));
    Ok(())
}

pub async fn list(app: &App, session: &Session, json: bool) -> Result<()> {
    let users = app.user_list(session).await?;
    let text = users
        .iter()
        .map(|u| {
            format!(
                "{}\t{}\t{}\t{}",
                u.username,
                u.display_name,
                u.role_label,
                if u.active { "启用" } else { "停用" }
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    output::success(json, &text, json!({ "users": users }));
    Ok(())
}
