//! The statutory holidays of 《全国年节及纪念日放假办法》, for years whose State Council notice is
//! not loaded. Lunar dates (除夕, 春节, 端午, 中秋) and the 清明 solar term come from `tyme4rs`
//! (MIT; solar terms after 寿星天文历).
//!
//! The version in force for the year decides the days:
//! - 2008 revision (国务院令第513号), until 2013: 元旦 1, 春节 除夕–初二, 清明 1, 劳动节 5-1,
//!   端午 1, 中秋 1, 国庆 10-1–10-3;
//! - 2013 revision (国务院令第644号), 2014–2024: 春节 初一–初三, the rest as before;
//! - 2024 revision (国务院令第795号), from 2025: 春节 除夕–初三, 劳动节 5-1 and 5-2.
//!
//! 第六条 (all three versions): a holiday for all citizens that falls on a Saturday or Sunday is
//! made up on a working day (补假). The make-up days are taken on the first weekdays after the
//! festival that are not themselves holidays. What no law fixes, the State Council's 调休 (weekdays
//! swapped for weekend days to make longer runs), is left out; the margins in
//! [`super::provisional`] bound what it can move.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

/// The statutory days off of one year: date → festival.
pub type YearHolidays = BTreeMap<NaiveDate, &'static str>;

/// Years the lunar library handles; outside them there are weekends only.
const YEARS: std::ops::RangeInclusive<i32> = 1901..=2099;

fn date(day: SolarDay) -> Option<NaiveDate> {
    let year = i32::try_from(day.get_year()).ok()?;
    let month = u32::try_from(day.get_month()).ok()?;
    let d = u32::try_from(day.get_day()).ok()?;
    NaiveDate::from_ymd_opt(year, month, d)
}

fn lunar(year: i32, month: isize, day: usize) -> Option<NaiveDate> {
    date(LunarDay::from_ymd(isize::try_from(year).ok()?, month, day).get_solar_day())
}

fn qingming(year: i32) -> Option<NaiveDate> {
    date(
        SolarTerm::from_name(isize::try_from(year).ok()?, "清明")
            .get_julian_day()
            .get_solar_day(),
    )
}

fn run(from: NaiveDate, days: u64) -> impl Iterator<Item = NaiveDate> {
    (0..days).filter_map(move |i| from.checked_add_days(Days::new(i)))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Each festival's statutory days for `year`, in date order, under the version in force.
fn festivals(year: i32) -> Option<Vec<(&'static str, Vec<NaiveDate>)>> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let new_year = lunar(year, 1, 1)?;
    let eve = new_year.pred_opt()?;
    let spring: Vec<NaiveDate> = match year {
        ..=2013 => run(eve, 3).collect(),
        2014..=2024 => run(new_year, 3).collect(),
        _ => run(eve, 4).collect(),
    };
    let labour: Vec<NaiveDate> = if year >= 2025 {
        vec![ymd(5, 1)?, ymd(5, 2)?]
    } else {
        vec![ymd(5, 1)?]
    };
    let mut out = vec![
        ("元旦", vec![ymd(1, 1)?]),
        ("春节", spring),
        ("清明节", vec![qingming(year)?]),
        ("劳动节", labour),
        ("端午节", vec![lunar(year, 5, 5)?]),
        ("中秋节", vec![lunar(year, 8, 15)?]),
        ("国庆节", vec![ymd(10, 1)?, ymd(10, 2)?, ymd(10, 3)?]),
    ];
    out.sort_by_key(|(_, days)| days.first().copied());
    Some(out)
}

/// The statutory days off of `year` with their 补假 (第六条). Empty outside the years the lunar
/// library handles.
fn compute(year: i32) -> YearHolidays {
    let mut out = YearHolidays::new();
    if !YEARS.contains(&year) {
        return out;
    }
    let Some(festivals) = festivals(year) else {
        return out;
    };
    for (name, days) in &festivals {
        for d in days {
            out.insert(*d, name);
        }
    }
    for (name, days) in &festivals {
        let owed = days.iter().filter(|d| is_weekend(**d)).count();
        let Some(last) = days.last() else { continue };
        let mut day = *last;
        let mut made_up = 0;
        while made_up < owed {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if !is_weekend(day) && !out.contains_key(&day) {
                out.insert(day, name);
                made_up += 1;
            }
        }
    }
    out
}

static CACHE: LazyLock<Mutex<HashMap<i32, Arc<YearHolidays>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The statutory days off of `year` (computed once per process).
pub fn holidays(year: i32) -> Arc<YearHolidays> {
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .entry(year)
        .or_insert_with(|| Arc::new(compute(year)))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id_card::tests::d;

    fn off(year: i32) -> Vec<(NaiveDate, &'static str)> {
        holidays(year).iter().map(|(d, n)| (*d, *n)).collect()
    }

    #[test]
    fn r13_3_statutory_2027_under_the_2024_revision() {
        let h = holidays(2027);
        // 元旦: Friday 1 January
        assert_eq!(h.get(&d(2027, 1, 1)), Some(&"元旦"));
        // 春节: 除夕 5 Feb (Fri) to 初三 8 Feb (Mon); 6 and 7 Feb fall on the weekend, made up on
        // 9 and 10 Feb
        for day in 5..=10 {
            if day == 6 || day == 7 {
                continue;
            }
            assert_eq!(h.get(&d(2027, 2, day)), Some(&"春节"), "{day} Feb");
        }
        assert_eq!(h.get(&d(2027, 2, 11)), None);
        // 清明 5 April (Mon), 劳动节 1–2 May (Sat, Sun) made up on 3 and 4 May
        assert_eq!(h.get(&d(2027, 4, 5)), Some(&"清明节"));
        assert_eq!(h.get(&d(2027, 5, 3)), Some(&"劳动节"));
        assert_eq!(h.get(&d(2027, 5, 4)), Some(&"劳动节"));
        assert_eq!(h.get(&d(2027, 5, 5)), None);
        // 端午 9 June, 中秋 15 September, 国庆 1–3 October (Fri–Sun) made up on 4 and 5 October
        assert_eq!(h.get(&d(2027, 6, 9)), Some(&"端午节"));
        assert_eq!(h.get(&d(2027, 9, 15)), Some(&"中秋节"));
        assert_eq!(h.get(&d(2027, 10, 4)), Some(&"国庆节"));
        assert_eq!(h.get(&d(2027, 10, 5)), Some(&"国庆节"));
        assert_eq!(h.get(&d(2027, 10, 6)), None);
    }

    #[test]
    fn r13_3_statutory_days_follow_the_version_in_force() {
        // 2024 (2013 revision): 春节 初一–初三 (10–12 Feb), not 除夕; 劳动节 one day
        let y2024 = off(2024);
        assert!(y2024.contains(&(d(2024, 2, 10), "春节")));
        assert!(!y2024.iter().any(|(day, _)| *day == d(2024, 2, 9)));
        assert!(!y2024.iter().any(|(day, _)| *day == d(2024, 5, 2)));
        // 2025 (2024 revision): 除夕 28 Jan, 劳动节 1–2 May
        let y2025 = off(2025);
        assert!(y2025.contains(&(d(2025, 1, 28), "春节")));
        assert!(y2025.contains(&(d(2025, 5, 2), "劳动节")));
        // 2012 (2008 revision): 除夕 22 Jan (a Sunday, made up on 25 Jan) to 初二 24 Jan
        let y2012 = off(2012);
        assert!(y2012.contains(&(d(2012, 1, 22), "春节")));
        assert!(y2012.contains(&(d(2012, 1, 25), "春节")));
        assert!(!y2012.iter().any(|(day, _)| *day == d(2012, 1, 26)));
    }

    #[test]
    fn r13_3_statutory_days_match_every_shipped_notice() {
        // Every statutory day of 2017–2026 is a day off in that year's State Council notice
        // (the notices add 调休 days, never remove a statutory one).
        let cal = crate::calendar::WorkCalendar::official();
        for year in 2017..=2026 {
            for (day, name) in holidays(year).iter() {
                assert!(
                    !cal.day_kind(*day).is_working(),
                    "{day} ({name}) is a working day in the {year} notice"
                );
            }
        }
    }

    #[test]
    fn outside_the_lunar_library_only_weekends() {
        assert!(holidays(2300).is_empty());
    }
}
