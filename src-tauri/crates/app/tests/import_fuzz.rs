//! The importer never panics: random tiny workbooks and byte-mutated ones (issue 8, ≥10,000 cases).

mod common;
mod common_import;

use common_import::{C, HEADERS, valid, workbook};
use proptest::prelude::*;
use xueji_app::import::students::read_workbook;

fn today() -> chrono::NaiveDate {
    common::d(2025, 10, 8)
}

fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(HEADERS.to_vec()).prop_map(str::to_owned),
        "[ *（）a-z姓名身份证件号/]{0,6}",
    ]
}

fn cell() -> impl Strategy<Value = C> {
    prop_oneof![
        "[0-9Xx]{0,19}".prop_map(C::T),
        "[汉族农业户口是否三年级男女 -/]{0,8}".prop_map(C::T),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(C::N),
        (0.0..3e17f64).prop_map(C::N),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_workbooks_do_not_panic(
        headers in proptest::collection::vec(header(), 0..16),
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..16), 0..4),
    ) {
        let names: Vec<&str> = headers.iter().map(String::as_str).collect();
        let _ = read_workbook(&workbook(&names, &rows), today());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_workbooks_do_not_panic(
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<proptest::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        thread_local!(static BASE: Vec<u8> = valid(3));
        let mut bytes = BASE.with(Clone::clone);
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = read_workbook(&bytes, today());
    }
}
