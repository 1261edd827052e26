//! Applications (a change with its procedure) and their steps: the queries the use cases name,
//! so no use case builds a query on these tables itself.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
};

use xueji_domain::ApplicationKind;
use xueji_domain::workflow::Party;

use crate::entities::application::{self, ApplicationState};
use crate::entities::application_step::{self, Decision};
use crate::error::{Result, StoreError};

/// Where an application stands, as stored beside its workflow: computed before any write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub state: ApplicationState,
    pub closed_on: Option<NaiveDate>,
    /// The index of the step waiting for a decision.
    pub current_step: Option<i32>,
    /// When the waiting step is due (R13.3).
    pub due_on: Option<NaiveDate>,
    /// The waiting step's party.
    pub waiting_on: Option<Party>,
}

/// A new application: the change kind, its workflow and request details as JSON, and where it
/// stands.
#[derive(Clone, Debug)]
pub struct NewApplication {
    pub student_id: Option<i64>,
    pub change_kind: ApplicationKind,
    pub opened_on: NaiveDate,
    pub data: String,
    pub details: Option<String>,
    pub created_by: String,
    pub progress: Progress,
}

/// A step of a new application, decided already or not.
#[derive(Clone, Debug)]
pub struct NewStep {
    pub role: Party,
    pub label: String,
    pub due_on: Option<NaiveDate>,
    pub decision: Option<Decision>,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<String>,
    pub reference: Option<String>,
}

impl NewStep {
    /// A step no party has decided yet.
    pub fn undecided(role: Party, label: String, due_on: Option<NaiveDate>) -> Self {
        Self {
            role,
            label,
            due_on,
            decision: None,
            decided_on: None,
            decided_by: None,
            reference: None,
        }
    }
}

/// A party's decision on a step.
#[derive(Clone, Debug)]
pub struct StepDecision<'a> {
    pub decision: Decision,
    pub on: NaiveDate,
    pub by: &'a str,
    pub reference: Option<&'a str>,
    pub note: Option<&'a str>,
    pub attachment_id: Option<i64>,
}

/// Inserts an application with its steps (ordinals in order), in the caller's transaction.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    new: NewApplication,
    steps: Vec<NewStep>,
) -> Result<(application::Model, Vec<application_step::Model>)> {
    let p = new.progress;
    let a = application::ActiveModel {
        student_id: Set(new.student_id),
        change_kind: Set(new.change_kind),
        state: Set(p.state),
        opened_on: Set(new.opened_on),
        closed_on: Set(p.closed_on),
        data: Set(new.data),
        current_step: Set(p.current_step),
        due_on: Set(p.due_on),
        waiting_on: Set(p.waiting_on),
        created_by: Set(new.created_by),
        details: Set(new.details),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut rows = Vec::with_capacity(steps.len());
    for (i, s) in steps.into_iter().enumerate() {
        let row = application_step::ActiveModel {
            application_id: Set(a.id),
            ordinal: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            role: Set(s.role),
            label: Set(s.label),
            decision: Set(s.decision),
            decided_on: Set(s.decided_on),
            decided_by: Set(s.decided_by),
            reference: Set(s.reference),
            note: Set(None),
            attachment_id: Set(None),
            due_on: Set(s.due_on),
            ..Default::default()
        }
        .insert(db)
        .await?;
        rows.push(row);
    }
    Ok((a, rows))
}

/// Inserts an application as given (one received from another school with its record; `id` is
/// assigned); returns it as stored.
pub async fn insert_received<C: ConnectionTrait>(
    db: &C,
    a: application::Model,
) -> Result<application::Model> {
    let mut am = a.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Inserts a step as given (of an application received from another school; `id` is
/// assigned); returns it as stored.
pub async fn insert_step_received<C: ConnectionTrait>(
    db: &C,
    step: application_step::Model,
) -> Result<application_step::Model> {
    let mut am = step.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Stores an application's workflow (its `data`) as changed by an appeal or a note.
pub async fn set_data<C: ConnectionTrait>(
    db: &C,
    a: application::Model,
    data: String,
) -> Result<application::Model> {
    let mut am = a.into_active_model();
    am.data = Set(data);
    Ok(am.update(db).await?)
}

/// One application.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<application::Model>> {
    Ok(application::Entity::find_by_id(id).one(db).await?)
}

/// A student's applications, newest first.
pub async fn of_student<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<application::Model>> {
    Ok(application::Entity::find()
        .filter(application::Column::StudentId.eq(student_id))
        .order_by_desc(application::Column::OpenedOn)
        .all(db)
        .await?)
}

/// A student's applications in the order they were opened (by id).
pub async fn of_student_in_id_order<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
) -> Result<Vec<application::Model>> {
    Ok(application::Entity::find()
        .filter(application::Column::StudentId.eq(student_id))
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?)
}

/// These students' applications, oldest first.
pub async fn of_students<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
) -> Result<Vec<application::Model>> {
    Ok(application::Entity::find()
        .filter(application::Column::StudentId.is_in(student_ids))
        .order_by_asc(application::Column::OpenedOn)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?)
}

/// Every application, by the day it was opened.
pub async fn all_by_day_opened<C: ConnectionTrait>(db: &C) -> Result<Vec<application::Model>> {
    Ok(application::Entity::find()
        .order_by_asc(application::Column::OpenedOn)
        .all(db)
        .await?)
}

/// The applications opened in a range (both days included; an open end is unbounded), oldest
/// first.
pub async fn opened_between<C: ConnectionTrait>(
    db: &C,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<application::Model>> {
    let mut query = application::Entity::find();
    if let Some(from) = from {
        query = query.filter(application::Column::OpenedOn.gte(from));
    }
    if let Some(to) = to {
        query = query.filter(application::Column::OpenedOn.lte(to));
    }
    Ok(query
        .order_by_asc(application::Column::OpenedOn)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?)
}

/// Which applications the list shows.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub student_id: Option<i64>,
    pub kind: Option<ApplicationKind>,
    pub state: Option<ApplicationState>,
    /// The party of the waiting step.
    pub waiting_on: Option<Party>,
    /// Only open applications due before this day.
    pub due_before: Option<NaiveDate>,
}

/// The applications a filter takes, newest first.
pub async fn list<C: ConnectionTrait>(db: &C, f: &ListFilter) -> Result<Vec<application::Model>> {
    let mut q = application::Entity::find();
    if let Some(id) = f.student_id {
        q = q.filter(application::Column::StudentId.eq(id));
    }
    if let Some(kind) = f.kind {
        q = q.filter(application::Column::ChangeKind.eq(kind));
    }
    if let Some(state) = f.state {
        q = q.filter(application::Column::State.eq(state));
    }
    if let Some(party) = f.waiting_on {
        q = q.filter(application::Column::WaitingOn.eq(party));
    }
    if let Some(day) = f.due_before {
        q = q
            .filter(application::Column::State.eq(ApplicationState::Open))
            .filter(application::Column::DueOn.lt(day));
    }
    Ok(q.order_by_desc(application::Column::OpenedOn)
        .order_by_desc(application::Column::Id)
        .all(db)
        .await?)
}

/// The open applications of these kinds for these students.
pub async fn open_of_kinds<C: ConnectionTrait>(
    db: &C,
    student_ids: Vec<i64>,
    kinds: &[ApplicationKind],
) -> Result<Vec<application::Model>> {
    Ok(application::Entity::find()
        .filter(application::Column::StudentId.is_in(student_ids))
        .filter(application::Column::State.eq(ApplicationState::Open))
        .filter(application::Column::ChangeKind.is_in(kinds.iter().copied()))
        .all(db)
        .await?)
}

/// The steps of these applications, by ordinal.
pub async fn steps_of_many<C: ConnectionTrait>(
    db: &C,
    application_ids: Vec<i64>,
) -> Result<Vec<application_step::Model>> {
    Ok(application_step::Entity::find()
        .filter(application_step::Column::ApplicationId.is_in(application_ids))
        .order_by_asc(application_step::Column::Ordinal)
        .all(db)
        .await?)
}

/// The steps of an application, in order.
pub async fn steps<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<application_step::Model>> {
    Ok(application_step::Entity::find()
        .filter(application_step::Column::ApplicationId.eq(application_id))
        .order_by_asc(application_step::Column::Ordinal)
        .all(db)
        .await?)
}

/// How many applications of `kind` are open for the student (one at a time).
pub async fn count_open_of_kind<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    kind: ApplicationKind,
) -> Result<u64> {
    Ok(application::Entity::find()
        .filter(application::Column::StudentId.eq(student_id))
        .filter(application::Column::ChangeKind.eq(kind))
        .filter(application::Column::State.eq(ApplicationState::Open))
        .count(db)
        .await?)
}

/// Writes the workflow, the details and where the application stands now; the waiting step's
/// row gets the due date too.
pub async fn save_progress<C: ConnectionTrait>(
    db: &C,
    a: &application::Model,
    data: String,
    details: Option<String>,
    p: Progress,
) -> Result<application::Model> {
    let mut am = a.clone().into_active_model();
    am.student_id = Set(a.student_id);
    am.data = Set(data);
    am.details = Set(details);
    am.state = Set(p.state);
    am.closed_on = Set(p.closed_on);
    am.current_step = Set(p.current_step);
    am.due_on = Set(p.due_on);
    am.waiting_on = Set(p.waiting_on);
    let saved = am.update(db).await?;
    if let (Some(step), Some(due)) = (p.current_step, p.due_on) {
        set_step_due(db, a.id, step, due).await?;
    }
    Ok(saved)
}

/// Sets the due date of one step.
pub async fn set_step_due<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
    ordinal: i32,
    due: NaiveDate,
) -> Result<()> {
    let rows = application_step::Entity::find()
        .filter(application_step::Column::ApplicationId.eq(application_id))
        .filter(application_step::Column::Ordinal.eq(ordinal))
        .all(db)
        .await?;
    for row in rows {
        let mut am = row.into_active_model();
        am.due_on = Set(Some(due));
        am.update(db).await?;
    }
    Ok(())
}

/// Moves the waiting step's due date (a holiday notice recounted it), on the application and
/// its step row.
pub async fn move_due<C: ConnectionTrait>(
    db: &C,
    a: application::Model,
    due: NaiveDate,
) -> Result<()> {
    let (id, step) = (a.id, a.current_step);
    let mut am = a.into_active_model();
    am.due_on = Set(Some(due));
    am.update(db).await?;
    if let Some(ordinal) = step {
        set_step_due(db, id, ordinal, due).await?;
    }
    Ok(())
}

/// Records a party's decision on step `ordinal`.
pub async fn decide_step<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
    ordinal: i32,
    d: StepDecision<'_>,
) -> Result<application_step::Model> {
    let row = application_step::Entity::find()
        .filter(application_step::Column::ApplicationId.eq(application_id))
        .filter(application_step::Column::Ordinal.eq(ordinal))
        .one(db)
        .await?
        .ok_or_else(|| StoreError::RecordNotFound {
            what: format!("申请（编号 {application_id}）的第{}个环节", ordinal + 1),
        })?;
    let mut am = row.into_active_model();
    am.decision = Set(Some(d.decision));
    am.decided_on = Set(Some(d.on));
    am.decided_by = Set(Some(d.by.to_owned()));
    am.reference = Set(d.reference.map(str::to_owned));
    am.note = Set(d.note.map(str::to_owned));
    am.attachment_id = Set(d.attachment_id);
    Ok(am.update(db).await?)
}
