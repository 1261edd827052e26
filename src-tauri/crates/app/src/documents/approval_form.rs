//! The approval forms (学籍变动申请表): the student's facts, the change's own rows, the proofs
//! supplied, the reason and the recorded opinions, from the student's latest application of the
//! form's kind (or blank for handwriting).

use chrono::NaiveDate;
use xueji_domain::change::{KeyField, LeaveReason};
use xueji_domain::proofs::{ProofKind, required_proofs};
use xueji_domain::{ApplicationKind, ChangeKind};
use xueji_domain::{Change, Grade, Workflow};
use xueji_print::documents::approval::{ApprovalForm, ApprovalKind};

use super::fill::{StudentData, guardian, student_block};
use crate::changes::fields::{field_display, field_label};
use crate::changes::input::Details;
use crate::error::Result;
use crate::record::status_of;
use crate::settings::SchoolProfile;
use crate::views::grade_label;

/// The application form of `kind`, from the student's latest application of that kind if any
/// (its proofs and recorded opinions), else blank for handwriting.
pub fn approval_form(
    d: &StudentData,
    kind: ApprovalKind,
    change: ChangeKind,
    school: &SchoolProfile,
    serial: &str,
    today: NaiveDate,
    steps: &[xueji_store::entities::application_step::Model],
) -> Result<ApprovalForm> {
    let m = &d.row;
    let latest = d
        .applications
        .iter()
        .rev()
        .find(|a| a.change_kind == ApplicationKind::Change(change));
    // The stored application: its workflow (the change, the proofs supplied) and the request's
    // details (the note given as the reason). A stored row that does not parse is an error, not a
    // blank form.
    let workflow: Option<Workflow> = latest.map(|a| serde_json::from_str(&a.data)).transpose()?;
    let details: Option<Details> = latest
        .and_then(|a| a.details.as_deref())
        .map(serde_json::from_str)
        .transpose()?;
    let stored = workflow.as_ref().and_then(Workflow::change);
    let proofs = match (&workflow, stored) {
        (Some(w), _) if !w.proofs.is_empty() => {
            w.proofs.iter().map(|p| p.label_zh().to_owned()).collect()
        }
        (_, Some(c)) => ApprovalForm::proof_labels(&required_proofs(c)),
        _ if kind == ApprovalKind::KeyDataChange => vec![format!(
            "{}或{}",
            ProofKind::HouseholdRegister.label_zh(),
            ProofKind::OtherProof.label_zh()
        )],
        _ => vec![ProofKind::WrittenApplication.label_zh().to_owned()],
    };
    let mut rows = vec![
        ("现就读年级".to_owned(), grade_label(m.grade)),
        (
            "学籍状态".to_owned(),
            status_of(m).map(|s| s.label_zh().to_owned())?,
        ),
    ];
    rows.extend(stored.map(change_rows).unwrap_or_default());
    let opinions = latest.map_or_else(Vec::new, |a| {
        steps
            .iter()
            .filter(|s| s.application_id == a.id && s.decision.is_some())
            .map(|s| match s.reference.as_deref().filter(|r| !r.is_empty()) {
                Some(r) => format!("{}（{r}）", s.label),
                None => s.label.clone(),
            })
            .collect()
    });
    Ok(ApprovalForm {
        kind,
        serial: Some(serial.to_owned()),
        student: student_block(m, school, today)?,
        guardian: guardian(d)?,
        details: rows,
        reason: details
            .and_then(|d| d.note)
            .map(|n| n.trim().to_owned())
            .unwrap_or_default(),
        proofs,
        opinions,
        applied_on: latest.map_or(today, |a| a.opened_on),
    })
}

/// The change's own facts as the form's rows: what changes, to what, where to.
fn change_rows(change: &Change) -> Vec<(String, String)> {
    let grade = |g: Grade| grade_label(Some(i32::from(g.number())));
    let row = |k: &str, v: String| (k.to_owned(), v);
    match change {
        Change::Defer { school_year, .. } | Change::RenewDeferral { school_year, .. } => {
            vec![row("缓学学年", school_year.label_zh())]
        }
        Change::CorrectBasicData {
            field,
            before,
            after,
        } => vec![
            row("变更项目", field_label(field).to_owned()),
            row("原内容", field_display(field, before)),
            row("变更后", field_display(field, after)),
        ],
        Change::CorrectKeyData {
            field,
            before,
            after,
            ..
        } => vec![
            row(
                "变更项目",
                match field {
                    KeyField::Name => "姓名",
                    KeyField::IdCardNumber => "身份证件号码",
                }
                .to_owned(),
            ),
            row("原内容", before.clone()),
            row("变更后", after.clone()),
        ],
        Change::Skip { to } => vec![row("跳入年级", grade(*to))],
        Change::Resume { grade: g } => vec![row("复学年级", grade(*g))],
        Change::TransferOut(t) => vec![
            row("转入学校", t.receiving_school.clone()),
            row("转入年级", grade(t.grade)),
        ],
        Change::ReformSchoolPlacement { school, .. } => vec![row("转入工读学校", school.clone())],
        Change::Leave { reason } => vec![row(
            "休学原因",
            match reason {
                LeaveReason::Illness { sick_since } => format!("因病（自{sick_since}起连续病休）"),
                LeaveReason::Other { description } => description.clone(),
            },
        )],
        _ => Vec::new(),
    }
}
