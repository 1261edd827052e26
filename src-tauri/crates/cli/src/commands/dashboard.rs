//! `xueji todo`, `xueji deadlines`, `xueji findings`: the 首页's lists from a script. They read the
//! same dashboard (opening it is audited), with working days counted on the loaded calendar.

use std::fmt::Write as _;

use serde_json::json;
use xueji_app::dashboard::{DashboardView, FindingView, TodoView};
use xueji_app::{App, Session};

use crate::error::Result;
use crate::output;

fn todo_line(t: &TodoView) -> String {
    let due = match (t.due_on, t.working_days_left) {
        (Some(d), Some(n)) if n < 0 => format!("{d}（已逾期 {} 个工作日）", -n),
        (Some(d), Some(n)) => format!("{d}（还有 {n} 个工作日）"),
        (Some(d), None) => d.to_string(),
        (None, _) => "无时限".to_owned(),
    };
    let provisional = if t.provisional_reason.is_some() {
        "，暂定"
    } else {
        ""
    };
    format!(
        "{}\t{}\t{}\t{}{provisional}\t{}",
        t.student_name.as_deref().unwrap_or("—"),
        t.label,
        t.rule,
        due,
        t.application_id
            .map(|a| format!("申请 {a}"))
            .unwrap_or_default()
    )
}

fn notes_text(v: &DashboardView) -> String {
    v.notes.iter().fold(String::new(), |mut text, n| {
        let _ = write!(text, "\n提示：{n}");
        text
    })
}

/// The to-dos from `source` (`None`: all), only the overdue ones when asked.
async fn todos(
    app: &App,
    session: &Session,
    json: bool,
    source: Option<&str>,
    overdue: bool,
    what: &str,
) -> Result<()> {
    let v = app.dashboard(session).await?;
    let rows: Vec<&TodoView> = v
        .todos
        .iter()
        .filter(|t| source.is_none_or(|s| t.source == s))
        .filter(|t| !overdue || t.overdue)
        .collect();
    let mut text = format!("{what}：{} 项", rows.len());
    if rows.len() < usize::try_from(v.todos_total).unwrap_or(usize::MAX) && source.is_none() {
        let _ = write!(text, "（共 {} 项，只列出到期最早的）", v.todos_total);
    }
    for t in &rows {
        let _ = write!(text, "\n{}", todo_line(t));
    }
    text.push_str(&notes_text(&v));
    output::success(
        json,
        &text,
        json!({ "today": v.today, "rows": rows, "total": v.todos_total, "notes": v.notes }),
    );
    Ok(())
}

/// `todo`: applications waiting on this school and open deadlines.
pub async fn todo(app: &App, session: &Session, json: bool, overdue: bool) -> Result<()> {
    todos(app, session, json, None, overdue, "待办").await
}

/// `deadlines`: the open statutory deadlines only.
pub async fn deadlines(app: &App, session: &Session, json: bool, overdue: bool) -> Result<()> {
    todos(
        app,
        session,
        json,
        Some("deadline"),
        overdue,
        "未完成的期限",
    )
    .await
}

fn finding_line(f: &FindingView) -> String {
    let severity = if f.severity == "breach" {
        "违规"
    } else {
        "提醒"
    };
    let overdue = f
        .overdue_working_days
        .map(|n| format!("，逾期 {n} 个工作日"))
        .unwrap_or_default();
    let link = match (f.application_id, f.student_id) {
        (Some(a), _) => format!("（申请 {a}）"),
        (None, Some(s)) => format!("（学生编号 {s}）"),
        (None, None) => String::new(),
    };
    format!(
        "[{severity}] {} 依据 {}：{}{overdue}{link}",
        f.rule, f.basis, f.message
    )
}

/// `findings`: the compliance findings of R32.
pub async fn findings(app: &App, session: &Session, json: bool) -> Result<()> {
    let v = app.dashboard(session).await?;
    let mut text = if v.findings.is_empty() {
        "合规检查：没有发现问题。".to_owned()
    } else {
        format!("合规检查：{} 项", v.findings.len())
    };
    if !v.findings_complete {
        text.push_str("（学生较多，只检查了最早的一批）");
    }
    for f in &v.findings {
        let _ = write!(text, "\n{}", finding_line(f));
    }
    text.push_str(&notes_text(&v));
    output::success(
        json,
        &text,
        json!({
            "today": v.today,
            "findings": v.findings,
            "complete": v.findings_complete,
            "notes": v.notes,
        }),
    );
    Ok(())
}
