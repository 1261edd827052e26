//! Helpers for the batch and document tests: students seeded straight into the store in any
//! status and grade (the changes that would bring them there belong to other use cases), open
//! applications, sanctions, and audit lookups.
#![allow(dead_code)]

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, Statement, TransactionTrait};
use xueji_domain::{Grade, PersonName, Status};
use xueji_store::entities::{application, sanction};
use xueji_store::repo::students::{self, NewFamilyMember, NewStudent, Placement};

use crate::common::{TestApp, d, id_number};

/// A student to seed.
pub struct Seed<'a> {
    pub name: &'a str,
    pub seq: u16,
    pub grade: u8,
    pub status: Status,
    /// Start year of the school year the grade applies to.
    pub grade_year: i32,
    pub aux: Option<&'a str>,
}

impl<'a> Seed<'a> {
    pub fn enrolled(name: &'a str, seq: u16, grade: u8) -> Self {
        Self {
            name,
            seq,
            grade,
            status: Status::Enrolled,
            grade_year: 2025,
            aux: None,
        }
    }

    pub fn status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }

    pub fn year(mut self, year: i32) -> Self {
        self.grade_year = year;
        self
    }
}

/// The new-student row of a seed (born so that the grade fits the age).
pub fn new_student(s: &Seed<'_>) -> NewStudent {
    let birth = d(2019 - i32::from(s.grade), 3, 1);
    let id = id_number(birth, s.seq);
    NewStudent {
        xueji_number: Some(format!("G{id}")),
        id_type: "resident_id".to_owned(),
        id_number: id,
        name: PersonName::parse(s.name).expect("name"),
        former_name: None,
        sex: "male".to_owned(),
        birth_date: birth,
        ethnicity: "汉族".to_owned(),
        nationality: "中国".to_owned(),
        hukou_kind: "非农业户口".to_owned(),
        hukou_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        current_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        migrant_child: false,
        left_behind: false,
        orphan: false,
        disability_kind: None,
        inclusive_placement: false,
        status: s.status,
        grade: Some(Grade::new(s.grade).expect("grade")),
        placement: Placement {
            grade_year: Some(s.grade_year),
            class_name: Some("1班".to_owned()),
            entry_date: Some(d(2017, 9, 1)),
            stage_entry_date: None,
            study_mode: xueji_domain::StudyMode::Regular,
            foreign_national: false,
            aux_number: s.aux.map(str::to_owned),
        },
        family: vec![NewFamilyMember {
            name: "王大山".to_owned(),
            relation: "父亲".to_owned(),
            phone: Some("13800000000".to_owned()),
            id_number: None,
            employer: None,
            guardian: true,
        }],
    }
}

/// Inserts a student through the store and returns its id.
pub async fn seed(t: &TestApp, s: Seed<'_>) -> i64 {
    let txn = t.app.db().begin().await.expect("begin");
    let id = students::insert(&txn, "seed", &new_student(&s))
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    id
}

/// An open application for a student.
pub async fn open_application(t: &TestApp, student_id: i64, kind: &str) {
    application::ActiveModel {
        student_id: Set(Some(student_id)),
        change_kind: Set(xueji_domain::stored::parse(kind).unwrap()),
        state: Set(xueji_store::entities::application::ApplicationState::Open),
        opened_on: Set(d(2026, 6, 1)),
        closed_on: Set(None),
        data: Set("{}".to_owned()),
        current_step: Set(Some(1)),
        due_on: Set(None),
        waiting_on: Set(None),
        created_by: Set("seed".to_owned()),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("application");
}

/// A sanction in force.
pub async fn add_sanction(t: &TestApp, student_id: i64, decided_on: NaiveDate) {
    sanction::ActiveModel {
        student_id: Set(student_id),
        level: Set(xueji_domain::sanction::SanctionLevel::Warning),
        reason: Set("违反校规".to_owned()),
        decided_on: Set(decided_on),
        period_ends: Set(decided_on + chrono::Months::new(6)),
        shortened_reason: Set(None),
        lifted_on: Set(None),
        application_id: Set(None),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("sanction");
}

/// One number from SQL.
pub async fn scalar(t: &TestApp, sql: &str) -> i64 {
    let db = t.app.db();
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .expect("query")
        .expect("row");
    row.try_get_by_index::<i64>(0).expect("number")
}

/// The targets of audit rows with this action, oldest first.
pub async fn audit_targets(t: &TestApp, action: &str) -> Vec<String> {
    let db = t.app.db();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT target FROM audit_log WHERE action = ? ORDER BY seq",
            [action.into()],
        ))
        .await
        .expect("audit");
    rows.iter()
        .map(|r| r.try_get::<String>("", "target").expect("target"))
        .collect()
}
