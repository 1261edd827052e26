//! Person names: Chinese characters, the middle dot of minority and transliterated names (·),
//! or Latin letters for foreign students; 1–30 characters after trimming.

use crate::error::{DomainError, Result};
use crate::rules::{self, RuleId};

const FIELD: &str = "name";
/// Names are data that must be true and accurate.
const RULE: RuleId = rules::R5_1;
const MAX_CHARS: usize = 30;
/// The one middle dot stored; look-alikes typed by input methods are converted to it.
pub const MIDDLE_DOT: char = '·';
const DOT_LOOKALIKES: [char; 6] = ['•', '・', '‧', '･', '∙', '．'];

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
        || c == '〇'
}

/// A trimmed, checked person name.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<Self> {
        let s: String = input
            .trim()
            .chars()
            .map(|c| {
                if DOT_LOOKALIKES.contains(&c) {
                    MIDDLE_DOT
                } else {
                    c
                }
            })
            .collect();
        let n = s.chars().count();
        if n == 0 {
            return Err(DomainError::invalid(FIELD, RULE, "姓名不能为空"));
        }
        if n > MAX_CHARS {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("姓名不能超过{MAX_CHARS}个字符"),
            ));
        }
        if let Some(bad) = s.chars().find(|&c| {
            !(is_cjk(c) || c == MIDDLE_DOT || c.is_ascii_alphabetic() || c == ' ' || c == '-')
        }) {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("姓名中不能含有“{bad}”"),
            ));
        }
        let has_cjk = s.chars().any(is_cjk);
        if has_cjk && s.contains(' ') {
            return Err(DomainError::invalid(FIELD, RULE, "中文姓名中不能有空格"));
        }
        if s.starts_with(MIDDLE_DOT) || s.ends_with(MIDDLE_DOT) || s.contains("··") {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                "间隔号“·”只能出现在两段姓名之间",
            ));
        }
        if s.contains("  ") || s.starts_with('-') || s.ends_with('-') {
            return Err(DomainError::invalid(FIELD, RULE, "姓名格式不正确"));
        }
        if !s.chars().any(|c| is_cjk(c) || c.is_ascii_alphabetic()) {
            return Err(DomainError::invalid(FIELD, RULE, "姓名中应有文字"));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PersonName {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<PersonName> for String {
    fn from(value: PersonName) -> Self {
        value.0
    }
}

impl std::fmt::Display for PersonName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_accept_chinese_minority_and_latin_forms() {
        assert_eq!(
            PersonName::parse("  王小明 ").expect("ok").as_str(),
            "王小明"
        );
        assert_eq!(
            PersonName::parse("阿依古丽·买买提").expect("ok").as_str(),
            "阿依古丽·买买提"
        );
        assert_eq!(
            PersonName::parse("阿依古丽•买买提")
                .expect("dot normalised")
                .as_str(),
            "阿依古丽·买买提"
        );
        assert!(PersonName::parse("Anna-Maria Smith").is_ok());
        assert!(PersonName::parse("𠮷野").is_ok());
        assert_eq!(
            PersonName::parse(&"王".repeat(30))
                .expect("30 ok")
                .as_str()
                .chars()
                .count(),
            30
        );
    }

    #[test]
    fn names_refuse_bad_input() {
        for bad in [
            "",
            "   ",
            "·王",
            "王·",
            "王··明",
            "王 明",
            "王1",
            "王明!",
            "--",
        ] {
            let err = PersonName::parse(bad).expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R5_1), "{bad}");
        }
        assert!(PersonName::parse(&"王".repeat(31)).is_err());
    }
}
