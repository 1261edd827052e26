//! The 18-character resident ID number of GB 11643-1999 (R7.1): province code, real birth date
//! not in the future, sequence, and the ISO 7064 MOD 11-2 check character.

use chrono::{Datelike, NaiveDate};

use crate::error::{DomainError, Result};
use crate::rules::{self, RuleId};

const FIELD: &str = "id_card_number";
const RULE: RuleId = rules::R7_1;

/// Weights of the first 17 digits (2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for a weighted sum mod 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Province-level codes (GB/T 2260), plus 71 Taiwan, 81 Hong Kong, 82 Macao and 83 (residence
/// permits of Taiwan residents).
const PROVINCES: [&str; 35] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82", "83",
];

/// Sex as encoded by the 17th character (odd = male).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Male => "男",
            Self::Female => "女",
        }
    }
}

/// The MOD 11-2 check character of 17 leading digits, or `None` if `first17` is not 17 ASCII digits.
pub fn check_character(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK.get((sum % 11) as usize).copied()
}

/// Whether a two-digit code is a known province-level code.
pub fn is_province_code(code: &str) -> bool {
    PROVINCES.contains(&code)
}

/// Full-width digits and `Ｘ`/`x` become their ASCII upper-case forms; surrounding blanks go.
pub(crate) fn normalise(input: &str) -> String {
    input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            'x' | 'Ｘ' | 'ｘ' => 'X',
            other => other,
        })
        .collect()
}

/// Parses `YYYYMMDD` into a real date from 1900 on.
pub(crate) fn parse_birth_date(digits: &str) -> Option<NaiveDate> {
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.get(0..4)?.parse().ok()?;
    let month: u32 = digits.get(4..6)?.parse().ok()?;
    let day: u32 = digits.get(6..8)?.parse().ok()?;
    if year < 1900 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Full years of age on `on` for someone born on `birth` (a 29 February birthday is reached on
/// 1 March in common years).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    if on < birth {
        return 0;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// A valid resident ID number. Parse, don't validate: holding one means it is valid.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct IdCardNumber(String);

impl IdCardNumber {
    /// Parses user input: blanks trimmed, full-width digits and lower-case `x` normalised; the
    /// birth date must not be after `today`.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self> {
        let id = Self::parse_structure(input)?;
        if id.birth_date() > today {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                "身份证号中的出生日期晚于今天",
            ));
        }
        Ok(id)
    }

    /// Checks everything except "not in the future" (used when reading stored values).
    fn parse_structure(input: &str) -> Result<Self> {
        let s = normalise(input);
        let chars: Vec<char> = s.chars().collect();
        if chars.len() != 18 {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("身份证号应为18位，实际为{}位", chars.len()),
            ));
        }
        if !chars[..17].iter().all(char::is_ascii_digit) {
            return Err(DomainError::invalid(FIELD, RULE, "身份证号前17位应为数字"));
        }
        let last = chars[17];
        if !(last.is_ascii_digit() || last == 'X') {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                "身份证号第18位应为数字或X",
            ));
        }
        if !is_province_code(&s[0..2]) {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("身份证号地址码“{}”不是有效的省级代码", &s[0..6]),
            ));
        }
        if parse_birth_date(&s[6..14]).is_none() {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("身份证号中的出生日期“{}”不存在", &s[6..14]),
            ));
        }
        let expected = check_character(&s[..17]);
        if expected != Some(last) {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                "身份证号校验码错误，请核对是否输错",
            ));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The six-digit administrative area code.
    pub fn area_code(&self) -> &str {
        &self.0[0..6]
    }

    pub fn birth_date(&self) -> NaiveDate {
        // Checked at construction; the fallback is unreachable for a constructed value.
        parse_birth_date(&self.0[6..14]).unwrap_or(NaiveDate::MIN)
    }

    pub fn sex(&self) -> Sex {
        let digit = self.0.as_bytes()[16] - b'0';
        if digit % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Age in full years on a date.
    pub fn age_on(&self, on: NaiveDate) -> u32 {
        age_on(self.birth_date(), on)
    }
}

impl TryFrom<String> for IdCardNumber {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self> {
        Self::parse_structure(&value)
    }
}

impl From<IdCardNumber> for String {
    fn from(value: IdCardNumber) -> Self {
        value.0
    }
}

impl std::fmt::Display for IdCardNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("test date")
    }

    /// The standard's own example number.
    pub(crate) const SAMPLE: &str = "11010519491231002X";

    #[test]
    fn r7_1_valid_id_parses_and_yields_birth_date_and_sex() {
        let id = IdCardNumber::parse(SAMPLE, d(2024, 1, 1)).expect("valid");
        assert_eq!(id.birth_date(), d(1949, 12, 31));
        assert_eq!(id.sex(), Sex::Female);
        assert_eq!(id.area_code(), "110105");
        let zj = IdCardNumber::parse("330106201503070010", d(2024, 1, 1)).expect("valid");
        assert_eq!(zj.sex(), Sex::Male);
        assert_eq!(zj.age_on(d(2024, 3, 6)), 8);
        assert_eq!(zj.age_on(d(2024, 3, 7)), 9);
    }

    #[test]
    fn r7_1_lower_case_x_and_full_width_digits_are_normalised() {
        let id = IdCardNumber::parse(" 11010519491231002x ", d(2024, 1, 1)).expect("valid");
        assert_eq!(id.as_str(), SAMPLE);
        let fw = IdCardNumber::parse("１１０１０５１９４９１２３１００２Ｘ", d(2024, 1, 1))
            .expect("valid");
        assert_eq!(fw.as_str(), SAMPLE);
    }

    #[test]
    fn r7_1_bad_ids_are_refused_with_the_rule_id() {
        let today = d(2024, 1, 1);
        for bad in [
            "11010519491231002",  // 17 characters
            "110105194912310021", // wrong check character
            "99010519491231002X", // unknown province
            "110105194902300020", // 30 February
            "11010519491231002Y", // bad last character
            "1101051949123100.X", // not a digit
            "",
        ] {
            let err = IdCardNumber::parse(bad, today).expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R7_1), "{bad}");
        }
        // a birth date after today
        let future = format!(
            "33010620300101001{}",
            check_character("33010620300101001").unwrap_or('0')
        );
        assert!(IdCardNumber::parse(&future, today).is_err());
        assert!(IdCardNumber::parse(&future, d(2031, 1, 1)).is_ok());
    }

    #[test]
    fn age_on_handles_leap_day_birthdays() {
        let b = d(2008, 2, 29);
        assert_eq!(age_on(b, d(2026, 2, 28)), 17);
        assert_eq!(age_on(b, d(2026, 3, 1)), 18);
        assert_eq!(age_on(b, d(2000, 1, 1)), 0);
    }

    #[test]
    fn serde_round_trip_rechecks_the_number() {
        let id = IdCardNumber::parse(SAMPLE, d(2024, 1, 1)).expect("valid");
        let json = serde_json::to_string(&id).expect("ser");
        assert_eq!(json, format!("\"{SAMPLE}\""));
        let back: IdCardNumber = serde_json::from_str(&json).expect("de");
        assert_eq!(back, id);
        assert!(serde_json::from_str::<IdCardNumber>("\"110105194912310021\"").is_err());
    }

    fn valid_id() -> impl Strategy<Value = String> {
        (
            proptest::sample::select(PROVINCES.to_vec()),
            0u32..10_000,
            1950i32..2020,
            1u32..=12,
            1u32..=28,
            0u32..1000,
        )
            .prop_map(|(prov, area, y, m, day, seq)| {
                let first17 = format!("{prov}{area:04}{y:04}{m:02}{day:02}{seq:03}");
                let check = check_character(&first17).unwrap_or('?');
                format!("{first17}{check}")
            })
    }

    proptest! {
        #[test]
        fn r7_1_prop_valid_ids_round_trip(s in valid_id()) {
            let id = IdCardNumber::parse(&s, d(2025, 1, 1));
            prop_assert!(id.is_ok(), "{s}");
            let id = id.unwrap_or_else(|_| unreachable!());
            prop_assert_eq!(id.as_str(), s.as_str());
            let back: IdCardNumber = serde_json::from_str(&serde_json::to_string(&id).unwrap_or_default())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, id);
        }

        #[test]
        fn r7_1_prop_every_single_character_change_is_caught(
            s in valid_id(),
            pos in 0usize..18,
            replacement in proptest::sample::select("0123456789X".chars().collect::<Vec<_>>()),
        ) {
            let mut chars: Vec<char> = s.chars().collect();
            prop_assume!(chars[pos] != replacement);
            chars[pos] = replacement;
            let changed: String = chars.into_iter().collect();
            prop_assert!(IdCardNumber::parse(&changed, d(2025, 1, 1)).is_err(), "{s} -> {changed}");
        }
    }
}
