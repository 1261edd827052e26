//! `xueji recover`: unlock with the recovery code (from stdin) and re-store the key; with
//! `--from-backup FILE`, rebuild an empty data folder from a backup and that code (a new computer).

use std::path::Path;

use serde_json::json;
use xueji_store::{OpenOptions, RecoveryCode, Store};

use super::Ctx;
use crate::error::Result;
use crate::output;

pub async fn run(ctx: &Ctx, code_text: &str) -> Result<()> {
    let code = RecoveryCode::parse(code_text)?;
    let opts = OpenOptions::default();
    let store = Store::recover(ctx.data.clone(), ctx.keys.clone(), &code, opts).await?;
    store.close().await;
    output::success(
        ctx.json,
        "已用恢复码解锁数据库，密钥已重新保存。",
        json!({ "database": ctx.data.database() }),
    );
    Ok(())
}

/// A new computer: the backup and the recovery code it was made under rebuild the data folder.
pub async fn from_backup(ctx: &Ctx, file: &Path, code_text: &str) -> Result<()> {
    let code = RecoveryCode::parse(code_text)?;
    let store =
        Store::restore_on_new_computer(ctx.data.clone(), ctx.keys.clone(), file, &code).await?;
    store.close().await;
    output::success(
        ctx.json,
        "已从备份恢复数据库，密钥已存入本机；请用备份中的账号登录。",
        json!({ "database": ctx.data.database() }),
    );
    Ok(())
}
