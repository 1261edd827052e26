//! How students completed their schooling here (毕业, 结业, 肄业) with the certificate's serial.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::completion;
use crate::error::Result;

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
