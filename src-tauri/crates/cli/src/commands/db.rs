//! `xueji db info`: versions and row counts, never personal data.

use std::fmt::Write;

use super::{Ctx, open};
use crate::error::Result;
use crate::output;

pub async fn info(ctx: &Ctx) -> Result<()> {
    let store = open(ctx).await?;
    let info = store.info().await;
    store.close().await;
    let info = info?;
    let mut text = format!(
        "数据库：{}\n结构版本：{}（本软件：{}）\nSQLCipher 版本：{}\n各表行数：",
        ctx.data.database().display(),
        info.schema_version.as_deref().unwrap_or("无"),
        info.app_schema_version.as_deref().unwrap_or("无"),
        info.cipher_version
    );
    for (table, n) in &info.row_counts {
        let _ = write!(text, "\n  {table}: {n}");
    }
    let fields = serde_json::to_value(&info).unwrap_or_default();
    output::success(ctx.json, &text, fields);
    Ok(())
}
