//! Accounts (R30.3): Argon2id password hashes.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

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
            "user_create",
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
