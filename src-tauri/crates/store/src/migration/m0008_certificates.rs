//! The certificate's life (R24.1, R26.2): `student.stage_entry_date` (first entry into the stage,
//! the certificate's 入学年月), `student.photo_attachment_id` (the photo it prints) and, on `issued_document`, the hand-out, the approver's consent to
//! reprint a voided misprint and the serial that replaced it. Idempotent: m0001 builds its tables
//! from the entities, so a new database already has these columns.

use sea_orm::{EntityName, Iterable};
use sea_orm_migration::prelude::*;

use crate::entities::{issued_document, student};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn add_missing<E: EntityName + Copy + 'static>(
    manager: &SchemaManager<'_>,
    entity: E,
    columns: Vec<(String, ColumnDef)>,
) -> Result<(), DbErr> {
    for (name, mut def) in columns {
        if manager
            .has_column(entity.table_name(), name.as_str())
            .await?
        {
            continue;
        }
        manager
            .alter_table(Table::alter().table(entity).add_column(&mut def).to_owned())
            .await?;
    }
    Ok(())
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let stage = student::Column::StageEntryDate;
        let photo = student::Column::PhotoAttachmentId;
        add_missing(
            manager,
            student::Entity,
            vec![
                (
                    stage.to_string(),
                    ColumnDef::new(stage).date().null().to_owned(),
                ),
                (
                    photo.to_string(),
                    ColumnDef::new(photo).big_integer().null().to_owned(),
                ),
            ],
        )
        .await?;
        let columns = issued_document::Column::iter()
            .filter_map(|c| {
                let mut def = ColumnDef::new(c);
                match c {
                    issued_document::Column::HandedOutOn => def.date().null(),
                    issued_document::Column::ReprintApprovedAt => {
                        def.timestamp_with_time_zone().null()
                    }
                    issued_document::Column::HandedOutBy
                    | issued_document::Column::ReprintApprovedBy
                    | issued_document::Column::ReplacedBy => def.string().null(),
                    _ => return None,
                };
                Some((c.to_string(), def.clone()))
            })
            .collect();
        add_missing(manager, issued_document::Entity, columns).await
    }
}
