//! Sample people, school and small helpers shared by the samples.

use chrono::NaiveDate;
use xueji_domain::id_card::{Sex, check_character};
use xueji_domain::{AuxNumber, AuxPattern, Grade, IdCardNumber, PersonName, XuejiNumber};

use crate::documents::approval::{Guardian, StudentBlock};
use crate::error::{PrintError, Result};

/// A placeholder 2-inch photo (PNG, a grey silhouette).
pub fn photo_png() -> Vec<u8> {
    include_bytes!("../../assets/sample-photo.png").to_vec()
}

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The day the samples are "printed".
pub(crate) fn today() -> NaiveDate {
    day(2025, 7, 1)
}

/// A sample person: name, ID (with a computed check digit) and 学籍号.
pub(crate) struct Person {
    pub name: PersonName,
    pub id: Option<IdCardNumber>,
    pub xueji: XuejiNumber,
    pub sex: Sex,
    pub birth: NaiveDate,
}

pub(crate) const PEOPLE: &[(&str, &str)] = &[
    ("欧阳䶮", "33010620100301001"),
    ("阿依古丽·买买提", "33010620100715002"),
    ("陈思远", "33010620091123003"),
    ("林晓峰", "33010620070115005"),
];

/// A long address (wraps in every form).
pub(crate) const ADDRESS: &str =
    "浙江省杭州市西湖区文三路478号华星时代广场A座1208室（古荡湾新村东门往北二百米，门卫处转交）";

/// The `i`-th sample person (cycled).
pub(crate) fn person(i: usize) -> Result<Person> {
    let (name, first17) = PEOPLE[i % PEOPLE.len()];
    person_with(name, first17)
}

/// A sample person from a name and the first 17 digits of the ID (the check digit is computed).
pub(crate) fn person_with(name: &str, first17: &str) -> Result<Person> {
    let check = check_character(first17).ok_or_else(|| invalid("身份证号", first17))?;
    let id = IdCardNumber::parse(&format!("{first17}{check}"), today())
        .map_err(|e| invalid("身份证号", &e.to_string()))?;
    Ok(Person {
        name: PersonName::parse(name).map_err(|e| invalid("姓名", &e.to_string()))?,
        xueji: XuejiNumber::from_id_card(&id),
        sex: id.sex(),
        birth: id.birth_date(),
        id: Some(id),
    })
}

pub(crate) fn invalid(field: &str, message: &str) -> PrintError {
    PrintError::InvalidSample {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

pub(crate) const SCHOOL: &str = "杭州市西湖区文溪九年一贯制学校";

pub(crate) const BUREAU: &str = "杭州市西湖区教育局";

pub(crate) fn aux(i: usize) -> Result<AuxNumber> {
    let pattern = AuxPattern::Alphanumeric {
        min_len: 6,
        max_len: 20,
    };
    AuxNumber::parse(&format!("ZJ2025{:06}", 3301 + i), &pattern)
        .map_err(|e| invalid("学籍辅号", &e.to_string()))
}

pub(crate) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

pub(crate) fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

/// The sample student block for person `i`.
pub(crate) fn student(i: usize, class: &str) -> Result<StudentBlock> {
    let p = person(i)?;
    Ok(StudentBlock {
        name: p.name,
        sex: p.sex,
        birth_date: p.birth,
        id_number: p.id,
        xueji_number: xueji_domain::assigned_number::AssignedNumber::National(p.xueji),
        school: SCHOOL.to_owned(),
        class: class.to_owned(),
        address: ADDRESS.to_owned(),
    })
}

/// The sample guardian.
pub(crate) fn guardian() -> Result<Guardian> {
    Ok(Guardian {
        name: PersonName::parse("欧阳建国").map_err(|e| invalid("监护人姓名", &e.to_string()))?,
        relation: "父亲".to_owned(),
        phone: "13805712345".to_owned(),
    })
}

pub(crate) fn grade(n: u8) -> Result<Grade> {
    Grade::new(n).map_err(|e| invalid("年级", &e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_valid_domain_data() {
        for (i, (name, _)) in PEOPLE.iter().enumerate() {
            let p = person(i).expect("valid sample person");
            assert_eq!(p.name.as_str(), *name);
        }
        assert!(aux(0).is_ok());
    }
}
