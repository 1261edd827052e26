//! The school's settings, kept as JSON rows of the `setting` table: the school profile beyond its
//! name and kind, the terms, the holiday notices added after release, the idle lock.

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde::{Serialize, de::DeserializeOwned};
use xueji_domain::calendar::{Notice, NoticeOrigin, parse_data_file};
use xueji_domain::school::Term;
use xueji_domain::security::AccountPolicy;
use xueji_domain::{Context, Grade, RuleProfile, School, SchoolKind, WorkCalendar};
use xueji_store::entities::school;
use xueji_store::repo;

use crate::error::{AppError, Result};

pub const SCHOOL_PROFILE: &str = "school.profile";
pub const TERMS: &str = "school.terms";
/// Notices in the data-file text format, as versions before the notice-text loader kept them
/// (read and converted by `load_school_notices`).
pub const CALENDAR_NOTICES: &str = "calendar.notices";
pub const IDLE_LOCK_MINUTES: &str = "security.idle_lock_minutes";
/// The longest idle time before the screen locks (R30.3: no "never").
pub const IDLE_LOCK_MAX_MINUTES: u32 = AccountPolicy::MAX_IDLE_LOCK_MINUTES;

/// The school profile as the settings page shows and edits it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SchoolProfile {
    pub name: String,
    /// 学校标识码
    pub code: Option<String>,
    /// `primary`, `junior`, `nine_year`, `special_education`.
    pub kind: String,
    /// 主管教育行政部门, e.g. 杭州市西湖区教育局.
    pub county_bureau: String,
    /// 乡镇人民政府（街道办事处）
    pub township: String,
    pub graduating_grades: Vec<u8>,
    /// R6.3
    pub may_admit_foreign: bool,
    /// R7.4
    pub offers_home_teaching: bool,
    /// `zhejiang-2017` or `national-2025`.
    pub rule_profile: String,
}

impl SchoolProfile {
    /// A profile with the defaults of its kind.
    pub fn new(name: &str, kind: SchoolKind) -> Self {
        let school = School::new(kind);
        Self {
            name: name.trim().to_owned(),
            code: None,
            kind: repo::school::kind_name(kind).to_owned(),
            county_bureau: String::new(),
            township: String::new(),
            graduating_grades: school
                .graduating_grades
                .iter()
                .map(|g| g.number())
                .collect(),
            may_admit_foreign: false,
            offers_home_teaching: school.offers_home_teaching,
            rule_profile: RuleProfile::ZHEJIANG_2017.to_owned(),
        }
    }

    pub fn school_kind(&self) -> Result<SchoolKind> {
        repo::school::parse_kind(&self.kind)
            .map_err(|e| AppError::validation("kind", e.to_string()))
    }

    /// Checks the fields and builds the domain's school.
    pub fn school(&self) -> Result<School> {
        if self.name.trim().is_empty() {
            return Err(AppError::validation("name", "学校名称不能为空"));
        }
        let kind = self.school_kind()?;
        let mut school = School::new(kind);
        let mut grades = Vec::new();
        for n in &self.graduating_grades {
            let g = Grade::new(*n).map_err(AppError::from)?;
            if !school.has_grade(g) {
                return Err(AppError::validation(
                    "graduatingGrades",
                    format!("{}没有{}", kind.label_zh(), g.label_zh()),
                ));
            }
            grades.push(g);
        }
        if !grades.contains(&kind.last_grade()) {
            grades.push(kind.last_grade());
        }
        grades.sort();
        school.graduating_grades = grades;
        school.may_admit_foreign = self.may_admit_foreign;
        school.offers_home_teaching =
            self.offers_home_teaching || kind == SchoolKind::SpecialEducation;
        if RuleProfile::by_id(&self.rule_profile).is_none() {
            return Err(AppError::validation("ruleProfile", "未知的规则版本"));
        }
        Ok(school)
    }
}

/// Everything a decision needs besides the record, loaded once and replaced when settings change.
#[derive(Clone, Debug)]
pub struct Config {
    pub school_profile: SchoolProfile,
    pub school: School,
    pub profile: RuleProfile,
    pub calendar: WorkCalendar,
    pub terms: Vec<Term>,
    pub idle_lock_minutes: u32,
    pub policy: AccountPolicy,
}

impl Config {
    /// The domain's context for a decision on `today`.
    pub fn ctx(&self, today: NaiveDate) -> Context<'_> {
        Context {
            profile: &self.profile,
            calendar: &self.calendar,
            school: &self.school,
            terms: &self.terms,
            today,
        }
    }
}

/// The account policy of the issue: 8+ characters mixing letters and digits, five failures lock
/// for 15 minutes (R30.3).
pub fn account_policy(idle_lock_minutes: u32) -> AccountPolicy {
    AccountPolicy {
        idle_lock_minutes,
        ..AccountPolicy::default()
    }
}

/// Reads one JSON setting.
pub async fn get<C: ConnectionTrait, T: DeserializeOwned>(db: &C, key: &str) -> Result<Option<T>> {
    match repo::settings::get(db, key).await? {
        Some(value) => Ok(Some(serde_json::from_str(&value)?)),
        None => Ok(None),
    }
}

/// Writes one JSON setting (insert or replace). Call inside the use case's transaction.
pub async fn put<C: ConnectionTrait, T: Serialize>(db: &C, key: &str, value: &T) -> Result<()> {
    repo::settings::put(db, key, serde_json::to_string(value)?).await?;
    Ok(())
}

/// Loads the configuration from the database.
pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Config> {
    let row: school::Model = repo::school::get(db)
        .await?
        .ok_or_else(|| AppError::internal("数据库中没有学校信息"))?;
    let kind = repo::school::parse_kind(&row.kind)?;
    let mut school_profile = get::<_, SchoolProfile>(db, SCHOOL_PROFILE)
        .await?
        .unwrap_or_else(|| SchoolProfile::new(&row.name, kind));
    school_profile.name = row.name.clone();
    school_profile.code = row.code.clone();
    let school = school_profile.school()?;
    let profile = RuleProfile::by_id(&school_profile.rule_profile).unwrap_or_default();
    let calendar = WorkCalendar::official().with_school_notices(load_school_notices(db).await?)?;
    let terms = get::<_, Vec<Term>>(db, TERMS).await?.unwrap_or_default();
    // 1–60 minutes (R30.3); a "never" (0) or a longer time stored by an earlier version is read
    // as the default and the longest allowed.
    let idle_lock_minutes = match get::<_, u32>(db, IDLE_LOCK_MINUTES).await? {
        Some(0) | None => AccountPolicy::default().idle_lock_minutes,
        Some(m) => m.min(IDLE_LOCK_MAX_MINUTES),
    };
    Ok(Config {
        school_profile,
        school,
        profile,
        calendar,
        terms,
        idle_lock_minutes,
        policy: account_policy(idle_lock_minutes),
    })
}

/// The school's notices (JSON list of `xueji_domain::calendar::Notice`).
pub const SCHOOL_NOTICES: &str = "calendar.school_notices";

/// The school's notices: those saved as notices, after any saved in the data-file text format
/// by earlier versions (`calendar.notices`).
pub async fn load_school_notices<C: ConnectionTrait>(db: &C) -> Result<Vec<Notice>> {
    let mut out = Vec::new();
    for text in get::<_, Vec<String>>(db, CALENDAR_NOTICES)
        .await?
        .unwrap_or_default()
    {
        out.extend(parse_data_file(&text, NoticeOrigin::School)?);
    }
    out.extend(
        get::<_, Vec<Notice>>(db, SCHOOL_NOTICES)
            .await?
            .unwrap_or_default(),
    );
    Ok(out)
}

/// Refuses a settings save that would change the profile in force: that is the approver's step.
pub(crate) fn keep_rule_profile(current: &SchoolProfile, wanted: &SchoolProfile) -> Result<()> {
    if current.rule_profile != wanted.rule_profile {
        return Err(AppError::forbidden(
            "适用的规则版本须由学校审批人（学籍主管领导）在“规则与安全”中更改，并说明理由",
        )
        .with_field("ruleProfile", "规则版本须由学校审批人更改"));
    }
    Ok(())
}
