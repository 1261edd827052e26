//! Seeing assessments: one with everything on it, or a page of a school year's. Every view is an
//! audit row naming only ids (R30.1).

use std::collections::HashMap;
use xueji_domain::AuditAction;

use chrono::NaiveDate;
use xueji_domain::SchoolYear;
use xueji_store::entities::{hardship_aid, hardship_application as row, student};
use xueji_store::repo::{aid, hardship, students};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::Result;
use crate::hardship::assess::{self, State, data_of, objections_of, status_on};
use crate::hardship::types::{
    AidView, HardshipFilter, HardshipRow, HardshipView, LevelView, semester_label, yuan,
};
use crate::record;
use crate::views::{Page, grade_label};

/// The largest page the list asks for.
pub const MAX_PAGE_SIZE: u32 = 200;

pub(crate) fn aid_view(a: &hardship_aid::Model) -> AidView {
    AidView {
        id: a.id,
        application_id: a.application_id,
        student_id: a.student_id,
        semester: a.semester,
        semester_label: semester_label(a.school_year, a.semester),
        kind: a.kind.clone(),
        amount_fen: a.amount_fen,
        amount_yuan: yuan(a.amount_fen),
        granted_on: a.granted_on,
        note: a.note.clone(),
    }
}

/// Whether an assessment gives the right to aid on `on`: effective and within its school year.
pub(crate) fn in_force(m: &row::Model, on: NaiveDate) -> bool {
    let year = SchoolYear(m.school_year);
    m.state == State::Effective
        && m.effective_on.is_some_and(|e| e <= on)
        && year.start() <= on
        && on <= year.end()
}

/// Stored statuses that a shown status code can come from.
fn stored_states(code: &str) -> &'static [State] {
    match code {
        "applied" => &[State::Applied],
        "class_assessed" => &[State::ClassAssessed],
        "in_notice" | "objection_pending" => &[State::InNotice],
        "effective" | "expired" => &[State::Effective],
        "not_recognised" => &[State::NotRecognised],
        _ => &[],
    }
}

impl App {
    /// The view of one assessment, without authorising or auditing (for the use cases).
    pub(crate) async fn hardship_view(&self, id: i64) -> Result<HardshipView> {
        let today = self.today();
        let m = assess::load(self.db(), id).await?;
        let s = record::load(self.db(), m.student_id).await?;
        let aid = aid::of_application(self.db(), id).await?;
        Ok(HardshipView {
            id: m.id,
            student_id: m.student_id,
            student_name: s.name.clone(),
            xueji_number: s.xueji_number.clone(),
            grade_label: grade_label(s.grade),
            class_name: s.class_name.clone(),
            school_year: m.school_year,
            school_year_label: SchoolYear(m.school_year).label_zh(),
            status: status_on(&m, today)?,
            applied_on: m.applied_on,
            data: data_of(&m)?,
            class_result: m.class_result.map(LevelView::from),
            class_note: m.class_note.clone(),
            class_assessed_on: m.class_assessed_on,
            level: m.level.map(LevelView::from),
            decision_note: m.decision_note.clone(),
            decided_on: m.decided_on,
            decided_by: m.decided_by.clone(),
            notice_from: m.notice_from,
            notice_until: m.notice_until,
            notice_provisional: m
                .notice_until
                .and_then(|d| crate::views::provisional_reason(&self.config().calendar, d)),
            effective_on: m.effective_on,
            objections: objections_of(&m)?,
            aid: aid.iter().map(aid_view).collect(),
            in_force: in_force(&m, today),
            created_by: m.created_by.clone(),
        })
    }

    /// One assessment with its objections and aid (audited as a view).
    pub async fn hardship_show(&self, session: &Session, id: i64) -> Result<HardshipView> {
        self.authorize(session, Permission::ViewHardship).await?;
        self.hardship_settle().await?;
        let view = self.hardship_view(id).await?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!("hardship:{id} student:{}", view.student_id),
        )
        .await?;
        Ok(view)
    }

    /// A page of one school year's assessments (audited as a view, with the ids shown).
    pub async fn hardship_list(
        &self,
        session: &Session,
        school_year: i32,
        filter: &HardshipFilter,
    ) -> Result<Page<HardshipRow>> {
        self.authorize(session, Permission::ViewHardship).await?;
        self.hardship_settle().await?;
        let today = self.today();
        let page_size = filter.page_size.clamp(1, MAX_PAGE_SIZE);
        let page = filter.page.max(1);
        let query = hardship::ListFilter {
            states: (!filter.statuses.is_empty()).then(|| {
                filter
                    .statuses
                    .iter()
                    .flat_map(|c| stored_states(c).iter().copied())
                    .collect()
            }),
            level: filter.level,
            student_id: filter.student_id,
            grade: filter.grade.map(i32::from),
            class_name: filter
                .class_name
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty()),
        };
        // Shown statuses that share a stored state (in notice / objection pending, effective /
        // expired) are told apart on the page, so the total counts stored states.
        let (total, rows) = hardship::page(self.db(), school_year, &query, page, page_size).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let student_ids: Vec<i64> = rows.iter().map(|r| r.student_id).collect();
        let students: HashMap<i64, student::Model> = students::by_ids(self.db(), student_ids)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        let totals: HashMap<i64, i64> = aid::totals(self.db(), ids.clone()).await?;
        let mut out = Vec::with_capacity(rows.len());
        for m in &rows {
            let status = status_on(m, today)?;
            if !filter.statuses.is_empty() && !filter.statuses.contains(&status.code) {
                continue;
            }
            let s = students.get(&m.student_id);
            out.push(HardshipRow {
                id: m.id,
                student_id: m.student_id,
                student_name: s.map(|s| s.name.clone()).unwrap_or_default(),
                grade_label: grade_label(s.and_then(|s| s.grade)),
                class_name: s.and_then(|s| s.class_name.clone()),
                school_year: m.school_year,
                school_year_label: SchoolYear(m.school_year).label_zh(),
                status,
                level: m.level.map(LevelView::from),
                applied_on: m.applied_on,
                notice_until: m.notice_until,
                notice_provisional: m
                    .notice_until
                    .and_then(|d| crate::views::provisional_reason(&self.config().calendar, d)),
                effective_on: m.effective_on,
                aid_total_fen: totals.get(&m.id).copied().unwrap_or(0),
            });
        }
        let shown = out
            .iter()
            .map(|r| r.id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        audit::record(
            self.db(),
            &session.username,
            AuditAction::View,
            &format!(
                "hardship list year:{school_year} -> {} of {total} [{shown}]",
                out.len()
            ),
        )
        .await?;
        Ok(Page {
            total,
            page,
            page_size,
            rows: out,
        })
    }
}
