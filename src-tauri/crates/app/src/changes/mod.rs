//! 学籍变动: applications and their procedures (R6–R23). A change is checked by the domain
//! (`engine::check`) before anything is written; an application keeps the whole `Workflow` as
//! JSON with one row per step, its proofs as encrypted attachments, and the waiting party's
//! working-day deadline (R13.3). When the last step is approved the effects are written through
//! `record::apply_effects` in the same transaction. Changes without a procedure take effect at
//! once and are kept as an application in state `applied`, so their events name it.

pub mod catalogue;
pub mod decide;
pub mod document;
pub(crate) mod fields;
pub mod input;
pub mod proof;
pub mod query;
pub mod submit;
pub mod views;

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};
use xueji_domain::calendar::{Counting, Due};
use xueji_domain::effects::{Deadline, DeadlineKind};
use xueji_domain::proofs;
use xueji_domain::rules;
use xueji_domain::workflow::{Subject, WorkflowState};
use xueji_domain::{ChangeKind, WorkCalendar, Workflow};
use xueji_store::entities::{application, application_step, attachment};
use xueji_store::repo::{applications, attachments, deadlines, students};

use crate::documents::kinds::PrintKind;
use crate::error::{AppError, Result};
use crate::views::{DeadlineView, WarningView};

pub use input::{
    AppealDecisionInput, AppealInput, ChangeInput, ChangeListInput, ChangeRequest, DecideInput,
    Decision, LeaveReasonInput, ProofAddInput, ProofUpload, TransferKindInput, WithdrawInput,
};
pub use views::{
    AppealView, ApplicationRow, ApplicationView, CheckView, FileView, LeaveExpiryRow, OverdueView,
    ProofRequirementView, StepDecision, StepPlanView, StepView, StepWording,
};
/// The domain's enums the requests carry (TypeScript unions of the same names).
pub use xueji_domain::change::{AwardLevel, KeyField, OrderedLeaveReason, TransferRoute};
pub use xueji_domain::proofs::ProofKind;
pub use xueji_domain::sanction::SanctionLevel;
pub use xueji_store::entities::application::ApplicationState;

use input::Details;

/// The largest file accepted (a scanned proof or other attachment).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// An upload decoded and checked.
pub(crate) struct Upload {
    pub kind: Option<ProofKind>,
    pub file_name: String,
    pub mime: String,
    pub data: Vec<u8>,
}

pub(crate) fn decode_upload(u: &ProofUpload) -> Result<Upload> {
    let file_name = u.file_name.trim();
    if file_name.is_empty() {
        return Err(AppError::validation("fileName", "请选择文件"));
    }
    // Refused before decoding: base64 of MAX_FILE_BYTES is 4/3 as long (blanks aside).
    let encoded = u
        .data_base64
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .count();
    if encoded > MAX_FILE_BYTES.div_ceil(3) * 4 {
        return Err(AppError::validation("dataBase64", "文件不能超过20MB"));
    }
    let data = input::decode_base64(&u.data_base64)?;
    if data.is_empty() {
        return Err(AppError::validation("dataBase64", "文件为空"));
    }
    if data.len() > MAX_FILE_BYTES {
        return Err(AppError::validation("dataBase64", "文件不能超过20MB"));
    }
    let mime = if u.mime.trim().is_empty() {
        "application/octet-stream"
    } else {
        u.mime.trim()
    };
    Ok(Upload {
        kind: u.kind,
        file_name: file_name.to_owned(),
        mime: mime.to_owned(),
        data,
    })
}

/// Stores an upload (inside the SQLCipher database, so encrypted at rest).
pub(crate) async fn save_upload<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    student_id: Option<i64>,
    application_id: i64,
    u: &Upload,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<attachment::Model> {
    let sha256 = Sha256::digest(&u.data)
        .iter()
        .fold(String::new(), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        });
    Ok(attachments::insert(
        db,
        attachment::Model {
            id: 0,
            student_id,
            application_id: Some(application_id),
            proof_kind: u.kind,
            file_name: u.file_name.clone(),
            mime: u.mime.clone(),
            sha256,
            data: u.data.clone(),
            created_at: now,
            created_by: actor.to_owned(),
        },
    )
    .await?)
}

/// An application row with its workflow and details.
pub(crate) async fn load<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<(application::Model, Workflow, Details)> {
    let a = applications::find(db, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("申请（编号 {id}）")))?;
    let w: Workflow = serde_json::from_str(&a.data)?;
    // A batch's application (a graduation outcome) has no request of its own.
    let details: Details = a
        .details
        .as_deref()
        .map(serde_json::from_str)
        .transpose()?
        .unwrap_or_default();
    Ok((a, w, details))
}

/// Where a workflow stands, computed before anything is written: the row's state, waiting step,
/// party and due date (R13.3), and how that due date was counted.
pub(crate) struct Standing {
    pub progress: applications::Progress,
    basis: Option<Counting>,
    counted: Option<Due>,
}

/// The standing of `w` after the event of `on` (which closes the application if it is over).
pub(crate) fn standing(w: &Workflow, calendar: &WorkCalendar, on: NaiveDate) -> Result<Standing> {
    let state = views::state_of(w);
    let (current, basis) = match w.state() {
        WorkflowState::InProgress { step } => (Some(step), w.step_basis(step)),
        _ => (None, None),
    };
    let counted = basis.as_ref().map(|b| b.due(calendar)).transpose()?;
    Ok(Standing {
        progress: applications::Progress {
            state,
            closed_on: (state != application::ApplicationState::Open).then_some(on),
            current_step: current.and_then(|s| i32::try_from(s).ok()),
            due_on: counted.as_ref().map(|d| d.date),
            waiting_on: current.and_then(|s| w.steps.get(s)).map(|s| s.party),
        },
        basis,
        counted,
    })
}

/// Writes where an application stands (see [`standing`]) with its workflow and details, and
/// the transfer-step deadline for the dashboard (R13.3). `on` is the date of the event that
/// moved it (closes the previous step's deadline).
pub(crate) async fn save_progress<C: ConnectionTrait>(
    db: &C,
    a: &application::Model,
    w: &Workflow,
    details: &Details,
    calendar: &WorkCalendar,
    on: NaiveDate,
) -> Result<application::Model> {
    let st = standing(w, calendar, on)?;
    let saved = applications::save_progress(
        db,
        a,
        serde_json::to_string(w)?,
        Some(serde_json::to_string(details)?),
        st.progress.clone(),
    )
    .await?;
    step_deadline(db, &saved, w, st, on).await?;
    Ok(saved)
}

/// The dashboard's deadline of the waiting step (R13.3): the previous one is met on `on`, the
/// step reached (if it has a limit) gets its own.
pub(crate) async fn step_deadline<C: ConnectionTrait>(
    db: &C,
    a: &application::Model,
    w: &Workflow,
    st: Standing,
    on: NaiveDate,
) -> Result<()> {
    let Some(student_id) = a.student_id else {
        return Ok(());
    };
    let open = deadlines::open_of_application_kind(db, a.id, DeadlineKind::TransferStep).await?;
    deadlines::close(db, open, on).await?;
    let step = st
        .progress
        .current_step
        .and_then(|s| usize::try_from(s).ok())
        .and_then(|s| w.steps.get(s));
    if let (Some(step), Some(basis), Some(counted)) = (step, st.basis, st.counted) {
        let d = Deadline {
            kind: DeadlineKind::TransferStep,
            due: counted.date,
            rule: rules::R13_3,
            label: format!(
                "{}（{}个工作日内）",
                step.label_zh(),
                step.working_days.unwrap_or_default()
            ),
            basis,
            provisional: counted.provisional,
        };
        crate::calendar::insert_deadline(db, student_id, Some(a.id), &d, None).await?;
    }
    Ok(())
}

/// Builds the detail view of an application.
pub(crate) async fn build_view<C: ConnectionTrait>(
    db: &C,
    calendar: &WorkCalendar,
    today: NaiveDate,
    a: &application::Model,
    w: &Workflow,
    details: &Details,
) -> Result<ApplicationView> {
    let step_rows = applications::steps(db, a.id).await?;
    build_view_from(db, calendar, today, a, w, details, step_rows).await
}

/// Builds the detail view of an application from step rows the caller has (just written).
pub(crate) async fn build_view_from<C: ConnectionTrait>(
    db: &C,
    calendar: &WorkCalendar,
    today: NaiveDate,
    a: &application::Model,
    w: &Workflow,
    details: &Details,
    step_rows: Vec<application_step::Model>,
) -> Result<ApplicationView> {
    let files = attachments::of_application(db, a.id).await?;
    let deadlines = deadlines::open_of_application(db, a.id).await?;
    let overdue = w.overdue_step(calendar, today).ok().flatten();
    let name = student_name(db, a.student_id, details).await?;
    let required = match &w.subject {
        Subject::Change(c) => proofs::required_proofs(c),
        Subject::TransferIn(_) => Vec::new(),
    };
    let documents = match (a.change_kind.change(), a.state) {
        (Some(ChangeKind::Sanction), application::ApplicationState::Approved) => {
            vec![PrintKind::SanctionDecision]
        }
        (Some(ChangeKind::LiftSanction), application::ApplicationState::Applied) => {
            vec![PrintKind::SanctionLiftNotice]
        }
        (Some(ChangeKind::OrderedLeave), application::ApplicationState::Approved) => {
            vec![PrintKind::LeaveOrder]
        }
        _ => Vec::new(),
    };
    Ok(ApplicationView {
        row: views::row(
            a,
            w,
            calendar,
            name,
            overdue.as_ref().map(|o| o.overdue_working_days),
        ),
        rule: w.rule.as_str().to_owned(),
        note: details.note.clone(),
        steps: views::steps(w, &step_rows, calendar),
        proofs: files.iter().map(views::attachment_view).collect(),
        required_proofs: required.iter().map(Into::into).collect(),
        missing_proofs: w.missing_proofs().iter().map(Into::into).collect(),
        overdue: overdue.map(|o| OverdueView {
            step: u32::try_from(o.step).unwrap_or(u32::MAX),
            party: o.party,
            party_label: o.party.label_zh().to_owned(),
            due: o.due,
            overdue_working_days: o.overdue_working_days,
            due_provisional: o
                .provisional
                .as_ref()
                .map(xueji_domain::calendar::Provisional::reason_zh),
        }),
        appeal: w.appeal.as_ref().map(|ap| AppealView {
            filed_on: ap.filed_on,
            grounds: ap.grounds.clone(),
            decided_on: ap.upheld.map(|(on, _)| on),
            upheld: ap.upheld.map(|(_, u)| u),
        }),
        warnings: details
            .warnings
            .iter()
            .map(|(rule, message)| WarningView {
                rule: rule.clone(),
                message: message.clone(),
            })
            .collect(),
        deadlines: deadlines
            .iter()
            .map(|d| DeadlineView::of_row(d, calendar))
            .collect(),
        documents,
    })
}

/// The student's name, or the incoming student's for a transfer in not yet complete.
pub(crate) async fn student_name<C: ConnectionTrait>(
    db: &C,
    student_id: Option<i64>,
    details: &Details,
) -> Result<String> {
    if let Some(id) = student_id {
        return Ok(students::find(db, id)
            .await?
            .map(|m| m.name)
            .unwrap_or_default());
    }
    Ok(match &details.request {
        Some(ChangeRequest::TransferIn { student, .. }) => student.name.trim().to_owned(),
        _ => String::new(),
    })
}

/// Adds warnings to the stored ones, without repeats.
pub(crate) fn add_warnings(details: &mut Details, warnings: &[xueji_domain::effects::Warning]) {
    for w in warnings {
        let pair = (w.rule.as_str().to_owned(), w.message.clone());
        if !details.warnings.contains(&pair) {
            details.warnings.push(pair);
        }
    }
}
