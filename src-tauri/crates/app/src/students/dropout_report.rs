//! Recording the school's written report of a dropout (R18.1): to whom and when it went, under
//! which 文号. It meets the report's deadline, so the dashboard's R32 finding (4) clears; the
//! history keeps the report as an event and the audit log says who recorded it.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::dropout_report::{self, DropoutReport};
use xueji_domain::effects::DeadlineKind;
use xueji_domain::{AuditAction, ChangeKind, rules};
use xueji_store::entities::student_event;
use xueji_store::repo::{compliance, deadlines, events};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::students::archive::ArchiveView;

/// The report as the registrar enters it.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DropoutReportInput {
    pub student_id: i64,
    pub reported_on: NaiveDate,
    /// 乡镇人民政府, 县教育局 …
    pub reported_to: String,
    pub reference: Option<String>,
}

impl App {
    /// Records the written report of a dropout and meets its deadline; returns the archive.
    pub async fn dropout_report_record(
        &self,
        session: &Session,
        input: &DropoutReportInput,
    ) -> Result<ArchiveView> {
        self.authorize(session, Permission::SubmitChanges).await?;
        let today = self.today();
        let db = self.db();
        let m = record::load(db, input.student_id).await?;
        let status = record::status_of(&m)?;
        let dropped_out_on = compliance::event_dates(db, &[m.id], ChangeKind::Dropout.code())
            .await?
            .into_iter()
            .map(|(_, on)| on)
            .max();
        let report = DropoutReport {
            reported_on: input.reported_on,
            reported_to: input.reported_to.trim().to_owned(),
            reference: input
                .reference
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
        };
        dropout_report::check(status, dropped_out_on, &report, today)?;
        let open = deadlines::open_of_student(db, m.id).await?;
        if !open.iter().any(|d| d.kind == DeadlineKind::DropoutReport) {
            return Err(AppError::rule(
                rules::R18_1,
                "该学生的辍学书面报告已登记，无需重复登记",
            ));
        }
        let actor = session.username.as_str();
        let now = self.now();
        let txn = self.db().begin().await?;
        events::insert(
            &txn,
            student_event::Model {
                id: 0,
                student_id: m.id,
                application_id: None,
                kind: dropout_report::EVENT_KIND.to_owned(),
                on_date: report.reported_on,
                rule: rules::R18_1.as_str().to_owned(),
                status_before: status,
                status_after: status,
                grade_before: m.grade.unwrap_or(0),
                grade_after: m.grade.unwrap_or(0),
                summary: report.summary(),
                recorded_at: now,
                recorded_by: actor.to_owned(),
            },
        )
        .await?;
        record::close_deadlines(
            &txn,
            m.id,
            &[DeadlineKind::DropoutReport],
            report.reported_on,
        )
        .await?;
        audit::append(
            &txn,
            actor,
            AuditAction::DropoutReportRecord,
            &format!("student:{} on:{}", m.id, report.reported_on),
        )
        .await?;
        txn.commit().await?;
        self.student_archive(session, m.id).await
    }
}
