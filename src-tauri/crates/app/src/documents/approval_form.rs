//! The approval forms (学籍变动申请表): the student's facts, the change's own rows, the proofs
//! the law asks for (each marked attached or missing), the reason, and one opinion block per
//! party filled from its recorded step (同意, or 不同意 with the reason; the 文号; who recorded it;
//! the date), from the student's latest application of the form's kind; blocks of parties still
//! to decide, and every block of a form with no application, stay blank for handwriting.

use std::collections::HashMap;

use chrono::NaiveDate;
use xueji_domain::change::{CheckResult, KeyField, LeaveReason, TransferKind};
use xueji_domain::proofs::{ProofRequirement, required_proofs};
use xueji_domain::{ApplicationKind, ChangeKind};
use xueji_domain::{Change, Grade, Workflow};
use xueji_print::documents::approval::{ApprovalForm, ApprovalKind, Opinion, Party, ProofLine};
use xueji_store::entities::application_step::{self, Decision};

use super::fill::{StudentData, guardian, student_block};
use crate::changes::fields::{field_display, field_label};
use crate::changes::input::Details;
use crate::error::Result;
use crate::record::status_of;
use crate::settings::SchoolProfile;
use crate::views::grade_label;

/// The recorded steps of the printed students' applications and the users' names.
#[derive(Default)]
pub struct Recorded {
    pub steps: Vec<application_step::Model>,
    /// User name → display name.
    pub names: HashMap<String, String>,
}

/// What the form is printed from besides the student: the school, the serial, today, the
/// recorded steps of the student's applications and the users' names (user name → display name).
pub struct FormContext<'a> {
    pub school: &'a SchoolProfile,
    pub serial: &'a str,
    pub today: NaiveDate,
    pub steps: &'a [application_step::Model],
    pub names: &'a HashMap<String, String>,
    /// Months a 休学 lasts (the profile's, R14.3).
    pub leave_months: u32,
    /// The application to print; `None` prints the student's latest of the form's kind.
    pub application: Option<i64>,
}

/// The application form of `kind`, from the student's latest application of that kind if any
/// (its proofs and recorded opinions), else blank for handwriting.
pub fn approval_form(
    d: &StudentData,
    kind: ApprovalKind,
    change: ChangeKind,
    cx: &FormContext<'_>,
) -> Result<ApprovalForm> {
    let FormContext {
        school,
        serial,
        today,
        steps,
        ..
    } = *cx;
    let m = &d.row;
    let latest = match cx.application {
        Some(id) => d.applications.iter().find(|a| a.id == id),
        None => d
            .applications
            .iter()
            .rev()
            .find(|a| a.change_kind == ApplicationKind::Change(change)),
    };
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
        (Some(w), Some(c)) => required_proofs(c)
            .iter()
            .map(|r| ProofLine {
                label: r.label_zh(),
                attached: Some(r.is_met_by(&w.proofs)),
            })
            .collect(),
        _ => ApprovalForm::blank_proofs(&blank_requirements(change)),
    };
    let mut rows = vec![
        ("现就读年级".to_owned(), grade_label(m.grade)),
        (
            "学籍状态".to_owned(),
            status_of(m).map(|s| s.label_zh().to_owned())?,
        ),
    ];
    rows.extend(stored.map(change_rows).unwrap_or_default());
    // 学籍核准 (R6.1): the record the school reports, from its entry.
    if change == ChangeKind::ApproveEnrolment
        && let Some(entry) = m.entry_date
    {
        rows.push(("入学日期".to_owned(), entry.to_string()));
    }
    if let (Some(Change::Leave { .. }), Some(a)) = (stored, latest) {
        rows.push(("休学期限".to_owned(), leave_period(m, a, cx.leave_months)));
    }
    // The blocks follow the application's steps (a transfer within one county has one bureau),
    // or the form's own order when there is no application.
    let parties: Vec<Party> = match &workflow {
        Some(w) => w.steps.iter().filter_map(|s| kind.party(s.party)).collect(),
        None => kind.parties(),
    };
    // A step that records a check (R11.2's national recheck) reads 通过 / 未通过, not 同意.
    let is_check = |s: &application_step::Model| {
        workflow.as_ref().is_some_and(|w| {
            usize::try_from(s.ordinal)
                .ok()
                .and_then(|i| w.steps.get(i))
                .is_some_and(|step| step.action.is_check())
        })
    };
    let opinions = parties
        .iter()
        .map(|party| {
            latest
                .and_then(|a| {
                    steps
                        .iter()
                        .find(|s| s.application_id == a.id && s.role == party.role)
                })
                .map_or_else(Opinion::default, |s| opinion(s, is_check(s), cx.names))
        })
        .collect();
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
        parties,
        opinions,
        applied_on: latest.map_or(today, |a| a.opened_on),
    })
}

/// The proofs a blank form lists: the law's for the change's kind (a 休学 for illness).
fn blank_requirements(change: ChangeKind) -> Vec<ProofRequirement> {
    xueji_domain::proofs::required_for(xueji_domain::proofs::ProofCase::Kind(change))
}

/// A recorded step as its block prints it: 同意 (with the remark), 不同意 with the reason, or
/// passed over; the 文号 and who recorded it. A check's result (`check`: the national recheck of
/// R11.2) prints 通过, or 未通过 with the reason, and its record instead of a 文号. A step not
/// yet decided prints nothing.
pub(super) fn opinion(
    step: &application_step::Model,
    check: bool,
    names: &HashMap<String, String>,
) -> Opinion {
    let note = step
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let (yes, no, reference_label) = if check {
        ("通过。", "未通过。原因：", "比对记录")
    } else {
        ("同意。", "不同意。理由：", "文号")
    };
    let mut lines = match step.decision {
        None => return Opinion::default(),
        Some(Decision::Approved) => vec![match note {
            Some(n) => format!("{yes}{n}"),
            None => yes.to_owned(),
        }],
        Some(Decision::Rejected) => vec![format!("{no}{}", note.unwrap_or("未说明"))],
        Some(Decision::Skipped) => vec!["本环节未经办。".to_owned()],
    };
    let reference = step
        .reference
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(|r| format!("{reference_label}：{r}"));
    let recorder = step.decided_by.as_ref().map(|user| {
        let name = names.get(user).map_or(user.as_str(), String::as_str);
        format!("录入：{name}")
    });
    let tail: Vec<String> = reference.into_iter().chain(recorder).collect();
    if !tail.is_empty() {
        lines.push(tail.join("　"));
    }
    Opinion {
        text: lines.join("\n"),
        on: step.decided_on,
    }
}

/// 休学期限: from the day it took effect to the day it ends once approved, else how long it will
/// last (R14.3: one year in principle).
fn leave_period(
    m: &xueji_store::entities::student::Model,
    a: &xueji_store::entities::application::Model,
    months: u32,
) -> String {
    match (a.closed_on, m.leave_until) {
        (Some(from), Some(until))
            if a.state == xueji_store::entities::application::ApplicationState::Approved =>
        {
            format!("{from}至{until}")
        }
        _ => format!("自核准之日起{months}个月（第十四条：休学期原则上为一年）"),
    }
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
            recheck,
        } => {
            let mut rows = vec![
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
            ];
            // Only an application stored before the recheck was its own step carries a result
            // claimed with the request; it has no recheck block, so the claim prints as a row.
            if let Some(claim) = recheck {
                let claim = match claim {
                    CheckResult::Passed => "通过",
                    CheckResult::Failed => "未通过",
                    CheckResult::NotDone => "尚未比对",
                };
                rows.push(row("全国查重和身份比对", format!("申请时登记为{claim}")));
            }
            rows
        }
        Change::Skip { to } => vec![row("跳入年级", grade(*to))],
        Change::Resume { grade: g } => vec![row("复学年级", grade(*g))],
        Change::TransferOut(t) => vec![
            row("转入学校", t.receiving_school.clone()),
            row("转入年级", grade(t.grade)),
            row("转学路径", t.route.label_zh().to_owned()),
            row("转学类别", transfer_kind_label(t.kind).to_owned()),
        ],
        Change::ReformSchoolPlacement {
            school,
            record_moves,
        } => vec![
            row("转入工读学校", school.clone()),
            row(
                "学籍",
                if *record_moves {
                    "随学生转入工读学校"
                } else {
                    "保留在原校"
                }
                .to_owned(),
            ),
        ],
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

/// 转学类别 as the transfer forms print it.
pub(super) fn transfer_kind_label(kind: TransferKind) -> &'static str {
    match kind {
        TransferKind::Regular => "普通转学",
        TransferKind::SpecialInclusive { .. } => "特殊教育学校与随班就读之间转学（第十三条第六款）",
        TransferKind::ReturnFromReformSchool { .. } => "工读学校学生转回（第十三条第七款）",
    }
}
