//! The year-end promotion's reads and bulk writes (R12.1). The rules are the domain's and the
//! decisions the use case's; here are the students the plan reads (only the columns the rules
//! need) and the writes of a group of students promoted alike: one `UPDATE`, one
//! `INSERT … SELECT` of history rows whose snapshot SQLite builds with `json_object` (the JSON
//! `serde_json` writes for `student::Model`) and one `INSERT … SELECT` of events per group —
//! the rows `students::update` and the per-student path would write, without a per-student audit
//! row (the batch has one). SQLite text where the query builder has no words for it
//! (`json_group_array`, `json_object`, `PRAGMA cache_size`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Statement, Value,
};

use xueji_domain::{ApplicationKind, Status, StudyMode};

use crate::entities::application::{self, ApplicationState};
use crate::entities::student;
use crate::error::{Result, StoreError};

/// Page cache (KiB) during a batch, and the store's own setting (`connection.rs`).
const BATCH_CACHE_KIB: u32 = 262_144;
const STORE_CACHE_KIB: u32 = 65_536;

/// The columns the plan reads: what the rules and the exception list need, not the whole row
/// (loading 100,000 full rows was the largest cost of the batch). Read from a JSON array of
/// arrays in this order (`PLAN_COLUMNS`).
#[derive(Debug, serde::Deserialize)]
struct PlanRow {
    id: i64,
    name: String,
    status: Status,
    grade: Option<i32>,
    grade_year: Option<i32>,
    class_name: Option<String>,
    study_mode: StudyMode,
    birth_date: NaiveDate,
    foreign_national: bool,
    leave_until: Option<NaiveDate>,
    deferred_for: Option<i32>,
    hold_since: Option<NaiveDate>,
    hold_judgment_on: Option<NaiveDate>,
    last_change_on: Option<NaiveDate>,
    aux_number: Option<String>,
}

impl PlanRow {
    /// A student row carrying the plan's columns (the others empty), for the functions that read
    /// a row (the rules' snapshot, the exception view). Never written back.
    fn model(self) -> student::Model {
        let epoch = DateTime::<Utc>::UNIX_EPOCH;
        student::Model {
            id: self.id,
            xueji_number: None,
            id_type: String::new(),
            id_number: String::new(),
            name: self.name,
            name_search: String::new(),
            name_initials: String::new(),
            former_name: None,
            sex: String::new(),
            birth_date: self.birth_date,
            ethnicity: String::new(),
            nationality: String::new(),
            hukou_kind: String::new(),
            hukou_address: String::new(),
            current_address: String::new(),
            migrant_child: false,
            left_behind: false,
            orphan: false,
            disability_kind: None,
            inclusive_placement: false,
            status: self.status,
            grade: self.grade,
            grade_year: self.grade_year,
            class_name: self.class_name,
            entry_date: None,
            stage_entry_date: None,
            photo_attachment_id: None,
            study_mode: self.study_mode,
            foreign_national: self.foreign_national,
            leave_until: self.leave_until,
            deferred_for: self.deferred_for,
            hold_since: self.hold_since,
            hold_judgment_on: self.hold_judgment_on,
            last_change_on: self.last_change_on,
            aux_number: self.aux_number,
            placed_elsewhere: None,
            compulsory_credit: 0,
            archived: false,
            version: 0,
            created_at: epoch,
            updated_at: epoch,
        }
    }
}

/// The columns of `PlanRow`, in its order, as SQLite writes them into JSON (the one boolean as
/// `true`/`false`, as it is read).
const PLAN_COLUMNS: [&str; 15] = [
    "id",
    "name",
    "status",
    "grade",
    "grade_year",
    "class_name",
    "study_mode",
    "birth_date",
    "json(CASE WHEN foreign_national THEN 'true' ELSE 'false' END)",
    "leave_until",
    "deferred_for",
    "hold_since",
    "hold_judgment_on",
    "last_change_on",
    "aux_number",
];

/// Every student not archived, by id, with the columns the promotion's rules and exception list
/// read (the other fields empty: never write these rows back).
///
/// SQLite hands the rows over as ONE JSON value (`json_group_array`): row by row, the driver's
/// cost per row (a message between threads, every value copied) was most of the plan's time at
/// 100,000 students. `NOT archived` rather than `archived = false`: the condition holds for
/// nearly every row, and an equality would let SQLite walk an `archived`-first list index and
/// look every row up out of order (2–3 times the time of reading the table in id order).
pub async fn plan_students<C: ConnectionTrait>(db: &C) -> Result<Vec<student::Model>> {
    let sql = format!(
        "SELECT json_group_array(json_array({})) AS rows FROM student WHERE NOT archived",
        PLAN_COLUMNS.join(", ")
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    let text: String = match row {
        Some(row) => row.try_get("", "rows")?,
        None => return Ok(Vec::new()),
    };
    let mut rows: Vec<PlanRow> =
        serde_json::from_str(&text).map_err(|e| StoreError::Database(e.to_string()))?;
    rows.sort_unstable_by_key(|r| r.id);
    Ok(rows.into_iter().map(PlanRow::model).collect())
}

/// The change kind of each student's open application (students with one; a transfer-in has no
/// student yet).
pub async fn open_application_kinds<C: ConnectionTrait>(
    db: &C,
) -> Result<HashMap<i64, ApplicationKind>> {
    Ok(application::Entity::find()
        .select_only()
        .column(application::Column::StudentId)
        .column(application::Column::ChangeKind)
        .filter(application::Column::State.eq(ApplicationState::Open))
        .filter(application::Column::StudentId.is_not_null())
        .into_tuple::<(Option<i64>, ApplicationKind)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(id, kind)| id.map(|id| (id, kind)))
        .collect())
}

/// A page cache large enough to hold a whole school's rows, history and events while a batch
/// writes them in one transaction (so SQLCipher does not spill and encrypt pages twice); `false`
/// sets the store's own size back (before the commit).
pub async fn batch_cache<C: ConnectionTrait>(db: &C, on: bool) -> Result<()> {
    let kib = if on { BATCH_CACHE_KIB } else { STORE_CACHE_KIB };
    db.execute_unprepared(&format!("PRAGMA cache_size = -{kib}"))
        .await?;
    Ok(())
}

/// An event row as `record::apply_effects` writes it, without its student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    pub kind: String,
    pub on: NaiveDate,
    pub rule: String,
    pub status_before: String,
    pub status_after: String,
    pub grade_before: i32,
    pub grade_after: i32,
    pub summary: String,
}

/// Students promoted alike: the same new grade, grade year, last change date and events.
#[derive(Clone, Debug)]
pub struct PromotedGroup<'a> {
    pub ids: &'a [i64],
    pub grade: i32,
    pub grade_year: Option<i32>,
    pub last_change_on: NaiveDate,
    pub events: &'a [EventRow],
}

/// Who writes, and when: `stamp` is the rows' `updated_at` and the history's `changed_at` (the
/// wall clock, as `students::update` stamps), `recorded_at` the events' time (the app's clock).
#[derive(Clone, Copy, Debug)]
pub struct Writer<'a> {
    pub actor: &'a str,
    /// The history rows' `change` label.
    pub label: &'a str,
    pub stamp: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
}

const EVENT_COLUMNS: [&str; 12] = [
    "student_id",
    "application_id",
    "kind",
    "on_date",
    "rule",
    "status_before",
    "status_after",
    "grade_before",
    "grade_after",
    "summary",
    "recorded_at",
    "recorded_by",
];

const HISTORY_COLUMNS: [&str; 6] = [
    "student_id",
    "version",
    "changed_at",
    "changed_by",
    "change",
    "snapshot",
];

/// The `json_object(…)` SQLite builds of a student row: the same JSON `serde_json` writes for
/// `student::Model` (booleans as `true`/`false`, dates and times as their stored ISO text), so a
/// history snapshot is made inside the database without loading the row.
fn snapshot_sql() -> String {
    use sea_orm::sea_query::ColumnType;
    use sea_orm::{IdenStatic, Iterable};
    let fields: Vec<String> = student::Column::iter()
        .map(|c| {
            let name = c.as_str();
            if matches!(c.def().get_column_type(), ColumnType::Boolean) {
                format!("'{name}', json(CASE WHEN {name} THEN 'true' ELSE 'false' END)")
            } else {
                format!("'{name}', {name}")
            }
        })
        .collect();
    format!("json_object({})", fields.join(", "))
}

/// Writes one group: the student rows as `students::update` would leave them (grade, grade
/// year, last change date, version + 1, `updated_at`), then one history row (its snapshot built
/// by SQLite from the updated row) and the events for each student, in id order. Pass at most
/// 10,000 ids (one bound variable each; SQLite allows 32,766 in a statement).
pub async fn promote_group<C: ConnectionTrait>(
    db: &C,
    writer: Writer<'_>,
    group: &PromotedGroup<'_>,
) -> Result<()> {
    student::Entity::update_many()
        .col_expr(student::Column::Grade, Expr::value(group.grade))
        .col_expr(student::Column::GradeYear, Expr::value(group.grade_year))
        .col_expr(
            student::Column::LastChangeOn,
            Expr::value(group.last_change_on),
        )
        .col_expr(
            student::Column::Version,
            Expr::col(student::Column::Version).add(1),
        )
        .col_expr(student::Column::UpdatedAt, Expr::value(writer.stamp))
        .filter(student::Column::Id.is_in(group.ids.iter().copied()))
        .exec(db)
        .await?;
    let backend = db.get_database_backend();
    let list = vec!["?"; group.ids.len()].join(", ");
    let ids: Vec<Value> = group.ids.iter().map(|id| Value::from(*id)).collect();
    let mut values: Vec<Value> = vec![
        writer.stamp.into(),
        writer.actor.to_owned().into(),
        writer.label.to_owned().into(),
    ];
    values.extend(ids.iter().cloned());
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "INSERT INTO student_history ({}) SELECT id, version, ?, ?, ?, {} \
             FROM student WHERE id IN ({list}) ORDER BY id",
            HISTORY_COLUMNS.join(", "),
            snapshot_sql()
        ),
        values,
    ))
    .await?;
    let params = vec!["?"; EVENT_COLUMNS.len() - 1].join(", ");
    for e in group.events {
        let mut values: Vec<Value> = vec![
            Option::<i64>::None.into(),
            e.kind.clone().into(),
            e.on.into(),
            e.rule.clone().into(),
            e.status_before.clone().into(),
            e.status_after.clone().into(),
            e.grade_before.into(),
            e.grade_after.into(),
            e.summary.clone().into(),
            writer.recorded_at.into(),
            writer.actor.to_owned().into(),
        ];
        values.extend(ids.iter().cloned());
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "INSERT INTO student_event ({}) SELECT id, {params} \
                 FROM student WHERE id IN ({list}) ORDER BY id",
                EVENT_COLUMNS.join(", ")
            ),
            values,
        ))
        .await?;
    }
    Ok(())
}
