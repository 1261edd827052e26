//! The 处分决定书 of one sanction (R22.2), built from its application wherever it is printed
//! (from the application once the principal has signed, or from the student's print menu): the
//! facts the 德育部门 proposed, what happened about a hearing, the council's date, the period and
//! the bureau an appeal goes to.

use sea_orm::ConnectionTrait;
use xueji_domain::Workflow;
use xueji_domain::hearing::Hearing;
use xueji_domain::workflow::{StepAction, StepOutcome};
use xueji_print::documents::approval::StudentBlock;
use xueji_print::documents::sanction_decision::SanctionDecision;
use xueji_store::entities::sanction;
use xueji_store::repo::applications;

use crate::changes::input::{ChangeRequest, Details};
use crate::error::Result;

/// The decision of `row` for `student`, numbered `serial`; `bureau` receives appeals.
pub(crate) async fn decision<C: ConnectionTrait>(
    db: &C,
    row: &sanction::Model,
    student: StudentBlock,
    serial: String,
    bureau: &str,
) -> Result<SanctionDecision> {
    let mut facts = row.reason.trim().to_owned();
    let mut hearing = None;
    let mut decided_on = row.decided_on;
    // A sanction received in a package may have no application here: its facts only.
    if let Some(id) = row.application_id
        && let Some(a) = applications::find(db, id).await?
    {
        let w: Workflow = serde_json::from_str(&a.data)?;
        let details: Details = a
            .details
            .as_deref()
            .map(serde_json::from_str)
            .transpose()?
            .unwrap_or_default();
        if let Some(ChangeRequest::Sanction { facts: f, .. }) = &details.request {
            f.trim().clone_into(&mut facts);
        }
        let notes = applications::steps(db, id).await?;
        for (i, step) in w.steps.iter().enumerate() {
            match (step.action, &step.outcome) {
                (StepAction::Hearing, outcome) => {
                    let remark = notes
                        .iter()
                        .find(|n| usize::try_from(n.ordinal).ok() == Some(i))
                        .and_then(|n| n.note.as_deref());
                    hearing = Hearing::from_step(outcome, remark);
                }
                (StepAction::Decide, StepOutcome::Approved { on, .. }) => decided_on = *on,
                _ => {}
            }
        }
    }
    let bureau = bureau.trim();
    Ok(SanctionDecision {
        serial,
        student,
        level: row.level,
        facts,
        hearing,
        decided_on,
        period_from: row.decided_on,
        period_to: row.period_ends,
        bureau: if bureau.is_empty() {
            "主管教育行政部门".to_owned()
        } else {
            bureau.to_owned()
        },
    })
}
