//! Making packages: one student after a completed transfer out (R7.3, R9.1), the whole school for
//! a merger or dissolution (R9.3), and the semester-end hand-over of migrant children's dropout
//! archives (R18.2). Each is signed by this school and encrypted to one trusted receiver.

use sea_orm::{ConnectionTrait, DatabaseTransaction, TransactionTrait};
use xueji_domain::effects::DeadlineKind;
use xueji_domain::security::Disclosure;
use xueji_domain::{AuditAction, Status, rules};
use xueji_store::entities::{student, student_event};
use xueji_store::repo::{
    applications, archive_items, attachments, events, family, sanctions, student_lists, students,
};

use super::format::{ApplicationEntry, FORMAT, PackageKind, Payload, StudentArchive, seal};
use super::keys::Trusted;
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::disclosure::{self, ApprovalInput};
use crate::error::{AppError, Result};
use crate::record::close_deadlines;

/// The event that marks a migrant dropout's archive as handed over (R18.2).
pub const HANDED_OVER: &str = "archive_handed_over";

/// A migrant child (随迁子女) who dropped out, for the semester-end hand-over list (R18.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MigrantDropoutView {
    pub student_id: i64,
    pub name: String,
    pub xueji_number: Option<String>,
    pub grade: Option<i32>,
    /// 户口所在地: where the archive goes.
    pub hukou_address: String,
    /// When the archive was handed over, if it was.
    pub handed_over_on: Option<chrono::NaiveDate>,
}

/// The printed 随迁子女辍学学籍档案移交清单 (R18.2).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MigrantListInput {
    /// Migrant dropouts from [`App::migrant_dropouts`]; all those not yet handed over when empty.
    #[serde(default)]
    pub student_ids: Vec<i64>,
    /// The county bureau of household registration, as its name is written.
    pub receiver: String,
}

/// Reads one student's whole archive.
pub(crate) async fn collect<C: ConnectionTrait>(
    db: &C,
    s: student::Model,
) -> Result<StudentArchive> {
    let student_id = s.id;
    let family = family::of_student(db, student_id).await?;
    let events = events::of_student_in_id_order(db, student_id).await?;
    let apps = applications::of_student_in_id_order(db, student_id).await?;
    let app_ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
    let mut steps = applications::steps_of_many(db, app_ids.clone()).await?;
    let applications = apps
        .into_iter()
        .map(|a| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                steps.drain(..).partition(|s| s.application_id == a.id);
            steps = rest;
            ApplicationEntry {
                application: a,
                steps: mine,
            }
        })
        .collect();
    let sanctions = sanctions::of_student_in_id_order(db, student_id).await?;
    let archive_items = archive_items::of_student_in_id_order(db, student_id).await?;
    let attachments = attachments::of_student_or_applications(db, student_id, app_ids).await?;
    Ok(StudentArchive {
        student: s,
        family,
        events,
        applications,
        sanctions,
        archive_items,
        attachments,
    })
}

impl App {
    pub(super) async fn receiver(&self, to_school: i64) -> Result<Trusted> {
        Self::trusted(self.db())
            .await?
            .into_iter()
            .find(|t| t.id == to_school)
            .ok_or_else(|| AppError::not_found(format!("信任学校（编号 {to_school}）")))
    }

    /// Records that the archives of `rows` went (R9.1 升学, R18.2 随迁子女辍学): an event each, and
    /// the migrant hand-over deadline closed.
    pub(super) async fn record_hand_over(
        &self,
        txn: &DatabaseTransaction,
        session: &Session,
        kind: PackageKind,
        rows: &[&student::Model],
        summary: &str,
    ) -> Result<()> {
        let (now, today) = (self.now(), self.today());
        for s in rows {
            let grade = s.grade.unwrap_or(0);
            events::insert(
                txn,
                student_event::Model {
                    id: 0,
                    student_id: s.id,
                    application_id: None,
                    kind: HANDED_OVER.to_owned(),
                    on_date: today,
                    rule: kind.rule().to_string(),
                    status_before: s.status,
                    status_after: s.status,
                    grade_before: grade,
                    grade_after: grade,
                    summary: summary.to_owned(),
                    recorded_at: now,
                    recorded_by: session.username.clone(),
                },
            )
            .await?;
            if kind == PackageKind::MigrantHandover {
                close_deadlines(txn, s.id, &[DeadlineKind::MigrantArchiveHandover], today).await?;
            }
        }
        Ok(())
    }

    /// Signs and encrypts `records` for `receiver`, with the audit row (and, for a hand-over,
    /// each record's hand-over event), in one transaction.
    pub(super) async fn seal_package(
        &self,
        session: &Session,
        kind: PackageKind,
        receiver: &Trusted,
        records: Vec<StudentArchive>,
        target: &str,
    ) -> Result<Vec<u8>> {
        let txn = self.db().begin().await?;
        if matches!(
            kind,
            PackageKind::MigrantHandover | PackageKind::Progression
        ) {
            let summary = match kind {
                PackageKind::Progression => format!("学籍档案已移交升入学校{}", receiver.name),
                _ => format!("学籍档案已移交{}", receiver.name),
            };
            let rows: Vec<&student::Model> = records.iter().map(|r| &r.student).collect();
            self.record_hand_over(&txn, session, kind, &rows, &summary)
                .await?;
        }
        let own = self.own_keys(&txn).await?;
        let payload = Payload {
            format: FORMAT.to_owned(),
            kind,
            sender: own.public.clone(),
            receiver: receiver.keys.clone(),
            created_at: self.now(),
            records,
        };
        let bytes = seal(&payload, &own, &receiver.keys)?;
        audit::append(
            &txn,
            &session.username,
            kind.audit_action(),
            &format!("{target} to trusted_school:{}", receiver.id),
        )
        .await?;
        txn.commit().await?;
        Ok(bytes)
    }

    /// Produces the signed, encrypted package of `student_id`'s whole archive for the trusted
    /// school `to_school`. Only for a completed transfer out (status transferred_out, R7.3); this
    /// school keeps its read-only copy (R9.1).
    pub async fn package_create(
        &self,
        session: &Session,
        student_id: i64,
        to_school: i64,
    ) -> Result<Vec<u8>> {
        self.authorize(session, Permission::ManageSettings).await?;
        let receiver = self.receiver(to_school).await?;
        let s = students::find(self.db(), student_id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("学生编号 {student_id}")))?;
        if s.status != Status::TransferredOut {
            return Err(AppError::rule(
                rules::R7_3,
                format!(
                    "学生编号 {student_id} 的转出手续尚未办结，不能生成转学包（籍随人走，转出完成后才能移交学籍档案）"
                ),
            ));
        }
        let record = collect(self.db(), s).await?;
        self.seal_package(
            session,
            PackageKind::Transfer,
            &receiver,
            vec![record],
            &format!("student:{student_id}"),
        )
        .await
    }

    /// Checks the right and the bureau's approval (R30.2) of a whole-school archive package before
    /// the registrar is asked where to save it.
    pub async fn package_school_archive_check(
        &self,
        session: &Session,
        approval: &ApprovalInput,
    ) -> Result<()> {
        self.authorize(session, Permission::ManageSettings).await?;
        disclosure::check(Disclosure::External, 2, approval, self.today())?;
        Ok(())
    }

    /// The whole school's archive (every record, whatever its status) for the absorbing school of
    /// a merger or the unit the bureau designates for a dissolved school (R9.3), only with the
    /// bureau's written approval (R30.2: every record leaves the school at once). Nothing changes
    /// here: the records stay as this school's copy.
    pub async fn package_school_archive(
        &self,
        session: &Session,
        to_school: i64,
        approval: &ApprovalInput,
    ) -> Result<Vec<u8>> {
        self.authorize(session, Permission::ManageSettings).await?;
        let receiver = self.receiver(to_school).await?;
        let students = students::all_in_id_order(self.db()).await?;
        if students.is_empty() {
            return Err(AppError::validation("school", "本校没有任何学籍，无需移交"));
        }
        let n = students.len();
        let approval = disclosure::check(
            Disclosure::External,
            u32::try_from(n).unwrap_or(u32::MAX),
            approval,
            self.today(),
        )?;
        let mut records = Vec::with_capacity(n);
        for s in students {
            records.push(collect(self.db(), s).await?);
        }
        self.seal_package(
            session,
            PackageKind::SchoolArchive,
            &receiver,
            records,
            &format!(
                "students:{n} disclosure:external {}",
                disclosure::audit_words(approval.as_ref())
            ),
        )
        .await
    }

    /// Migrant children (随迁子女) whose status is 辍学, with the date their archive was handed
    /// over, if it was (R18.2).
    pub async fn migrant_dropouts(&self, session: &Session) -> Result<Vec<MigrantDropoutView>> {
        self.authorize(session, Permission::ViewStudents).await?;
        // A migrant dropout: 辍学, and a migrant child by the record's flag or by the dropout
        // report (which opened the R18.2 hand-over deadline).
        let students = student_lists::migrant_dropouts(self.db()).await?;
        let ids: Vec<i64> = students.iter().map(|s| s.id).collect();
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("migrant_dropouts {}", audit::seen(ids.iter().copied())),
        )
        .await?;
        let handed = events::of_students_of_kind(self.db(), ids, HANDED_OVER).await?;
        Ok(students
            .into_iter()
            .map(|s| MigrantDropoutView {
                handed_over_on: handed
                    .iter()
                    .rev()
                    .find(|e| e.student_id == s.id)
                    .map(|e| e.on_date),
                student_id: s.id,
                name: s.name,
                xueji_number: s.xueji_number,
                grade: s.grade,
                hukou_address: s.hukou_address,
            })
            .collect())
    }

    /// The semester-end hand-over (R18.2): the archives of the migrant dropouts not yet handed
    /// over, signed and encrypted to the trusted receiver (the county of household registration);
    /// each record gets an event saying when and to whom it went.
    pub async fn package_migrant_handover(
        &self,
        session: &Session,
        to_school: i64,
    ) -> Result<Vec<u8>> {
        self.authorize(session, Permission::ManageSettings).await?;
        let receiver = self.receiver(to_school).await?;
        let pending: Vec<i64> = self
            .migrant_dropouts(session)
            .await?
            .into_iter()
            .filter(|m| m.handed_over_on.is_none())
            .map(|m| m.student_id)
            .collect();
        if pending.is_empty() {
            return Err(AppError::validation(
                "students",
                "没有待移交的随迁子女辍学档案",
            ));
        }
        let n = pending.len();
        let students = students::by_ids_in_id_order(self.db(), pending).await?;
        let mut records = Vec::with_capacity(n);
        for s in students {
            records.push(collect(self.db(), s).await?);
        }
        self.seal_package(
            session,
            PackageKind::MigrantHandover,
            &receiver,
            records,
            &format!("students:{n}"),
        )
        .await
    }
}

impl App {
    /// The printed 随迁子女辍学学籍档案移交清单 for `receiver` (numbered, logged and audited). Where
    /// the county has no XueJi the signed list is the hand-over: each record not yet handed over
    /// gets its event and its R18.2 deadline is met, after the list is printed.
    pub async fn migrant_handover_list(
        &self,
        session: &Session,
        input: &MigrantListInput,
    ) -> Result<crate::documents::PrintedView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        self.authorize(session, Permission::ManageSettings).await?;
        let receiver = input.receiver.trim();
        if receiver.is_empty() {
            return Err(AppError::validation(
                "receiver",
                "请填写接收的户籍所在地县级教育行政部门",
            ));
        }
        let listed = self.migrant_dropouts(session).await?;
        let ids: Vec<i64> = if input.student_ids.is_empty() {
            listed
                .iter()
                .filter(|m| m.handed_over_on.is_none())
                .map(|m| m.student_id)
                .collect()
        } else {
            let mut ids = input.student_ids.clone();
            ids.sort_unstable();
            ids.dedup();
            if let Some(other) = ids
                .iter()
                .find(|id| !listed.iter().any(|m| m.student_id == **id))
            {
                return Err(AppError::rule(
                    rules::R18_2,
                    format!("学生编号 {other} 不是辍学的随迁子女，不列入移交清单"),
                ));
            }
            ids
        };
        if ids.is_empty() {
            return Err(AppError::validation(
                "students",
                "没有待移交的随迁子女辍学档案",
            ));
        }
        self.print_handover_list(session, PackageKind::MigrantHandover, &ids, receiver, "")
            .await
    }
}
