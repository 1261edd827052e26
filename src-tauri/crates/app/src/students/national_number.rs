//! Recording the 学籍号 the national system returned (R7.1, 第七条: "经学校主管教育行政部门核准后
//! 上报教育部获取全国学籍号") for a record that has none (待分配): a student without a resident ID,
//! whose L or J number is never invented here. Checked against the domain (G + the resident ID
//! where there is one; a well-formed L or J number otherwise) and against every other record
//! (R7.2); written with the record's history and the audit log.

use sea_orm::TransactionTrait;
use xueji_domain::assigned_number::check_national;
use xueji_domain::{IdCardNumber, Status, XuejiNumber, rules};
use xueji_store::repo::students as repo;

use crate::app::App;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::students::views::StudentView;

/// The number as the registrar copies it from the national system.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NationalNumberInput {
    pub student_id: i64,
    pub xueji_number: String,
}

impl App {
    /// Records the national 学籍号 of a record that has none yet; returns the record.
    pub async fn student_national_number_record(
        &self,
        session: &Session,
        input: &NationalNumberInput,
    ) -> Result<StudentView> {
        self.authorize(session, Permission::EditStudents).await?;
        let db = self.db();
        let m = record::load(db, input.student_id).await?;
        record::ensure_writable(&m)?;
        if record::status_of(&m)? == Status::PendingApproval {
            return Err(AppError::rule(
                rules::R7_1,
                "学籍须经主管教育行政部门核准后才上报获取全国学籍号，请先办理学籍核准",
            ));
        }
        let id_card = (m.id_type == "resident_id")
            .then(|| IdCardNumber::parse(&m.id_number, self.today()).ok())
            .flatten();
        let current = m
            .xueji_number
            .as_deref()
            .map(XuejiNumber::parse)
            .transpose()?;
        let number = check_national(&input.xueji_number, id_card.as_ref(), current.as_ref())?;
        if let Some(other) = repo::with_numbers(db, &m.id_number, Some(number.as_str()))
            .await?
            .into_iter()
            .find(|o| o.id != m.id)
        {
            return Err(AppError::rule(
                rules::R7_2,
                format!(
                    "学籍号{number}已属于本校另一份学籍（{}，学生编号 {}），不得重复",
                    other.name, other.id
                ),
            ));
        }
        let txn = db.begin().await?;
        let text = number.as_str().to_owned();
        repo::update(
            &txn,
            &session.username,
            m.id,
            "national_xueji_number",
            |row| {
                row.xueji_number = Some(text);
            },
        )
        .await?;
        txn.commit().await?;
        let saved = record::load(db, m.id).await?;
        let family = xueji_store::repo::family::of_student(db, m.id).await?;
        Ok(StudentView::new(&saved, &family))
    }
}
