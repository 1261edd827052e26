//! The issued-document register: serial numbers per kind and year (`2025-CERT-000001`).

use sea_orm::ConnectionTrait;
use xueji_store::entities::issued_document;
use xueji_store::repo::documents;

use crate::error::{AppError, Result};

use super::PrintKind;

/// The next `n` serials of a kind in a year: `2025-CERT-000001` …
pub(crate) async fn next_serials<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    year: i32,
    n: usize,
) -> Result<Vec<String>> {
    let prefix = format!("{year}-{}-", kind.code());
    let last = documents::last_serial(db, &prefix).await?;
    let start: u64 = last
        .and_then(|serial| serial[prefix.len()..].parse().ok())
        .unwrap_or(0);
    Ok((1..=n as u64)
        .map(|i| format!("{prefix}{:06}", start + i))
        .collect())
}

/// Numbers one printed document in the issued-document log (inside the caller's transaction) and
/// returns its serial; for documents printed outside [`App::document_print`].
pub(crate) async fn log_issue<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    student_id: Option<i64>,
    user: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String> {
    use chrono::Datelike;
    let serial = next_serials(db, kind, now.year(), 1)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("无法生成文书编号"))?;
    documents::insert_many(
        db,
        vec![issued_document::Model {
            id: 0,
            serial: serial.clone(),
            kind,
            student_id,
            issued_at: now,
            issued_by: user.to_owned(),
            voided: false,
            target: None,
            voided_at: None,
            voided_by: None,
            void_reason: None,
            handed_out_on: None,
            handed_out_by: None,
            reprint_approved_by: None,
            reprint_approved_at: None,
            replaced_by: None,
        }],
    )
    .await?;
    Ok(serial)
}
