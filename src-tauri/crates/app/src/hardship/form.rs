//! The printed 家庭经济困难学生认定申请表 with the real data, at whatever step it is (blank
//! opinions until recorded). Printing is audited as `print`.

use xueji_domain::AuditAction;
use xueji_domain::id_card::Sex;
use xueji_domain::{IdCardNumber, PersonName, SchoolYear};
use xueji_print::PrintError;
use xueji_print::documents::approval::{Guardian, StudentBlock};
use xueji_print::documents::hardship::{Earner, HardshipApplication};
use xueji_store::repo::aid;

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::hardship::assess::{data_of, load};
use crate::hardship::query::aid_view;
use crate::hardship::types::print_level;
use crate::record;
use crate::views::grade_label;

fn print_error(e: PrintError) -> AppError {
    match e {
        e @ PrintError::MissingGlyph { .. } => AppError::validation("name", e.to_string()),
        e => AppError::internal(e.to_string()),
    }
}

impl App {
    /// The approval form of an assessment as a PDF (audited as `print`).
    pub async fn hardship_form(&self, session: &Session, id: i64) -> Result<Vec<u8>> {
        self.authorize(session, Permission::ViewHardship).await?;
        self.authorize(session, Permission::PrintDocuments).await?;
        self.hardship_settle().await?;
        let today = self.today();
        let m = load(self.db(), id).await?;
        let s = record::load(self.db(), m.student_id).await?;
        let data = data_of(&m)?;
        let xueji = crate::documents::fill::xueji(&s)?;
        let id_number = (s.id_type == "resident_id")
            .then(|| IdCardNumber::parse(&s.id_number, today).ok())
            .flatten();
        let student = StudentBlock {
            name: PersonName::parse(&s.name)?,
            sex: if s.sex == "female" {
                Sex::Female
            } else {
                Sex::Male
            },
            birth_date: s.birth_date,
            id_number,
            xueji_number: xueji,
            school: self.config().school_profile.name.clone(),
            class: format!(
                "{}{}",
                grade_label(s.grade),
                s.class_name.clone().unwrap_or_default()
            ),
            address: s.current_address.clone(),
        };
        let guardian = Guardian {
            name: PersonName::parse(&data.guardian_name)
                .map_err(|e| AppError::validation("guardianName", e.to_string()))?,
            relation: data.guardian_relation.clone(),
            phone: data.guardian_phone.clone(),
        };
        let class_opinion = match (m.class_result, &m.class_note) {
            (Some(l), Some(note)) => format!("{note}（建议认定：{}）", l.label_zh()),
            (None, Some(note)) => note.clone(),
            _ => String::new(),
        };
        let aid = aid::of_application(self.db(), id)
            .await?
            .iter()
            .map(aid_view)
            .map(|a| format!("{}{}{}元", a.semester_label, a.kind, a.amount_yuan))
            .collect::<Vec<_>>()
            .join("；");
        let mut groups: Vec<String> = data
            .groups
            .iter()
            .map(|g| g.label_zh().to_owned())
            .collect();
        groups.extend(data.other_groups.iter().cloned());
        let doc = HardshipApplication {
            school_year: SchoolYear(m.school_year).label_zh(),
            student,
            guardian,
            family: data
                .members
                .iter()
                .map(|f| Earner {
                    name: f.name.clone(),
                    relation: f.relation.clone(),
                    age: f.age,
                    work: f.occupation.clone(),
                    yearly_income: f.annual_income_yuan,
                    health: f.health.clone(),
                })
                .collect(),
            household_income: data.household_income_yuan,
            household_size: data.household_size,
            factors: data
                .factors
                .iter()
                .map(|f| f.label_zh().to_owned())
                .collect(),
            groups,
            circumstances: data.reason.clone(),
            class_opinion,
            level: m.level.map(print_level),
            aid,
            applied_on: m.applied_on,
        };
        let pdf = xueji_print::render(&doc).map_err(print_error)?;
        audit::record(
            self.db(),
            &session.username,
            AuditAction::Print,
            &format!("hardship_form hardship:{id} student:{}", m.student_id),
        )
        .await?;
        Ok(pdf)
    }
}
