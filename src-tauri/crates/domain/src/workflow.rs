//! Applications and their steps: the guardian's application with proofs, school review (核办),
//! bureau approval (核准) or filing (备案); the four parties of a transfer (R13.1, R13.3); the
//! discipline procedure (R22.2). Each step is approved, rejected with a reason, or (when
//! optional) skipped; the whole application can be withdrawn. A change takes effect only once
//! its last step is approved (see `engine::apply`).

use chrono::NaiveDate;

use crate::calendar::{Counting, Due, Provisional, WorkCalendar};
use crate::change::{Change, ChangeKind, TransferKind, TransferRoute};
use crate::error::{DomainError, Result};
use crate::profile::RuleProfile;
use crate::proofs::{self, ProofKind, ProofRequirement};
use crate::rules::{self, RuleId};
pub use crate::step::{Party, Step, StepAction, StepOutcome};

/// What the application is for. Adjacently tagged: `Change` and `TransferKind` carry their own
/// `type` tag, so an internal tag would repeat the key and not read back.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Subject {
    /// A change of an existing record.
    Change(Change),
    /// A student transferring in to this school (the record is created when it completes).
    TransferIn(TransferKind),
}

/// An appeal to the bureau against a sanction (R22.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Appeal {
    pub filed_on: NaiveDate,
    pub grounds: String,
    /// The bureau's decision: `true` if the sanction stands.
    pub upheld: Option<(NaiveDate, bool)>,
}

/// Where an application stands.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkflowState {
    InProgress {
        step: usize,
    },
    Approved {
        on: NaiveDate,
    },
    Rejected {
        step: usize,
        on: NaiveDate,
        reason: String,
    },
    Withdrawn {
        on: NaiveDate,
        reason: String,
    },
}

/// A step whose party is past its working-day limit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OverdueStep {
    pub step: usize,
    pub party: Party,
    pub due: NaiveDate,
    pub overdue_working_days: u32,
    /// Set when `due` was counted past the loaded holiday notices.
    pub provisional: Option<Provisional>,
}

/// An application.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Workflow {
    pub subject: Subject,
    pub rule: RuleId,
    pub opened_on: NaiveDate,
    pub steps: Vec<Step>,
    pub proofs: Vec<ProofKind>,
    pub withdrawn: Option<(NaiveDate, String)>,
    pub appeal: Option<Appeal>,
}

/// A transfer's steps (R13.1), each within the profile's working days (R13.3): the guardian
/// applies to the receiving school; within one county the two schools then the one bureau 核办,
/// across counties the receiving side (school, bureau) then the sending side (school, bureau).
fn transfer_steps(profile: &RuleProfile, route: TransferRoute) -> Vec<Step> {
    let days = profile.transfer_step_working_days;
    let parties: &[Party] = match route {
        TransferRoute::WithinCounty => {
            &[Party::ReceivingSchool, Party::SendingSchool, Party::Bureau]
        }
        TransferRoute::AcrossCounties => &[
            Party::ReceivingSchool,
            Party::ReceivingBureau,
            Party::SendingSchool,
            Party::SendingBureau,
        ],
    };
    std::iter::once(Step::new(Party::Guardian, StepAction::Apply))
        .chain(
            parties
                .iter()
                .map(|p| Step::new(*p, StepAction::Review).within(days)),
        )
        .collect()
}

/// The steps of an application for a change, in order.
pub fn steps_for(change: &Change, profile: &RuleProfile) -> Vec<Step> {
    use Party as P;
    use StepAction as A;
    let apply_review_approve = || {
        vec![
            Step::new(P::Guardian, A::Apply),
            Step::new(P::School, A::Review),
            Step::new(P::Bureau, A::Approve),
        ]
    };
    match change {
        Change::ApproveEnrolment | Change::Death { .. } => vec![
            Step::new(P::School, A::Report),
            Step::new(P::Bureau, A::Approve),
        ],
        // R11.2: the registrar reports with the proof, the bureau approves, then the national
        // duplicate check and identity comparison are run again; the change takes effect only
        // when that last step passes.
        Change::CorrectKeyData { .. } => vec![
            Step::new(P::School, A::Report),
            Step::new(P::Bureau, A::Approve),
            Step::new(P::NationalSystem, A::Recheck),
        ],
        Change::Defer { .. }
        | Change::RenewDeferral { .. }
        | Change::CorrectBasicData { .. }
        | Change::Skip { .. }
        | Change::Repeat
        | Change::Leave { .. }
        | Change::ExtendLeave
        | Change::Withdraw => apply_review_approve(),
        Change::TransferOut(t) => transfer_steps(profile, t.route),
        Change::ReformSchoolPlacement { .. } => vec![
            Step::new(P::Guardian, A::Apply),
            Step::new(P::ReformSchool, A::Agree),
            Step::new(P::Bureau, A::Review),
        ],
        Change::OrderedLeave { .. } => vec![
            Step::new(P::Bureau, A::Approve),
            Step::new(P::School, A::Order),
        ],
        Change::Resume { .. } => vec![
            Step::new(P::Guardian, A::Apply),
            Step::new(P::School, A::Review),
            Step::new(P::Bureau, A::File),
        ],
        Change::GoAbroad | Change::StudyMode { .. } | Change::ReturnFromPlacement => vec![
            Step::new(P::Guardian, A::Apply),
            Step::new(P::School, A::Review),
        ],
        Change::Sanction { .. } => vec![
            Step::new(P::MoralEducationOffice, A::Propose),
            Step::new(P::School, A::NotifyAndHear),
            Step::new(P::School, A::Hearing).optional(),
            Step::new(P::SchoolCouncil, A::Decide),
            Step::new(P::Principal, A::SignAndPublish),
        ],
        // 第四条: the school receives the 毕（结、肄）业 application and reports it to the bureau,
        // which 核办 it (R25.1, R25.3).
        Change::Finish(_) | Change::CertifyIncomplete => vec![
            Step::new(P::School, A::Review),
            Step::new(P::Bureau, A::Approve),
        ],
        Change::EndDeferral
        | Change::Promote { .. }
        | Change::Hold { .. }
        | Change::Restore
        | Change::ReturnFromAbroad
        | Change::Dropout { .. }
        | Change::ReturnFromDropout
        | Change::Award(_)
        | Change::LiftSanction { .. } => Vec::new(),
    }
}

impl Workflow {
    /// Opens an application for a change.
    pub fn open(change: Change, opened_on: NaiveDate, profile: &RuleProfile) -> Self {
        let steps = steps_for(&change, profile);
        let rule = change.kind().rule();
        Self {
            subject: Subject::Change(change),
            rule,
            opened_on,
            steps,
            proofs: Vec::new(),
            withdrawn: None,
            appeal: None,
        }
    }

    /// Opens a transfer-in application at the receiving school (R13.1).
    pub fn open_transfer_in(
        kind: TransferKind,
        route: TransferRoute,
        opened_on: NaiveDate,
        profile: &RuleProfile,
    ) -> Self {
        let rule = match kind {
            TransferKind::Regular => rules::R13_1,
            TransferKind::SpecialInclusive { .. } => rules::R13_6,
            TransferKind::ReturnFromReformSchool { .. } => rules::R13_7,
        };
        Self {
            subject: Subject::TransferIn(kind),
            rule,
            opened_on,
            steps: transfer_steps(profile, route),
            proofs: vec![ProofKind::WrittenApplication],
            withdrawn: None,
            appeal: None,
        }
    }

    pub fn change(&self) -> Option<&Change> {
        match &self.subject {
            Subject::Change(c) => Some(c),
            Subject::TransferIn(_) => None,
        }
    }

    pub fn change_kind(&self) -> Option<ChangeKind> {
        self.change().map(Change::kind)
    }

    fn refuse(&self, message: impl Into<String>) -> DomainError {
        DomainError::rule(self.rule.clone(), message)
    }

    /// The current state.
    pub fn state(&self) -> WorkflowState {
        if let Some((on, reason)) = &self.withdrawn {
            return WorkflowState::Withdrawn {
                on: *on,
                reason: reason.clone(),
            };
        }
        for (i, step) in self.steps.iter().enumerate() {
            match &step.outcome {
                StepOutcome::Pending => return WorkflowState::InProgress { step: i },
                StepOutcome::Rejected { on, reason } => {
                    return WorkflowState::Rejected {
                        step: i,
                        on: *on,
                        reason: reason.clone(),
                    };
                }
                StepOutcome::Approved { .. } | StepOutcome::Skipped { .. } => {}
            }
        }
        let on = self
            .steps
            .iter()
            .filter_map(Step::decided_on)
            .max()
            .unwrap_or(self.opened_on);
        WorkflowState::Approved { on }
    }

    pub fn is_approved(&self) -> bool {
        matches!(self.state(), WorkflowState::Approved { .. })
    }

    /// Adds a proof to an application still in progress (the scan of a 户籍证明 that came after
    /// the application was filed); one that is over keeps the proofs it was decided on.
    pub fn add_proof(&mut self, proof: ProofKind) -> Result<()> {
        if !matches!(self.state(), WorkflowState::InProgress { .. }) {
            return Err(self.refuse("申请已办结或已撤回，不能再补交材料"));
        }
        self.attach_proof(proof);
        Ok(())
    }

    /// Attaches a proof.
    pub fn attach_proof(&mut self, proof: ProofKind) {
        if !self.proofs.contains(&proof) {
            self.proofs.push(proof);
        }
    }

    /// The proof requirements not yet met.
    pub fn missing_proofs(&self) -> Vec<ProofRequirement> {
        match &self.subject {
            Subject::Change(c) => proofs::missing_proofs(c, &self.proofs),
            Subject::TransferIn(_) => Vec::new(),
        }
    }

    /// The step that may be decided now; refuses when the application is over.
    fn current(&self, step: usize, on: NaiveDate) -> Result<()> {
        match self.state() {
            WorkflowState::InProgress { step: current } if current == step => {}
            WorkflowState::InProgress { step: current } => {
                let label = self
                    .steps
                    .get(current)
                    .map(Step::label_zh)
                    .unwrap_or_default();
                if self.steps.get(step).is_some_and(|s| s.action.is_check()) {
                    return Err(self.refuse(format!(
                        "全国查重和身份比对须在主管教育行政部门核准后重新进行，当前应由{label}"
                    )));
                }
                return Err(self.refuse(format!("须按顺序办理，当前应由{label}")));
            }
            WorkflowState::Approved { .. } => return Err(self.refuse("申请已全部办结")),
            WorkflowState::Rejected { .. } => return Err(self.refuse("申请已被退回，不能继续办理")),
            WorkflowState::Withdrawn { .. } => return Err(self.refuse("申请已撤回")),
        }
        let since = self.activated_on(step);
        if on < since {
            return Err(self.refuse(format!("办理日期不能早于上一环节（{since}）")));
        }
        Ok(())
    }

    /// When a step became the current one: the previous step's decision, or the opening date.
    fn activated_on(&self, step: usize) -> NaiveDate {
        step.checked_sub(1)
            .and_then(|prev| self.steps.get(prev))
            .and_then(Step::decided_on)
            .unwrap_or(self.opened_on)
    }

    /// Approves the current step. The first step needs every required proof attached.
    pub fn approve(&mut self, step: usize, on: NaiveDate, reference: Option<&str>) -> Result<()> {
        self.current(step, on)?;
        if step == 0 {
            let missing = self.missing_proofs();
            if !missing.is_empty() {
                let list = missing
                    .iter()
                    .map(ProofRequirement::label_zh)
                    .collect::<Vec<_>>()
                    .join("、");
                return Err(self.refuse(format!("缺少证明材料：{list}")));
            }
        }
        let reference = reference
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        if let Some(s) = self.steps.get_mut(step) {
            s.outcome = StepOutcome::Approved { on, reference };
        }
        Ok(())
    }

    /// Rejects the current step with a reason; the application ends.
    pub fn reject(&mut self, step: usize, on: NaiveDate, reason: &str) -> Result<()> {
        self.current(step, on)?;
        let reason = reason.trim();
        if reason.is_empty() {
            if self.steps.get(step).is_some_and(|s| s.action.is_check()) {
                return Err(self.refuse("全国查重和身份比对未通过的，须填写未通过的原因"));
            }
            return Err(self.refuse("退回须说明理由"));
        }
        let party = self.steps.get(step).map(|s| s.party);
        if let (
            Subject::TransferIn(TransferKind::ReturnFromReformSchool {
                to_original_school: true,
            }),
            Some(Party::ReceivingSchool),
        ) = (&self.subject, party)
        {
            return Err(DomainError::rule(
                rules::R13_7,
                "在工读学校表现良好的学生申请转回原学校的，原学校应当准予转入",
            ));
        }
        if let Some(s) = self.steps.get_mut(step) {
            s.outcome = StepOutcome::Rejected {
                on,
                reason: reason.to_owned(),
            };
        }
        Ok(())
    }

    /// Skips the current step if it is optional (e.g. no hearing was asked for, R22.2).
    pub fn skip(&mut self, step: usize, on: NaiveDate) -> Result<()> {
        self.current(step, on)?;
        if !self.steps.get(step).is_some_and(|s| s.optional) {
            return Err(self.refuse("该环节不可省略"));
        }
        if let Some(s) = self.steps.get_mut(step) {
            s.outcome = StepOutcome::Skipped { on };
        }
        Ok(())
    }

    /// Withdraws the application while it is in progress.
    pub fn withdraw(&mut self, on: NaiveDate, reason: &str) -> Result<()> {
        if !matches!(self.state(), WorkflowState::InProgress { .. }) {
            return Err(self.refuse("只有办理中的申请可以撤回"));
        }
        if on < self.opened_on {
            return Err(self.refuse("撤回日期不能早于申请日期"));
        }
        self.withdrawn = Some((on, reason.trim().to_owned()));
        Ok(())
    }

    /// Records an appeal to the bureau against a published sanction (R22.2).
    pub fn file_appeal(&mut self, on: NaiveDate, grounds: &str) -> Result<()> {
        if self.change_kind() != Some(ChangeKind::Sanction) {
            return Err(DomainError::rule(rules::R22_2, "只有处分决定可以申诉"));
        }
        let WorkflowState::Approved { on: published } = self.state() else {
            return Err(DomainError::rule(
                rules::R22_2,
                "处分决定签署公布后方可申诉",
            ));
        };
        if on < published {
            return Err(DomainError::rule(
                rules::R22_2,
                "申诉日期不能早于处分公布日期",
            ));
        }
        if self.appeal.is_some() {
            return Err(DomainError::rule(rules::R22_2, "已经提出申诉"));
        }
        self.appeal = Some(Appeal {
            filed_on: on,
            grounds: grounds.trim().to_owned(),
            upheld: None,
        });
        Ok(())
    }

    /// Records the bureau's decision on the appeal.
    pub fn decide_appeal(&mut self, on: NaiveDate, upheld: bool) -> Result<()> {
        let appeal = self
            .appeal
            .as_mut()
            .ok_or_else(|| DomainError::rule(rules::R22_2, "尚未提出申诉"))?;
        if appeal.upheld.is_some() || on < appeal.filed_on {
            return Err(DomainError::rule(rules::R22_2, "申诉已处理或日期有误"));
        }
        appeal.upheld = Some((on, upheld));
        Ok(())
    }

    /// How a step's due date is counted (R13.3), once the step is reached: its working days
    /// from the day it was reached.
    pub fn step_basis(&self, step: usize) -> Option<Counting> {
        let days = self.steps.get(step).and_then(|s| s.working_days)?;
        let reached = step == 0
            || self
                .steps
                .get(step - 1)
                .is_some_and(|prev| prev.decided_on().is_some());
        reached.then(|| Counting::working_days(self.activated_on(step), days))
    }

    /// The due date of a step with a working-day limit, once the step is reached.
    pub fn step_due(&self, step: usize, calendar: &WorkCalendar) -> Result<Option<Due>> {
        self.step_basis(step).map(|b| b.due(calendar)).transpose()
    }

    /// The current step, if its party is past its working-day limit on `today` (R13.3).
    pub fn overdue_step(
        &self,
        calendar: &WorkCalendar,
        today: NaiveDate,
    ) -> Result<Option<OverdueStep>> {
        let WorkflowState::InProgress { step } = self.state() else {
            return Ok(None);
        };
        let Some(due) = self.step_due(step, calendar)? else {
            return Ok(None);
        };
        if today <= due.date {
            return Ok(None);
        }
        let overdue_working_days = calendar.working_days_between(due.date, today)?;
        if overdue_working_days == 0 {
            return Ok(None);
        }
        Ok(self.steps.get(step).map(|s| OverdueStep {
            step,
            party: s.party,
            due: due.date,
            overdue_working_days,
            provisional: due.provisional,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::{LeaveReason, TransferDetails};
    use crate::id_card::tests::d;
    use crate::sanction::SanctionLevel;
    use crate::school::Grade;

    fn transfer() -> Change {
        Change::TransferOut(TransferDetails {
            kind: TransferKind::Regular,
            grade: Grade::new(4).unwrap_or(Grade::FIRST),
            receiving_school: "杭州市某小学".into(),
            route: TransferRoute::AcrossCounties,
        })
    }

    fn sanction() -> Change {
        Change::Sanction {
            level: SanctionLevel::Warning,
            shortened_to: None,
            shortened_reason: None,
        }
    }

    #[test]
    fn r13_1_transfer_has_four_parties_in_order() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(transfer(), d(2024, 6, 24), &p);
        let parties: Vec<_> = w.steps.iter().map(|s| s.party).collect();
        assert_eq!(
            parties,
            vec![
                Party::Guardian,
                Party::ReceivingSchool,
                Party::ReceivingBureau,
                Party::SendingSchool,
                Party::SendingBureau
            ],
            "across counties: the receiving side, then the sending side"
        );
        // proofs first
        let err = w
            .approve(0, d(2024, 6, 24), None)
            .expect_err("no application yet");
        assert_eq!(err.rule_id(), Some(&rules::R13_1));
        w.attach_proof(ProofKind::WrittenApplication);
        w.approve(0, d(2024, 6, 24), None).expect("applied");
        // out of order
        let err = w.approve(2, d(2024, 6, 25), None).expect_err("order");
        assert_eq!(err.rule_id(), Some(&rules::R13_1));
        for (i, day) in [(1, 25), (2, 26), (3, 27)] {
            w.approve(i, d(2024, 6, day), None).expect("step");
            assert!(!w.is_approved());
        }
        w.approve(4, d(2024, 6, 28), Some("杭教籍〔2024〕12号"))
            .expect("last");
        assert_eq!(w.state(), WorkflowState::Approved { on: d(2024, 6, 28) });
        assert!(w.approve(4, d(2024, 6, 28), None).is_err());
    }

    #[test]
    fn r13_1_within_one_county_the_two_schools_then_the_one_bureau() {
        let p = RuleProfile::default();
        let Change::TransferOut(mut t) = transfer() else {
            unreachable!("a transfer")
        };
        t.route = TransferRoute::WithinCounty;
        let w = Workflow::open(Change::TransferOut(t), d(2024, 6, 24), &p);
        let parties: Vec<_> = w.steps.iter().map(|s| s.party).collect();
        assert_eq!(
            parties,
            [
                Party::Guardian,
                Party::ReceivingSchool,
                Party::SendingSchool,
                Party::Bureau
            ]
        );
        assert!(
            w.steps[1..]
                .iter()
                .all(|s| s.working_days == Some(p.transfer_step_working_days)),
            "R13.3: each party within the limit"
        );
        let inbound = Workflow::open_transfer_in(
            TransferKind::Regular,
            TransferRoute::WithinCounty,
            d(2024, 6, 24),
            &p,
        );
        assert_eq!(inbound.steps.len(), 4);
        assert_eq!(inbound.steps[3].party, Party::Bureau);
    }

    #[test]
    fn an_application_reads_back_from_its_json() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(transfer(), d(2024, 6, 24), &p);
        w.attach_proof(ProofKind::WrittenApplication);
        w.approve(0, d(2024, 6, 24), Some("文号")).expect("applied");
        let json = serde_json::to_string(&w).expect("json");
        assert_eq!(serde_json::from_str::<Workflow>(&json).expect("back"), w);
        let inbound = Workflow::open_transfer_in(
            TransferKind::Regular,
            TransferRoute::AcrossCounties,
            d(2024, 6, 24),
            &p,
        );
        let json = serde_json::to_string(&inbound).expect("json");
        assert_eq!(
            serde_json::from_str::<Workflow>(&json).expect("back"),
            inbound
        );
    }

    #[test]
    fn r13_3_each_party_has_ten_working_days() {
        let p = RuleProfile::default();
        let cal = WorkCalendar::official();
        let mut w = Workflow::open(transfer(), d(2024, 9, 20), &p);
        w.attach_proof(ProofKind::WrittenApplication);
        w.approve(0, d(2024, 9, 23), None).expect("applied");
        // the receiving school has 10 working days from 23 Sep: 11 Oct (National Day in between)
        assert_eq!(
            w.step_due(1, &cal).map(|x| x.map(|d| d.date)),
            Ok(Some(d(2024, 10, 11)))
        );
        assert_eq!(w.step_due(2, &cal), Ok(None), "not reached yet");
        assert_eq!(w.overdue_step(&cal, d(2024, 10, 11)), Ok(None));
        let late = w
            .overdue_step(&cal, d(2024, 10, 15))
            .expect("calendar")
            .expect("overdue");
        assert_eq!(late.party, Party::ReceivingSchool);
        assert_eq!(
            late.overdue_working_days, 3,
            "12 Oct (make-up Saturday), 14 and 15 Oct"
        );
        w.approve(1, d(2024, 10, 14), None).expect("late but done");
        assert_eq!(w.overdue_step(&cal, d(2024, 10, 15)), Ok(None));
        assert_eq!(
            w.step_due(2, &cal).map(|x| x.map(|d| d.date)),
            Ok(Some(d(2024, 10, 28)))
        );
    }

    #[test]
    fn rejection_needs_a_reason_and_ends_the_application() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(
            Change::Leave {
                reason: LeaveReason::Other {
                    description: "随父母出国探亲".into(),
                },
            },
            d(2024, 3, 1),
            &p,
        );
        w.attach_proof(ProofKind::WrittenApplication);
        w.attach_proof(ProofKind::OtherProof);
        w.approve(0, d(2024, 3, 1), None).expect("applied");
        assert!(w.reject(1, d(2024, 3, 2), "  ").is_err());
        w.reject(1, d(2024, 3, 2), "证明材料不足")
            .expect("rejected");
        assert!(matches!(w.state(), WorkflowState::Rejected { step: 1, .. }));
        assert!(w.approve(2, d(2024, 3, 3), None).is_err());
        assert!(w.withdraw(d(2024, 3, 3), "不办了").is_err());
    }

    #[test]
    fn a_proof_is_added_only_while_the_application_is_in_progress() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(transfer(), d(2024, 6, 24), &p);
        let missing = w.missing_proofs();
        assert!(!missing.is_empty(), "a transfer asks for proofs");
        w.add_proof(missing[0].any_of[0]).expect("in progress");
        assert_eq!(w.missing_proofs().len(), missing.len() - 1);
        w.withdraw(d(2024, 6, 25), "家长放弃").expect("withdraw");
        let err = w
            .add_proof(ProofKind::WrittenApplication)
            .expect_err("withdrawn");
        assert!(err.to_string().contains("不能再补交材料"), "{err}");
    }

    #[test]
    fn withdrawal_ends_an_application_in_progress() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(transfer(), d(2024, 6, 24), &p);
        w.withdraw(d(2024, 6, 25), "家长撤回").expect("withdrawn");
        assert!(matches!(w.state(), WorkflowState::Withdrawn { .. }));
        assert!(w.approve(0, d(2024, 6, 26), None).is_err());
    }

    #[test]
    fn r22_2_discipline_procedure_in_order_with_optional_hearing_and_appeal() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(sanction(), d(2024, 4, 1), &p);
        let actions: Vec<_> = w.steps.iter().map(|s| s.action).collect();
        assert_eq!(
            actions,
            vec![
                StepAction::Propose,
                StepAction::NotifyAndHear,
                StepAction::Hearing,
                StepAction::Decide,
                StepAction::SignAndPublish
            ]
        );
        // an appeal before publication is refused
        assert_eq!(
            w.file_appeal(d(2024, 4, 2), "不服")
                .expect_err("early")
                .rule_id(),
            Some(&rules::R22_2)
        );
        w.approve(0, d(2024, 4, 1), None).expect("proposed");
        // the council cannot decide before the student is heard
        assert_eq!(
            w.approve(3, d(2024, 4, 2), None)
                .expect_err("order")
                .rule_id(),
            Some(&rules::R22_2)
        );
        // a mandatory step cannot be skipped
        assert!(w.skip(1, d(2024, 4, 2)).is_err());
        w.approve(1, d(2024, 4, 2), None).expect("heard");
        w.skip(2, d(2024, 4, 3)).expect("no hearing asked for");
        w.approve(3, d(2024, 4, 8), None).expect("decided");
        w.approve(4, d(2024, 4, 9), None).expect("published");
        assert!(w.is_approved());
        w.file_appeal(d(2024, 4, 12), "处分过重").expect("appeal");
        w.decide_appeal(d(2024, 4, 30), true).expect("upheld");
        assert!(w.decide_appeal(d(2024, 5, 1), false).is_err());
    }

    #[test]
    fn r13_7_original_school_must_accept_a_return_from_reform_school() {
        let p = RuleProfile::default();
        let mut back = Workflow::open_transfer_in(
            TransferKind::ReturnFromReformSchool {
                to_original_school: true,
            },
            TransferRoute::AcrossCounties,
            d(2024, 8, 26),
            &p,
        );
        back.approve(0, d(2024, 8, 26), None).expect("applied");
        let err = back
            .reject(1, d(2024, 8, 27), "不接收")
            .expect_err("must accept");
        assert_eq!(err.rule_id(), Some(&rules::R13_7));
        back.approve(1, d(2024, 8, 27), None).expect("accepted");
        // another school may decline
        let mut other = Workflow::open_transfer_in(
            TransferKind::ReturnFromReformSchool {
                to_original_school: false,
            },
            TransferRoute::AcrossCounties,
            d(2024, 8, 26),
            &p,
        );
        other.approve(0, d(2024, 8, 26), None).expect("applied");
        other
            .reject(1, d(2024, 8, 27), "学位已满")
            .expect("may decline");
    }

    #[test]
    fn r14_1_leave_needs_a_county_hospital_certificate() {
        let p = RuleProfile::default();
        let mut w = Workflow::open(
            Change::Leave {
                reason: LeaveReason::Illness {
                    sick_since: d(2024, 1, 2),
                },
            },
            d(2024, 4, 10),
            &p,
        );
        w.attach_proof(ProofKind::WrittenApplication);
        let err = w
            .approve(0, d(2024, 4, 10), None)
            .expect_err("no certificate");
        assert!(err.to_string().contains("县级及以上医疗单位证明"));
        assert_eq!(err.rule_id(), Some(&rules::R14_1));
        w.attach_proof(ProofKind::CountyHospitalCertificate);
        w.approve(0, d(2024, 4, 10), None).expect("complete");
    }
}
