//! Drops `calendar_day`, a table no version ever wrote or read: the working-day calendar is the
//! official notices compiled into the app plus the school's own notices in `setting`
//! (`calendar/notices`). A database made after this version never has it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(Alias::new("calendar_day"))
                    .if_exists()
                    .to_owned(),
            )
            .await
    }
}
