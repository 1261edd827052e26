//! 升学 hand-over (R9.1): a 小学 graduating class's archives go to the 初中 each pupil enters. Where
//! that school has XueJi, a signed package it imports (the pupils continue in grade 7 there);
//! where it has not, the printed 升学学籍档案移交清单, signed by both sides, is the hand-over. Either
//! way each record gets an event saying when and to whom it went, and no archive goes twice.

use chrono::NaiveDate;
use xueji_domain::progression::{self, PRIMARY_LAST_GRADE};
use xueji_domain::{Status, rules};
use xueji_store::entities::student;
use xueji_store::repo::{events, student_lists, students};

use super::create::{HANDED_OVER, collect};
use super::format::PackageKind;
use crate::app::App;
use crate::auth::{Permission, Session};
use crate::documents::PrintedView;
use crate::error::{AppError, Result};
use crate::record::status_of;
use crate::views::grade_label;

/// A 小学 graduate (毕业 or 结业 in grade 6) and where the archive went.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgressionGraduateView {
    pub student_id: i64,
    pub name: String,
    pub xueji_number: Option<String>,
    /// 六年级3班
    pub class_label: String,
    /// 毕业 or 结业
    pub outcome_label: String,
    pub ended_on: Option<NaiveDate>,
    /// When the archive was handed over, and to whom (the event's text).
    pub handed_over_on: Option<NaiveDate>,
    pub handed_over_note: Option<String>,
}

/// The printed hand-over list for a receiving school without XueJi.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProgressionListInput {
    pub student_ids: Vec<i64>,
    /// The 初中 the pupils enter, as its name is written.
    pub receiver: String,
}

impl App {
    /// Every 小学 graduate of this school with the date the archive was handed over, if it was.
    pub async fn progression_graduates(
        &self,
        session: &Session,
    ) -> Result<Vec<ProgressionGraduateView>> {
        self.authorize(session, Permission::ViewStudents).await?;
        let rows = student_lists::ended_in_grade(
            self.db(),
            vec![Status::Graduated, Status::Completed],
            i32::from(PRIMARY_LAST_GRADE),
        )
        .await?;
        let ids: Vec<i64> = rows.iter().map(|s| s.id).collect();
        crate::audit::record(
            self.db(),
            &session.username,
            xueji_domain::AuditAction::View,
            &format!(
                "progression_graduates {}",
                crate::audit::seen(ids.iter().copied())
            ),
        )
        .await?;
        let handed = events::of_students_of_kind(self.db(), ids, HANDED_OVER).await?;
        let mut out = Vec::with_capacity(rows.len());
        for s in rows {
            let event = handed.iter().rev().find(|e| e.student_id == s.id);
            out.push(ProgressionGraduateView {
                student_id: s.id,
                class_label: format!(
                    "{}{}",
                    grade_label(s.grade),
                    s.class_name.clone().unwrap_or_default()
                ),
                outcome_label: status_of(&s)?.label_zh().to_owned(),
                ended_on: s.last_change_on,
                handed_over_on: event.map(|e| e.on_date),
                handed_over_note: event.map(|e| e.summary.clone()),
                name: s.name,
                xueji_number: s.xueji_number,
            });
        }
        Ok(out)
    }

    /// The chosen graduates, each checked: 毕业 or 结业 in grade 6 here (R9.1); with `fresh`, not
    /// handed over before.
    async fn progression_records(
        &self,
        student_ids: &[i64],
        fresh: bool,
    ) -> Result<Vec<student::Model>> {
        if student_ids.is_empty() {
            return Err(AppError::validation("studentIds", "请选择要移交的毕业生"));
        }
        let mut ids = student_ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let rows = students::by_ids_in_id_order(self.db(), ids.clone()).await?;
        if rows.len() != ids.len() {
            return Err(AppError::not_found("所选学生"));
        }
        let handed = events::of_students_of_kind(self.db(), ids, HANDED_OVER).await?;
        for s in &rows {
            let on = handed
                .iter()
                .rev()
                .find(|e| e.student_id == s.id)
                .map(|e| e.on_date);
            let grade = s.grade.and_then(|g| u8::try_from(g).ok());
            progression::check_hand_over(s.status, grade, on.filter(|_| fresh)).map_err(|e| {
                AppError::rule(rules::R9_1, format!("学生编号 {}：{}", s.id, e.message()))
            })?;
        }
        Ok(rows)
    }

    /// The signed, encrypted package of the chosen graduates' archives for the 初中 they enter (a
    /// trusted school); each record gets its hand-over event. This school keeps its read-only
    /// records (R9.1).
    pub async fn package_progression(
        &self,
        session: &Session,
        student_ids: &[i64],
        to_school: i64,
    ) -> Result<Vec<u8>> {
        self.authorize(session, Permission::ManageSettings).await?;
        let receiver = self.receiver(to_school).await?;
        let rows = self.progression_records(student_ids, true).await?;
        let n = rows.len();
        let mut records = Vec::with_capacity(n);
        for s in rows {
            records.push(collect(self.db(), s).await?);
        }
        self.seal_package(
            session,
            PackageKind::Progression,
            &receiver,
            records,
            &format!("students:{n}"),
        )
        .await
    }

    /// The printed 升学学籍档案移交清单 of the chosen graduates for `receiver` (numbered, logged
    /// and audited like every document). For a receiver without XueJi the signed list is the
    /// hand-over: each record not yet handed over gets its event, after the list is printed.
    pub async fn progression_handover_list(
        &self,
        session: &Session,
        input: &ProgressionListInput,
    ) -> Result<PrintedView> {
        self.authorize(session, Permission::PrintDocuments).await?;
        self.authorize(session, Permission::ManageSettings).await?;
        let receiver = input.receiver.trim();
        if receiver.is_empty() {
            return Err(AppError::validation("receiver", "请填写升入学校的名称"));
        }
        let rows = self.progression_records(&input.student_ids, false).await?;
        let ids: Vec<i64> = rows.iter().map(|s| s.id).collect();
        self.print_handover_list(
            session,
            PackageKind::Progression,
            &ids,
            receiver,
            "升入学校",
        )
        .await
    }
}
