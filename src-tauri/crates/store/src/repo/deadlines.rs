//! A student's legal deadlines (R32): open until met, then marked done on the day they were met.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use xueji_domain::effects::DeadlineKind;

use crate::entities::deadline;
use crate::error::Result;

/// A student's open deadlines, soonest first.
pub async fn open_of_student<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::StudentId.eq(student_id))
        .filter(deadline::Column::DoneOn.is_null())
        .order_by_asc(deadline::Column::DueOn)
        .all(db)
        .await?)
}

/// A student's open deadlines of these kinds.
pub async fn open_of_kinds<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    kinds: &[DeadlineKind],
) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::StudentId.eq(student_id))
        .filter(deadline::Column::DoneOn.is_null())
        .filter(deadline::Column::Kind.is_in(kinds.iter().copied()))
        .all(db)
        .await?)
}

/// An application's open deadlines, soonest first.
pub async fn open_of_application<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::ApplicationId.eq(application_id))
        .filter(deadline::Column::DoneOn.is_null())
        .order_by_asc(deadline::Column::DueOn)
        .all(db)
        .await?)
}

/// Marks these deadlines as met on `on`.
pub async fn close<C: ConnectionTrait>(
    db: &C,
    rows: Vec<deadline::Model>,
    on: NaiveDate,
) -> Result<()> {
    for d in rows {
        let mut am = d.into_active_model();
        am.done_on = Set(Some(on));
        am.update(db).await?;
    }
    Ok(())
}

/// Adds a deadline (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(db: &C, row: deadline::Model) -> Result<deadline::Model> {
    let mut am = row.into_active_model();
    am.id = sea_orm::ActiveValue::NotSet;
    Ok(am.insert(db).await?)
}

/// Every open deadline counted from a known start (migration m0003 on; older rows have none):
/// the ones a calendar change counts again.
pub async fn open_counted<C: ConnectionTrait>(db: &C) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::DoneOn.is_null())
        .filter(deadline::Column::StartOn.is_not_null())
        .all(db)
        .await?)
}

/// Every open deadline counted provisionally (past the loaded holiday notices).
pub async fn open_provisional<C: ConnectionTrait>(db: &C) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::DoneOn.is_null())
        .filter(deadline::Column::Provisional.is_not_null())
        .all(db)
        .await?)
}

/// An application's open deadlines of one kind.
pub async fn open_of_application_kind<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
    kind: DeadlineKind,
) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::ApplicationId.eq(application_id))
        .filter(deadline::Column::Kind.eq(kind))
        .filter(deadline::Column::DoneOn.is_null())
        .all(db)
        .await?)
}

/// A deadline counted again: its new due date and provisional mark.
pub async fn set_due<C: ConnectionTrait>(
    db: &C,
    row: deadline::Model,
    due_on: NaiveDate,
    provisional: Option<String>,
) -> Result<()> {
    let mut am = row.into_active_model();
    am.due_on = Set(due_on);
    am.provisional = Set(provisional);
    am.update(db).await?;
    Ok(())
}
