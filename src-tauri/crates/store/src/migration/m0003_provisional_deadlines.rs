//! Deadlines remember how they were counted (start date and span) and whether the count was
//! provisional (a holiday notice missing), so a notice loaded later can count them again (R13.3).
//! Idempotent: m0001 builds its tables from the entities, so a new database already has these
//! columns.

use sea_orm_migration::prelude::*;

use crate::entities::deadline;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            deadline::Column::StartOn,
            deadline::Column::Span,
            deadline::Column::Provisional,
        ] {
            if manager
                .has_column("deadline", column.to_string().as_str())
                .await?
            {
                continue;
            }
            let mut def = ColumnDef::new(column);
            match column {
                deadline::Column::StartOn => def.date().null(),
                _ => def.string().null(),
            };
            manager
                .alter_table(
                    Table::alter()
                        .table(deadline::Entity)
                        .add_column(&mut def)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
