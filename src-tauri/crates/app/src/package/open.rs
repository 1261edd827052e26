//! Inspecting and importing a package received from another school: a transfer continues in its
//! grade (R13.4), a whole-school archive keeps every record as it was (R9.3), a migrant dropout
//! hand-over is kept read-only (R18.2). One student one record (R7.2): a package holding anyone
//! who already has a record here is refused whole.

use std::collections::HashMap;
use xueji_domain::AuditAction;
use xueji_domain::{Status, progression, rules};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{DatabaseTransaction, TransactionTrait};
use xueji_store::entities::{
    application, application_step, archive_item, attachment, family_member, sanction, student,
    student_event, student_history,
};
use xueji_store::repo::{
    applications, archive_items, attachments, events, family, sanctions, students,
};

use super::format::{PackageKind, Payload, StudentArchive, open};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

/// One student in a verified package.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageStudentView {
    pub name: String,
    /// 学籍号
    pub xueji_number: Option<String>,
    pub grade: Option<i32>,
    /// Status at the sending school.
    pub status: xueji_domain::Status,
    pub events: u32,
    pub applications: u32,
    pub sanctions: u32,
    pub archive_items: u32,
    pub attachments: u32,
    /// Set when a record with this ID number (or 学籍号) already exists here (R7.2).
    pub existing_student_id: Option<i64>,
}

/// What a verified package holds, shown before import.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageView {
    /// The trusted sender's id and name in our list.
    pub sender_id: i64,
    pub sender_name: String,
    /// The sender's own identifier (code or name) from the signed payload.
    pub sender_school: String,
    pub created_at: DateTime<Utc>,
    pub kind: PackageKind,
    pub kind_label: String,
    pub students: Vec<PackageStudentView>,
}

impl PackageView {
    /// Students in the package who already have a record here.
    pub fn existing(&self) -> impl Iterator<Item = i64> + '_ {
        self.students.iter().filter_map(|s| s.existing_student_id)
    }
}

/// The records created by an import.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageImportView {
    pub student_ids: Vec<i64>,
    pub package: PackageView,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How an imported record continues here.
struct Arrival<'a> {
    kind: PackageKind,
    sender: &'a str,
    actor: &'a str,
    now: DateTime<Utc>,
    today: NaiveDate,
}

impl App {
    async fn open_package(
        &self,
        session: &Session,
        bytes: &[u8],
    ) -> Result<(Payload, PackageView)> {
        let txn = self.db().begin().await?;
        let own = self.own_keys(&txn).await?;
        let trusted = Self::trusted(&txn).await?;
        txn.commit().await?;
        let (p, sender) = match open(bytes, &own, &trusted) {
            Ok(opened) => opened,
            Err(e) => {
                // A refused package is attributable like any other action (R30.1).
                audit::record(
                    self.db(),
                    &session.username,
                    AuditAction::PackageRefused,
                    &format!("{}:{}", e.kind_name(), e.message),
                )
                .await?;
                return Err(e);
            }
        };
        let mut students = Vec::with_capacity(p.records.len());
        for r in &p.records {
            students.push(PackageStudentView {
                name: r.student.name.clone(),
                xueji_number: r.student.xueji_number.clone(),
                grade: r.student.grade,
                status: r.student.status,
                events: count(r.events.len()),
                applications: count(r.applications.len()),
                sanctions: count(r.sanctions.len()),
                archive_items: count(r.archive_items.len()),
                attachments: count(r.attachments.len()),
                existing_student_id: self.existing(&r.student).await?,
            });
        }
        let view = PackageView {
            sender_id: sender.id,
            sender_name: sender.name.clone(),
            sender_school: p.sender.school.clone(),
            created_at: p.created_at,
            kind: p.kind,
            kind_label: p.kind.label_zh().to_owned(),
            students,
        };
        Ok((p, view))
    }

    async fn existing(&self, s: &student::Model) -> Result<Option<i64>> {
        Ok(
            students::first_with_numbers(
                self.db(),
                s.id_number.as_str(),
                s.xueji_number.as_deref(),
            )
            .await?
            .map(|m| m.id),
        )
    }

    /// Decrypts and verifies a package and shows what it holds. Refuses a damaged or altered
    /// package, one signed by a school we do not trust, or one addressed to another school.
    pub async fn package_inspect(&self, session: &Session, bytes: &[u8]) -> Result<PackageView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let (_, view) = self.open_package(session, bytes).await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::PackageInspect,
            &format!(
                "{} students:{} from trusted_school:{}",
                view.kind.rule(),
                view.students.len(),
                view.sender_id
            ),
        )
        .await?;
        Ok(view)
    }

    /// Imports a verified package in one transaction: each record with its history,
    /// applications, sanctions, archive items and attachments. Refused whole if anyone in it
    /// already has a record here (R7.2).
    pub async fn package_import(
        &self,
        session: &Session,
        bytes: &[u8],
    ) -> Result<PackageImportView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let (p, view) = self.open_package(session, bytes).await?;
        let existing: Vec<String> = view.existing().map(|id| id.to_string()).collect();
        if !existing.is_empty() {
            return Err(AppError::rule(
                rules::R7_2,
                format!(
                    "本校已有包中 {} 名学生的学籍（学生编号 {}），一人只能有一个学籍，整包未导入",
                    existing.len(),
                    existing.join("、")
                ),
            ));
        }
        if p.kind == PackageKind::Progression {
            progression::check_receiving(self.config().school_profile.school()?.kind)?;
        }
        if p.kind == PackageKind::Transfer && p.records.len() != 1 {
            return Err(AppError::validation(
                "package",
                "转学包应只含一名学生，该文件不符合格式，已拒绝",
            ));
        }
        let arrival = Arrival {
            kind: p.kind,
            sender: &view.sender_name,
            actor: session.username.as_str(),
            now: self.now(),
            today: self.today(),
        };
        let txn = self.db().begin().await?;
        let mut ids = Vec::with_capacity(p.records.len());
        for r in &p.records {
            ids.push(insert_archive(&txn, r, &arrival).await?);
        }
        audit::append(
            &txn,
            arrival.actor,
            AuditAction::PackageImport,
            &format!(
                "{} students:{} first:{} from trusted_school:{}",
                p.kind.rule(),
                ids.len(),
                ids.first().copied().unwrap_or_default(),
                view.sender_id
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(PackageImportView {
            student_ids: ids,
            package: view,
        })
    }
}

/// Inserts one student's archive with new ids, keeping every link between its rows, and the
/// arrival event. Returns the new student id.
async fn insert_archive(
    txn: &DatabaseTransaction,
    r: &StudentArchive,
    arrival: &Arrival<'_>,
) -> Result<i64> {
    let src = &r.student;
    let mut row = student::Model {
        id: 0,
        version: 1,
        created_at: arrival.now,
        updated_at: arrival.now,
        ..src.clone()
    };
    // The sender's file id means nothing here: set once the photo's copy exists.
    row.photo_attachment_id = None;
    let (status_after, event_kind, summary) = match arrival.kind {
        PackageKind::Transfer => {
            // R13.4: the grade stays; the class is this school's to assign.
            row.status = Status::Enrolled;
            row.class_name = None;
            row.archived = false;
            row.leave_until = None;
            row.hold_since = None;
            row.hold_judgment_on = None;
            row.last_change_on = Some(arrival.today);
            // R24.1: the certificate prints the first entry into the stage, at the sender.
            row.stage_entry_date = src.stage_entry_date.or(src.entry_date);
            (
                Status::Enrolled,
                "transfer_in",
                format!("由{}转入（转学包导入），原年级续读", arrival.sender),
            )
        }
        PackageKind::SchoolArchive => (
            src.status,
            "archive_received",
            format!("由{}整体移交（学校合并或撤销）", arrival.sender),
        ),
        PackageKind::Progression => {
            // R9.1: a primary graduate continues in grade 7 here; the junior stage starts on the
            // 1 September after graduation. The class is this school's to assign.
            row.status = Status::Enrolled;
            row.grade = Some(i32::from(progression::JUNIOR_FIRST_GRADE));
            let entry = progression::junior_entry(arrival.today);
            row.grade_year = Some(xueji_domain::SchoolYear::containing(entry).start_year());
            row.class_name = None;
            row.archived = false;
            row.leave_until = None;
            row.hold_since = None;
            row.hold_judgment_on = None;
            row.entry_date = Some(entry);
            // R24.1: the junior stage starts here.
            row.stage_entry_date = Some(entry);
            row.last_change_on = Some(arrival.today);
            (
                Status::Enrolled,
                "progression_in",
                format!(
                    "由{}小学毕业升入本校七年级（升学档案包导入）",
                    arrival.sender
                ),
            )
        }
        PackageKind::MigrantHandover => {
            // Kept, never continued here: read-only.
            row.archived = true;
            (
                src.status,
                "archive_received",
                format!("由{}移交的随迁子女辍学学籍档案", arrival.sender),
            )
        }
    };
    let s = students::insert_received(txn, row).await?;
    let id = s.id;
    let grade_after = s.grade.unwrap_or(0);
    students::add_history(
        txn,
        student_history::Model {
            id: 0,
            student_id: id,
            version: s.version,
            changed_at: arrival.now,
            changed_by: arrival.actor.to_owned(),
            change: event_kind.to_owned(),
            snapshot: serde_json::to_string(&s)?,
        },
    )
    .await?;
    for f in &r.family {
        family::insert(
            txn,
            family_member::Model {
                id: 0,
                student_id: id,
                ..f.clone()
            },
        )
        .await?;
    }
    let mut apps: HashMap<i64, i64> = HashMap::new();
    for e in &r.applications {
        let a = application::Model {
            id: 0,
            student_id: Some(id),
            ..e.application.clone()
        };
        let m = applications::insert_received(txn, a).await?;
        apps.insert(e.application.id, m.id);
    }
    let app_of = |old: Option<i64>| old.and_then(|o| apps.get(&o).copied());
    let mut files: HashMap<i64, i64> = HashMap::new();
    for f in &r.attachments {
        let a = attachment::Model {
            id: 0,
            student_id: f.student_id.map(|_| id),
            application_id: app_of(f.application_id),
            ..f.clone()
        };
        let m = attachments::insert(txn, a).await?;
        files.insert(f.id, m.id);
    }
    let file_of = |old: Option<i64>| old.and_then(|o| files.get(&o).copied());
    // The photo is one of the files: point the record at its copy here.
    if let Some(photo) = file_of(src.photo_attachment_id) {
        students::set_photo(txn, id, photo).await?;
    }
    for e in &r.applications {
        for st in &e.steps {
            let a = application_step::Model {
                id: 0,
                application_id: apps[&e.application.id],
                attachment_id: file_of(st.attachment_id),
                ..st.clone()
            };
            applications::insert_step_received(txn, a).await?;
        }
    }
    for e in &r.events {
        let a = student_event::Model {
            id: 0,
            student_id: id,
            application_id: app_of(e.application_id),
            ..e.clone()
        };
        events::insert(txn, a).await?;
    }
    for x in &r.sanctions {
        let a = sanction::Model {
            id: 0,
            student_id: id,
            application_id: app_of(x.application_id),
            ..x.clone()
        };
        sanctions::insert(txn, a).await?;
    }
    for x in &r.archive_items {
        let a = archive_item::Model {
            id: 0,
            student_id: id,
            attachment_id: file_of(x.attachment_id),
            ..x.clone()
        };
        archive_items::insert(txn, a).await?;
    }
    let grade = src.grade.unwrap_or(0);
    events::insert(
        txn,
        student_event::Model {
            id: 0,
            student_id: id,
            application_id: None,
            kind: event_kind.to_owned(),
            on_date: arrival.today,
            rule: arrival.kind.rule().to_string(),
            status_before: src.status,
            status_after,
            grade_before: grade,
            grade_after,
            summary,
            recorded_at: arrival.now,
            recorded_by: arrival.actor.to_owned(),
        },
    )
    .await?;
    Ok(id)
}
