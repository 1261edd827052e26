//! 处分消灭 (R23.3): removes every discipline record of one student at the end of studies, in
//! the caller's transaction. What counts as a discipline record is the domain's
//! (`xueji_domain::sanction_purge`); this module finds and removes it everywhere it is kept.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter,
};
use xueji_domain::{ApplicationKind, sanction_purge};

use crate::entities::{
    application, application_step, attachment, deadline, issued_document, sanction, student_event,
    student_history,
};
use crate::error::Result;

/// How much was removed (the audit records these counts, never the content).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub sanctions: u64,
    pub applications: u64,
    pub steps: u64,
    pub attachments: u64,
    pub events: u64,
    pub deadlines: u64,
    pub documents: u64,
    pub history: u64,
}

impl Purged {
    /// The audit target: ids and counts only.
    pub fn audit_target(&self, student_id: i64) -> String {
        format!(
            "student:{student_id} sanctions:{} applications:{} steps:{} attachments:{} events:{} \
             deadlines:{} documents:{} history:{}",
            self.sanctions,
            self.applications,
            self.steps,
            self.attachments,
            self.events,
            self.deadlines,
            self.documents,
            self.history
        )
    }
}

/// Removes the student's sanctions, discipline applications (steps, proofs, facts, appeal),
/// their events and deadlines; relabels the record's versions they made; voids and unlinks the
/// written decisions and notices (their serials stay in the register, never reused).
pub async fn discipline<C: ConnectionTrait>(
    db: &C,
    student_id: i64,
    at: DateTime<Utc>,
    actor: &str,
) -> Result<Purged> {
    let kinds: Vec<ApplicationKind> = sanction_purge::CHANGE_KINDS
        .into_iter()
        .map(ApplicationKind::Change)
        .collect();
    let codes: Vec<&str> = sanction_purge::CHANGE_KINDS
        .iter()
        .map(|k| k.code())
        .collect();
    let app_ids: Vec<i64> = application::Entity::find()
        .filter(application::Column::StudentId.eq(student_id))
        .filter(application::Column::ChangeKind.is_in(kinds))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut purged = Purged {
        sanctions: sanction::Entity::delete_many()
            .filter(sanction::Column::StudentId.eq(student_id))
            .exec(db)
            .await?
            .rows_affected,
        ..Purged::default()
    };
    purged.steps = application_step::Entity::delete_many()
        .filter(application_step::Column::ApplicationId.is_in(app_ids.clone()))
        .exec(db)
        .await?
        .rows_affected;
    purged.attachments = attachment::Entity::delete_many()
        .filter(attachment::Column::ApplicationId.is_in(app_ids.clone()))
        .exec(db)
        .await?
        .rows_affected;
    purged.events = student_event::Entity::delete_many()
        .filter(student_event::Column::StudentId.eq(student_id))
        .filter(
            Condition::any()
                .add(student_event::Column::ApplicationId.is_in(app_ids.clone()))
                .add(student_event::Column::Kind.is_in(codes.clone())),
        )
        .exec(db)
        .await?
        .rows_affected;
    purged.deadlines = deadline::Entity::delete_many()
        .filter(deadline::Column::StudentId.eq(student_id))
        .filter(
            Condition::any()
                .add(deadline::Column::ApplicationId.is_in(app_ids.clone()))
                .add(deadline::Column::Kind.is_in(sanction_purge::DEADLINE_KINDS)),
        )
        .exec(db)
        .await?
        .rows_affected;
    purged.applications = application::Entity::delete_many()
        .filter(application::Column::Id.is_in(app_ids))
        .exec(db)
        .await?
        .rows_affected;
    purged.history = student_history::Entity::update_many()
        .col_expr(
            student_history::Column::Change,
            sea_orm::sea_query::Expr::value(sanction_purge::HISTORY_LABEL),
        )
        .filter(student_history::Column::StudentId.eq(student_id))
        .filter(student_history::Column::Change.is_in(codes))
        .exec(db)
        .await?
        .rows_affected;
    let documents = issued_document::Entity::find()
        .filter(issued_document::Column::StudentId.eq(student_id))
        .filter(issued_document::Column::Kind.is_in(sanction_purge::DOCUMENT_KINDS))
        .all(db)
        .await?;
    for row in documents {
        let was_voided = row.voided;
        let mut am = row.into_active_model();
        am.student_id = Set(None);
        am.target = Set(None);
        if !was_voided {
            am.voided = Set(true);
            am.voided_at = Set(Some(at));
            am.voided_by = Set(Some(actor.to_owned()));
            am.void_reason = Set(Some(sanction_purge::VOID_REASON.to_owned()));
        }
        am.update(db).await?;
        purged.documents += 1;
    }
    Ok(purged)
}
