//! The entry points for changes: `check` (may this change be applied for?), `apply` (the
//! approved application's effects) and `apply_direct` (for changes without an approval
//! procedure). All return values; none performs anything.

use chrono::NaiveDate;

use crate::change::Change;
use crate::effects::{Effects, Warning};
use crate::error::{DomainError, Result};
use crate::guards;
use crate::outcomes;
use crate::proofs::ProofRequirement;
use crate::record::{Context, StudentSnapshot};
use crate::transitions;
use crate::workflow::{self, Step, Workflow, WorkflowState};

/// Whether `change` may be made to `record` with effect on `on`: the status table, then the
/// change's own rules. Returns advisory warnings (e.g. R13.2).
pub fn check(
    ctx: &Context<'_>,
    record: &StudentSnapshot,
    change: &Change,
    on: NaiveDate,
) -> Result<Vec<Warning>> {
    guards::common(ctx, record, on)?;
    transitions::verdict(record.status, change.kind()).into_result()?;
    guards::check(ctx, record, change, on)
}

/// The effects of an approved application. Refuses while any step is open, rejected or
/// withdrawn, or a proof is missing; re-checks the rules against the record as it is now.
pub fn apply(
    ctx: &Context<'_>,
    record: &StudentSnapshot,
    application: &Workflow,
    on: NaiveDate,
) -> Result<Effects> {
    let change = application.change().ok_or_else(|| {
        DomainError::rule(application.rule.clone(), "转入申请办结后按新建学籍处理")
    })?;
    match application.state() {
        WorkflowState::Approved { .. } => {}
        WorkflowState::InProgress { step } => {
            let label = application
                .steps
                .get(step)
                .map(Step::label_zh)
                .unwrap_or_default();
            return Err(DomainError::rule(
                application.rule.clone(),
                format!("审批尚未办结，当前环节：{label}"),
            ));
        }
        WorkflowState::Rejected { reason, .. } => {
            return Err(DomainError::rule(
                application.rule.clone(),
                format!("申请已被退回：{reason}"),
            ));
        }
        WorkflowState::Withdrawn { .. } => {
            return Err(DomainError::rule(application.rule.clone(), "申请已撤回"));
        }
    }
    let missing = application.missing_proofs();
    if !missing.is_empty() {
        let list = missing
            .iter()
            .map(ProofRequirement::label_zh)
            .collect::<Vec<_>>()
            .join("、");
        return Err(DomainError::rule(
            application.rule.clone(),
            format!("缺少证明材料：{list}"),
        ));
    }
    let warnings = check(ctx, record, change, on)?;
    let mut fx = outcomes::effects(ctx, record, change, on)?;
    fx.warnings.extend(warnings);
    Ok(fx)
}

/// The effects of a change that needs no approval (promotion, award, dropout, return …).
/// Refuses a change that has an approval procedure.
pub fn apply_direct(
    ctx: &Context<'_>,
    record: &StudentSnapshot,
    change: &Change,
    on: NaiveDate,
) -> Result<Effects> {
    let steps = workflow::steps_for(change, ctx.profile);
    if !steps.is_empty() {
        let list = steps
            .iter()
            .map(Step::label_zh)
            .collect::<Vec<_>>()
            .join("、");
        return Err(DomainError::rule(
            change.kind().rule(),
            format!(
                "{}须经审批（{list}），请先提交申请",
                change.kind().label_zh()
            ),
        ));
    }
    let warnings = check(ctx, record, change, on)?;
    let mut fx = outcomes::effects(ctx, record, change, on)?;
    fx.warnings.extend(warnings);
    Ok(fx)
}

/// Year-end promotion of every enrolled student (R12.1): one result per record, in order.
/// Students not enrolled, in the school's last grade, or already in the new year are refused
/// individually; the batch never stops on one refusal.
pub fn promotion_batch(
    ctx: &Context<'_>,
    records: &[StudentSnapshot],
    into: crate::school::SchoolYear,
    on: NaiveDate,
) -> Vec<Result<Effects>> {
    records
        .iter()
        .map(|r| apply_direct(ctx, r, &Change::Promote { into }, on))
        .collect()
}
