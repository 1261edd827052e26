//! The approval form of one application (学籍变动申请表), printed from the application itself:
//! every kind that has a form, and the transfer in (R13.1), which the receiving school prints
//! before the student has a record here (the student's block comes from the request).

use chrono::{Datelike, NaiveDate};
use sea_orm::TransactionTrait;
use xueji_domain::assigned_number::AssignedNumber;
use xueji_domain::id_card::Sex;
use xueji_domain::proofs::{ProofCase, required_for};
use xueji_domain::workflow::Subject;
use xueji_domain::{ApplicationKind, AuditAction, ChangeKind, Grade, PersonName, Workflow};
use xueji_print::documents::approval::{
    ApprovalForm, ApprovalKind, Guardian, Opinion, Party, ProofLine, StudentBlock,
};
use xueji_store::entities::{application, issued_document};
use xueji_store::repo::{applications, documents, users};

use super::approval_form::{self, FormContext, opinion, transfer_kind_label};
use super::{PrintKind, PrintedView, kinds, load_students, next_serials, print_error};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::changes::input::{ChangeRequest, Details};
use crate::error::{AppError, Result};
use crate::students::EnrolInput;
use crate::students::enrol::identity;
use crate::views::grade_label;

/// The form's kind for an application, if it has one: a transfer in is on the transfer form, a
/// renewed deferral on the deferral form (R6.2).
fn form_of(kind: ApplicationKind) -> Option<(PrintKind, ApprovalKind, ChangeKind)> {
    let change = match kind.change() {
        None => ChangeKind::TransferOut,
        Some(ChangeKind::RenewDeferral) => ChangeKind::Defer,
        Some(k) => k,
    };
    PrintKind::ALL.into_iter().find_map(|p| {
        kinds::approval(p)
            .filter(|(_, c)| *c == change)
            .map(|(form, c)| (p, form, c))
    })
}

impl App {
    /// Prints the approval form of `application_id` (numbered in the register and audited).
    pub async fn application_form(
        &self,
        session: &Session,
        application_id: i64,
    ) -> Result<PrintedView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let config = self.config();
        let db = self.db();
        let a = applications::find(db, application_id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("申请（编号 {application_id}）")))?;
        let (kind, form, change) = form_of(a.change_kind).ok_or_else(|| {
            AppError::validation(
                "applicationId",
                format!("“{}”没有申请表", a.change_kind.label_zh()),
            )
        })?;
        let steps = applications::steps(db, a.id).await?;
        let names = users::all(db)
            .await?
            .into_iter()
            .map(|u| (u.username, u.display_name))
            .collect();
        let today = self.today();
        let now = self.now();
        let txn = db.begin().await?;
        let serial = next_serials(&txn, kind, now.year(), 1)
            .await?
            .pop()
            .ok_or_else(|| AppError::internal("无法生成文书编号"))?;
        let cx = FormContext {
            school: &config.school_profile,
            serial: &serial,
            today,
            steps: &steps,
            names: &names,
            leave_months: config.profile.leave_months,
            application: Some(a.id),
        };
        let doc = match a.student_id {
            Some(id) => {
                let students = load_students(&txn, &[id]).await?;
                let d = students
                    .first()
                    .ok_or_else(|| AppError::not_found(format!("学生编号 {id}")))?;
                approval_form::approval_form(d, form, change, &cx)?
            }
            None => transfer_in_form(&a, form, &cx)?,
        };
        let pdf = xueji_print::render(&doc).map_err(print_error)?;
        documents::insert_many(
            &txn,
            vec![issued_document::Model {
                id: 0,
                serial: serial.clone(),
                kind,
                student_id: a.student_id,
                issued_at: now,
                issued_by: session.username.clone(),
                voided: false,
                target: a
                    .student_id
                    .is_none()
                    .then(|| format!("application:{}", a.id)),
                voided_at: None,
                voided_by: None,
                void_reason: None,
                handed_out_on: None,
                handed_out_by: None,
                reprint_approved_by: None,
                reprint_approved_at: None,
                replaced_by: None,
            }],
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::Print,
            &format!("application:{} kind:{} serial:{serial}", a.id, kind.code()),
        )
        .await?;
        txn.commit().await?;
        Ok(PrintedView {
            kind,
            pdf,
            serials: vec![serial],
            documents: 1,
        })
    }
}

/// The transfer-in form: the incoming student as the request gives them, studying at the
/// sending school; this school's name as the receiving one; each party's recorded opinion.
fn transfer_in_form(
    a: &application::Model,
    form: ApprovalKind,
    cx: &FormContext<'_>,
) -> Result<ApprovalForm> {
    let w: Workflow = serde_json::from_str(&a.data)?;
    let details: Details = a
        .details
        .as_deref()
        .map(serde_json::from_str)
        .transpose()?
        .unwrap_or_default();
    let Some(ChangeRequest::TransferIn {
        sending_school,
        student,
        route,
        ..
    }) = &details.request
    else {
        return Err(AppError::validation("applicationId", "该申请不是转入申请"));
    };
    let Subject::TransferIn(kind) = &w.subject else {
        return Err(AppError::validation("applicationId", "该申请不是转入申请"));
    };
    let grade = Grade::new(student.grade).map_err(AppError::from)?;
    let rows = vec![
        ("转出学校".to_owned(), sending_school.trim().to_owned()),
        ("转入学校".to_owned(), cx.school.name.clone()),
        (
            "转入年级".to_owned(),
            grade_label(Some(i32::from(grade.number()))),
        ),
        ("转学路径".to_owned(), route.label_zh().to_owned()),
        ("转学类别".to_owned(), transfer_kind_label(*kind).to_owned()),
    ];
    let proofs = required_for(ProofCase::Kind(ChangeKind::TransferOut))
        .iter()
        .map(|r| ProofLine {
            label: r.label_zh(),
            attached: Some(r.is_met_by(&w.proofs)),
        })
        .collect();
    let parties: Vec<Party> = w.steps.iter().filter_map(|s| form.party(s.party)).collect();
    let opinions = parties
        .iter()
        .map(|party| {
            cx.steps
                .iter()
                .find(|s| s.application_id == a.id && s.role == party.role)
                .map_or_else(Opinion::default, |s| opinion(s, false, cx.names))
        })
        .collect();
    Ok(ApprovalForm {
        kind: form,
        serial: Some(cx.serial.to_owned()),
        student: incoming(student, sending_school, grade, cx.today)?,
        guardian: incoming_guardian(student)?,
        details: rows,
        reason: details
            .note
            .map(|n| n.trim().to_owned())
            .unwrap_or_default(),
        proofs,
        parties,
        opinions,
        applied_on: a.opened_on,
    })
}

/// The incoming student's block, from the request (checked as the record will be).
fn incoming(
    s: &EnrolInput,
    sending_school: &str,
    grade: Grade,
    today: NaiveDate,
) -> Result<StudentBlock> {
    let id = identity(s, today)?;
    Ok(StudentBlock {
        name: PersonName::parse(&s.name)?,
        sex: if id.sex == "female" {
            Sex::Female
        } else {
            Sex::Male
        },
        birth_date: id.birth_date,
        id_number: id.id_card,
        // Its number at the sending school, as the national system holds it; 待分配 without one.
        xueji_number: id
            .xueji_number
            .map_or(AssignedNumber::Pending, AssignedNumber::National),
        school: sending_school.trim().to_owned(),
        class: grade_label(Some(i32::from(grade.number()))),
        address: s.current_address.trim().to_owned(),
    })
}

fn incoming_guardian(s: &EnrolInput) -> Result<Guardian> {
    let g = s
        .family
        .iter()
        .find(|f| f.guardian)
        .or_else(|| s.family.first())
        .ok_or_else(|| AppError::validation("family", "转入学生没有登记监护人，无法打印"))?;
    Ok(Guardian {
        name: PersonName::parse(&g.name)?,
        relation: g.relation.clone(),
        phone: g.phone.clone().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_the_wizard_prints_a_form_for_has_one() {
        // The wizard offers an approval form after submitting these (a report of what happened,
        // like the dropout report, prints per student once approved).
        for kind in [
            ChangeKind::Defer,
            ChangeKind::RenewDeferral,
            ChangeKind::Leave,
            ChangeKind::Resume,
            ChangeKind::TransferOut,
            ChangeKind::Skip,
            ChangeKind::Repeat,
            ChangeKind::Withdraw,
            ChangeKind::GoAbroad,
            ChangeKind::ReformSchoolPlacement,
            ChangeKind::CorrectBasicData,
            ChangeKind::CorrectKeyData,
            ChangeKind::ApproveEnrolment,
        ] {
            assert!(form_of(ApplicationKind::Change(kind)).is_some(), "{kind:?}");
        }
        assert_eq!(
            form_of(ApplicationKind::Change(ChangeKind::RenewDeferral)).map(|f| f.0),
            Some(PrintKind::DeferralForm)
        );
        assert_eq!(
            form_of(ApplicationKind::TRANSFER_IN).map(|f| f.0),
            Some(PrintKind::TransferForm)
        );
        assert!(form_of(ApplicationKind::Change(ChangeKind::Award)).is_none());
    }
}
