//! Reading applications: the list with its filters (kind, state, waiting party, overdue), one
//! application in full, a proof's content, and the students whose leave has ended (R14.3).

use std::collections::HashMap;
use xueji_domain::AuditAction;

use xueji_domain::{ApplicationKind, ChangeKind, Workflow};
use xueji_store::repo::{applications, attachments, student_lists, students};

use super::views::{LeaveExpiryRow, row};
use super::{ApplicationRow, ApplicationView, ChangeListInput, FileView};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::views::{Page, grade_label};

impl App {
    /// Applications, newest first, filtered by change kind, state, waiting party and overdue
    /// steps (working days, R13.3).
    pub async fn change_list(
        &self,
        session: &Session,
        input: &ChangeListInput,
    ) -> Result<Page<ApplicationRow>> {
        self.authorize(session, Permission::ViewStudents).await?;
        let today = self.today();
        let config = self.config();
        let filter = applications::ListFilter {
            student_id: input.student_id,
            kind: input.kind,
            state: input.state,
            waiting_on: input.waiting_on,
            due_before: input.overdue_only.then_some(today),
        };
        let rows = applications::list(self.db(), &filter).await?;
        let mut found = Vec::new();
        for a in rows {
            let w: Workflow = serde_json::from_str(&a.data)?;
            let overdue = w
                .overdue_step(&config.calendar, today)
                .ok()
                .flatten()
                .map(|o| o.overdue_working_days);
            if input.overdue_only && overdue.is_none() {
                continue;
            }
            found.push((a, w, overdue));
        }
        let page = input.page.max(1);
        let page_size = if input.page_size == 0 {
            50
        } else {
            input.page_size.min(500)
        };
        let total = u64::try_from(found.len()).unwrap_or(u64::MAX);
        let skip = usize::try_from((page - 1) * page_size).unwrap_or(usize::MAX);
        let take = usize::try_from(page_size).unwrap_or(usize::MAX);
        let page_rows: Vec<_> = found.into_iter().skip(skip).take(take).collect();
        let ids: Vec<i64> = page_rows
            .iter()
            .filter_map(|(a, ..)| a.student_id)
            .collect();
        let names: HashMap<i64, String> = students::by_ids(self.db(), ids)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        let mut out = Vec::with_capacity(page_rows.len());
        for (a, w, overdue) in page_rows {
            let name = match a.student_id {
                Some(id) => names.get(&id).cloned().unwrap_or_default(),
                None => match a.details.as_deref().map(serde_json::from_str) {
                    Some(Ok(details)) => super::student_name(self.db(), None, &details).await?,
                    _ => String::new(),
                },
            };
            out.push(row(&a, &w, &config.calendar, name, overdue));
        }
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Search,
            "applications",
        )
        .await?;
        Ok(Page {
            total,
            page,
            page_size,
            rows: out,
        })
    }

    /// One application with its steps and decisions, proofs, missing proofs, open deadlines and
    /// the overdue step (audited as a view).
    pub async fn change_show(&self, session: &Session, id: i64) -> Result<ApplicationView> {
        self.authorize(session, Permission::ViewStudents).await?;
        let (a, w, details) = super::load(self.db(), id).await?;
        let config = self.config();
        let view =
            super::build_view(self.db(), &config.calendar, self.today(), &a, &w, &details).await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("application:{id}"),
        )
        .await?;
        Ok(view)
    }

    /// A stored file's content (audited as a view).
    pub async fn attachment_get(&self, session: &Session, id: i64) -> Result<FileView> {
        self.authorize(session, Permission::ViewStudents).await?;
        let f = attachments::find(self.db(), id)
            .await?
            .ok_or_else(|| AppError::not_found(format!("附件（编号 {id}）")))?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("attachment:{id}"),
        )
        .await?;
        Ok(FileView {
            file_name: f.file_name,
            mime: f.mime,
            data: f.data,
        })
    }

    /// Students on leave whose leave has ended (`leave_until` before today): the registrar must
    /// resume them or extend the leave (R14.3).
    pub async fn leave_expiry(&self, session: &Session) -> Result<Vec<LeaveExpiryRow>> {
        self.authorize(session, Permission::ViewStudents).await?;
        let today = self.today();
        let students = student_lists::leave_ended(self.db(), today).await?;
        let ids: Vec<i64> = students.iter().map(|m| m.id).collect();
        let kinds = [
            ChangeKind::Resume,
            ChangeKind::ExtendLeave,
            ChangeKind::Withdraw,
        ]
        .map(ApplicationKind::Change);
        let open: Vec<i64> = applications::open_of_kinds(self.db(), ids, &kinds)
            .await?
            .into_iter()
            .filter_map(|a| a.student_id)
            .collect();
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Search,
            "leave_expiry",
        )
        .await?;
        Ok(students
            .into_iter()
            .filter_map(|m| {
                let until = m.leave_until?;
                Some(LeaveExpiryRow {
                    student_id: m.id,
                    xueji_number: m.xueji_number.clone(),
                    grade_label: grade_label(m.grade),
                    class_name: m.class_name.clone(),
                    leave_until: until,
                    days_past: (today - until).num_days(),
                    application_open: open.contains(&m.id),
                    name: m.name,
                })
            })
            .collect())
    }
}
