//! Deadlines counted past the loaded notices: the provisional mark, its reason, how a due date
//! was counted (so it can be counted again when a notice is loaded), and how far the provisional
//! date can be from the one the real notice will give.

use chrono::{Days, Months, NaiveDate};

use super::WorkCalendar;
use crate::error::{DomainError, Result};
use crate::rules;

/// The real due date is at most this many calendar days after a provisional one.
///
/// A provisional count knows the statutory days off but not the notice's 调休: weekdays given
/// off to make a long run (later due dates) and weekend days worked in exchange (earlier ones).
/// At worst a provisional due date lands on the first day of the longest run a notice makes and
/// the real one after that run. Measured by `tests/provisional_margin.rs`, which counts each year
/// 2017–2026 as if its notice were not loaded (30,697 due dates): at most 10 days, on 2020's
/// Spring Festival extended to ten days (24 Jan–2 Feb). Two weeks leaves room for a longer run.
/// A finding (R32) against a provisional due date is a breach only once this margin has passed.
pub const LATE_MARGIN_DAYS: u64 = 14;

/// A provisional due date is at most this many calendar days after the real one (a notice's
/// make-up workdays can bring a deadline earlier). Measured as [`LATE_MARGIN_DAYS`]: at most 7
/// days (20 working days from 30 Dec 2024 across the 2025 Spring Festival).
pub const EARLY_MARGIN_DAYS: u64 = 10;

/// Why a date was counted provisionally: the notices that were missing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Provisional {
    /// Years whose State Council holiday notice was not loaded, ascending.
    pub years: Vec<i32>,
}

impl Provisional {
    /// `None` when nothing is missing.
    pub fn of(years: Vec<i32>) -> Option<Self> {
        (!years.is_empty()).then_some(Self { years })
    }

    /// The missing notices' titles, e.g. 《国务院办公厅关于2027年部分节假日安排的通知》.
    pub fn notices_zh(&self) -> String {
        self.years
            .iter()
            .map(|y| format!("《国务院办公厅关于{y}年部分节假日安排的通知》"))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The reason, for the registrar: which notice is missing and how the date was counted.
    pub fn reason_zh(&self) -> String {
        format!(
            "暂定：尚未载入{}，按《全国年节及纪念日放假办法》规定的法定节假日和周末计算，\
             国务院公布调休安排并载入后自动重新计算",
            self.notices_zh()
        )
    }

    /// Both marks together (a deadline counted from a provisional date, say).
    pub fn merge(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        let mut years: Vec<i32> = a
            .into_iter()
            .chain(b)
            .flat_map(|p| p.years)
            .collect::<Vec<_>>();
        years.sort_unstable();
        years.dedup();
        Self::of(years)
    }
}

/// A due date and whether it is provisional.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Due {
    pub date: NaiveDate,
    pub provisional: Option<Provisional>,
}

impl Due {
    /// A date no calendar was needed for (the end of a school year, of a term).
    pub fn fixed(date: NaiveDate) -> Self {
        Self {
            date,
            provisional: None,
        }
    }

    /// Whether `today` is past this date under every arrangement the missing notice can make
    /// (R32: a breach only when certain). A final date is certain once passed.
    pub fn surely_passed(&self, today: NaiveDate) -> bool {
        let last = if self.provisional.is_some() {
            self.date
                .checked_add_days(Days::new(LATE_MARGIN_DAYS))
                .unwrap_or(NaiveDate::MAX)
        } else {
            self.date
        };
        today > last
    }
}

/// How a due date follows from its start date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "unit", content = "n", rename_all = "snake_case")]
pub enum Span {
    /// The n-th working day after the start (R10.1, R13.3, R18.1, R19.1).
    WorkingDays(u32),
    /// n calendar months after the start, moved to the next working day when that is a day off
    /// (R8.1, R14.3; 民法典第二百零三条).
    Months(u32),
    /// The start itself: a fixed date (the end of a school year or term).
    Fixed,
}

impl Span {
    /// A short code for storage: `wd:10`, `m:1`, `fixed`.
    pub fn code(self) -> String {
        match self {
            Self::WorkingDays(n) => format!("wd:{n}"),
            Self::Months(n) => format!("m:{n}"),
            Self::Fixed => "fixed".to_owned(),
        }
    }

    /// Reads [`Span::code`].
    pub fn parse(code: &str) -> Option<Self> {
        if code == "fixed" {
            return Some(Self::Fixed);
        }
        let (unit, n) = code.split_once(':')?;
        let n: u32 = n.parse().ok()?;
        match unit {
            "wd" => Some(Self::WorkingDays(n)),
            "m" => Some(Self::Months(n)),
            _ => None,
        }
    }
}

/// A due date's basis: counted from `start` by `span`. Stored with the deadline so that loading,
/// correcting or removing a notice can count it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Counting {
    pub start: NaiveDate,
    pub span: Span,
}

fn overflow() -> DomainError {
    DomainError::invalid("date", rules::R13_3, "日期超出可计算的范围")
}

impl Counting {
    pub fn working_days(start: NaiveDate, n: u32) -> Self {
        Self {
            start,
            span: Span::WorkingDays(n),
        }
    }

    pub fn months(start: NaiveDate, n: u32) -> Self {
        Self {
            start,
            span: Span::Months(n),
        }
    }

    pub fn fixed(date: NaiveDate) -> Self {
        Self {
            start: date,
            span: Span::Fixed,
        }
    }

    /// The due date under `calendar`, marked provisional when a day it had to look at lies in a
    /// year whose notice is not loaded.
    pub fn due(&self, calendar: &WorkCalendar) -> Result<Due> {
        match self.span {
            Span::Fixed => Ok(Due::fixed(self.start)),
            Span::WorkingDays(n) => {
                let date = calendar.add_working_days(self.start, n)?;
                let first = self.start.succ_opt().ok_or_else(overflow)?;
                Ok(Due {
                    date,
                    provisional: calendar.provisional(first.min(date), date),
                })
            }
            Span::Months(n) => {
                let end = self
                    .start
                    .checked_add_months(Months::new(n))
                    .ok_or_else(overflow)?;
                let date = calendar.working_day_on_or_after(end)?;
                Ok(Due {
                    date,
                    provisional: calendar.provisional(end, date),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;

    #[test]
    fn span_codes_round_trip() {
        for s in [Span::WorkingDays(10), Span::Months(12), Span::Fixed] {
            assert_eq!(Span::parse(&s.code()), Some(s));
        }
        assert_eq!(Span::parse("x:1"), None);
        assert_eq!(Span::parse("wd:-1"), None);
    }

    #[test]
    fn r13_3_reason_names_the_missing_notice() {
        let p = Provisional::of(vec![2027]).expect("missing");
        assert!(
            p.reason_zh()
                .contains("《国务院办公厅关于2027年部分节假日安排的通知》")
        );
        assert_eq!(Provisional::of(Vec::new()), None);
        let both = Provisional::merge(Provisional::of(vec![2028]), Provisional::of(vec![2027]));
        assert_eq!(both.map(|p| p.years), Some(vec![2027, 2028]));
    }

    #[test]
    fn r32_a_provisional_due_date_is_surely_passed_only_after_the_margin() {
        let due = Due {
            date: d(2027, 1, 11),
            provisional: Provisional::of(vec![2027]),
        };
        assert!(!due.surely_passed(d(2027, 1, 12)));
        assert!(!due.surely_passed(d(2027, 1, 25)));
        assert!(due.surely_passed(d(2027, 1, 26)));
        let fixed = Due::fixed(d(2027, 1, 11));
        assert!(fixed.surely_passed(d(2027, 1, 12)));
        assert!(!fixed.surely_passed(d(2027, 1, 11)));
    }
}
