//! Chinese working days: weekends, the official holidays and the 调休 make-up workdays of the
//! State Council's yearly notices. The notices for 2017–2026 ship as data
//! (`data/holidays-cn.txt`); the school adds later notices at run time in the same text format.
//! Counting refuses any date in a year whose notice is not loaded.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::{DomainError, Result};
use crate::rules::{self, RuleId};

/// The shipped notices, 2017 through 2026.
pub const OFFICIAL_NOTICES: &str = include_str!("../data/holidays-cn.txt");

const FIELD: &str = "holiday_notice";
/// The calendar exists to count the law's working-day deadlines.
const RULE: RuleId = rules::R13_3;
/// A single holiday range longer than this is surely a typo.
const MAX_RANGE_DAYS: u64 = 15;

/// What a notice says about a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeDayKind {
    /// 放假
    Holiday,
    /// 调休上班
    MakeupWorkday,
}

/// One dated entry of a notice.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoticeDay {
    pub date: NaiveDate,
    pub kind: NoticeDayKind,
    /// The festival, e.g. 春节.
    pub festival: String,
    /// The notice's title.
    pub notice: String,
}

/// What a date is, for counting.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DayKind {
    Workday,
    Weekend,
    Holiday { festival: String },
    MakeupWorkday { festival: String },
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        matches!(self, Self::Workday | Self::MakeupWorkday { .. })
    }
}

/// A loaded notice.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub year: i32,
    pub title: String,
}

/// The working-day calendar: notices and their dated entries.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WorkCalendar {
    notices: Vec<Notice>,
    days: BTreeMap<NaiveDate, NoticeDay>,
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn parse_date(s: &str, line_no: usize) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        DomainError::invalid(
            FIELD,
            RULE,
            format!("第{line_no}行：日期“{s}”无效，应为YYYY-MM-DD"),
        )
    })
}

/// Parses `<date>[..<date>] <kind> <festival>` after the first word `head`.
fn parse_day_line<'a>(
    head: &str,
    mut parts: impl Iterator<Item = &'a str>,
    line_no: usize,
) -> Result<(NaiveDate, NaiveDate, NoticeDayKind, String)> {
    let (from, to) = if let Some((a, b)) = head.split_once("..") {
        (parse_date(a, line_no)?, parse_date(b, line_no)?)
    } else {
        let d = parse_date(head, line_no)?;
        (d, d)
    };
    let span = (to - from).num_days();
    if span < 0 || span.unsigned_abs() >= MAX_RANGE_DAYS {
        return Err(DomainError::invalid(
            FIELD,
            RULE,
            format!("第{line_no}行：日期范围无效"),
        ));
    }
    let kind = match parts.next() {
        Some("holiday") => NoticeDayKind::Holiday,
        Some("makeup_workday") => NoticeDayKind::MakeupWorkday,
        _ => {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("第{line_no}行：类型应为holiday或makeup_workday"),
            ));
        }
    };
    let festival = parts.collect::<Vec<_>>().join(" ");
    if festival.is_empty() {
        return Err(DomainError::invalid(
            FIELD,
            RULE,
            format!("第{line_no}行：缺少节日名称"),
        ));
    }
    Ok((from, to, kind, festival))
}

impl WorkCalendar {
    /// A calendar with no notice: every count refuses.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The shipped State Council notices for 2017–2026.
    pub fn official() -> Self {
        let mut cal = Self::empty();
        // The shipped text is checked by the tests below; a failure here is a build defect.
        cal.load_notices(OFFICIAL_NOTICES)
            .expect("shipped holiday data parses");
        cal
    }

    /// Loads notices in the text format of `data/holidays-cn.txt`. All-or-nothing: on an error
    /// nothing is added. Returns the number of dated entries read.
    pub fn load_notices(&mut self, text: &str) -> Result<usize> {
        let mut staged = self.clone();
        let mut current: Option<Notice> = None;
        let mut in_block: BTreeSet<NaiveDate> = BTreeSet::new();
        let mut count = 0;
        for (idx, raw) in text.lines().enumerate() {
            let line_no = idx + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let head = parts.next().unwrap_or_default();
            if head == "notice" {
                let year: i32 = parts
                    .next()
                    .and_then(|y| y.parse().ok())
                    .filter(|y| (2000..=2200).contains(y))
                    .ok_or_else(|| {
                        DomainError::invalid(FIELD, RULE, format!("第{line_no}行：通知年份无效"))
                    })?;
                let title = parts.collect::<Vec<_>>().join(" ");
                if title.is_empty() {
                    return Err(DomainError::invalid(
                        FIELD,
                        RULE,
                        format!("第{line_no}行：缺少通知名称"),
                    ));
                }
                let notice = Notice { year, title };
                staged.notices.push(notice.clone());
                current = Some(notice);
                in_block.clear();
                continue;
            }
            let Some(notice) = current.as_ref() else {
                return Err(DomainError::invalid(
                    FIELD,
                    RULE,
                    format!("第{line_no}行：日期行之前应先写“notice 年份 通知名称”"),
                ));
            };
            let (from, to, kind, festival) = parse_day_line(head, parts, line_no)?;
            if (from.year() - notice.year).abs() > 1 || (to.year() - notice.year).abs() > 1 {
                return Err(DomainError::invalid(
                    FIELD,
                    RULE,
                    format!("第{line_no}行：日期不在通知年份{}前后", notice.year),
                ));
            }
            let mut date = from;
            while date <= to {
                if kind == NoticeDayKind::MakeupWorkday && !is_weekend(date) {
                    return Err(DomainError::invalid(
                        FIELD,
                        RULE,
                        format!("第{line_no}行：调休上班日{date}不是周六或周日"),
                    ));
                }
                if !in_block.insert(date) {
                    return Err(DomainError::invalid(
                        FIELD,
                        RULE,
                        format!("第{line_no}行：{date}在同一通知中重复出现"),
                    ));
                }
                staged.days.insert(
                    date,
                    NoticeDay {
                        date,
                        kind,
                        festival: festival.clone(),
                        notice: notice.title.clone(),
                    },
                );
                count += 1;
                date = date
                    .checked_add_days(Days::new(1))
                    .ok_or_else(|| DomainError::invalid(FIELD, RULE, "日期超出范围"))?;
            }
        }
        *self = staged;
        Ok(count)
    }

    /// The loaded notices, in load order.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Every dated entry, in date order.
    pub fn entries(&self) -> impl Iterator<Item = &NoticeDay> {
        self.days.values()
    }

    /// Years whose notice is loaded.
    pub fn covered_years(&self) -> BTreeSet<i32> {
        self.notices.iter().map(|n| n.year).collect()
    }

    /// The last year with a loaded notice.
    pub fn last_year(&self) -> Option<i32> {
        self.notices.iter().map(|n| n.year).max()
    }

    fn ensure_covered(&self, date: NaiveDate) -> Result<()> {
        if self.notices.iter().any(|n| n.year == date.year()) {
            Ok(())
        } else {
            Err(DomainError::CalendarNotLoaded { year: date.year() })
        }
    }

    /// What a date is. Refuses a date whose year's notice is not loaded.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind> {
        self.ensure_covered(date)?;
        Ok(match self.days.get(&date) {
            Some(d) if d.kind == NoticeDayKind::Holiday => DayKind::Holiday {
                festival: d.festival.clone(),
            },
            Some(d) => DayKind::MakeupWorkday {
                festival: d.festival.clone(),
            },
            None if is_weekend(date) => DayKind::Weekend,
            None => DayKind::Workday,
        })
    }

    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.day_kind(date)?.is_working())
    }

    /// The `n`-th working day after `start` (`start` itself not counted); `n = 0` gives `start`.
    /// For `n ≥ 1` the result is always a working day.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate> {
        let mut date = start;
        let mut left = n;
        while left > 0 {
            date = date
                .succ_opt()
                .ok_or(DomainError::CalendarNotLoaded { year: date.year() })?;
            if self.is_working_day(date)? {
                left -= 1;
            }
        }
        Ok(date)
    }

    /// Working days in `(from, to]`; 0 when `to <= from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<u32> {
        let mut count = 0;
        let mut date = from;
        while date < to {
            date = date
                .succ_opt()
                .ok_or(DomainError::CalendarNotLoaded { year: date.year() })?;
            if self.is_working_day(date)? {
                count += 1;
            }
        }
        Ok(count)
    }

    /// `date` if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;
    use proptest::prelude::*;

    fn cal() -> WorkCalendar {
        WorkCalendar::official()
    }

    fn holiday(c: &WorkCalendar, date: NaiveDate) -> bool {
        matches!(c.day_kind(date), Ok(DayKind::Holiday { .. }))
    }

    fn makeup(c: &WorkCalendar, date: NaiveDate) -> bool {
        matches!(c.day_kind(date), Ok(DayKind::MakeupWorkday { .. }))
    }

    #[test]
    fn shipped_notices_cover_2017_to_2026() {
        let c = cal();
        assert_eq!(c.covered_years(), (2017..=2026).collect());
        assert_eq!(c.last_year(), Some(2026));
        // every make-up workday is a weekend day and a working day
        for e in c.entries() {
            if e.kind == NoticeDayKind::MakeupWorkday {
                assert!(is_weekend(e.date), "{}", e.date);
            }
        }
    }

    #[test]
    fn r13_3_year_2017() {
        let c = cal();
        assert!(holiday(&c, d(2017, 1, 2)));
        assert!(makeup(&c, d(2017, 1, 22)) && makeup(&c, d(2017, 2, 4)));
        assert!(holiday(&c, d(2017, 1, 27)) && holiday(&c, d(2017, 2, 2)));
        assert!(holiday(&c, d(2017, 10, 8)) && makeup(&c, d(2017, 9, 30)));
        assert!(c.is_working_day(d(2017, 10, 9)).unwrap_or(false));
    }

    #[test]
    fn r13_3_year_2018() {
        let c = cal();
        assert!(holiday(&c, d(2018, 2, 15)) && holiday(&c, d(2018, 2, 21)));
        assert!(makeup(&c, d(2018, 2, 11)) && makeup(&c, d(2018, 2, 24)));
        assert!(makeup(&c, d(2018, 9, 29)) && makeup(&c, d(2018, 9, 30)));
        assert!(holiday(&c, d(2018, 6, 18)) && holiday(&c, d(2018, 9, 24)));
    }

    #[test]
    fn r13_3_year_2019_with_the_labour_day_amendment() {
        let c = cal();
        // New Year 2019 reached back into 2018
        assert!(makeup(&c, d(2018, 12, 29)) && holiday(&c, d(2018, 12, 31)));
        assert!(holiday(&c, d(2019, 2, 4)) && makeup(&c, d(2019, 2, 2)));
        // 国办发明电〔2019〕3号: 1–4 May off, 28 April and 5 May worked
        assert!(holiday(&c, d(2019, 5, 2)) && holiday(&c, d(2019, 5, 3)));
        assert!(makeup(&c, d(2019, 4, 28)) && makeup(&c, d(2019, 5, 5)));
        assert!(makeup(&c, d(2019, 10, 12)));
    }

    #[test]
    fn r13_3_year_2020_with_the_spring_festival_extension() {
        let c = cal();
        assert!(holiday(&c, d(2020, 1, 24)) && makeup(&c, d(2020, 1, 19)));
        // extended to 2 February; the 1 February make-up day fell away
        assert!(holiday(&c, d(2020, 1, 31)) && holiday(&c, d(2020, 2, 1)));
        assert!(!c.is_working_day(d(2020, 2, 1)).unwrap_or(true));
        assert!(c.is_working_day(d(2020, 2, 3)).unwrap_or(false));
        assert!(holiday(&c, d(2020, 10, 8)) && makeup(&c, d(2020, 10, 10)));
    }

    #[test]
    fn r13_3_year_2021() {
        let c = cal();
        assert!(holiday(&c, d(2021, 2, 11)) && holiday(&c, d(2021, 2, 17)));
        assert!(makeup(&c, d(2021, 2, 7)) && makeup(&c, d(2021, 2, 20)));
        assert!(makeup(&c, d(2021, 9, 18)) && holiday(&c, d(2021, 9, 21)));
    }

    #[test]
    fn r13_3_year_2022() {
        let c = cal();
        assert!(holiday(&c, d(2022, 1, 31)) && makeup(&c, d(2022, 1, 29)));
        assert!(holiday(&c, d(2022, 5, 4)) && makeup(&c, d(2022, 5, 7)));
        assert!(makeup(&c, d(2022, 10, 8)) && makeup(&c, d(2022, 10, 9)));
    }

    #[test]
    fn r13_3_year_2023() {
        let c = cal();
        assert!(holiday(&c, d(2023, 1, 2)) && holiday(&c, d(2023, 1, 27)));
        assert!(makeup(&c, d(2023, 1, 28)) && makeup(&c, d(2023, 1, 29)));
        assert!(holiday(&c, d(2023, 9, 29)) && holiday(&c, d(2023, 10, 6)));
        assert!(makeup(&c, d(2023, 10, 7)));
    }

    #[test]
    fn r13_3_year_2024() {
        let c = cal();
        assert!(
            makeup(&c, d(2024, 2, 4)),
            "Sunday 4 Feb 2024 is a make-up workday"
        );
        assert!(makeup(&c, d(2024, 2, 18)));
        assert!(holiday(&c, d(2024, 2, 10)) && holiday(&c, d(2024, 2, 17)));
        // 除夕 9 Feb was only "encouraged" off: a working day
        assert!(c.is_working_day(d(2024, 2, 9)).unwrap_or(false));
        assert!(makeup(&c, d(2024, 10, 12)) && holiday(&c, d(2024, 10, 7)));
    }

    #[test]
    fn r13_3_year_2025() {
        let c = cal();
        assert!(holiday(&c, d(2025, 1, 28)) && holiday(&c, d(2025, 2, 4)));
        assert!(makeup(&c, d(2025, 1, 26)) && makeup(&c, d(2025, 2, 8)));
        assert!(holiday(&c, d(2025, 10, 8)), "8 Oct 2025 is a holiday");
        assert!(makeup(&c, d(2025, 10, 11)) && makeup(&c, d(2025, 4, 27)));
        assert!(c.is_working_day(d(2025, 1, 2)).unwrap_or(false));
    }

    #[test]
    fn r13_3_year_2026() {
        let c = cal();
        // Spring Festival: 15–23 February, nine days; 14 and 28 February worked
        assert!(holiday(&c, d(2026, 2, 15)) && holiday(&c, d(2026, 2, 23)));
        assert!(makeup(&c, d(2026, 2, 14)) && makeup(&c, d(2026, 2, 28)));
        assert!(c.is_working_day(d(2026, 2, 24)).unwrap_or(false));
        assert!(makeup(&c, d(2026, 1, 4)) && makeup(&c, d(2026, 9, 20)));
        assert!(holiday(&c, d(2026, 9, 25)) && makeup(&c, d(2026, 10, 10)));
    }

    #[test]
    fn r13_3_counting_past_the_last_loaded_year_is_refused() {
        let c = cal();
        assert_eq!(
            c.add_working_days(d(2026, 12, 28), 10),
            Err(DomainError::CalendarNotLoaded { year: 2027 })
        );
        assert_eq!(
            c.is_working_day(d(2016, 6, 1)),
            Err(DomainError::CalendarNotLoaded { year: 2016 })
        );
        assert!(WorkCalendar::empty().is_working_day(d(2024, 6, 3)).is_err());
    }

    #[test]
    fn r13_3_the_school_adds_next_years_notice_at_run_time() {
        let mut c = cal();
        let n = c
            .load_notices(
                "notice 2027 国务院办公厅关于2027年部分节假日安排的通知\n\
                 2027-01-01..2027-01-03 holiday 元旦\n",
            )
            .expect("loads");
        assert_eq!(n, 3);
        assert_eq!(c.last_year(), Some(2027));
        assert!(!c.is_working_day(d(2027, 1, 1)).unwrap_or(true));
        assert!(c.add_working_days(d(2026, 12, 28), 10).is_ok());
    }

    #[test]
    fn r13_3_bad_notice_text_is_refused_and_nothing_is_loaded() {
        let mut c = cal();
        let before = c.clone();
        for bad in [
            "2027-01-01 holiday 元旦",                          // no notice line
            "notice 2027 通知\n2027-01-04 makeup_workday 元旦", // Monday as make-up day
            "notice 2027 通知\n2027-13-01 holiday 元旦",        // bad date
            "notice 2027 通知\n2027-01-01 vacation 元旦",       // bad kind
            "notice 2027 通知\n2027-01-01 holiday 元旦\n2027-01-01 holiday 元旦", // duplicate
            "notice 2027\n2027-01-01 holiday 元旦",             // no title
            "notice 2027 通知\n2027-02-01..2027-03-30 holiday 春节", // absurd range
        ] {
            let err = c.load_notices(bad).expect_err(bad);
            assert_eq!(err.rule_id(), Some(&rules::R13_3), "{bad}");
        }
        assert_eq!(c, before);
    }

    #[test]
    fn r13_3_make_up_saturdays_are_working_days_and_reached_by_counting() {
        let c = cal();
        for e in c
            .entries()
            .filter(|e| e.kind == NoticeDayKind::MakeupWorkday)
        {
            if !c.covered_years().contains(&e.date.year()) {
                continue;
            }
            assert!(c.is_working_day(e.date).unwrap_or(false), "{}", e.date);
            // counting one working day from the previous working day lands on it
            let mut prev = e.date.pred_opt().unwrap_or(e.date);
            while !c.is_working_day(prev).unwrap_or(true) {
                prev = prev.pred_opt().unwrap_or(prev);
            }
            assert_eq!(c.add_working_days(prev, 1), Ok(e.date));
        }
    }

    #[test]
    fn r13_3_ten_working_days_across_national_day() {
        let c = cal();
        // Mon 2024-09-23 + 10 working days: 24,25,26,27, 29 (Sun make-up), 30, 8,9,10,11 Oct
        assert_eq!(c.add_working_days(d(2024, 9, 23), 10), Ok(d(2024, 10, 11)));
        assert_eq!(
            c.working_days_between(d(2024, 9, 23), d(2024, 10, 11)),
            Ok(10)
        );
        assert_eq!(c.add_working_days(d(2024, 9, 23), 0), Ok(d(2024, 9, 23)));
        assert_eq!(
            c.working_days_between(d(2024, 10, 11), d(2024, 9, 23)),
            Ok(0)
        );
        assert_eq!(
            c.working_day_on_or_after(d(2024, 10, 1)),
            Ok(d(2024, 10, 8))
        );
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0u64..3400).prop_map(|offset| d(2017, 1, 1) + Days::new(offset))
    }

    proptest! {
        #[test]
        fn r13_3_prop_add_then_count_back_gives_n(start in any_date(), n in 0u32..80) {
            let c = cal();
            if let Ok(end) = c.add_working_days(start, n) {
                prop_assert_eq!(c.working_days_between(start, end), Ok(n));
            }
        }

        #[test]
        fn r13_3_prop_holidays_and_weekends_are_never_deadlines(start in any_date(), n in 1u32..80) {
            let c = cal();
            if let Ok(end) = c.add_working_days(start, n) {
                let kind = c.day_kind(end);
                prop_assert!(matches!(kind, Ok(DayKind::Workday | DayKind::MakeupWorkday { .. })), "{end}: {kind:?}");
                prop_assert!(!holiday(&c, end));
                if is_weekend(end) {
                    prop_assert!(makeup(&c, end));
                }
            }
        }
    }
}
