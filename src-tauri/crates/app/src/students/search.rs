//! Student search: by name prefix, pinyin initials (`zs` finds 张三), ID number, 学籍号, with
//! filters by grade, class, status and flags; one page and the total. Every search is audited (R30.1)
//! without its text: the audit row names what kind of search it was and how many rows came back.

use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Select,
};
use xueji_domain::AuditAction;
use xueji_store::entities::student;
use xueji_store::repo::students::{name_initials, normalise_name};

use crate::app::App;
use crate::audit;
use crate::auth::{Permission, Session};
use crate::error::{AppError, Result};
use crate::students::views::StudentRow;
use crate::views::{Page, grade_label};

/// The largest page the list asks for.
pub const MAX_PAGE_SIZE: u32 = 200;

/// What the list asks for.
#[derive(Clone, Debug, Default, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchInput {
    /// Name (prefix), pinyin initials, ID number or 学籍号; empty lists everyone.
    pub query: Option<String>,
    pub grade: Option<u8>,
    pub class_name: Option<String>,
    /// Status codes (`enrolled` …); empty means any.
    #[serde(default)]
    pub statuses: Vec<String>,
    /// Flags every row must have: `migrant_child`, `left_behind`, `orphan`, `disability`,
    /// `inclusive`, `foreign_national`; empty means any.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Include archived (ended, transferred-out) records.
    #[serde(default)]
    pub include_archived: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

/// The flags the list filters by, with their labels.
pub const FLAGS: [(&str, &str); 6] = [
    ("migrant_child", "随迁子女"),
    ("left_behind", "留守儿童"),
    ("orphan", "孤儿"),
    ("disability", "残疾"),
    ("inclusive", "随班就读"),
    ("foreign_national", "外籍"),
];

/// The condition for one flag of [`FLAGS`].
fn flag_condition(flag: &str) -> Result<Condition> {
    let c = match flag {
        "migrant_child" => Condition::all().add(student::Column::MigrantChild.eq(true)),
        "left_behind" => Condition::all().add(student::Column::LeftBehind.eq(true)),
        "orphan" => Condition::all().add(student::Column::Orphan.eq(true)),
        "disability" => Condition::all()
            .add(student::Column::DisabilityKind.is_not_null())
            .add(student::Column::DisabilityKind.ne("")),
        "inclusive" => Condition::all().add(student::Column::InclusivePlacement.eq(true)),
        "foreign_national" => Condition::all().add(student::Column::ForeignNational.eq(true)),
        other => {
            return Err(AppError::validation(
                "flags",
                format!("未知的筛选条件：{other}"),
            ));
        }
    };
    Ok(c)
}

/// One class of the school, for the list's class filter.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassOption {
    pub grade: i32,
    pub grade_label: String,
    pub class_name: String,
    /// Students of this class not archived.
    pub count: u32,
}

/// How a query text is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryKind {
    /// 17 digits and a check character, or a shorter digit run (prefix).
    IdNumber(String),
    /// G/L/J and digits.
    XuejiNumber(String),
    /// Latin letters only: pinyin initials or a Latin name.
    Initials(String),
    /// Anything else: the name's beginning.
    Name(String),
}

impl QueryKind {
    pub fn read(text: &str) -> Option<Self> {
        let t: String = text.split_whitespace().collect();
        if t.is_empty() {
            return None;
        }
        let upper = t.to_uppercase();
        let digits_x = |s: &str| {
            s.bytes().all(|b| b.is_ascii_digit() || b == b'X')
                && s.bytes().next().is_some_and(|b| b.is_ascii_digit())
        };
        if t.len() >= 4 && digits_x(&upper) {
            return Some(Self::IdNumber(upper));
        }
        if upper.len() >= 5
            && matches!(upper.as_bytes()[0], b'G' | b'L' | b'J')
            && digits_x(&upper[1..])
        {
            return Some(Self::XuejiNumber(upper));
        }
        if t.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(Self::Initials(t.to_ascii_lowercase()));
        }
        Some(Self::Name(normalise_name(&t)))
    }

    fn audit_label(&self) -> &'static str {
        match self {
            Self::IdNumber(_) => "id_number",
            Self::XuejiNumber(_) => "xueji_number",
            Self::Initials(_) => "initials",
            Self::Name(_) => "name",
        }
    }
}

/// The condition that a column starts with `prefix` (index range scan, portable).
fn starts_with(column: student::Column, prefix: &str) -> Condition {
    Condition::all()
        .add(column.gte(prefix.to_owned()))
        .add(column.lt(format!("{prefix}\u{10FFFF}")))
}

/// The list's filter (for the total) and the same filter in list order (for the page).
///
/// Each kind of query ranges over one column and lists in that column's order, so with the
/// default filter the page and the total come off one index (`archived`, column) without a sort
/// (see the store's migration m0002; `tests/search_plan.rs` checks the plans).
pub fn list_query(
    kind: Option<&QueryKind>,
    input: &SearchInput,
) -> Result<(Select<student::Entity>, Select<student::Entity>)> {
    let mut query = student::Entity::find();
    let order: &[student::Column] = match kind {
        Some(QueryKind::IdNumber(n)) if n.len() == 18 => {
            query = query.filter(student::Column::IdNumber.eq(n.as_str()));
            &[student::Column::IdNumber]
        }
        Some(QueryKind::IdNumber(n)) => {
            query = query.filter(starts_with(student::Column::IdNumber, n));
            &[student::Column::IdNumber]
        }
        Some(QueryKind::XuejiNumber(n)) => {
            query = query.filter(starts_with(student::Column::XuejiNumber, n));
            &[student::Column::XuejiNumber]
        }
        Some(QueryKind::Initials(s)) => {
            // Initials keep Latin letters whole, so a Latin name's beginning is found here too.
            query = query.filter(starts_with(student::Column::NameInitials, s));
            &[student::Column::NameInitials, student::Column::NameSearch]
        }
        Some(QueryKind::Name(s)) => {
            query = query.filter(starts_with(student::Column::NameSearch, s));
            &[student::Column::NameSearch]
        }
        None => &[student::Column::NameSearch],
    };
    if let Some(g) = input.grade {
        query = query.filter(student::Column::Grade.eq(i32::from(g)));
    }
    if let Some(c) = input
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        query = query.filter(student::Column::ClassName.eq(c));
    }
    if !input.statuses.is_empty() {
        query = query.filter(student::Column::Status.is_in(input.statuses.clone()));
    }
    for flag in &input.flags {
        query = query.filter(flag_condition(flag)?);
    }
    if !input.include_archived {
        query = query.filter(student::Column::Archived.eq(false));
    }
    let mut ordered = query.clone();
    for column in order {
        ordered = ordered.order_by_asc(*column);
    }
    Ok((query, ordered.order_by_asc(student::Column::Id)))
}

impl App {
    /// One page of students.
    pub async fn student_search(
        &self,
        session: &Session,
        input: &SearchInput,
    ) -> Result<Page<StudentRow>> {
        self.authorize(session, Permission::ViewStudents).await?;
        let page_size = input.page_size.clamp(1, MAX_PAGE_SIZE);
        let page = input.page.max(1);
        let kind = input.query.as_deref().and_then(QueryKind::read);
        let (query, order) = list_query(kind.as_ref(), input)?;
        let total = query.count(self.db()).await?;
        let rows = order
            .offset(u64::from(page - 1) * u64::from(page_size))
            .limit(u64::from(page_size))
            .all(self.db())
            .await?;
        let target = format!(
            "students by {} -> {} of {total}",
            kind.as_ref().map_or("filter", QueryKind::audit_label),
            rows.len()
        );
        audit::record(self.db(), &session.username, AuditAction::Search, &target).await?;
        Ok(Page {
            total,
            page,
            page_size,
            rows: rows.iter().map(StudentRow::from).collect(),
        })
    }
}

impl App {
    /// The classes students are placed in (not archived), by grade then class name.
    pub async fn student_classes(&self, session: &Session) -> Result<Vec<ClassOption>> {
        self.authorize(session, Permission::ViewStudents).await?;
        let rows: Vec<(Option<i32>, Option<String>, i64)> = student::Entity::find()
            .select_only()
            .column(student::Column::Grade)
            .column(student::Column::ClassName)
            .column_as(student::Column::Id.count(), "count")
            .filter(student::Column::Archived.eq(false))
            .filter(student::Column::ClassName.is_not_null())
            .filter(student::Column::Grade.is_not_null())
            .group_by(student::Column::Grade)
            .group_by(student::Column::ClassName)
            .into_tuple()
            .all(self.db())
            .await?;
        let mut out: Vec<ClassOption> = rows
            .into_iter()
            .filter_map(|(grade, class_name, count)| {
                let grade = grade?;
                let class_name = class_name.filter(|c| !c.trim().is_empty())?;
                Some(ClassOption {
                    grade,
                    grade_label: grade_label(Some(grade)),
                    class_name,
                    count: u32::try_from(count).unwrap_or(u32::MAX),
                })
            })
            .collect();
        // 2班 before 10班: by the number in the name, then the name.
        out.sort_by(|a, b| {
            (a.grade, class_number(&a.class_name), &a.class_name).cmp(&(
                b.grade,
                class_number(&b.class_name),
                &b.class_name,
            ))
        });
        Ok(out)
    }
}

/// The first run of digits in a class name (`3班` → 3), for ordering.
fn class_number(name: &str) -> u32 {
    name.chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .fold(0u32, |n, c| {
            n.saturating_mul(10)
                .saturating_add(c.to_digit(10).unwrap_or(0))
        })
}

/// The initials the store indexes, re-exported for the UI's highlighting and tests.
pub fn initials(name: &str) -> String {
    name_initials(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_texts_are_read_by_shape() {
        assert_eq!(
            QueryKind::read("330106201501011234"),
            Some(QueryKind::IdNumber("330106201501011234".into()))
        );
        assert_eq!(
            QueryKind::read("33010620150101123x"),
            Some(QueryKind::IdNumber("33010620150101123X".into()))
        );
        assert_eq!(
            QueryKind::read("G3301062015"),
            Some(QueryKind::XuejiNumber("G3301062015".into()))
        );
        assert_eq!(
            QueryKind::read("ZS"),
            Some(QueryKind::Initials("zs".into()))
        );
        assert_eq!(
            QueryKind::read(" 张 三 "),
            Some(QueryKind::Name("张三".into()))
        );
        assert_eq!(QueryKind::read("  "), None);
    }

    #[test]
    fn classes_order_by_their_number() {
        assert!(class_number("2班") < class_number("10班"));
        assert_eq!(class_number("（3）班"), 3);
        assert_eq!(class_number("实验班"), 0);
    }

    #[test]
    fn unknown_flags_are_a_validation_error() {
        assert!(flag_condition("orphan").is_ok());
        assert!(flag_condition("rich").is_err());
    }

    #[test]
    fn pinyin_initials_of_common_names() {
        assert_eq!(initials("张三"), "zs");
        assert_eq!(initials("欧阳娜娜"), "oynn");
        assert_eq!(initials("Anna·李"), "annal");
    }
}
