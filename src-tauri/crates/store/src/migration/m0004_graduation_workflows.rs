//! Graduation batches (R25.1) stored each outcome's application with the bare change as its data
//! instead of its workflow, so the change list failed to read them (and with them the whole list
//! of every state). This rewrites such rows as the workflow they went through: the school's
//! review and the bureau's approval, both on the date recorded in their step rows, with the
//! bureau's 文号. Idempotent: a row whose data is already a workflow is left alone.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use sea_orm_migration::prelude::*;
use xueji_domain::{Change, RuleProfile, Workflow};

use crate::entities::{application, application_step};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let rows = application::Entity::find()
            .filter(application::Column::ChangeKind.eq("finish"))
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
                .filter(application_step::Column::ApplicationId.eq(a.id))
                .order_by_asc(application_step::Column::Ordinal)
                .all(db)
                .await?;
            let mut w = Workflow::open(change, a.opened_on, &RuleProfile::default());
            for (i, s) in steps.iter().enumerate() {
                let on = s.decided_on.or(a.closed_on).unwrap_or(a.opened_on);
                w.approve(i, on, s.reference.as_deref())
                    .map_err(|e| DbErr::Migration(format!("application {}: {e}", a.id)))?;
            }
            let data = serde_json::to_string(&w).map_err(|e| DbErr::Migration(e.to_string()))?;
            let mut am = a.into_active_model();
            am.data = Set(data);
            am.update(db).await?;
        }
        Ok(())
    }
}
