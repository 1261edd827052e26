//! The 责令休学通知书 of an approved ordered leave (R14.2), built from its application wherever it
//! is printed (from the application, or from the student's print menu): the bureau's approval
//! (date, 文号), the school's order as the leave's start, the leave's end from the record.

use xueji_domain::Workflow;
use xueji_domain::workflow::{Party, StepOutcome};
use xueji_print::documents::approval::StudentBlock;
use xueji_print::documents::leave_order::LeaveOrder;
use xueji_store::entities::{application, student};

use crate::changes::input::{ChangeRequest, Details};
use crate::error::{AppError, Result};

/// The order of application `a` for student `m`, numbered `serial`.
pub(crate) fn order(
    a: &application::Model,
    m: &student::Model,
    student: StudentBlock,
    serial: String,
) -> Result<LeaveOrder> {
    let w: Workflow = serde_json::from_str(&a.data)?;
    let details: Details = a
        .details
        .as_deref()
        .map(serde_json::from_str)
        .transpose()?
        .unwrap_or_default();
    let Some(ChangeRequest::OrderedLeave { reason }) = details.request else {
        return Err(AppError::validation("applicationId", "该申请不是责令休学"));
    };
    let decided = |party: Party| {
        w.steps
            .iter()
            .find_map(|s| match (&s.outcome, s.party == party) {
                (StepOutcome::Approved { on, reference }, true) => Some((*on, reference.clone())),
                _ => None,
            })
    };
    let (approved_on, approval_reference) = decided(Party::Bureau).unwrap_or((a.opened_on, None));
    let from = decided(Party::School).map_or(approved_on, |(on, _)| on);
    Ok(LeaveOrder {
        serial,
        student,
        reason,
        approved_on,
        approval_reference,
        from,
        until: m.leave_until,
    })
}
