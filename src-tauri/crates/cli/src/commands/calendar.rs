//! `xueji calendar show|load|remove`: the holiday notices the working days are counted on.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;
use xueji_app::calendar::{CalendarSaved, CalendarView, NoticeDayView, NoticeInput};
use xueji_app::{App, Session};

use crate::error::Result;
use crate::output;

fn kind_label(kind: &str) -> &str {
    if kind == "holiday" {
        "放假"
    } else {
        "上班"
    }
}

fn days_text(days: &[NoticeDayView]) -> String {
    let mut text = String::new();
    for d in days {
        let _ = write!(
            text,
            "\n  {} {} {}",
            d.date,
            kind_label(&d.kind),
            d.festival
        );
    }
    text
}

pub(crate) fn calendar_text(v: &CalendarView) -> String {
    let mut text = String::new();
    for n in v.notices.iter().filter(|n| !n.replaced) {
        let origin = if n.origin == "school" {
            "本校载入"
        } else {
            "软件自带"
        };
        let _ = write!(
            text,
            "\n{} 年  {}（{}，{} 天）",
            n.year,
            n.title,
            origin,
            n.days.len()
        );
        for a in &n.adjustments {
            let _ = write!(
                text,
                "\n  调整 {} → {}：{}",
                a.date,
                a.kind.as_deref().map_or("常规", kind_label),
                a.reason
            );
        }
    }
    if let Some(y) = v.provisional_year {
        let _ = write!(
            text,
            "\n\n{y} 年起尚未载入通知：期限按法定节假日暂定计算（载入通知后自动重新计算）。{y} 年的法定节假日："
        );
        text.push_str(&days_text(&v.provisional_days));
    }
    text.trim_start().to_owned()
}

fn saved_text(s: &CalendarSaved) -> String {
    let mut text = s.summary.clone();
    for m in &s.moved {
        let _ = write!(
            text,
            "\n  学生 {}：{} {} → {}{}",
            m.student_id,
            m.label,
            m.before,
            m.after,
            if m.provisional { "（暂定）" } else { "" }
        );
    }
    text
}

pub async fn show(app: &App, session: &Session, json: bool) -> Result<()> {
    let v = app.calendar_get(session).await?;
    output::success(json, &calendar_text(&v), json!({ "calendar": v }));
    Ok(())
}

pub async fn load(
    app: &App,
    session: &Session,
    json: bool,
    from: &Path,
    dry_run: bool,
) -> Result<()> {
    let text = crate::json_file::read_text(from)?;
    let preview = app.calendar_preview(session, &text).await?;
    if dry_run {
        let mut out = format!("{}（{} 年，未保存）", preview.title, preview.year);
        if let Some(r) = &preview.replaces {
            let _ = write!(out, "\n将替换：{r}");
        }
        out.push_str(&days_text(&preview.days));
        output::success(json, &out, json!({ "preview": preview, "saved": null }));
        return Ok(());
    }
    let saved = app
        .calendar_save(
            session,
            &NoticeInput {
                year: preview.year,
                title: preview.title.clone(),
                entries: preview.days.clone(),
                adjustments: Vec::new(),
            },
        )
        .await?;
    let out = format!("已载入：{}\n{}", preview.title, saved_text(&saved));
    output::success(json, &out, json!({ "preview": preview, "saved": saved }));
    Ok(())
}

pub async fn remove(
    app: &App,
    session: &Session,
    json: bool,
    year: i32,
    title: Option<&str>,
) -> Result<()> {
    let saved = app.calendar_remove(session, year, title).await?;
    output::success(json, &saved_text(&saved), json!({ "saved": saved }));
    Ok(())
}
