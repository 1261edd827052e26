//! Files attached to applications and records (proofs, scanned decisions), encrypted with the
//! database.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, Condition,
    ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::attachment;
use crate::error::Result;

/// Stores a file (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    file: attachment::Model,
) -> Result<attachment::Model> {
    let mut am = file.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// One file.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<attachment::Model>> {
    Ok(attachment::Entity::find_by_id(id).one(db).await?)
}

/// The files of an application, in the order they were attached.
pub async fn of_application<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<attachment::Model>> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::ApplicationId.eq(application_id))
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?)
}

/// The files of a student's record or of any of these applications, in the order attached.
pub async fn of_student_or_applications<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    application_ids: Vec<i64>,
) -> Result<Vec<attachment::Model>> {
    Ok(attachment::Entity::find()
        .filter(
            Condition::any()
                .add(attachment::Column::StudentId.eq(student_id))
                .add(attachment::Column::ApplicationId.is_in(application_ids)),
        )
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?)
}

/// Files an application's record: a transfer in's files join the record created for it.
pub async fn move_to_student<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
    student_id: i64,
) -> Result<()> {
    for f in of_application(db, application_id).await? {
        let mut am = f.into_active_model();
        am.student_id = Set(Some(student_id));
        am.update(db).await?;
    }
    Ok(())
}
