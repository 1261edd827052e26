//! A student's whole archive (学籍档案, R8.2): the seven sections, the history of changes, the
//! applications, sanctions in force and documents issued. Opening it is audited (R30.1); section 6
//! (financial aid) is shown only to roles that may see hardship data.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::archive::ArchiveSection;
use xueji_domain::sanction::SanctionLevel;
use xueji_domain::workflow::Party;
use xueji_domain::{ApplicationKind, Status};
use xueji_store::entities::{application, archive_item};
use xueji_store::repo::students as repo;
use xueji_store::repo::{applications, archive_items, deadlines, events, family, files, sanctions};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::students::views::StudentView;
pub use crate::views::AttachmentView;

/// One entry of a section.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveItemView {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub recorded_on: NaiveDate,
    /// Structured content as JSON text.
    pub content: String,
    pub attachment_id: Option<i64>,
}

/// One of the seven sections.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SectionView {
    pub code: ArchiveSection,
    /// （一）学籍基本信息及信息变动情况 …
    pub title: String,
    pub items: Vec<ArchiveItemView>,
    /// False when the user's role may not see this section (financial aid).
    pub visible: bool,
}

/// One entry of the record's history (R5.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    pub id: i64,
    pub kind: String,
    /// 建立学籍, 休学 …
    pub kind_label: String,
    pub on: NaiveDate,
    pub rule: String,
    pub summary: String,
    pub status_before: Status,
    pub status_after: Status,
    pub status_before_label: String,
    pub status_after_label: String,
    pub grade_before: i32,
    pub grade_after: i32,
    pub recorded_by: String,
    pub application_id: Option<i64>,
}

/// An application in the change timeline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSummary {
    pub id: i64,
    pub change_kind: ApplicationKind,
    pub change_kind_label: String,
    pub state: application::ApplicationState,
    pub state_label: String,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub waiting_on: Option<Party>,
    pub waiting_on_label: Option<String>,
    pub due_on: Option<NaiveDate>,
    /// Why `due_on` is 暂定; `None` when final.
    pub due_provisional: Option<String>,
}

/// A sanction on the record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SanctionView {
    pub id: i64,
    pub level: SanctionLevel,
    pub level_label: String,
    pub decided_on: NaiveDate,
    pub period_ends: NaiveDate,
    pub lifted_on: Option<NaiveDate>,
}

/// A document issued for the student.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IssuedDocumentView {
    pub serial: String,
    pub kind: xueji_domain::PrintKind,
    pub kind_label: String,
    pub issued_at: String,
    pub issued_by: String,
    pub voided: bool,
}

/// The archive page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveView {
    pub student: StudentView,
    pub sections: Vec<SectionView>,
    pub events: Vec<EventView>,
    pub applications: Vec<ApplicationSummary>,
    pub sanctions: Vec<SanctionView>,
    pub attachments: Vec<AttachmentView>,
    pub documents: Vec<IssuedDocumentView>,
    /// What is still due for this student (R8.1, R14.3, R18.1, R19.1 …), soonest first; a date
    /// counted past the loaded holiday notices is marked 暂定.
    pub deadlines: Vec<crate::views::DeadlineView>,
    /// How many versions the history keeps.
    pub versions: u32,
}

/// An entry to add to a section (health record, quality report part, other material).
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveItemInput {
    pub student_id: i64,
    /// Quality report, health, proofs or other (awards and aid come from their own procedures).
    pub section: ArchiveSection,
    pub kind: String,
    pub title: String,
    pub recorded_on: NaiveDate,
    pub content: String,
}

fn section_title(s: ArchiveSection) -> String {
    const NUMBERS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "七"];
    let i = ArchiveSection::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(0);
    format!("（{}）{}", NUMBERS[i], s.label_zh())
}

impl App {
    /// Opens a student's archive (audited as a view).
    pub async fn student_archive(&self, session: &Session, id: i64) -> Result<ArchiveView> {
        self.authorize(session, Permission::ViewStudents).await?;
        // Assessments whose public notice ended take effect before section 6 is read.
        self.hardship_settle().await?;
        let may_see_aid = session.role.may(Permission::ViewHardship);
        let calendar = self.config().calendar.clone();
        let db = self.db();
        let txn = db.begin().await?;
        let m = repo::view(&txn, &session.username, id).await?;
        if may_see_aid {
            audit::append(
                &txn,
                &session.username,
                AuditAction::View,
                &format!("student:{id} financial_aid"),
            )
            .await?;
        }
        txn.commit().await?;
        let family = family::of_student(db, id).await?;
        let items = archive_items::of_student(db, id).await?;
        let sections = ArchiveSection::ALL
            .into_iter()
            .map(|s| {
                let visible = s != ArchiveSection::FinancialAid || may_see_aid;
                SectionView {
                    title: section_title(s),
                    items: if visible {
                        items
                            .iter()
                            .filter(|i| i.section == s)
                            .map(|i| ArchiveItemView {
                                id: i.id,
                                kind: i.kind.clone(),
                                title: i.title.clone(),
                                recorded_on: i.recorded_on,
                                content: i.content.clone(),
                                attachment_id: i.attachment_id,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    code: s,
                    visible,
                }
            })
            .collect();
        let events = events::of_student(db, id)
            .await?
            .into_iter()
            .map(|e| EventView {
                id: e.id,
                kind_label: crate::views::event_kind_label(&e.kind),
                kind: e.kind,
                on: e.on_date,
                rule: e.rule,
                summary: e.summary,
                status_before_label: e.status_before.label_zh().to_owned(),
                status_after_label: e.status_after.label_zh().to_owned(),
                status_before: e.status_before,
                status_after: e.status_after,
                grade_before: e.grade_before,
                grade_after: e.grade_after,
                recorded_by: e.recorded_by,
                application_id: e.application_id,
            })
            .collect();
        let applications = applications::of_student(db, id)
            .await?
            .into_iter()
            .map(|a| ApplicationSummary {
                due_provisional: a
                    .due_on
                    .filter(|_| a.state == application::ApplicationState::Open)
                    .and_then(|d| crate::views::provisional_reason(&calendar, d)),
                id: a.id,
                change_kind_label: a.change_kind.label_zh().to_owned(),
                change_kind: a.change_kind,
                state_label: a.state.label_zh().to_owned(),
                state: a.state,
                opened_on: a.opened_on,
                closed_on: a.closed_on,
                waiting_on_label: a.waiting_on.map(|p| p.label_zh().to_owned()),
                waiting_on: a.waiting_on,
                due_on: a.due_on,
            })
            .collect();
        let sanctions = sanctions::of_student(db, id)
            .await?
            .into_iter()
            .map(|s| SanctionView {
                id: s.id,
                level_label: s.level.label_zh().to_owned(),
                level: s.level,
                decided_on: s.decided_on,
                period_ends: s.period_ends,
                lifted_on: s.lifted_on,
            })
            .collect();
        let attachments = files::attachments_of(db, id)
            .await?
            .iter()
            .map(crate::changes::views::attachment_view)
            .collect();
        let documents = files::documents_of(db, id)
            .await?
            .into_iter()
            .map(|d| IssuedDocumentView {
                serial: d.serial,
                kind_label: d.kind.label_zh().to_owned(),
                kind: d.kind,
                issued_at: d.issued_at.to_rfc3339(),
                issued_by: d.issued_by,
                voided: d.voided,
            })
            .collect();
        let deadlines = deadlines::open_of_student(db, id)
            .await?
            .iter()
            .map(|d| crate::views::DeadlineView::of_row(d, &calendar))
            .collect();
        let versions = u32::try_from(repo::history_of(db, id).await?.len()).unwrap_or(u32::MAX);
        Ok(ArchiveView {
            deadlines,
            student: StudentView::new(&m, &family),
            sections,
            events,
            applications,
            sanctions,
            attachments,
            documents,
            versions,
        })
    }

    /// Records that the student's archive has been established (R8.1): closes the archive
    /// deadline and notes the date in section 1.
    pub async fn archive_establish(
        &self,
        session: &Session,
        student_id: i64,
        on: NaiveDate,
    ) -> Result<()> {
        self.authorize(session, Permission::EditStudents).await?;
        if on > self.today() {
            return Err(AppError::validation("on", "建档日期不能晚于今天"));
        }
        let m = record::load(self.db(), student_id).await?;
        record::ensure_writable(&m)?;
        let txn = self.db().begin().await?;
        record::close_deadlines(
            &txn,
            student_id,
            &[xueji_domain::effects::DeadlineKind::ArchiveCreation],
            on,
        )
        .await?;
        archive_items::insert(
            &txn,
            archive_item::Model {
                id: 0,
                student_id,
                section: ArchiveSection::BasicDataAndHistory,
                kind: "archive_established".to_owned(),
                title: "建立学籍档案".to_owned(),
                recorded_on: on,
                content: "{}".to_owned(),
                attachment_id: None,
                created_at: self.now(),
                created_by: session.username.clone(),
            },
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::ArchiveEstablish,
            &format!("student:{student_id}"),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Adds an entry to the quality report, health or other section (R8.2).
    pub async fn archive_item_add(
        &self,
        session: &Session,
        input: &ArchiveItemInput,
    ) -> Result<ArchiveItemView> {
        self.authorize(session, Permission::EditStudents).await?;
        let section = input.section;
        if !matches!(
            section,
            ArchiveSection::QualityReport
                | ArchiveSection::Health
                | ArchiveSection::Other
                | ArchiveSection::Proofs
        ) {
            return Err(AppError::validation(
                "section",
                "获奖信息和资助信息由奖励、资助程序记入档案",
            ));
        }
        if input.title.trim().is_empty() {
            return Err(AppError::validation("title", "请填写标题"));
        }
        let m = record::load(self.db(), input.student_id).await?;
        record::ensure_writable(&m)?;
        let txn = self.db().begin().await?;
        let saved = archive_items::insert(
            &txn,
            archive_item::Model {
                id: 0,
                student_id: input.student_id,
                section,
                kind: input.kind.trim().to_owned(),
                title: input.title.trim().to_owned(),
                recorded_on: input.recorded_on,
                content: input.content.clone(),
                attachment_id: None,
                created_at: self.now(),
                created_by: session.username.clone(),
            },
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::ArchiveAdd,
            &format!(
                "student:{} {}",
                input.student_id,
                xueji_domain::stored::text(&section)
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(ArchiveItemView {
            id: saved.id,
            kind: saved.kind,
            title: saved.title,
            recorded_on: saved.recorded_on,
            content: saved.content,
            attachment_id: None,
        })
    }
}
