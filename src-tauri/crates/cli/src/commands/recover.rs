//! `xueji recover`: unlock with the recovery code (from stdin) and re-store the key.

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
