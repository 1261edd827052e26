//! Accounts (R30.3): Argon2id password hashes.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use xueji_domain::AuditAction;

use crate::audit::{self, AuditRecord};
use crate::entities::user;
use crate::error::{Result, StoreError};

/// Minimum password length accepted by the store (the app's policy may ask for more).
pub const MIN_PASSWORD_CHARS: usize = 8;

/// Hashes a password (Argon2id, PHC string).
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Checks a password against a stored hash.
pub fn check_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// The names the audit log uses for actors that are not accounts (the store itself, a failed
/// login under an unknown name, the command line): no account may take them, so a row's user
/// always says who acted (R30.1).
pub fn is_reserved(username: &str) -> bool {
    let name = username.trim().to_lowercase();
    name == crate::store::SYSTEM_ACTOR || name == "anonymous" || name.starts_with("cli:")
}

/// Creates an account; the user name must be new.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    username: &str,
    password: &str,
    role: &str,
) -> Result<i64> {
    let username = username.trim();
    if username.is_empty() {
        return Err(StoreError::Invalid("用户名不能为空".to_owned()));
    }
    if is_reserved(username) {
        return Err(StoreError::Invalid(format!(
            "“{username}”是系统保留的名称，不能用作用户名"
        )));
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(StoreError::Invalid(format!(
            "密码至少需要{MIN_PASSWORD_CHARS}个字符"
        )));
    }
    if find(db, username).await?.is_some() {
        return Err(StoreError::Duplicate {
            what: "用户名".to_owned(),
        });
    }
    let res = user::Entity::insert(user::ActiveModel {
        username: Set(username.to_owned()),
        display_name: Set(username.to_owned()),
        password_hash: Set(hash_password(password)?),
        role: Set(role.to_owned()),
        failed_attempts: Set(0),
        locked_until: Set(None),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    audit::append(
        db,
        &AuditRecord::new(
            actor,
            AuditAction::UserCreate,
            &format!("user:{}", res.last_insert_id),
        )?,
    )
    .await?;
    Ok(res.last_insert_id)
}

/// An account by user name.
pub async fn find<C: ConnectionTrait>(db: &C, username: &str) -> Result<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username.trim()))
        .one(db)
        .await?)
}

/// An account by id.
pub async fn find_by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// Every account, by user name.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<user::Model>> {
    Ok(user::Entity::find()
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?)
}

/// An account's display name changed; returns it as stored.
pub async fn set_display_name<C: ConnectionTrait>(
    db: &C,
    row: user::Model,
    name: &str,
) -> Result<user::Model> {
    let mut am = row.into_active_model();
    am.display_name = Set(name.to_owned());
    Ok(am.update(db).await?)
}

/// The outcome of a sign-in: consecutive failures and the lock they earned (R30.3).
pub async fn set_sign_in<C: ConnectionTrait>(
    db: &C,
    row: user::Model,
    failed_attempts: i32,
    locked_until: Option<DateTime<Utc>>,
) -> Result<user::Model> {
    let mut am = row.into_active_model();
    am.failed_attempts = Set(failed_attempts);
    am.locked_until = Set(locked_until);
    Ok(am.update(db).await?)
}

/// Counts a wrong password in one statement (R30.3), so two attempts at once cannot both read
/// the same count and write the same next one: a lock that has run out starts a fresh count, and
/// reaching `max_failures` locks the account until `lock_until`. Returns the count and the lock
/// as stored.
pub async fn count_failure<C: ConnectionTrait>(
    db: &C,
    id: i64,
    max_failures: i32,
    lock_until: DateTime<Utc>,
) -> Result<(i32, Option<DateTime<Utc>>)> {
    // SQLite evaluates every SET expression on the row as it was, so the lock repeats the count.
    let next = || -> Expr {
        Expr::case(Expr::col(user::Column::LockedUntil).is_not_null(), 1)
            .finally(Expr::col(user::Column::FailedAttempts).add(1))
            .into()
    };
    let lock: Expr = Expr::case(next().gte(max_failures), Expr::value(Some(lock_until)))
        .finally(Expr::value(Option::<DateTime<Utc>>::None))
        .into();
    user::Entity::update_many()
        .col_expr(user::Column::FailedAttempts, next())
        .col_expr(user::Column::LockedUntil, lock)
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    let row =
        user::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or_else(|| StoreError::RecordNotFound {
                what: format!("用户 {id}"),
            })?;
    Ok((row.failed_attempts, row.locked_until))
}

/// An account enabled (its failures and lock cleared too) or disabled; returns it as stored.
pub async fn set_active<C: ConnectionTrait>(
    db: &C,
    row: user::Model,
    active: bool,
) -> Result<user::Model> {
    let mut am = row.into_active_model();
    am.active = Set(active);
    if active {
        am.failed_attempts = Set(0);
        am.locked_until = Set(None);
    }
    Ok(am.update(db).await?)
}

/// A new password hash ([`hash_password`]) for an account.
pub async fn set_password_hash<C: ConnectionTrait>(
    db: &C,
    row: user::Model,
    hash: String,
) -> Result<()> {
    let mut am = row.into_active_model();
    am.password_hash = Set(hash);
    am.update(db).await?;
    Ok(())
}
