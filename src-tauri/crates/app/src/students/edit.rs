//! Editing a student's everyday data (address, class, family contacts, flags) with history. Data
//! of the 学籍 itself goes through an application: basic data through R11.1, the key fields (name,
//! ID number) through R11.2; an edit that tries them is refused naming the procedure.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait,
};
use xueji_domain::AuditAction;
use xueji_domain::rules;
use xueji_store::entities::family_member;
use xueji_store::repo::students as repo;

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
            let old = family_member::Entity::find()
                .filter(family_member::Column::StudentId.eq(input.id))
                .all(&txn)
                .await?;
            let snapshot = serde_json::to_string(&old)?;
            crate::audit::append(
                &txn,
                &session.username,
                AuditAction::FamilyChange,
                &format!("student:{}", input.id),
            )
            .await?;
            xueji_store::entities::archive_item::ActiveModel {
                student_id: Set(input.id),
                section: Set(xueji_domain::archive::ArchiveSection::BasicDataAndHistory),
                kind: Set("family_before_change".to_owned()),
                title: Set("家庭成员信息变更前".to_owned()),
                recorded_on: Set(self.today()),
                content: Set(snapshot),
                attachment_id: Set(None),
                created_at: Set(self.now()),
                created_by: Set(session.username.clone()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            family_member::Entity::delete_many()
                .filter(family_member::Column::StudentId.eq(input.id))
                .exec(&txn)
                .await?;
            for (f, ordinal) in family.iter().zip(1..) {
                family_member::ActiveModel {
                    student_id: Set(input.id),
                    ordinal: Set(ordinal),
                    name: Set(f.name.trim().to_owned()),
                    relation: Set(f.relation.trim().to_owned()),
                    phone: Set(f.phone.clone().filter(|s| !s.trim().is_empty())),
                    id_number: Set(f.id_number.clone().filter(|s| !s.trim().is_empty())),
                    employer: Set(f.employer.clone().filter(|s| !s.trim().is_empty())),
                    guardian: Set(f.guardian),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
        let family = family_member::Entity::find()
            .filter(family_member::Column::StudentId.eq(input.id))
            .all(&txn)
            .await?;
        txn.commit().await?;
        Ok(StudentView::new(&saved, &family))
    }
}
