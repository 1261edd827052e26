//! The wizard's early check and the submission of a change: an application with its steps and
//! proofs, or — for a change without a procedure — the change itself at once.

use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::effects::{DeadlineKind, Warning};
use xueji_domain::proofs::{self, ProofRequirement};
use xueji_domain::workflow::Subject;
use xueji_domain::{ChangeKind, StudentSnapshot, Workflow, deadlines, engine, rules};
use xueji_store::entities::{application, student};
use xueji_store::repo::applications;

use super::input::Details;
use super::views::{CheckView, plan};
use super::{ApplicationView, ChangeInput, ChangeRequest};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::students::enrol::TransferIn;
use crate::views::WarningView;
use xueji_domain::ApplicationKind;

/// A request checked against the rules, nothing written yet.
pub(crate) struct Checked {
    pub workflow: Workflow,
    pub student: Option<student::Model>,
    pub snapshot: Option<StudentSnapshot>,
    pub warnings: Vec<Warning>,
    pub kind: ApplicationKind,
}

/// Who may submit a request: a sanction is proposed by the moral-education office (or the
/// registrar), an award recorded by either, everything else by the registrar.
fn submit_permission(session: &Session, change: &ChangeRequest) -> Permission {
    match change {
        ChangeRequest::Sanction { .. } if session.role.may(Permission::ProposeSanctions) => {
            Permission::ProposeSanctions
        }
        ChangeRequest::Award { .. } => Permission::RecordAwards,
        _ => Permission::SubmitChanges,
    }
}

fn missing_list(missing: &[ProofRequirement]) -> String {
    missing
        .iter()
        .map(ProofRequirement::label_zh)
        .collect::<Vec<_>>()
        .join("、")
}

impl App {
    /// Checks a request without writing (the wizard's first page): allowed with warnings, the
    /// steps with their parties and working-day limits, the proofs to collect. A refusal is the
    /// error with the rule id.
    pub async fn change_check(&self, session: &Session, input: &ChangeInput) -> Result<CheckView> {
        self.authorize(session, submit_permission(session, &input.change))
            .await?;
        let c = self.check_request(input).await?;
        let required = match &c.workflow.subject {
            Subject::Change(change) => proofs::required_proofs(change),
            Subject::TransferIn(_) => Vec::new(),
        };
        Ok(CheckView {
            change_label: c.kind.label_zh().to_owned(),
            change_kind: c.kind,
            rule: c.workflow.rule.as_str().to_owned(),
            warnings: c.warnings.iter().map(WarningView::from).collect(),
            steps: plan(&c.workflow.steps),
            required_proofs: required.iter().map(Into::into).collect(),
        })
    }

    /// Submits a request. With a procedure: an open application (steps, proofs, the waiting
    /// party's deadline). Without one: the change is applied at once (an application in state
    /// `applied` keeps its proofs and names its event). A refusal writes nothing.
    pub async fn change_submit(
        &self,
        session: &Session,
        input: &ChangeInput,
    ) -> Result<ApplicationView> {
        self.authorize(session, submit_permission(session, &input.change))
            .await?;
        let today = self.today();
        let config = self.config();
        let ctx = config.ctx(today);
        let c = self.check_request(input).await?;
        let uploads = input
            .proofs
            .iter()
            .map(super::decode_upload)
            .collect::<Result<Vec<_>>>()?;
        let mut w = c.workflow.clone();
        for u in &uploads {
            if let Some(k) = u.kind {
                w.attach_proof(k);
            }
        }
        let mut details = Details {
            request: Some(input.change.clone()),
            note: input
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
            warnings: Vec::new(),
        };
        super::add_warnings(&mut details, &c.warnings);
        let student_id = c.student.as_ref().map(|m| m.id);
        let on = input.effective_on;
        let actor = session.username.as_str();
        let now = self.now();

        // A change without a procedure takes effect now.
        if w.steps.is_empty() {
            let (Some(m), Some(snapshot), Some(change)) = (&c.student, &c.snapshot, w.change())
            else {
                return Err(AppError::internal("缺少学生信息"));
            };
            let missing = w.missing_proofs();
            if !missing.is_empty() {
                return Err(AppError::rule(
                    change.kind().rule(),
                    format!("缺少证明材料：{}", missing_list(&missing)),
                ));
            }
            let fx = engine::apply_direct(&ctx, snapshot, change, on)?;
            super::add_warnings(&mut details, &fx.warnings);
            let txn = self.db().begin().await?;
            let (a, _) = applications::insert(
                &txn,
                applications::NewApplication {
                    student_id: Some(m.id),
                    change_kind: c.kind,
                    opened_on: on,
                    data: serde_json::to_string(&w)?,
                    details: Some(serde_json::to_string(&details)?),
                    created_by: actor.to_owned(),
                    progress: applications::Progress {
                        state: application::ApplicationState::Applied,
                        closed_on: Some(on),
                        current_step: None,
                        due_on: None,
                        waiting_on: None,
                    },
                },
                Vec::new(),
            )
            .await?;
            for u in &uploads {
                super::save_upload(&txn, actor, Some(m.id), a.id, u, now).await?;
            }
            record::apply_effects(&txn, actor, m.id, Some(a.id), &fx, c.kind.code(), now).await?;
            audit::append(
                &txn,
                actor,
                AuditAction::ChangeApply,
                &format!("student:{} application:{} {}", m.id, a.id, c.kind.code()),
            )
            .await?;
            let view = super::build_view(&txn, &config.calendar, today, &a, &w, &details).await?;
            txn.commit().await?;
            return Ok(view);
        }

        // One application of a kind at a time per student.
        if let Some(id) = student_id
            && applications::count_open_of_kind(self.db(), id, c.kind).await? > 0
        {
            return Err(AppError::conflict(format!(
                "该生已有办理中的{}申请",
                c.kind.label_zh()
            )));
        }
        // Where it stands is known before the first write: one insert of the application and
        // its steps, the waiting step's due date included (R13.3).
        let st = super::standing(&w, &config.calendar, on)?;
        let steps = w
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let due_on = st
                    .progress
                    .due_on
                    .filter(|_| st.progress.current_step == i32::try_from(i).ok());
                applications::NewStep::undecided(s.party, s.label_zh(), due_on)
            })
            .collect();
        let txn = self.db().begin().await?;
        let (a, step_rows) = applications::insert(
            &txn,
            applications::NewApplication {
                student_id,
                change_kind: c.kind,
                opened_on: on,
                data: serde_json::to_string(&w)?,
                details: Some(serde_json::to_string(&details)?),
                created_by: actor.to_owned(),
                progress: st.progress.clone(),
            },
            steps,
        )
        .await?;
        for u in &uploads {
            super::save_upload(&txn, actor, student_id, a.id, u, now).await?;
        }
        // R19.1: the cancellation is due from the death, whatever the procedure's pace.
        if let (Some(id), Some(xueji_domain::Change::Death { died_on })) = (student_id, w.change())
        {
            let basis = deadlines::death_cancellation_basis(&config.profile, *died_on);
            let due = basis.due(&config.calendar)?;
            let d = xueji_domain::effects::Deadline {
                kind: DeadlineKind::DeathCancellation,
                due: due.date,
                rule: rules::R19_1,
                label: "报主管教育行政部门注销学籍".to_owned(),
                basis,
                provisional: due.provisional,
            };
            crate::calendar::insert_deadline(&txn, id, Some(a.id), &d, None).await?;
        }
        super::step_deadline(&txn, &a, &w, st, on).await?;
        audit::append(
            &txn,
            actor,
            AuditAction::ChangeSubmit,
            &format!(
                "{} application:{} {}",
                student_id.map_or_else(|| "transfer_in".to_owned(), |id| format!("student:{id}")),
                a.id,
                c.kind.code()
            ),
        )
        .await?;
        let view =
            super::build_view_from(&txn, &config.calendar, today, &a, &w, &details, step_rows)
                .await?;
        txn.commit().await?;
        Ok(view)
    }

    /// Checks a request against the rules and opens its workflow in memory.
    pub(crate) async fn check_request(&self, input: &ChangeInput) -> Result<Checked> {
        let today = self.today();
        let config = self.config();
        let ctx = config.ctx(today);
        let on = input.effective_on;
        if let ChangeRequest::TransferIn {
            kind,
            sending_school,
            student,
            route,
            stage_entry_date,
        } = &input.change
        {
            if input.student_id.is_some() {
                return Err(AppError::validation(
                    "studentId",
                    "转入申请不针对本校已有学籍，请勿选择学生",
                ));
            }
            if sending_school.trim().is_empty() {
                return Err(AppError::rule(rules::R13_1, "须填写转出学校"));
            }
            if on > today {
                return Err(AppError::rule(
                    rules::R10_1,
                    format!("申请日期{on}晚于今天（{today}）"),
                ));
            }
            let workflow =
                Workflow::open_transfer_in(kind.to_domain(), *route, on, &config.profile);
            let prepared = self
                .prepare_record(
                    student,
                    Some(&TransferIn {
                        rule: workflow.rule.clone(),
                        sending_school: sending_school.clone(),
                        on,
                        stage_entry_date: *stage_entry_date,
                    }),
                )
                .await?;
            let mut warnings = prepared.fx.warnings.clone();
            warnings.extend(deadlines::transfer_window_warning(
                &config.profile,
                &config.terms,
                on,
            ));
            return Ok(Checked {
                workflow,
                student: None,
                snapshot: None,
                warnings,
                kind: ApplicationKind::TRANSFER_IN,
            });
        }
        let id = input
            .student_id
            .ok_or_else(|| AppError::validation("studentId", "请选择学生"))?;
        let m = record::load(self.db(), id).await?;
        let change = input.change.to_change(self.db(), &m, on).await?;
        if matches!(change.kind(), ChangeKind::Promote | ChangeKind::Finish) {
            return Err(AppError::validation("change", "升级和毕业由批处理办理"));
        }
        let snapshot = record::snapshot(&m, &config.profile, today)?;
        let warnings = engine::check(&ctx, &snapshot, &change, on)?;
        record::ensure_writable(&m)?;
        let kind = change.kind().into();
        Ok(Checked {
            workflow: Workflow::open(change, on, &config.profile),
            student: Some(m),
            snapshot: Some(snapshot),
            warnings,
            kind,
        })
    }
}
