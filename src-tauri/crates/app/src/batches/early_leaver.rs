//! 肄业 for an early leaver (issue 17 item 9; 第二十五条, R25.3): a student whose studies here
//! ended by 退学 (R17.1, at 18 or over) before completing nine years is given the 肄业 outcome,
//! as the graduation batch gives it to the last grade: the school's review and the bureau's
//! approval (its 文号) recorded, the `CertifyIncomplete` change applied through the domain, the
//! 学籍辅号 checked and stored as the certificate number (R26.1), the completion dated the day
//! studies ended — one transaction, audited. The certificate that says 肄业 and the 肄业证明书
//! then print as for any finished student (R24.1, R26.2).
//!
//! A dropout (辍学) does not qualify: 第十八条 keeps the record within the compulsory years, the
//! studies have not ended (R18.1); one who is 18 and will not return is withdrawn first.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::completion::Outcome;
use xueji_domain::transitions::{self, Verdict};
use xueji_domain::{AuditAction, AuxNumber, Change, ChangeKind, engine, rules};
use xueji_store::entities::student;
use xueji_store::repo::{events, students};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::views::snake;

/// The 肄业 of one early leaver.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EarlyLeaverInput {
    pub student_id: i64,
    /// The day the school reviewed it and the bureau approved it.
    pub on: NaiveDate,
    /// 学籍辅号 (R26.1); the stored one is used when empty.
    pub aux_number: Option<String>,
    /// 主管教育行政部门核准文号.
    pub bureau_reference: Option<String>,
}

/// Whether a student can be given the 肄业 outcome as an early leaver, and if not, why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EarlyLeaverCheck {
    pub student_id: i64,
    pub allowed: bool,
    /// The rule of the refusal (R18.1, R25.3, R9.2 …), or R25.3 when allowed.
    pub rule: String,
    /// Why not, in the rule's words; empty when allowed.
    pub message: String,
    /// The stored 学籍辅号, if any.
    pub aux_number: Option<String>,
    /// The day studies ended (the 退学), when they have.
    pub studies_ended_on: Option<NaiveDate>,
}

/// What was recorded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EarlyLeaverResult {
    pub student_id: i64,
    /// `incomplete`
    pub outcome: String,
    pub outcome_label: String,
    /// R25.3
    pub rule: String,
    /// The certificate number (R26.1).
    pub aux_number: String,
    pub studies_ended_on: NaiveDate,
}

impl App {
    /// The day the student's studies here ended: the 退学's date.
    async fn studies_ended_on<C: sea_orm::ConnectionTrait>(
        db: &C,
        m: &student::Model,
    ) -> Result<Option<NaiveDate>> {
        let withdraw = ChangeKind::Withdraw.code();
        Ok(events::of_student(db, m.id)
            .await?
            .iter()
            .rev()
            .find(|e| e.kind == withdraw)
            .map(|e| e.on_date)
            .or(m.last_change_on))
    }

    /// Whether the student can be given the 肄业 outcome as an early leaver (R25.3), from the
    /// domain's status table: the student page offers it, or shows the refusal with its rule.
    pub async fn early_leaver_check(
        &self,
        session: &Session,
        student_id: i64,
    ) -> Result<EarlyLeaverCheck> {
        self.authorize(session, Permission::ViewStudents).await?;
        let m = record::load(self.db(), student_id).await?;
        let status = record::status_of(&m)?;
        let (allowed, rule, message) =
            match transitions::verdict(status, ChangeKind::CertifyIncomplete) {
                Verdict::Allowed => (true, rules::R25_3, String::new()),
                Verdict::Refused { rule, message } => (false, rule, message.to_owned()),
            };
        let studies_ended_on = if status.is_ended() {
            Self::studies_ended_on(self.db(), &m).await?
        } else {
            None
        };
        // The record's 辅号 and the end of its studies are shown: who looked is recorded (R30.1).
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("student:{student_id} early_leaver_check"),
        )
        .await?;
        Ok(EarlyLeaverCheck {
            student_id,
            allowed,
            rule: rule.as_str().to_owned(),
            message,
            aux_number: m.aux_number.clone(),
            studies_ended_on,
        })
    }

    /// Gives a withdrawn early leaver the 肄业 outcome (R25.3) with the school's review and the
    /// bureau's approval, the 辅号 as certificate number (R26.1) — one transaction, audited.
    /// Refused, writing nothing, with the rule: not withdrawn (R25.3; a dropout R18.1), no or a
    /// malformed or taken 辅号 (R26.1), a date before the withdrawal (R5.1) or after today (R10.1).
    pub async fn early_leaver_incomplete(
        &self,
        session: &Session,
        input: &EarlyLeaverInput,
    ) -> Result<EarlyLeaverResult> {
        self.authorize(session, Permission::RunBatches).await?;
        let reference = input
            .bureau_reference
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .ok_or_else(|| {
                AppError::validation("bureauReference", "请填写主管教育行政部门核准文号")
            })?;
        let config = self.config();
        let today = self.today();
        let ctx = config.ctx(today);
        let actor = session.username.as_str();
        let txn = self.db().begin().await?;
        let m = record::load(&txn, input.student_id).await?;
        transitions::verdict(record::status_of(&m)?, ChangeKind::CertifyIncomplete)
            .into_result()?;
        let text = input
            .aux_number
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .or(m.aux_number.as_deref())
            .ok_or_else(|| {
                let mut e =
                    AppError::rule(rules::R26_1, "证书编号同学籍辅号，请先登记学生的学籍辅号");
                e.fields = vec![crate::error::FieldError {
                    field: "auxNumber".to_owned(),
                    message: "请填写学籍辅号".to_owned(),
                }];
                e
            })?;
        let aux = AuxNumber::parse(text, &config.profile.aux_pattern)?;
        if let Some(other) = students::with_aux_numbers(&txn, vec![aux.as_str().to_owned()])
            .await?
            .into_iter()
            .find(|o| o.id != m.id)
        {
            return Err(AppError::rule(
                rules::R26_1,
                format!(
                    "学籍辅号{}已登记给学生（编号 {}），证书编号不能重复",
                    aux.as_str(),
                    other.id
                ),
            ));
        }
        let mut snap = record::snapshot(&m, &config.profile, today)?;
        snap.aux_number = Some(aux.clone());
        engine::check(&ctx, &snap, &Change::CertifyIncomplete, input.on)?;
        let ended_on = Self::studies_ended_on(&txn, &m).await?.unwrap_or(input.on);
        let outcome = Outcome::Incomplete;
        super::finish::record_completion(
            &txn,
            &ctx,
            &super::finish::Finishing {
                actor,
                on: input.on,
                reference,
                now: self.now(),
            },
            &m,
            Some(&aux),
            Change::CertifyIncomplete,
            &snake(&outcome),
            ended_on,
        )
        .await?;
        audit::append(
            &txn,
            actor,
            AuditAction::EarlyLeaverIncomplete,
            &format!("student:{} rule:{}", m.id, rules::R25_3.as_str()),
        )
        .await?;
        txn.commit().await?;
        Ok(EarlyLeaverResult {
            student_id: m.id,
            outcome: snake(&outcome),
            outcome_label: outcome.label_zh().to_owned(),
            rule: rules::R25_3.as_str().to_owned(),
            aux_number: aux.as_str().to_owned(),
            studies_ended_on: ended_on,
        })
    }
}
