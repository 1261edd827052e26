//! Shared test helpers: temp data folders, init with a mock keyring, sample students.
#![allow(dead_code)]

use chrono::NaiveDate;
use xueji_domain::{Grade, PersonName, SchoolKind, Status};
use xueji_store::repo::students::{NewFamilyMember, NewStudent, Placement};
use xueji_store::{DataDir, InitOptions, KeyStore, OpenOptions, RecoveryCode, Store};

pub const ADMIN: &str = "admin";
pub const PASSWORD: &str = "correct horse 1";

pub fn init_options() -> InitOptions {
    InitOptions {
        school_name: "测试小学".to_owned(),
        school_kind: SchoolKind::Primary,
        admin_username: ADMIN.to_owned(),
        admin_password: PASSWORD.to_owned(),
    }
}

pub fn quiet() -> OpenOptions {
    OpenOptions::default()
}

/// A fresh initialised store in a temp folder with a mock keyring entry.
pub async fn fresh() -> (tempfile::TempDir, DataDir, KeyStore, Store, RecoveryCode) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = DataDir::new(tmp.path().join("data"));
    let keys = KeyStore::mock();
    let (store, code) = Store::init(data.clone(), keys.clone(), &init_options())
        .await
        .expect("init");
    (tmp, data, keys, store, code)
}

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳", "诸葛",
];
const GIVEN: [&str; 16] = [
    "明", "华", "伟", "芳", "娜", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "超",
];

/// The i-th sample name (deterministic, many distinct prefixes).
pub fn sample_name(i: usize) -> String {
    format!(
        "{}{}{}",
        SURNAMES[i % SURNAMES.len()],
        GIVEN[(i / SURNAMES.len()) % GIVEN.len()],
        GIVEN[(i / (SURNAMES.len() * GIVEN.len())) % GIVEN.len()]
    )
}

/// The i-th sample ID number (18 characters, unique per i).
pub fn sample_id_number(i: usize) -> String {
    format!("33010620150101{:04}", i % 10_000).replacen(
        "2015",
        &format!("{:04}", 2010 + i / 10_000),
        1,
    )
}

/// A sample student with a given name and ID number.
pub fn student_with(name: &str, id_number: &str) -> NewStudent {
    NewStudent {
        xueji_number: None,
        id_type: "resident_id".to_owned(),
        id_number: id_number.to_owned(),
        name: PersonName::parse(name).expect("sample name is valid"),
        former_name: None,
        sex: "male".to_owned(),
        birth_date: NaiveDate::from_ymd_opt(2015, 1, 1).expect("date"),
        ethnicity: "汉族".to_owned(),
        nationality: "中国".to_owned(),
        hukou_kind: "非农业户口".to_owned(),
        hukou_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        current_address: "浙江省杭州市西湖区文三路1号".to_owned(),
        migrant_child: false,
        left_behind: false,
        orphan: false,
        disability_kind: None,
        inclusive_placement: false,
        status: Status::Enrolled,
        grade: Some(Grade::new(1).expect("grade")),
        placement: Placement::default(),
        family: vec![
            NewFamilyMember {
                name: "王大山".to_owned(),
                relation: "父亲".to_owned(),
                phone: Some("13800000000".to_owned()),
                guardian: true,
                ..NewFamilyMember::default()
            },
            NewFamilyMember {
                name: "李小花".to_owned(),
                relation: "母亲".to_owned(),
                ..NewFamilyMember::default()
            },
        ],
    }
}

/// The i-th sample student.
pub fn sample_student(i: usize) -> NewStudent {
    student_with(&sample_name(i), &sample_id_number(i))
}

/// True when `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
