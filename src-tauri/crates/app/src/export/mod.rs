//! Controlled exports (R30.1, R30.2): no personal data leaves the school without the bureau's
//! written approval (`disclosure.rs`: the 文号 in its official form and the date it bears).
//! Statistics and the 查重 list sent to the bureau itself need none. Every export asks for its
//! purpose, writes the facts to the audit log with who exported what, and marks the file itself
//! with the same facts.

mod data;
mod sheet;

use chrono::NaiveDate;
use xueji_domain::AuditAction;
use xueji_domain::rules;
use xueji_domain::security::{BureauApproval, Disclosure};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::disclosure::{self, ApprovalInput};
use crate::error::{AppError, Result};

pub use sheet::Marking;

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ExportKind {
    /// Class rosters (班级花名册): one sheet per class.
    Roster,
    /// The national duplicate-check list (全国查重名单, R7.5) of candidates read from a student
    /// list workbook (see [`App::export_duplicate_check`]).
    DuplicateCheck,
    /// Counts by grade, class, status, sex and flags, and changes per term.
    Statistics,
    /// Applications (学籍变动) opened in a date range.
    Changes,
}

impl ExportKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Roster => "班级花名册",
            Self::DuplicateCheck => "全国查重名单",
            Self::Statistics => "学籍统计表",
            Self::Changes => "学籍变动清单",
        }
    }

    /// What the export is under Art. 30.
    pub fn disclosure(self) -> Disclosure {
        match self {
            Self::Roster | Self::Changes => Disclosure::External,
            Self::DuplicateCheck => Disclosure::ToBureau,
            Self::Statistics => Disclosure::NoPersonalData,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Self::Roster => "roster",
            Self::DuplicateCheck => "duplicate_check",
            Self::Statistics => "statistics",
            Self::Changes => "changes",
        }
    }
}

/// An export as asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    /// The bureau's written approval reference (批准文号), required for personal data (R30.2).
    #[serde(default)]
    pub approval_ref: String,
    /// The date the approval document bears, with `approval_ref`.
    #[serde(default)]
    pub approved_on: Option<NaiveDate>,
    /// What the data is for, required (R30.1).
    pub purpose: String,
    /// Roster: only this grade.
    #[serde(default)]
    pub grade: Option<i32>,
    /// Roster: only this class (with `grade`).
    #[serde(default)]
    pub class_name: Option<String>,
    /// Changes: opened on or after.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Changes: opened on or before.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// The exported file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportFile {
    /// A suggested file name (`班级花名册-20261128.xlsx`).
    pub file_name: String,
    /// Data rows written (students, applications or count rows).
    pub rows: u32,
    #[serde(skip)]
    #[specta(skip)]
    pub bytes: Vec<u8>,
}

/// The purpose, trimmed and checked (R30.1), and the approval of `kind` checked on `today`
/// (R30.2).
fn approval(
    kind: ExportKind,
    request: &ExportRequest,
    today: NaiveDate,
) -> Result<(Option<BureauApproval>, String)> {
    let purpose = request.purpose.trim();
    let approval = disclosure::check(
        kind.disclosure(),
        0,
        &ApprovalInput {
            approval_ref: request.approval_ref.clone(),
            approved_on: request.approved_on,
        },
        today,
    )?;
    if purpose.is_empty() {
        return Err(
            AppError::rule(rules::R30_1, "导出学籍数据须写明用途（谁使用、谁负责）")
                .with_field("purpose", "请填写用途"),
        );
    }
    if request.approval_ref.trim().chars().count() > 100 || purpose.chars().count() > 200 {
        return Err(AppError::validation(
            "approvalRef",
            "批准文号不超过 100 字，用途不超过 200 字",
        ));
    }
    Ok((approval, purpose.to_owned()))
}

impl App {
    /// Checks an export before anything is made: the right to export, the approval reference
    /// (R30.2) and the purpose (R30.1). Returns the suggested file name, so the registrar is asked
    /// where to save only an export that may be made, and nothing is made or audited for a save
    /// that is cancelled.
    pub async fn export_check(
        &self,
        session: &Session,
        kind: ExportKind,
        request: &ExportRequest,
    ) -> Result<String> {
        self.authorize(session, Permission::PrintDocuments).await?;
        approval(kind, request, self.today())?;
        Ok(self.export_file_name(kind))
    }

    fn export_file_name(&self, kind: ExportKind) -> String {
        format!("{}-{}.xlsx", kind.label_zh(), self.today().format("%Y%m%d"))
    }

    /// Exports `kind` (every kind but the duplicate-check list, which needs its candidates) as an
    /// .xlsx workbook marked with who exported it, when, the approval reference and the purpose;
    /// the same facts go to the audit log (R30.1, R30.2).
    pub async fn export(
        &self,
        session: &Session,
        kind: ExportKind,
        request: &ExportRequest,
    ) -> Result<ExportFile> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let (approval, purpose) = approval(kind, request, self.today())?;
        let tables = match kind {
            ExportKind::Roster => data::rosters(self.db(), request).await?,
            ExportKind::Statistics => data::statistics(self.db(), self.today()).await?,
            ExportKind::Changes => data::changes(self.db(), request).await?,
            ExportKind::DuplicateCheck => {
                return Err(AppError::validation(
                    "kind",
                    "全国查重名单须从候选学生名单文件导出",
                ));
            }
        };
        self.finish_export(session, kind, approval.as_ref(), &purpose, &tables)
            .await
    }

    /// Exports the national duplicate-check list (全国查重, R7.5) of the candidates in a student
    /// list workbook (the import template): non-grade-1 newcomers without a record. Rows with a
    /// problem are refused with the import's row-level report in the message; nothing is exported
    /// then.
    pub async fn export_duplicate_check(
        &self,
        session: &Session,
        candidates_xlsx: &[u8],
        request: &ExportRequest,
    ) -> Result<ExportFile> {
        self.authorize(session, Permission::PrintDocuments).await?;
        let (approval, purpose) = approval(ExportKind::DuplicateCheck, request, self.today())?;
        let tables = data::duplicate_check(candidates_xlsx, self.today())?;
        self.finish_export(
            session,
            ExportKind::DuplicateCheck,
            approval.as_ref(),
            &purpose,
            &tables,
        )
        .await
    }

    async fn finish_export(
        &self,
        session: &Session,
        kind: ExportKind,
        approval: Option<&BureauApproval>,
        purpose: &str,
        tables: &[sheet::Table],
    ) -> Result<ExportFile> {
        let now = self.now();
        let school = self.config().school_profile.name.clone();
        let marking = Marking {
            school,
            title: kind.label_zh().to_owned(),
            exported_by: format!("{}（{}）", session.display_name, session.username),
            exported_at: now,
            approval_ref: approval.map_or_else(
                || not_needed(kind).to_owned(),
                |a| format!("{}（{}）", a.reference, a.approved_on),
            ),
            purpose: purpose.to_owned(),
        };
        let bytes = sheet::workbook(&marking, tables)?;
        let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
        let rows = u32::try_from(rows).unwrap_or(u32::MAX);
        // The approval facts are the point of R30.2: they go to the audit log verbatim, with the
        // kind and size of what left the school (never names or ID numbers).
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Export,
            &format!(
                "{} rows:{rows} disclosure:{} {} purpose:{purpose}",
                kind.slug(),
                disclosure_slug(kind.disclosure()),
                disclosure::audit_words(approval)
            ),
        )
        .await?;
        Ok(ExportFile {
            file_name: self.export_file_name(kind),
            rows,
            bytes,
        })
    }
}

/// Why an export without an approval needed none (marked on the file).
fn not_needed(kind: ExportKind) -> &'static str {
    match kind.disclosure() {
        Disclosure::NoPersonalData => "无需（统计数据，不含个人信息）",
        Disclosure::ToBureau => "无需（报送主管教育行政部门本身，不属于对外提供）",
        Disclosure::External => "",
    }
}

/// The audit word of a disclosure.
pub(crate) fn disclosure_slug(d: Disclosure) -> &'static str {
    match d {
        Disclosure::NoPersonalData => "no_personal_data",
        Disclosure::ToBureau => "to_bureau",
        Disclosure::External => "external",
    }
}
