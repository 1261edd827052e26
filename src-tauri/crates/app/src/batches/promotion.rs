//! Year-end promotion (R12.1): every 在读 student moves up one grade into the new school year, at
//! most one grade per school year. The preview lists the counts per grade and every exception with
//! its reason and rule; the run promotes in ONE transaction with ONE audit row for the batch.
//!
//! The rule check stays per student in the domain (`engine::promotion_batch`). The writes are bulk:
//! `record::apply_effects` costs five statements per student, too slow for 100,000 students, so
//! the effects of a plain promotion (new grade, `GradeYear`, one event) are written with one
//! `UPDATE … WHERE id IN (…)` per (grade, year, date) group and multi-row inserts of the events and
//! history rows — the same rows the per-student path writes, without its per-student audit row
//! (the batch has one). A student whose effects hold anything else goes through
//! `record::apply_effects`.

use std::collections::{BTreeMap, HashMap};
use xueji_domain::rules;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use sea_orm::{Statement, Value};
use xueji_domain::effects::{Effects, Event, EventKind, RecordUpdate};
use xueji_domain::{ApplicationKind, Grade, SchoolYear, Status, StudyMode, engine};
use xueji_store::entities::{application, student};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record::{self, status_of};
use crate::views::{StatusView, grade_label, snake};

/// Ids per `IN (…)` list of an update.
const ID_CHUNK: usize = 10_000;
/// Page cache (KiB) during the batch, and the store's own setting (`connection.rs`).
const BATCH_CACHE_KIB: u32 = 262_144;
const STORE_CACHE_KIB: u32 = 65_536;
/// The history label of a promotion (what `record::apply_effects` would be given).
const LABEL: &str = "promote";

/// One grade's numbers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GradeCountView {
    pub grade: i32,
    pub grade_label: String,
    /// The grade they move into (empty for the last grade).
    pub next_grade_label: String,
    /// Students of this grade on the books (not archived, not transferred out or ended).
    pub students: u32,
    pub promoted: u32,
    pub exceptions: u32,
}

/// A student who is not promoted, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PromotionExceptionView {
    pub student_id: i64,
    pub name: String,
    pub grade: Option<i32>,
    pub grade_label: String,
    pub class_name: Option<String>,
    pub status: StatusView,
    /// `last_grade`, `not_enrolled`, `pending_application`, `already_in_year`, `refused`.
    pub kind: String,
    pub reason: String,
    pub rule: String,
}

/// What a promotion would do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PromotionPreview {
    /// Start year of the school year promoted into.
    pub into: i32,
    pub into_label: String,
    /// The effective date of the promotion (today).
    pub on: NaiveDate,
    pub grades: Vec<GradeCountView>,
    pub to_promote: u32,
    pub exceptions: Vec<PromotionExceptionView>,
}

/// What a promotion did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PromotionResult {
    pub into: i32,
    pub into_label: String,
    pub on: NaiveDate,
    pub promoted: u32,
    pub grades: Vec<GradeCountView>,
    pub exceptions: Vec<PromotionExceptionView>,
}

/// The decision for every student on the books.
struct Plan {
    promote: Vec<(student::Model, Effects)>,
    exceptions: Vec<PromotionExceptionView>,
    grades: Vec<GradeCountView>,
}

fn exception(
    m: &student::Model,
    kind: &str,
    reason: String,
    rule: String,
) -> PromotionExceptionView {
    PromotionExceptionView {
        student_id: m.id,
        name: m.name.clone(),
        grade: m.grade,
        grade_label: grade_label(m.grade),
        class_name: m.class_name.clone(),
        status: StatusView::from(m.status),
        kind: kind.to_owned(),
        reason,
        rule,
    }
}

/// Whether the effects are those of a plain promotion, which the bulk path writes.
fn is_plain(fx: &Effects) -> bool {
    fx.status.is_none()
        && fx.grade.is_some()
        && fx
            .updates
            .iter()
            .all(|u| matches!(u, RecordUpdate::GradeYear(_)))
        && fx.events.len() == 1
        && fx.deadlines.is_empty()
        && fx.archive.is_empty()
}

/// The values of the event row `record::apply_effects` writes for `e` (columns `EVENT_COLUMNS`).
fn event_values(student_id: i64, e: &Event, now: DateTime<Utc>, actor: &str) -> Vec<Value> {
    let kind = match e.kind {
        EventKind::Admitted => "admitted".to_owned(),
        EventKind::RecordCreated => "record_created".to_owned(),
        EventKind::Change(k) => snake(&k),
    };
    vec![
        student_id.into(),
        Option::<i64>::None.into(),
        kind.into(),
        e.on.into(),
        e.rule.as_str().to_owned().into(),
        snake(&e.status_before).into(),
        snake(&e.status_after).into(),
        i32::from(e.grade_before.number()).into(),
        i32::from(e.grade_after.number()).into(),
        e.summary.clone().into(),
        now.into(),
        actor.to_owned().into(),
    ]
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

/// The columns the plan reads: what the rules and the exception list need, not the whole row
/// (loading 100,000 full rows was the largest cost of the batch).
#[derive(Debug, sea_orm::FromQueryResult)]
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
    /// a row: `record::snapshot` and the exception view. Never written back.
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

impl App {
    /// Decides, student by student through the domain, who is promoted into `into`.
    async fn promotion_plan<D: ConnectionTrait>(&self, db: &D, into: i32) -> Result<Plan> {
        use student::Column as C;
        let config = self.config();
        let today = self.today();
        let ctx = config.ctx(today);
        let rows: Vec<student::Model> = student::Entity::find()
            .select_only()
            .columns([
                C::Id,
                C::Name,
                C::Status,
                C::Grade,
                C::GradeYear,
                C::ClassName,
                C::StudyMode,
                C::BirthDate,
                C::ForeignNational,
                C::LeaveUntil,
                C::DeferredFor,
                C::HoldSince,
                C::HoldJudgmentOn,
                C::LastChangeOn,
                C::AuxNumber,
            ])
            .filter(C::Archived.eq(false))
            .order_by_asc(C::Id)
            .into_model::<PlanRow>()
            .all(db)
            .await?
            .into_iter()
            .map(PlanRow::model)
            .collect();
        let pending: HashMap<i64, ApplicationKind> = application::Entity::find()
            .select_only()
            .column(application::Column::StudentId)
            .column(application::Column::ChangeKind)
            .filter(application::Column::State.eq(application::ApplicationState::Open))
            .filter(application::Column::StudentId.is_not_null())
            .into_tuple::<(Option<i64>, ApplicationKind)>()
            .all(db)
            .await?
            .into_iter()
            .filter_map(|(id, kind)| id.map(|id| (id, kind)))
            .collect();
        let mut exceptions = Vec::new();
        let mut candidates = Vec::new();
        let mut snapshots = Vec::new();
        for m in rows {
            let status = status_of(&m)?;
            if status.is_read_only() {
                continue;
            }
            if let Some(kind) = pending.get(&m.id) {
                let (label, rule) = kind.change().map_or_else(
                    || ("学籍变动".to_owned(), rules::R10_1.to_string()),
                    |k| (k.label_zh().to_owned(), k.rule().as_str().to_owned()),
                );
                exceptions.push(exception(
                    &m,
                    "pending_application",
                    format!("有未办结的{label}申请，办结后再办理升级"),
                    rule,
                ));
                continue;
            }
            snapshots.push(record::snapshot(&m, &config.profile, today)?);
            candidates.push(m);
        }
        let results = engine::promotion_batch(&ctx, &snapshots, SchoolYear(into), today);
        let mut promote = Vec::new();
        for ((m, snap), result) in candidates.into_iter().zip(&snapshots).zip(results) {
            match result {
                Ok(fx) => promote.push((m, fx)),
                Err(e) => {
                    let kind = if snap.status != Status::Enrolled {
                        "not_enrolled"
                    } else if snap.grade_year.start_year() >= into {
                        "already_in_year"
                    } else if config.school.is_last_grade(snap.grade) {
                        "last_grade"
                    } else {
                        "refused"
                    };
                    let e = AppError::from(e);
                    exceptions.push(exception(
                        &m,
                        kind,
                        e.message,
                        e.rule.map(|r| r.to_string()).unwrap_or_default(),
                    ));
                }
            }
        }
        exceptions.sort_by_key(|e| (e.grade, e.student_id));
        let mut grades: BTreeMap<i32, GradeCountView> = BTreeMap::new();
        for (m, _) in &promote {
            let g = grades_entry(&mut grades, m.grade, &config.school);
            g.students += 1;
            g.promoted += 1;
        }
        for e in &exceptions {
            let g = grades_entry(&mut grades, e.grade, &config.school);
            g.students += 1;
            g.exceptions += 1;
        }
        Ok(Plan {
            promote,
            exceptions,
            grades: grades.into_values().collect(),
        })
    }

    /// What promoting into school year `into` (its start year) would do (R12.1).
    pub async fn promotion_preview(
        &self,
        session: &Session,
        into: i32,
    ) -> Result<PromotionPreview> {
        self.authorize(session, Permission::RunBatches).await?;
        let plan = self.promotion_plan(self.db(), into).await?;
        Ok(PromotionPreview {
            into,
            into_label: SchoolYear(into).label_zh(),
            on: self.today(),
            to_promote: u32::try_from(plan.promote.len()).unwrap_or(u32::MAX),
            grades: plan.grades,
            exceptions: plan.exceptions,
        })
    }

    /// Promotes every 在读 student who is not an exception into school year `into` (R12.1), in one
    /// transaction with one audit row. A second run into the same year promotes nobody.
    pub async fn promotion_run(&self, session: &Session, into: i32) -> Result<PromotionResult> {
        self.authorize(session, Permission::RunBatches).await?;
        let actor = session.username.as_str();
        let now = self.now();
        let txn = self.db().begin().await?;
        let plan = self.promotion_plan(&txn, into).await?;
        // A whole school's rows, history and events are written in this one transaction: a page
        // cache large enough to hold them keeps SQLCipher from spilling (and encrypting) pages
        // twice. Back to the store's size before the commit.
        txn.execute_unprepared(&format!("PRAGMA cache_size = -{BATCH_CACHE_KIB}"))
            .await?;
        let promoted = u32::try_from(plan.promote.len()).unwrap_or(u32::MAX);
        let (bulk, single): (Vec<_>, Vec<_>) =
            plan.promote.into_iter().partition(|(_, fx)| is_plain(fx));
        write_plain(&txn, actor, now, bulk).await?;
        for (m, fx) in single {
            record::apply_effects(&txn, actor, m.id, None, &fx, LABEL, now).await?;
        }
        audit::append(
            &txn,
            actor,
            "promotion",
            &format!(
                "into:{into} promoted:{promoted} exceptions:{}",
                plan.exceptions.len()
            ),
        )
        .await?;
        txn.execute_unprepared(&format!("PRAGMA cache_size = -{STORE_CACHE_KIB}"))
            .await?;
        txn.commit().await?;
        Ok(PromotionResult {
            into,
            into_label: SchoolYear(into).label_zh(),
            on: self.today(),
            promoted,
            grades: plan.grades,
            exceptions: plan.exceptions,
        })
    }
}

fn grades_entry<'a>(
    grades: &'a mut BTreeMap<i32, GradeCountView>,
    grade: Option<i32>,
    school: &xueji_domain::School,
) -> &'a mut GradeCountView {
    let g = grade.unwrap_or(1);
    grades.entry(g).or_insert_with(|| {
        let next = u8::try_from(g)
            .ok()
            .and_then(|n| Grade::new(n).ok())
            .filter(|n| !school.is_last_grade(*n))
            .and_then(Grade::next);
        GradeCountView {
            grade: g,
            grade_label: grade_label(Some(g)),
            next_grade_label: next.map(|n| n.label_zh().to_owned()).unwrap_or_default(),
            students: 0,
            promoted: 0,
            exceptions: 0,
        }
    })
}

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

/// Writes plain promotions in bulk: the student rows as `students::update` would leave them
/// (grade, grade year, last change date, version + 1, `updated_at`), one history row (its
/// snapshot built by SQLite from the updated row) and one event per student. Students whose
/// effects are alike (same grade, year and event) are written by one statement of each kind.
async fn write_plain<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    now: DateTime<Utc>,
    plain: Vec<(student::Model, Effects)>,
) -> Result<()> {
    type Key = (i32, Option<i32>, NaiveDate, String);
    // `students::update` stamps rows with the wall clock; so does the bulk path (one stamp).
    let stamp = Utc::now();
    let mut groups: BTreeMap<Key, (Vec<Event>, Vec<i64>)> = BTreeMap::new();
    for (m, fx) in plain {
        let Some(grade) = fx.grade else { continue };
        let grade = i32::from(grade.number());
        let mut grade_year = m.grade_year;
        for u in &fx.updates {
            if let RecordUpdate::GradeYear(y) = u {
                grade_year = Some(y.start_year());
            }
        }
        let last = fx.events.iter().map(|e| e.on).max();
        let last_change_on = match (m.last_change_on, last) {
            (Some(d), Some(l)) => Some(Ord::max(d, l)),
            (d, l) => l.or(d),
        };
        let Some(last_change_on) = last_change_on else {
            continue;
        };
        let events_key = serde_json::to_string(&fx.events)?;
        groups
            .entry((grade, grade_year, last_change_on, events_key))
            .or_insert_with(|| (fx.events.clone(), Vec::new()))
            .1
            .push(m.id);
    }
    let snapshot = snapshot_sql();
    let backend = db.get_database_backend();
    for ((grade, grade_year, last_change_on, _), (events, ids)) in groups {
        for part in ids.chunks(ID_CHUNK) {
            student::Entity::update_many()
                .col_expr(student::Column::Grade, Expr::value(grade))
                .col_expr(student::Column::GradeYear, Expr::value(grade_year))
                .col_expr(student::Column::LastChangeOn, Expr::value(last_change_on))
                .col_expr(
                    student::Column::Version,
                    sea_orm::sea_query::ExprTrait::add(Expr::col(student::Column::Version), 1),
                )
                .col_expr(student::Column::UpdatedAt, Expr::value(stamp))
                .filter(student::Column::Id.is_in(part.to_vec()))
                .exec(db)
                .await?;
            let list = vec!["?"; part.len()].join(", ");
            let ids: Vec<Value> = part.iter().map(|id| Value::from(*id)).collect();
            let mut values: Vec<Value> = vec![
                stamp.into(),
                actor.to_owned().into(),
                LABEL.to_owned().into(),
            ];
            values.extend(ids.iter().cloned());
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "INSERT INTO student_history ({}) SELECT id, version, ?, ?, ?, {snapshot} \
                     FROM student WHERE id IN ({list}) ORDER BY id",
                    HISTORY_COLUMNS.join(", ")
                ),
                values,
            ))
            .await?;
            for e in &events {
                let mut values = event_values(0, e, now, actor);
                values.remove(0);
                values.extend(ids.iter().cloned());
                let params = vec!["?"; EVENT_COLUMNS.len() - 1].join(", ");
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
        }
    }
    Ok(())
}
