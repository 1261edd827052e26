//! The school profile.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use xueji_domain::AuditAction;
use xueji_domain::SchoolKind;

use crate::audit::{self, AuditRecord};
use crate::entities::school;
use crate::error::{Result, StoreError};

/// The stored name of a school kind.
pub fn kind_name(kind: SchoolKind) -> &'static str {
    match kind {
        SchoolKind::Primary => "primary",
        SchoolKind::Junior => "junior",
        SchoolKind::NineYear => "nine_year",
        SchoolKind::SpecialEducation => "special_education",
    }
}

/// Parses `小学`, `初中`, `九年一贯制`, `特殊教育` (or the English snake-case names).
pub fn parse_kind(text: &str) -> Result<SchoolKind> {
    match text.trim() {
        "小学" | "primary" => Ok(SchoolKind::Primary),
        "初中" | "junior" => Ok(SchoolKind::Junior),
        "九年一贯制" | "九年一贯制学校" | "nine_year" => Ok(SchoolKind::NineYear),
        "特殊教育" | "特殊教育学校" | "special_education" => {
            Ok(SchoolKind::SpecialEducation)
        }
        _ => Err(StoreError::Invalid(
            "学校类型应为 小学、初中、九年一贯制 或 特殊教育".to_owned(),
        )),
    }
}

/// Creates the profile (once, at init).
pub async fn create<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    name: &str,
    kind: SchoolKind,
) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("学校名称不能为空".to_owned()));
    }
    let now = Utc::now();
    let res = school::Entity::insert(school::ActiveModel {
        name: Set(name.to_owned()),
        kind: Set(kind_name(kind).to_owned()),
        code: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    audit::append(
        db,
        &AuditRecord::new(actor, AuditAction::SchoolCreate, "school")?,
    )
    .await?;
    Ok(res.last_insert_id)
}

/// The profile, if any.
pub async fn get<C: ConnectionTrait>(db: &C) -> Result<Option<school::Model>> {
    Ok(school::Entity::find().one(db).await?)
}

/// The profile's 学校代码 (when there is a profile).
pub async fn set_code<C: ConnectionTrait>(db: &C, code: Option<String>) -> Result<()> {
    if let Some(row) = get(db).await? {
        let mut am = row.into_active_model();
        am.code = Set(code);
        am.update(db).await?;
    }
    Ok(())
}

/// The profile's name, kind (its stored name, [`kind_name`]) and 学校代码 (when there is a
/// profile), stamped now.
pub async fn set_profile<C: ConnectionTrait>(
    db: &C,
    name: &str,
    kind: &str,
    code: Option<String>,
) -> Result<()> {
    if let Some(row) = get(db).await? {
        let mut am = row.into_active_model();
        am.name = Set(name.to_owned());
        am.kind = Set(kind.to_owned());
        am.code = Set(code);
        am.updated_at = Set(Utc::now());
        am.update(db).await?;
    }
    Ok(())
}
