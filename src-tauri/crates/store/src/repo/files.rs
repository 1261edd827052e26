//! What a student's record points to: attached files and issued documents (family members: `family`).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{attachment, issued_document};
use crate::error::Result;

/// The files attached to a student's record (proofs, scans).
pub async fn attachments_of<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<attachment::Model>> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::StudentId.eq(student_id))
        .all(db)
        .await?)
}

/// The documents issued for a student, newest first.
pub async fn documents_of<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<issued_document::Model>> {
    Ok(issued_document::Entity::find()
        .filter(issued_document::Column::StudentId.eq(student_id))
        .order_by_desc(issued_document::Column::IssuedAt)
        .all(db)
        .await?)
}
