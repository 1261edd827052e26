//! The 学籍号 (R7.1): 19 characters. `G` + resident ID number (the national number);
//! `L` + an ID number not yet confirmed by the identity check (temporary); `J` + area code (6) +
//! birth date (8) + sequence (3) + MOD 11-2 check character, for a student without a usable ID.

use chrono::NaiveDate;

use crate::error::{DomainError, Result};
use crate::id_card::{self, IdCardNumber};
use crate::rules::{self, RuleId};

const FIELD: &str = "xueji_number";
const RULE: RuleId = rules::R7_1;

/// Which form a number has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum XuejiKind {
    /// `G`: derived from a verified resident ID number.
    G,
    /// `L`: temporary, the ID number has not passed the identity check.
    L,
    /// `J`: the student has no usable ID number.
    J,
}

impl XuejiKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::G => "全国学籍号",
            Self::L => "临时学籍号",
            Self::J => "无身份证号学籍号",
        }
    }
}

/// A valid 学籍号.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct XuejiNumber(String);

impl XuejiNumber {
    /// `G` + the ID number: one person, one number, for life.
    pub fn from_id_card(id: &IdCardNumber) -> Self {
        Self(format!("G{}", id.as_str()))
    }

    /// `L` + an 18-character ID number whose shape (digits, area, birth date) is right. The check
    /// character is not enforced: an `L` number exists precisely because the number is unconfirmed.
    pub fn temporary(id_text: &str) -> Result<Self> {
        let s = id_card::normalise(id_text);
        check_id_shape(&s)?;
        Ok(Self(format!("L{s}")))
    }

    /// `J` + area + birth date + sequence + check character, for a student without a usable ID.
    pub fn without_id(area_code: &str, birth: NaiveDate, sequence: u16) -> Result<Self> {
        if area_code.len() != 6
            || !area_code.bytes().all(|b| b.is_ascii_digit())
            || !id_card::is_province_code(&area_code[0..2])
        {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("行政区划代码“{area_code}”无效"),
            ));
        }
        if sequence > 999 {
            return Err(DomainError::invalid(FIELD, RULE, "顺序码应在000至999之间"));
        }
        let first17 = format!("{area_code}{}{sequence:03}", birth.format("%Y%m%d"));
        let check = id_card::check_character(&first17)
            .ok_or_else(|| DomainError::invalid(FIELD, RULE, "出生日期无效"))?;
        Ok(Self(format!("J{first17}{check}")))
    }

    /// Parses any of the three forms.
    pub fn parse(input: &str) -> Result<Self> {
        let s = id_card::normalise(input).to_uppercase();
        let mut chars = s.chars();
        let prefix = chars.next();
        let body: String = chars.collect();
        if s.chars().count() != 19 {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("学籍号应为19位，实际为{}位", s.chars().count()),
            ));
        }
        match prefix {
            Some('G') => {
                let id = IdCardNumber::try_from(body)?;
                Ok(Self::from_id_card(&id))
            }
            Some('L') => Self::temporary(&body),
            Some('J') => {
                check_id_shape(&body)?;
                if id_card::check_character(&body[..17]) != body.chars().nth(17) {
                    return Err(DomainError::invalid(FIELD, RULE, "学籍号校验码错误"));
                }
                Ok(Self(s))
            }
            _ => Err(DomainError::invalid(FIELD, RULE, "学籍号应以G、L或J开头")),
        }
    }

    pub fn kind(&self) -> XuejiKind {
        match self.0.as_bytes().first() {
            Some(b'L') => XuejiKind::L,
            Some(b'J') => XuejiKind::J,
            _ => XuejiKind::G,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 18 characters after the prefix.
    pub fn body(&self) -> &str {
        &self.0[1..]
    }
}

/// 17 digits + digit or `X`, valid province and real birth date.
fn check_id_shape(s: &str) -> Result<()> {
    let bytes = s.as_bytes();
    let shape_ok = bytes.len() == 18
        && bytes[..17].iter().all(u8::is_ascii_digit)
        && (bytes[17].is_ascii_digit() || bytes[17] == b'X');
    if !shape_ok {
        return Err(DomainError::invalid(
            FIELD,
            RULE,
            "学籍号主体应为17位数字加1位数字或X",
        ));
    }
    if !id_card::is_province_code(&s[0..2]) || id_card::parse_birth_date(&s[6..14]).is_none() {
        return Err(DomainError::invalid(
            FIELD,
            RULE,
            "学籍号中的地址码或出生日期无效",
        ));
    }
    Ok(())
}

impl TryFrom<String> for XuejiNumber {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<XuejiNumber> for String {
    fn from(value: XuejiNumber) -> Self {
        value.0
    }
}

impl std::fmt::Display for XuejiNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::{SAMPLE, d};

    #[test]
    fn r7_1_g_number_is_g_plus_the_id_and_parses_back() {
        let id = IdCardNumber::parse(SAMPLE, d(2024, 1, 1)).expect("id");
        let g = XuejiNumber::from_id_card(&id);
        assert_eq!(g.as_str(), format!("G{SAMPLE}"));
        assert_eq!(g.kind(), XuejiKind::G);
        assert_eq!(
            XuejiNumber::parse(&format!("g{}", SAMPLE.to_lowercase())).expect("parse"),
            g
        );
        assert_eq!(g.body(), SAMPLE);
    }

    #[test]
    fn r7_1_l_and_j_forms() {
        let l = XuejiNumber::temporary("330106201503070011").expect("L ignores the check");
        assert_eq!(l.kind(), XuejiKind::L);
        assert_eq!(l.as_str().len(), 19);
        let j = XuejiNumber::without_id("330106", d(2015, 3, 7), 1).expect("J");
        assert_eq!(j.as_str(), "J330106201503070010");
        assert_eq!(XuejiNumber::parse(j.as_str()).expect("parse"), j);
        assert_eq!(j.kind(), XuejiKind::J);
    }

    #[test]
    fn r7_1_bad_numbers_are_refused() {
        for bad in [
            "X11010519491231002X",
            "G110105194912310021",
            "J330106201503070011",
            "G11010519491231002",
            "L990106201503070011",
            "L330106201502300011",
        ] {
            let err = XuejiNumber::parse(bad).expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R7_1), "{bad}");
        }
        assert!(XuejiNumber::without_id("990106", d(2015, 3, 7), 1).is_err());
        assert!(XuejiNumber::without_id("330106", d(2015, 3, 7), 1000).is_err());
    }
}
