//! `xueji backup create | restore | verify`.

use std::path::Path;

use serde_json::json;
use xueji_store::backup;

use super::{Ctx, actor, open};
use crate::error::Result;
use crate::output;

pub async fn create(ctx: &Ctx, to: &Path) -> Result<()> {
    let store = open(ctx).await?;
    let res = store.backup_to(&actor(), to).await;
    store.close().await;
    res?;
    output::success(
        ctx.json,
        &format!("已创建加密备份：{}", to.display()),
        json!({ "backup": to }),
    );
    Ok(())
}

pub async fn restore(ctx: &Ctx, from: &Path) -> Result<()> {
    let kept = backup::restore(&ctx.data, &ctx.keys, from).await?;
    let text = match &kept {
        Some(p) => format!(
            "已从备份恢复：{}\n原数据库已另存为：{}",
            from.display(),
            p.display()
        ),
        None => format!("已从备份恢复：{}", from.display()),
    };
    output::success(
        ctx.json,
        &text,
        json!({ "restored_from": from, "previous_saved_as": kept }),
    );
    Ok(())
}

pub async fn verify(ctx: &Ctx, file: &Path) -> Result<()> {
    let key = ctx.keys.load()?;
    let report = backup::verify_file(file, &key).await?;
    output::success(
        ctx.json,
        &format!(
            "备份校验通过：{}（完整性、加密页校验、审计链 {} 条均正常）",
            file.display(),
            report.audit_rows
        ),
        json!({ "backup": file, "audit_rows": report.audit_rows }),
    );
    Ok(())
}
