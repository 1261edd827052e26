use super::*;
use crate::id_card::tests::d;
use proptest::prelude::*;

fn cal() -> WorkCalendar {
    WorkCalendar::official()
}

fn holiday(c: &WorkCalendar, date: NaiveDate) -> bool {
    matches!(c.day_kind(date), DayKind::Holiday { .. })
}

fn makeup(c: &WorkCalendar, date: NaiveDate) -> bool {
    matches!(c.day_kind(date), DayKind::MakeupWorkday { .. })
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
    assert!(c.is_working_day(d(2017, 10, 9)));
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
    assert!(!c.is_working_day(d(2020, 2, 1)));
    assert!(c.is_working_day(d(2020, 2, 3)));
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
    assert!(c.is_working_day(d(2024, 2, 9)));
    assert!(makeup(&c, d(2024, 10, 12)) && holiday(&c, d(2024, 10, 7)));
}

#[test]
fn r13_3_year_2025() {
    let c = cal();
    assert!(holiday(&c, d(2025, 1, 28)) && holiday(&c, d(2025, 2, 4)));
    assert!(makeup(&c, d(2025, 1, 26)) && makeup(&c, d(2025, 2, 8)));
    assert!(holiday(&c, d(2025, 10, 8)), "8 Oct 2025 is a holiday");
    assert!(makeup(&c, d(2025, 10, 11)) && makeup(&c, d(2025, 4, 27)));
    assert!(c.is_working_day(d(2025, 1, 2)));
}

#[test]
fn r13_3_year_2026() {
    let c = cal();
    // Spring Festival: 15–23 February, nine days; 14 and 28 February worked
    assert!(holiday(&c, d(2026, 2, 15)) && holiday(&c, d(2026, 2, 23)));
    assert!(makeup(&c, d(2026, 2, 14)) && makeup(&c, d(2026, 2, 28)));
    assert!(c.is_working_day(d(2026, 2, 24)));
    assert!(makeup(&c, d(2026, 1, 4)) && makeup(&c, d(2026, 9, 20)));
    assert!(holiday(&c, d(2026, 9, 25)) && makeup(&c, d(2026, 10, 10)));
}

#[test]
fn r13_3_counting_past_the_last_loaded_year_is_provisional_never_refused() {
    let c = cal();
    // Mon 28 Dec 2026 + 10 working days: 29–31 Dec, 1 Jan 2027 is 元旦 (statutory), 4–8 Jan,
    // 11 and 12 Jan
    let due = Counting::working_days(d(2026, 12, 28), 10)
        .due(&c)
        .expect("counts");
    assert_eq!(due.date, d(2027, 1, 12));
    assert_eq!(due.provisional.map(|p| p.years), Some(vec![2027]));
    assert_eq!(
        c.day_kind(d(2027, 1, 1)),
        DayKind::Holiday {
            festival: "元旦".into()
        }
    );
    // Before the shipped notices too: 2016 is counted with weekends and statutory days
    assert!(c.is_working_day(d(2016, 6, 1)));
    assert!(!c.is_working_day(d(2016, 10, 3)), "国庆节 2016");
    assert_eq!(
        c.provisional(d(2016, 6, 1), d(2016, 6, 1)).map(|p| p.years),
        Some(vec![2016])
    );
    // A date inside the loaded years is final, except in the last days of December, which
    // the next year's notice may still rearrange (as the 2019 notice did to 2018-12-29/31)
    assert_eq!(c.provisional(d(2026, 12, 1), d(2026, 12, 18)), None);
    assert_eq!(
        c.provisional(d(2026, 12, 1), d(2026, 12, 28))
            .map(|p| p.years),
        Some(vec![2027])
    );
    assert_eq!(c.provisional(d(2025, 12, 1), d(2025, 12, 30)), None);
    assert!(WorkCalendar::empty().is_working_day(d(2024, 6, 3)));
    assert!(
        WorkCalendar::empty()
            .provisional(d(2024, 6, 3), d(2024, 6, 3))
            .is_some()
    );
}

#[test]
fn r13_3_today_every_deadline_of_the_law_counts_into_2027() {
    // 2026-12-02 with only the shipped notices: nothing refuses
    let c = cal();
    let today = d(2026, 12, 2);
    for counting in [
        Counting::months(today, 1),                  // R8.1 archive
        Counting::months(today, 12),                 // R14.3 leave
        Counting::working_days(today, 10),           // R13.3, R19.1
        Counting::working_days(d(2026, 12, 25), 10), // R18.1 from Christmas
    ] {
        let due = counting.due(&c).expect("counts");
        assert!(due.date > today);
    }
    let archive = Counting::months(today, 1).due(&c).expect("counts");
    assert_eq!(archive.date, d(2027, 1, 4), "2 Jan 2027 is a Saturday");
    assert!(archive.provisional.is_some());
    let step = Counting::working_days(today, 10).due(&c).expect("counts");
    assert_eq!(step.date, d(2026, 12, 16));
    assert_eq!(step.provisional, None);
}

#[test]
fn r13_3_a_school_notice_ends_the_provisional_count_and_can_be_removed() {
    // Next year's notice as the school would load it: here 2026's real entries moved to a
    // year the shipped data lacks, only to show what loading and removing do.
    let notice = Notice {
        year: 2027,
        title: "国务院办公厅关于2027年部分节假日安排的通知".into(),
        origin: NoticeOrigin::School,
        entries: vec![NoticeEntry {
            date: d(2027, 1, 1),
            kind: NoticeDayKind::Holiday,
            festival: "元旦".into(),
        }],
        adjustments: Vec::new(),
    };
    let loaded = cal().with_school_notices(vec![notice]).expect("valid");
    assert_eq!(loaded.last_year(), Some(2027));
    assert_eq!(loaded.provisional(d(2027, 3, 1), d(2027, 3, 5)), None);
    let removed = loaded.with_school_notices(Vec::new()).expect("valid");
    assert_eq!(removed.last_year(), Some(2026));
    assert!(removed.provisional(d(2027, 3, 1), d(2027, 3, 5)).is_some());
}

#[test]
fn r13_3_the_school_replaces_a_shipped_year_and_adjusts_a_day() {
    let mut notice = cal()
        .shipped_notices()
        .iter()
        .find(|n| n.year == 2026)
        .cloned()
        .expect("2026 shipped");
    notice.adjustments.push(DayAdjustment {
        date: d(2026, 12, 31),
        kind: Some(NoticeDayKind::Holiday),
        reason: "县教育局转发的更正通知".into(),
    });
    notice.adjustments.push(DayAdjustment {
        date: d(2026, 1, 4),
        kind: None,
        reason: "核对原文".into(),
    });
    let c = cal()
        .with_school_notices(vec![notice.clone()])
        .expect("valid");
    assert!(!c.is_working_day(d(2026, 12, 31)));
    assert_eq!(c.day_kind(d(2026, 1, 4)), DayKind::Weekend);
    assert_eq!(c.notices().iter().filter(|n| n.year == 2026).count(), 1);
    // an adjustment needs its reason; a weekday cannot be a make-up workday
    let mut no_reason = notice.clone();
    no_reason.adjustments[0].reason = " ".into();
    assert!(cal().with_school_notices(vec![no_reason]).is_err());
    let mut weekday = notice;
    weekday.adjustments.push(DayAdjustment {
        date: d(2026, 12, 30),
        kind: Some(NoticeDayKind::MakeupWorkday),
        reason: "x".into(),
    });
    assert!(cal().with_school_notices(vec![weekday]).is_err());
}

#[test]
fn r13_3_the_school_adds_a_notice_in_the_data_format() {
    let mut c = cal();
    let n = c
        .load_notices(
            "notice 2027 国务院办公厅关于2027年部分节假日安排的通知\n\
                 2027-01-01..2027-01-03 holiday 元旦\n",
        )
        .expect("loads");
    assert_eq!(n, 3);
    assert_eq!(c.last_year(), Some(2027));
    assert!(!c.is_working_day(d(2027, 1, 1)));
    assert_eq!(c.provisional(d(2026, 12, 28), d(2027, 1, 11)), None);
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
        assert!(c.is_working_day(e.date), "{}", e.date);
        // counting one working day from the previous working day lands on it
        let mut prev = e.date.pred_opt().unwrap_or(e.date);
        while !c.is_working_day(prev) {
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
            prop_assert!(matches!(kind, DayKind::Workday | DayKind::MakeupWorkday { .. }), "{end}: {kind:?}");
            prop_assert!(!holiday(&c, end));
            if is_weekend(end) {
                prop_assert!(makeup(&c, end));
            }
        }
    }
}
