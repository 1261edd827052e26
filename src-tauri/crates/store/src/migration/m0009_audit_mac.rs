//! `audit_log.mac`: the row's HMAC under the audit key (issue 15 item 3). Existing rows get none;
//! the store seals them on its next open, after checking their chain. Idempotent: m0001 builds
//! its tables from the entities, so a new database already has the column.

use sea_orm::EntityName;
use sea_orm_migration::prelude::*;

use crate::entities::audit_log;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mac = audit_log::Column::Mac;
        if manager
            .has_column(audit_log::Entity.table_name(), mac.to_string().as_str())
            .await?
        {
            return Ok(());
        }
        manager
            .alter_table(
                Table::alter()
                    .table(audit_log::Entity)
                    .add_column(ColumnDef::new(mac).string().null())
                    .to_owned(),
            )
            .await
    }
}
