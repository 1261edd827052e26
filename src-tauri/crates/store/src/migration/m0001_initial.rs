//! The first schema: every table, its indexes, and foreign keys to `student` and `application`.
//! Built from the entities for now; freeze it as explicit statements before the first release,
//! so a later entity change cannot alter what this migration creates.

use sea_orm::{EntityTrait, Schema};
use sea_orm_migration::prelude::*;

use crate::entities::{
    application, application_step, archive_item, attachment, audit_head, audit_log,
    class_placement, completion, deadline, family_member, issued_document, registrar, sanction,
    school, semester_review, semester_review_item, setting, student, student_event,
    student_history, user,
};
use crate::entities::{hardship_aid, hardship_application};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn student_fk(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(student::Entity, student::Column::Id)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

async fn create<E: EntityTrait>(
    manager: &SchemaManager<'_>,
    schema: &Schema,
    entity: E,
    fks: Vec<ForeignKeyCreateStatement>,
) -> Result<(), DbErr> {
    let mut table = schema.create_table_from_entity(entity);
    for mut fk in fks {
        table.foreign_key(&mut fk);
    }
    manager.create_table(table).await?;
    for index in schema.create_index_from_entity(entity) {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Tables without personal data.
async fn create_school_tables(manager: &SchemaManager<'_>, s: &Schema) -> Result<(), DbErr> {
    create(manager, s, school::Entity, vec![]).await?;
    create(manager, s, setting::Entity, vec![]).await?;
    create(manager, s, user::Entity, vec![]).await?;
    create(manager, s, registrar::Entity, vec![]).await?;
    create(manager, s, audit_log::Entity, vec![]).await?;
    create(manager, s, audit_head::Entity, vec![]).await
}

/// Creates a table whose `student_id` refers to `student`.
macro_rules! with_student_fk {
    ($manager:expr, $schema:expr, $table:ident) => {
        create(
            $manager,
            $schema,
            $table::Entity,
            vec![student_fk($table::Entity, $table::Column::StudentId)],
        )
        .await?
    };
}

/// `student` and every table that refers to it.
async fn create_student_tables(manager: &SchemaManager<'_>, s: &Schema) -> Result<(), DbErr> {
    create(manager, s, student::Entity, vec![]).await?;
    with_student_fk!(manager, s, family_member);
    with_student_fk!(manager, s, student_history);
    with_student_fk!(manager, s, class_placement);
    with_student_fk!(manager, s, attachment);
    with_student_fk!(manager, s, archive_item);
    with_student_fk!(manager, s, application);
    with_student_fk!(manager, s, sanction);
    with_student_fk!(manager, s, completion);
    with_student_fk!(manager, s, issued_document);
    with_student_fk!(manager, s, student_event);
    with_student_fk!(manager, s, deadline);
    with_student_fk!(manager, s, hardship_application);
    let aid_fk = ForeignKey::create()
        .from(hardship_aid::Entity, hardship_aid::Column::ApplicationId)
        .to(
            hardship_application::Entity,
            hardship_application::Column::Id,
        )
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned();
    let aid_student_fk = student_fk(hardship_aid::Entity, hardship_aid::Column::StudentId);
    create(
        manager,
        s,
        hardship_aid::Entity,
        vec![aid_student_fk, aid_fk],
    )
    .await?;
    let step_fk = ForeignKey::create()
        .from(
            application_step::Entity,
            application_step::Column::ApplicationId,
        )
        .to(application::Entity, application::Column::Id)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned();
    create(manager, s, application_step::Entity, vec![step_fk]).await?;
    create(manager, s, semester_review::Entity, vec![]).await?;
    let review_fk = ForeignKey::create()
        .from(
            semester_review_item::Entity,
            semester_review_item::Column::ReviewId,
        )
        .to(semester_review::Entity, semester_review::Column::Id)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned();
    create(
        manager,
        s,
        semester_review_item::Entity,
        vec![
            review_fk,
            student_fk(
                semester_review_item::Entity,
                semester_review_item::Column::StudentId,
            ),
        ],
    )
    .await
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let schema = Schema::new(manager.get_database_backend());
        create_school_tables(manager, &schema).await?;
        create_student_tables(manager, &schema).await
    }
}
