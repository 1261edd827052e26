//! The issued-document register (文书编号登记): every printed document's serial, who printed it,
//! and whether it was voided. The kind is stored by its serde name (`record_card` …).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use xueji_domain::PrintKind;

use crate::entities::issued_document;
use crate::error::Result;

/// How many rows one INSERT carries (SQLite's bound-parameter limit).
const INSERT_CHUNK: usize = 1000;

/// The highest serial starting with `prefix` (`2026-CERT-`), if any.
pub async fn last_serial<C: ConnectionTrait>(db: &C, prefix: &str) -> Result<Option<String>> {
    Ok(issued_document::Entity::find()
        .filter(issued_document::Column::Serial.starts_with(prefix))
        .order_by_desc(issued_document::Column::Serial)
        .one(db)
        .await?
        .map(|d| d.serial))
}

/// Registers issued documents (`id` is assigned), in chunks.
pub async fn insert_many<C: ConnectionTrait>(
    db: &C,
    rows: Vec<issued_document::Model>,
) -> Result<()> {
    let rows: Vec<issued_document::ActiveModel> = rows
        .into_iter()
        .map(|r| {
            let mut am = r.into_active_model();
            am.id = NotSet;
            am
        })
        .collect();
    for part in rows.chunks(INSERT_CHUNK) {
        issued_document::Entity::insert_many(part.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// How many documents of `kind`, not voided, were issued to these students.
pub async fn count_issued_to<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    student_ids: &[i64],
) -> Result<u64> {
    let mut n = 0;
    for part in student_ids.chunks(INSERT_CHUNK) {
        n += issued_document::Entity::find()
            .filter(issued_document::Column::Kind.eq(kind))
            .filter(issued_document::Column::Voided.eq(false))
            .filter(issued_document::Column::StudentId.is_in(part.to_vec()))
            .count(db)
            .await?;
    }
    Ok(n)
}

/// The latest document of `kind`, not voided, issued to a student.
pub async fn latest_issued_to<C: ConnectionTrait>(
    db: &C,
    kind: PrintKind,
    student_id: i64,
) -> Result<Option<issued_document::Model>> {
    Ok(issued_document::Entity::find()
        .filter(issued_document::Column::StudentId.eq(student_id))
        .filter(issued_document::Column::Kind.eq(kind))
        .filter(issued_document::Column::Voided.eq(false))
        .order_by_desc(issued_document::Column::Id)
        .one(db)
        .await?)
}

/// Which rows of the register to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kind: Option<PrintKind>,
    pub student_id: Option<i64>,
    /// The year the serial starts with.
    pub year: Option<i32>,
    pub include_voided: bool,
}

/// One page of the register (newest first) and the number of rows the filter matches.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    page: u32,
    page_size: u32,
) -> Result<(u64, Vec<issued_document::Model>)> {
    let mut q = issued_document::Entity::find();
    if let Some(k) = filter.kind {
        q = q.filter(issued_document::Column::Kind.eq(k));
    }
    if let Some(id) = filter.student_id {
        q = q.filter(issued_document::Column::StudentId.eq(id));
    }
    if let Some(y) = filter.year {
        q = q.filter(issued_document::Column::Serial.starts_with(format!("{y}-")));
    }
    if !filter.include_voided {
        q = q.filter(issued_document::Column::Voided.eq(false));
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(issued_document::Column::Id)
        .offset(u64::from(page.max(1) - 1) * u64::from(page_size))
        .limit(u64::from(page_size))
        .all(db)
        .await?;
    Ok((total, rows))
}

/// One document by its serial.
pub async fn find_by_serial<C: ConnectionTrait>(
    db: &C,
    serial: &str,
) -> Result<Option<issued_document::Model>> {
    Ok(issued_document::Entity::find()
        .filter(issued_document::Column::Serial.eq(serial))
        .one(db)
        .await?)
}

/// Marks a document voided (its serial stays in the register).
pub async fn void<C: ConnectionTrait>(
    db: &C,
    row: issued_document::Model,
    at: DateTime<Utc>,
    by: &str,
    reason: &str,
) -> Result<issued_document::Model> {
    let mut am = row.into_active_model();
    am.voided = Set(true);
    am.voided_at = Set(Some(at));
    am.voided_by = Set(Some(by.to_owned()));
    am.void_reason = Set(Some(reason.to_owned()));
    Ok(am.update(db).await?)
}

/// Every certificate printed for these students, voided ones included, oldest first (R26.2).
pub async fn certificates_of<C: ConnectionTrait>(
    db: &C,
    student_ids: &[i64],
) -> Result<Vec<issued_document::Model>> {
    let mut rows = Vec::new();
    for part in student_ids.chunks(INSERT_CHUNK) {
        rows.extend(
            issued_document::Entity::find()
                .filter(issued_document::Column::Kind.eq(PrintKind::Certificate))
                .filter(issued_document::Column::StudentId.is_in(part.to_vec()))
                .order_by_asc(issued_document::Column::Id)
                .all(db)
                .await?,
        );
    }
    Ok(rows)
}

/// Records that a document was handed out.
pub async fn hand_out<C: ConnectionTrait>(
    db: &C,
    row: issued_document::Model,
    on: NaiveDate,
    by: &str,
) -> Result<issued_document::Model> {
    let mut am = row.into_active_model();
    am.handed_out_on = Set(Some(on));
    am.handed_out_by = Set(Some(by.to_owned()));
    Ok(am.update(db).await?)
}

/// Records the approver's consent to reprint a voided misprint.
pub async fn approve_reprint<C: ConnectionTrait>(
    db: &C,
    row: issued_document::Model,
    at: DateTime<Utc>,
    by: &str,
) -> Result<issued_document::Model> {
    let mut am = row.into_active_model();
    am.reprint_approved_by = Set(Some(by.to_owned()));
    am.reprint_approved_at = Set(Some(at));
    Ok(am.update(db).await?)
}

/// Links a voided misprint to the serial printed in its place.
pub async fn set_replaced_by<C: ConnectionTrait>(
    db: &C,
    serial: &str,
    replaced_by: &str,
) -> Result<()> {
    issued_document::Entity::update_many()
        .col_expr(
            issued_document::Column::ReplacedBy,
            sea_orm::sea_query::Expr::value(replaced_by),
        )
        .filter(issued_document::Column::Serial.eq(serial))
        .exec(db)
        .await?;
    Ok(())
}
