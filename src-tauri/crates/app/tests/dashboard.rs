//! The dashboard on a real SQLCipher database: to-dos with working days left, R32 findings,
//! leaves ending, counts by status and grade.

// A scenario test reads as one script; splitting it to fit a line count would scatter it.
#![allow(clippy::too_many_lines)]

mod common;
mod common_hardship;

use chrono::NaiveDate;
use common::{TestApp, d, newcomer, transfer_free};
use common_hardship::audit_rows;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use xueji_app::dashboard::DashboardInput;
use xueji_app::{ErrorKind, Role};
use xueji_domain::Status;
use xueji_store::entities::{application, deadline, sanction, student, student_event};

async fn enrol(t: &TestApp, name: &str, seq: u16, grade: u8) -> i64 {
    let input = if grade == 1 {
        newcomer(name, d(2019, 3, 1), seq, d(2025, 9, 1))
    } else {
        transfer_free(
            name,
            d(2019 - i32::from(grade), 3, 1),
            seq,
            grade,
            d(2025, 9, 1),
        )
    };
    t.app
        .student_enrol(&t.admin, &input)
        .await
        .expect("enrol")
        .student
        .id
}

async fn set_student(t: &TestApp, id: i64, edit: impl FnOnce(&mut student::ActiveModel)) {
    let m = student::Entity::find_by_id(id)
        .one(t.app.db())
        .await
        .expect("load")
        .expect("row");
    let mut am = m.into_active_model();
    edit(&mut am);
    am.update(t.app.db()).await.expect("update");
}

async fn add_deadline(
    t: &TestApp,
    student_id: i64,
    kind: &str,
    due: NaiveDate,
    rule: &str,
    label: &str,
) -> i64 {
    deadline::ActiveModel {
        student_id: Set(student_id),
        application_id: Set(None),
        kind: Set(xueji_domain::stored::parse(kind).unwrap()),
        due_on: Set(due),
        rule: Set(rule.to_owned()),
        label: Set(label.to_owned()),
        done_on: Set(None),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("deadline")
    .id
}

#[allow(clippy::too_many_arguments)]
async fn add_application(
    t: &TestApp,
    student_id: Option<i64>,
    kind: &str,
    waiting_on: &str,
    due: Option<NaiveDate>,
) -> i64 {
    application::ActiveModel {
        student_id: Set(student_id),
        change_kind: Set(xueji_domain::stored::parse(kind).unwrap()),
        state: Set(xueji_store::entities::application::ApplicationState::Open),
        opened_on: Set(d(2025, 9, 10)),
        closed_on: Set(None),
        data: Set("{}".to_owned()),
        current_step: Set(Some(1)),
        due_on: Set(due),
        waiting_on: Set(Some(xueji_domain::stored::parse(waiting_on).unwrap())),
        created_by: Set("registrar".to_owned()),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("application")
    .id
}

#[tokio::test]
async fn to_dos_are_sorted_by_due_date_with_working_days_left_and_turn_overdue_with_the_clock() {
    let t = common_hardship::app(d(2025, 9, 15)).await; // Monday
    let zhang = enrol(&t, "张三", 1, 1).await; // archive deadline (R8.1) from the enrolment
    let li = enrol(&t, "李四", 2, 3).await;
    let leave_app = add_application(&t, Some(li), "leave", "school", Some(d(2025, 9, 19))).await;
    // Waiting on the bureau: not this school's to-do.
    add_application(&t, Some(zhang), "defer", "bureau", Some(d(2025, 9, 17))).await;
    // The sending school's step of a transfer out is ours.
    let transfer = add_application(
        &t,
        Some(zhang),
        "transfer_out",
        "sending_school",
        Some(d(2025, 9, 24)),
    )
    .await;
    let report = add_deadline(
        &t,
        li,
        "dropout_report",
        d(2025, 9, 17),
        "R18.1",
        "书面报告辍学",
    )
    .await;
    // A due date in a year whose notice is not loaded (a row from before deadlines kept how
    // they were counted).
    let far = add_deadline(
        &t,
        zhang,
        "record_change",
        d(2027, 3, 1),
        "R10.1",
        "学籍变动纳入档案",
    )
    .await;

    let v = t.app.dashboard(&t.admin).await.expect("dashboard");
    let order: Vec<(&str, i64)> = v.todos.iter().map(|x| (x.source.as_str(), x.id)).collect();
    let archive = v
        .todos
        .iter()
        .find(|x| x.kind == "archive_creation" && x.student_id == Some(zhang))
        .expect("archive deadline of the enrolment");
    assert_eq!(archive.rule, "R8.1");
    let dues: Vec<_> = v.todos.iter().map(|x| x.due_on).collect();
    let mut sorted = dues.clone();
    sorted.sort_by_key(|d| (d.is_none(), *d));
    assert_eq!(dues, sorted, "sorted by due: {order:?}");
    assert!(order.contains(&("application", leave_app)));
    assert!(order.contains(&("application", transfer)));
    assert_eq!(
        v.todos.iter().filter(|x| x.source == "application").count(),
        2,
        "the bureau's step is not a to-do here"
    );
    let report_todo = v
        .todos
        .iter()
        .find(|x| x.id == report && x.source == "deadline")
        .expect("report");
    assert_eq!(report_todo.working_days_left, Some(2)); // Tue 16, Wed 17
    assert!(!report_todo.overdue);
    assert_eq!(report_todo.student_name.as_deref(), Some("李四"));
    assert_eq!(report_todo.rule, "R18.1");
    let leave_todo = v
        .todos
        .iter()
        .find(|x| x.id == leave_app && x.source == "application")
        .expect("leave");
    assert_eq!(leave_todo.working_days_left, Some(4));
    assert_eq!(leave_todo.rule, "R14.1");
    assert!(leave_todo.label.starts_with("休学"), "{}", leave_todo.label);
    let far_todo = v
        .todos
        .iter()
        .find(|x| x.id == far && x.source == "deadline")
        .expect("far");
    // Counted provisionally, never refused: working days to 1 March 2027 on the statutory
    // holidays, marked 暂定 with the missing notice named.
    assert!(far_todo.working_days_left.is_some_and(|n| n > 300));
    assert!(
        far_todo
            .provisional_reason
            .as_deref()
            .unwrap_or("")
            .contains("2027年部分节假日安排的通知"),
        "{:?}",
        far_todo.provisional_reason
    );
    assert!(v.notes.iter().any(|n| n.contains("暂定")), "{:?}", v.notes);
    assert_eq!(v.todos_total, u64::try_from(v.todos.len()).unwrap());

    // A week later (Monday 22nd): the report is three working days late.
    t.clock.set_date(d(2025, 9, 22));
    let v = t.app.dashboard(&t.admin).await.expect("dashboard");
    let report_todo = v
        .todos
        .iter()
        .find(|x| x.id == report && x.source == "deadline")
        .expect("report");
    assert_eq!(report_todo.working_days_left, Some(-3)); // Thu 18, Fri 19, Mon 22
    assert!(report_todo.overdue);
    let leave_todo = v
        .todos
        .iter()
        .find(|x| x.id == leave_app && x.source == "application")
        .expect("leave");
    assert_eq!(leave_todo.working_days_left, Some(-1));
    assert!(leave_todo.overdue);
    assert_eq!(
        v.todos[0].due_on,
        Some(d(2025, 9, 17)),
        "the most overdue first"
    );
}

#[tokio::test]
async fn findings_carry_their_r32_rule_ids_and_link_targets() {
    let t = common_hardship::app(d(2025, 9, 1)).await;
    // R32.1: enrolled on 1 September, the archive deadline (R8.1) passes unmet.
    let late = enrol(&t, "张三", 1, 1).await;
    // R32.4: a dropout on 2025-09-02 whose report is not made.
    let dropout = enrol(&t, "李四", 2, 5).await;
    set_student(&t, dropout, |m| {
        m.status = Set(Status::DroppedOut);
    })
    .await;
    student_event::ActiveModel {
        student_id: Set(dropout),
        application_id: Set(None),
        kind: Set("dropout".to_owned()),
        on_date: Set(d(2025, 9, 2)),
        rule: Set("R18.1".to_owned()),
        status_before: Set(Status::Enrolled),
        status_after: Set(Status::DroppedOut),
        grade_before: Set(5),
        grade_after: Set(5),
        summary: Set("辍学".to_owned()),
        recorded_at: Set(t.app.now()),
        recorded_by: Set("registrar".to_owned()),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("event");
    add_deadline(
        &t,
        dropout,
        "dropout_report",
        d(2025, 9, 9),
        "R18.1",
        "书面报告辍学",
    )
    .await;
    // R32.8 (R14.3): a leave that ended without a resumption.
    let leave = enrol(&t, "王五", 3, 4).await;
    set_student(&t, leave, |m| {
        m.status = Set(Status::OnLeave);
        m.leave_until = Set(Some(d(2025, 9, 30)));
    })
    .await;
    // R32.8 (R23.2): a sanction period over without a decision.
    let sanctioned = enrol(&t, "赵六", 4, 6).await;
    sanction::ActiveModel {
        student_id: Set(sanctioned),
        level: Set(xueji_domain::sanction::SanctionLevel::Warning),
        reason: Set(String::new()),
        decided_on: Set(d(2025, 3, 3)),
        period_ends: Set(d(2025, 9, 3)),
        shortened_reason: Set(None),
        lifted_on: Set(None),
        application_id: Set(None),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("sanction");
    // R32.2: the same person twice, once under a passport with a temporary 学籍号 (L + the ID).
    let first = enrol(&t, "钱七", 5, 2).await;
    let first_id = student::Entity::find_by_id(first)
        .one(t.app.db())
        .await
        .expect("load")
        .expect("row")
        .id_number;
    let mut twin = newcomer("钱七七", d(2018, 3, 1), 6, d(2025, 9, 1));
    twin.id_type = "passport".to_owned();
    twin.id_number = "E12345678".to_owned();
    twin.sex = Some("male".to_owned());
    twin.birth_date = Some(d(2018, 3, 1));
    twin.foreign_national = false;
    let twin_id = match t.app.student_enrol(&t.admin, &twin).await {
        Ok(v) => v.student.id,
        Err(e) => panic!("passport enrolment: {e}"),
    };
    set_student(&t, twin_id, |m| {
        m.xueji_number = Set(Some(format!("L{first_id}")));
    })
    .await;
    // R32.8 (R13.3): an application step overdue at the bureau.
    let app_late = add_application(&t, Some(leave), "leave", "bureau", Some(d(2025, 9, 12))).await;

    t.clock.set_date(d(2025, 10, 20));
    let v = t.app.dashboard(&t.admin).await.expect("dashboard");
    let has = |rule: &str, basis: &str, student: Option<i64>, app: Option<i64>| {
        v.findings.iter().any(|f| {
            f.rule == rule
                && f.basis == basis
                && (student.is_none() || f.student_id == student)
                && (app.is_none() || f.application_id == app)
        })
    };
    assert!(has("R32.1", "R8.1", Some(late), None), "{:#?}", v.findings);
    assert!(
        has("R32.4", "R18.1", Some(dropout), None),
        "{:#?}",
        v.findings
    );
    assert!(
        has("R32.8", "R14.3", Some(leave), None),
        "{:#?}",
        v.findings
    );
    assert!(
        has("R32.8", "R23.2", Some(sanctioned), None),
        "{:#?}",
        v.findings
    );
    assert!(has("R32.2", "R7.2", Some(first), None), "{:#?}", v.findings);
    assert!(
        has("R32.2", "R7.2", Some(twin_id), None),
        "{:#?}",
        v.findings
    );
    assert!(
        has("R32.8", "R13.3", None, Some(app_late)),
        "{:#?}",
        v.findings
    );
    let r = v
        .findings
        .iter()
        .find(|f| f.rule == "R32.4")
        .expect("dropout finding");
    assert!(r.overdue_working_days.unwrap_or(0) > 0);
    assert!(v.findings_complete);
    let mut rules: Vec<&str> = v.findings.iter().map(|f| f.rule.as_str()).collect();
    let sorted = {
        let mut s = rules.clone();
        s.sort_unstable();
        s
    };
    assert_eq!(rules, sorted, "by R32 item");
    rules.dedup();
    // The overdue leave also shows in its own list.
    assert_eq!(v.leave_overdue.len(), 1);
    assert_eq!(v.leave_overdue[0].student_id, leave);
}

#[tokio::test]
async fn leaves_ending_soon_and_past_and_counts_by_grade_and_status() {
    let t = common_hardship::app(d(2025, 9, 15)).await;
    let mut ids = Vec::new();
    for (i, grade) in [1u8, 1, 1, 2, 2, 5].into_iter().enumerate() {
        let seq = u16::try_from(i).unwrap() + 1;
        ids.push(
            enrol(
                &t,
                &format!("学生{}", ["甲", "乙", "丙", "丁", "戊", "己"][i]),
                seq,
                grade,
            )
            .await,
        );
    }
    for (id, until) in [
        (ids[3], d(2025, 9, 25)),
        (ids[4], d(2025, 12, 31)),
        (ids[5], d(2025, 9, 10)),
    ] {
        set_student(&t, id, |m| {
            m.status = Set(Status::OnLeave);
            m.leave_until = Set(Some(until));
        })
        .await;
    }
    set_student(&t, ids[0], |m| {
        m.status = Set(Status::Enrolled);
    })
    .await;

    let v = t
        .app
        .dashboard_with(
            &t.admin,
            &DashboardInput {
                leave_within_days: 14,
            },
        )
        .await
        .expect("dashboard");
    assert_eq!(v.leave_ending.len(), 1);
    assert_eq!(v.leave_ending[0].student_id, ids[3]);
    assert_eq!(v.leave_ending[0].days_left, 10);
    assert_eq!(v.leave_overdue.len(), 1);
    assert_eq!(v.leave_overdue[0].student_id, ids[5]);
    assert_eq!(v.leave_overdue[0].days_left, -5);
    let wider = t
        .app
        .dashboard_with(
            &t.admin,
            &DashboardInput {
                leave_within_days: 120,
            },
        )
        .await
        .expect("dashboard");
    assert_eq!(wider.leave_ending.len(), 2);

    assert_eq!(v.total_students, 6);
    let grade = |label: &str| {
        v.by_grade
            .iter()
            .find(|c| c.label == label)
            .map_or(0, |c| c.count)
    };
    assert_eq!(
        (grade("一年级"), grade("二年级"), grade("五年级")),
        (3, 2, 1)
    );
    let status = |code: &str| {
        v.by_status
            .iter()
            .find(|c| c.code == code)
            .map_or(0, |c| c.count)
    };
    assert_eq!(status("on_leave"), 3);
    assert_eq!(status("enrolled"), 1);
    assert_eq!(
        v.by_status.iter().map(|c| c.count).sum::<u64>(),
        6,
        "{:?}",
        v.by_status
    );
    assert!(v.by_status.iter().all(|c| !c.label.is_empty()));
}

#[tokio::test]
async fn every_role_may_open_the_dashboard_and_each_opening_is_audited() {
    let t = common_hardship::app(d(2025, 9, 15)).await;
    let reader = t.user("chaxun", Role::ReadOnly).await;
    let before = audit_rows(&t, "view").await.len();
    t.app.dashboard(&reader).await.expect("read-only may");
    t.app.dashboard(&t.admin).await.expect("registrar may");
    let views = audit_rows(&t, "view").await;
    assert_eq!(views.len(), before + 2);
    assert!(views[before].1.starts_with("dashboard"));
    t.app.lock_session(&reader);
    let err = t.app.dashboard(&reader).await.expect_err("locked");
    assert_eq!(err.kind, ErrorKind::Locked);
}

/// 100 000 students inserted in bulk: the dashboard counts them all with GROUP BY and caps its
/// lists. (Its time is a figure of `cargo bench -p xueji-app --bench app`, not a test.)
#[tokio::test]
async fn the_dashboard_counts_everyone_and_caps_its_lists_at_100_000_students() {
    use sea_orm::TransactionTrait;
    let t = common_hardship::app(d(2025, 9, 15)).await;
    let now = t.app.now();
    let txn = t.app.db().begin().await.expect("txn");
    for chunk in 0..200 {
        let rows = (0..500).map(|i| {
            let n = chunk * 500 + i;
            student::ActiveModel {
                xueji_number: Set(None),
                id_type: Set("other".to_owned()),
                id_number: Set(format!("BULK{n:08}")),
                name: Set(format!("学生{n}")),
                name_search: Set(format!("学生{n}")),
                name_initials: Set("xs".to_owned()),
                former_name: Set(None),
                sex: Set("male".to_owned()),
                birth_date: Set(d(2015, 1, 1)),
                ethnicity: Set("汉族".to_owned()),
                nationality: Set("中国".to_owned()),
                hukou_kind: Set("非农业户口".to_owned()),
                hukou_address: Set(String::new()),
                current_address: Set(String::new()),
                migrant_child: Set(false),
                left_behind: Set(false),
                orphan: Set(false),
                disability_kind: Set(None),
                inclusive_placement: Set(false),
                status: Set(if n % 50 == 0 {
                    Status::OnLeave
                } else {
                    Status::Enrolled
                }),
                grade: Set(Some(n % 9 + 1)),
                grade_year: Set(Some(2025)),
                class_name: Set(Some(format!("{}班", n % 10 + 1))),
                entry_date: Set(Some(d(2025, 9, 1))),
                study_mode: Set(xueji_domain::StudyMode::Regular),
                foreign_national: Set(false),
                leave_until: Set(
                    (n % 50 == 0).then(|| d(2025, 9, 1 + u32::try_from(n % 29).unwrap()))
                ),
                deferred_for: Set(None),
                hold_since: Set(None),
                hold_judgment_on: Set(None),
                last_change_on: Set(None),
                aux_number: Set(None),
                placed_elsewhere: Set(None),
                compulsory_credit: Set(0),
                archived: Set(false),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        });
        student::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await
            .expect("bulk insert");
    }
    txn.commit().await.expect("commit");
    let v = t.app.dashboard(&t.admin).await.expect("dashboard");
    assert_eq!(v.total_students, 100_000);
    assert_eq!(v.by_grade.len(), 9);
    assert_eq!(v.by_grade.iter().map(|g| g.count).sum::<u64>(), 100_000);
    assert!(v.leave_overdue.len() <= xueji_app::dashboard::LIST_LIMIT);
}

/// The latest semester review and how many of its lines are checked (R29.1).
#[tokio::test]
async fn the_dashboard_shows_the_semester_review_progress() {
    use xueji_app::batches::ReviewOpenInput;
    use xueji_domain::SchoolYear;
    use xueji_domain::school::{Semester, Term};
    let t = common_hardship::app(d(2026, 3, 16)).await;
    assert_eq!(t.app.dashboard(&t.admin).await.unwrap().review, None);
    t.app
        .terms_set(
            &t.admin,
            &[Term {
                year: SchoolYear(2025),
                semester: Semester::Second,
                start: d(2026, 2, 24),
                end: d(2026, 7, 3),
            }],
        )
        .await
        .expect("terms");
    let a = enrol(&t, "张三", 1, 1).await;
    enrol(&t, "李四", 2, 3).await;
    let review = t
        .app
        .review_open(
            &t.admin,
            &ReviewOpenInput {
                school_year: 2025,
                semester: xueji_domain::school::Semester::Second,
            },
        )
        .await
        .expect("open");
    t.app
        .review_check(&t.admin, review.review_id, a, None)
        .await
        .expect("check");
    let r = t
        .app
        .dashboard(&t.admin)
        .await
        .unwrap()
        .review
        .expect("a review");
    assert_eq!(r.term_label, "2025—2026学年第二学期");
    assert_eq!((r.total, r.checked), (2, 1));
    assert!(r.current);
    assert_eq!(r.signed_off_on, None);
}
