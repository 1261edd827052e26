//! To-dos: open applications waiting on this school and open deadlines, by due date.

use std::collections::HashMap;
use xueji_domain::rules;

use chrono::NaiveDate;
use xueji_domain::{ApplicationKind, ChangeKind};
use xueji_store::repo::dashboard as repo;

use crate::app::App;
use crate::dashboard::{LIST_LIMIT, TodoView, working_days_left};
use crate::error::Result;
use crate::views::{DeadlineView, provisional_reason};

/// The rule an application follows, from its change kind.
pub(crate) fn change_rule(kind: ApplicationKind) -> (String, String) {
    let rule = kind.change().map_or(rules::R13_1, ChangeKind::rule);
    (rule.as_str().to_owned(), kind.label_zh().to_owned())
}

/// Working days left (provisionally counted past the loaded notices).
pub(crate) fn left(app: &App, today: NaiveDate, due: NaiveDate) -> Option<i32> {
    working_days_left(&app.config().calendar, today, due).ok()
}

impl App {
    /// The to-dos sorted by due date (undated last) and how many there are in all.
    pub(crate) async fn dashboard_todos(
        &self,
        today: NaiveDate,
        notes: &mut Vec<String>,
    ) -> Result<(Vec<TodoView>, u64)> {
        let limit = u64::try_from(LIST_LIMIT).unwrap_or(u64::MAX);
        let total = repo::todo_count(self.db()).await?;
        let apps = repo::applications_waiting(self.db(), limit).await?;
        let deadlines = repo::deadlines_open(self.db(), limit).await?;
        let app_ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
        let steps = repo::step_labels(self.db(), &app_ids).await?;
        let student_ids: Vec<i64> = apps
            .iter()
            .filter_map(|a| a.student_id)
            .chain(deadlines.iter().map(|d| d.student_id))
            .collect();
        let names = self.student_names(&student_ids).await?;
        let mut out = Vec::with_capacity(apps.len() + deadlines.len());
        for a in &apps {
            let (rule, kind_label) = change_rule(a.change_kind);
            let waiting = a
                .waiting_on
                .map(|p| p.label_zh().to_owned())
                .unwrap_or_default();
            let step = a
                .current_step
                .and_then(|i| steps.get(&(a.id, i)).cloned())
                .unwrap_or_else(|| format!("等待{waiting}办理"));
            let days_left = a.due_on.and_then(|due| left(self, today, due));
            let provisional = a
                .due_on
                .and_then(|due| provisional_reason(&self.config().calendar, due));
            out.push(TodoView {
                source: "application".to_owned(),
                id: a.id,
                application_id: Some(a.id),
                student_id: a.student_id,
                student_name: a.student_id.and_then(|s| names.get(&s).cloned()),
                kind: a.change_kind.code().to_owned(),
                label: format!("{kind_label}：{step}"),
                rule,
                due_on: a.due_on,
                working_days_left: days_left,
                overdue: a.due_on.is_some_and(|d| d < today),
                provisional_reason: provisional,
            });
        }
        for d in &deadlines {
            let view = DeadlineView::of_row(d, &self.config().calendar);
            out.push(TodoView {
                source: "deadline".to_owned(),
                id: d.id,
                application_id: d.application_id,
                student_id: Some(d.student_id),
                student_name: names.get(&d.student_id).cloned(),
                kind: xueji_domain::stored::text(&d.kind),
                label: d.label.clone(),
                rule: d.rule.clone(),
                due_on: Some(d.due_on),
                working_days_left: left(self, today, d.due_on),
                overdue: d.due_on < today,
                provisional_reason: view.provisional_reason,
            });
        }
        out.sort_by_key(|t| (t.due_on.is_none(), t.due_on, t.source.clone(), t.id));
        out.truncate(LIST_LIMIT);
        if total > out.len() as u64 {
            notes.push(format!(
                "待办事项共{total}项，这里只列出最早到期的{}项",
                out.len()
            ));
        }
        if out.iter().any(|t| t.provisional_reason.is_some()) {
            notes.push(
                "标有“暂定”的期限按法定节假日计算（当年的国务院节假日安排尚未载入），\
                 载入通知后自动重新计算"
                    .to_owned(),
            );
        }
        Ok((out, total))
    }

    /// Names of students by id (for the dashboard's lists).
    pub(crate) async fn student_names(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        Ok(repo::student_names(self.db(), ids).await?)
    }
}
