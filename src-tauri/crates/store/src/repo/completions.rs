//! How students completed their schooling here (毕业, 结业, 肄业) with the certificate's serial.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder,
};

use crate::entities::completion;
use crate::error::Result;

/// Records a completion (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: completion::Model,
) -> Result<completion::Model> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// These students' completions, in the order recorded.
pub async fn of_students<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
) -> Result<Vec<completion::Model>> {
    Ok(completion::Entity::find()
        .filter(completion::Column::StudentId.is_in(student_ids))
        .order_by_asc(completion::Column::Id)
        .all(db)
        .await?)
}
