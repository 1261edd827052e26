//! Semester reviews (学期核查, R29.1): one checklist per term and reviewer, one line per record on
//! the books, each line checked with an optional note, the whole signed off once.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use xueji_domain::review::Reviewer;
use xueji_domain::school::Semester;

use crate::entities::{semester_review, semester_review_item};
use crate::error::Result;

/// Rows per multi-row insert.
const CHUNK: usize = 1000;

/// One review.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<semester_review::Model>> {
    Ok(semester_review::Entity::find_by_id(id).one(db).await?)
}

/// The review of a term (school year by its start year) by a reviewer, if one was opened.
pub async fn of_term<C: ConnectionTrait>(
    db: &C,
    school_year: i32,
    semester: Semester,
    reviewer: Reviewer,
) -> Result<Option<semester_review::Model>> {
    Ok(semester_review::Entity::find()
        .filter(semester_review::Column::SchoolYear.eq(school_year))
        .filter(semester_review::Column::Semester.eq(semester))
        .filter(semester_review::Column::Reviewer.eq(reviewer))
        .one(db)
        .await?)
}

/// Opens a review (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    review: semester_review::Model,
) -> Result<semester_review::Model> {
    let mut am = review.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Adds one unchecked line per student to a review, in chunks.
pub async fn add_lines<C: ConnectionTrait>(
    db: &C,
    review_id: i64,
    student_ids: &[i64],
) -> Result<()> {
    for part in student_ids.chunks(CHUNK) {
        semester_review_item::Entity::insert_many(part.iter().map(|id| {
            semester_review_item::ActiveModel {
                review_id: Set(review_id),
                student_id: Set(*id),
                checked: Set(false),
                note: Set(None),
                checked_by: Set(None),
                checked_at: Set(None),
                ..Default::default()
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// How many lines a review has.
pub async fn count_lines<C: ConnectionTrait>(db: &C, review_id: i64) -> Result<u64> {
    Ok(semester_review_item::Entity::find()
        .filter(semester_review_item::Column::ReviewId.eq(review_id))
        .count(db)
        .await?)
}

/// How many of a review's lines are checked.
pub async fn count_checked<C: ConnectionTrait>(db: &C, review_id: i64) -> Result<u64> {
    Ok(semester_review_item::Entity::find()
        .filter(semester_review_item::Column::ReviewId.eq(review_id))
        .filter(semester_review_item::Column::Checked.eq(true))
        .count(db)
        .await?)
}

/// The students of the first `limit` unchecked lines, by student id.
pub async fn unchecked_students<C: ConnectionTrait>(
    db: &C,
    review_id: i64,
    limit: u64,
) -> Result<Vec<i64>> {
    Ok(semester_review_item::Entity::find()
        .filter(semester_review_item::Column::ReviewId.eq(review_id))
        .filter(semester_review_item::Column::Checked.eq(false))
        .select_only()
        .column(semester_review_item::Column::StudentId)
        .order_by_asc(semester_review_item::Column::StudentId)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}

/// Every line of a review as (student id, checked).
pub async fn lines<C: ConnectionTrait>(db: &C, review_id: i64) -> Result<Vec<(i64, bool)>> {
    Ok(semester_review_item::Entity::find()
        .select_only()
        .column(semester_review_item::Column::StudentId)
        .column(semester_review_item::Column::Checked)
        .filter(semester_review_item::Column::ReviewId.eq(review_id))
        .into_tuple()
        .all(db)
        .await?)
}

/// A student's line in a review.
pub async fn line<C: ConnectionTrait>(
    db: &C,
    review_id: i64,
    student_id: i64,
) -> Result<Option<semester_review_item::Model>> {
    Ok(semester_review_item::Entity::find()
        .filter(semester_review_item::Column::ReviewId.eq(review_id))
        .filter(semester_review_item::Column::StudentId.eq(student_id))
        .one(db)
        .await?)
}

/// Marks a line checked by `by` at `at`, with its note.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    line: semester_review_item::Model,
    note: Option<String>,
    by: &str,
    at: DateTime<Utc>,
) -> Result<semester_review_item::Model> {
    let mut am = line.into_active_model();
    am.checked = Set(true);
    am.note = Set(note);
    am.checked_by = Set(Some(by.to_owned()));
    am.checked_at = Set(Some(at));
    Ok(am.update(db).await?)
}

/// Records the sign-off of a review.
pub async fn sign_off<C: ConnectionTrait>(
    db: &C,
    review: semester_review::Model,
    on: NaiveDate,
    by: &str,
) -> Result<semester_review::Model> {
    let mut am = review.into_active_model();
    am.signed_off_on = Set(Some(on));
    am.signed_off_by = Set(Some(by.to_owned()));
    Ok(am.update(db).await?)
}
