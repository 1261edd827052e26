//! Recording a party's decision on a step, withdrawing an application, and the appeal against a
//! sanction (R22.2). The last approval applies the change in the same transaction.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::effects::{DeadlineKind, Effects};
use xueji_domain::workflow::Party;
use xueji_domain::{ChangeKind, engine, rules};
use xueji_store::entities::{application, application_step};
use xueji_store::repo::{applications, attachments, events, sanctions};

use super::input::Details;
use super::views::permission_for;
use super::{
    AppealDecisionInput, AppealInput, ApplicationView, ChangeRequest, DecideInput, Decision,
    WithdrawInput,
};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::students::enrol::{PreparedRecord, TransferIn, insert_record};
use crate::views::snake;

/// What the last approval brings about.
enum Outcome {
    /// The application goes on (or ended without effect).
    Pending,
    /// The change's effects on the student.
    Change { student_id: i64, fx: Box<Effects> },
    /// A transfer in: the record to create.
    NewRecord(Box<PreparedRecord>),
}

impl App {
    /// Records one step's decision: who (the session's user), when, the 文号, the reason of a
    /// rejection, the scanned decision. The school's own steps are the approver's, the discipline
    /// proposal the moral-education office's, outside parties' decisions the registrar's. The
    /// last approval applies the change (or creates the transferred-in record) in the same
    /// transaction; a rejection ends the application with nothing applied.
    pub async fn change_decide(
        &self,
        session: &Session,
        input: &DecideInput,
    ) -> Result<ApplicationView> {
        self.check_active(session)?;
        let (a, mut w, mut details) = super::load(self.db(), input.application_id).await?;
        let step = usize::try_from(input.step).unwrap_or(usize::MAX);
        let party = w
            .steps
            .get(step)
            .map(|s| s.party)
            .ok_or_else(|| AppError::validation("step", "该申请没有这一环节"))?;
        self.authorize(session, permission_for(party)).await?;
        let today = self.today();
        let config = self.config();
        let ctx = config.ctx(today);
        let on = input.on;
        if on > today {
            return Err(AppError::rule(
                rules::R10_1,
                format!("办理日期{on}晚于今天（{today}）"),
            ));
        }
        let upload = input.proof.as_ref().map(super::decode_upload).transpose()?;
        if let Some(k) = upload.as_ref().and_then(|u| u.kind) {
            w.attach_proof(k);
        }
        let reference = input
            .reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        let reason = input
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        match input.decision {
            Decision::Approve => w.approve(step, on, reference)?,
            Decision::Reject => w.reject(step, on, reason.unwrap_or_default())?,
            Decision::Skip => w.skip(step, on)?,
        }
        let outcome = if w.is_approved() {
            if let Some(ChangeRequest::TransferIn {
                sending_school,
                student,
                stage_entry_date,
                ..
            }) = &details.request
            {
                let prepared = self
                    .prepare_record(
                        student,
                        Some(&TransferIn {
                            rule: w.rule.clone(),
                            sending_school: sending_school.clone(),
                            on,
                            stage_entry_date: *stage_entry_date,
                        }),
                    )
                    .await?;
                Outcome::NewRecord(Box::new(prepared))
            } else {
                let student_id = a
                    .student_id
                    .ok_or_else(|| AppError::internal("申请缺少学生"))?;
                let m = record::load(self.db(), student_id).await?;
                let snapshot = record::snapshot(&m, &config.profile, today)?;
                let fx = engine::apply(&ctx, &snapshot, &w, on)?;
                record::ensure_writable(&m)?;
                super::add_warnings(&mut details, &fx.warnings);
                Outcome::Change {
                    student_id,
                    fx: Box::new(fx),
                }
            }
        } else {
            Outcome::Pending
        };

        let actor = session.username.as_str();
        let now = self.now();
        let txn = self.db().begin().await?;
        let mut a = a;
        let file = match &upload {
            Some(u) => Some(super::save_upload(&txn, actor, a.student_id, a.id, u, now).await?),
            None => None,
        };
        applications::decide_step(
            &txn,
            a.id,
            i32::try_from(step).unwrap_or(-1),
            applications::StepDecision {
                decision: match input.decision {
                    Decision::Approve => application_step::Decision::Approved,
                    Decision::Reject => application_step::Decision::Rejected,
                    Decision::Skip => application_step::Decision::Skipped,
                },
                on,
                by: actor,
                reference,
                note: reason,
                attachment_id: file.as_ref().map(|f| f.id),
            },
        )
        .await?;
        if let Outcome::NewRecord(prepared) = &outcome {
            let saved = insert_record(&txn, actor, prepared, Some(a.id), now).await?;
            a.student_id = Some(saved.id);
            attachments::move_to_student(&txn, a.id, saved.id).await?;
        }
        let a = super::save_progress(&txn, &a, &w, &details, &config.calendar, on).await?;
        // R19.1: the school's duty is to report a death to the bureau within 10 working days;
        // its report meets the deadline, whenever the bureau then cancels the record.
        if w.change_kind() == Some(ChangeKind::Death)
            && input.decision == Decision::Approve
            && w.steps.get(step).map(|s| s.party) == Some(Party::School)
            && let Some(student_id) = a.student_id
        {
            record::close_deadlines(&txn, student_id, &[DeadlineKind::DeathCancellation], on)
                .await?;
        }
        if let Outcome::Change { student_id, fx } = &outcome {
            let kind = a.change_kind.code();
            record::apply_effects(&txn, actor, *student_id, Some(a.id), fx, kind, now).await?;
            if let Some(ChangeRequest::Sanction { facts, .. }) = &details.request {
                sanctions::set_reason_of_application(&txn, a.id, facts.trim()).await?;
            }
            if w.change_kind() == Some(ChangeKind::Death) {
                // The cancellation the deadline asks for is this very change (R19.1).
                record::close_deadlines(&txn, *student_id, &[DeadlineKind::DeathCancellation], on)
                    .await?;
            }
        }
        audit::append(
            &txn,
            actor,
            AuditAction::ChangeDecide,
            &format!(
                "application:{} step:{} {}",
                a.id,
                step,
                snake(&input.decision)
            ),
        )
        .await?;
        let view = super::build_view(&txn, &config.calendar, today, &a, &w, &details).await?;
        txn.commit().await?;
        Ok(view)
    }

    /// Withdraws an application in progress (the family or the school gives it up).
    pub async fn change_withdraw(
        &self,
        session: &Session,
        input: &WithdrawInput,
    ) -> Result<ApplicationView> {
        self.authorize(session, Permission::SubmitChanges).await?;
        let (a, mut w, details) = super::load(self.db(), input.application_id).await?;
        if input.reason.trim().is_empty() {
            return Err(AppError::validation("reason", "请说明撤回原因"));
        }
        let today = self.today();
        w.withdraw(today, &input.reason)?;
        let config = self.config();
        let txn = self.db().begin().await?;
        let a = super::save_progress(&txn, &a, &w, &details, &config.calendar, today).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::ChangeWithdraw,
            &format!("application:{}", a.id),
        )
        .await?;
        let view = super::build_view(&txn, &config.calendar, today, &a, &w, &details).await?;
        txn.commit().await?;
        Ok(view)
    }

    /// Records an appeal to the bureau against a published sanction (R22.2).
    pub async fn change_appeal_file(
        &self,
        session: &Session,
        input: &AppealInput,
    ) -> Result<ApplicationView> {
        self.authorize(session, Permission::SubmitChanges).await?;
        let (a, mut w, details) = super::load(self.db(), input.application_id).await?;
        let today = self.today();
        if input.on > today {
            return Err(AppError::rule(rules::R10_1, "申诉日期不能晚于今天"));
        }
        if input.grounds.trim().is_empty() {
            return Err(AppError::validation("grounds", "请填写申诉理由"));
        }
        w.file_appeal(input.on, &input.grounds)?;
        self.save_appeal(session, a, &w, &details, AuditAction::ChangeAppeal, None)
            .await
    }

    /// Records the bureau's decision on an appeal (R22.2).
    pub async fn change_appeal_decide(
        &self,
        session: &Session,
        input: &AppealDecisionInput,
    ) -> Result<ApplicationView> {
        self.authorize(session, Permission::SubmitChanges).await?;
        let (a, mut w, details) = super::load(self.db(), input.application_id).await?;
        let today = self.today();
        if input.on > today {
            return Err(AppError::rule(rules::R10_1, "决定日期不能晚于今天"));
        }
        w.decide_appeal(input.on, input.upheld)?;
        let revoke = (!input.upheld).then_some(input.on);
        self.save_appeal(
            session,
            a,
            &w,
            &details,
            AuditAction::ChangeAppealDecide,
            revoke,
        )
        .await
    }

    async fn save_appeal(
        &self,
        session: &Session,
        a: application::Model,
        w: &xueji_domain::Workflow,
        details: &Details,
        action: AuditAction,
        revoke_on: Option<NaiveDate>,
    ) -> Result<ApplicationView> {
        let today = self.today();
        let config = self.config();
        let txn = self.db().begin().await?;
        let a = applications::set_data(&txn, a, serde_json::to_string(w)?).await?;
        if let (Some(on), Some(student_id)) = (revoke_on, a.student_id) {
            revoke_sanction(&txn, &session.username, student_id, a.id, on, self.now()).await?;
        }
        audit::append(
            &txn,
            &session.username,
            action,
            &format!("application:{}", a.id),
        )
        .await?;
        let view = super::build_view(&txn, &config.calendar, today, &a, w, details).await?;
        txn.commit().await?;
        Ok(view)
    }
}

/// The bureau overturned the sanction on appeal (R22.2): it is taken off the record, the history
/// says so, and its period's deadline is closed. Nothing else about the student changes.
async fn revoke_sanction<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &str,
    student_id: i64,
    application_id: i64,
    on: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    use xueji_store::entities::student_event;
    let removed = sanctions::remove_of_application(db, application_id).await?;
    if removed == 0 {
        return Ok(());
    }
    let m = record::load(db, student_id).await?;
    let grade = m.grade.unwrap_or(1);
    events::insert(
        db,
        student_event::Model {
            id: 0,
            student_id,
            application_id: Some(application_id),
            kind: ChangeKind::Sanction.code().to_owned(),
            on_date: on,
            rule: rules::R22_2.as_str().to_owned(),
            status_before: m.status,
            status_after: m.status,
            grade_before: grade,
            grade_after: grade,
            summary: "处分经申诉由主管教育行政部门撤销".to_owned(),
            recorded_at: now,
            recorded_by: actor.to_owned(),
        },
    )
    .await?;
    record::close_deadlines(db, student_id, &[DeadlineKind::SanctionPeriodEnds], on).await?;
    audit::append(
        db,
        actor,
        AuditAction::SanctionRevoke,
        &format!("student:{student_id} application:{application_id}"),
    )
    .await?;
    Ok(())
}
