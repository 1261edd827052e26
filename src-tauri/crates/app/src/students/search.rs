//! Student search: by name prefix, pinyin initials (`zs` finds 张三), ID number, 学籍号, with
//! filters by grade, class, status and flags; one page and the total. Every search is audited (R30.1)
//! without its text: the audit row names what kind of search it was and how many rows came back.

use sea_orm::Select;
use xueji_domain::AuditAction;
use xueji_store::entities::student;
use xueji_store::repo::student_lists::{self, Flag, Lookup, SearchFilter};
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

/// The store's flag for one flag name of [`FLAGS`].
fn flag_of(flag: &str) -> Result<Flag> {
    Ok(match flag {
        "migrant_child" => Flag::MigrantChild,
        "left_behind" => Flag::LeftBehind,
        "orphan" => Flag::Orphan,
        "disability" => Flag::Disability,
        "inclusive" => Flag::Inclusive,
        "foreign_national" => Flag::ForeignNational,
        other => {
            return Err(AppError::validation(
                "flags",
                format!("未知的筛选条件：{other}"),
            ));
        }
    })
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

/// The store's search filter for a query text read as `kind` and the list's other filters.
fn search_filter<'a>(
    kind: Option<&'a QueryKind>,
    input: &'a SearchInput,
) -> Result<SearchFilter<'a>> {
    Ok(SearchFilter {
        lookup: kind.map(|k| match k {
            QueryKind::IdNumber(n) => Lookup::IdNumber(n),
            QueryKind::XuejiNumber(n) => Lookup::XuejiNumber(n),
            QueryKind::Initials(s) => Lookup::Initials(s),
            QueryKind::Name(s) => Lookup::Name(s),
        }),
        grade: input.grade.map(i32::from),
        class_name: input
            .class_name
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty()),
        statuses: &input.statuses,
        flags: input
            .flags
            .iter()
            .map(|f| flag_of(f))
            .collect::<Result<_>>()?,
        include_archived: input.include_archived,
    })
}

/// The list's filter (for the total) and the same filter in list order (for the page), as the
/// store builds them: each kind of query comes off one index in order (`tests/search_plan.rs`
/// checks the plans).
pub fn list_query(
    kind: Option<&QueryKind>,
    input: &SearchInput,
) -> Result<(Select<student::Entity>, Select<student::Entity>)> {
    Ok(student_lists::search_query(&search_filter(kind, input)?))
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
        let filter = search_filter(kind.as_ref(), input)?;
        let (total, rows) = student_lists::search_page(self.db(), &filter, page, page_size).await?;
        let target = format!(
            "students by {} -> {} of {total} {}",
            kind.as_ref().map_or("filter", QueryKind::audit_label),
            rows.len(),
            audit::seen(rows.iter().map(|r| r.id))
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
        let rows = student_lists::classes(self.db()).await?;
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
        assert!(flag_of("orphan").is_ok());
        assert!(flag_of("rich").is_err());
    }

    #[test]
    fn pinyin_initials_of_common_names() {
        assert_eq!(initials("张三"), "zs");
        assert_eq!(initials("欧阳娜娜"), "oynn");
        assert_eq!(initials("Anna·李"), "annal");
    }
}
