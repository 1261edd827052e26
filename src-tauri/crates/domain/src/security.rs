//! Safeguards of Art. 30 as domain values: every view, search, export and print is attributed to
//! a user (R30.1: the actions are [`AuditAction`]; the store refuses a row without its user,
//! hashes and chains the rows); nothing leaves without the bureau's written approval (R30.2);
//! accounts have strong passwords and lock after repeated failures (R30.3).

use chrono::{Datelike, NaiveDate};

use crate::error::{DomainError, Result};
use crate::rules;

pub use crate::audit_action::AuditAction;

/// The bureau's written approval of a disclosure (R30.2): its document number (文号) in the
/// official form, and the date the document bears.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BureauApproval {
    /// 文号, normalised to `机关代字〔年份〕序号号` (`西教籍〔2024〕5号`).
    pub reference: String,
    /// The date the document bears (落款日期).
    pub approved_on: NaiveDate,
}

/// The brackets registrars type around a 文号's year; the official form is 〔〕.
const YEAR_BRACKETS: [(char, char); 7] = [
    ('〔', '〕'),
    ('[', ']'),
    ('［', '］'),
    ('(', ')'),
    ('（', '）'),
    ('【', '】'),
    ('〖', '〗'),
];

/// `机关代字〔年份〕序号号`, with any of [`YEAR_BRACKETS`] and blanks tolerated: the normalised
/// text and its year, or `None` when the text is not a document number.
fn document_number(text: &str) -> Option<(String, i32)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (open_at, open) = t
        .char_indices()
        .find(|(_, c)| YEAR_BRACKETS.iter().any(|(o, _)| o == c))?;
    let close = YEAR_BRACKETS.iter().find(|(o, _)| *o == open)?.1;
    let prefix = &t[..open_at];
    let rest = &t[open_at + open.len_utf8()..];
    let (year, after) = rest.split_once(close)?;
    let number = after.strip_suffix('号')?;
    let prefix_ok = (1..=20).contains(&prefix.chars().count())
        && prefix.chars().all(char::is_alphabetic)
        && !prefix.is_ascii();
    let year_ok = year.len() == 4 && year.chars().all(|c| c.is_ascii_digit());
    let number_ok = (1..=5).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
        && !number.trim_start_matches('0').is_empty();
    if !(prefix_ok && year_ok && number_ok) {
        return None;
    }
    Some((format!("{prefix}〔{year}〕{number}号"), year.parse().ok()?))
}

impl BureauApproval {
    /// A checked approval: the 文号 in the official form (`西教籍〔2024〕5号`; 〔〕 may be typed as
    /// [] or （）) whose year is the year of the document's date.
    pub fn new(reference: &str, approved_on: NaiveDate) -> Result<Self> {
        if reference.trim().is_empty() {
            return Err(DomainError::rule(
                rules::R30_2,
                "须填写主管教育行政部门书面核准的文号",
            ));
        }
        let Some((reference, year)) = document_number(reference) else {
            return Err(DomainError::rule(
                rules::R30_2,
                "批准文号格式不正确：应为“机关代字〔年份〕序号号”，如 西教籍〔2024〕5号",
            ));
        };
        if year != approved_on.year() {
            return Err(DomainError::rule(
                rules::R30_2,
                format!(
                    "批准文号的年份（{year}）与核准日期（{approved_on}）不一致：请按文件的落款日期填写"
                ),
            ));
        }
        Ok(Self {
            reference,
            approved_on,
        })
    }
}

/// What leaves the school, as Art. 30 sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disclosure {
    /// Counts without personal data (statistics): nothing about a person leaves.
    NoPersonalData,
    /// Personal data sent to the bureau itself (the national 查重 list): not 对外提供.
    ToBureau,
    /// Personal data provided to anyone else (a roster, the change list, a whole-school print or
    /// archive package): 对外提供, only with the bureau's written approval (R30.2).
    External,
}

impl Disclosure {
    /// Whether the bureau's written approval is needed.
    pub fn needs_approval(self) -> bool {
        self == Self::External
    }
}

/// A disclosure that may go ahead.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportRequest {
    pub disclosure: Disclosure,
    pub records: u32,
    pub approval: Option<BureauApproval>,
}

impl ExportRequest {
    /// Refuses personal data provided outside the school without the bureau's written approval
    /// dated on or before `on`, the day of the disclosure (R30.2: 未经主管教育行政部门书面核准，
    /// 任何单位与个人一律不得向外提供学籍信息). Statistics and what goes to the bureau itself need
    /// none (an approval given anyway is kept).
    pub fn new(
        disclosure: Disclosure,
        records: u32,
        approval: Option<BureauApproval>,
        on: NaiveDate,
    ) -> Result<Self> {
        if disclosure.needs_approval() {
            match &approval {
                None => {
                    return Err(DomainError::rule(
                        rules::R30_2,
                        "未经主管教育行政部门书面核准，不得向外提供学籍信息：请填写批准文号和核准日期",
                    ));
                }
                Some(a) if a.approved_on > on => {
                    return Err(DomainError::rule(
                        rules::R30_2,
                        format!(
                            "核准日期（{}）晚于今天（{on}）：须先核准，后提供",
                            a.approved_on
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(Self {
            disclosure,
            records,
            approval,
        })
    }
}

/// Password and lockout policy (R30.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountPolicy {
    /// At least this many characters, mixing letters and digits.
    pub min_password_chars: usize,
    pub max_failed_logins: u32,
    pub lock_minutes: u32,
    pub idle_lock_minutes: u32,
}

impl Default for AccountPolicy {
    fn default() -> Self {
        Self {
            min_password_chars: 8,
            max_failed_logins: 5,
            lock_minutes: 15,
            idle_lock_minutes: 10,
        }
    }
}

impl AccountPolicy {
    /// Refuses a weak password.
    pub fn check_password(&self, password: &str, user: &str) -> Result<()> {
        if password.chars().count() < self.min_password_chars {
            return Err(DomainError::rule(
                rules::R30_3,
                format!("密码至少{}位", self.min_password_chars),
            ));
        }
        let letters = password.chars().any(char::is_alphabetic);
        let digits = password.chars().any(|c| c.is_ascii_digit());
        if !(letters && digits) {
            return Err(DomainError::rule(rules::R30_3, "密码须同时包含字母和数字"));
        }
        if !user.trim().is_empty()
            && password
                .to_lowercase()
                .contains(&user.trim().to_lowercase())
        {
            return Err(DomainError::rule(rules::R30_3, "密码不能包含用户名"));
        }
        Ok(())
    }

    /// The longest idle time before the screen locks.
    pub const MAX_IDLE_LOCK_MINUTES: u32 = 60;

    /// Refuses an idle lock outside 1–60 minutes: it cannot be turned off (R30.3: accounts, and
    /// the records behind an unattended screen, are protected).
    pub fn check_idle_lock(minutes: u32) -> Result<()> {
        if (1..=Self::MAX_IDLE_LOCK_MINUTES).contains(&minutes) {
            Ok(())
        } else {
            Err(DomainError::rule(
                rules::R30_3,
                format!(
                    "闲置锁定时间须在1至{}分钟之间，不能关闭",
                    Self::MAX_IDLE_LOCK_MINUTES
                ),
            ))
        }
    }

    /// Whether an account with this many consecutive failures is locked.
    pub fn is_locked(&self, consecutive_failures: u32) -> bool {
        consecutive_failures >= self.max_failed_logins
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;

    #[test]
    fn r30_2_no_personal_data_goes_outside_without_the_bureaus_written_approval() {
        // 未经主管教育行政部门书面核准，任何单位与个人一律不得向外提供学籍信息: one record or many.
        let on = d(2026, 12, 4);
        for records in [1, 300] {
            let err = ExportRequest::new(Disclosure::External, records, None, on)
                .expect_err("no approval");
            assert_eq!(err.rule_id(), Some(&rules::R30_2));
        }
        let approval = BureauApproval::new("西教籍〔2026〕5号", d(2026, 12, 1)).expect("approval");
        let ok = ExportRequest::new(Disclosure::External, 300, Some(approval.clone()), on)
            .expect("approved");
        assert_eq!(ok.approval, Some(approval.clone()));
        // Approved after the day of the disclosure: not yet approved.
        let err = ExportRequest::new(Disclosure::External, 300, Some(approval), d(2026, 11, 30))
            .expect_err("approved later");
        assert_eq!(err.rule_id(), Some(&rules::R30_2));
        assert!(err.to_string().contains("晚于"));
    }

    #[test]
    fn r30_2_statistics_and_what_goes_to_the_bureau_itself_are_not_provided_outside() {
        let on = d(2027, 1, 4);
        assert!(ExportRequest::new(Disclosure::NoPersonalData, 5000, None, on).is_ok());
        assert!(ExportRequest::new(Disclosure::ToBureau, 300, None, on).is_ok());
        assert!(!Disclosure::ToBureau.needs_approval());
        assert!(Disclosure::External.needs_approval());
    }

    #[test]
    fn r30_2_the_approval_is_a_document_number_of_the_year_it_bears() {
        let on = d(2026, 12, 2);
        let a = BureauApproval::new(" 杭教办（2026）12号 ", on).expect("brackets typed");
        assert_eq!(a.reference, "杭教办〔2026〕12号");
        let a = BureauApproval::new("西教籍[2026]5号", on).expect("square brackets");
        assert_eq!(a.reference, "西教籍〔2026〕5号");
        for bad in [
            "同意",
            "已批准",
            "2026-5",
            "西教籍〔26〕5号",
            "西教籍〔2026〕号",
            "〔2026〕5号",
            "西教籍〔2026〕5",
            "西教籍〔2026〕0号",
        ] {
            let err = BureauApproval::new(bad, on).expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R30_2), "{bad}");
            assert!(err.to_string().contains("格式不正确"), "{bad}");
        }
        let err = BureauApproval::new("西教籍〔2025〕5号", on).expect_err("year differs");
        assert!(err.to_string().contains("不一致"));
        assert!(BureauApproval::new("  ", on).is_err());
    }

    #[test]
    fn r30_3_the_idle_lock_is_one_to_sixty_minutes_and_never_off() {
        for minutes in [0, 61, 240] {
            let err = AccountPolicy::check_idle_lock(minutes).expect_err("out of range");
            assert_eq!(err.rule_id(), Some(&rules::R30_3));
        }
        assert!(AccountPolicy::check_idle_lock(1).is_ok());
        assert!(AccountPolicy::check_idle_lock(60).is_ok());
    }

    #[test]
    fn r30_3_strong_passwords_and_lockout() {
        let p = AccountPolicy::default();
        assert!(p.check_password("Xueji-2024!", "registrar").is_ok());
        assert!(p.check_password("xueji2024", "registrar").is_ok());
        for bad in [
            "short1A",
            "alllowercaseletters",
            "20242024202420",
            "registrar2024A",
        ] {
            let err = p.check_password(bad, "registrar").expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R30_3));
        }
        assert!(!p.is_locked(4));
        assert!(p.is_locked(5));
    }
}
