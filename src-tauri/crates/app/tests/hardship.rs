//! Hardship assessment and aid (archive section R8.2(6)) on a real SQLCipher database.

// A scenario test reads as one script; splitting it to fit a line count would scatter it.
#![allow(clippy::too_many_lines)]

mod common;
mod common_hardship;

use common::{TestApp, d, newcomer, pdf_text};
use common_hardship::{apply_input, audit_rows};
use xueji_app::hardship::{
    AidGrantInput, ClassAssessInput, HardshipDecideInput, HardshipFilter, HardshipLevel,
    ObjectInput, ObjectionDecideInput,
};
use xueji_app::{ErrorKind, Role, Session};

/// 2025-09-10 is a Wednesday; a 5-working-day notice from it ends Tuesday 2025-09-16.
const NOTICE_END: (i32, u32, u32) = (2025, 9, 16);

async fn enrolled(t: &TestApp, name: &str, seq: u16) -> i64 {
    t.app
        .student_enrol(&t.admin, &newcomer(name, d(2019, 3, 1), seq, d(2025, 9, 1)))
        .await
        .expect("enrol")
        .student
        .id
}

/// Applied and assessed by the class; returns the application's id.
async fn assessed(t: &TestApp, student_id: i64) -> i64 {
    let v = t
        .app
        .hardship_apply(&t.admin, &apply_input(student_id))
        .await
        .expect("apply");
    t.app
        .hardship_class_assess(
            &t.admin,
            v.id,
            &ClassAssessInput {
                result: HardshipLevel::Special,
                note: "经班级认定小组评议，情况属实".to_owned(),
                assessed_on: None,
            },
        )
        .await
        .expect("class assessment");
    v.id
}

async fn decide(t: &TestApp, approver: &Session, id: i64, level: HardshipLevel) {
    t.app
        .hardship_decide(
            approver,
            id,
            &HardshipDecideInput {
                level,
                note: None,
                decided_on: None,
                notice_from: None,
            },
        )
        .await
        .expect("decide");
}

fn grant(id: i64) -> AidGrantInput {
    AidGrantInput {
        application_id: id,
        semester: xueji_domain::school::Semester::First,
        kind: "生活补助".to_owned(),
        amount_fen: 125_000,
        granted_on: None,
        note: None,
    }
}

#[tokio::test]
async fn the_full_path_apply_class_decide_notice_effective_aid_and_archive_section_six() {
    let t = common_hardship::app(d(2025, 9, 10)).await;
    let approver = t.user("principal", Role::Approver).await;
    let sid = enrolled(&t, "张三", 1).await;
    let applied = t
        .app
        .hardship_apply(&t.admin, &apply_input(sid))
        .await
        .expect("apply");
    assert_eq!(applied.status.code, "applied");
    assert_eq!(applied.school_year, 2025);
    assert_eq!(
        applied.data.household_income_yuan, 30_000,
        "members added up"
    );
    let id = applied.id;
    let err = t
        .app
        .hardship_decide(
            &approver,
            id,
            &HardshipDecideInput {
                level: HardshipLevel::Special,
                note: None,
                decided_on: None,
                notice_from: None,
            },
        )
        .await
        .expect_err("the class assesses first");
    assert_eq!(err.kind, ErrorKind::Conflict);
    let id2 = assessed_existing(&t, id).await;
    assert_eq!(id2.status.code, "class_assessed");
    decide(&t, &approver, id, HardshipLevel::Special).await;
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "in_notice");
    assert_eq!(v.notice_from, Some(d(2025, 9, 10)));
    let end = d(NOTICE_END.0, NOTICE_END.1, NOTICE_END.2);
    assert_eq!(v.notice_until, Some(end), "5 working days (WorkCalendar)");
    assert_eq!(v.level.as_ref().map(|l| l.label.as_str()), Some("特别困难"));

    // During the notice: no aid, nothing written.
    let aid_before = t.count("hardship_aid").await;
    let err = t
        .app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect_err("still in notice");
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert_eq!(t.count("hardship_aid").await, aid_before);

    // The last day of the notice: not yet effective.
    t.clock.set_date(end);
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "in_notice");
    assert!(!v.in_force);

    // The day after: effective, by the clock alone.
    t.clock.set_date(d(2025, 9, 17));
    let v = t.app.hardship_show(&approver, id).await.expect("show");
    assert_eq!(v.status.code, "effective");
    assert_eq!(v.effective_on, Some(d(2025, 9, 17)));
    assert!(v.in_force);
    assert_eq!(audit_rows(&t, "hardship_effective").await.len(), 1);

    let aid = t
        .app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect("aid");
    assert_eq!(aid.amount_yuan, "1250.00");
    assert_eq!(aid.semester_label, "2025—2026学年第一学期");
    let again = t
        .app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect_err("the same aid twice in a semester");
    assert_eq!(again.kind, ErrorKind::Conflict);

    let archive = t.app.student_archive(&t.admin, sid).await.expect("archive");
    let six = archive
        .sections
        .iter()
        .find(|s| s.code == xueji_domain::archive::ArchiveSection::FinancialAid)
        .expect("section 6");
    assert!(six.visible);
    assert_eq!(six.items.len(), 2, "{:?}", six.items);
    assert!(
        six.items[0].title.contains("特别困难"),
        "{}",
        six.items[0].title
    );
    assert_eq!(six.items[0].kind, "hardship_assessment");
    assert!(six.items[1].title.contains("生活补助1250.00元"));

    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.aid.len(), 1);
    let page = t
        .app
        .hardship_list(
            &t.admin,
            2025,
            &HardshipFilter {
                statuses: vec!["effective".to_owned()],
                page: 1,
                page_size: 20,
                ..HardshipFilter::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.rows[0].aid_total_fen, 125_000);
    assert_eq!(page.rows[0].student_name, "张三");

    // The printed form carries the real data and the level; printing is audited.
    let pdf = t.app.hardship_form(&t.admin, id).await.expect("form");
    let text = pdf_text("hardship-form", &pdf);
    assert!(text.contains("家庭经济困难学生认定申请表"), "{text}");
    assert!(text.contains("■特别困难"), "{text}");
    assert!(text.contains("张三"));
    assert!(text.contains("最低生活保障家庭"));
    assert!(text.contains("生活补助1250.00元"));
    let prints = audit_rows(&t, "print").await;
    assert_eq!(
        prints.last().map(|(_, target)| target.as_str()),
        Some(format!("hardship_form hardship:{id} student:{sid}").as_str())
    );
}

/// Records the class assessment on an existing application.
async fn assessed_existing(t: &TestApp, id: i64) -> xueji_app::hardship::HardshipView {
    t.app
        .hardship_class_assess(
            &t.admin,
            id,
            &ClassAssessInput {
                result: HardshipLevel::Special,
                note: "情况属实".to_owned(),
                assessed_on: None,
            },
        )
        .await
        .expect("class assessment")
}

#[tokio::test]
async fn an_objection_in_the_notice_holds_the_assessment_until_the_school_rules() {
    let t = common_hardship::app(d(2025, 9, 10)).await;
    let approver = t.user("principal", Role::Approver).await;
    let sid = enrolled(&t, "李四", 2).await;
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::Hardship).await;

    t.clock.set_date(d(2025, 9, 12));
    let v = t
        .app
        .hardship_object(
            &t.admin,
            id,
            &ObjectInput {
                raised_on: None,
                raised_by: "学生家长".to_owned(),
                content: "该生家庭近期购置新车，情况与申请不符".to_owned(),
            },
        )
        .await
        .expect("objection");
    assert_eq!(v.status.code, "objection_pending");
    assert_eq!(v.objections.len(), 1);

    // The notice ends with the objection pending: not effective, no aid.
    t.clock.set_date(d(2025, 9, 18));
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "objection_pending");
    assert_eq!(v.effective_on, None);
    let err = t
        .app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect_err("objection pending");
    assert_eq!(err.kind, ErrorKind::Conflict);
    // Outside the notice no new objection is taken.
    let err = t
        .app
        .hardship_object(
            &t.admin,
            id,
            &ObjectInput {
                raised_on: None,
                raised_by: String::new(),
                content: "迟到的异议".to_owned(),
            },
        )
        .await
        .expect_err("after the notice");
    assert_eq!(err.kind, ErrorKind::Validation);

    // The registrar may not rule; the approver dismisses it: effective that day.
    let ruling = ObjectionDecideInput {
        number: 1,
        sustained: false,
        note: "经核实，车辆为亲属借用，异议不成立".to_owned(),
    };
    let err = t
        .app
        .hardship_objection_decide(&t.admin, id, &ruling)
        .await
        .expect_err("registrar");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    let v = t
        .app
        .hardship_objection_decide(&approver, id, &ruling)
        .await
        .expect("dismissed");
    assert_eq!(v.status.code, "effective");
    assert_eq!(v.effective_on, Some(d(2025, 9, 18)));
    assert_eq!(v.objections[0].sustained, Some(false));
    t.app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect("aid once effective");
}

#[tokio::test]
async fn a_sustained_objection_voids_the_decision_and_a_new_notice_follows() {
    let t = common_hardship::app(d(2025, 9, 10)).await;
    let approver = t.user("principal", Role::Approver).await;
    let sid = enrolled(&t, "王五", 3).await;
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::Special).await;
    t.app
        .hardship_object(
            &t.admin,
            id,
            &ObjectInput {
                raised_on: None,
                raised_by: "匿名".to_owned(),
                content: "认定等级偏高".to_owned(),
            },
        )
        .await
        .expect("objection");
    let v = t
        .app
        .hardship_objection_decide(
            &approver,
            id,
            &ObjectionDecideInput {
                number: 1,
                sustained: true,
                note: "异议成立，重新认定".to_owned(),
            },
        )
        .await
        .expect("sustained");
    assert_eq!(v.status.code, "class_assessed");
    assert_eq!(v.level, None);
    assert_eq!(v.notice_until, None);
    // The old notice's end passes: nothing takes effect.
    t.clock.set_date(d(2025, 9, 17));
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "class_assessed");
    decide(&t, &approver, id, HardshipLevel::Ordinary).await;
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "in_notice");
    assert_eq!(v.notice_from, Some(d(2025, 9, 17)));
    assert_eq!(v.notice_until, Some(d(2025, 9, 23)));
}

#[tokio::test]
async fn aid_is_refused_unless_the_assessment_is_in_force_for_that_school_year() {
    let t = common_hardship::app(d(2025, 9, 10)).await;
    let approver = t.user("principal", Role::Approver).await;
    // Not recognised: no notice, no aid, nothing in section 6.
    let refused = enrolled(&t, "赵六", 4).await;
    let id = assessed(&t, refused).await;
    decide(&t, &approver, id, HardshipLevel::NotRecognised).await;
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "not_recognised");
    assert_eq!(v.notice_until, None);
    let err = t
        .app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect_err("not recognised");
    assert_eq!(err.kind, ErrorKind::Conflict);
    // Applied only: no aid.
    let sid = enrolled(&t, "钱七", 5).await;
    let applied = t
        .app
        .hardship_apply(&t.admin, &apply_input(sid))
        .await
        .expect("apply");
    let err = t
        .app
        .hardship_aid_grant(&t.admin, &grant(applied.id))
        .await
        .expect_err("only applied");
    assert_eq!(err.kind, ErrorKind::Conflict);
    // One application a year.
    let err = t
        .app
        .hardship_apply(&t.admin, &apply_input(sid))
        .await
        .expect_err("twice in a year");
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert_eq!(t.count("hardship_aid").await, 0);
    assert_eq!(t.count("archive_item").await, 0);

    // Effective for 2025—2026; in the next school year it has expired.
    let sid = enrolled(&t, "孙八", 6).await;
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::Hardship).await;
    t.clock.set_date(d(2026, 9, 2));
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "expired");
    assert!(!v.in_force);
    let err = t
        .app
        .hardship_aid_grant(&t.admin, &grant(id))
        .await
        .expect_err("another school year");
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(err.message.contains("重新申请"), "{}", err.message);
    // A grant dated inside the assessed year is still accepted.
    t.app
        .hardship_aid_grant(
            &t.admin,
            &AidGrantInput {
                semester: xueji_domain::school::Semester::Second,
                granted_on: Some(d(2026, 3, 2)),
                ..grant(id)
            },
        )
        .await
        .expect("dated in its year");
    // The yearly re-assessment: a new application for 2026—2027.
    let next = t
        .app
        .hardship_apply(&t.admin, &apply_input(sid))
        .await
        .expect("new year");
    assert_eq!(next.school_year, 2026);
    assert_eq!(next.status.code, "applied");
}

#[tokio::test]
async fn only_the_registrar_and_the_approver_see_hardship_and_every_view_is_audited() {
    let t = common_hardship::app(d(2025, 9, 10)).await;
    let approver = t.user("principal", Role::Approver).await;
    let moral = t.user("deyu", Role::MoralEducation).await;
    let reader = t.user("chaxun", Role::ReadOnly).await;
    let sid = enrolled(&t, "周九", 7).await;
    let id = assessed(&t, sid).await;

    // Entering data is the registrar's; deciding the approver's.
    let err = t
        .app
        .hardship_apply(&approver, &apply_input(sid))
        .await
        .expect_err("approver does not enter");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    let err = t
        .app
        .hardship_decide(
            &t.admin,
            id,
            &HardshipDecideInput {
                level: HardshipLevel::Special,
                note: None,
                decided_on: None,
                notice_from: None,
            },
        )
        .await
        .expect_err("registrar does not decide");
    assert_eq!(err.kind, ErrorKind::Forbidden);

    // 德育处 and read-only users may not see it; the refusal is audited and nothing is shown.
    let denied_before = audit_rows(&t, "denied").await.len();
    let views_before = audit_rows(&t, "view").await.len();
    for who in [&moral, &reader] {
        let err = t
            .app
            .hardship_show(who, id)
            .await
            .expect_err("no permission");
        assert_eq!(err.kind, ErrorKind::Forbidden);
        let err = t
            .app
            .hardship_list(who, 2025, &HardshipFilter::default())
            .await
            .expect_err("no permission");
        assert_eq!(err.kind, ErrorKind::Forbidden);
        let err = t
            .app
            .hardship_form(who, id)
            .await
            .expect_err("no permission");
        assert_eq!(err.kind, ErrorKind::Forbidden);
    }
    let denied = audit_rows(&t, "denied").await;
    assert_eq!(denied.len(), denied_before + 6);
    assert!(
        denied
            .iter()
            .skip(denied_before)
            .all(|(_, target)| target == "permission:view_hardship")
    );
    assert_eq!(audit_rows(&t, "view").await.len(), views_before);
    // Their archive view hides section 6.
    let archive = t.app.student_archive(&moral, sid).await.expect("archive");
    assert!(
        !archive
            .sections
            .iter()
            .find(|s| s.code == xueji_domain::archive::ArchiveSection::FinancialAid)
            .expect("section 6")
            .visible
    );

    // Every view by those allowed is audited with ids only.
    t.app.hardship_show(&t.admin, id).await.expect("show");
    t.app.hardship_show(&approver, id).await.expect("show");
    t.app
        .hardship_list(
            &approver,
            2025,
            &HardshipFilter {
                page: 1,
                page_size: 20,
                ..HardshipFilter::default()
            },
        )
        .await
        .expect("list");
    let views = audit_rows(&t, "view").await;
    let target = format!("hardship:{id} student:{sid}");
    let hardship_views: Vec<_> = views
        .iter()
        .filter(|(_, t)| t.starts_with("hardship"))
        .collect();
    assert_eq!(hardship_views.len(), 3, "{hardship_views:?}");
    assert_eq!(
        hardship_views[0],
        &(t.admin.username.clone(), target.clone())
    );
    assert_eq!(hardship_views[1], &("principal".to_owned(), target));
    assert!(hardship_views[2].1.contains(&format!("[{id}]")));
    for (_, target) in &views {
        assert!(!target.contains("周九"), "no names in the audit log");
    }
}

#[tokio::test]
async fn the_notice_length_comes_from_the_settings_and_skips_holidays() {
    // 2025-09-26 is a Friday; 2025-09-28 (Sunday) is a make-up working day; 1–8 October are
    // the National Day holidays.
    let t = common_hardship::app(d(2025, 9, 26)).await;
    let approver = t.user("principal", Role::Approver).await;
    t.app
        .hardship_notice_days_set(&t.admin, 3)
        .await
        .expect("setting");
    let sid = enrolled(&t, "吴十", 8).await;
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::Hardship).await;
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    // 26 (Fri), 28 (Sun, make-up), 29 (Mon).
    assert_eq!(v.notice_until, Some(d(2025, 9, 29)));
    let err = t
        .app
        .hardship_notice_days_set(&approver, 7)
        .await
        .expect_err("settings are the registrar's");
    assert_eq!(err.kind, ErrorKind::Forbidden);
}

#[tokio::test]
async fn the_clock_alone_makes_it_effective_the_dashboard_settles_it_into_section_six() {
    let t = common_hardship::app(d(2025, 9, 10)).await;
    let approver = t.user("principal", Role::Approver).await;
    let reader = t.user("chaxun", Role::ReadOnly).await;
    let sid = enrolled(&t, "郑十一", 9).await;
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::Ordinary).await;
    t.clock.set_date(d(2025, 9, 22));
    // Nobody opens the hardship pages; a read-only user opens the dashboard.
    t.app.dashboard(&reader).await.expect("dashboard");
    let archive = t.app.student_archive(&t.admin, sid).await.expect("archive");
    let six = archive
        .sections
        .iter()
        .find(|s| s.code == xueji_domain::archive::ArchiveSection::FinancialAid)
        .expect("section 6");
    assert_eq!(six.items.len(), 1);
    assert!(six.items[0].title.contains("一般困难"));
    assert_eq!(
        six.items[0].recorded_on,
        d(2025, 9, 17),
        "the day after the notice"
    );
    let effective = audit_rows(&t, "hardship_effective").await;
    assert_eq!(
        effective,
        vec![("system".to_owned(), format!("hardship:{id} student:{sid}"))],
        "the clock, not the reader, made it effective"
    );
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.status.code, "effective");
    assert_eq!(v.effective_on, Some(d(2025, 9, 17)));
}

/// The form a county's aid office files (archive section R8.2(6)): the student's ID number, the
/// household's size and income per head, and the checklist of factors of 教财〔2018〕16号; a family
/// the school does not recognise is printed 不认定, never as a level.
#[tokio::test]
async fn r8_2_the_hardship_form_states_the_id_household_size_per_capita_income_and_factors() {
    let today = d(2026, 12, 4);
    let t = common_hardship::app(today).await;
    let approver = t.user("principal", Role::Approver).await;
    let sid = t
        .app
        .student_enrol(
            &t.admin,
            &newcomer("王小明", d(2020, 3, 1), 7, d(2026, 9, 1)),
        )
        .await
        .expect("enrol")
        .student
        .id;

    // Size and factors are asked, not guessed.
    let mut no_size = apply_input(sid);
    no_size.household_size = 0;
    let err = t
        .app
        .hardship_apply(&t.admin, &no_size)
        .await
        .expect_err("no household size");
    assert_eq!(err.kind, ErrorKind::Validation);
    assert!(err.message.contains("家庭人口数"), "{}", err.message);
    let mut no_factor = apply_input(sid);
    no_factor.factors.clear();
    no_factor.groups.clear();
    let err = t
        .app
        .hardship_apply(&t.admin, &no_factor)
        .await
        .expect_err("no factor");
    assert!(err.message.contains("认定因素"), "{}", err.message);

    // 24 000 + 6 000 yuan for three people: 10 000 yuan a head. The 低保 group ticks its factor.
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::NotRecognised).await;
    let pdf = t.app.hardship_form(&t.admin, id).await.expect("form");
    let text: String = pdf_text("hardship-form-not-recognised", &pdf)
        .split_whitespace()
        .collect();
    let id_number = common::id_number(d(2020, 3, 1), 7);
    assert!(
        text.contains(&id_number),
        "the ID number is printed: {text}"
    );
    assert!(text.contains("家庭人口数3人"), "{text}");
    assert!(text.contains("家庭年收入30000元"), "{text}");
    assert!(text.contains("家庭人均年收入10000元"), "{text}");
    for ticked in ["■家庭经济因素", "■特殊群体因素", "■突发状况因素"] {
        assert!(text.contains(ticked), "{ticked}: {text}");
    }
    for open in ["□地域因素", "□学生消费因素", "□其他影响家庭经济状况的因素"]
    {
        assert!(text.contains(open), "{open}: {text}");
    }
    assert!(text.contains("■不认定"), "{text}");
    assert!(
        !text.contains("■困难") && !text.contains("不困难"),
        "{text}"
    );
}

/// A decision recorded on a rest day is published that day; its notice is counted from the next
/// working day. An objection raised in between is taken (it is not "too early"); one before the
/// decision is not. 2026-12-05 is a Saturday.
#[tokio::test]
async fn an_objection_on_the_rest_day_a_decision_was_published_is_taken() {
    let t = common_hardship::app(d(2026, 12, 5)).await;
    let approver = t.user("principal", Role::Approver).await;
    let sid = enrolled(&t, "周末", 9).await;
    let id = assessed(&t, sid).await;
    decide(&t, &approver, id, HardshipLevel::Hardship).await;
    let v = t.app.hardship_show(&t.admin, id).await.expect("show");
    assert_eq!(v.notice_from, Some(d(2026, 12, 7)), "counted from Monday");
    let objection = |raised_on| ObjectInput {
        raised_on,
        raised_by: "学生家长".to_owned(),
        content: "情况与申请不符".to_owned(),
    };
    let err = t
        .app
        .hardship_object(&t.admin, id, &objection(Some(d(2026, 12, 4))))
        .await
        .expect_err("before the decision");
    assert_eq!(err.fields[0].field, "raisedOn");
    let v = t
        .app
        .hardship_object(&t.admin, id, &objection(None))
        .await
        .expect("raised on the Saturday it was published");
    assert_eq!(v.status.code, "objection_pending");
}
