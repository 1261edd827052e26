//! Students' class placements (分班), one per school year and class.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::class_placement;
use crate::error::Result;

/// Adds a placement (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    placement: class_placement::Model,
) -> Result<class_placement::Model> {
    let mut am = placement.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Adds many placements at once (ids assigned), returning nothing.
pub async fn insert_many<C: ConnectionTrait>(
    db: &C,
    placements: Vec<class_placement::Model>,
) -> Result<()> {
    if placements.is_empty() {
        return Ok(());
    }
    let rows = placements.into_iter().map(|p| {
        let mut am = p.into_active_model();
        am.id = NotSet;
        am
    });
    class_placement::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// These students' placements, by school year.
pub async fn of_students<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
) -> Result<Vec<class_placement::Model>> {
    Ok(class_placement::Entity::find()
        .filter(class_placement::Column::StudentId.is_in(student_ids))
        .order_by_asc(class_placement::Column::SchoolYear)
        .all(db)
        .await?)
}
