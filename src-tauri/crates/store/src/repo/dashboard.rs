//! The dashboard's reads (工作台): to-dos (open applications waiting on the school, open
//! deadlines), leaves ending or past, counts by status and grade, the latest semester review.
//! Every list is bounded by the caller's limit and every count is one SQL aggregate over an index
//! (migration m0005), so the dashboard stays fast at 100,000 students. Nothing here is audited:
//! the use case writes one audit row for the whole dashboard.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use xueji_domain::workflow::Party;
use xueji_domain::{ChangeKind, Status};

use crate::entities::application::{self, ApplicationState};
use crate::entities::{application_step, deadline, semester_review, semester_review_item, student};
use crate::error::Result;

/// Ids per `IN (…)` list of a lookup.
const ID_CHUNK: usize = 500;

/// The stored (snake-case) name of a domain enum value.
pub(crate) fn stored_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(map)) => map
            .get("type")
            .and_then(|t| t.as_str().map(str::to_owned))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The condition that an open application waits on this school: its own steps (学校, 校务会议,
/// 校长, 德育部门), the national recheck of a key-field change that its registrar runs and
/// records (R11.2), the sending school's step of its transfer-out, the receiving school's step
/// of a transfer-in.
fn waiting_on_school() -> Condition {
    let own: Vec<String> = [
        Party::School,
        Party::SchoolCouncil,
        Party::Principal,
        Party::MoralEducationOffice,
        Party::NationalSystem,
    ]
    .iter()
    .map(stored_name)
    .collect();
    Condition::any()
        .add(application::Column::WaitingOn.is_in(own))
        .add(
            Condition::all()
                .add(application::Column::WaitingOn.eq(stored_name(&Party::SendingSchool)))
                .add(application::Column::ChangeKind.eq(stored_name(&ChangeKind::TransferOut))),
        )
        .add(
            Condition::all()
                .add(application::Column::WaitingOn.eq(stored_name(&Party::ReceivingSchool)))
                .add(application::Column::ChangeKind.like("transfer_in%")),
        )
}

fn open_applications_waiting() -> Select<application::Entity> {
    application::Entity::find()
        .filter(application::Column::State.eq(ApplicationState::Open))
        .filter(waiting_on_school())
}

fn open_deadlines() -> Select<deadline::Entity> {
    deadline::Entity::find().filter(deadline::Column::DoneOn.is_null())
}

/// How many to-dos there are: open applications waiting on the school plus open deadlines.
pub async fn todo_count<C: ConnectionTrait>(db: &C) -> Result<u64> {
    Ok(open_applications_waiting().count(db).await? + open_deadlines().count(db).await?)
}

/// The open applications waiting on the school, earliest due first (undated first, as SQLite
/// orders NULL), at most `limit`.
pub async fn applications_waiting<C: ConnectionTrait>(
    db: &C,
    limit: u64,
) -> Result<Vec<application::Model>> {
    Ok(open_applications_waiting()
        .order_by_asc(application::Column::DueOn)
        .order_by_asc(application::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// The open deadlines, earliest due first, at most `limit`.
pub async fn deadlines_open<C: ConnectionTrait>(
    db: &C,
    limit: u64,
) -> Result<Vec<deadline::Model>> {
    Ok(open_deadlines()
        .order_by_asc(deadline::Column::DueOn)
        .order_by_asc(deadline::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// The step labels of these applications by (application id, ordinal).
pub async fn step_labels<C: ConnectionTrait>(
    db: &C,
    application_ids: &[i64],
) -> Result<HashMap<(i64, i32), String>> {
    let mut out = HashMap::new();
    for chunk in application_ids.chunks(ID_CHUNK) {
        let rows: Vec<(i64, i32, String)> = application_step::Entity::find()
            .select_only()
            .column(application_step::Column::ApplicationId)
            .column(application_step::Column::Ordinal)
            .column(application_step::Column::Label)
            .filter(application_step::Column::ApplicationId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(rows.into_iter().map(|(a, o, label)| ((a, o), label)));
    }
    Ok(out)
}

/// Names of students by id (for the dashboard's lists).
pub async fn student_names<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, String>> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut out = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(ID_CHUNK) {
        let rows: Vec<(i64, String)> = student::Entity::find()
            .select_only()
            .column(student::Column::Id)
            .column(student::Column::Name)
            .filter(student::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(rows);
    }
    Ok(out)
}

fn on_leave_until_known() -> Select<student::Entity> {
    student::Entity::find()
        .filter(student::Column::Status.eq(Status::OnLeave))
        .filter(student::Column::LeaveUntil.is_not_null())
}

/// Students on leave whose leave ends between `from` and `to` (both included), earliest first,
/// at most `limit`.
pub async fn leaves_ending<C: ConnectionTrait>(
    db: &C,
    from: NaiveDate,
    to: NaiveDate,
    limit: u64,
) -> Result<Vec<student::Model>> {
    Ok(on_leave_until_known()
        .filter(student::Column::LeaveUntil.gte(from))
        .filter(student::Column::LeaveUntil.lte(to))
        .order_by_asc(student::Column::LeaveUntil)
        .limit(limit)
        .all(db)
        .await?)
}

/// Students on leave whose leave ended before `today`, earliest first, at most `limit`.
pub async fn leaves_past<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
    limit: u64,
) -> Result<Vec<student::Model>> {
    Ok(on_leave_until_known()
        .filter(student::Column::LeaveUntil.lt(today))
        .order_by_asc(student::Column::LeaveUntil)
        .limit(limit)
        .all(db)
        .await?)
}

/// How many students there are of each (grade, status, archived).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentCount {
    pub grade: Option<i32>,
    pub status: Status,
    pub archived: bool,
    pub count: u64,
}

/// Every student counted by (grade, status, archived): one `GROUP BY` read from the covering
/// index `idx_student_counts` (m0005) alone, in its order; the caller sums what it shows.
pub async fn student_counts<C: ConnectionTrait>(db: &C) -> Result<Vec<StudentCount>> {
    let rows: Vec<(Option<i32>, Status, bool, i64)> = student::Entity::find()
        .select_only()
        .column(student::Column::Grade)
        .column(student::Column::Status)
        .column(student::Column::Archived)
        .column_as(student::Column::Id.count(), "n")
        .group_by(student::Column::Grade)
        .group_by(student::Column::Status)
        .group_by(student::Column::Archived)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(grade, status, archived, n)| StudentCount {
            grade,
            status,
            archived,
            count: u64::try_from(n).unwrap_or(0),
        })
        .collect())
}

/// The latest semester review (by its term's start, then the latest opened).
pub async fn latest_review<C: ConnectionTrait>(db: &C) -> Result<Option<semester_review::Model>> {
    Ok(semester_review::Entity::find()
        .order_by_desc(semester_review::Column::TermStart)
        .order_by_desc(semester_review::Column::Id)
        .one(db)
        .await?)
}

/// A review's lines in all and those checked.
pub async fn review_progress<C: ConnectionTrait>(db: &C, review_id: i64) -> Result<(u64, u64)> {
    let items = semester_review_item::Entity::find()
        .filter(semester_review_item::Column::ReviewId.eq(review_id));
    let total = items.clone().count(db).await?;
    let checked = items
        .filter(semester_review_item::Column::Checked.eq(true))
        .count(db)
        .await?;
    Ok((total, checked))
}
