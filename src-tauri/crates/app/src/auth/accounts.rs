//! Accounts (R30.3): created, locked and unlocked by the registrar; strong passwords; Argon2id.

use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_store::entities::user;
use xueji_store::repo::users;

use crate::app::App;
use crate::audit;
use crate::auth::role::{Permission, Role};
use crate::auth::session::Session;
use crate::error::{AppError, Result};

/// A new account.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewUserInput {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
}

/// An account as the settings page lists it (never the hash).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub role_label: String,
    pub active: bool,
    /// Locked after wrong passwords until this time (RFC 3339), if it is in the future.
    pub locked_until: Option<String>,
}

fn view(m: &user::Model, now: chrono::DateTime<chrono::Utc>) -> UserView {
    let role = Role::parse(&m.role).unwrap_or(Role::ReadOnly);
    UserView {
        id: m.id,
        username: m.username.clone(),
        display_name: m.display_name.clone(),
        role,
        role_label: role.label_zh().to_owned(),
        active: m.active,
        locked_until: m.locked_until.filter(|t| *t > now).map(|t| t.to_rfc3339()),
    }
}

fn check_username(username: &str) -> Result<()> {
    let ok = !username.is_empty()
        && username.chars().count() <= 32
        && username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    if ok {
        Ok(())
    } else {
        Err(AppError::validation(
            "username",
            "用户名为1至32位字母、数字、下划线、点或连字符",
        ))
    }
}

impl App {
    /// Checks a password against the policy (8+ characters, letters and digits, not the user name).
    pub fn check_password_policy(&self, password: &str, username: &str) -> Result<()> {
        self.config()
            .policy
            .check_password(password, username)
            .map_err(|e| {
                let mut err = AppError::from(e);
                err.fields = vec![crate::error::FieldError {
                    field: "password".to_owned(),
                    message: err.message.clone(),
                }];
                err
            })
    }

    /// Creates an account.
    pub async fn user_add(&self, session: &Session, input: &NewUserInput) -> Result<UserView> {
        self.authorize(session, Permission::ManageUsers).await?;
        let username = input.username.trim();
        check_username(username)?;
        if input.display_name.trim().is_empty() {
            return Err(AppError::validation("displayName", "请填写姓名"));
        }
        self.check_password_policy(&input.password, username)?;
        let txn = self.db().begin().await?;
        let id = users::create(
            &txn,
            &session.username,
            username,
            &input.password,
            input.role.name(),
        )
        .await?;
        let row = users::find_by_id(&txn, id)
            .await?
            .ok_or_else(|| AppError::not_found("新账户"))?;
        let saved = users::set_display_name(&txn, row, input.display_name.trim()).await?;
        txn.commit().await?;
        Ok(view(&saved, self.now()))
    }

    /// Every account.
    pub async fn user_list(&self, session: &Session) -> Result<Vec<UserView>> {
        self.authorize(session, Permission::ManageUsers).await?;
        let now = self.now();
        Ok(users::all(self.db())
            .await?
            .iter()
            .map(|m| view(m, now))
            .collect())
    }

    async fn set_active(
        &self,
        session: &Session,
        username: &str,
        active: bool,
    ) -> Result<UserView> {
        self.authorize(session, Permission::ManageUsers).await?;
        let row = users::find(self.db(), username)
            .await?
            .ok_or_else(|| AppError::not_found(format!("账户 {}", username.trim())))?;
        if !active && row.id == session.user_id {
            return Err(AppError::validation(
                "username",
                "不能停用自己正在使用的账户",
            ));
        }
        let txn = self.db().begin().await?;
        let target = format!("user:{}", row.id);
        let saved = users::set_active(&txn, row, active).await?;
        audit::append(
            &txn,
            &session.username,
            if active {
                AuditAction::UserUnlock
            } else {
                AuditAction::UserLock
            },
            &target,
        )
        .await?;
        txn.commit().await?;
        Ok(view(&saved, self.now()))
    }

    /// Locks (disables) an account.
    pub async fn user_lock(&self, session: &Session, username: &str) -> Result<UserView> {
        self.set_active(session, username, false).await
    }

    /// Unlocks an account: enables it and clears a lockout after wrong passwords.
    pub async fn user_unlock(&self, session: &Session, username: &str) -> Result<UserView> {
        self.set_active(session, username, true).await
    }

    /// Changes the session user's own password.
    pub async fn change_password(&self, session: &Session, old: &str, new: &str) -> Result<()> {
        self.check_active(session)?;
        let account = self.account(session).await?;
        if !users::check_password(old, &account.password_hash) {
            return Err(AppError::validation("oldPassword", "原密码不正确"));
        }
        self.check_password_policy(new, &account.username)?;
        let txn = self.db().begin().await?;
        let target = format!("user:{}", account.id);
        users::set_password_hash(&txn, account, users::hash_password(new)?).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::PasswordChange,
            &target,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
