//! Aid granted per semester on a hardship assessment in force (archive section R8.2(6)).

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use xueji_domain::school::Semester;

use crate::entities::hardship_aid;
use crate::error::Result;

/// Records a grant (`id` is assigned); returns it as stored.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    grant: hardship_aid::Model,
) -> Result<hardship_aid::Model> {
    let mut am = grant.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// The aid granted on an assessment, by day granted, then in the order recorded.
pub async fn of_application<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<hardship_aid::Model>> {
    Ok(hardship_aid::Entity::find()
        .filter(hardship_aid::Column::ApplicationId.eq(application_id))
        .order_by_asc(hardship_aid::Column::GrantedOn)
        .order_by_asc(hardship_aid::Column::Id)
        .all(db)
        .await?)
}

/// The total granted (fen) on each of these assessments that has any aid.
pub async fn totals<C: ConnectionTrait>(
    db: &C,
    application_ids: Vec<i64>,
) -> Result<HashMap<i64, i64>> {
    Ok(hardship_aid::Entity::find()
        .select_only()
        .column(hardship_aid::Column::ApplicationId)
        .column_as(hardship_aid::Column::AmountFen.sum(), "total")
        .filter(hardship_aid::Column::ApplicationId.is_in(application_ids))
        .group_by(hardship_aid::Column::ApplicationId)
        .into_tuple::<(i64, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, t)| (id, t.unwrap_or(0)))
        .collect())
}

/// How many grants of `kind` an assessment has for a semester.
pub async fn count_of_kind<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
    semester: Semester,
    kind: &str,
) -> Result<u64> {
    Ok(hardship_aid::Entity::find()
        .filter(hardship_aid::Column::ApplicationId.eq(application_id))
        .filter(hardship_aid::Column::Semester.eq(semester))
        .filter(hardship_aid::Column::Kind.eq(kind))
        .count(db)
        .await?)
}
