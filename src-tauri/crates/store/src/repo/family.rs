//! Students' family members (at most two, ordinal 1 and 2), always read in their order on the form.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::family_member;
use crate::error::Result;

/// Adds a family member (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    member: family_member::Model,
) -> Result<family_member::Model> {
    let mut am = member.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// A student's family members, in their order on the form.
pub async fn of_student<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<family_member::Model>> {
    Ok(family_member::Entity::find()
        .filter(family_member::Column::StudentId.eq(student_id))
        .order_by_asc(family_member::Column::Ordinal)
        .all(db)
        .await?)
}

/// These students' family members, in their order on the form.
pub async fn of_students<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
) -> Result<Vec<family_member::Model>> {
    Ok(family_member::Entity::find()
        .filter(family_member::Column::StudentId.is_in(student_ids))
        .order_by_asc(family_member::Column::Ordinal)
        .all(db)
        .await?)
}

/// Removes a student's family members (before they are entered again); returns how many.
pub async fn remove_of_student<C: ConnectionTrait>(db: &C, student_id: i64) -> Result<u64> {
    Ok(family_member::Entity::delete_many()
        .filter(family_member::Column::StudentId.eq(student_id))
        .exec(db)
        .await?
        .rows_affected)
}
