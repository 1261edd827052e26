//! A stored student as the rules see it, and the one place where a change's effects are written:
//! status, grade, record updates, events, deadlines, archive actions, in the caller's
//! transaction, with the history row and the audit row (R5.1, R10.1, R30.1).

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use xueji_domain::AuditAction;
use xueji_domain::archive::ArchiveSection;
use xueji_domain::change::ChangeKind;
use xueji_domain::effects::{ArchiveAction, DeadlineKind, Effects, EventKind, RecordUpdate};
use xueji_domain::record::HoldFacts;
use xueji_domain::rules;
use xueji_domain::{AuxNumber, Grade, RuleProfile, SchoolYear, Status, StudentSnapshot, StudyMode};
use xueji_store::entities::{archive_item, sanction, student, student_event};
use xueji_store::repo::{archive_items, deadlines, events, sanctions, students};

use crate::error::{AppError, Result};
use crate::views::snake;

/// The status of a stored row.
pub fn status_of(m: &student::Model) -> Result<Status> {
    Ok(m.status)
}

/// The grade of a stored row (a record without a grade yet counts as grade 1).
pub fn grade_of(m: &student::Model) -> Grade {
    m.grade
        .and_then(|g| u8::try_from(g).ok())
        .and_then(|g| Grade::new(g).ok())
        .unwrap_or(Grade::FIRST)
}

/// What the rules read about a stored student.
pub fn snapshot(
    m: &student::Model,
    profile: &RuleProfile,
    today: NaiveDate,
) -> Result<StudentSnapshot> {
    Ok(StudentSnapshot {
        status: status_of(m)?,
        grade: grade_of(m),
        grade_year: m
            .grade_year
            .map_or_else(|| SchoolYear::containing(today), SchoolYear),
        study_mode: m.study_mode,
        birth_date: m.birth_date,
        foreign: m.foreign_national,
        leave_until: m.leave_until,
        deferred_for: m.deferred_for.map(SchoolYear),
        hold: m.hold_since.map(|since| HoldFacts {
            since,
            judgment_effective_on: m.hold_judgment_on,
        }),
        last_change_on: m.last_change_on,
        aux_number: m
            .aux_number
            .as_deref()
            .and_then(|a| AuxNumber::parse(a, &profile.aux_pattern).ok()),
        resident_id: m.id_type == RESIDENT_ID,
        placed_elsewhere: m.placed_elsewhere.clone(),
    })
}

/// The stored ID type of a resident ID card (居民身份证).
const RESIDENT_ID: &str = "resident_id";

/// Loads a student row or says it does not exist.
pub async fn load<C: ConnectionTrait>(db: &C, id: i64) -> Result<student::Model> {
    students::find(db, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("学生（编号 {id}）")))
}

/// Refuses any write to a record that is read-only here: ended (R9.2) or transferred out (R9.1).
pub fn ensure_writable(m: &student::Model) -> Result<()> {
    let status = status_of(m)?;
    if status == Status::TransferredOut {
        return Err(AppError::rule(
            rules::R9_1,
            "该生已转出，本校保留的学籍档案为只读备份，不能修改",
        ));
    }
    if status.is_ended() || m.archived {
        return Err(AppError::rule(
            rules::R9_2,
            format!(
                "该生学籍已{}，档案永久保存且只读，不能修改",
                status.label_zh()
            ),
        ));
    }
    Ok(())
}

/// The basic data fields a change may set (R11.1), and the key fields of R11.2.
fn set_field(m: &mut student::Model, field: &str, after: &str) -> Result<()> {
    let value = after.trim().to_owned();
    let opt = || (!value.is_empty()).then(|| value.clone());
    match field {
        "name" => m.name.clone_from(&value),
        "id_number" | "id_card_number" => m.id_number.clone_from(&value),
        "former_name" => m.former_name = opt(),
        "sex" => m.sex.clone_from(&value),
        "ethnicity" => m.ethnicity.clone_from(&value),
        "nationality" => m.nationality.clone_from(&value),
        "hukou_kind" => m.hukou_kind.clone_from(&value),
        "hukou_address" => m.hukou_address.clone_from(&value),
        "current_address" => m.current_address.clone_from(&value),
        "disability_kind" => m.disability_kind = opt(),
        "class_name" => m.class_name = opt(),
        "birth_date" => {
            m.birth_date = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                .map_err(|_| AppError::validation("birth_date", "出生日期格式应为 YYYY-MM-DD"))?;
        }
        "migrant_child" | "left_behind" | "orphan" | "inclusive_placement" => {
            let flag = matches!(value.as_str(), "是" | "true" | "1");
            match field {
                "migrant_child" => m.migrant_child = flag,
                "left_behind" => m.left_behind = flag,
                "orphan" => m.orphan = flag,
                _ => m.inclusive_placement = flag,
            }
        }
        other => {
            return Err(AppError::validation(
                "field",
                format!("不能通过信息变更修改该项：{other}"),
            ));
        }
    }
    Ok(())
}

/// The deadlines a change of this kind meets.
fn met_by(kind: ChangeKind) -> &'static [DeadlineKind] {
    use ChangeKind as C;
    use DeadlineKind as D;
    match kind {
        C::Resume | C::ExtendLeave => &[D::LeaveEnds],
        C::EndDeferral | C::RenewDeferral => &[D::DeferralEnds],
        C::LiftSanction => &[D::SanctionPeriodEnds],
        C::Death => &[D::DeathCancellation],
        _ => &[],
    }
}

/// Writes the effects of a change to student `id`, with its history and audit rows. `label` names
/// the change in the history (`leave`, `promote` …). Returns the saved row.
pub async fn apply_effects<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    id: i64,
    application_id: Option<i64>,
    fx: &Effects,
    label: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<student::Model> {
    let current = load(db, id).await?;
    let mut edited = current.clone();
    if let Some(status) = fx.status {
        edited.status = status;
    }
    if let Some(grade) = fx.grade {
        edited.grade = Some(i32::from(grade.number()));
    }
    let mut sanctions_to_add = Vec::new();
    let mut sanctions_to_lift = Vec::new();
    let mut awards = Vec::new();
    for update in &fx.updates {
        match update {
            RecordUpdate::GradeYear(y) => edited.grade_year = Some(y.start_year()),
            RecordUpdate::LeaveUntil(d) => edited.leave_until = Some(*d),
            RecordUpdate::ClearLeave => edited.leave_until = None,
            RecordUpdate::DeferredFor(y) => edited.deferred_for = Some(y.start_year()),
            RecordUpdate::ClearDeferral => edited.deferred_for = None,
            RecordUpdate::CreditCompulsoryYears(n) => edited.compulsory_credit += i32::from(*n),
            RecordUpdate::PlacedElsewhere { place } => {
                edited.placed_elsewhere = Some(place.clone());
            }
            RecordUpdate::ClearPlacement => edited.placed_elsewhere = None,
            RecordUpdate::StudyMode(mode) => {
                edited.study_mode = *mode;
                edited.inclusive_placement = *mode == StudyMode::Inclusive;
            }
            RecordUpdate::AddSanction(s) => sanctions_to_add.push(s.clone()),
            RecordUpdate::LiftSanction { decided_on } => sanctions_to_lift.push(*decided_on),
            RecordUpdate::SetField { field, after, .. } => set_field(&mut edited, field, after)?,
            RecordUpdate::NewXuejiNumber(x) => edited.xueji_number = Some(x.clone()),
            RecordUpdate::IdentityFromIdCard { birth_date, sex } => {
                edited.birth_date = *birth_date;
                edited.sex = xueji_domain::stored::text(sex);
                RESIDENT_ID.clone_into(&mut edited.id_type);
            }
            RecordUpdate::Hold(h) => {
                edited.hold_since = Some(h.since);
                edited.hold_judgment_on = h.judgment_effective_on;
            }
            RecordUpdate::ClearHold => {
                edited.hold_since = None;
                edited.hold_judgment_on = None;
            }
            RecordUpdate::AddAward(a) => awards.push(a.clone()),
        }
    }
    if let Some(last) = fx.events.iter().map(|e| e.on).max() {
        edited.last_change_on = Some(edited.last_change_on.map_or(last, |d| d.max(last)));
    }
    let mut purge = false;
    for action in &fx.archive {
        match action {
            ArchiveAction::ArchivePermanently | ArchiveAction::KeepReadOnlyCopy => {
                edited.archived = true;
            }
            ArchiveAction::PurgeSanctions => purge = true,
            ArchiveAction::SendToReceivingSchool | ArchiveAction::Continue => {}
        }
    }
    let saved = students::update(db, actor, id, label, move |m| *m = edited).await?;
    for s in sanctions_to_add {
        sanctions::insert(
            db,
            sanction::Model {
                id: 0,
                student_id: id,
                level: s.level,
                reason: String::new(),
                decided_on: s.decided_on,
                period_ends: s.period_ends,
                shortened_reason: s.shortened_reason.clone(),
                lifted_on: None,
                application_id,
            },
        )
        .await?;
    }
    let today = fx
        .events
        .iter()
        .map(|e| e.on)
        .max()
        .unwrap_or_else(|| now.date_naive());
    for decided_on in sanctions_to_lift {
        sanctions::lift(db, id, decided_on, today).await?;
    }
    for a in awards {
        archive_items::insert(
            db,
            archive_item::Model {
                id: 0,
                student_id: id,
                section: ArchiveSection::Awards,
                kind: snake(&a.level),
                title: a.title.clone(),
                recorded_on: a.awarded_on,
                content: serde_json::to_string(&a)?,
                attachment_id: None,
                created_at: now,
                created_by: actor.to_owned(),
            },
        )
        .await?;
    }
    if purge {
        // R23.3: every discipline record goes; the audit keeps the counts, never the content.
        let purged = xueji_store::repo::purge::discipline(db, id, now, actor).await?;
        crate::audit::append(
            db,
            actor,
            AuditAction::PurgeSanctions,
            &purged.audit_target(id),
        )
        .await?;
    }
    for e in &fx.events {
        let kind = match e.kind {
            EventKind::Admitted => "admitted".to_owned(),
            EventKind::RecordCreated => "record_created".to_owned(),
            EventKind::Change(k) => snake(&k),
        };
        events::insert(
            db,
            student_event::Model {
                id: 0,
                student_id: id,
                application_id,
                kind,
                on_date: e.on,
                rule: e.rule.as_str().to_owned(),
                status_before: e.status_before,
                status_after: e.status_after,
                grade_before: i32::from(e.grade_before.number()),
                grade_after: i32::from(e.grade_after.number()),
                summary: e.summary.clone(),
                recorded_at: now,
                recorded_by: actor.to_owned(),
            },
        )
        .await?;
        if let EventKind::Change(kind) = e.kind {
            close_deadlines(db, id, met_by(kind), e.on).await?;
        }
    }
    if status_of(&saved)?.is_read_only() {
        // Nothing more is due for a record that ended or left, except the dropout report and
        // the migrant archive hand-over, which outlive the status.
        let ended: Vec<_> = deadlines::open_of_student(db, id)
            .await?
            .into_iter()
            .filter(|d| {
                !matches!(
                    d.kind,
                    DeadlineKind::DropoutReport | DeadlineKind::MigrantArchiveHandover
                )
            })
            .collect();
        deadlines::close(db, ended, today).await?;
    }
    // A deadline the change itself meets (approving a death is the cancellation R19.1 asks
    // for) is recorded as met, not left open. Other deadlines a change sets are new duties.
    let met: Vec<DeadlineKind> = fx
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Change(ChangeKind::Death) => Some(&[DeadlineKind::DeathCancellation][..]),
            _ => None,
        })
        .flatten()
        .copied()
        .collect();
    for d in &fx.deadlines {
        crate::calendar::insert_deadline(
            db,
            id,
            application_id,
            d,
            met.contains(&d.kind).then_some(today),
        )
        .await?;
    }
    Ok(saved)
}

/// Marks a student's open deadlines of these kinds as met on `on`.
pub async fn close_deadlines<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    kinds: &[DeadlineKind],
    on: NaiveDate,
) -> Result<()> {
    if kinds.is_empty() {
        return Ok(());
    }
    let open = deadlines::open_of_kinds(db, student_id, kinds).await?;
    deadlines::close(db, open, on).await?;
    Ok(())
}
