//! Inspecting and importing a package received from another school (R13.4, R7.2).

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, EntityTrait,
    IntoActiveModel, QueryFilter, TransactionTrait,
};
use xueji_store::entities::{
    application_step, archive_item, attachment, sanction, student, student_event, student_history,
};

use super::format::{Payload, open};
use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};

/// What a verified package holds, shown before import.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageView {
    /// The trusted sender's id and name in our list.
    pub sender_id: i64,
    pub sender_name: String,
    /// The sender's own identifier (code or name) from the signed payload.
    pub sender_school: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub name: String,
    /// 学籍号
    pub xueji_number: Option<String>,
    pub grade: Option<i32>,
    /// Status at the sending school (transferred_out).
    pub status: String,
    pub events: u32,
    pub applications: u32,
    pub sanctions: u32,
    pub archive_items: u32,
    pub attachments: u32,
    /// Set when a record with this ID number (or 学籍号) already exists here (R7.2).
    pub existing_student_id: Option<i64>,
}

/// The record created by an import.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageImportView {
    pub student_id: i64,
    pub package: PackageView,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl App {
    async fn open_package(&self, bytes: &[u8]) -> Result<(Payload, PackageView)> {
        let txn = self.db().begin().await?;
        let own = self.own_keys(&txn).await?;
        let trusted = Self::trusted(&txn).await?;
        txn.commit().await?;
        let (p, sender) = open(bytes, &own, &trusted)?;
        let existing = self.existing(&p.student).await?;
        let view = PackageView {
            sender_id: sender.id,
            sender_name: sender.name.clone(),
            sender_school: p.sender.school.clone(),
            created_at: p.created_at,
            name: p.student.name.clone(),
            xueji_number: p.student.xueji_number.clone(),
            grade: p.student.grade,
            status: p.student.status.clone(),
            events: count(p.events.len()),
            applications: count(p.applications.len()),
            sanctions: count(p.sanctions.len()),
            archive_items: count(p.archive_items.len()),
            attachments: count(p.attachments.len()),
            existing_student_id: existing,
        };
        Ok((p, view))
    }

    async fn existing(&self, s: &student::Model) -> Result<Option<i64>> {
        let mut cond =
            sea_orm::Condition::any().add(student::Column::IdNumber.eq(s.id_number.as_str()));
        if let Some(x) = &s.xueji_number {
            cond = cond.add(student::Column::XuejiNumber.eq(x.as_str()));
        }
        Ok(student::Entity::find()
            .filter(cond)
            .one(self.db())
            .await?
            .map(|m| m.id))
    }

    /// Decrypts and verifies a package and shows what it holds. Refuses a damaged or altered
    /// package, one signed by a school we do not trust, or one addressed to another school.
    pub async fn package_inspect(&self, session: &Session, bytes: &[u8]) -> Result<PackageView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let (_, view) = self.open_package(bytes).await?;
        audit::record(
            self.db(),
            &session.username,
            "package_inspect",
            &format!("trusted_school:{}", view.sender_id),
        )
        .await?;
        Ok(view)
    }

    /// Imports a verified package: the record continues here as 在读 in the grade it had (R13.4),
    /// with its history, applications, sanctions, archive items and attachments, in one
    /// transaction. Refused if the student already has a record here (R7.2).
    pub async fn package_import(
        &self,
        session: &Session,
        bytes: &[u8],
    ) -> Result<PackageImportView> {
        self.authorize(session, Permission::ManageSettings).await?;
        let (p, view) = self.open_package(bytes).await?;
        if let Some(id) = view.existing_student_id {
            return Err(AppError::rule(
                "R7.2",
                format!("本校已有该学生的学籍（学生编号 {id}），一人只能有一个学籍，不能重复导入"),
            ));
        }
        let now = self.now();
        let today = self.today();
        let actor = session.username.as_str();
        let txn = self.db().begin().await?;
        let mut am = p.student.clone().into_active_model();
        am.id = NotSet;
        am.status = Set("enrolled".to_owned());
        am.class_name = Set(None);
        am.archived = Set(false);
        am.leave_until = Set(None);
        am.hold_since = Set(None);
        am.hold_judgment_on = Set(None);
        am.last_change_on = Set(Some(today));
        am.version = Set(1);
        am.created_at = Set(now);
        am.updated_at = Set(now);
        let s = am.insert(&txn).await?;
        let id = s.id;
        student_history::ActiveModel {
            student_id: Set(id),
            version: Set(s.version),
            changed_at: Set(now),
            changed_by: Set(actor.to_owned()),
            change: Set("transfer_in".to_owned()),
            snapshot: Set(serde_json::to_string(&s)?),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for f in &p.family {
            let mut a = f.clone().into_active_model();
            a.id = NotSet;
            a.student_id = Set(id);
            a.insert(&txn).await?;
        }
        let mut apps: HashMap<i64, i64> = HashMap::new();
        for e in &p.applications {
            let mut a = e.application.clone().into_active_model();
            a.id = NotSet;
            a.student_id = Set(Some(id));
            let m = a.insert(&txn).await?;
            apps.insert(e.application.id, m.id);
        }
        let app_of = |old: Option<i64>| old.and_then(|o| apps.get(&o).copied());
        let mut files: HashMap<i64, i64> = HashMap::new();
        for f in &p.attachments {
            let mut a: attachment::ActiveModel = f.clone().into_active_model();
            a.id = NotSet;
            a.student_id = Set(f.student_id.map(|_| id));
            a.application_id = Set(app_of(f.application_id));
            let m = a.insert(&txn).await?;
            files.insert(f.id, m.id);
        }
        let file_of = |old: Option<i64>| old.and_then(|o| files.get(&o).copied());
        for e in &p.applications {
            for st in &e.steps {
                let mut a: application_step::ActiveModel = st.clone().into_active_model();
                a.id = NotSet;
                a.application_id = Set(apps[&e.application.id]);
                a.attachment_id = Set(file_of(st.attachment_id));
                a.insert(&txn).await?;
            }
        }
        for e in &p.events {
            let mut a: student_event::ActiveModel = e.clone().into_active_model();
            a.id = NotSet;
            a.student_id = Set(id);
            a.application_id = Set(app_of(e.application_id));
            a.insert(&txn).await?;
        }
        for x in &p.sanctions {
            let mut a: sanction::ActiveModel = x.clone().into_active_model();
            a.id = NotSet;
            a.student_id = Set(id);
            a.application_id = Set(app_of(x.application_id));
            a.insert(&txn).await?;
        }
        for x in &p.archive_items {
            let mut a: archive_item::ActiveModel = x.clone().into_active_model();
            a.id = NotSet;
            a.student_id = Set(id);
            a.attachment_id = Set(file_of(x.attachment_id));
            a.insert(&txn).await?;
        }
        let grade = p.student.grade.unwrap_or(0);
        student_event::ActiveModel {
            student_id: Set(id),
            application_id: Set(None),
            kind: Set("transfer_in".to_owned()),
            on_date: Set(today),
            rule: Set("R13.4".to_owned()),
            status_before: Set(p.student.status.clone()),
            status_after: Set("enrolled".to_owned()),
            grade_before: Set(grade),
            grade_after: Set(grade),
            summary: Set(format!(
                "由{}转入（转学包导入），原年级续读",
                view.sender_name
            )),
            recorded_at: Set(now),
            recorded_by: Set(actor.to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::append(
            &txn,
            actor,
            "package_import",
            &format!("student:{id} from trusted_school:{}", view.sender_id),
        )
        .await?;
        txn.commit().await?;
        Ok(PackageImportView {
            student_id: id,
            package: view,
        })
    }
}
