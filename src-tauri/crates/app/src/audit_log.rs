//! The audit log viewer (R30.1): rows filtered by user, action and date, newest first, and the
//! check of the hash chain. Reading the log is itself audited.

use chrono::NaiveDate;
use xueji_domain::AuditAction;
use xueji_store::audit::{self as chain, RowFilter};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::Result;
use crate::views::Page;

/// Filters of the audit log.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditFilter {
    pub user: Option<String>,
    pub action: Option<AuditAction>,
    /// UTC dates, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Rows that name this student: a `student:ID` token or an id list `students:1,2,3` (the
    /// search and print rows). Rows that give `students:` a count (an import, a package) do not
    /// name anyone.
    #[serde(default)]
    pub student_id: Option<i64>,
    /// 1-based; 0 means 1.
    #[serde(default)]
    pub page: u32,
    /// 0 means 50.
    #[serde(default)]
    pub page_size: u32,
}

/// One row of the log.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditRowView {
    pub seq: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub user: String,
    /// The stored name: one of [`AuditAction`]'s, or a name this version does not know.
    pub action: String,
    /// What the audit page calls it (the stored name when this version does not know it).
    pub action_label: String,
    pub target: String,
}

/// An action the audit log can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditActionView {
    pub code: AuditAction,
    pub label: &'static str,
}

/// Every audit action and its label, for the audit page's filter.
pub fn audit_actions() -> Vec<AuditActionView> {
    AuditAction::ALL
        .into_iter()
        .map(|code| AuditActionView {
            code,
            label: code.label_zh(),
        })
        .collect()
}

/// The actions whose target gives `students:` a count rather than ids.
const COUNTED: [AuditAction; 6] = [
    AuditAction::StudentImport,
    AuditAction::PackageInspect,
    AuditAction::PackageImport,
    AuditAction::PackageCreateMigrantHandover,
    AuditAction::PackageCreateProgression,
    AuditAction::PackageCreateSchoolArchive,
];

/// Whether a row names student `id`: a `student:ID` token, or `id` in a `students:` id list.
fn names_student(action: &str, target: &str, id: i64) -> bool {
    let counted = AuditAction::from_code(action).is_some_and(|a| COUNTED.contains(&a));
    target.split_whitespace().any(|token| {
        if let Some(one) = token.strip_prefix("student:") {
            one.parse() == Ok(id)
        } else if let Some(list) = token.strip_prefix("students:") {
            !counted && list.split(',').any(|s| s.parse() == Ok(id))
        } else {
            false
        }
    })
}

/// The chain check.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheckView {
    pub rows: u64,
    pub intact: bool,
    /// The first problem, in Chinese (第 12 条记录被修改).
    pub problem: Option<String>,
}

impl App {
    /// A page of the audit log, newest first.
    pub async fn audit_list(
        &self,
        session: &Session,
        filter: &AuditFilter,
    ) -> Result<Page<AuditRowView>> {
        self.authorize(session, Permission::ViewAudit).await?;
        let page = filter.page.max(1);
        let page_size = if filter.page_size == 0 {
            50
        } else {
            filter.page_size.min(500)
        };
        // `at` is RFC 3339 UTC text, so dates compare as text prefixes.
        let from = filter.from.map(|d| d.to_string());
        let before = filter.to.and_then(|t| t.succ_opt()).map(|d| d.to_string());
        let rows = RowFilter {
            user: filter
                .user
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty()),
            action: filter.action,
            from: from.as_deref(),
            before: before.as_deref(),
            may_name_student: None,
        };
        let offset = u64::from(page - 1) * u64::from(page_size);
        let (total, rows) = match filter.student_id {
            None => chain::page(self.db(), rows, offset, u64::from(page_size)).await?,
            Some(id) => {
                // SQL narrows the rows to those that may name the student; the exact match
                // (a token, an id in a list, never a count) is checked here.
                let coarse = RowFilter {
                    may_name_student: Some(id),
                    ..rows
                };
                let (_, all) = chain::page(self.db(), coarse, 0, u64::MAX >> 1).await?;
                let named: Vec<_> = all
                    .into_iter()
                    .filter(|r| names_student(&r.action, &r.target, id))
                    .collect();
                let total = named.len() as u64;
                let start = usize::try_from(offset).unwrap_or(usize::MAX);
                let taken = named
                    .into_iter()
                    .skip(start)
                    .take(page_size as usize)
                    .collect();
                (total, taken)
            }
        };
        let rows = rows
            .into_iter()
            .map(|r| AuditRowView {
                seq: r.seq,
                at: r.at,
                user: r.user,
                action_label: AuditAction::from_code(&r.action)
                    .map_or_else(|| r.action.clone(), |a| a.label_zh().to_owned()),
                action: r.action,
                target: r.target,
            })
            .collect();
        audit::record(self.db(), &session.username, AuditAction::View, "audit_log").await?;
        Ok(Page {
            total,
            page,
            page_size,
            rows,
        })
    }

    /// Walks the hash chain and reports the first broken row.
    pub async fn audit_verify(&self, session: &Session) -> Result<AuditCheckView> {
        self.authorize(session, Permission::ViewAudit).await?;
        let report = self.store().verify_audit().await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Verify,
            "audit_log",
        )
        .await?;
        Ok(AuditCheckView {
            rows: report.rows,
            intact: report.is_intact(),
            problem: report.first_problem.map(|p| p.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::names_student;

    #[test]
    fn a_row_names_a_student_by_token_or_id_list_never_by_a_count() {
        assert!(names_student("view", "student:12", 12));
        assert!(names_student("view", "student:12 photo", 12));
        assert!(names_student(
            "change_submit",
            "student:3 application:12 leave",
            3
        ));
        assert!(!names_student(
            "change_submit",
            "student:3 application:12 leave",
            12
        ));
        assert!(!names_student("view", "student:123", 12));
        assert!(names_student("search", "students:4,12,30", 12));
        assert!(!names_student("search", "students:4,120,30", 12));
        assert!(!names_student("student_import", "students:12", 12));
        assert!(!names_student(
            "package_import",
            "R13 students:12 first:9 from trusted_school:1",
            12
        ));
    }
}
