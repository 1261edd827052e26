//! Year-end promotion (R12.1): every 在读 student moves up one grade into the new school year, at
//! most one grade per school year. The preview lists the counts per grade and every exception with
//! its reason and rule; the run promotes in ONE transaction with ONE audit row for the batch.
//!
//! The rule check stays per student in the domain (`engine::promotion_batch`). The writes are bulk:
//! `record::apply_effects` costs five statements per student, too slow for 100,000 students, so
//! the effects of a plain promotion (new grade, `GradeYear`, one event) are written by
//! `repo::promotion::promote_group` — one `UPDATE … WHERE id IN (…)` per (grade, year, date)
//! group and `INSERT … SELECT`s of the history rows and events: the same rows the per-student path
//! writes, without its per-student audit row (the batch has one). A student whose effects hold
//! anything else goes through `record::apply_effects`.

use std::collections::BTreeMap;
use xueji_domain::AuditAction;
use xueji_domain::rules;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::effects::{Effects, Event, EventKind, RecordUpdate};
use xueji_domain::{Grade, SchoolYear, Status, engine};
use xueji_store::entities::student;
use xueji_store::repo::promotion::{self as repo, EventRow, PromotedGroup, Writer};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record::{self, status_of};
use crate::views::{StatusView, grade_label, snake};

/// Ids per `IN (…)` list of an update.
const ID_CHUNK: usize = 10_000;
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

/// The event row `record::apply_effects` writes for `e`.
fn event_row(e: &Event) -> EventRow {
    let kind = match e.kind {
        EventKind::Admitted => "admitted".to_owned(),
        EventKind::RecordCreated => "record_created".to_owned(),
        EventKind::Change(k) => snake(&k),
    };
    EventRow {
        kind,
        on: e.on,
        rule: e.rule.as_str().to_owned(),
        status_before: snake(&e.status_before),
        status_after: snake(&e.status_after),
        grade_before: i32::from(e.grade_before.number()),
        grade_after: i32::from(e.grade_after.number()),
        summary: e.summary.clone(),
    }
}

impl App {
    /// Decides, student by student through the domain, who is promoted into `into`.
    async fn promotion_plan<D: ConnectionTrait>(&self, db: &D, into: i32) -> Result<Plan> {
        let config = self.config();
        let today = self.today();
        let ctx = config.ctx(today);
        let rows = repo::plan_students(db).await?;
        let pending = repo::open_application_kinds(db).await?;
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
        // The exceptions are named on the page: who was seen is recorded (R30.1).
        crate::audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!(
                "promotion_preview into:{into} {}",
                crate::audit::seen(plan.exceptions.iter().map(|e| e.student_id))
            ),
        )
        .await?;
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
        repo::batch_cache(&txn, true).await?;
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
            AuditAction::Promotion,
            &format!(
                "into:{into} promoted:{promoted} exceptions:{}",
                plan.exceptions.len()
            ),
        )
        .await?;
        repo::batch_cache(&txn, false).await?;
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

/// Writes plain promotions in bulk: students whose effects are alike (same grade, year and
/// event) are written together by `repo::promotion::promote_group`, `ID_CHUNK` at a time.
async fn write_plain<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    now: DateTime<Utc>,
    plain: Vec<(student::Model, Effects)>,
) -> Result<()> {
    type Key = (i32, Option<i32>, NaiveDate, String);
    // `students::update` stamps rows with the wall clock; so does the bulk path (one stamp).
    let writer = Writer {
        actor,
        label: LABEL,
        stamp: Utc::now(),
        recorded_at: now,
    };
    let mut groups: BTreeMap<Key, (Vec<EventRow>, Vec<i64>)> = BTreeMap::new();
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
            .or_insert_with(|| (fx.events.iter().map(event_row).collect(), Vec::new()))
            .1
            .push(m.id);
    }
    for ((grade, grade_year, last_change_on, _), (events, ids)) in groups {
        for part in ids.chunks(ID_CHUNK) {
            let group = PromotedGroup {
                ids: part,
                grade,
                grade_year,
                last_change_on,
                events: &events,
            };
            repo::promote_group(db, writer, &group).await?;
        }
    }
    Ok(())
}
