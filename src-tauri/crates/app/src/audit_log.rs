//! The audit log viewer (R30.1): rows filtered by user, action and date, newest first, and the
//! check of the hash chain. Reading the log is itself audited.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use xueji_store::entities::audit_log;

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
    /// `view`, `search`, `print`, `change`, `login_failed`, `denied` …
    pub action: Option<String>,
    /// UTC dates, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
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
    pub action: String,
    pub target: String,
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
        let mut q = audit_log::Entity::find();
        if let Some(u) = filter
            .user
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            q = q.filter(audit_log::Column::User.eq(u));
        }
        if let Some(a) = filter
            .action
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            q = q.filter(audit_log::Column::Action.eq(a));
        }
        // `at` is RFC 3339 UTC text, so dates compare as text prefixes.
        if let Some(from) = filter.from {
            q = q.filter(audit_log::Column::At.gte(from.to_string()));
        }
        if let Some(to) = filter.to.and_then(|t| t.succ_opt()) {
            q = q.filter(audit_log::Column::At.lt(to.to_string()));
        }
        let total = q.clone().count(self.db()).await?;
        let rows = q
            .order_by_desc(audit_log::Column::Seq)
            .offset(u64::from(page - 1) * u64::from(page_size))
            .limit(u64::from(page_size))
            .all(self.db())
            .await?
            .into_iter()
            .map(|r| AuditRowView {
                seq: r.seq,
                at: r.at,
                user: r.user,
                action: r.action,
                target: r.target,
            })
            .collect();
        audit::record(self.db(), &session.username, "view", "audit_log").await?;
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
        audit::record(self.db(), &session.username, "verify", "audit_log").await?;
        Ok(AuditCheckView {
            rows: report.rows,
            intact: report.is_intact(),
            problem: report.first_problem.map(|p| p.to_string()),
        })
    }
}
