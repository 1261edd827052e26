//! The bureau's semester checks (第四条, R4.1): one per term, its findings as JSON.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};
use xueji_domain::school::Semester;

use crate::entities::bureau_check;
use crate::error::Result;

/// One check.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<bureau_check::Model>> {
    Ok(bureau_check::Entity::find_by_id(id).one(db).await?)
}

/// The check of a term (school year by its start year), if recorded.
pub async fn of_term<C: ConnectionTrait>(
    db: &C,
    school_year: i32,
    semester: Semester,
) -> Result<Option<bureau_check::Model>> {
    Ok(bureau_check::Entity::find()
        .filter(bureau_check::Column::SchoolYear.eq(school_year))
        .filter(bureau_check::Column::Semester.eq(semester))
        .one(db)
        .await?)
}

/// Every check, the latest term first.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<bureau_check::Model>> {
    Ok(bureau_check::Entity::find()
        .order_by_desc(bureau_check::Column::TermStart)
        .order_by_desc(bureau_check::Column::Id)
        .all(db)
        .await?)
}

/// Records a check (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: bureau_check::Model,
) -> Result<bureau_check::Model> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Replaces a check's findings (a resolution recorded).
pub async fn set_findings<C: ConnectionTrait>(
    db: &C,
    row: bureau_check::Model,
    findings: String,
) -> Result<bureau_check::Model> {
    let mut am: bureau_check::ActiveModel = row.into();
    am.findings = Set(findings);
    Ok(am.update(db).await?)
}
