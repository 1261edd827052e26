//! The written notices of an application: the sanction decision (R22.2), the notice lifting it
//! (R23.2) and the leave order (责令休学通知书, R14.2), as PDF bytes from the print crate.
//! Printing is audited.

use chrono::{Datelike, NaiveDate};
use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::id_card::Sex;
use xueji_domain::{IdCardNumber, PersonName};
use xueji_print::documents::approval::StudentBlock;
use xueji_print::documents::sanction_lift_notice::SanctionLiftNotice;
use xueji_store::entities::{application, student};
use xueji_store::repo::{applications, sanctions};

use super::ChangeRequest;
use super::FileView;
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::documents::PrintKind;
use crate::error::{AppError, Result};
use crate::record;
use crate::views::grade_label;

/// The serial number of a discipline document: 学处〔2025〕12号 (the application's id).
fn serial(on: NaiveDate, application_id: i64) -> String {
    format!("学处〔{}〕{application_id}号", on.year())
}

fn print_error(e: &xueji_print::PrintError) -> AppError {
    AppError::internal(format!("生成文书失败：{e}"))
}

impl App {
    fn student_block(&self, m: &student::Model) -> Result<StudentBlock> {
        let config = self.config();
        let xueji_number = crate::documents::fill::xueji(m)?;
        let grade = grade_label(m.grade);
        Ok(StudentBlock {
            name: PersonName::parse(&m.name)?,
            sex: if m.sex == "female" {
                Sex::Female
            } else {
                Sex::Male
            },
            birth_date: m.birth_date,
            id_number: IdCardNumber::parse(&m.id_number, self.today()).ok(),
            xueji_number,
            school: config.school_profile.name.clone(),
            class: match &m.class_name {
                Some(c) => format!("{grade}（{c}）"),
                None => grade,
            },
            address: m.current_address.clone(),
        })
    }

    /// The written notice of a completed discipline application: the sanction decision once the
    /// principal has signed (R22.2), the lift notice once a sanction is lifted (R23.2).
    pub async fn change_document(
        &self,
        session: &Session,
        application_id: i64,
    ) -> Result<FileView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let (a, _, details) = super::load(self.db(), application_id).await?;
        let student_id = a
            .student_id
            .ok_or_else(|| AppError::validation("applicationId", "该申请没有可打印的通知书"))?;
        let m = record::load(self.db(), student_id).await?;
        let block = self.student_block(&m)?;
        let (name, kind, pdf) = match (&details.request, a.state) {
            (Some(ChangeRequest::Sanction { .. }), application::ApplicationState::Approved) => {
                let row = sanctions::of_application(self.db(), a.id)
                    .await?
                    .into_iter()
                    .next()
                    .ok_or_else(|| AppError::not_found("该申请的处分记录"))?;
                let bureau = self.config().school_profile.county_bureau.clone();
                let doc = crate::documents::sanction::decision(
                    self.db(),
                    &row,
                    block,
                    serial(row.decided_on, a.id),
                    &bureau,
                )
                .await?;
                (
                    "处分决定书",
                    PrintKind::SanctionDecision,
                    xueji_print::render(&doc).map_err(|e| print_error(&e))?,
                )
            }
            (
                Some(ChangeRequest::LiftSanction { sanction_id, .. }),
                application::ApplicationState::Applied,
            ) => {
                let row = sanctions::find(self.db(), *sanction_id)
                    .await?
                    .ok_or_else(|| AppError::not_found("被解除的处分记录"))?;
                let decision = match row.application_id {
                    Some(id) => applications::find(self.db(), id).await?,
                    None => None,
                };
                let doc = SanctionLiftNotice {
                    serial: serial(a.opened_on, a.id),
                    student: block,
                    level: row.level,
                    decision_serial: decision
                        .map_or_else(String::new, |d| serial(row.decided_on, d.id)),
                    decided_on: row.decided_on,
                    period_to: row.period_ends,
                    lifted_on: row.lifted_on.unwrap_or(a.opened_on),
                };
                (
                    "解除处分通知书",
                    PrintKind::SanctionLiftNotice,
                    xueji_print::render(&doc).map_err(|e| print_error(&e))?,
                )
            }
            (Some(ChangeRequest::OrderedLeave { .. }), application::ApplicationState::Approved) => {
                // R14.2: the bureau approves, then the school orders the leave.
                let from = a.closed_on.unwrap_or(a.opened_on);
                let doc = crate::documents::leave_order::order(
                    &a,
                    &m,
                    block,
                    format!("学休〔{}〕{}号", from.year(), a.id),
                )?;
                (
                    "责令休学通知书",
                    PrintKind::LeaveOrder,
                    xueji_print::render(&doc).map_err(|e| print_error(&e))?,
                )
            }
            _ => {
                return Err(AppError::validation(
                    "applicationId",
                    "只有已签署公布的处分决定、已解除的处分和已核准的责令休学有书面通知书",
                ));
            }
        };
        // Every print is numbered in the issued-document log and audited, in one transaction.
        let txn = self.db().begin().await?;
        let issued = crate::documents::log_issue(
            &txn,
            kind,
            Some(student_id),
            &session.username,
            self.now(),
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::Print,
            &format!("application:{} {name} serial:{issued}", a.id),
        )
        .await?;
        txn.commit().await?;
        Ok(FileView {
            file_name: format!("{name}-{issued}.pdf"),
            mime: "application/pdf".to_owned(),
            data: pdf,
        })
    }
}
