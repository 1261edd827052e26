//! Reading a student list's cells: the columns the importer knows with the header variants it
//! accepts, and cell values (text, numbers, Excel serial dates) as the checks see them. Pure.

use calamine::Data;
use chrono::NaiveDate;

/// The columns the importer knows, with the header variants it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Col {
    Name,
    Sex,
    BirthDate,
    IdType,
    IdNumber,
    XuejiNumber,
    Ethnicity,
    Nationality,
    HukouKind,
    HukouAddress,
    CurrentAddress,
    Grade,
    Class,
    EntryDate,
    Migrant,
    LeftBehind,
    Orphan,
    Disability,
    StudyMode,
    GuardianName,
    GuardianRelation,
    GuardianPhone,
}

pub(super) const COLUMNS: [(Col, &str, &[&str]); 22] = [
    (Col::Name, "姓名", &["姓名", "学生姓名"]),
    (Col::Sex, "性别", &["性别"]),
    (
        Col::BirthDate,
        "出生日期",
        &["出生日期", "出生年月", "出生年月日", "生日"],
    ),
    (Col::IdType, "身份证件类型", &["身份证件类型", "证件类型"]),
    (
        Col::IdNumber,
        "身份证件号",
        &[
            "身份证件号",
            "身份证件号码",
            "身份证号",
            "身份证号码",
            "证件号码",
            "证件号",
        ],
    ),
    (
        Col::XuejiNumber,
        "学籍号",
        &["学籍号", "全国学籍号", "学籍辅号"],
    ),
    (Col::Ethnicity, "民族", &["民族"]),
    (
        Col::Nationality,
        "国籍/地区",
        &["国籍/地区", "国籍地区", "国籍"],
    ),
    (Col::HukouKind, "户口性质", &["户口性质", "户籍性质"]),
    (
        Col::HukouAddress,
        "户口所在地",
        &["户口所在地", "户籍地址", "户籍所在地", "户口地址"],
    ),
    (
        Col::CurrentAddress,
        "现住址",
        &["现住址", "现居住地址", "家庭住址", "居住地址"],
    ),
    (Col::Grade, "年级", &["年级"]),
    (Col::Class, "班级", &["班级", "班级名称"]),
    (
        Col::EntryDate,
        "入学日期",
        &["入学日期", "入学年月", "入学时间"],
    ),
    (
        Col::Migrant,
        "随迁子女",
        &["随迁子女", "是否随迁子女", "进城务工人员随迁子女"],
    ),
    (Col::LeftBehind, "留守儿童", &["留守儿童", "是否留守儿童"]),
    (Col::Orphan, "孤儿", &["孤儿", "是否孤儿"]),
    (Col::Disability, "残疾类型", &["残疾类型"]),
    (Col::StudyMode, "就读方式", &["就读方式"]),
    (
        Col::GuardianName,
        "监护人姓名",
        &["监护人姓名", "监护人", "家长姓名"],
    ),
    (
        Col::GuardianRelation,
        "监护人关系",
        &["监护人关系", "与学生关系", "关系"],
    ),
    (
        Col::GuardianPhone,
        "监护人电话",
        &["监护人电话", "联系电话", "监护人联系电话"],
    ),
];

/// Columns without which the sheet is not a student list.
pub(super) const REQUIRED_COLUMNS: [Col; 7] = [
    Col::Name,
    Col::IdNumber,
    Col::Ethnicity,
    Col::HukouKind,
    Col::HukouAddress,
    Col::CurrentAddress,
    Col::Grade,
];

/// A header as compared: no blanks, no `*` marks, no bracketed remark, full-width slash unified.
pub(super) fn normalise_header(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in h.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '*' | '＊' => {}
            '／' if depth == 0 => out.push('/'),
            c if depth == 0 && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

pub(super) fn column_for(header: &str) -> Option<Col> {
    let h = normalise_header(header);
    COLUMNS
        .iter()
        .find(|(_, _, names)| names.contains(&h.as_str()))
        .map(|(c, _, _)| *c)
}

pub(super) fn label(col: Col) -> &'static str {
    COLUMNS
        .iter()
        .find(|(c, _, _)| *c == col)
        .map_or("", |(_, l, _)| l)
}

/// One cell as read: its text, and whether it was stored as a number.
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) numeric: bool,
    pub(super) date: Option<NaiveDate>,
}

pub(super) fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::Duration::days(days))
}

pub(super) fn cell(d: &Data) -> Cell {
    let (text, numeric, date) = match d {
        Data::Empty => (String::new(), false, None),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            (s.trim().to_owned(), false, None)
        }
        Data::Int(i) => (i.to_string(), true, None),
        Data::Float(f) => {
            let text = if f.fract() == 0.0 && f.abs() < 1e21 {
                format!("{f:.0}")
            } else {
                f.to_string()
            };
            (text, true, None)
        }
        Data::Bool(b) => ((if *b { "是" } else { "否" }).to_owned(), false, None),
        Data::DateTime(dt) => {
            let date = serial_date(dt.as_f64());
            (
                date.map_or_else(|| dt.as_f64().to_string(), |d| d.to_string()),
                false,
                date,
            )
        }
        Data::Error(e) => (format!("#{e:?}"), false, None),
    };
    Cell {
        text,
        numeric,
        date,
    }
}

pub(super) fn parse_date(c: &Cell) -> Option<NaiveDate> {
    if let Some(d) = c.date {
        return Some(d);
    }
    let t = c.text.trim();
    if c.numeric && t.len() <= 6 {
        return t.parse::<f64>().ok().and_then(serial_date);
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(d);
        }
    }
    // 出生年月 may give the year and month only: take the first of the month.
    for (suffix, f) in [
        ("-01", "%Y-%m-%d"),
        ("/01", "%Y/%m/%d"),
        (".01", "%Y.%m.%d"),
        ("1日", "%Y年%m月%d日"),
        ("01", "%Y%m%d"),
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{t}{suffix}"), f) {
            return Some(d);
        }
    }
    None
}
