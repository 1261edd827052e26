//! A certificate's life after printing (R26.2): a misprint not yet handed out is voided with its
//! reason and printed again once the school approver agrees; the hand-out is recorded, and after
//! it only the completion proof exists. Other documents are voided with a reason.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, TransactionTrait};
use xueji_domain::{AuditAction, certificate, rules};
use xueji_store::entities::issued_document;
use xueji_store::repo::documents;

use super::fill::StudentData;
use super::{IssuedDocumentRow, PrintKind};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

impl App {
    /// Voids an issued document (spoiled or wrong), with the reason. The serial stays in the log.
    /// A certificate is voided only as a misprint not yet handed out (R26.2); printing it again
    /// then waits for the school approver ([`App::certificate_reprint_approve`]).
    pub async fn document_void(
        &self,
        session: &Session,
        serial: &str,
        reason: &str,
    ) -> Result<IssuedDocumentRow> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let txn = self.db().begin().await?;
        let row = find_serial(&txn, serial).await?;
        // Voided already: a state, not the law's refusal, whatever the document.
        if row.voided {
            return Err(AppError::conflict(format!("文书{}已作废", row.serial)));
        }
        if row.kind == PrintKind::Certificate {
            certificate::may_void(&issued_certificate(&row), reason)?;
        }
        if reason.trim().is_empty() {
            return Err(AppError::validation("reason", "请填写作废原因"));
        }
        let saved =
            documents::void(&txn, row, self.now(), &session.username, reason.trim()).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::DocumentVoid,
            &format!("serial:{}", saved.serial),
        )
        .await?;
        txn.commit().await?;
        Ok(saved.into())
    }

    /// The school approver agrees to print a voided certificate again (R26.2: a misprint not
    /// yet handed out). The next certificate print for the student replaces it.
    pub async fn certificate_reprint_approve(
        &self,
        session: &Session,
        serial: &str,
    ) -> Result<IssuedDocumentRow> {
        self.authorize(session, Permission::DecideSchoolSteps)
            .await?;
        let txn = self.db().begin().await?;
        let row = find_serial(&txn, serial).await?;
        if row.kind != PrintKind::Certificate {
            return Err(AppError::validation("serial", "只有证书的重印需要审核"));
        }
        certificate::may_approve_reprint(&issued_certificate(&row))?;
        let saved = documents::approve_reprint(&txn, row, self.now(), &session.username).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::CertificateReprintApprove,
            &format!("serial:{}", saved.serial),
        )
        .await?;
        txn.commit().await?;
        Ok(saved.into())
    }

    /// Records that a printed certificate (or proof) was handed out on `on` (R26.2: from then on
    /// a certificate is never voided or reprinted; a lost one is replaced by the completion proof).
    pub async fn document_hand_out(
        &self,
        session: &Session,
        serial: &str,
        on: NaiveDate,
    ) -> Result<IssuedDocumentRow> {
        self.authorize(session, Permission::PrintDocuments).await?;
        if on > self.today() {
            return Err(AppError::validation("handedOutOn", "发放日期不能晚于今天"));
        }
        let txn = self.db().begin().await?;
        let row = find_serial(&txn, serial).await?;
        if !matches!(
            row.kind,
            PrintKind::Certificate | PrintKind::CompletionProof
        ) {
            return Err(AppError::validation(
                "serial",
                "只登记证书和毕（结、肄）业证明书的发放",
            ));
        }
        certificate::may_hand_out(&issued_certificate(&row), on, row.issued_at.date_naive())?;
        let saved = documents::hand_out(&txn, row, on, &session.username).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::DocumentHandOut,
            &format!("serial:{}", saved.serial),
        )
        .await?;
        txn.commit().await?;
        Ok(saved.into())
    }
}

async fn find_serial<C: ConnectionTrait>(db: &C, serial: &str) -> Result<issued_document::Model> {
    documents::find_by_serial(db, serial.trim())
        .await?
        .ok_or_else(|| AppError::not_found(format!("编号为{}的文书", serial.trim())))
}

fn issued_certificate(row: &issued_document::Model) -> certificate::IssuedCertificate {
    certificate::IssuedCertificate {
        serial: row.serial.clone(),
        voided: row.voided,
        handed_out: row.handed_out_on.is_some(),
        reprint_approved: row.reprint_approved_by.is_some(),
        replaced_by: row.replaced_by.clone(),
    }
}

/// Per student (in order), the voided misprint the new certificate replaces, if any; refuses
/// the whole batch, naming how many, when any student's certificate may not be printed (R26.2).
pub(super) async fn certificate_permits<C: ConnectionTrait>(
    db: &C,
    students: &[StudentData],
) -> Result<Vec<Option<String>>> {
    let ids: Vec<i64> = students.iter().map(|d| d.row.id).collect();
    let mut by_student: BTreeMap<i64, Vec<certificate::IssuedCertificate>> = BTreeMap::new();
    for row in documents::certificates_of(db, &ids).await? {
        if let Some(id) = row.student_id {
            by_student
                .entry(id)
                .or_default()
                .push(issued_certificate(&row));
        }
    }
    let mut permits = Vec::with_capacity(students.len());
    let mut refused: Vec<xueji_domain::DomainError> = Vec::new();
    for id in &ids {
        match certificate::may_print(by_student.get(id).map_or(&[][..], Vec::as_slice)) {
            Ok(certificate::PrintPermit::First) => permits.push(None),
            Ok(certificate::PrintPermit::Reprint { replaces }) => permits.push(Some(replaces)),
            Err(e) => refused.push(e),
        }
    }
    match refused.as_slice() {
        [] => Ok(permits),
        [one] if ids.len() == 1 => Err(one.clone().into()),
        [first, ..] => Err(AppError::rule(
            rules::R26_2,
            format!(
                "其中{}名学生的证书不能打印：{}；遗失的可开具毕（结、肄）业证明书",
                refused.len(),
                first.message()
            ),
        )),
    }
}
