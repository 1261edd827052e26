//! Students: create (one or many), view, search, change, archive. Nothing is ever deleted
//! (R5.1, R9.2); every version is kept in `student_history`; ID number and 学籍号 are unique
//! across the whole database, archived students included (R7.2). Reads are audited (R30.1).

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, Condition,
    ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use xueji_domain::AuditAction;
use xueji_domain::school::StudyMode;
use xueji_domain::{Grade, PersonName, Status};

use crate::audit::{self, AuditRecord};
use crate::entities::{family_member, student, student_history};
use crate::error::{Result, StoreError};

/// Rows per multi-row insert: 500 rows × 42 columns stays well under SQLite's 32,766 variables.
const CHUNK: usize = 500;

/// A family member as entered.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct NewFamilyMember {
    pub name: String,
    pub relation: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub employer: Option<String>,
    pub guardian: bool,
}

/// Where and how the student studies here.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Placement {
    /// Start year of the school year the grade applies to.
    pub grade_year: Option<i32>,
    pub class_name: Option<String>,
    pub entry_date: Option<NaiveDate>,
    /// First entry into this stage (R24.1); `None` means `entry_date`.
    pub stage_entry_date: Option<NaiveDate>,
    pub study_mode: StudyMode,
    pub foreign_national: bool,
    pub aux_number: Option<String>,
}

/// Pinyin initials of a name for search: `张三` → `zs`; Latin letters kept lower-cased, other
/// characters dropped. A character with several readings takes its most common one.
pub fn name_initials(name: &str) -> String {
    use pinyin::ToPinyin;
    name.chars()
        .filter_map(|c| {
            if c.is_ascii_alphabetic() {
                Some(c.to_ascii_lowercase())
            } else {
                c.to_pinyin().and_then(|p| p.first_letter().chars().next())
            }
        })
        .collect()
}

/// A student as entered (the national data items, with their yes/no flags).
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStudent {
    pub xueji_number: Option<String>,
    pub id_type: String,
    pub id_number: String,
    pub name: PersonName,
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
    pub status: Status,
    pub grade: Option<Grade>,
    pub placement: Placement,
    /// At most two (R: the national data items keep two family members).
    pub family: Vec<NewFamilyMember>,
}

/// The search form of a name: no blanks, middle dots unified, Latin letters lower-cased.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '•' | '・' | '．' | '.' => '·',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

/// The row of a new student (also what the benchmark inserts in bulk).
pub fn active_model(s: &NewStudent, now: chrono::DateTime<Utc>) -> student::ActiveModel {
    student::ActiveModel {
        xueji_number: Set(s.xueji_number.clone()),
        id_type: Set(s.id_type.clone()),
        id_number: Set(s.id_number.trim().to_owned()),
        name: Set(s.name.as_str().to_owned()),
        name_search: Set(normalise_name(s.name.as_str())),
        name_initials: Set(name_initials(s.name.as_str())),
        former_name: Set(s.former_name.clone()),
        sex: Set(s.sex.clone()),
        birth_date: Set(s.birth_date),
        ethnicity: Set(s.ethnicity.clone()),
        nationality: Set(s.nationality.clone()),
        hukou_kind: Set(s.hukou_kind.clone()),
        hukou_address: Set(s.hukou_address.clone()),
        current_address: Set(s.current_address.clone()),
        migrant_child: Set(s.migrant_child),
        left_behind: Set(s.left_behind),
        orphan: Set(s.orphan),
        disability_kind: Set(s.disability_kind.clone()),
        inclusive_placement: Set(s.inclusive_placement),
        status: Set(s.status),
        grade: Set(s.grade.map(|g| i32::from(g.number()))),
        grade_year: Set(s.placement.grade_year),
        class_name: Set(s.placement.class_name.clone()),
        entry_date: Set(s.placement.entry_date),
        stage_entry_date: Set(s.placement.stage_entry_date.or(s.placement.entry_date)),
        study_mode: Set(s.placement.study_mode),
        foreign_national: Set(s.placement.foreign_national),
        leave_until: Set(None),
        deferred_for: Set(None),
        hold_since: Set(None),
        hold_judgment_on: Set(None),
        last_change_on: Set(None),
        aux_number: Set(s.placement.aux_number.clone()),
        placed_elsewhere: Set(None),
        compulsory_credit: Set(0),
        archived: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

fn validate(s: &NewStudent) -> Result<()> {
    if s.id_number.trim().is_empty() {
        return Err(StoreError::Invalid("身份证件号不能为空".to_owned()));
    }
    if s.family.len() > 2 {
        return Err(StoreError::Invalid("家庭成员最多填写两人".to_owned()));
    }
    Ok(())
}

fn history(m: &student::Model, actor: &str, change: &str) -> Result<student_history::ActiveModel> {
    let snapshot = serde_json::to_string(m).map_err(|e| StoreError::Database(e.to_string()))?;
    Ok(student_history::ActiveModel {
        student_id: Set(m.id),
        version: Set(m.version),
        changed_at: Set(m.updated_at),
        changed_by: Set(actor.to_owned()),
        change: Set(change.to_owned()),
        snapshot: Set(snapshot),
        ..Default::default()
    })
}

fn family_rows(student_id: i64, family: &[NewFamilyMember]) -> Vec<family_member::ActiveModel> {
    family
        .iter()
        .zip(1..)
        .map(|(f, ordinal)| family_member::ActiveModel {
            student_id: Set(student_id),
            ordinal: Set(ordinal),
            name: Set(f.name.clone()),
            relation: Set(f.relation.clone()),
            phone: Set(f.phone.clone()),
            id_number: Set(f.id_number.clone()),
            employer: Set(f.employer.clone()),
            guardian: Set(f.guardian),
            ..Default::default()
        })
        .collect()
}

/// Refuses an ID number or 学籍号 already used by any student, naming the existing record (R7.2).
async fn check_unique<C: ConnectionTrait>(db: &C, s: &NewStudent) -> Result<()> {
    let by_id = student::Entity::find()
        .filter(student::Column::IdNumber.eq(s.id_number.trim()))
        .one(db)
        .await?;
    if let Some(existing) = by_id {
        return Err(StoreError::Duplicate {
            what: format!("该身份证件号（学生编号 {}）", existing.id),
        });
    }
    if let Some(x) = &s.xueji_number {
        let by_x = student::Entity::find()
            .filter(student::Column::XuejiNumber.eq(x.as_str()))
            .one(db)
            .await?;
        if let Some(existing) = by_x {
            return Err(StoreError::Duplicate {
                what: format!("该学籍号（学生编号 {}）", existing.id),
            });
        }
    }
    Ok(())
}

/// Creates one student with family, history and audit rows. Call inside a transaction.
pub async fn insert<C: ConnectionTrait>(db: &C, actor: &str, s: &NewStudent) -> Result<i64> {
    validate(s)?;
    check_unique(db, s).await?;
    let model = active_model(s, Utc::now()).insert(db).await?;
    let family = family_rows(model.id, &s.family);
    if !family.is_empty() {
        family_member::Entity::insert_many(family)
            .exec_without_returning(db)
            .await?;
    }
    history(&model, actor, "create")?.insert(db).await?;
    audit::append(
        db,
        &AuditRecord::new(
            actor,
            AuditAction::StudentCreate,
            &format!("student:{}", model.id),
        )?,
    )
    .await?;
    Ok(model.id)
}

/// Creates many students (import): multi-row inserts of 1000, history for each, one audit row per
/// chunk. Call inside a transaction; a duplicate anywhere rolls the whole batch back.
pub async fn insert_many<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    students: &[NewStudent],
) -> Result<u64> {
    let mut written = 0u64;
    for chunk in students.chunks(CHUNK) {
        for s in chunk {
            validate(s)?;
        }
        let now = Utc::now();
        student::Entity::insert_many(chunk.iter().map(|s| active_model(s, now)))
            .exec_without_returning(db)
            .await?;
        let ids: Vec<String> = chunk
            .iter()
            .map(|s| s.id_number.trim().to_owned())
            .collect();
        let rows = student::Entity::find()
            .filter(student::Column::IdNumber.is_in(ids))
            .all(db)
            .await?;
        let by_number: std::collections::HashMap<&str, &NewStudent> =
            chunk.iter().map(|s| (s.id_number.trim(), s)).collect();
        let mut hist = Vec::with_capacity(rows.len());
        let mut family = Vec::new();
        for m in &rows {
            hist.push(history(m, actor, "create")?);
            if let Some(s) = by_number.get(m.id_number.as_str()) {
                family.extend(family_rows(m.id, &s.family));
            }
        }
        student_history::Entity::insert_many(hist)
            .exec_without_returning(db)
            .await?;
        for part in family.chunks(CHUNK) {
            family_member::Entity::insert_many(part.to_vec())
                .exec_without_returning(db)
                .await?;
        }
        written += chunk.len() as u64;
        let target = format!("students:{}", chunk.len());
        audit::append(
            db,
            &AuditRecord::new(actor, AuditAction::StudentImport, &target)?,
        )
        .await?;
    }
    Ok(written)
}

/// Opens a student record (audited as a view).
pub async fn view<C: ConnectionTrait>(db: &C, actor: &str, id: i64) -> Result<student::Model> {
    let m = student::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::RecordNotFound {
            what: format!("学生编号 {id}"),
        })?;
    audit::append(
        db,
        &AuditRecord::new(actor, AuditAction::View, &format!("student:{id}"))?,
    )
    .await?;
    Ok(m)
}

/// One student row.
pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<student::Model>> {
    Ok(student::Entity::find_by_id(id).one(db).await?)
}

/// These students' rows, in no particular order (unknown ids are left out).
pub async fn by_ids<C: ConnectionTrait>(db: &C, ids: Vec<i64>) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Id.is_in(ids))
        .all(db)
        .await?)
}

/// These students' rows, by id.
pub async fn by_ids_in_id_order<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i64>,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Id.is_in(ids))
        .order_by_asc(student::Column::Id)
        .all(db)
        .await?)
}

/// Every student row (archived included), by id.
pub async fn all_in_id_order<C: ConnectionTrait>(db: &C) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .order_by_asc(student::Column::Id)
        .all(db)
        .await?)
}

/// Rows with this ID number or this 学籍号 (the same person, R7.2), archived included.
pub async fn with_numbers<C: ConnectionTrait>(
    db: &C,
    id_number: &str,
    xueji_number: Option<&str>,
) -> Result<Vec<student::Model>> {
    let mut any = Condition::any().add(student::Column::IdNumber.eq(id_number));
    if let Some(x) = xueji_number {
        any = any.add(student::Column::XuejiNumber.eq(x));
    }
    Ok(student::Entity::find().filter(any).all(db).await?)
}

/// The first row with this ID number or (when given) this 学籍号, archived included.
pub async fn first_with_numbers<C: ConnectionTrait>(
    db: &C,
    id_number: &str,
    xueji_number: Option<&str>,
) -> Result<Option<student::Model>> {
    let mut cond = Condition::any().add(student::Column::IdNumber.eq(id_number));
    if let Some(x) = xueji_number {
        cond = cond.add(student::Column::XuejiNumber.eq(x));
    }
    Ok(student::Entity::find().filter(cond).one(db).await?)
}

/// Rows with any of these ID numbers (archived included).
pub async fn with_id_numbers<C: ConnectionTrait>(
    db: &C,
    id_numbers: Vec<&str>,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::IdNumber.is_in(id_numbers))
        .all(db)
        .await?)
}

/// Rows with any of these ID numbers or any of these 学籍号 (archived included).
pub async fn with_any_numbers<C: ConnectionTrait>(
    db: &C,
    id_numbers: Vec<&str>,
    xueji_numbers: Vec<&str>,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(
            Condition::any()
                .add(student::Column::IdNumber.is_in(id_numbers))
                .add(student::Column::XuejiNumber.is_in(xueji_numbers)),
        )
        .all(db)
        .await?)
}

/// Rows holding any of these auxiliary (certificate) numbers.
pub async fn with_aux_numbers<C: ConnectionTrait>(
    db: &C,
    aux_numbers: Vec<String>,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::AuxNumber.is_in(aux_numbers))
        .all(db)
        .await?)
}

/// The students enrolled (在读) in a grade, not archived.
pub async fn enrolled_in_grade<C: ConnectionTrait>(
    db: &C,
    grade: i32,
) -> Result<Vec<student::Model>> {
    Ok(student::Entity::find()
        .filter(student::Column::Grade.eq(grade))
        .filter(student::Column::Status.eq(Status::Enrolled))
        .filter(student::Column::Archived.eq(false))
        .all(db)
        .await?)
}

/// A leave's end moved with its deadline (a calendar change): the row alone, no history or
/// audit row (the recount is audited as a whole).
pub async fn move_leave_end<C: ConnectionTrait>(
    db: &C,
    row: student::Model,
    until: NaiveDate,
) -> Result<()> {
    let mut am = row.into_active_model();
    am.leave_until = Set(Some(until));
    am.update(db).await?;
    Ok(())
}

/// Inserts a student row as given (a record received from another school; `id` is assigned),
/// with no history or audit row: the caller writes them. Returns it as stored.
pub async fn insert_received<C: ConnectionTrait>(
    db: &C,
    row: student::Model,
) -> Result<student::Model> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Adds a version to a student's history (`id` is assigned); returns it as stored.
pub async fn add_history<C: ConnectionTrait>(
    db: &C,
    row: student_history::Model,
) -> Result<student_history::Model> {
    let mut am = row.into_active_model();
    am.id = NotSet;
    Ok(am.insert(db).await?)
}

/// Looks a student up by ID number (audited as a search; the number itself is not logged).
pub async fn find_by_id_number<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    id_number: &str,
) -> Result<Option<student::Model>> {
    let m = student::Entity::find()
        .filter(student::Column::IdNumber.eq(id_number.trim()))
        .one(db)
        .await?;
    let target = m.as_ref().map_or_else(
        || "id_number -> none".to_owned(),
        |m| format!("id_number -> student:{}", m.id),
    );
    audit::append(db, &AuditRecord::new(actor, AuditAction::Search, &target)?).await?;
    Ok(m)
}

/// Students whose name starts with `prefix` (index range scan; audited as a search).
pub async fn search_name_prefix<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    prefix: &str,
    limit: u64,
) -> Result<Vec<student::Model>> {
    let lo = normalise_name(prefix);
    if lo.is_empty() {
        return Err(StoreError::Invalid("请输入要查找的姓名".to_owned()));
    }
    let hi = format!("{lo}\u{10FFFF}");
    let rows = student::Entity::find()
        .filter(student::Column::NameSearch.gte(lo))
        .filter(student::Column::NameSearch.lt(hi))
        .order_by_asc(student::Column::NameSearch)
        .limit(limit)
        .all(db)
        .await?;
    let target = format!("name_prefix -> {} results", rows.len());
    audit::append(db, &AuditRecord::new(actor, AuditAction::Search, &target)?).await?;
    Ok(rows)
}

/// Changes a student: the closure edits the row; version, history and audit follow.
pub async fn update<C, F>(
    db: &C,
    actor: &str,
    id: i64,
    change: &str,
    edit: F,
) -> Result<student::Model>
where
    C: ConnectionTrait,
    F: FnOnce(&mut student::Model),
{
    let current = student::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::RecordNotFound {
            what: format!("学生编号 {id}"),
        })?;
    let mut next = current.clone();
    edit(&mut next);
    next.id = current.id;
    next.name_search = normalise_name(&next.name);
    next.name_initials = name_initials(&next.name);
    next.version = current.version + 1;
    next.created_at = current.created_at;
    next.updated_at = Utc::now();
    let mut am = next.into_active_model().reset_all();
    am.id = sea_orm::ActiveValue::Unchanged(id);
    let saved = am.update(db).await?;
    history(&saved, actor, change)?.insert(db).await?;
    audit::append(
        db,
        &AuditRecord::new(
            actor,
            AuditAction::Change,
            &format!("student:{id} {change}"),
        )?,
    )
    .await?;
    Ok(saved)
}

/// Archives an ended record: read-only, kept for ever (R9.2). Never a delete.
pub async fn archive<C: ConnectionTrait>(db: &C, actor: &str, id: i64) -> Result<student::Model> {
    update(db, actor, id, "archive", |m| m.archived = true).await
}

/// All versions of a student, oldest first.
pub async fn history_of<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Vec<student_history::Model>> {
    Ok(student_history::Entity::find()
        .filter(student_history::Column::StudentId.eq(id))
        .order_by_asc(student_history::Column::Version)
        .all(db)
        .await?)
}

/// Number of students (archived included).
pub async fn count<C: ConnectionTrait>(db: &C) -> Result<u64> {
    Ok(student::Entity::find().count(db).await?)
}

/// Points a received record at its photo's copy here (a package import: the record and its files
/// arrive with new ids, the record first).
pub async fn set_photo<C: ConnectionTrait>(db: &C, id: i64, attachment_id: i64) -> Result<()> {
    student::Entity::update_many()
        .col_expr(
            student::Column::PhotoAttachmentId,
            sea_orm::sea_query::Expr::value(attachment_id),
        )
        .filter(student::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
