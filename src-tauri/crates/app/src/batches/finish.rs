//! What the graduation batch and the 肄业 of an early leaver share: the school's review and the
//! bureau's approval recorded as an approved application (第四条: the school 受理 the 毕（结、肄）业
//! application and reports it, the bureau 核办), the change's effects applied, the 学籍辅号 stored
//! and the `completion` row whose certificate number is the 辅号 (R26.1).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;
use xueji_domain::workflow::StepOutcome;
use xueji_domain::{AuxNumber, Change, Context, StudentSnapshot, Workflow, engine};
use xueji_store::entities::{application, application_step, completion as completion_row, student};
use xueji_store::repo::{applications, completions, students};

use crate::error::Result;
use crate::record;

/// Who records it, when, and under which 文号 of the bureau.
pub(crate) struct Finishing<'a> {
    pub actor: &'a str,
    /// The date of the school's review and the bureau's approval.
    pub on: NaiveDate,
    pub reference: &'a str,
    pub now: DateTime<Utc>,
}

/// Records one student's completion change, in the caller's transaction. `ended_on` is the
/// date studies ended (the completion row's date); `outcome` the stored outcome code.
#[allow(clippy::too_many_arguments)] // the parts of one record, each needed once
pub(crate) async fn record_completion<C: ConnectionTrait>(
    db: &C,
    ctx: &Context<'_>,
    f: &Finishing<'_>,
    m: &student::Model,
    aux: Option<&AuxNumber>,
    change: Change,
    outcome: &str,
    ended_on: NaiveDate,
) -> Result<student::Model> {
    let id = m.id;
    let mut snap: StudentSnapshot = record::snapshot(m, ctx.profile, ctx.today)?;
    if let Some(a) = aux
        && m.aux_number.as_deref() != Some(a.as_str())
    {
        let value = a.as_str().to_owned();
        students::update(db, f.actor, id, "aux_number", move |row| {
            row.aux_number = Some(value);
        })
        .await?;
        snap.aux_number = Some(a.clone());
    }
    let kind = change.kind();
    let mut wf = Workflow::open(change.clone(), f.on, ctx.profile);
    wf.approve(0, f.on, None)?;
    wf.approve(1, f.on, Some(f.reference))?;
    let fx = engine::apply(ctx, &snap, &wf, f.on)?;
    let steps = wf
        .steps
        .iter()
        .map(|step| applications::NewStep {
            role: step.party,
            label: step.label_zh(),
            due_on: None,
            decision: Some(application_step::Decision::Approved),
            decided_on: Some(f.on),
            decided_by: Some(f.actor.to_owned()),
            reference: match &step.outcome {
                StepOutcome::Approved { reference, .. } => reference.clone(),
                _ => None,
            },
        })
        .collect();
    let (app, _) = applications::insert(
        db,
        applications::NewApplication {
            student_id: Some(id),
            change_kind: kind.into(),
            opened_on: f.on,
            data: serde_json::to_string(&wf)?,
            details: None,
            created_by: f.actor.to_owned(),
            progress: applications::Progress {
                state: application::ApplicationState::Approved,
                closed_on: Some(f.on),
                current_step: None,
                due_on: None,
                waiting_on: None,
            },
        },
        steps,
    )
    .await?;
    let saved =
        record::apply_effects(db, f.actor, id, Some(app.id), &fx, kind.code(), f.now).await?;
    completions::insert(
        db,
        completion_row::Model {
            id: 0,
            student_id: id,
            kind: outcome.to_owned(),
            on_date: ended_on,
            certificate_serial: saved.aux_number.clone(),
        },
    )
    .await?;
    Ok(saved)
}
