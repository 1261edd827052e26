//! `xueji init`: a new encrypted database; shows the recovery code once.

use std::sync::Arc;

use serde_json::json;
use xueji_app::{App, InitInput, SchoolProfile, SystemClock};
use xueji_store::repo::school::parse_kind;

use super::Ctx;
use crate::error::Result;
use crate::output;

pub async fn run(
    ctx: &Ctx,
    school_name: &str,
    school_kind: &str,
    admin: &str,
    password: String,
) -> Result<()> {
    let input = InitInput {
        school: SchoolProfile::new(school_name, parse_kind(school_kind)?),
        admin_username: admin.to_owned(),
        admin_display_name: admin.to_owned(),
        admin_password: password,
    };
    let (app, code) = App::init(
        ctx.data.clone(),
        ctx.keys.clone(),
        &input,
        Arc::new(SystemClock),
    )
    .await?;
    app.close().await;
    let db = ctx.data.database();
    let text = format!(
        "已创建加密学籍数据库：{}\n恢复码（只显示这一次，请抄写后妥善保管；钥匙串丢失时凭它恢复数据）：\n{}",
        db.display(),
        code.grouped()
    );
    output::success(
        ctx.json,
        &text,
        json!({ "database": db, "recoveryCode": code.grouped() }),
    );
    Ok(())
}
