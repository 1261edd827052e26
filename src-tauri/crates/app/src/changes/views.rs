//! What the change screens show: the wizard's early check, an application with its steps,
//! proofs and deadlines, the list, expired leaves.

use chrono::NaiveDate;
use xueji_domain::ApplicationKind;
use xueji_domain::WorkCalendar;
use xueji_domain::proofs::{ProofKind, ProofRequirement};
use xueji_domain::workflow::{Party, Step, StepAction, StepOutcome, Workflow, WorkflowState};
use xueji_store::entities::{application, application_step, attachment};

use crate::auth::Permission;
use crate::views::{AttachmentView, DeadlineView, WarningView, provisional_reason};

/// One step as the wizard announces it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StepPlanView {
    pub ordinal: u32,
    /// `guardian`, `school`, `bureau` … (snake case).
    pub party: Party,
    pub party_label: String,
    /// 监护人提出申请 …
    pub label: String,
    pub optional: bool,
    /// Working days the party has once the step is reached (R13.3).
    pub working_days: Option<u32>,
    /// Who records this step's decision (`decide_school_steps`, `propose_sanctions`, `submit_changes`).
    pub permission: String,
}

/// A proof requirement: any one of the kinds meets it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProofRequirementView {
    pub any_of: Vec<ProofKind>,
    pub label: String,
}

impl From<&ProofRequirement> for ProofRequirementView {
    fn from(r: &ProofRequirement) -> Self {
        Self {
            any_of: r.any_of.clone(),
            label: r.label_zh(),
        }
    }
}

/// The wizard's early check: allowed (else the error names the rule), with advice, the
/// procedure and the proofs to collect.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckView {
    pub change_kind: ApplicationKind,
    pub change_label: String,
    pub rule: String,
    pub warnings: Vec<WarningView>,
    /// Empty when the change takes effect at once (no approval procedure).
    pub steps: Vec<StepPlanView>,
    pub required_proofs: Vec<ProofRequirementView>,
}

/// One step of an application with its decision.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub ordinal: u32,
    pub party: Party,
    pub party_label: String,
    /// What the step does (the UI words a hearing's choices from it, R22.2).
    pub action: StepAction,
    pub label: String,
    pub optional: bool,
    pub working_days: Option<u32>,
    pub permission: String,
    pub decision: StepDecision,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<String>,
    /// 文号
    pub reference: Option<String>,
    /// The rejection reason, or the school's remark on a hearing not held (R22.2).
    pub note: Option<String>,
    pub due_on: Option<NaiveDate>,
    /// Why `due_on` is 暂定 (counted past the loaded holiday notices); `None` when final.
    pub due_provisional: Option<String>,
    /// The scanned decision.
    pub attachment_id: Option<i64>,
    /// How this step's outcome reads: a party's decision, or a check's result (R11.2).
    pub wording: StepWording,
}

/// The words for a step's outcome. A party decides (同意 / 退回, with a 文号 or a reason); the
/// national duplicate check and identity comparison of a key-field change pass or fail
/// (通过 / 未通过, with a record of the result or the reason, R11.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StepWording {
    /// 同意 / 通过
    pub approve: String,
    /// 退回 / 未通过
    pub reject: String,
    /// What a rejection must give: 理由 / 原因.
    pub reason: String,
    /// What the reference of an approval is: 文号 / 比对记录.
    pub reference: String,
    /// The reference field's placeholder.
    pub reference_hint: String,
}

impl StepWording {
    pub fn of(action: StepAction) -> Self {
        let (approve, reject, reason, reference, reference_hint) = if action.is_check() {
            (
                "通过",
                "未通过",
                "原因",
                "比对记录",
                "全国学籍系统中比对结果的记录（选填）",
            )
        } else {
            (
                "同意",
                "退回",
                "理由",
                "文号",
                "如 西教籍〔2026〕12号（选填）",
            )
        };
        Self {
            approve: approve.to_owned(),
            reject: reject.to_owned(),
            reason: reason.to_owned(),
            reference: reference.to_owned(),
            reference_hint: reference_hint.to_owned(),
        }
    }

    /// How `decision` reads on this step (待办理, 同意 / 通过, 退回 / 未通过, 略过).
    pub fn decision_zh(&self, decision: StepDecision) -> &str {
        match decision {
            StepDecision::Approved => &self.approve,
            StepDecision::Rejected => &self.reject,
            StepDecision::Pending | StepDecision::Skipped => decision.label_zh(),
        }
    }
}

/// The waiting party past its working-day limit (R13.3).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverdueView {
    pub step: u32,
    pub party: Party,
    pub party_label: String,
    pub due: NaiveDate,
    pub overdue_working_days: u32,
    /// Why `due` is 暂定; `None` when final.
    pub due_provisional: Option<String>,
}

/// An appeal against a sanction (R22.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppealView {
    pub filed_on: NaiveDate,
    pub grounds: String,
    pub decided_on: Option<NaiveDate>,
    /// True if the sanction stands.
    pub upheld: Option<bool>,
}

/// Where a step stands: still waiting, or the party's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StepDecision {
    Pending,
    Approved,
    Rejected,
    Skipped,
}

impl StepDecision {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Pending => "待办理",
            Self::Approved => "同意",
            Self::Rejected => "退回",
            Self::Skipped => "略过",
        }
    }
}

/// One row of the application list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationRow {
    pub id: i64,
    pub student_id: Option<i64>,
    pub student_name: String,
    pub change_kind: ApplicationKind,
    pub change_label: String,
    pub state: application::ApplicationState,
    pub state_label: String,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub current_step: Option<u32>,
    pub current_step_label: Option<String>,
    pub waiting_on: Option<Party>,
    pub waiting_on_label: Option<String>,
    pub due_on: Option<NaiveDate>,
    /// Why `due_on` is 暂定; `None` when final.
    pub due_provisional: Option<String>,
    /// Working days past the waiting step's limit (R13.3).
    pub overdue_working_days: Option<u32>,
}

/// An application with everything the detail page shows.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationView {
    pub row: ApplicationRow,
    pub rule: String,
    pub note: Option<String>,
    pub steps: Vec<StepView>,
    pub proofs: Vec<AttachmentView>,
    pub required_proofs: Vec<ProofRequirementView>,
    pub missing_proofs: Vec<ProofRequirementView>,
    pub overdue: Option<OverdueView>,
    pub appeal: Option<AppealView>,
    pub warnings: Vec<WarningView>,
    /// Deadlines set by this application (e.g. the end of a leave, R14.3).
    pub deadlines: Vec<DeadlineView>,
    /// Printable notices: `sanction_decision`, `sanction_lift_notice`.
    pub documents: Vec<crate::documents::kinds::PrintKind>,
}

/// A student whose leave has ended (R14.3): resume or extend.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LeaveExpiryRow {
    pub student_id: i64,
    pub name: String,
    pub xueji_number: Option<String>,
    pub grade_label: String,
    pub class_name: Option<String>,
    pub leave_until: NaiveDate,
    /// Calendar days since the leave ended.
    pub days_past: i64,
    /// A resume or extension application is already in progress.
    pub application_open: bool,
}

/// A file's content.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FileView {
    pub file_name: String,
    pub mime: String,
    pub data: Vec<u8>,
}

/// Who records a party's decision: the school's own steps are the approver's, the discipline
/// proposal the moral-education office's, outside parties' decisions the registrar's, and so is
/// the national system's recheck, which the registrar runs in it (R11.2).
pub fn permission_for(party: Party) -> Permission {
    match party {
        Party::School | Party::SchoolCouncil | Party::Principal => Permission::DecideSchoolSteps,
        Party::MoralEducationOffice => Permission::ProposeSanctions,
        Party::Guardian
        | Party::Bureau
        | Party::SendingBureau
        | Party::ReceivingBureau
        | Party::ReceivingSchool
        | Party::SendingSchool
        | Party::ReformSchool
        | Party::NationalSystem => Permission::SubmitChanges,
    }
}

pub(crate) fn plan(steps: &[Step]) -> Vec<StepPlanView> {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepPlanView {
            ordinal: u32::try_from(i).unwrap_or(u32::MAX),
            party: s.party,
            party_label: s.party.label_zh().to_owned(),
            label: s.label_zh(),
            optional: s.optional,
            working_days: s.working_days,
            permission: permission_for(s.party).name(),
        })
        .collect()
}

/// The stored state of a workflow.
pub(crate) fn state_of(w: &Workflow) -> application::ApplicationState {
    match w.state() {
        WorkflowState::InProgress { .. } => application::ApplicationState::Open,
        WorkflowState::Approved { .. } => application::ApplicationState::Approved,
        WorkflowState::Rejected { .. } => application::ApplicationState::Rejected,
        WorkflowState::Withdrawn { .. } => application::ApplicationState::Withdrawn,
    }
}

pub(crate) fn row(
    a: &application::Model,
    w: &Workflow,
    calendar: &WorkCalendar,
    student_name: String,
    overdue: Option<u32>,
) -> ApplicationRow {
    let current = a
        .current_step
        .and_then(|s| usize::try_from(s).ok())
        .and_then(|s| w.steps.get(s));
    ApplicationRow {
        id: a.id,
        student_id: a.student_id,
        student_name,
        change_label: a.change_kind.label_zh().to_owned(),
        change_kind: a.change_kind,
        state_label: a.state.label_zh().to_owned(),
        state: a.state,
        opened_on: a.opened_on,
        closed_on: a.closed_on,
        current_step: a.current_step.and_then(|s| u32::try_from(s).ok()),
        current_step_label: current.map(Step::label_zh),
        waiting_on_label: a.waiting_on.map(|p| p.label_zh().to_owned()),
        waiting_on: a.waiting_on,
        due_on: a.due_on,
        due_provisional: a.due_on.and_then(|d| provisional_reason(calendar, d)),
        overdue_working_days: overdue,
    }
}

pub(crate) fn steps(
    w: &Workflow,
    rows: &[application_step::Model],
    calendar: &WorkCalendar,
) -> Vec<StepView> {
    w.steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let ordinal = u32::try_from(i).unwrap_or(u32::MAX);
            let stored = rows
                .iter()
                .find(|r| u32::try_from(r.ordinal).ok() == Some(ordinal));
            let (decision, decided_on, reference, note) = match &s.outcome {
                StepOutcome::Pending => (StepDecision::Pending, None, None, None),
                StepOutcome::Approved { on, reference } => {
                    (StepDecision::Approved, Some(*on), reference.clone(), None)
                }
                StepOutcome::Rejected { on, reason } => (
                    StepDecision::Rejected,
                    Some(*on),
                    None,
                    Some(reason.clone()),
                ),
                // The school's remark on a hearing not held (R22.2).
                StepOutcome::Skipped { on } => (
                    StepDecision::Skipped,
                    Some(*on),
                    None,
                    stored.and_then(|r| r.note.clone()),
                ),
            };
            StepView {
                ordinal,
                party: s.party,
                party_label: s.party.label_zh().to_owned(),
                action: s.action,
                label: s.label_zh(),
                optional: s.optional,
                working_days: s.working_days,
                permission: permission_for(s.party).name(),
                decision,
                decided_on,
                decided_by: stored.and_then(|r| r.decided_by.clone()),
                reference,
                note,
                due_on: stored.and_then(|r| r.due_on),
                due_provisional: stored
                    .and_then(|r| r.due_on)
                    .filter(|_| decision == StepDecision::Pending)
                    .and_then(|d| provisional_reason(calendar, d)),
                attachment_id: stored.and_then(|r| r.attachment_id),
                wording: StepWording::of(s.action),
            }
        })
        .collect()
}

pub(crate) fn attachment_view(a: &attachment::Model) -> AttachmentView {
    AttachmentView {
        id: a.id,
        file_name: a.file_name.clone(),
        mime: a.mime.clone(),
        proof_kind: a.proof_kind,
        proof_kind_label: a.proof_kind.map(|p| p.label_zh().to_owned()),
        application_id: a.application_id,
        size: u32::try_from(a.data.len()).unwrap_or(u32::MAX),
    }
}
