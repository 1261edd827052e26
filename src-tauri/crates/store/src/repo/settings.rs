//! Settings: one text value (JSON, written by the app) per key, replaced whole.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::entities::setting;
use crate::error::Result;

/// The value stored under `key`, if any.
pub async fn get<C: ConnectionTrait>(db: &C, key: &str) -> Result<Option<String>> {
    Ok(setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|row| row.value))
}

/// Stores `value` under `key` (insert or replace), stamped now.
pub async fn put<C: ConnectionTrait>(db: &C, key: &str, value: String) -> Result<()> {
    let row = setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value),
        updated_at: Set(Utc::now()),
    };
    setting::Entity::insert(row)
        .on_conflict(
            OnConflict::column(setting::Column::Key)
                .update_columns([setting::Column::Value, setting::Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Removes the value under `key` (nothing when there is none).
pub async fn remove<C: ConnectionTrait>(db: &C, key: &str) -> Result<()> {
    setting::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
