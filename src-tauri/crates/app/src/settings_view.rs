//! What the 设置 page shows in one call: the school profile, the rule profiles the app ships and
//! the one in force, the working-day calendar (which years' notices are loaded; past the last
//! one dates are counted provisionally), the terms, the idle lock, the hardship notice period and the
//! backup schedule. Also the terms in a shape the UI can send back.

use chrono::NaiveDate;
use xueji_domain::school::{Semester, Term};
use xueji_domain::{RuleProfile, SchoolYear};

use crate::app::App;
use crate::auth::{Permission, Session};
use crate::backup::BackupSchedule;
use crate::calendar::CalendarView;
use crate::error::{AppError, Result};
use crate::settings::SchoolProfile;

/// A rule profile with the numbers a registrar may want to compare.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleProfileView {
    pub id: String,
    pub name: String,
    /// R8.1
    pub archive_deadline_months: u32,
    /// R13.3
    pub transfer_step_working_days: u32,
    /// R14.3
    pub leave_months: u32,
    /// R18.1
    pub dropout_report_working_days: u32,
    /// R19.1
    pub death_cancellation_working_days: u32,
    /// R23.1
    pub sanction_months: u32,
}

impl From<&RuleProfile> for RuleProfileView {
    fn from(p: &RuleProfile) -> Self {
        Self {
            id: p.id.clone(),
            name: p.name.clone(),
            archive_deadline_months: p.archive_deadline_months,
            transfer_step_working_days: p.transfer_step_working_days,
            leave_months: p.leave_months,
            dropout_report_working_days: p.dropout_report_working_days,
            death_cancellation_working_days: p.death_cancellation_working_days,
            sanction_months: p.sanction_months,
        }
    }
}

/// One term (学期) with its dates.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TermView {
    /// Start year of the school year.
    pub school_year: i32,
    pub semester: Semester,
    /// Filled in by the app (ignored on input).
    #[serde(default)]
    pub label: String,
    /// 开学
    pub start: NaiveDate,
    /// 学期结束
    pub end: NaiveDate,
}

impl From<&Term> for TermView {
    fn from(t: &Term) -> Self {
        Self {
            school_year: t.year.start_year(),
            semester: t.semester,
            label: t.label_zh(),
            start: t.start,
            end: t.end,
        }
    }
}

impl TermView {
    /// The domain's term.
    pub fn term(&self) -> Result<Term> {
        Ok(Term {
            year: SchoolYear(self.school_year),
            semester: self.semester,
            start: self.start,
            end: self.end,
        })
    }
}

/// Everything the 设置 page edits.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub school: SchoolProfile,
    /// Every rule profile the app ships; `school.ruleProfile` names the one in force.
    pub rule_profiles: Vec<RuleProfileView>,
    pub calendar: CalendarView,
    /// Sorted by school year and semester.
    pub terms: Vec<TermView>,
    /// 0: never.
    pub idle_lock_minutes: u32,
    /// The hardship public notice (公示) in working days.
    pub hardship_notice_days: u32,
    pub backup_schedule: BackupSchedule,
    pub today: NaiveDate,
}

impl App {
    /// The settings page's data.
    pub async fn settings_get(&self, session: &Session) -> Result<SettingsView> {
        self.authorize(session, Permission::ViewStudents).await?;
        let config = self.config();
        let mut terms: Vec<TermView> = config.terms.iter().map(TermView::from).collect();
        terms.sort_by(|a, b| {
            (a.school_year, &a.semester, a.start).cmp(&(b.school_year, &b.semester, b.start))
        });
        Ok(SettingsView {
            school: config.school_profile.clone(),
            rule_profiles: RuleProfile::shipped()
                .iter()
                .map(RuleProfileView::from)
                .collect(),
            calendar: CalendarView::of(&config.calendar),
            terms,
            idle_lock_minutes: config.idle_lock_minutes,
            hardship_notice_days: self.hardship_notice_days().await?,
            backup_schedule: self.backup_schedule().await?,
            today: self.today(),
        })
    }

    /// Sets the terms from the page's rows (see [`App::terms_set`]); refuses the same term twice.
    pub async fn terms_update(
        &self,
        session: &Session,
        rows: &[TermView],
    ) -> Result<Vec<TermView>> {
        let mut terms = Vec::with_capacity(rows.len());
        for row in rows {
            let term = row.term()?;
            if terms
                .iter()
                .any(|t: &Term| t.year == term.year && t.semester == term.semester)
            {
                return Err(AppError::validation(
                    "terms",
                    format!("{}填写了两次", term.label_zh()),
                ));
            }
            terms.push(term);
        }
        self.terms_set(session, &terms).await?;
        Ok(self.config().terms.iter().map(TermView::from).collect())
    }
}
