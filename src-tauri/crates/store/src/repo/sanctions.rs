//! Sanctions on a student's record (R22, R23): added when decided, lifted, purged at graduation.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::sanction;
use crate::error::Result;

/// Adds a sanction (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(db: &C, row: sanction::Model) -> Result<sanction::Model> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// A student's sanctions, oldest decision first.
pub async fn of_student<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<sanction::Model>> {
    Ok(sanction::Entity::find()
        .filter(sanction::Column::StudentId.eq(student_id))
        .order_by_asc(sanction::Column::DecidedOn)
        .all(db)
        .await?)
}

/// A student's sanctions in the order they were recorded.
pub async fn of_student_in_id_order<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<sanction::Model>> {
    Ok(sanction::Entity::find()
        .filter(sanction::Column::StudentId.eq(student_id))
        .order_by_asc(sanction::Column::Id)
        .all(db)
        .await?)
}

/// These students' sanctions, oldest decision first.
pub async fn of_students<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
) -> Result<Vec<sanction::Model>> {
    Ok(sanction::Entity::find()
        .filter(sanction::Column::StudentId.is_in(student_ids))
        .order_by_asc(sanction::Column::DecidedOn)
        .all(db)
        .await?)
}

/// The sanctions an application decided.
pub async fn of_application<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<sanction::Model>> {
    Ok(sanction::Entity::find()
        .filter(sanction::Column::ApplicationId.eq(application_id))
        .all(db)
        .await?)
}

/// One sanction.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<sanction::Model>> {
    Ok(sanction::Entity::find_by_id(id).one(db).await?)
}

/// Records the facts (the reason) on the sanctions an application decided.
pub async fn set_reason_of_application<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
    reason: &str,
) -> Result<()> {
    for row in of_application(db, application_id).await? {
        let mut am = row.into_active_model();
        am.reason = Set(reason.to_owned());
        am.update(db).await?;
    }
    Ok(())
}

/// Removes the sanctions an application decided (overturned on appeal); returns how many.
pub async fn remove_of_application<C: ConnectionTrait>(db: &C, application_id: i64) -> Result<u64> {
    Ok(sanction::Entity::delete_many()
        .filter(sanction::Column::ApplicationId.eq(application_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// Lifts, on `on`, the student's sanctions decided on `decided_on` that are still in force.
pub async fn lift<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    decided_on: NaiveDate,
    on: NaiveDate,
) -> Result<()> {
    let rows = sanction::Entity::find()
        .filter(sanction::Column::StudentId.eq(student_id))
        .filter(sanction::Column::DecidedOn.eq(decided_on))
        .filter(sanction::Column::LiftedOn.is_null())
        .all(db)
        .await?;
    for row in rows {
        let mut am = row.into_active_model();
        am.lifted_on = Set(Some(on));
        am.update(db).await?;
    }
    Ok(())
}
