//! The reads behind the compliance findings (R32): the records that may be in breach, each kind
//! bounded by the caller's limit, and the identities held by two records (R32.2, R7.2).

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
};
use xueji_domain::Status;

use crate::entities::application::{self, ApplicationState};
use crate::entities::{deadline, sanction, student, student_event};
use crate::error::Result;

/// Ids per `IN (…)` list of a lookup.
const ID_CHUNK: usize = 500;

/// Open deadlines due before `today`, earliest first, at most `limit`.
pub async fn overdue_deadlines<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    limit: u64,
) -> Result<Vec<deadline::Model>> {
    Ok(deadline::Entity::find()
        .filter(deadline::Column::DoneOn.is_null())
        .filter(deadline::Column::DueOn.lt(today))
        .order_by_asc(deadline::Column::DueOn)
        .limit(limit)
        .all(db)
        .await?)
}

/// Students on leave whose leave ended before `today`, at most `limit`.
pub async fn expired_leaves<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    limit: u64,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Status.eq(Status::OnLeave))
        .filter(student::Column::LeaveUntil.lt(today))
        .limit(limit)
        .all(db)
        .await?)
}

/// Students whose deferral is for a school year starting before `year`, at most `limit`.
pub async fn expired_deferrals<C: ConnectionTrait>(
    db: &C,
    year: i32,
    limit: u64,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Status.eq(Status::Deferred))
        .filter(student::Column::DeferredFor.lt(year))
        .limit(limit)
        .all(db)
        .await?)
}

/// Sanctions not lifted whose period ended before `today`, at most `limit`.
pub async fn sanctions_past_period<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    limit: u64,
) -> Result<Vec<sanction::Model>> {
    Ok(sanction::Entity::find()
        .filter(sanction::Column::LiftedOn.is_null())
        .filter(sanction::Column::PeriodEnds.lt(today))
        .limit(limit)
        .all(db)
        .await?)
}

/// Open applications, the oldest first, at most `limit`.
pub async fn open_applications<C: ConnectionTrait>(
    db: &C,
    limit: u64,
) -> Result<Vec<application::Model>> {
    Ok(application::Entity::find()
        .filter(application::Column::State.eq(ApplicationState::Open))
        .order_by_asc(application::Column::OpenedOn)
        .limit(limit)
        .all(db)
        .await?)
}

/// The students with these ids (whole rows, in no particular order).
pub async fn students_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<student::Model>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(ID_CHUNK) {
        out.extend(
            student::Entity::find()
                .filter(student::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// (student id, date) of the events of `kind` of these students, earliest first.
pub async fn event_dates<C: ConnectionTrait>(
    db: &C,
    student_ids: &[i64],
    kind: &str,
) -> Result<Vec<(i64, NaiveDate)>> {
    Ok(student_event::Entity::find()
        .select_only()
        .column(student_event::Column::StudentId)
        .column(student_event::Column::OnDate)
        .filter(student_event::Column::StudentId.is_in(student_ids.iter().copied()))
        .filter(student_event::Column::Kind.eq(kind))
        .order_by_asc(student_event::Column::OnDate)
        .into_tuple()
        .all(db)
        .await?)
}

/// Students sharing an identity (the ID number, or the 18 characters after a 19-character
/// 学籍号's prefix): (student id, identity), by identity then id, at most `limit` rows before a
/// student's later identities are dropped (each student once, under its first identity).
///
/// The identities shared are found among few candidates, not by grouping every key of the
/// table: the ID number is unique (R7.2), so a shared identity is always the body of some
/// student's 学籍号 that is not simply `G` + that student's own ID number (two bodies can only be
/// equal under different prefixes, one of them not `G`; another student's ID number can only
/// equal a body that is not its owner's). Those students are the partial index
/// `idx_student_identity_candidates` (m0005), almost always empty; every holder of a candidate
/// identity is then found through the unique ID-number index and the body index
/// `idx_student_xueji_body`. The result is the one the whole-table `GROUP BY` gave.
pub async fn duplicate_identities<C: ConnectionTrait>(
    db: &C,
    limit: u64,
) -> Result<Vec<(i64, String)>> {
    // The candidates' condition is written as in the partial index, so SQLite can use it.
    let sql = format!(
        "WITH cand(k) AS ( \
             SELECT substr(xueji_number, 2) FROM student \
             WHERE length(xueji_number) = 19 \
               AND (substr(xueji_number, 1, 1) <> 'G' OR substr(xueji_number, 2) <> id_number) ), \
         keys(id, k) AS ( \
             SELECT id, id_number FROM student WHERE id_number IN (SELECT k FROM cand) \
             UNION SELECT id, substr(xueji_number, 2) FROM student \
               WHERE length(xueji_number) = 19 AND substr(xueji_number, 2) IN (SELECT k FROM cand) ) \
         SELECT keys.id AS id, keys.k AS k FROM keys JOIN ( \
             SELECT k FROM keys GROUP BY k HAVING COUNT(DISTINCT id) > 1 \
         ) dup ON dup.k = keys.k ORDER BY keys.k, keys.id LIMIT {limit}"
    );
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    let mut out: Vec<(i64, String)> = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.try_get("", "id")?;
        let k: String = r.try_get("", "k")?;
        if !out.iter().any(|(x, _)| *x == id) {
            out.push((id, k));
        }
    }
    Ok(out)
}

/// Change events recorded since `since` more than `days` calendar days after they took effect,
/// earliest effect first, at most `limit` (R10.1). `days` is the profile's limit in working days:
/// a change written later than that many working days is always more than that many calendar
/// days late, so this is the candidates' bound; the domain counts the working days. SQLite text
/// (`julianday`) for speed: the 100,000 promotions of a year are never read.
pub async fn late_recorded_events<C: ConnectionTrait>(
    db: &C,
    since: chrono::DateTime<chrono::Utc>,
    days: u32,
    limit: u64,
) -> Result<Vec<student_event::Model>> {
    Ok(student_event::Entity::find()
        .filter(student_event::Column::RecordedAt.gte(since))
        .filter(student_event::Column::Kind.is_not_in(["admitted", "record_created"]))
        .filter(sea_orm::sea_query::Expr::cust_with_values(
            "julianday(\"recorded_at\") - julianday(\"on_date\") > ?",
            [f64::from(days)],
        ))
        .order_by_asc(student_event::Column::OnDate)
        .order_by_asc(student_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}
