//! A student's archive entries (学籍档案, R8.2): the seven sections' items.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::archive_item;
use crate::error::Result;

/// Adds an entry (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    item: archive_item::Model,
) -> Result<archive_item::Model> {
    let mut am = item.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// A student's entries, oldest first.
pub async fn of_student<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<archive_item::Model>> {
    Ok(archive_item::Entity::find()
        .filter(archive_item::Column::StudentId.eq(student_id))
        .order_by_asc(archive_item::Column::RecordedOn)
        .all(db)
        .await?)
}

/// A student's entries in the order they were recorded.
pub async fn of_student_in_id_order<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<archive_item::Model>> {
    Ok(archive_item::Entity::find()
        .filter(archive_item::Column::StudentId.eq(student_id))
        .order_by_asc(archive_item::Column::Id)
        .all(db)
        .await?)
}
