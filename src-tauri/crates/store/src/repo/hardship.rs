//! Hardship assessments (家庭经济困难学生认定): the guardian's application, the class assessment,
//! the school's decision with its public notice and objections, the settling that makes one
//! effective, and the page of a school year's assessments.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::hardship_application::{self as row, HardshipLevel, HardshipState};
use crate::entities::student;
use crate::error::Result;

/// The assessments whose public notice (公示) is still running on `today` or later.
pub async fn notice_running<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
) -> Result<Vec<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::State.eq(HardshipState::InNotice))
        .filter(row::Column::NoticeUntil.gte(today))
        .all(db)
        .await?)
}

/// A running notice moved (a calendar change): its first and last day.
pub async fn move_notice<C: ConnectionTrait>(
    db: &C,
    m: row::Model,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<()> {
    let mut am = m.into_active_model();
    am.notice_from = Set(Some(from));
    am.notice_until = Set(Some(until));
    am.update(db).await?;
    Ok(())
}

/// One assessment.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<row::Model>> {
    Ok(row::Entity::find_by_id(id).one(db).await?)
}

/// The assessments in notice whose notice ended before `today`.
pub async fn notice_ended<C: ConnectionTrait>(db: &C, today: NaiveDate) -> Result<Vec<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::State.eq(HardshipState::InNotice))
        .filter(row::Column::NoticeUntil.lt(today))
        .all(db)
        .await?)
}

/// A student's assessments for a school year (its start year), those not recognised left out.
pub async fn of_student_year<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    school_year: i32,
) -> Result<Vec<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::StudentId.eq(student_id))
        .filter(row::Column::SchoolYear.eq(school_year))
        .filter(row::Column::State.ne(HardshipState::NotRecognised))
        .all(db)
        .await?)
}

/// Adds an application (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(db: &C, m: row::Model) -> Result<row::Model> {
    let mut am = m.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Makes an assessment effective on `on` (its notice ended with nothing pending).
pub async fn make_effective<C: ConnectionTrait>(
    db: &C,
    m: row::Model,
    on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<row::Model> {
    let mut am = m.into_active_model();
    am.state = Set(HardshipState::Effective);
    am.effective_on = Set(Some(on));
    am.updated_at = Set(at);
    Ok(am.update(db).await?)
}

/// Records the class assessment (班级评议): the suggested level, the group's note and the day.
pub async fn record_class_assessment<C: ConnectionTrait>(
    db: &C,
    m: row::Model,
    result: HardshipLevel,
    note: String,
    on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<row::Model> {
    let mut am = m.into_active_model();
    am.state = Set(HardshipState::ClassAssessed);
    am.class_result = Set(Some(result));
    am.class_note = Set(Some(note));
    am.class_assessed_on = Set(Some(on));
    am.updated_at = Set(at);
    Ok(am.update(db).await?)
}

/// The school's decision as stored: the level, and the notice it starts (none when not
/// recognised).
#[derive(Clone, Debug)]
pub struct Decision {
    pub state: HardshipState,
    pub level: HardshipLevel,
    pub note: Option<String>,
    pub decided_on: NaiveDate,
    pub decided_by: String,
    pub notice_from: Option<NaiveDate>,
    pub notice_until: Option<NaiveDate>,
}

/// Records the school's decision.
pub async fn record_decision<C: ConnectionTrait>(
    db: &C,
    m: row::Model,
    d: Decision,
    at: DateTime<Utc>,
) -> Result<row::Model> {
    let mut am = m.into_active_model();
    am.level = Set(Some(d.level));
    am.decision_note = Set(d.note);
    am.decided_on = Set(Some(d.decided_on));
    am.decided_by = Set(Some(d.decided_by));
    am.updated_at = Set(at);
    am.state = Set(d.state);
    am.notice_from = Set(d.notice_from);
    am.notice_until = Set(d.notice_until);
    Ok(am.update(db).await?)
}

/// Stores the objections (as JSON) as they now stand.
pub async fn set_objections<C: ConnectionTrait>(
    db: &C,
    m: row::Model,
    objections: String,
    at: DateTime<Utc>,
) -> Result<row::Model> {
    let mut am = m.into_active_model();
    am.objections = Set(objections);
    am.updated_at = Set(at);
    Ok(am.update(db).await?)
}

/// Voids the decision and its notice (an objection was sustained): back to the school's
/// decision, with the objections (as JSON) as they now stand.
pub async fn reopen<C: ConnectionTrait>(
    db: &C,
    m: row::Model,
    objections: String,
    at: DateTime<Utc>,
) -> Result<row::Model> {
    let mut am = m.into_active_model();
    am.objections = Set(objections);
    am.updated_at = Set(at);
    am.state = Set(HardshipState::ClassAssessed);
    am.level = Set(None);
    am.decision_note = Set(None);
    am.decided_on = Set(None);
    am.decided_by = Set(None);
    am.notice_from = Set(None);
    am.notice_until = Set(None);
    Ok(am.update(db).await?)
}

/// Which of a school year's assessments to list.
#[derive(Clone, Debug, Default)]
pub struct ListFilter<'a> {
    /// The stored states to keep; `None` keeps any.
    pub states: Option<Vec<HardshipState>>,
    pub level: Option<HardshipLevel>,
    pub student_id: Option<i64>,
    /// The students' grade and class.
    pub grade: Option<i32>,
    pub class_name: Option<&'a str>,
}

/// One page of a school year's assessments (by application day) and how many the filter
/// matches.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    school_year: i32,
    filter: &ListFilter<'_>,
    page: u32,
    page_size: u32,
) -> Result<(u64, Vec<row::Model>)> {
    let mut query = row::Entity::find().filter(row::Column::SchoolYear.eq(school_year));
    if let Some(states) = &filter.states {
        query = query.filter(row::Column::State.is_in(states.iter().copied()));
    }
    if let Some(level) = filter.level {
        query = query.filter(row::Column::Level.eq(level));
    }
    if let Some(id) = filter.student_id {
        query = query.filter(row::Column::StudentId.eq(id));
    }
    if filter.grade.is_some() || filter.class_name.is_some() {
        let mut sub = Query::select();
        sub.column(student::Column::Id).from(student::Entity);
        if let Some(g) = filter.grade {
            sub.and_where(student::Column::Grade.eq(g));
        }
        if let Some(c) = filter.class_name {
            sub.and_where(student::Column::ClassName.eq(c));
        }
        query = query.filter(row::Column::StudentId.in_subquery(sub));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(row::Column::AppliedOn)
        .order_by_asc(row::Column::Id)
        .offset(u64::from(page.max(1) - 1) * u64::from(page_size))
        .limit(u64::from(page_size))
        .all(db)
        .await?;
    Ok((total, rows))
}
