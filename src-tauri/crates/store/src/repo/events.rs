//! A student's record history (R5.1): one event per change that took effect.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::student_event;
use crate::error::Result;

/// Records an event (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    event: student_event::Model,
) -> Result<student_event::Model> {
    let mut am = event.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Records many events at once (ids assigned), returning nothing.
pub async fn insert_many<C: ConnectionTrait>(
    db: &C,
    events: Vec<student_event::Model>,
) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let rows = events.into_iter().map(|e| {
        let mut am = e.into_active_model();
        am.id = NotSet;
        am
    });
    student_event::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The kind and date of every event dated in `[from, until)` (the change statistics).
pub async fn kinds_between<C: ConnectionTrait>(
    db: &C,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<(String, NaiveDate)>> {
    Ok(student_event::Entity::find()
        .select_only()
        .column(student_event::Column::Kind)
        .column(student_event::Column::OnDate)
        .filter(student_event::Column::OnDate.gte(from))
        .filter(student_event::Column::OnDate.lt(until))
        .into_tuple()
        .all(db)
        .await?)
}

/// A student's events in the order they took effect.
pub async fn of_student<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<student_event::Model>> {
    Ok(student_event::Entity::find()
        .filter(student_event::Column::StudentId.eq(student_id))
        .order_by_asc(student_event::Column::OnDate)
        .order_by_asc(student_event::Column::Id)
        .all(db)
        .await?)
}

/// A student's events in the order they were recorded.
pub async fn of_student_in_id_order<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<student_event::Model>> {
    Ok(student_event::Entity::find()
        .filter(student_event::Column::StudentId.eq(student_id))
        .order_by_asc(student_event::Column::Id)
        .all(db)
        .await?)
}

/// These students' events in the order they took effect.
pub async fn of_students<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
) -> Result<Vec<student_event::Model>> {
    Ok(student_event::Entity::find()
        .filter(student_event::Column::StudentId.is_in(student_ids))
        .order_by_asc(student_event::Column::OnDate)
        .order_by_asc(student_event::Column::Id)
        .all(db)
        .await?)
}

/// These students' events of one kind, in the order they were recorded.
pub async fn of_students_of_kind<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
    kind: &str,
) -> Result<Vec<student_event::Model>> {
    Ok(student_event::Entity::find()
        .filter(student_event::Column::StudentId.is_in(student_ids))
        .filter(student_event::Column::Kind.eq(kind))
        .order_by_asc(student_event::Column::Id)
        .all(db)
        .await?)
}
