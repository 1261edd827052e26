//! The 学籍辅号 (R26.1: the certificate number is the 辅号). The law fixes no format, so the rule
//! profile holds a pattern.

use crate::error::{DomainError, Result};
use crate::rules::{self, RuleId};

const FIELD: &str = "aux_number";
const RULE: RuleId = rules::R26_1;

/// The shape an aux number must have.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AuxPattern {
    /// Upper-case ASCII letters and digits, between `min_len` and `max_len` characters.
    Alphanumeric { min_len: usize, max_len: usize },
    /// A mask: `#` a digit, `@` an upper-case letter, `*` either; any other character itself.
    Mask { mask: String },
}

impl AuxPattern {
    pub fn matches(&self, s: &str) -> bool {
        match self {
            Self::Alphanumeric { min_len, max_len } => {
                let n = s.chars().count();
                n >= *min_len
                    && n <= *max_len
                    && s.chars()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            }
            Self::Mask { mask } => {
                s.chars().count() == mask.chars().count()
                    && s.chars().zip(mask.chars()).all(|(c, m)| match m {
                        '#' => c.is_ascii_digit(),
                        '@' => c.is_ascii_uppercase(),
                        '*' => c.is_ascii_digit() || c.is_ascii_uppercase(),
                        lit => c == lit,
                    })
            }
        }
    }

    /// A Chinese description for error messages.
    pub fn describe_zh(&self) -> String {
        match self {
            Self::Alphanumeric { min_len, max_len } => {
                format!("{min_len}至{max_len}位大写字母或数字")
            }
            Self::Mask { mask } => format!("格式“{mask}”（#为数字，@为字母，*为字母或数字）"),
        }
    }
}

/// A 学籍辅号 that matched the profile's pattern when it was entered.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct AuxNumber(String);

impl AuxNumber {
    pub fn parse(input: &str, pattern: &AuxPattern) -> Result<Self> {
        let s = input.trim().to_uppercase();
        if s.is_empty() {
            return Err(DomainError::invalid(FIELD, RULE, "学籍辅号不能为空"));
        }
        if !pattern.matches(&s) {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("学籍辅号“{s}”不符合{}", pattern.describe_zh()),
            ));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AuxNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aux_patterns() {
        let any = AuxPattern::Alphanumeric {
            min_len: 1,
            max_len: 30,
        };
        assert_eq!(
            AuxNumber::parse(" zj2024a01 ", &any).expect("ok").as_str(),
            "ZJ2024A01"
        );
        assert!(AuxNumber::parse("", &any).is_err());
        assert!(AuxNumber::parse("ZJ-01", &any).is_err());
        let mask = AuxPattern::Mask {
            mask: "33####-@*".into(),
        };
        assert!(AuxNumber::parse("331234-A9", &mask).is_ok());
        let err = AuxNumber::parse("341234-A9", &mask).expect_err("literal mismatch");
        assert_eq!(err.rule_id(), Some(&rules::R26_1));
        assert!(AuxNumber::parse("331234-99", &mask).is_err());
    }
}
