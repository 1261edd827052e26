//! Lists of students: the search page and its class filter, a batch's selection, the class
//! rosters, the records on the books, the migrant dropouts and the students whose leave ended.

use chrono::NaiveDate;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use xueji_domain::effects::DeadlineKind;
use xueji_domain::{ApplicationKind, ChangeKind, Status};

use crate::entities::{application, deadline, student};
use crate::error::Result;

/// What a search text was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// A whole ID number (18 characters) or its beginning.
    IdNumber(&'a str),
    /// A 学籍号's beginning.
    XuejiNumber(&'a str),
    /// Pinyin initials (or a Latin name's beginning), lower-cased.
    Initials(&'a str),
    /// A normalised name's beginning.
    Name(&'a str),
}

/// A flag every listed student must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    MigrantChild,
    LeftBehind,
    Orphan,
    /// Any disability kind recorded.
    Disability,
    /// 随班就读
    Inclusive,
    ForeignNational,
}

impl Flag {
    fn condition(self) -> Condition {
        match self {
            Self::MigrantChild => Condition::all().add(student::Column::MigrantChild.eq(true)),
            Self::LeftBehind => Condition::all().add(student::Column::LeftBehind.eq(true)),
            Self::Orphan => Condition::all().add(student::Column::Orphan.eq(true)),
            Self::Disability => Condition::all()
                .add(student::Column::DisabilityKind.is_not_null())
                .add(student::Column::DisabilityKind.ne("")),
            Self::Inclusive => Condition::all().add(student::Column::InclusivePlacement.eq(true)),
            Self::ForeignNational => {
                Condition::all().add(student::Column::ForeignNational.eq(true))
            }
        }
    }
}

/// The search list's filter.
#[derive(Clone, Debug, Default)]
pub struct SearchFilter<'a> {
    pub lookup: Option<Lookup<'a>>,
    pub grade: Option<i32>,
    pub class_name: Option<&'a str>,
    /// Status names; empty means any.
    pub statuses: &'a [String],
    pub flags: Vec<Flag>,
    pub include_archived: bool,
}

/// The condition that a column starts with `prefix` (index range scan, portable).
fn starts_with(column: student::Column, prefix: &str) -> Condition {
    Condition::all()
        .add(column.gte(prefix.to_owned()))
        .add(column.lt(format!("{prefix}\u{10FFFF}")))
}

/// The search list's query (for the total) and the same query in list order (for the page).
///
/// Each kind of lookup ranges over one column and lists in that column's order, so with the
/// default filter the page and the total come off one index (`archived`, column) without a sort
/// (see migration m0002; the app's `tests/search_plan.rs` checks the plans).
pub fn search_query(f: &SearchFilter<'_>) -> (Select<student::Entity>, Select<student::Entity>) {
    let mut query = student::Entity::find();
    let order: &[student::Column] = match f.lookup {
        Some(Lookup::IdNumber(n)) if n.len() == 18 => {
            query = query.filter(student::Column::IdNumber.eq(n));
            &[student::Column::IdNumber]
        }
        Some(Lookup::IdNumber(n)) => {
            query = query.filter(starts_with(student::Column::IdNumber, n));
            &[student::Column::IdNumber]
        }
        Some(Lookup::XuejiNumber(n)) => {
            query = query.filter(starts_with(student::Column::XuejiNumber, n));
            &[student::Column::XuejiNumber]
        }
        Some(Lookup::Initials(s)) => {
            // Initials keep Latin letters whole, so a Latin name's beginning is found here too.
            query = query.filter(starts_with(student::Column::NameInitials, s));
            &[student::Column::NameInitials, student::Column::NameSearch]
        }
        Some(Lookup::Name(s)) => {
            query = query.filter(starts_with(student::Column::NameSearch, s));
            &[student::Column::NameSearch]
        }
        None => &[student::Column::NameSearch],
    };
    if let Some(g) = f.grade {
        query = query.filter(student::Column::Grade.eq(g));
    }
    if let Some(c) = f.class_name {
        query = query.filter(student::Column::ClassName.eq(c));
    }
    if !f.statuses.is_empty() {
        query = query.filter(student::Column::Status.is_in(f.statuses.to_vec()));
    }
    for flag in &f.flags {
        query = query.filter(flag.condition());
    }
    if !f.include_archived {
        query = query.filter(student::Column::Archived.eq(false));
    }
    let mut ordered = query.clone();
    for column in order {
        ordered = ordered.order_by_asc(*column);
    }
    (query, ordered.order_by_asc(student::Column::Id))
}

/// One page of the search list and how many students the filter matches.
pub async fn search_page<C: ConnectionTrait>(
    db: &C,
    f: &SearchFilter<'_>,
    page: u32,
    page_size: u32,
) -> Result<(u64, Vec<student::Model>)> {
    let (query, order) = search_query(f);
    let total = query.count(db).await?;
    let rows = order
        .offset(u64::from(page.max(1) - 1) * u64::from(page_size))
        .limit(u64::from(page_size))
        .all(db)
        .await?;
    Ok((total, rows))
}

/// The classes students are placed in (not archived) as (grade, class name, students), one row
/// per grade and class, in no particular order.
pub async fn classes<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(Option<i32>, Option<String>, i64)>> {
    Ok(student::Entity::find()
        .select_only()
        .column(student::Column::Grade)
        .column(student::Column::ClassName)
        .column_as(student::Column::Id.count(), "count")
        .filter(student::Column::Archived.eq(false))
        .filter(student::Column::ClassName.is_not_null())
        .filter(student::Column::Grade.is_not_null())
        .group_by(student::Column::Grade)
        .group_by(student::Column::ClassName)
        .into_tuple()
        .all(db)
        .await?)
}

/// Which students a batch (printing) takes.
#[derive(Clone, Debug, Default)]
pub struct Selection<'a> {
    pub grade: Option<i32>,
    pub class_name: Option<&'a str>,
    /// Status names; empty means any.
    pub statuses: &'a [String],
    pub include_archived: bool,
}

/// The ids a selection takes, by grade, class and name.
pub async fn select_ids<C: ConnectionTrait>(db: &C, f: &Selection<'_>) -> Result<Vec<i64>> {
    let mut q = student::Entity::find()
        .select_only()
        .column(student::Column::Id);
    if let Some(g) = f.grade {
        q = q.filter(student::Column::Grade.eq(g));
    }
    if let Some(c) = f.class_name {
        q = q.filter(student::Column::ClassName.eq(c));
    }
    if !f.statuses.is_empty() {
        q = q.filter(student::Column::Status.is_in(f.statuses.to_vec()));
    }
    if !f.include_archived {
        q = q.filter(student::Column::Archived.eq(false));
    }
    Ok(q.order_by_asc(student::Column::Grade)
        .order_by_asc(student::Column::ClassName)
        .order_by_asc(student::Column::NameSearch)
        .order_by_asc(student::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await?)
}

/// The students on roll (not archived), optionally of one grade and one class, by grade, class
/// and 学籍号.
pub async fn roster<C: ConnectionTrait>(
    db: &C,
    grade: Option<i32>,
    class_name: Option<&str>,
) -> Result<Vec<student::Model>> {
    let mut query = student::Entity::find().filter(student::Column::Archived.eq(false));
    if let Some(g) = grade {
        query = query.filter(student::Column::Grade.eq(g));
    }
    if let Some(c) = class_name {
        query = query.filter(student::Column::ClassName.eq(c));
    }
    Ok(query
        .order_by_asc(student::Column::Grade)
        .order_by_asc(student::Column::ClassName)
        .order_by_asc(student::Column::XuejiNumber)
        .order_by_asc(student::Column::Id)
        .all(db)
        .await?)
}

/// The ids of the records on the books: not archived and of none of the `read_only` statuses,
/// by id.
pub async fn on_the_books<C: ConnectionTrait>(db: &C, read_only: Vec<Status>) -> Result<Vec<i64>> {
    Ok(student::Entity::find()
        .select_only()
        .column(student::Column::Id)
        .filter(student::Column::Archived.eq(false))
        .filter(student::Column::Status.is_not_in(read_only))
        .order_by_asc(student::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// Migrant children (随迁子女) who dropped out (辍学), by grade: a migrant child by the record's
/// flag, by an opened R18.2 hand-over deadline, or by the dropout report.
pub async fn migrant_dropouts<C: ConnectionTrait>(db: &C) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Status.eq(Status::DroppedOut))
        .filter(
            Condition::any()
                .add(student::Column::MigrantChild.eq(true))
                .add(
                    student::Column::Id.in_subquery(
                        Query::select()
                            .column(deadline::Column::StudentId)
                            .from(deadline::Entity)
                            .and_where(
                                deadline::Column::Kind.eq(DeadlineKind::MigrantArchiveHandover),
                            )
                            .to_owned(),
                    ),
                )
                .add(
                    student::Column::Id.in_subquery(
                        Query::select()
                            .column(application::Column::StudentId)
                            .from(application::Entity)
                            .and_where(
                                application::Column::ChangeKind
                                    .eq(ApplicationKind::Change(ChangeKind::Dropout)),
                            )
                            .and_where(application::Column::Data.like("%\"migrant\":true%"))
                            .to_owned(),
                    ),
                ),
        )
        .order_by_asc(student::Column::Grade)
        .order_by_asc(student::Column::Id)
        .all(db)
        .await?)
}

/// Students on leave (not archived) whose leave ended before `today`, soonest ended first.
pub async fn leave_ended<C: ConnectionTrait>(
    db: &C,
    today: NaiveDate,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Status.eq(Status::OnLeave))
        .filter(student::Column::LeaveUntil.lt(today))
        .filter(student::Column::Archived.eq(false))
        .order_by_asc(student::Column::LeaveUntil)
        .all(db)
        .await?)
}

/// Records that ended in `statuses` in `grade` (e.g. 毕业 and 结业 in grade 6, for the 升学
/// hand-over, R9.1), by class then id.
pub async fn ended_in_grade<C: ConnectionTrait>(
    db: &C,
    statuses: Vec<Status>,
    grade: i32,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Status.is_in(statuses))
        .filter(student::Column::Grade.eq(grade))
        .order_by_asc(student::Column::ClassName)
        .order_by_asc(student::Column::Id)
        .all(db)
        .await?)
}
