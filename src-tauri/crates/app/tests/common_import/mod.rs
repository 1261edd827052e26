//! Real .xlsx student lists made in the test.

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;

/// A cell to write: text, or a number (as a careless spreadsheet stores an ID).
#[derive(Clone, Debug)]
pub enum C {
    T(String),
    N(f64),
}

pub const HEADERS: [&str; 15] = [
    "姓名",
    "性别",
    "出生日期",
    "身份证件类型",
    "身份证件号",
    "民族",
    "国籍/地区",
    "户口性质",
    "户口所在地",
    "现住址",
    "年级",
    "班级",
    "随迁子女",
    "监护人姓名",
    "监护人关系",
];

/// A valid row for the `n`th student (distinct ID numbers up to 365,000 rows).
pub fn row(n: u32) -> Vec<C> {
    let birth = NaiveDate::from_ymd_opt(2016, 1, 1).expect("date")
        + chrono::Duration::days(i64::from(n / 1000));
    let id = super::common::id_number(birth, u16::try_from(n % 1000).expect("seq"));
    [
        "张小明",
        "",
        &birth.to_string(),
        "居民身份证",
        &id,
        "汉族",
        "中国",
        "非农业户口",
        "浙江省杭州市西湖区文三路1号",
        "浙江省杭州市西湖区文三路1号",
        "三年级",
        "2班",
        "否",
        "张大山",
        "父亲",
    ]
    .iter()
    .map(|s| C::T((*s).to_owned()))
    .collect()
}

/// Fixes the sex column so it agrees with the ID number.
pub fn workbook(headers: &[&str], rows: &[Vec<C>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).expect("col"), *h)
            .expect("write");
    }
    for (r, cells) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).expect("row");
        for (c, v) in cells.iter().enumerate() {
            let c = u16::try_from(c).expect("col");
            match v {
                C::T(s) if s.is_empty() => {}
                C::T(s) => {
                    sheet.write_string(r, c, s).expect("write");
                }
                C::N(x) => {
                    sheet.write_number(r, c, *x).expect("write");
                }
            }
        }
    }
    book.save_to_buffer().expect("save")
}

pub fn valid(n: u32) -> Vec<u8> {
    let rows: Vec<Vec<C>> = (0..n).map(row).collect();
    workbook(&HEADERS, &rows)
}
