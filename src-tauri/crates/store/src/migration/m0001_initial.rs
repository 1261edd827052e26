//! The first schema: every table, its indexes, and foreign keys to `student` and `application`,
//! frozen as the statements SQLite keeps for them (`m0001_initial.sql`, taken from what the
//! entities generated on 2026-12-04), so a later entity change cannot alter what this migration
//! creates: a new column needs its own migration (the test `every_entity_column_exists_after_the_migrations`
//! in `mod.rs` fails until it has one). The later migrations add their tables and columns only
//! where missing, so on a database created from this snapshot they do nothing.

use sea_orm::ConnectionTrait;
use sea_orm_migration::prelude::*;

/// `CREATE TABLE` and `CREATE INDEX` statements, one per line, each ending with `;`.
const SCHEMA: &str = include_str!("m0001_initial.sql");

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for statement in SCHEMA.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }
}
