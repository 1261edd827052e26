//! R13.3, R32: the provisional calendar against the real notices. Each year 2017–2026 is counted
//! as if its notice were not loaded; every deadline the law counts (working days, months) from
//! every start date that reaches into that year is compared with the real count:
//! - a provisional due date is never later than the real one by more than
//!   [`EARLY_MARGIN_DAYS`];
//! - the real due date is never later than the provisional one by more than
//!   [`LATE_MARGIN_DAYS`], so a breach raised only once that margin has passed
//!   ([`Due::surely_passed`]) is one the real notice would raise too.

use chrono::{Days, NaiveDate};
use xueji_domain::WorkCalendar;
use xueji_domain::calendar::OFFICIAL_NOTICES;
use xueji_domain::calendar::{
    Counting, Due, EARLY_MARGIN_DAYS, LATE_MARGIN_DAYS, NoticeOrigin, parse_data_file,
};

fn without(year: i32) -> WorkCalendar {
    let notices = parse_data_file(OFFICIAL_NOTICES, NoticeOrigin::Shipped)
        .expect("shipped")
        .into_iter()
        .filter(|n| n.year != year)
        .collect();
    WorkCalendar::empty()
        .with_school_notices(notices)
        .expect("valid")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

#[test]
fn r13_3_provisional_due_dates_stay_within_the_documented_margins() {
    let real = WorkCalendar::official();
    let spans: [fn(NaiveDate) -> Counting; 9] = [
        |s| Counting::working_days(s, 1),
        |s| Counting::working_days(s, 3),
        |s| Counting::working_days(s, 5),
        |s| Counting::working_days(s, 10),
        |s| Counting::working_days(s, 15),
        |s| Counting::working_days(s, 20),
        |s| Counting::months(s, 1),
        |s| Counting::months(s, 2),
        |s| Counting::months(s, 12),
    ];
    let (mut most_late, mut most_early) = (0i64, 0i64);
    let (mut worst_late, mut worst_early) = (String::new(), String::new());
    let mut compared = 0u32;
    for year in 2017..=2026 {
        let pretend = without(year);
        // every start from two months before the year to its end
        let mut start = d(year - 1, 11, 1);
        while start <= d(year, 12, 31) {
            for span in &spans {
                let counting = span(start);
                let guess = counting.due(&pretend).expect("counts");
                let truth = counting.due(&real).expect("counts");
                // only where the count needed the missing year and the real one is final
                if guess.provisional.is_none() || truth.provisional.is_some() {
                    continue;
                }
                compared += 1;
                let late = (truth.date - guess.date).num_days();
                if late > most_late {
                    most_late = late;
                    worst_late = format!("{counting:?} → {} (real {})", guess.date, truth.date);
                }
                if -late > most_early {
                    most_early = -late;
                    worst_early = format!("{counting:?} → {} (real {})", guess.date, truth.date);
                }
                assert!(
                    late <= i64::try_from(LATE_MARGIN_DAYS).unwrap_or(i64::MAX),
                    "{counting:?} without {year}: provisional {} real {}",
                    guess.date,
                    truth.date
                );
                assert!(
                    -late <= i64::try_from(EARLY_MARGIN_DAYS).unwrap_or(i64::MAX),
                    "{counting:?} without {year}: provisional {} real {}",
                    guess.date,
                    truth.date
                );
                // a breach is raised only when the real notice would raise it too
                let first_sure = guess
                    .date
                    .checked_add_days(Days::new(LATE_MARGIN_DAYS + 1))
                    .expect("date");
                assert!(guess.surely_passed(first_sure));
                assert!(first_sure > truth.date);
                let real_due = Due::fixed(truth.date);
                for offset in 1..=LATE_MARGIN_DAYS + 1 {
                    let today = guess.date + Days::new(offset);
                    if guess.surely_passed(today) {
                        assert!(real_due.surely_passed(today), "{counting:?} on {today}");
                    }
                }
            }
            start = start.succ_opt().expect("date");
        }
    }
    println!(
        "compared {compared} provisional due dates: real at most {most_late} days later \
         ({worst_late}), provisional at most {most_early} days later ({worst_early})"
    );
    assert!(compared > 10_000, "the comparison covered the years");
}
