//! Chinese working days: weekends, the official holidays and the 调休 make-up workdays of the
//! State Council's yearly notices. The notices for 2017–2026 ship as data
//! (`data/holidays-cn.txt`); the school loads later notices at run time by pasting the notice's
//! own text ([`parse_notice`]), and may correct or remove what it loaded.
//!
//! Counting never refuses for want of a notice (第三条: 学籍 must never become a condition, and
//! neither may a missing holiday notice). Days in a year whose notice is not loaded are counted
//! with the statutory holidays of 《全国年节及纪念日放假办法》 ([`statutory`]), and every date so
//! counted is marked [`Provisional`] with the missing notice named.

mod notice_text;
mod provisional;
pub mod statutory;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::{DomainError, Result};
use crate::rules::{self, RuleId};

pub use notice_text::{ParsedNotice, parse_notice};
pub use provisional::{Counting, Due, EARLY_MARGIN_DAYS, LATE_MARGIN_DAYS, Provisional, Span};

/// The shipped notices, 2017 through 2026.
pub const OFFICIAL_NOTICES: &str = include_str!("../../data/holidays-cn.txt");

const FIELD: &str = "holiday_notice";
/// The calendar exists to count the law's working-day deadlines.
const RULE: RuleId = rules::R13_3;
/// A single holiday range longer than this is surely a typo.
const MAX_RANGE_DAYS: u64 = 15;
/// A notice may reach back into the last days of the year before (the 2019 notice made
/// 2018-12-29 a workday and 2018-12-31 a holiday): from this day of December on, a date also
/// depends on the next year's notice.
const REACH_BACK_FROM_DECEMBER: u32 = 26;

/// What a notice says about a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeDayKind {
    /// 放假
    Holiday,
    /// 调休上班
    MakeupWorkday,
}

impl NoticeDayKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Holiday => "放假",
            Self::MakeupWorkday => "上班",
        }
    }
}

/// One dated entry of a notice.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoticeEntry {
    pub date: NaiveDate,
    pub kind: NoticeDayKind,
    /// The festival, e.g. 春节.
    pub festival: String,
}

/// A day the registrar marked or unmarked by hand, with the reason (a notice's later
/// correction, a typo in the pasted text).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayAdjustment {
    pub date: NaiveDate,
    /// What the day is now; `None` makes it an ordinary day (a weekday works, a weekend rests).
    pub kind: Option<NoticeDayKind>,
    pub reason: String,
}

/// Where a notice comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeOrigin {
    /// Shipped with the software.
    Shipped,
    /// Loaded by the school.
    School,
}

/// A notice: a year's arrangement, or an amendment to it (2019's Labour Day, 2020's extended
/// Spring Festival), with its entries and the registrar's adjustments.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub year: i32,
    pub title: String,
    pub origin: NoticeOrigin,
    pub entries: Vec<NoticeEntry>,
    #[serde(default)]
    pub adjustments: Vec<DayAdjustment>,
}

impl Notice {
    /// The notice's days after the registrar's adjustments, in date order.
    pub fn days(&self) -> Vec<NoticeEntry> {
        let mut days: BTreeMap<NaiveDate, NoticeEntry> =
            self.entries.iter().map(|e| (e.date, e.clone())).collect();
        for a in &self.adjustments {
            match a.kind {
                Some(kind) => {
                    let festival = days
                        .get(&a.date)
                        .map_or_else(|| "（手工调整）".to_owned(), |e| e.festival.clone());
                    days.insert(
                        a.date,
                        NoticeEntry {
                            date: a.date,
                            kind,
                            festival,
                        },
                    );
                }
                None => {
                    days.remove(&a.date);
                }
            }
        }
        days.into_values().collect()
    }

    /// Checks what a registrar may save: a year in range, a title, make-up workdays on weekends
    /// only, dates within a year of the notice's, a reason for every adjustment.
    pub fn validate(&self) -> Result<()> {
        if !(2000..=2200).contains(&self.year) {
            return Err(DomainError::invalid(FIELD, RULE, "通知年份无效"));
        }
        if self.title.trim().is_empty() {
            return Err(DomainError::invalid(FIELD, RULE, "缺少通知名称"));
        }
        let mut seen = BTreeSet::new();
        for e in &self.entries {
            if !seen.insert(e.date) {
                return Err(DomainError::invalid(
                    FIELD,
                    RULE,
                    format!("{}在同一通知中重复出现", e.date),
                ));
            }
        }
        for a in &self.adjustments {
            if a.reason.trim().is_empty() {
                return Err(DomainError::invalid(
                    "reason",
                    RULE,
                    format!("请填写调整{}的原因", a.date),
                ));
            }
        }
        for e in self.days() {
            if (e.date.year() - self.year).abs() > 1 {
                return Err(DomainError::invalid(
                    FIELD,
                    RULE,
                    format!("{}不在通知年份{}前后", e.date, self.year),
                ));
            }
            if e.kind == NoticeDayKind::MakeupWorkday && !is_weekend(e.date) {
                return Err(DomainError::invalid(
                    FIELD,
                    RULE,
                    format!("调休上班日{}不是周六或周日", e.date),
                ));
            }
        }
        Ok(())
    }
}

/// The effective entry of a date: the last notice that names it wins.
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

/// The working-day calendar: the shipped notices, the school's, and the index of their days.
/// A year the school loaded a notice for is taken from the school's notices alone.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WorkCalendar {
    shipped: Vec<Notice>,
    school: Vec<Notice>,
    /// Built from the notices in force.
    days: BTreeMap<NaiveDate, NoticeDay>,
    years: BTreeSet<i32>,
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

/// Reads notices in the text format of `data/holidays-cn.txt`.
pub fn parse_data_file(text: &str, origin: NoticeOrigin) -> Result<Vec<Notice>> {
    let mut out: Vec<Notice> = Vec::new();
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
            out.push(Notice {
                year,
                title,
                origin,
                entries: Vec::new(),
                adjustments: Vec::new(),
            });
            continue;
        }
        let Some(notice) = out.last_mut() else {
            return Err(DomainError::invalid(
                FIELD,
                RULE,
                format!("第{line_no}行：日期行之前应先写“notice 年份 通知名称”"),
            ));
        };
        let (from, to, kind, festival) = parse_day_line(head, parts, line_no)?;
        let mut date = from;
        while date <= to {
            if notice.entries.iter().any(|e| e.date == date) {
                return Err(DomainError::invalid(
                    FIELD,
                    RULE,
                    format!("第{line_no}行：{date}在同一通知中重复出现"),
                ));
            }
            notice.entries.push(NoticeEntry {
                date,
                kind,
                festival: festival.clone(),
            });
            date = date
                .checked_add_days(Days::new(1))
                .ok_or_else(|| DomainError::invalid(FIELD, RULE, "日期超出范围"))?;
        }
        notice.validate().map_err(|e| {
            DomainError::invalid(FIELD, RULE, format!("第{line_no}行：{}", e.message()))
        })?;
    }
    Ok(out)
}

fn overflow() -> DomainError {
    DomainError::invalid("date", RULE, "日期超出可计算的范围")
}

impl WorkCalendar {
    /// A calendar with no notice: every date is counted provisionally.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The shipped State Council notices for 2017–2026.
    pub fn official() -> Self {
        // The shipped text is checked by the tests; a failure here is a build defect.
        let shipped = parse_data_file(OFFICIAL_NOTICES, NoticeOrigin::Shipped)
            .expect("shipped holiday data parses");
        let mut cal = Self {
            shipped,
            ..Self::default()
        };
        cal.reindex();
        cal
    }

    /// This calendar with the school's notices (which replace the shipped ones of their years).
    pub fn with_school_notices(mut self, notices: Vec<Notice>) -> Result<Self> {
        for n in &notices {
            n.validate()?;
        }
        self.school = notices
            .into_iter()
            .map(|n| Notice {
                origin: NoticeOrigin::School,
                ..n
            })
            .collect();
        self.reindex();
        Ok(self)
    }

    /// Adds notices in the text format of `data/holidays-cn.txt` as the school's. All-or-nothing.
    /// Returns the number of dated entries read.
    pub fn load_notices(&mut self, text: &str) -> Result<usize> {
        let notices = parse_data_file(text, NoticeOrigin::School)?;
        let count = notices.iter().map(|n| n.entries.len()).sum();
        let mut school = self.school.clone();
        school.extend(notices);
        *self = self.clone().with_school_notices(school)?;
        Ok(count)
    }

    fn reindex(&mut self) {
        let school_years: BTreeSet<i32> = self.school.iter().map(|n| n.year).collect();
        let mut in_force: Vec<&Notice> = self
            .shipped
            .iter()
            .filter(|n| !school_years.contains(&n.year))
            .chain(self.school.iter())
            .collect();
        // Year by year; within a year in load order, so an amendment overrides its notice.
        in_force.sort_by_key(|n| n.year);
        self.days.clear();
        self.years.clear();
        for n in in_force {
            self.years.insert(n.year);
            for e in n.days() {
                self.days.insert(
                    e.date,
                    NoticeDay {
                        date: e.date,
                        kind: e.kind,
                        festival: e.festival,
                        notice: n.title.clone(),
                    },
                );
            }
        }
    }

    /// The notices in force: the shipped ones of years the school has not loaded, then the
    /// school's, by year.
    pub fn notices(&self) -> Vec<&Notice> {
        let school_years: BTreeSet<i32> = self.school.iter().map(|n| n.year).collect();
        let mut out: Vec<&Notice> = self
            .shipped
            .iter()
            .filter(|n| !school_years.contains(&n.year))
            .chain(self.school.iter())
            .collect();
        out.sort_by_key(|n| n.year);
        out
    }

    /// The shipped notices (also those a school notice replaces).
    pub fn shipped_notices(&self) -> &[Notice] {
        &self.shipped
    }

    /// The notices the school loaded.
    pub fn school_notices(&self) -> &[Notice] {
        &self.school
    }

    /// Every dated entry in force, in date order.
    pub fn entries(&self) -> impl Iterator<Item = &NoticeDay> {
        self.days.values()
    }

    /// Years whose notice is loaded.
    pub fn covered_years(&self) -> BTreeSet<i32> {
        self.years.clone()
    }

    /// The last year with a loaded notice.
    pub fn last_year(&self) -> Option<i32> {
        self.years.last().copied()
    }

    /// Whether `year`'s notice is loaded.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The notices the days `from..=to` depend on: their years', and from 26 December on the
    /// next year's too.
    fn needed_years(from: NaiveDate, to: NaiveDate) -> std::ops::RangeInclusive<i32> {
        let last = if to.month() == 12 && to.day() >= REACH_BACK_FROM_DECEMBER {
            to.year() + 1
        } else {
            to.year()
        };
        from.year()..=last
    }

    /// Whether counting over the days `first..=last` used a year whose notice is not loaded.
    pub fn provisional(&self, first: NaiveDate, last: NaiveDate) -> Option<Provisional> {
        let (a, b) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        Provisional::of(
            Self::needed_years(a, b)
                .filter(|y| !self.covers(*y))
                .collect(),
        )
    }

    /// What a date is: from a loaded notice, else (its year's notice not loaded) from the
    /// statutory holidays, provisionally.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if let Some(d) = self.days.get(&date) {
            return match d.kind {
                NoticeDayKind::Holiday => DayKind::Holiday {
                    festival: d.festival.clone(),
                },
                NoticeDayKind::MakeupWorkday => DayKind::MakeupWorkday {
                    festival: d.festival.clone(),
                },
            };
        }
        if !self.covers(date.year())
            && let Some(festival) = statutory::holidays(date.year()).get(&date)
        {
            return DayKind::Holiday {
                festival: (*festival).to_owned(),
            };
        }
        if is_weekend(date) {
            DayKind::Weekend
        } else {
            DayKind::Workday
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.day_kind(date).is_working()
    }

    /// The `n`-th working day after `start` (`start` itself not counted); `n = 0` gives `start`.
    /// For `n ≥ 1` the result is always a working day. Past the loaded notices the count is
    /// provisional (see [`Self::provisional`] and [`Counting::due`]).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate> {
        let mut date = start;
        let mut left = n;
        while left > 0 {
            date = date.succ_opt().ok_or_else(overflow)?;
            if self.is_working_day(date) {
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
            date = date.succ_opt().ok_or_else(overflow)?;
            if self.is_working_day(date) {
                count += 1;
            }
        }
        Ok(count)
    }

    /// `date` if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_working_day(date) {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }
}
