//! Dates as the tests write them (`YYYY-MM-DD`), counted from the backend's today
//! ([`crate::AppHandle::today`]) so that a test means the same on any day it runs.

/// `YYYY-MM-DD` `days` before `today` (negative: after), by Howard Hinnant's days-from-civil
/// algorithm, whose customary one-letter names are kept.
#[allow(clippy::many_single_char_names)]
pub fn days_before(today: &str, days: i64) -> String {
    let p: Vec<i64> = today
        .split('-')
        .map(|s| s.parse().expect("a date"))
        .collect();
    let (y, m, d) = (p[0] - i64::from(p[1] <= 2), p[1], p[2]);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let z = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - days;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `TODAY`, `TODAY-30`, `TODAY+5` as a date; any other token as it is.
pub fn resolve_date(today: &str, token: &str) -> String {
    match token.strip_prefix("TODAY") {
        Some("") => today.to_owned(),
        Some(rest) => days_before(today, -rest.parse::<i64>().expect("TODAY±n")),
        None => token.to_owned(),
    }
}

/// The school year a deferral is for now: the next one that has not started (1 September).
pub fn next_school_year(today: &str) -> i64 {
    let y: i64 = today[..4].parse().expect("year");
    let m: i64 = today[5..7].parse().expect("month");
    if m >= 9 { y + 1 } else { y }
}
