//! The print crate's data structs filled from stored rows: the student row, the family, the
//! events, the completion, the sanctions and the school profile. Each builder refuses, with the
//! rule, a document the law does not allow for this record (R24.1, R26.1, R26.2, R27.1 …).

use chrono::NaiveDate;
use xueji_domain::assigned_number::AssignedNumber;
use xueji_domain::completion::{self, Outcome};
use xueji_domain::id_card::Sex;
use xueji_domain::proofs::ProofKind;
use xueji_domain::rules;
use xueji_domain::{
    AuxNumber, ChangeKind, Grade, IdCardNumber, PersonName, SchoolYear, Status, XuejiNumber,
};
use xueji_print::documents::approval::{Guardian, StudentBlock};
use xueji_print::documents::attendance_statement::AttendanceStatement;
use xueji_print::documents::cancellation_report::CancellationReport;
use xueji_print::documents::certificate::Certificate;
use xueji_print::documents::completion_proof::CompletionProof;
use xueji_print::documents::dropout_report::DropoutReport;
use xueji_print::documents::record_card::{ChangeEntry, FamilyMember, Placement, RecordCard};
use xueji_print::documents::roster::{Roster, RosterEntry};
use xueji_print::documents::sanction_lift_notice::SanctionLiftNotice;
use xueji_store::entities::{
    application, class_placement, completion as completion_row, family_member, sanction, student,
    student_event,
};

use crate::error::{AppError, Result};
use crate::record::{grade_of, status_of};
use crate::settings::SchoolProfile;
use crate::views::grade_label;

/// Everything stored about one student that a document may print.
#[derive(Clone, Debug)]
pub struct StudentData {
    pub row: student::Model,
    pub family: Vec<family_member::Model>,
    pub events: Vec<student_event::Model>,
    pub placements: Vec<class_placement::Model>,
    pub completion: Option<completion_row::Model>,
    pub sanctions: Vec<sanction::Model>,
    pub applications: Vec<application::Model>,
    /// The archive's photo, when one is on file.
    pub photo: Option<Vec<u8>>,
}

fn bad(field: &str, what: &str, id: i64) -> AppError {
    AppError::validation(field, format!("学生（编号 {id}）的{what}无效，无法打印"))
}

pub fn person_name(m: &student::Model) -> Result<PersonName> {
    PersonName::parse(&m.name).map_err(|_| bad("name", "姓名", m.id))
}

pub fn sex(m: &student::Model) -> Sex {
    if m.sex == "female" || m.sex == "女" {
        Sex::Female
    } else {
        Sex::Male
    }
}

pub fn id_card(m: &student::Model, today: NaiveDate) -> Option<IdCardNumber> {
    (m.id_type == "resident_id")
        .then(|| IdCardNumber::parse(&m.id_number, today).ok())
        .flatten()
}

pub fn xueji(m: &student::Model) -> Result<AssignedNumber> {
    let number = m
        .xueji_number
        .as_deref()
        .map(XuejiNumber::parse)
        .transpose()
        .map_err(|_| bad("xuejiNumber", "学籍号", m.id))?;
    Ok(AssignedNumber::of(number, status_of(m)?))
}

/// The national 学籍号 a certificate or completion proof carries (R7.1): refused while it is
/// 待分配 or provisional.
fn national_xueji(m: &student::Model) -> Result<XuejiNumber> {
    match xueji(m)? {
        AssignedNumber::National(n) => Ok(n),
        other => Err(AppError::rule(
            rules::R7_1,
            format!(
                "学籍号为“{}”：全国学籍号确定后才能打印证书或证明",
                other.printed()
            ),
        )),
    }
}

/// 七年级3班
pub fn class_label(m: &student::Model) -> String {
    format!(
        "{}{}",
        grade_label(m.grade),
        m.class_name.as_deref().unwrap_or_default()
    )
}

pub fn student_block(
    m: &student::Model,
    school: &SchoolProfile,
    today: NaiveDate,
) -> Result<StudentBlock> {
    Ok(StudentBlock {
        name: person_name(m)?,
        sex: sex(m),
        birth_date: m.birth_date,
        id_number: id_card(m, today),
        xueji_number: xueji(m)?,
        school: school.name.clone(),
        class: class_label(m),
        address: m.current_address.clone(),
    })
}

fn guardian_of(family: &[family_member::Model]) -> Option<&family_member::Model> {
    family
        .iter()
        .find(|f| f.guardian)
        .or_else(|| family.first())
}

pub fn guardian(d: &StudentData) -> Result<Guardian> {
    let g = guardian_of(&d.family).ok_or_else(|| {
        AppError::validation(
            "family",
            format!("学生（编号 {}）没有登记监护人，无法打印", d.row.id),
        )
    })?;
    Ok(Guardian {
        name: PersonName::parse(&g.name).map_err(|_| bad("family", "监护人姓名", d.row.id))?,
        relation: g.relation.clone(),
        phone: g.phone.clone().unwrap_or_default(),
    })
}

/// The outcome of an ended study, or the rule's refusal.
fn outcome(m: &student::Model, rule: rules::RuleId) -> Result<Outcome> {
    let status = status_of(m)?;
    Outcome::from_status(status).ok_or_else(|| {
        AppError::rule(
            rule,
            format!("学生为“{}”状态，未办理毕业、结业或肄业", status.label_zh()),
        )
    })
}

fn aux(m: &student::Model, profile: &xueji_domain::RuleProfile) -> Option<AuxNumber> {
    m.aux_number
        .as_deref()
        .and_then(|a| AuxNumber::parse(a, &profile.aux_pattern).ok())
}

/// 入学年月: the first entry into this stage (R24.1), kept since records remember it; older
/// records print their entry date here.
fn study_from(d: &StudentData) -> NaiveDate {
    d.row
        .stage_entry_date
        .or(d.row.entry_date)
        .or_else(|| d.events.first().map(|e| e.on_date))
        .unwrap_or(d.row.birth_date)
}

fn study_to(d: &StudentData, today: NaiveDate) -> NaiveDate {
    d.completion
        .as_ref()
        .map(|c| c.on_date)
        .or(d.row.last_change_on)
        .unwrap_or(today)
}

/// 《浙江省义务教育证书》 (R24.1), numbered with the 学籍辅号 (R26.1).
pub fn certificate(
    d: &StudentData,
    school: &SchoolProfile,
    profile: &xueji_domain::RuleProfile,
    today: NaiveDate,
    mode: xueji_print::documents::certificate::PrintMode,
) -> Result<Certificate> {
    let m = &d.row;
    let status = status_of(m)?;
    let number = aux(m, profile);
    completion::certificate(status, number.as_ref())?;
    let number = number.ok_or_else(|| AppError::rule(rules::R26_1, "证书编号同学籍辅号"))?;
    Ok(Certificate {
        title: profile.certificate_title.clone(),
        name: person_name(m)?,
        sex: sex(m),
        birth_date: m.birth_date,
        id_number: id_card(m, today),
        xueji_number: national_xueji(m)?,
        school: school.name.clone(),
        study_from: study_from(d),
        study_to: study_to(d, today),
        outcome: outcome(m, rules::R24_1)?,
        number,
        issued_on: today,
        photo: d.photo.clone(),
        mode,
    })
}

/// 毕（结、肄）业证明书 instead of a lost certificate (R26.2).
pub fn completion_proof(
    d: &StudentData,
    school: &SchoolProfile,
    profile: &xueji_domain::RuleProfile,
    serial: &str,
    today: NaiveDate,
) -> Result<CompletionProof> {
    let m = &d.row;
    completion::completion_proof(status_of(m)?)?;
    Ok(CompletionProof {
        serial: serial.to_owned(),
        name: person_name(m)?,
        sex: sex(m),
        birth_date: m.birth_date,
        id_number: id_card(m, today),
        xueji_number: national_xueji(m)?,
        school: school.name.clone(),
        study_from: study_from(d),
        study_to: study_to(d, today),
        outcome: outcome(m, rules::R26_2)?,
        certificate_number: aux(m, profile),
        issued_on: today,
        photo: d.photo.clone(),
    })
}

/// 写实性证明 for a foreign student who did not complete the programme (R27.1).
pub fn attendance_statement(
    d: &StudentData,
    school: &SchoolProfile,
    serial: &str,
    today: NaiveDate,
) -> Result<AttendanceStatement> {
    let m = &d.row;
    let status = status_of(m)?;
    let completed = matches!(status, Status::Graduated | Status::Completed);
    completion::attendance_statement(m.foreign_national, completed)?;
    let first_grade = d
        .events
        .first()
        .and_then(|e| u8::try_from(e.grade_before).ok())
        .and_then(|g| Grade::new(g).ok())
        .unwrap_or_else(|| grade_of(m));
    let reason = d
        .events
        .iter()
        .rev()
        .find(|e| e.status_after != e.status_before)
        .map_or_else(|| status.label_zh().to_owned(), |e| e.summary.clone());
    Ok(AttendanceStatement {
        serial: serial.to_owned(),
        name: person_name(m)?,
        sex: sex(m),
        birth_date: m.birth_date,
        nationality: m.nationality.clone(),
        passport_number: m.id_number.clone(),
        xueji_number: xueji(m)?,
        school: school.name.clone(),
        study_from: study_from(d),
        study_to: m.last_change_on.unwrap_or(today),
        first_grade,
        last_grade: grade_of(m),
        reason,
        issued_on: today,
    })
}

/// The event kinds as the record card names them.
fn event_label(kind: &str) -> String {
    crate::views::event_kind_label(kind)
}

/// 学籍卡 (R8.2); sanctions are left out once purged (R23.3): the rows are gone, and the card
/// drops the sanction events as well.
pub fn record_card(
    d: &StudentData,
    school: &SchoolProfile,
    today: NaiveDate,
) -> Result<RecordCard> {
    let m = &d.row;
    let purged = d.sanctions.is_empty()
        && d.events
            .iter()
            .any(|e| e.kind == ChangeKind::Finish.code() || e.status_after == Status::Graduated);
    let mut other_items = vec![
        ("户口性质".to_owned(), m.hukou_kind.clone()),
        ("是否随迁子女".to_owned(), yes_no(m.migrant_child)),
        ("是否留守儿童".to_owned(), yes_no(m.left_behind)),
        ("是否孤儿".to_owned(), yes_no(m.orphan)),
    ];
    if let Some(k) = m.disability_kind.as_deref().filter(|k| !k.is_empty()) {
        other_items.push(("残疾类型".to_owned(), k.to_owned()));
    }
    if let Some(a) = m.aux_number.as_deref() {
        other_items.push(("学籍辅号".to_owned(), a.to_owned()));
    }
    let placements = d
        .placements
        .iter()
        .filter_map(|p| {
            let grade = u8::try_from(p.grade)
                .ok()
                .and_then(|g| Grade::new(g).ok())?;
            Some(Placement {
                year: SchoolYear(p.school_year),
                grade,
                class: format!("{}{}", grade.label_zh(), p.class_name),
                head_teacher: String::new(),
            })
        })
        .collect();
    let changes = d
        .events
        .iter()
        .map(|e| ChangeEntry {
            date: e.on_date,
            kind: event_label(&e.kind),
            detail: e.summary.clone(),
            reference: e.rule.clone(),
            is_sanction: matches!(e.kind.as_str(), "sanction" | "lift_sanction"),
        })
        .collect();
    Ok(RecordCard {
        student: student_block(m, school, today)?,
        photo: d.photo.clone(),
        ethnicity: m.ethnicity.clone(),
        nationality: m.nationality.clone(),
        birthplace: m.hukou_address.clone(),
        household_registration: m.hukou_address.clone(),
        health: String::new(),
        study_mode: m.study_mode,
        entered_on: study_from(d),
        other_items,
        family: d
            .family
            .iter()
            .map(|f| FamilyMember {
                name: f.name.clone(),
                relation: f.relation.clone(),
                employer: f.employer.clone().unwrap_or_default(),
                phone: f.phone.clone().unwrap_or_default(),
                is_guardian: f.guardian,
            })
            .collect(),
        placements,
        changes,
        sanctions_purged: purged,
    })
}

fn yes_no(b: bool) -> String {
    if b { "是" } else { "否" }.to_owned()
}

/// 班级花名册 of the students given (one class or a grade).
pub fn roster(
    students: &[StudentData],
    school: &SchoolProfile,
    class: &str,
    today: NaiveDate,
) -> Result<Roster> {
    let mut entries = Vec::with_capacity(students.len());
    for d in students {
        let g = guardian_of(&d.family);
        entries.push(RosterEntry {
            student: student_block(&d.row, school, today)?,
            ethnicity: d.row.ethnicity.clone(),
            guardian: g.map(|g| g.name.clone()).unwrap_or_default(),
            phone: g.and_then(|g| g.phone.clone()).unwrap_or_default(),
            status: status_of(&d.row)?,
        });
    }
    Ok(Roster {
        school: school.name.clone(),
        school_year: SchoolYear::containing(today).label_zh(),
        class: class.to_owned(),
        head_teacher: String::new(),
        entries,
        printed_on: today,
    })
}

fn event_of<'a>(d: &'a StudentData, kind: &str) -> Option<&'a student_event::Model> {
    d.events.iter().rev().find(|e| e.kind == kind)
}

/// 辍学情况报告 to the township and the bureau (R18.1).
pub fn dropout_report(
    d: &StudentData,
    school: &SchoolProfile,
    serial: &str,
    today: NaiveDate,
) -> Result<DropoutReport> {
    let m = &d.row;
    if status_of(m)? != Status::DroppedOut {
        return Err(AppError::rule(
            rules::R18_1,
            "该生不是辍学状态，无需报告辍学情况",
        ));
    }
    let e = event_of(d, "dropout");
    Ok(DropoutReport {
        serial: serial.to_owned(),
        township: school.township.clone(),
        bureau: school.county_bureau.clone(),
        student: student_block(m, school, today)?,
        guardian: guardian(d)?,
        absent_since: e.map_or(today, |e| e.on_date),
        circumstances: e.map(|e| e.summary.clone()).unwrap_or_default(),
        measures: Vec::new(),
        reported_on: today,
    })
}

/// 学籍注销报告 after a death (R19.1).
pub fn cancellation_report(
    d: &StudentData,
    school: &SchoolProfile,
    serial: &str,
    today: NaiveDate,
) -> Result<CancellationReport> {
    let m = &d.row;
    if status_of(m)? != Status::Deceased {
        return Err(AppError::rule(
            rules::R19_1,
            "只有死亡注销的学生出具学籍注销报告",
        ));
    }
    let e = event_of(d, "death");
    Ok(CancellationReport {
        serial: serial.to_owned(),
        bureau: school.county_bureau.clone(),
        student: student_block(m, school, today)?,
        died_on: e.map_or(today, |e| e.on_date),
        proofs: vec![ProofKind::DeathCertificate.label_zh().to_owned()],
        reported_on: today,
    })
}

/// 解除处分通知书 of the student's latest lifted sanction (R23.2).
pub fn sanction_lift_notice(
    d: &StudentData,
    school: &SchoolProfile,
    serial: &str,
    decision_serial: &str,
    today: NaiveDate,
) -> Result<SanctionLiftNotice> {
    let s = d
        .sanctions
        .iter()
        .rev()
        .find(|s| s.lifted_on.is_some())
        .ok_or_else(|| AppError::rule(rules::R23_2, "该生没有已解除的处分"))?;
    Ok(SanctionLiftNotice {
        serial: serial.to_owned(),
        student: student_block(&d.row, school, today)?,
        level: s.level,
        decision_serial: decision_serial.to_owned(),
        decided_on: s.decided_on,
        period_to: s.period_ends,
        lifted_on: s.lifted_on.unwrap_or(today),
    })
}
