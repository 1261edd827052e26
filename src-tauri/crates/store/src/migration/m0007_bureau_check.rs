//! Adds `bureau_check`: the county bureau's semester check (第四条, R4.1) as the school records it,
//! distinct from the school's own review (R29.1). Idempotent: the table and its index are created
//! only if missing.

use sea_orm::Schema;
use sea_orm_migration::prelude::*;

use crate::entities::bureau_check;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let schema = Schema::new(manager.get_database_backend());
        let mut table = schema.create_table_from_entity(bureau_check::Entity);
        table.if_not_exists();
        manager.create_table(table).await?;
        for mut index in schema.create_index_from_entity(bureau_check::Entity) {
            index.if_not_exists();
            manager.create_index(index).await?;
        }
        Ok(())
    }
}
