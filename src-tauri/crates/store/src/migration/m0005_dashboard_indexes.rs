//! Indexes for the dashboard at 100,000 students (issue 16):
//!
//! - `idx_student_counts` (`grade`, `status`, `archived`): the counts by status and by grade are
//!   one `GROUP BY` read from this index alone, in its order (before: a walk of a list index
//!   looking every row up, about 0.4 s). `archived` last, so the list's own queries (`archived`
//!   first, m0002) keep their list indexes.
//! - `idx_student_xueji_body` (the 学籍号 without its prefix) and the partial
//!   `idx_student_identity_candidates` (the students whose 学籍号 body is not simply their own ID
//!   number under `G`, almost none): the identities held twice (R32.2) are looked up among those
//!   candidates instead of grouping every key of the table (see
//!   `repo::compliance::duplicate_identities`).
//! - `idx_deadline_open` (open deadlines by due date, partial): the to-dos and overdue deadlines
//!   without reading the deadlines already met.
//! - `idx_audit_log_action_at`: the exports of the last year (R32.7) without reading the whole
//!   audit log, which grows by a row with every search.
//!
//! The expressions are written exactly as the queries write them, so SQLite matches them.

use sea_orm_migration::prelude::*;

use crate::entities::{audit_log, deadline, student};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The 学籍号's body: the 18 characters after its one-letter prefix.
const BODY: &str = "substr(xueji_number, 2)";
/// A 学籍号 with a prefix and an 18-character body.
const HAS_BODY: &str = "length(xueji_number) = 19";
/// A body that is not `G` + the student's own ID number.
const ODD_BODY: &str =
    "(substr(xueji_number, 1, 1) <> 'G' OR substr(xueji_number, 2) <> id_number)";

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_student_counts")
                    .table(student::Entity)
                    .col(student::Column::Grade)
                    .col(student::Column::Status)
                    .col(student::Column::Archived)
                    .to_owned(),
            )
            .await?;
        // Expression indexes: sea-query writes none for SQLite, so these two are SQL text.
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE INDEX IF NOT EXISTS idx_student_xueji_body ON student ({BODY}) \
             WHERE {HAS_BODY}"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX IF NOT EXISTS idx_student_identity_candidates ON student ({BODY}) \
             WHERE {HAS_BODY} AND {ODD_BODY}"
        ))
        .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_deadline_open")
                    .table(deadline::Entity)
                    .col(deadline::Column::DueOn)
                    .and_where(Expr::col(deadline::Column::DoneOn).is_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_audit_log_action_at")
                    .table(audit_log::Entity)
                    .col(audit_log::Column::Action)
                    .col(audit_log::Column::At)
                    .to_owned(),
            )
            .await
    }
}
