//! Editing a student's everyday data (address, class, family contacts, flags) with history. Data
//! of the 学籍 itself goes through an application: basic data through R11.1, the key fields (name,
//! ID number) through R11.2; an edit that tries them is refused naming the procedure.

use sea_orm::TransactionTrait;
use xueji_domain::AuditAction;
use xueji_domain::rules;
use xueji_store::entities::{archive_item, family_member};
use xueji_store::repo::students as repo;
use xueji_store::repo::{archive_items, family};

use crate::app::App;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::record;
use crate::students::views::{FamilyMemberView, StudentView};

/// One field and its new value.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldValue {
    /// `current_address`, `class_name`, `migrant_child`, `left_behind`, `orphan`.
    pub field: String,
    pub value: String,
}

/// An edit of one student.
#[derive(Clone, Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentEditInput {
    pub id: i64,
    /// The version the form was loaded at: a newer one means someone else changed the record.
    pub version: i32,
    #[serde(default)]
    pub fields: Vec<FieldValue>,
    /// Replaces the family members when present (at most two).
    pub family: Option<Vec<FamilyMemberView>>,
}

const KEY_FIELDS: [&str; 2] = ["name", "id_number"];
const BASIC_FIELDS: [&str; 9] = [
    "former_name",
    "sex",
    "birth_date",
    "ethnicity",
    "nationality",
    "hukou_kind",
    "hukou_address",
    "disability_kind",
    "id_type",
];
const EVERYDAY_FIELDS: [&str; 5] = [
    "current_address",
    "class_name",
    "migrant_child",
    "left_behind",
    "orphan",
];

fn flag(value: &str) -> Result<bool> {
    match value.trim() {
        "true" | "是" | "1" => Ok(true),
        "false" | "否" | "0" => Ok(false),
        _ => Err(AppError::validation("value", "请填写 是 或 否")),
    }
}

impl App {
    /// Edits everyday data; key and basic data are refused with the procedure's rule.
    pub async fn student_edit(
        &self,
        session: &Session,
        input: &StudentEditInput,
    ) -> Result<StudentView> {
        self.authorize(session, Permission::EditStudents).await?;
        for f in &input.fields {
            let field = f.field.as_str();
            if KEY_FIELDS.contains(&field) {
                return Err(AppError::rule(
                    rules::R11_2,
                    "姓名、身份证件号为关键信息，须经主管教育行政部门核准并重新查重，请提交关键信息变更申请",
                ));
            }
            if BASIC_FIELDS.contains(&field) {
                return Err(AppError::rule(
                    rules::R11_1,
                    "学籍基础信息须由监护人提出申请并提供证明材料，经学校核办后变更，请提交基础信息变更申请",
                ));
            }
            if !EVERYDAY_FIELDS.contains(&field) {
                return Err(AppError::validation(
                    "field",
                    format!("未知的信息项：{field}"),
                ));
            }
        }
        if let Some(family) = &input.family {
            if family.len() > 2 {
                return Err(AppError::validation("family", "家庭成员最多填写两人"));
            }
            for (i, f) in family.iter().enumerate() {
                if f.name.trim().is_empty() || f.relation.trim().is_empty() {
                    return Err(AppError::validation(
                        &format!("family.{i}.name"),
                        "请填写家庭成员姓名和关系",
                    ));
                }
            }
        }
        let current = record::load(self.db(), input.id).await?;
        record::ensure_writable(&current)?;
        if current.version != input.version {
            return Err(AppError::conflict(
                "该学生信息已被他人修改，请刷新后重新编辑",
            ));
        }
        let mut values = Vec::new();
        for f in &input.fields {
            values.push((f.field.clone(), f.value.trim().to_owned()));
            if matches!(f.field.as_str(), "migrant_child" | "left_behind" | "orphan") {
                flag(&f.value)?;
            }
        }
        let txn = self.db().begin().await?;
        let changed: Vec<&str> = input.fields.iter().map(|f| f.field.as_str()).collect();
        let label = if changed.is_empty() {
            "edit family".to_owned()
        } else {
            format!("edit {}", changed.join(","))
        };
        let saved = repo::update(&txn, &session.username, input.id, &label, |m| {
            for (field, value) in &values {
                match field.as_str() {
                    "current_address" => m.current_address.clone_from(value),
                    "class_name" => m.class_name = (!value.is_empty()).then(|| value.clone()),
                    "migrant_child" => m.migrant_child = flag(value).unwrap_or(m.migrant_child),
                    "left_behind" => m.left_behind = flag(value).unwrap_or(m.left_behind),
                    "orphan" => m.orphan = flag(value).unwrap_or(m.orphan),
                    _ => {}
                }
            }
        })
        .await?;
        if let Some(family) = &input.family {
            // Family rows are replaced as a whole; the old ones stay in the history snapshot below.
            let old = family::of_student(&txn, input.id).await?;
            let snapshot = serde_json::to_string(&old)?;
            crate::audit::append(
                &txn,
                &session.username,
                AuditAction::FamilyChange,
                &format!("student:{}", input.id),
            )
            .await?;
            archive_items::insert(
                &txn,
                archive_item::Model {
                    id: 0,
                    student_id: input.id,
                    section: xueji_domain::archive::ArchiveSection::BasicDataAndHistory,
                    kind: "family_before_change".to_owned(),
                    title: "家庭成员信息变更前".to_owned(),
                    recorded_on: self.today(),
                    content: snapshot,
                    attachment_id: None,
                    created_at: self.now(),
                    created_by: session.username.clone(),
                },
            )
            .await?;
            family::remove_of_student(&txn, input.id).await?;
            for (f, ordinal) in family.iter().zip(1..) {
                family::insert(
                    &txn,
                    family_member::Model {
                        id: 0,
                        student_id: input.id,
                        ordinal,
                        name: f.name.trim().to_owned(),
                        relation: f.relation.trim().to_owned(),
                        phone: f.phone.clone().filter(|s| !s.trim().is_empty()),
                        id_number: f.id_number.clone().filter(|s| !s.trim().is_empty()),
                        employer: f.employer.clone().filter(|s| !s.trim().is_empty()),
                        guardian: f.guardian,
                    },
                )
                .await?;
            }
        }
        let family = family::of_student(&txn, input.id).await?;
        txn.commit().await?;
        Ok(StudentView::new(&saved, &family))
    }
}
