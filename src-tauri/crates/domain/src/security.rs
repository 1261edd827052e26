//! Safeguards of Art. 30 as domain values: every view, search, export and print is attributed to
//! a user (R30.1: the actions are [`AuditAction`]; the store refuses a row without its user,
//! hashes and chains the rows); nothing leaves without the bureau's written approval (R30.2);
//! accounts have strong passwords and lock after repeated failures (R30.3).

use chrono::NaiveDate;

use crate::error::{DomainError, Result};
use crate::rules;

pub use crate::audit_action::AuditAction;

/// The bureau's written approval of an export (R30.2).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BureauApproval {
    /// 文号
    pub reference: String,
    pub approved_on: NaiveDate,
}

impl BureauApproval {
    pub fn new(reference: &str, approved_on: NaiveDate) -> Result<Self> {
        let reference = reference.trim();
        if reference.is_empty() {
            return Err(DomainError::rule(
                rules::R30_2,
                "须填写主管教育行政部门书面核准的文号",
            ));
        }
        Ok(Self {
            reference: reference.to_owned(),
            approved_on,
        })
    }
}

/// Who an export is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportPurpose {
    /// Reports to the bureau itself (e.g. the semester check list).
    ToBureau,
    /// Anyone else.
    External,
}

/// An export that may go ahead.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportRequest {
    pub purpose: ExportPurpose,
    pub records: u32,
    pub approval: Option<BureauApproval>,
}

impl ExportRequest {
    /// Refuses an export to anyone but the bureau, or of more than one record, without the
    /// bureau's written approval given on or before `on` (R30.2).
    pub fn new(
        purpose: ExportPurpose,
        records: u32,
        approval: Option<BureauApproval>,
        on: NaiveDate,
    ) -> Result<Self> {
        let needs_approval = purpose == ExportPurpose::External || records > 1;
        if needs_approval {
            match &approval {
                None => {
                    return Err(DomainError::rule(
                        rules::R30_2,
                        "未经主管教育行政部门书面核准，不得向外提供学籍信息",
                    ));
                }
                Some(a) if a.approved_on > on => {
                    return Err(DomainError::rule(rules::R30_2, "核准日期晚于导出日期"));
                }
                Some(_) => {}
            }
        }
        Ok(Self {
            purpose,
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
    fn r30_2_export_needs_the_bureaus_written_approval() {
        let on = d(2024, 9, 10);
        let err =
            ExportRequest::new(ExportPurpose::External, 1, None, on).expect_err("no approval");
        assert_eq!(err.rule_id(), Some(&rules::R30_2));
        assert!(ExportRequest::new(ExportPurpose::ToBureau, 300, None, on).is_err());
        assert!(ExportRequest::new(ExportPurpose::ToBureau, 1, None, on).is_ok());
        let approval = BureauApproval::new("西教籍〔2024〕5号", d(2024, 9, 9)).expect("approval");
        assert!(
            ExportRequest::new(ExportPurpose::External, 300, Some(approval.clone()), on).is_ok()
        );
        assert!(
            ExportRequest::new(ExportPurpose::External, 300, Some(approval), d(2024, 9, 8))
                .is_err()
        );
        assert!(BureauApproval::new("  ", on).is_err());
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
