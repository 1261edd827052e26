//! Graduation batches (R25.1) stored each outcome's application with the bare change as its data
//! instead of its workflow, so the change list failed to read them (and with them the whole list
//! of every state). This rewrites such rows as the workflow they went through: the school's
//! review and the bureau's approval, both on the date recorded in their step rows, with the
//! bureau's 文号. Idempotent: a row whose data is already a workflow is left alone.

use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect};
use sea_orm_migration::prelude::*;
use xueji_domain::{Change, RuleProfile, Workflow};

use crate::entities::{application, application_step};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns of `application` this migration reads: it names them, so a column added to the
/// entity later (which an old database does not have yet) is never selected here.
#[derive(FromQueryResult)]
struct Row {
    id: i64,
    data: String,
    opened_on: NaiveDate,
    closed_on: Option<NaiveDate>,
}

/// The columns of `application_step` it reads.
#[derive(FromQueryResult)]
struct Step {
    decided_on: Option<NaiveDate>,
    reference: Option<String>,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let rows = application::Entity::find()
            .select_only()
            .columns([
                application::Column::Id,
                application::Column::Data,
                application::Column::OpenedOn,
                application::Column::ClosedOn,
            ])
            .filter(application::Column::ChangeKind.eq("finish"))
            .into_model::<Row>()
            .all(db)
            .await?;
        for a in rows {
            if serde_json::from_str::<Workflow>(&a.data).is_ok() {
                continue;
            }
            let Ok(change) = serde_json::from_str::<Change>(&a.data) else {
                continue;
            };
            let steps = application_step::Entity::find()
                .select_only()
                .columns([
                    application_step::Column::DecidedOn,
                    application_step::Column::Reference,
                ])
                .filter(application_step::Column::ApplicationId.eq(a.id))
                .order_by_asc(application_step::Column::Ordinal)
                .into_model::<Step>()
                .all(db)
                .await?;
            let mut w = Workflow::open(change, a.opened_on, &RuleProfile::default());
            for (i, s) in steps.iter().enumerate() {
                let on = s.decided_on.or(a.closed_on).unwrap_or(a.opened_on);
                w.approve(i, on, s.reference.as_deref())
                    .map_err(|e| DbErr::Migration(format!("application {}: {e}", a.id)))?;
            }
            let data = serde_json::to_string(&w).map_err(|e| DbErr::Migration(e.to_string()))?;
            application::Entity::update_many()
                .col_expr(application::Column::Data, Expr::value(data))
                .filter(application::Column::Id.eq(a.id))
                .exec(db)
                .await?;
        }
        Ok(())
    }
}
