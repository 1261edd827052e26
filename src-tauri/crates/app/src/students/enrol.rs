//! Enrolment: a grade-1 newcomer (R6.1, status 待核准 until the bureau's approval is recorded), or
//! a non-grade-1 student without a record after a passed national duplicate check (R7.5). A second
//! record for the same ID number or 学籍号 is refused, naming the existing one (R7.2).

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use xueji_domain::admission::{self, Admission, AdmissionKind, ExistingRecord, NewRecord};
use xueji_domain::change::CheckResult;
use xueji_domain::effects::{Effects, Event, EventKind};
use xueji_domain::id_card::Sex;
use xueji_domain::record::StudentRef;
use xueji_domain::{
    Grade, IdCardNumber, PersonName, SchoolYear, Status, StudyMode, XuejiNumber, rules,
};
use xueji_store::entities::{class_placement, student};
use xueji_store::repo::students::{self as repo, NewFamilyMember, NewStudent, Placement};
use xueji_store::repo::{family, placements};

use crate::app::App;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record::{self, status_of};
use crate::students::views::{FamilyMemberView, StudentView};
use crate::views::WarningView;

/// How the student comes to have a record here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EnrolKind {
    /// 小学一年级新生 (R6.1)
    GradeOne,
    /// A non-grade-1 student with no record anywhere; needs the national duplicate check (R7.5).
    NoPriorRecord,
}

/// The national duplicate check's result as entered (R7.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NationalCheck {
    NotDone,
    Passed,
    Failed,
}

/// A new student as the enrolment form sends it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
#[allow(clippy::struct_excessive_bools)]
pub struct EnrolInput {
    pub kind: EnrolKind,
    pub national_check: Option<NationalCheck>,
    /// `resident_id` (居民身份证), `passport`, `hk_macao_pass`, `taiwan_pass`, `other`.
    pub id_type: String,
    pub id_number: String,
    pub name: String,
    pub former_name: Option<String>,
    /// `male` / `female`; derived from a resident ID number when empty.
    pub sex: Option<String>,
    /// Derived from a resident ID number when empty.
    pub birth_date: Option<NaiveDate>,
    pub ethnicity: String,
    pub nationality: String,
    pub hukou_kind: String,
    pub hukou_address: String,
    pub current_address: String,
    pub migrant_child: bool,
    pub left_behind: bool,
    pub orphan: bool,
    pub disability_kind: Option<String>,
    pub study_mode: StudyMode,
    pub foreign_national: bool,
    pub grade: u8,
    pub class_name: Option<String>,
    pub entry_date: NaiveDate,
    pub family: Vec<FamilyMemberView>,
}

/// The enrolled student with the deadlines and advice that follow.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EnrolView {
    pub student: StudentView,
    pub deadlines: Vec<crate::views::DeadlineView>,
    pub warnings: Vec<WarningView>,
}

fn sex_name(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

fn required(field: &str, value: &str, label: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        Err(AppError::validation(field, format!("请填写{label}")))
    } else {
        Ok(v.to_owned())
    }
}

/// Identity checked: ID number, 学籍号, birth date and sex.
pub(crate) struct Identity {
    pub id_number: String,
    pub id_card: Option<IdCardNumber>,
    /// `G` + the resident ID; `None` without one: the national system issues the L or J number
    /// (R7.1), none is invented here (待分配).
    pub xueji_number: Option<XuejiNumber>,
    pub birth_date: NaiveDate,
    /// `male` or `female`.
    pub sex: String,
}

/// Checks the identity a form gives (the ID card's birth date and sex win, R11.2).
pub(crate) fn identity(input: &EnrolInput, today: NaiveDate) -> Result<Identity> {
    if input.id_type == "resident_id" {
        let id = IdCardNumber::parse(&input.id_number, today).map_err(|e| {
            let mut err = AppError::from(e);
            err.fields = vec![crate::error::FieldError {
                field: "idNumber".to_owned(),
                message: err.message.clone(),
            }];
            err
        })?;
        if let Some(b) = input.birth_date
            && b != id.birth_date()
        {
            return Err(AppError::validation(
                "birthDate",
                "出生日期与身份证号不一致",
            ));
        }
        let sex = sex_name(id.sex());
        if let Some(s) = input.sex.as_deref().filter(|s| !s.is_empty())
            && s != sex
        {
            return Err(AppError::validation("sex", "性别与身份证号不一致"));
        }
        Ok(Identity {
            id_number: id.as_str().to_owned(),
            xueji_number: Some(XuejiNumber::from_id_card(&id)),
            birth_date: id.birth_date(),
            sex: sex.to_owned(),
            id_card: Some(id),
        })
    } else {
        let number = required("idNumber", &input.id_number, "证件号码")?;
        let birth_date = input
            .birth_date
            .ok_or_else(|| AppError::validation("birthDate", "请填写出生日期"))?;
        let sex = input
            .sex
            .clone()
            .filter(|s| s == "male" || s == "female")
            .ok_or_else(|| AppError::validation("sex", "请选择性别"))?;
        Ok(Identity {
            id_number: number,
            id_card: None,
            xueji_number: None,
            birth_date,
            sex,
        })
    }
}

/// A student arriving by transfer (R13.1): the record comes with the student (R7.3), so it is
/// created in status 在读 in the grade it had (R13.4) once the procedure is complete.
pub(crate) struct TransferIn {
    pub rule: rules::RuleId,
    pub sending_school: String,
    /// The date the last party approved.
    pub on: NaiveDate,
    /// First entry into this stage at the sending school, as its record gives it (R24.1).
    pub stage_entry_date: Option<NaiveDate>,
}

/// A record checked and ready to insert, with the effects of its admission.
pub(crate) struct PreparedRecord {
    new_student: NewStudent,
    pub fx: Effects,
    year: SchoolYear,
    grade: Grade,
    entry_date: NaiveDate,
}

impl App {
    /// Enrols a student: admission (R3.1, R6.1), record creation (R7.2, R7.5), the archive deadline
    /// (R8.1). One transaction: student, family, class, events, deadlines, history, audit.
    pub async fn student_enrol(&self, session: &Session, input: &EnrolInput) -> Result<EnrolView> {
        self.authorize(session, Permission::EditStudents).await?;
        let prepared = self.prepare_record(input, None).await?;
        let txn = self.db().begin().await?;
        let saved = insert_record(&txn, &session.username, &prepared, None, self.now()).await?;
        let family = family::of_student(&txn, saved.id).await?;
        txn.commit().await?;
        let fx = &prepared.fx;
        Ok(EnrolView {
            student: StudentView::new(&saved, &family),
            deadlines: fx.deadlines.iter().map(Into::into).collect(),
            warnings: fx.warnings.iter().map(WarningView::from).collect(),
        })
    }

    /// Checks a new record (identity, duplicates R7.2, R7.5, admission R3.1, R6.1) and builds it
    /// with its effects; writes nothing. `transfer_in` when it comes with a transferring student.
    pub(crate) async fn prepare_record(
        &self,
        input: &EnrolInput,
        transfer_in: Option<&TransferIn>,
    ) -> Result<PreparedRecord> {
        let today = self.today();
        let config = self.config();
        let ctx = config.ctx(today);
        let name = PersonName::parse(&input.name).map_err(|e| {
            let mut err = AppError::from(e);
            err.fields = vec![crate::error::FieldError {
                field: "name".to_owned(),
                message: err.message.clone(),
            }];
            err
        })?;
        let id = identity(input, today)?;
        let grade = Grade::new(input.grade).map_err(AppError::from)?;
        let study_mode = input.study_mode;
        if input.family.len() > 2 {
            return Err(AppError::validation("family", "家庭成员最多填写两人"));
        }
        for (i, f) in input.family.iter().enumerate() {
            required(&format!("family.{i}.name"), &f.name, "家庭成员姓名")?;
            required(&format!("family.{i}.relation"), &f.relation, "与学生关系")?;
        }
        let kind = match input.kind {
            _ if transfer_in.is_some() => AdmissionKind::TransferIn,
            EnrolKind::GradeOne => AdmissionKind::GradeOne,
            EnrolKind::NoPriorRecord => AdmissionKind::NoPriorRecord {
                national_check: match input.national_check.unwrap_or(NationalCheck::NotDone) {
                    NationalCheck::NotDone => CheckResult::NotDone,
                    NationalCheck::Passed => CheckResult::Passed,
                    NationalCheck::Failed => CheckResult::Failed,
                },
            },
        };
        // R7.2: look for the same person anywhere in the database, archived records included.
        let existing = repo::with_numbers(
            self.db(),
            id.id_number.as_str(),
            id.xueji_number.as_ref().map(XuejiNumber::as_str),
        )
        .await?;
        let existing: Vec<ExistingRecord> = existing
            .iter()
            .map(|m| {
                Ok(ExistingRecord {
                    student: StudentRef {
                        id: m.id.to_string(),
                        name: m.name.clone(),
                    },
                    xueji_number: m
                        .xueji_number
                        .as_deref()
                        .and_then(|x| XuejiNumber::parse(x).ok()),
                    id_card: IdCardNumber::parse(&m.id_number, today).ok(),
                    document_number: m.id_number.clone(),
                    status: status_of(m)?,
                })
            })
            .collect::<Result<_>>()?;
        let new = NewRecord {
            xueji_number: id.xueji_number.clone(),
            id_card: id.id_card.clone(),
            document_number: id.id_number.clone(),
            kind,
        };
        admission::check_creation(&new, &existing)?;
        let mut fx = admission::admit(
            &ctx,
            &Admission {
                kind,
                grade,
                study_mode,
                foreign: input.foreign_national,
                entry_date: input.entry_date,
            },
        )?;
        if let Some(t) = transfer_in {
            // The archive comes with the student (R9.1): no new-archive deadline; 在读 at once.
            fx.status = Some(Status::Enrolled);
            fx.deadlines
                .retain(|d| d.kind != xueji_domain::effects::DeadlineKind::ArchiveCreation);
            for e in &mut fx.events {
                e.status_before = Status::Enrolled;
                e.status_after = Status::Enrolled;
            }
            fx.events.push(Event {
                kind: EventKind::RecordCreated,
                on: t.on,
                rule: t.rule.clone(),
                status_before: Status::Enrolled,
                status_after: Status::Enrolled,
                grade_before: grade,
                grade_after: grade,
                summary: format!(
                    "转入：学籍自{}转入（{}）",
                    t.sending_school.trim(),
                    grade.label_zh()
                ),
            });
        } else {
            fx.events.push(Event {
                kind: EventKind::RecordCreated,
                on: input.entry_date,
                rule: if kind == AdmissionKind::GradeOne {
                    rules::R6_1
                } else {
                    rules::R7_5
                },
                status_before: Status::PendingApproval,
                status_after: Status::PendingApproval,
                grade_before: grade,
                grade_after: grade,
                summary: "建立学籍（待主管教育行政部门核准）".to_owned(),
            });
        }
        // R24.1: the certificate's 入学年月 is the first entry into this stage, at the sending
        // school for a pupil who transferred in.
        let stage_entry_date = xueji_domain::certificate::stage_entry(
            config.school_profile.school_kind()?,
            grade,
            input.entry_date,
            transfer_in.is_some(),
            transfer_in.and_then(|t| t.stage_entry_date),
        )?;
        let year = SchoolYear::containing(input.entry_date);
        let new_student = NewStudent {
            xueji_number: id.xueji_number.as_ref().map(|x| x.as_str().to_owned()),
            id_type: required("idType", &input.id_type, "证件类型")?,
            id_number: id.id_number.clone(),
            name,
            former_name: input.former_name.clone().filter(|s| !s.trim().is_empty()),
            sex: id.sex.clone(),
            birth_date: id.birth_date,
            ethnicity: required("ethnicity", &input.ethnicity, "民族")?,
            nationality: required("nationality", &input.nationality, "国籍/地区")?,
            hukou_kind: required("hukouKind", &input.hukou_kind, "户口性质")?,
            hukou_address: required("hukouAddress", &input.hukou_address, "户口所在地")?,
            current_address: required("currentAddress", &input.current_address, "现住址")?,
            migrant_child: input.migrant_child,
            left_behind: input.left_behind,
            orphan: input.orphan,
            disability_kind: input
                .disability_kind
                .clone()
                .filter(|s| !s.trim().is_empty()),
            inclusive_placement: study_mode == StudyMode::Inclusive,
            status: if transfer_in.is_some() {
                Status::Enrolled
            } else {
                Status::PendingApproval
            },
            grade: Some(grade),
            placement: Placement {
                grade_year: Some(year.start_year()),
                class_name: input.class_name.clone().filter(|s| !s.trim().is_empty()),
                entry_date: Some(input.entry_date),
                stage_entry_date: Some(stage_entry_date),
                study_mode,
                foreign_national: input.foreign_national,
                aux_number: None,
            },
            family: input
                .family
                .iter()
                .map(|f| NewFamilyMember {
                    name: f.name.trim().to_owned(),
                    relation: f.relation.trim().to_owned(),
                    phone: f.phone.clone().filter(|s| !s.trim().is_empty()),
                    id_number: f.id_number.clone().filter(|s| !s.trim().is_empty()),
                    employer: f.employer.clone().filter(|s| !s.trim().is_empty()),
                    guardian: f.guardian,
                })
                .collect(),
        };
        Ok(PreparedRecord {
            new_student,
            fx,
            year,
            grade,
            entry_date: input.entry_date,
        })
    }
}

/// Inserts a prepared record in the caller's transaction: student, family, class placement, and
/// the admission's events and deadlines (through `record::apply_effects`).
pub(crate) async fn insert_record<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &str,
    p: &PreparedRecord,
    application_id: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<student::Model> {
    let student_id = repo::insert(db, actor, &p.new_student).await?;
    if let Some(class_name) = &p.new_student.placement.class_name {
        placements::insert(
            db,
            class_placement::Model {
                id: 0,
                student_id,
                school_year: p.year.start_year(),
                grade: i32::from(p.grade.number()),
                class_name: class_name.clone(),
                from_date: p.entry_date,
                to_date: None,
            },
        )
        .await?;
    }
    // Status and grade are already set on insert; the effects add events and deadlines.
    record::apply_effects(db, actor, student_id, application_id, &p.fx, "enrol", now).await
}
