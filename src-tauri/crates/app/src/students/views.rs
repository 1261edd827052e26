//! What the student screens show.

use chrono::NaiveDate;
use xueji_store::entities::{family_member, student};

use crate::views::{StatusView, grade_label, mask_id};

/// One row of the student list (the ID number masked).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentRow {
    pub id: i64,
    pub xueji_number: Option<String>,
    /// As pages print it: 待分配, `G…（暂定）` before the bureau's approval, or the number (R7.1).
    pub xueji_number_label: String,
    pub name: String,
    pub sex: String,
    pub birth_date: NaiveDate,
    pub id_number_masked: String,
    pub grade: Option<i32>,
    pub grade_label: String,
    pub class_name: Option<String>,
    pub status: StatusView,
    pub archived: bool,
}

impl From<&student::Model> for StudentRow {
    fn from(m: &student::Model) -> Self {
        Self {
            id: m.id,
            xueji_number: m.xueji_number.clone(),
            xueji_number_label: xueji_number_label(m),
            name: m.name.clone(),
            sex: sex_label(&m.sex).to_owned(),
            birth_date: m.birth_date,
            id_number_masked: mask_id(&m.id_number),
            grade: m.grade,
            grade_label: grade_label(m.grade),
            class_name: m.class_name.clone(),
            status: StatusView::from(m.status),
            archived: m.archived,
        }
    }
}

/// `男` / `女` for the stored `male` / `female`.
pub fn sex_label(sex: &str) -> &str {
    match sex {
        "male" => "男",
        "female" => "女",
        other => other,
    }
}

/// A family member.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FamilyMemberView {
    pub name: String,
    pub relation: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub employer: Option<String>,
    pub guardian: bool,
}

impl From<&family_member::Model> for FamilyMemberView {
    fn from(f: &family_member::Model) -> Self {
        Self {
            name: f.name.clone(),
            relation: f.relation.clone(),
            phone: f.phone.clone(),
            id_number: f.id_number.clone(),
            employer: f.employer.clone(),
            guardian: f.guardian,
        }
    }
}

/// The whole record of one student (section 1 of the archive, R8.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
#[allow(clippy::struct_excessive_bools)]
pub struct StudentView {
    pub id: i64,
    pub xueji_number: Option<String>,
    /// As pages print it: 待分配, `G…（暂定）` before the bureau's approval, or the number (R7.1).
    pub xueji_number_label: String,
    pub aux_number: Option<String>,
    pub id_type: String,
    pub id_number: String,
    pub name: String,
    pub former_name: Option<String>,
    pub sex: String,
    pub birth_date: NaiveDate,
    pub ethnicity: String,
    pub nationality: String,
    pub hukou_kind: String,
    pub hukou_address: String,
    pub current_address: String,
    pub migrant_child: bool,
    pub left_behind: bool,
    pub orphan: bool,
    pub disability_kind: Option<String>,
    pub inclusive_placement: bool,
    pub study_mode: xueji_domain::StudyMode,
    pub foreign_national: bool,
    pub status: StatusView,
    pub grade: Option<i32>,
    pub grade_label: String,
    pub grade_year: Option<i32>,
    pub class_name: Option<String>,
    pub entry_date: Option<NaiveDate>,
    pub leave_until: Option<NaiveDate>,
    pub placed_elsewhere: Option<String>,
    pub archived: bool,
    /// Read-only here: ended (R9.2) or transferred out (R9.1).
    pub read_only: bool,
    pub version: i32,
    pub family: Vec<FamilyMemberView>,
}

impl StudentView {
    pub fn new(m: &student::Model, family: &[family_member::Model]) -> Self {
        Self {
            id: m.id,
            xueji_number: m.xueji_number.clone(),
            xueji_number_label: xueji_number_label(m),
            aux_number: m.aux_number.clone(),
            id_type: m.id_type.clone(),
            id_number: m.id_number.clone(),
            name: m.name.clone(),
            former_name: m.former_name.clone(),
            sex: sex_label(&m.sex).to_owned(),
            birth_date: m.birth_date,
            ethnicity: m.ethnicity.clone(),
            nationality: m.nationality.clone(),
            hukou_kind: m.hukou_kind.clone(),
            hukou_address: m.hukou_address.clone(),
            current_address: m.current_address.clone(),
            migrant_child: m.migrant_child,
            left_behind: m.left_behind,
            orphan: m.orphan,
            disability_kind: m.disability_kind.clone(),
            inclusive_placement: m.inclusive_placement,
            study_mode: m.study_mode,
            foreign_national: m.foreign_national,
            status: StatusView::from(m.status),
            grade: m.grade,
            grade_label: grade_label(m.grade),
            grade_year: m.grade_year,
            class_name: m.class_name.clone(),
            entry_date: m.entry_date,
            leave_until: m.leave_until,
            placed_elsewhere: m.placed_elsewhere.clone(),
            archived: m.archived,
            read_only: m.archived || m.status.is_read_only(),
            version: m.version,
            family: family.iter().map(FamilyMemberView::from).collect(),
        }
    }
}

/// The record's 学籍号 as shown: 待分配, provisional before the bureau's approval, or final (R7.1).
pub fn xueji_number_label(m: &student::Model) -> String {
    let number = m
        .xueji_number
        .as_deref()
        .and_then(|x| xueji_domain::XuejiNumber::parse(x).ok());
    xueji_domain::assigned_number::AssignedNumber::of(number, m.status).printed()
}
