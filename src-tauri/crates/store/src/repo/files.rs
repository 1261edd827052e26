//! What a student's record points to: family members, attached files, issued documents.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{attachment, family_member, issued_document};
use crate::error::Result;

/// A student's family members in their order on the form.
pub async fn family_of<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<family_member::Model>> {
    Ok(family_member::Entity::find()
        .filter(family_member::Column::StudentId.eq(student_id))
        .order_by_asc(family_member::Column::Ordinal)
        .all(db)
        .await?)
}

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
