//! `xueji package create|inspect|import` and `xueji keys show|trust`: signed, encrypted transfer
//! packages between schools (issue 8 item 3).

use std::path::Path;

use serde_json::json;
use xueji_app::package::PackageView;
use xueji_app::picked_file::PickedKind;
use xueji_app::{App, Session};

use crate::error::{CliError, Result};
use crate::output;

fn read(path: &Path) -> Result<Vec<u8>> {
    crate::commands::read_picked(path, PickedKind::Package)
}

/// What a package holds, without names or ID numbers (they stay out of the terminal).
fn describe(v: &PackageView) -> String {
    let mut grades: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for s in &v.students {
        *grades.entry(s.grade.unwrap_or(0)).or_default() += 1;
    }
    let by_grade: Vec<String> = grades
        .iter()
        .map(|(g, n)| format!("{g} 年级 {n} 人"))
        .collect();
    let sum = |f: fn(&xueji_app::package::PackageStudentView) -> u32| -> u32 {
        v.students.iter().map(f).sum()
    };
    let existing: Vec<String> = v.existing().map(|id| id.to_string()).collect();
    format!(
        "{}，发送方：{}（信任编号 {}），生成于 {}\n学生 {} 人（{}）\n变动记录 {} 条，申请 {} 件，处分 {} 条，档案条目 {} 条，附件 {} 个{}",
        v.kind_label,
        v.sender_name,
        v.sender_id,
        v.created_at.format("%Y-%m-%d %H:%M UTC"),
        v.students.len(),
        by_grade.join("，"),
        sum(|s| s.events),
        sum(|s| s.applications),
        sum(|s| s.sanctions),
        sum(|s| s.archive_items),
        sum(|s| s.attachments),
        if existing.is_empty() {
            String::new()
        } else {
            format!(
                "\n注意：本校已有其中 {} 人的学籍（学生编号 {}），不能导入",
                existing.len(),
                existing.join("、")
            )
        },
    )
}

fn write(out: &Path, bytes: &[u8], what: &str, json: bool) -> Result<()> {
    std::fs::write(out, bytes).map_err(|source| CliError::Write {
        path: out.display().to_string(),
        source,
    })?;
    output::success(
        json,
        &format!("已生成{what}：{}（{} 字节）", out.display(), bytes.len()),
        json!({ "file": out.display().to_string(), "bytes": bytes.len() }),
    );
    Ok(())
}

pub async fn create(
    app: &App,
    session: &Session,
    json: bool,
    student: &str,
    to: i64,
    out: &Path,
) -> Result<()> {
    let id = crate::commands::student::resolve(app, session, student).await?;
    let bytes = app.package_create(session, id, to).await?;
    write(out, &bytes, "转学包", json)
}

pub async fn school_archive(
    app: &App,
    session: &Session,
    json: bool,
    to: i64,
    out: &Path,
    approval: xueji_app::disclosure::ApprovalInput,
) -> Result<()> {
    let bytes = app.package_school_archive(session, to, &approval).await?;
    write(out, &bytes, "全校学籍档案包", json)
}

pub async fn handover(app: &App, session: &Session, json: bool, to: i64, out: &Path) -> Result<()> {
    let bytes = app.package_migrant_handover(session, to).await?;
    write(out, &bytes, "随迁子女辍学档案移交包", json)
}

pub async fn inspect(app: &App, session: &Session, json: bool, file: &Path) -> Result<()> {
    let v = app.package_inspect(session, &read(file)?).await?;
    output::success(json, &describe(&v), json!({ "package": summary(&v) }));
    Ok(())
}

pub async fn import(app: &App, session: &Session, json: bool, file: &Path) -> Result<()> {
    let v = app.package_import(session, &read(file)?).await?;
    output::success(
        json,
        &format!(
            "已导入 {} 名学生（学生编号 {}）\n{}",
            v.student_ids.len(),
            v.student_ids
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
            describe(&v.package)
        ),
        json!({ "studentIds": v.student_ids, "package": summary(&v.package) }),
    );
    Ok(())
}

/// A package for `--json`: counts per student, no names or ID numbers (schema `package`).
#[derive(serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PackageSummary {
    kind: xueji_app::package::PackageKind,
    /// The trusted sender's id in our list.
    sender_id: i64,
    sender_name: String,
    created_at: chrono::DateTime<chrono::Utc>,
    students: Vec<PackageStudentSummary>,
}

/// One student of a package, by counts only.
#[derive(serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PackageStudentSummary {
    grade: Option<i32>,
    /// Status at the sending school.
    status: xueji_domain::Status,
    events: u32,
    applications: u32,
    attachments: u32,
    /// The record here with the same ID number or 学籍号, if any (R7.2).
    existing_student_id: Option<i64>,
}

fn summary(v: &PackageView) -> PackageSummary {
    PackageSummary {
        kind: v.kind,
        sender_id: v.sender_id,
        sender_name: v.sender_name.clone(),
        created_at: v.created_at,
        students: v
            .students
            .iter()
            .map(|s| PackageStudentSummary {
                grade: s.grade,
                status: s.status,
                events: s.events,
                applications: s.applications,
                attachments: s.attachments,
                existing_student_id: s.existing_student_id,
            })
            .collect(),
    }
}

pub async fn keys_show(app: &App, session: &Session, json: bool) -> Result<()> {
    let k = app.keys_show(session).await?;
    output::success(json, &k.text, json!({ "keys": k }));
    Ok(())
}

pub async fn keys_trust(
    app: &App,
    session: &Session,
    json: bool,
    text: &str,
    name: &str,
) -> Result<()> {
    let t = app.keys_trust(session, text, name).await?;
    output::success(
        json,
        &format!("已信任 {}（信任编号 {}）", t.name, t.id),
        json!({ "trusted": t }),
    );
    Ok(())
}
