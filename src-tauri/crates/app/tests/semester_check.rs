//! The bureau's semester check (第四条, R4.1) and late recording (第十条, R10.1) on a real
//! SQLCipher store: the school records the county bureau's check of a term with its findings and
//! resolves them, apart from its own review (R29.1); a change written into the record more than
//! the profile's ten working days after it took effect is a finding on the dashboard.

mod common;
mod common_changes;

use common::d;
use common_changes::World;
use xueji_app::batches::{BureauCheckInput, BureauResolveInput};
use xueji_app::changes::ChangeRequest;
use xueji_domain::SchoolYear;
use xueji_domain::school::{Semester, Term};

fn term() -> Term {
    Term {
        year: SchoolYear(2026),
        semester: Semester::First,
        start: d(2026, 9, 1),
        end: d(2027, 1, 22),
    }
}

fn input(findings: &[&str]) -> BureauCheckInput {
    BureauCheckInput {
        school_year: 2026,
        semester: Semester::First,
        checked_on: d(2026, 11, 20),
        checked_by: "西湖区教育局 学籍科".to_owned(),
        reference: Some("西教基〔2026〕88号".to_owned()),
        findings: findings.iter().map(|f| (*f).to_owned()).collect(),
    }
}

/// 第四条: 县级教育行政部门 … 每学期核查一次学生学籍信息变动情况 — the school records the
/// bureau's check (date, who, findings), once a term, and resolves each finding; audited.
#[tokio::test]
async fn r4_1_the_bureau_semester_check_is_recorded_once_a_term_and_its_findings_resolved() {
    let w = World::new(d(2026, 12, 3)).await;
    let app = &w.t.app;
    let no_term = app
        .bureau_check_record(&w.t.admin, &input(&[]))
        .await
        .expect_err("no term set");
    assert_eq!(no_term.fields[0].field, "semester");
    app.terms_set(&w.t.admin, &[term()]).await.expect("terms");
    let audit_before = w.t.count("audit_log").await;
    let nobody = BureauCheckInput {
        checked_by: " ".to_owned(),
        ..input(&[])
    };
    let err = app
        .bureau_check_record(&w.t.admin, &nobody)
        .await
        .expect_err("who checked");
    assert_eq!(err.rule_id(), Some("R4.1"), "{err}");
    let future = BureauCheckInput {
        checked_on: d(2026, 12, 4),
        ..input(&[])
    };
    assert_eq!(
        app.bureau_check_record(&w.t.admin, &future)
            .await
            .expect_err("future")
            .rule_id(),
        Some("R4.1")
    );
    assert_eq!(w.t.count("bureau_check").await, 0);

    let check = app
        .bureau_check_record(
            &w.t.admin,
            &input(&["2名转出学生档案未及时转接", "", "休学材料缺县级医院证明"]),
        )
        .await
        .expect("recorded");
    assert_eq!(check.term_label, "2026—2027学年第一学期");
    assert_eq!(check.findings.len(), 2);
    assert_eq!(check.open, 2);
    assert_eq!(check.rule, "R4.1");
    assert_eq!(w.t.count("audit_log").await, audit_before + 1);
    // once a term
    let again = app
        .bureau_check_record(&w.t.admin, &input(&[]))
        .await
        .expect_err("twice");
    assert!(again.message.contains("每学期核查一次"), "{again}");
    // a read-only role may see it, not record a resolution
    assert_eq!(app.bureau_checks(&w.reader).await.expect("list").len(), 1);
    let resolve = |index, note: &str| BureauResolveInput {
        check_id: check.id,
        index,
        on: d(2026, 12, 2),
        note: note.to_owned(),
    };
    assert!(
        app.bureau_check_resolve(&w.reader, &resolve(0, "已转接"))
            .await
            .is_err()
    );
    let no_note = app
        .bureau_check_resolve(&w.t.admin, &resolve(0, " "))
        .await
        .expect_err("a note");
    assert_eq!(no_note.rule_id(), Some("R4.1"));
    let done = app
        .bureau_check_resolve(&w.t.admin, &resolve(0, "档案已于12月2日转接"))
        .await
        .expect("resolved");
    assert_eq!(done.open, 1);
    assert_eq!(done.findings[0].resolved_on, Some(d(2026, 12, 2)));
    assert_eq!(
        done.findings[0].resolution.as_deref(),
        Some("档案已于12月2日转接")
    );
    assert!(done.findings[0].resolved_by.is_some());
    assert_eq!(done.findings[1].resolved_on, None);
    let twice = app
        .bureau_check_resolve(&w.t.admin, &resolve(0, "再次"))
        .await
        .expect_err("once");
    assert_eq!(twice.rule_id(), Some("R4.1"));
    // stored and read back; the school's own review (R29.1) is untouched
    let listed = app.bureau_checks(&w.t.admin).await.expect("list");
    assert_eq!(listed, vec![done]);
    assert_eq!(w.t.count("semester_review").await, 0);
}

/// 第十条: 学生学籍信息发生变化 … 学校应及时维护学籍系统中的有关信息 — a change written more
/// than ten working days (the profile's limit, on the school's calendar) after it took effect is
/// an R32.3 finding with basis R10.1, naming the student as the other findings do; one written in
/// time is not.
#[tokio::test]
async fn r10_1_a_change_recorded_later_than_the_limit_is_a_dashboard_finding() {
    let w = World::new(d(2026, 10, 9)).await;
    let late = w.pupil("钱迟", d(2012, 2, 2), 51, 8).await;
    let prompt = w.pupil("孙及", d(2012, 3, 3), 52, 8).await;
    w.t.clock.set_date(d(2026, 12, 3));
    // dropped out on 2026-11-02, written on 2026-12-03: due 2026-11-16, 13 working days late
    w.submit(
        Some(late),
        ChangeRequest::Dropout { migrant: false },
        d(2026, 11, 2),
        &[],
    )
    .await
    .expect("dropout");
    // dropped out on 2026-11-30, written on 2026-12-03: in time
    w.submit(
        Some(prompt),
        ChangeRequest::Dropout { migrant: false },
        d(2026, 11, 30),
        &[],
    )
    .await
    .expect("dropout");
    let dash = w.t.app.dashboard(&w.t.admin).await.expect("dashboard");
    let r10: Vec<_> = dash
        .findings
        .iter()
        .filter(|f| f.basis == "R10.1")
        .collect();
    assert_eq!(r10.len(), 1, "{:?}", dash.findings);
    let f = r10[0];
    assert_eq!(f.rule, "R32.3");
    assert_eq!(f.student_id, Some(late));
    assert_eq!(f.due, Some(d(2026, 11, 16)));
    assert_eq!(f.overdue_working_days, Some(13));
    assert_eq!(f.severity, "breach");
    assert!(f.message.starts_with("钱迟："), "{}", f.message);
    assert!(f.message.contains("辍学"), "{}", f.message);
    assert!(!f.message.contains("2012"), "no birth date or ID number");
}
