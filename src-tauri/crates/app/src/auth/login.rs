//! Logging in, the idle lock and the permission check. A refusal is written to the audit log
//! before it is returned (R30.1); five wrong passwords lock an account for 15 minutes (R30.3).

use std::sync::{Mutex, OnceLock};
use xueji_domain::AuditAction;

use xueji_domain::rules;
use xueji_domain::security::AccountPolicy;

use chrono::{DateTime, Duration, Utc};
use sea_orm::TransactionTrait;
use xueji_store::entities::user;
use xueji_store::repo::users;

use crate::app::App;
use crate::audit;
use crate::auth::role::{Permission, Role};
use crate::auth::session::Session;
use crate::error::{AppError, ErrorCode, ErrorKind, Result};

/// The one answer to a wrong user name or a wrong password (R30.3): the same text whether the
/// account exists or not, and no count of tries left, so the answer does not tell which user
/// names exist (issue 15).
fn wrong_credentials(policy: &AccountPolicy) -> AppError {
    let mut e = AppError::validation(
        "password",
        format!(
            "用户名或密码不正确（连续输错{}次，账户将锁定{}分钟）",
            policy.max_failed_logins, policy.lock_minutes
        ),
    );
    e.rule = Some(rules::R30_3);
    e
}

/// A hash no password matches in practice, checked for an unknown user name so that answering
/// takes as long as for a known one (Argon2id either way).
fn unknown_user_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| users::hash_password("xueji-unknown-user-9f2c").unwrap_or_default())
}

fn account_locked(until: DateTime<Utc>, now: DateTime<Utc>) -> AppError {
    // Whole minutes left, rounded up: a fresh 15-minute lock says 15, not 16.
    let seconds = (until - now).num_seconds().max(0);
    let minutes = ((seconds + 59) / 60).max(1);
    let mut e = AppError::locked(format!(
        "连续输错密码次数过多，账户已锁定，请{minutes}分钟后再试"
    ));
    e.rule = Some(rules::R30_3);
    e.with_code(ErrorCode::AccountLocked)
}

impl App {
    /// Logs in. Wrong passwords count toward the lockout; every attempt is audited.
    pub async fn login(&self, username: &str, password: &str) -> Result<Session> {
        let now = self.now();
        let policy = self.config().policy;
        let db = self.db();
        let Some(account) = users::find(db, username).await? else {
            let _ = users::check_password(password, unknown_user_hash());
            audit::record(db, "anonymous", AuditAction::LoginFailed, "user:unknown").await?;
            return Err(wrong_credentials(&policy));
        };
        let target = format!("user:{}", account.id);
        if !account.active {
            audit::record(db, &account.username, AuditAction::LoginRefused, &target).await?;
            return Err(AppError::forbidden("该账户已停用，请联系学籍管理员"));
        }
        if let Some(until) = account.locked_until
            && until > now
        {
            audit::record(db, &account.username, AuditAction::LoginRefused, &target).await?;
            return Err(account_locked(until, now));
        }
        let txn = db.begin().await?;
        if !users::check_password(password, &account.password_hash) {
            // Counted in one statement: attempts at once cannot share a count (R30.3). A lock
            // that has run out starts a fresh count.
            let (_, locked_until) = users::count_failure(
                &txn,
                account.id,
                i32::try_from(policy.max_failed_logins).unwrap_or(i32::MAX),
                now + Duration::minutes(i64::from(policy.lock_minutes)),
            )
            .await?;
            audit::append(&txn, &account.username, AuditAction::LoginFailed, &target).await?;
            if locked_until.is_some() {
                audit::append(&txn, &account.username, AuditAction::AccountLocked, &target).await?;
            }
            txn.commit().await?;
            return Err(match locked_until {
                Some(until) => account_locked(until, now),
                None => wrong_credentials(&policy),
            });
        }
        users::set_sign_in(&txn, account.clone(), 0, None).await?;
        audit::append(&txn, &account.username, AuditAction::Login, &target).await?;
        txn.commit().await?;
        let role = Role::parse(&account.role)
            .ok_or_else(|| AppError::internal(format!("未知的角色：{}", account.role)))?;
        Ok(Session {
            user_id: account.id,
            username: account.username,
            display_name: account.display_name,
            role,
            last_active: Mutex::new(self.clock().idle_now()),
            locked: Mutex::new(false),
        })
    }

    /// Checks that the session is active (not idle past the limit) and that its role may do
    /// `permission`; a refusal is audited. Touches the session.
    pub async fn authorize(&self, session: &Session, permission: Permission) -> Result<()> {
        self.check_active(session)?;
        if !session.role.may(permission) {
            audit::record(
                self.db(),
                &session.username,
                AuditAction::Denied,
                &format!("permission:{}", permission.name()),
            )
            .await?;
            return Err(AppError::forbidden(format!(
                "当前角色（{}）无权{}",
                session.role.label_zh(),
                permission.label_zh()
            )));
        }
        Ok(())
    }

    /// Refuses a locked session and locks one idle past the limit; else marks it active now.
    pub fn check_active(&self, session: &Session) -> Result<()> {
        let now = self.clock().idle_now();
        let idle = i64::from(self.config().idle_lock_minutes);
        if session.is_locked() {
            return Err(
                AppError::locked("已锁定，请输入密码解锁").with_code(ErrorCode::SessionLocked)
            );
        }
        if idle > 0 && now - session.last_active() > Duration::minutes(idle) {
            session.set_locked(true);
            return Err(AppError::locked(format!(
                "已闲置超过{idle}分钟，界面已锁定，请输入密码解锁"
            ))
            .with_code(ErrorCode::SessionLocked));
        }
        session.touch(now);
        Ok(())
    }

    /// Locks the session at once (the lock button).
    pub fn lock_session(&self, session: &Session) {
        session.set_locked(true);
    }

    /// Unlocks with the user's password; wrong passwords count toward the account lockout.
    pub async fn unlock(&self, session: &Session, password: &str) -> Result<()> {
        match self.login(&session.username, password).await {
            Ok(_) => {
                session.set_locked(false);
                session.touch(self.clock().idle_now());
                Ok(())
            }
            Err(e) if e.kind == ErrorKind::Validation => Err(AppError {
                message: e.message.replace("用户名或密码", "密码"),
                ..e
            }),
            Err(e) => Err(e),
        }
    }

    /// Logs out (audited).
    pub async fn logout(&self, session: &Session) -> Result<()> {
        session.set_locked(true);
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Logout,
            &format!("user:{}", session.user_id),
        )
        .await
    }

    /// The account row of a session (for password changes).
    pub(crate) async fn account(&self, session: &Session) -> Result<user::Model> {
        users::find(self.db(), &session.username)
            .await?
            .ok_or_else(|| AppError::not_found("该账户"))
    }
}
