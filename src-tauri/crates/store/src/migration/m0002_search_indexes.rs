//! Indexes for the student list's search at 100,000 students: each starts with `archived` (the
//! list hides archived records by default), then the column a kind of query ranges over, so the
//! page comes straight off the index in order and the total is counted from the index alone.
//! The rowid (`id`) ends every SQLite index, so `ORDER BY …, id` needs no sort either.

use sea_orm_migration::prelude::*;

use crate::entities::student;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index name, columns after `archived`).
const INDEXES: [(&str, &[student::Column]); 4] = [
    ("idx_student_list_name", &[student::Column::NameSearch]),
    (
        "idx_student_list_initials",
        &[student::Column::NameInitials, student::Column::NameSearch],
    ),
    ("idx_student_list_id_number", &[student::Column::IdNumber]),
    (
        "idx_student_list_xueji_number",
        &[student::Column::XuejiNumber],
    ),
];

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, columns) in INDEXES {
            let mut index = Index::create();
            index
                .if_not_exists()
                .name(name)
                .table(student::Entity)
                .col(student::Column::Archived);
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }
}
