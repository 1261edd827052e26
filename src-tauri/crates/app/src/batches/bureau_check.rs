//! The county bureau's semester check (第四条, R4.1): 县级教育行政部门 … 每学期核查一次学生学籍
//! 信息变动情况. The school records that the bureau checked a term — the date, who checked, the
//! bureau's 文号 and the findings as text items — and resolves each finding with a date and a
//! note. The domain (`xueji_domain::bureau_check`) decides; every write is audited (ids and
//! counts only). Shown with the school's own review (R29.1, `review.rs`), never mixed with it.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::bureau_check::{BureauCheck, BureauFinding};
use xueji_domain::rules;
use xueji_domain::school::{Semester, Term};
use xueji_domain::{AuditAction, SchoolYear};
use xueji_store::entities::bureau_check;
use xueji_store::repo::bureau_checks;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

/// The bureau's check as the registrar enters it.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BureauCheckInput {
    /// Start year of the school year.
    pub school_year: i32,
    pub semester: Semester,
    pub checked_on: NaiveDate,
    /// The bureau, or who checked for it.
    pub checked_by: String,
    /// The bureau's document number, if any.
    pub reference: Option<String>,
    /// One finding per item; empty when the check found nothing.
    #[serde(default)]
    pub findings: Vec<String>,
}

/// A finding resolved.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BureauResolveInput {
    pub check_id: i64,
    /// 0-based.
    pub index: u32,
    pub on: NaiveDate,
    /// 整改情况.
    pub note: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BureauFindingView {
    pub index: u32,
    pub text: String,
    pub resolved_on: Option<NaiveDate>,
    pub resolved_by: Option<String>,
    pub resolution: Option<String>,
}

/// One check.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BureauCheckView {
    pub id: i64,
    pub school_year: i32,
    pub semester: Semester,
    pub term_label: String,
    pub checked_on: NaiveDate,
    pub checked_by: String,
    pub reference: Option<String>,
    pub findings: Vec<BureauFindingView>,
    /// Findings not yet resolved.
    pub open: u32,
    /// R4.1
    pub rule: String,
}

fn term_of(r: &bureau_check::Model) -> Term {
    Term {
        year: SchoolYear(r.school_year),
        semester: r.semester,
        start: r.term_start,
        end: r.term_end,
    }
}

fn domain_of(r: &bureau_check::Model) -> Result<BureauCheck> {
    Ok(BureauCheck {
        term: term_of(r),
        checked_on: r.checked_on,
        checked_by: r.checked_by.clone(),
        findings: serde_json::from_str::<Vec<BureauFinding>>(&r.findings)?,
    })
}

fn view_of(r: &bureau_check::Model) -> Result<BureauCheckView> {
    let check = domain_of(r)?;
    Ok(BureauCheckView {
        id: r.id,
        school_year: r.school_year,
        semester: r.semester,
        term_label: check.term.label_zh(),
        checked_on: r.checked_on,
        checked_by: r.checked_by.clone(),
        reference: r.reference.clone(),
        open: u32::try_from(check.open_findings()).unwrap_or(u32::MAX),
        findings: check
            .findings
            .into_iter()
            .enumerate()
            .map(|(i, f)| BureauFindingView {
                index: u32::try_from(i).unwrap_or(u32::MAX),
                text: f.text,
                resolved_on: f.resolved.as_ref().map(|x| x.on),
                resolved_by: f.resolved.as_ref().map(|x| x.by.clone()),
                resolution: f.resolved.map(|x| x.note),
            })
            .collect(),
        rule: rules::R4_1.as_str().to_owned(),
    })
}

impl App {
    /// Every recorded bureau check, the latest term first.
    pub async fn bureau_checks(&self, session: &Session) -> Result<Vec<BureauCheckView>> {
        self.authorize(session, Permission::ViewStudents).await?;
        bureau_checks::all(self.db())
            .await?
            .iter()
            .map(view_of)
            .collect()
    }

    /// Records the bureau's check of a term (R4.1): once per term, the term's dates from the
    /// settings, the domain's checks (who, the date in the term up to today), audited.
    pub async fn bureau_check_record(
        &self,
        session: &Session,
        input: &BureauCheckInput,
    ) -> Result<BureauCheckView> {
        self.authorize(session, Permission::ReviewRecords).await?;
        let config = self.config();
        let term = config
            .terms
            .iter()
            .find(|t| t.year == SchoolYear(input.school_year) && t.semester == input.semester)
            .copied()
            .ok_or_else(|| {
                AppError::validation("semester", "请先在“设置—学期”中填写该学期的起止日期")
            })?;
        let check = BureauCheck::new(
            term,
            input.checked_on,
            &input.checked_by,
            input.findings.iter().cloned(),
            self.today(),
        )?;
        let txn = self.db().begin().await?;
        if let Some(r) = bureau_checks::of_term(&txn, input.school_year, input.semester).await? {
            return Err(AppError::conflict(format!(
                "{}的教育局学期核查已经登记（编号 {}），每学期核查一次",
                term.label_zh(),
                r.id
            )));
        }
        let saved = bureau_checks::insert(
            &txn,
            bureau_check::Model {
                id: 0,
                school_year: input.school_year,
                semester: input.semester,
                term_start: term.start,
                term_end: term.end,
                checked_on: check.checked_on,
                checked_by: check.checked_by.clone(),
                reference: input
                    .reference
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
                findings: serde_json::to_string(&check.findings)?,
                recorded_by: session.username.clone(),
                recorded_at: self.now(),
            },
        )
        .await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::BureauCheckRecord,
            &format!(
                "bureau_check:{} findings:{} rule:{}",
                saved.id,
                check.findings.len(),
                rules::R4_1.as_str()
            ),
        )
        .await?;
        txn.commit().await?;
        view_of(&saved)
    }

    /// Resolves one finding of a bureau check (R4.1), with a date and what was done; audited.
    pub async fn bureau_check_resolve(
        &self,
        session: &Session,
        input: &BureauResolveInput,
    ) -> Result<BureauCheckView> {
        self.authorize(session, Permission::ReviewRecords).await?;
        let txn = self.db().begin().await?;
        let row = bureau_checks::find(&txn, input.check_id)
            .await?
            .ok_or_else(|| {
                AppError::not_found(format!("教育局学期核查（编号 {}）", input.check_id))
            })?;
        let mut check = domain_of(&row)?;
        let index = usize::try_from(input.index).unwrap_or(usize::MAX);
        check.resolve(
            index,
            input.on,
            &session.display_name,
            &input.note,
            self.today(),
        )?;
        let saved =
            bureau_checks::set_findings(&txn, row, serde_json::to_string(&check.findings)?).await?;
        audit::append(
            &txn,
            &session.username,
            AuditAction::BureauFindingResolve,
            &format!(
                "bureau_check:{} finding:{} open:{}",
                saved.id,
                input.index,
                check.open_findings()
            ),
        )
        .await?;
        txn.commit().await?;
        view_of(&saved)
    }
}
