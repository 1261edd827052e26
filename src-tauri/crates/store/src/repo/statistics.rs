//! The counts behind 统计: the statistics page and the statistics sheet of the data export read
//! the same functions, so the two can never disagree. Every count is one SQL aggregate (nothing
//! is loaded row by row), so they stay fast at 100,000 students. "On roll" means not archived
//! (R9.2); the counts by status cover every record. Nothing here is audited: the use case writes
//! one audit row for the page or the export.

use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait, Func, NullOrdering, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use xueji_domain::{ApplicationKind, Status};

use crate::entities::application::{self, ApplicationState};
use crate::entities::hardship_application::{self, HardshipState};
use crate::entities::student;
use crate::error::Result;

/// (grade, class name, students, males, females) as read.
type ClassRow = (Option<i32>, Option<String>, i64, i64, i64);

/// The six flag counts as read, in the order of `FlagCounts`.
type FlagRow = (i64, i64, i64, i64, i64, i64);

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// How many records have one status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusCount {
    pub status: Status,
    pub count: u64,
}

/// How many students on roll are in one grade.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradeCount {
    /// `None` for records without a grade.
    pub grade: Option<i32>,
    pub count: u64,
}

/// How many students on roll are in one class, and of those how many are male and female.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassCount {
    pub grade: Option<i32>,
    /// As stored: `None` (no class) and `Some("")` are separate groups.
    pub class_name: Option<String>,
    pub count: u64,
    /// Of `count`, stored as `male`.
    pub male: u64,
    /// Of `count`, stored as `female`.
    pub female: u64,
}

/// How many students on roll have one stored sex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SexCount {
    /// As stored (`male`, `female`, or whatever else a record holds).
    pub sex: String,
    pub count: u64,
}

/// How many students on roll carry each flag of the national data items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlagCounts {
    /// 随迁子女
    pub migrant_child: u64,
    /// 留守儿童
    pub left_behind: u64,
    /// 孤儿
    pub orphan: u64,
    /// 残疾: a disability kind that is not blank.
    pub disability: u64,
    /// 随班就读
    pub inclusive_placement: u64,
    /// 外籍
    pub foreign_national: u64,
}

/// How many applications of one kind, in one state, were opened on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationCount {
    pub kind: ApplicationKind,
    pub state: ApplicationState,
    pub opened_on: NaiveDate,
    pub count: u64,
}

/// Every record (archived ones included) counted by status, in the order of the stored names
/// (`deferred`, `dropped_out`, `enrolled` …); statuses no record has are left out.
pub async fn by_status<C: ConnectionTrait>(db: &C) -> Result<Vec<StatusCount>> {
    let rows: Vec<(Status, i64)> = student::Entity::find()
        .select_only()
        .column(student::Column::Status)
        .column_as(student::Column::Id.count(), "n")
        .group_by(student::Column::Status)
        .order_by_asc(student::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(status, n)| StatusCount {
            status,
            count: count(n),
        })
        .collect())
}

/// The students on roll counted by grade: no grade first, then by grade.
pub async fn on_roll_by_grade<C: ConnectionTrait>(db: &C) -> Result<Vec<GradeCount>> {
    let rows: Vec<(Option<i32>, i64)> = student::Entity::find()
        .select_only()
        .column(student::Column::Grade)
        .column_as(student::Column::Id.count(), "n")
        .filter(student::Column::Archived.eq(false))
        .group_by(student::Column::Grade)
        .order_by_with_nulls(student::Column::Grade, Order::Asc, NullOrdering::First)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(grade, n)| GradeCount {
            grade,
            count: count(n),
        })
        .collect())
}

/// The students on roll counted by grade and class as stored, with the males and females of
/// each: by grade, then by class name (no grade and no class first; names in byte order, so
/// `10班` before `2班` — a caller that wants another order sorts).
pub async fn on_roll_by_class<C: ConnectionTrait>(db: &C) -> Result<Vec<ClassCount>> {
    let of_sex =
        |sex: &str| -> Expr { Func::count(Expr::case(student::Column::Sex.eq(sex), 1)).into() };
    let rows: Vec<ClassRow> = student::Entity::find()
        .select_only()
        .column(student::Column::Grade)
        .column(student::Column::ClassName)
        .column_as(student::Column::Id.count(), "n")
        .column_as(of_sex("male"), "male")
        .column_as(of_sex("female"), "female")
        .filter(student::Column::Archived.eq(false))
        .group_by(student::Column::Grade)
        .group_by(student::Column::ClassName)
        .order_by_with_nulls(student::Column::Grade, Order::Asc, NullOrdering::First)
        .order_by_with_nulls(student::Column::ClassName, Order::Asc, NullOrdering::First)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(grade, class_name, n, male, female)| ClassCount {
            grade,
            class_name,
            count: count(n),
            male: count(male),
            female: count(female),
        })
        .collect())
}

/// The students on roll counted by their stored sex, in the order of the stored values.
pub async fn on_roll_by_sex<C: ConnectionTrait>(db: &C) -> Result<Vec<SexCount>> {
    let rows: Vec<(String, i64)> = student::Entity::find()
        .select_only()
        .column(student::Column::Sex)
        .column_as(student::Column::Id.count(), "n")
        .filter(student::Column::Archived.eq(false))
        .group_by(student::Column::Sex)
        .order_by_asc(student::Column::Sex)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(sex, n)| SexCount {
            sex,
            count: count(n),
        })
        .collect())
}

/// The students on roll with each flag, in one read of the table. A disability counts when the
/// kind is not blank (null, empty and spaces only are no disability).
pub async fn on_roll_flags<C: ConnectionTrait>(db: &C) -> Result<FlagCounts> {
    let with = |condition: Condition| -> Expr { Func::count(Expr::case(condition, 1)).into() };
    let flag = |column: student::Column| with(Condition::all().add(column.eq(true)));
    let disability = with(
        Condition::all()
            .add(student::Column::DisabilityKind.is_not_null())
            .add(ExprTrait::ne(
                Func::cust("trim").arg(Expr::col(student::Column::DisabilityKind)),
                "",
            )),
    );
    let row: Option<FlagRow> = student::Entity::find()
        .select_only()
        .column_as(flag(student::Column::MigrantChild), "migrant_child")
        .column_as(flag(student::Column::LeftBehind), "left_behind")
        .column_as(flag(student::Column::Orphan), "orphan")
        .column_as(disability, "disability")
        .column_as(
            flag(student::Column::InclusivePlacement),
            "inclusive_placement",
        )
        .column_as(flag(student::Column::ForeignNational), "foreign_national")
        .filter(student::Column::Archived.eq(false))
        .into_tuple()
        .one(db)
        .await?;
    Ok(
        row.map_or_else(FlagCounts::default, |(m, l, o, d, i, f)| FlagCounts {
            migrant_child: count(m),
            left_behind: count(l),
            orphan: count(o),
            disability: count(d),
            inclusive_placement: count(i),
            foreign_national: count(f),
        }),
    )
}

/// The students on roll recognised as in hardship (家庭经济困难, an effective assessment) for
/// the school year starting in `school_year`; a student with two such assessments counts once.
pub async fn recognised_hardship_students<C: ConnectionTrait>(
    db: &C,
    school_year: i32,
) -> Result<u64> {
    Ok(student::Entity::find()
        .filter(student::Column::Archived.eq(false))
        .filter(
            student::Column::Id.in_subquery(
                Query::select()
                    .column(hardship_application::Column::StudentId)
                    .from(hardship_application::Entity)
                    .and_where(hardship_application::Column::State.eq(HardshipState::Effective))
                    .and_where(hardship_application::Column::SchoolYear.eq(school_year))
                    .to_owned(),
            ),
        )
        .count(db)
        .await?)
}

/// Every application counted by kind, state and the day it was opened (in no particular order;
/// the caller groups the days into its periods).
pub async fn applications_by_kind_state_day<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<ApplicationCount>> {
    let rows: Vec<(ApplicationKind, ApplicationState, NaiveDate, i64)> =
        application::Entity::find()
            .select_only()
            .column(application::Column::ChangeKind)
            .column(application::Column::State)
            .column(application::Column::OpenedOn)
            .column_as(application::Column::Id.count(), "n")
            .group_by(application::Column::ChangeKind)
            .group_by(application::Column::State)
            .group_by(application::Column::OpenedOn)
            .into_tuple()
            .all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, state, opened_on, n)| ApplicationCount {
            kind,
            state,
            opened_on,
            count: count(n),
        })
        .collect())
}
