//! Creating the package of a student whose transfer out is complete (R7.3, R9.1).

use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use xueji_store::entities::{
    application, application_step, archive_item, attachment, family_member, sanction, student,
    student_event,
};

use super::format::{ApplicationEntry, FORMAT, Payload, seal};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

impl App {
    /// Produces the signed, encrypted package of `student_id`'s whole archive for the trusted
    /// school `to_school`. Only for a completed transfer out (status transferred_out, R7.3).
    pub async fn package_create(
        &self,
        session: &Session,
        student_id: i64,
        to_school: i64,
    ) -> Result<Vec<u8>> {
        self.authorize(session, Permission::ManageSettings).await?;
        let db = self.db();
        let trusted = Self::trusted(db).await?;
        let receiver = trusted
            .iter()
            .find(|t| t.id == to_school)
            .ok_or_else(|| AppError::not_found(format!("信任学校（编号 {to_school}）")))?;
        let s = student::Entity::find_by_id(student_id)
            .one(db)
            .await?
            .ok_or_else(|| AppError::not_found(format!("学生编号 {student_id}")))?;
        if s.status != "transferred_out" {
            return Err(AppError::rule(
                "R7.3",
                format!(
                    "学生编号 {student_id} 的转出手续尚未办结，不能生成转学包（籍随人走，转出完成后才能移交学籍档案）"
                ),
            ));
        }
        let family = family_member::Entity::find()
            .filter(family_member::Column::StudentId.eq(student_id))
            .order_by_asc(family_member::Column::Ordinal)
            .all(db)
            .await?;
        let events = student_event::Entity::find()
            .filter(student_event::Column::StudentId.eq(student_id))
            .order_by_asc(student_event::Column::Id)
            .all(db)
            .await?;
        let apps = application::Entity::find()
            .filter(application::Column::StudentId.eq(student_id))
            .order_by_asc(application::Column::Id)
            .all(db)
            .await?;
        let app_ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
        let mut steps = application_step::Entity::find()
            .filter(application_step::Column::ApplicationId.is_in(app_ids.clone()))
            .order_by_asc(application_step::Column::Ordinal)
            .all(db)
            .await?;
        let applications = apps
            .into_iter()
            .map(|a| {
                let (mine, rest): (Vec<_>, Vec<_>) =
                    steps.drain(..).partition(|s| s.application_id == a.id);
                steps = rest;
                ApplicationEntry {
                    application: a,
                    steps: mine,
                }
            })
            .collect();
        let sanctions = sanction::Entity::find()
            .filter(sanction::Column::StudentId.eq(student_id))
            .order_by_asc(sanction::Column::Id)
            .all(db)
            .await?;
        let archive_items = archive_item::Entity::find()
            .filter(archive_item::Column::StudentId.eq(student_id))
            .order_by_asc(archive_item::Column::Id)
            .all(db)
            .await?;
        let attachments = attachment::Entity::find()
            .filter(
                Condition::any()
                    .add(attachment::Column::StudentId.eq(student_id))
                    .add(attachment::Column::ApplicationId.is_in(app_ids)),
            )
            .order_by_asc(attachment::Column::Id)
            .all(db)
            .await?;
        let txn = db.begin().await?;
        let own = self.own_keys(&txn).await?;
        let payload = Payload {
            format: FORMAT.to_owned(),
            sender: own.public.clone(),
            receiver: receiver.keys.clone(),
            created_at: self.now(),
            student: s,
            family,
            events,
            applications,
            sanctions,
            archive_items,
            attachments,
        };
        let bytes = seal(&payload, &own, &receiver.keys)?;
        audit::append(
            &txn,
            &session.username,
            "package_create",
            &format!("student:{student_id} to trusted_school:{to_school}"),
        )
        .await?;
        txn.commit().await?;
        Ok(bytes)
    }
}
