//! Loading what the documents print: the students with their family, placements, changes,
//! sanctions and events, in the order asked; the ids a batch filter selects.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use xueji_store::repo::student_lists::{self, Selection};
use xueji_store::repo::{
    applications, completions, events, family, placements, sanctions, students,
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
        for m in students::by_ids(db, part.clone()).await? {
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
                    photo: None,
                },
            );
        }
        for f in family::of_students(db, part.clone()).await? {
            if let Some(d) = rows.get_mut(&f.student_id) {
                d.family.push(f);
            }
        }
        for e in events::of_students(db, part.clone()).await? {
            if let Some(d) = rows.get_mut(&e.student_id) {
                d.events.push(e);
            }
        }
        for p in placements::of_students(db, part.clone()).await? {
            if let Some(d) = rows.get_mut(&p.student_id) {
                d.placements.push(p);
            }
        }
        for c in completions::of_students(db, part.clone()).await? {
            if let Some(d) = rows.get_mut(&c.student_id) {
                d.completion = Some(c);
            }
        }
        for s in sanctions::of_students(db, part.clone()).await? {
            if let Some(d) = rows.get_mut(&s.student_id) {
                d.sanctions.push(s);
            }
        }
        for a in applications::of_students(db, part).await? {
            if let Some(d) = a.student_id.and_then(|id| rows.get_mut(&id)) {
                d.applications.push(a);
            }
        }
    }
    for d in rows.values_mut() {
        d.photo = crate::students::photo::photo_bytes(db, &d.row).await?;
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
    let selection = Selection {
        grade: f.grade.map(i32::from),
        class_name: f
            .class_name
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty()),
        statuses: &f.statuses,
        include_archived: f.include_archived,
    };
    Ok(student_lists::select_ids(db, &selection).await?)
}
