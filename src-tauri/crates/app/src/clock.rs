//! Time, injectable: the desktop and the CLI use the system clock; tests move a manual clock to
//! cross deadlines (leave expiry, overdue transfer steps, sanction periods, lockouts).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

/// China Standard Time: school dates are dates in Beijing time, wherever the computer's zone is.
fn cst() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("utc"))
}

/// `now` as Beijing time, for stamps printed on documents and files.
pub fn beijing(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    now.with_timezone(&cst())
}

/// A source of the current time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in China Standard Time.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&cst()).date_naive()
    }

    /// The time idleness is measured by (the idle lock, R30.3): the clock itself, but for a test
    /// clock whose calendar date is moved (a jump of days is not someone walking away).
    fn idle_now(&self) -> DateTime<Utc> {
        self.now()
    }
}

/// The computer's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that moves only when told (tests): the time, and the time idleness is measured by.
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<Mutex<(DateTime<Utc>, DateTime<Utc>)>>);

impl ManualClock {
    /// Starts at 09:00 Beijing time on `date`.
    pub fn at(date: NaiveDate) -> Self {
        let nine = date.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc();
        Self(Arc::new(Mutex::new((nine, nine))))
    }

    /// Moves to 09:00 Beijing time on `date`: the calendar moves, no one has been idle.
    pub fn set_date(&self, date: NaiveDate) {
        self.lock().0 = date.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc();
    }

    /// Time passes: the clock and the idle time both move.
    pub fn advance(&self, by: Duration) {
        let mut t = self.lock();
        t.0 += by;
        t.1 += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (DateTime<Utc>, DateTime<Utc>)> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.lock().0
    }

    fn idle_now(&self) -> DateTime<Utc> {
        self.lock().1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_date_in_beijing() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let clock = ManualClock::at(d);
        assert_eq!(clock.today(), d);
        // 23:30 UTC on 1 March is 07:30 on 2 March in Beijing.
        clock.advance(Duration::hours(22) + Duration::minutes(30));
        assert_eq!(clock.today(), d.succ_opt().unwrap());
    }
}
