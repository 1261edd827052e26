//! The issued-document register: serial numbers per kind and year (`2025-CERT-000001`).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use xueji_store::entities::issued_document;

use crate::error::{AppError, Result};
use crate::views::snake;

use super::PrintKind;

/// The next `n` serials of a kind in a year: `2025-CERT-000001` …
pub(crate) async fn next_serials<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    year: i32,
    n: usize,
) -> Result<Vec<String>> {
    let prefix = format!("{year}-{}-", kind.code());
    let last = issued_document::Entity::find()
        .filter(issued_document::Column::Serial.starts_with(&prefix))
        .order_by_desc(issued_document::Column::Serial)
        .one(db)
        .await?;
    let start: u64 = last
        .and_then(|d| d.serial[prefix.len()..].parse().ok())
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
    issued_document::ActiveModel {
        serial: Set(serial.clone()),
        kind: Set(snake(&kind)),
        student_id: Set(student_id),
        issued_at: Set(now),
        issued_by: Set(user.to_owned()),
        voided: Set(false),
        target: Set(None),
        voided_at: Set(None),
        voided_by: Set(None),
        void_reason: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(serial)
}
