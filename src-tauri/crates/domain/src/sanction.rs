//! Discipline (R22–R23): exactly three levels, a period of six months that may be shortened,
//! lifting after the period, and the purge at graduation (see `completion`).

use chrono::{Months, NaiveDate};

use crate::error::{DomainError, Result};
use crate::profile::RuleProfile;
use crate::rules;

/// The only sanctions the law allows (R22.1). There is no expulsion.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(
    feature = "sea-orm",
    derive(sea_orm::DeriveValueType),
    sea_orm(
        value_type = "String",
        from_str = "crate::stored::parse",
        to_str = "crate::stored::text"
    )
)]
#[serde(rename_all = "snake_case")]
pub enum SanctionLevel {
    /// 警告
    Warning,
    /// 严重警告
    SeriousWarning,
    /// 记过
    Demerit,
}

impl SanctionLevel {
    pub const ALL: [SanctionLevel; 3] = [Self::Warning, Self::SeriousWarning, Self::Demerit];

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Warning => "警告",
            Self::SeriousWarning => "严重警告",
            Self::Demerit => "记过",
        }
    }

    /// Reads a Chinese level (e.g. from an import). Expulsion, forced withdrawal and any other
    /// level are refused (R22.1).
    pub fn parse_zh(input: &str) -> Result<Self> {
        let s = input.trim();
        if let Some(level) = Self::ALL.into_iter().find(|l| l.label_zh() == s) {
            return Ok(level);
        }
        let message = if s.contains("开除") || s.contains("勒令退学") {
            format!("不得开除学生或勒令其退学，“{s}”不是义务教育阶段的处分")
        } else {
            format!("处分只有警告、严重警告、记过三种，“{s}”不是其中之一")
        };
        Err(DomainError::rule(rules::R22_1, message))
    }
}

/// A sanction on the record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SanctionRecord {
    pub level: SanctionLevel,
    /// Date of the 校务会议 decision, signed and published by the principal (R22.2).
    pub decided_on: NaiveDate,
    /// End of the period (R23.1).
    pub period_ends: NaiveDate,
    /// Why the period is shorter than the profile's, if it is.
    pub shortened_reason: Option<String>,
    /// Date it was lifted (R23.2).
    pub lifted_on: Option<NaiveDate>,
}

impl SanctionRecord {
    /// A new sanction with the profile's period, or a shorter one with a reason (R23.1). A period
    /// longer than the profile's, or ending before the decision, is refused.
    pub fn new(
        level: SanctionLevel,
        decided_on: NaiveDate,
        profile: &RuleProfile,
        shortened_to: Option<NaiveDate>,
        shortened_reason: Option<&str>,
    ) -> Result<Self> {
        let normal_end = decided_on
            .checked_add_months(Months::new(profile.sanction_months))
            .ok_or_else(|| DomainError::rule(rules::R23_1, "处分期限超出日期范围"))?;
        let (period_ends, reason) = match shortened_to {
            None => (normal_end, None),
            Some(end) if end > normal_end => {
                return Err(DomainError::rule(
                    rules::R23_1,
                    format!(
                        "处分期限一般为{}个月，不得延长至{end}",
                        profile.sanction_months
                    ),
                ));
            }
            Some(end) if end <= decided_on => {
                return Err(DomainError::rule(
                    rules::R23_1,
                    "处分期满日期应晚于处分决定日期",
                ));
            }
            Some(end) if end == normal_end => (normal_end, None),
            Some(end) => {
                let reason = shortened_reason
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .ok_or_else(|| {
                        DomainError::rule(rules::R23_1, "缩短处分期限须说明理由（如毕业年级）")
                    })?;
                (end, Some(reason.to_owned()))
            }
        };
        Ok(Self {
            level,
            decided_on,
            period_ends,
            shortened_reason: reason,
            lifted_on: None,
        })
    }

    pub fn is_active(&self) -> bool {
        self.lifted_on.is_none()
    }

    /// Whether the school may lift it on `on` (R23.2): the period is over, the student has
    /// reformed and has not offended again.
    pub fn check_lift(&self, on: NaiveDate, reformed: bool, reoffended: bool) -> Result<()> {
        if self.lifted_on.is_some() {
            return Err(DomainError::rule(rules::R23_2, "该处分已解除"));
        }
        if on < self.period_ends {
            return Err(DomainError::rule(
                rules::R23_2,
                format!("处分期满（{}）后方可解除", self.period_ends),
            ));
        }
        if reoffended {
            return Err(DomainError::rule(
                rules::R23_2,
                "处分期间再次发生违纪行为，不予解除",
            ));
        }
        if !reformed {
            return Err(DomainError::rule(
                rules::R23_2,
                "须确有悔改表现方可解除处分",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;

    #[test]
    fn r22_1_only_three_levels_and_no_expulsion() {
        for level in SanctionLevel::ALL {
            assert_eq!(SanctionLevel::parse_zh(level.label_zh()), Ok(level));
        }
        for bad in ["开除学籍", "勒令退学", "留校察看", "开除"] {
            let err = SanctionLevel::parse_zh(bad).expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R22_1));
        }
    }

    #[test]
    fn r23_1_period_is_six_months_and_may_only_be_shortened_with_a_reason() {
        let p = RuleProfile::default();
        let s = SanctionRecord::new(SanctionLevel::Warning, d(2024, 3, 15), &p, None, None)
            .expect("normal");
        assert_eq!(s.period_ends, d(2024, 9, 15));
        let short = SanctionRecord::new(
            SanctionLevel::Demerit,
            d(2024, 3, 15),
            &p,
            Some(d(2024, 6, 20)),
            Some("毕业年级"),
        )
        .expect("shortened");
        assert_eq!(short.period_ends, d(2024, 6, 20));
        assert_eq!(short.shortened_reason.as_deref(), Some("毕业年级"));
        for (end, reason) in [
            (d(2024, 10, 1), Some("理由")),
            (d(2024, 6, 20), None),
            (d(2024, 6, 20), Some("  ")),
            (d(2024, 3, 15), Some("理由")),
        ] {
            let err = SanctionRecord::new(
                SanctionLevel::Warning,
                d(2024, 3, 15),
                &p,
                Some(end),
                reason,
            )
            .expect_err("refused");
            assert_eq!(err.rule_id(), Some(&rules::R23_1));
        }
    }

    #[test]
    fn r23_2_lift_only_after_the_period_reformed_and_without_new_offence() {
        let p = RuleProfile::default();
        let s = SanctionRecord::new(SanctionLevel::Warning, d(2024, 3, 15), &p, None, None)
            .expect("normal");
        assert!(s.check_lift(d(2024, 9, 15), true, false).is_ok());
        for (on, reformed, reoffended) in [
            (d(2024, 9, 14), true, false),
            (d(2024, 9, 16), false, false),
            (d(2024, 9, 16), true, true),
        ] {
            let err = s.check_lift(on, reformed, reoffended).expect_err("refused");
            assert_eq!(err.rule_id(), Some(&rules::R23_2));
        }
        let lifted = SanctionRecord {
            lifted_on: Some(d(2024, 9, 20)),
            ..s
        };
        assert!(!lifted.is_active());
        assert!(lifted.check_lift(d(2024, 10, 1), true, false).is_err());
    }
}
