//! Loading what the documents print: the students with their family, placements, changes,
//! sanctions and events, in the order asked; the ids a batch filter selects.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use xueji_store::entities::{
    application, class_placement, completion, family_member, sanction, student, student_event,
};

use crate::error::{AppError, Result};

use super::fill::StudentData;
use super::{BatchFilter, ID_CHUNK};

/// Loads everything a document may print about these students, in the order of `ids`.
pub(crate) async fn load_students<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<StudentData>> {
    let mut rows: HashMap<i64, StudentData> = HashMap::with_capacity(ids.len());
    for part in ids.chunks(ID_CHUNK) {
        let part = part.to_vec();
        for m in student::Entity::find()
            .filter(student::Column::Id.is_in(part.clone()))
            .all(db)
            .await?
        {
            rows.insert(
                m.id,
                StudentData {
                    row: m,
                    family: Vec::new(),
                    events: Vec::new(),
                    placements: Vec::new(),
                    completion: None,
                    sanctions: Vec::new(),
                    applications: Vec::new(),
                },
            );
        }
        for f in family_member::Entity::find()
            .filter(family_member::Column::StudentId.is_in(part.clone()))
            .order_by_asc(family_member::Column::Ordinal)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&f.student_id) {
                d.family.push(f);
            }
        }
        for e in student_event::Entity::find()
            .filter(student_event::Column::StudentId.is_in(part.clone()))
            .order_by_asc(student_event::Column::OnDate)
            .order_by_asc(student_event::Column::Id)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&e.student_id) {
                d.events.push(e);
            }
        }
        for p in class_placement::Entity::find()
            .filter(class_placement::Column::StudentId.is_in(part.clone()))
            .order_by_asc(class_placement::Column::SchoolYear)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&p.student_id) {
                d.placements.push(p);
            }
        }
        for c in completion::Entity::find()
            .filter(completion::Column::StudentId.is_in(part.clone()))
            .order_by_asc(completion::Column::Id)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&c.student_id) {
                d.completion = Some(c);
            }
        }
        for s in sanction::Entity::find()
            .filter(sanction::Column::StudentId.is_in(part.clone()))
            .order_by_asc(sanction::Column::DecidedOn)
            .all(db)
            .await?
        {
            if let Some(d) = rows.get_mut(&s.student_id) {
                d.sanctions.push(s);
            }
        }
        for a in application::Entity::find()
            .filter(application::Column::StudentId.is_in(part))
            .order_by_asc(application::Column::OpenedOn)
            .order_by_asc(application::Column::Id)
            .all(db)
            .await?
        {
            if let Some(d) = a.student_id.and_then(|id| rows.get_mut(&id)) {
                d.applications.push(a);
            }
        }
    }
    ids.iter()
        .map(|id| {
            rows.remove(id)
                .ok_or_else(|| AppError::not_found(format!("学生（编号 {id}）")))
        })
        .collect()
}

/// The ids a filter selects, ordered by grade, class and name.
pub(crate) async fn select_ids<C: ConnectionTrait>(db: &C, f: &BatchFilter) -> Result<Vec<i64>> {
    let mut q = student::Entity::find()
        .select_only()
        .column(student::Column::Id);
    if let Some(g) = f.grade {
        q = q.filter(student::Column::Grade.eq(i32::from(g)));
    }
    if let Some(c) = f
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        q = q.filter(student::Column::ClassName.eq(c));
    }
    if !f.statuses.is_empty() {
        q = q.filter(student::Column::Status.is_in(f.statuses.clone()));
    }
    if !f.include_archived {
        q = q.filter(student::Column::Archived.eq(false));
    }
    Ok(q.order_by_asc(student::Column::Grade)
        .order_by_asc(student::Column::ClassName)
        .order_by_asc(student::Column::NameSearch)
        .order_by_asc(student::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await?)
}
