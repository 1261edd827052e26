//! `xueji package create|inspect|import` and `xueji keys show|trust`: signed, encrypted transfer
//! packages between schools (issue 8 item 3).

use std::path::Path;

use serde_json::json;
use xueji_app::package::PackageView;
use xueji_app::{App, Session};

use crate::error::{CliError, Result};
use crate::output;

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path)
        .map_err(|e| CliError::Usage(format!("无法读取文件 {}：{e}", path.display())))
}

fn describe(v: &PackageView) -> String {
    format!(
        "发送学校：{}（信任编号 {}）\n学生：{}，学籍号 {}，年级 {}\n变动记录 {} 条，申请 {} 件，处分 {} 条，档案条目 {} 条，附件 {} 个{}",
        v.sender_name,
        v.sender_id,
        v.name,
        v.xueji_number.as_deref().unwrap_or("（无）"),
        v.grade
            .map_or_else(|| "（无）".to_owned(), |g| g.to_string()),
        v.events,
        v.applications,
        v.sanctions,
        v.archive_items,
        v.attachments,
        v.existing_student_id.map_or_else(String::new, |id| format!(
            "\n注意：本校已有该学生的学籍（学生编号 {id}）"
        )),
    )
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
    std::fs::write(out, &bytes).map_err(|source| CliError::Write {
        path: out.display().to_string(),
        source,
    })?;
    output::success(
        json,
        &format!("已生成转学包：{}（{} 字节）", out.display(), bytes.len()),
        json!({ "file": out.display().to_string(), "bytes": bytes.len() }),
    );
    Ok(())
}

pub async fn inspect(app: &App, session: &Session, json: bool, file: &Path) -> Result<()> {
    let v = app.package_inspect(session, &read(file)?).await?;
    output::success(json, &describe(&v), json!({ "package": v }));
    Ok(())
}

pub async fn import(app: &App, session: &Session, json: bool, file: &Path) -> Result<()> {
    let v = app.package_import(session, &read(file)?).await?;
    output::success(
        json,
        &format!(
            "已导入，学生编号 {}\n{}",
            v.student_id,
            describe(&v.package)
        ),
        json!({ "studentId": v.student_id, "package": v.package }),
    );
    Ok(())
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
