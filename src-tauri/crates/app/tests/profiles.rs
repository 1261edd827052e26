//! The rule profile in force (issue 17 item 15): changing it is the school approver's step with a
//! reason, audited; the registrar's settings form cannot change it; and once the national profile
//! is in force a refusal cites the national law, never the Zhejiang text as if it were that law.
//! Its own test binary: the law in force is process-wide (one open database per process).

mod common;
mod common_hardship;

use common::{d, newcomer};
use common_hardship::audit_rows;
use xueji_app::package::MigrantListInput;
use xueji_app::rule_profile::RuleProfileChangeInput;
use xueji_app::{ErrorKind, Role};

fn change(profile: &str, reason: &str) -> RuleProfileChangeInput {
    RuleProfileChangeInput {
        profile: profile.to_owned(),
        reason: reason.to_owned(),
    }
}

/// 第八条 (R8.1) gives one month to create the archive; the national rules of 2025 give two. Which
/// applies is the school's decision, taken by its approver and recorded with the reason.
#[tokio::test]
async fn r8_1_the_rule_profile_is_the_approvers_step_with_a_reason_and_refusals_cite_its_law() {
    let t = common_hardship::app(d(2026, 12, 4)).await;
    let approver = t.user("shenhe", Role::Approver).await;
    let sid = t
        .app
        .student_enrol(
            &t.admin,
            &newcomer("冯本地", d(2019, 5, 5), 51, d(2026, 9, 1)),
        )
        .await
        .expect("enrol")
        .student
        .id;
    // A real refusal (this pupil is no migrant dropout), cited under the law in force.
    let refusal = || async {
        t.app
            .migrant_handover_list(
                &t.admin,
                &MigrantListInput {
                    student_ids: vec![sid],
                    receiver: "某县教育局".to_owned(),
                },
            )
            .await
            .expect_err("not a migrant dropout")
    };
    let zhejiang = refusal().await.citation().expect("cited");
    assert_eq!(zhejiang.article.as_deref(), Some("第十八条"));
    assert!(
        zhejiang
            .text
            .starts_with("《浙江省义务教育阶段学生学籍管理办法》第十八条")
    );

    // The registrar's settings form cannot change it, nor can the registrar take the step.
    let mut school = t.app.config().school_profile.clone();
    school.rule_profile = "national-2025".to_owned();
    let err = t
        .app
        .school_update(&t.admin, &school)
        .await
        .expect_err("not through the settings form");
    assert_eq!(err.kind, ErrorKind::Forbidden, "{err}");
    let err = t
        .app
        .rule_profile_change(&t.admin, &change("national-2025", "县教育局通知"))
        .await
        .expect_err("the approver's step");
    assert_eq!(err.kind, ErrorKind::Forbidden, "{err}");
    let err = t
        .app
        .rule_profile_change(&approver, &change("national-2025", "  "))
        .await
        .expect_err("a reason is needed");
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(t.app.config().profile.archive_deadline_months, 1);

    let reason = "西湖区教育局2026年11月通知：自2027年起执行修订后的全国学籍管理办法";
    let school = t
        .app
        .rule_profile_change(&approver, &change("national-2025", reason))
        .await
        .expect("changed");
    assert_eq!(school.rule_profile, "national-2025");
    assert_eq!(t.app.config().profile.archive_deadline_months, 2);
    let rows = audit_rows(&t, "rule_profile_change").await;
    assert_eq!(
        rows,
        vec![(
            "shenhe".to_owned(),
            format!("from:zhejiang-2017 to:national-2025 reason:{reason}")
        )]
    );

    // The same refusal now names the national law and does not quote Zhejiang's article.
    let national = refusal().await.citation().expect("cited");
    assert_eq!(national.rule_id, "R18.2");
    assert_eq!(national.article, None);
    assert!(
        national.text.contains("《中小学生学籍管理办法》"),
        "{}",
        national.text
    );
    assert!(!national.text.contains("浙江省"), "{}", national.text);
    // The province's certificate stays in the profile: a Zhejiang school still issues it.
    assert_eq!(
        t.app.config().profile.certificate_title,
        "浙江省义务教育证书"
    );

    // Back, by the approver again, and the citation follows.
    t.app
        .rule_profile_change(&approver, &change("zhejiang-2017", "通知撤回"))
        .await
        .expect("changed back");
    let again = refusal().await.citation().expect("cited");
    assert_eq!(again.article.as_deref(), Some("第十八条"));
}
