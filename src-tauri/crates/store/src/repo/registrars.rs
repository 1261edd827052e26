//! The register of 学籍管理员 (R4): who was on duty when, newest first.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::registrar;
use crate::error::Result;

/// The registrar on duty (no end date), if any.
pub async fn on_duty<C: ConnectionTrait>(db: &C) -> Result<Option<registrar::Model>> {
    Ok(registrar::Entity::find()
        .filter(registrar::Column::OnDutyUntil.is_null())
        .one(db)
        .await?)
}

/// A registrar's duty ends on `until`.
pub async fn end_duty<C: ConnectionTrait>(
    db: &C,
    row: registrar::Model,
    until: Option<NaiveDate>,
) -> Result<()> {
    let mut am = row.into_active_model();
    am.on_duty_until = Set(until);
    am.update(db).await?;
    Ok(())
}

/// Adds an appointment (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(db: &C, row: registrar::Model) -> Result<registrar::Model> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// The whole register, the latest appointment first.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<registrar::Model>> {
    Ok(registrar::Entity::find()
        .order_by_desc(registrar::Column::OnDutyFrom)
        .all(db)
        .await?)
}
