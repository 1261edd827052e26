//! Document-specific behaviour beyond the shared sample checks.

mod common;

use xueji_print::documents::approval::ApprovalKind;
use xueji_print::{render, samples};

#[test]
fn r23_3_a_graduate_card_leaves_purged_sanctions_out() {
    let current = samples::record_card(false).expect("sample");
    let graduated = samples::record_card(true).expect("sample");
    let before = common::squash(&common::text(
        "card-current",
        &render(&current).expect("pdf"),
    ));
    let after = common::squash(&common::text(
        "card-graduated",
        &render(&graduated).expect("pdf"),
    ));
    assert!(before.contains("严重警告处分") && before.contains("西文学处〔2023〕2号"));
    assert!(!after.contains("处分"), "purged sanctions printed: {after}");
    assert!(after.contains("准予毕业"));
}

#[test]
fn the_roster_repeats_its_heading_and_column_headers_on_every_page() {
    let roster = samples::roster().expect("sample");
    let text = common::text("roster-pages", &render(&roster).expect("pdf"));
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let page = common::squash(page);
        assert!(
            page.contains("序号学籍号姓名"),
            "page {} lacks the header row",
            i + 1
        );
        assert!(
            page.contains("学生花名册"),
            "page {} lacks the heading",
            i + 1
        );
        assert!(
            page.contains(&format!("第{}页共{total}页", i + 1)),
            "page {} number",
            i + 1
        );
    }
}

#[test]
fn r13_1_the_transfer_form_has_four_approving_parties_and_others_two() {
    for kind in ApprovalKind::ALL {
        let form = samples::approval(kind).expect("sample");
        let text = common::squash(&common::text(
            &format!("{kind:?}"),
            &render(&form).expect("pdf"),
        ));
        let seals = text.matches("（盖章）").count();
        let expected = match kind {
            ApprovalKind::Transfer => 4,
            // 第十六条: the school alone registers a pupil going abroad.
            ApprovalKind::Abroad => 1,
            _ => 2,
        };
        assert_eq!(seals, expected, "{kind:?}: {text}");
        assert!(text.contains(kind.title()), "{kind:?}");
    }
    let transfer = common::squash(&common::text(
        "transfer-parties",
        &render(&samples::approval(ApprovalKind::Transfer).expect("sample")).expect("pdf"),
    ));
    for party in [
        "转入学校意见",
        "转出学校意见",
        "转出学校主管教育行政部门意见",
        "转入学校主管教育行政部门意见",
    ] {
        assert!(transfer.contains(party), "{party}");
    }
}

#[test]
fn r11_2_the_key_field_form_has_a_block_for_the_national_recheck_after_the_bureaus() {
    // 第十一条: after the bureau's approval the national duplicate check and identity comparison
    // are run again; their result has its own block, signed by the registrar who records it.
    let form = samples::approval(ApprovalKind::KeyDataChange).expect("sample");
    let text = common::text("key-field", &render(&form).expect("pdf"));
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert_eq!(pages, 1, "the three blocks keep to one page");
    let text = common::squash(&text);
    let at = |label: &str| {
        text.find(label)
            .unwrap_or_else(|| panic!("{label}: {text}"))
    };
    assert!(at("学校核实意见") < at("主管教育行政部门核准意见"));
    assert!(at("主管教育行政部门核准意见") < at("全国查重和身份比对结果"));
    assert!(at("全国查重和身份比对结果") < at("学籍管理员签字"));
    assert_eq!(
        text.matches("（盖章）").count(),
        2,
        "the school and the bureau seal; a check's result is signed only: {text}"
    );
}

#[test]
fn the_hardship_form_ticks_the_groups_and_the_level() {
    let form = samples::hardship().expect("sample");
    let text = common::squash(&common::text("hardship", &render(&form).expect("pdf")));
    assert!(
        text.contains("■残疾学生或残疾人子女") && text.contains("□孤儿"),
        "{text}"
    );
    assert!(
        text.contains("■困难") && text.contains("□特别困难"),
        "{text}"
    );
    assert!(text.contains("本人承诺"));
}
