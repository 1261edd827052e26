//! R13.3: the State Council notices as published, 2017–2026, read by `parse_notice`, give exactly
//! the shipped data: every date, kind, festival and title. The texts are under
//! `tests/data/notices/` (sources in its README).

use xueji_domain::WorkCalendar;
use xueji_domain::calendar::{NoticeEntry, parse_notice};

/// Parses one notice file and compares it with the shipped notice of the same title.
fn check(file: &str, text: &str) {
    let official = WorkCalendar::official();
    let parsed = parse_notice(text, &official).unwrap_or_else(|e| panic!("{file}: {e}"));
    let shipped = official
        .shipped_notices()
        .iter()
        .find(|n| n.title == parsed.title)
        .unwrap_or_else(|| panic!("{file}: no shipped notice titled {}", parsed.title));
    assert_eq!(parsed.year, shipped.year, "{file}: year");
    let mut expected: Vec<NoticeEntry> = shipped.entries.clone();
    expected.sort_by_key(|e| e.date);
    assert_eq!(parsed.entries, expected, "{file}: entries");
}

macro_rules! notice_test {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            check($file, include_str!(concat!("data/notices/", $file)));
        }
    };
}

notice_test!(r13_3_notice_text_2017, "2017.txt");
notice_test!(r13_3_notice_text_2018, "2018.txt");
notice_test!(r13_3_notice_text_2019, "2019.txt");
notice_test!(r13_3_notice_text_2019_labour_day, "2019-labour-day.txt");
notice_test!(r13_3_notice_text_2020, "2020.txt");
notice_test!(
    r13_3_notice_text_2020_spring_festival_extension,
    "2020-spring-festival-extension.txt"
);
notice_test!(r13_3_notice_text_2021, "2021.txt");
notice_test!(r13_3_notice_text_2022, "2022.txt");
notice_test!(r13_3_notice_text_2023, "2023.txt");
notice_test!(r13_3_notice_text_2024, "2024.txt");
notice_test!(r13_3_notice_text_2025, "2025.txt");
notice_test!(r13_3_notice_text_2026, "2026.txt");

#[test]
fn r13_3_the_2026_items_quoted_with_full_width_punctuation() {
    // As the issue quotes it, straight from gov.cn: full-width colon and brackets, one item.
    let text = "国务院办公厅关于2026年部分节假日安排的通知\n\
        二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。\
        2月14日（周六）、2月28日（周六）上班。";
    let parsed = parse_notice(text, &WorkCalendar::official()).expect("parses");
    assert_eq!(parsed.year, 2026);
    assert_eq!(parsed.entries.len(), 11, "9 days off, 2 make-up workdays");
    assert!(parsed.entries.iter().all(|e| e.festival == "春节"));
}

#[test]
fn r13_3_a_pasted_notice_with_a_mistake_is_refused_with_the_reason() {
    let cal = WorkCalendar::official();
    let cases = [
        // the weekday in brackets contradicts the date
        (
            "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。",
            "星期四",
        ),
        // the stated count disagrees with the days read
        (
            "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假调休，共4天。",
            "共4天",
        ),
        // a make-up workday on a weekday
        (
            "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假调休，共3天。1月5日上班。",
            "不是周六或周日",
        ),
        // no year anywhere
        ("一、元旦：1月1日放假。", "年份"),
        // nothing to read
        ("国务院办公厅关于2027年部分节假日安排的通知", "没有读到"),
        // an extension of a holiday that is not loaded
        (
            "国务院办公厅关于延长2027年春节假期的通知\n一、延长2027年春节假期至2月14日（星期日）。",
            "未找到要延长的春节假期",
        ),
    ];
    for (text, expect) in cases {
        let err = parse_notice(text, &cal).expect_err(text);
        assert!(err.to_string().contains(expect), "{text}: {err}");
        assert_eq!(
            err.rule_id().map(ToString::to_string).as_deref(),
            Some("R13.3")
        );
    }
}
