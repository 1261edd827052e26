//! 统计 on a real SQLCipher database: counts by grade, class, status, sex and flags, the hardship
//! flag only for roles that may see it, applications per semester by kind and outcome, audited.
#![allow(clippy::many_single_char_names)] // the students of a test are a, b, c …

mod common;

use chrono::{NaiveDate, Utc};
use common::{TestApp, d, newcomer, transfer_free};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use xueji_app::Role;
use xueji_app::statistics::StatisticsView;
use xueji_domain::Status;
use xueji_store::entities::hardship_application::HardshipState;
use xueji_store::entities::{application, audit_log, hardship_application, student};

async fn enrol(t: &TestApp, name: &str, seq: u16, grade: u8, class: &str) -> i64 {
    let mut input = if grade == 1 {
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
    input.class_name = Some(class.to_owned());
    t.app
        .student_enrol(&t.admin, &input)
        .await
        .expect("enrol")
        .student
        .id
}

async fn edit(t: &TestApp, id: i64, f: impl FnOnce(&mut student::ActiveModel)) {
    let m = student::Entity::find_by_id(id)
        .one(t.app.db())
        .await
        .expect("load")
        .expect("row");
    let mut am = m.into_active_model();
    f(&mut am);
    am.update(t.app.db()).await.expect("update");
}

async fn application(
    t: &TestApp,
    student: i64,
    kind: &str,
    state: application::ApplicationState,
    on: NaiveDate,
) {
    application::ActiveModel {
        student_id: Set(Some(student)),
        change_kind: Set(xueji_domain::stored::parse(kind).unwrap()),
        state: Set(state),
        opened_on: Set(on),
        closed_on: Set(None),
        data: Set("{}".to_owned()),
        current_step: Set(None),
        due_on: Set(None),
        waiting_on: Set(None),
        created_by: Set("registrar".to_owned()),
        ..Default::default()
    }
    .insert(t.app.db())
    .await
    .expect("application");
}

fn count(list: &[xueji_app::dashboard::CountView], code: &str) -> u64 {
    list.iter().find(|c| c.code == code).map_or(0, |c| c.count)
}

fn flag(v: &StatisticsView, code: &str) -> Option<u64> {
    v.flags.iter().find(|c| c.code == code).map(|c| c.count)
}

#[tokio::test]
async fn counts_by_grade_class_status_sex_and_flags() {
    let t = TestApp::new(d(2026, 3, 2)).await;
    // One-a: 2 (born 2019, sex from the ID number's 17th digit), one-b: 1, three-a: 2.
    let a = enrol(&t, "张一", 1, 1, "1班").await;
    let b = enrol(&t, "张二", 2, 1, "1班").await;
    let c = enrol(&t, "张三", 3, 1, "2班").await;
    let e = enrol(&t, "李四", 4, 3, "1班").await;
    let f = enrol(&t, "李五", 5, 3, "1班").await;
    edit(&t, a, |m| m.migrant_child = Set(true)).await;
    edit(&t, b, |m| {
        m.left_behind = Set(true);
        m.disability_kind = Set(Some("听力残疾".to_owned()));
        m.inclusive_placement = Set(true);
    })
    .await;
    edit(&t, c, |m| m.migrant_child = Set(true)).await;
    // An archived record counts by status only.
    edit(&t, f, |m| {
        m.status = Set(Status::Graduated);
        m.archived = Set(true);
        m.migrant_child = Set(true);
    })
    .await;
    let sexes: Vec<String> = student::Entity::find()
        .filter(student::Column::Archived.eq(false))
        .all(t.app.db())
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.sex)
        .collect();
    let males = sexes.iter().filter(|s| *s == "male").count() as u64;

    let v = t.app.statistics(&t.admin).await.expect("statistics");
    assert_eq!(v.all_total, 5);
    assert_eq!(v.current_total, 4);
    assert_eq!(count(&v.by_grade, "1"), 3);
    assert_eq!(count(&v.by_grade, "3"), 1);
    assert_eq!(v.by_grade[0].label, "一年级");
    let classes: Vec<(String, String, u64)> = v
        .by_class
        .iter()
        .map(|c| (c.grade_label.clone(), c.class_name.clone(), c.count))
        .collect();
    assert_eq!(
        classes,
        vec![
            ("一年级".to_owned(), "1班".to_owned(), 2),
            ("一年级".to_owned(), "2班".to_owned(), 1),
            ("三年级".to_owned(), "1班".to_owned(), 1),
        ]
    );
    assert!(v.by_class.iter().all(|c| c.male + c.female == c.count));
    assert_eq!(count(&v.by_sex, "male"), males);
    assert_eq!(count(&v.by_sex, "female"), 4 - males);
    assert_eq!(
        v.by_sex.iter().find(|c| c.code == "male").unwrap().label,
        "男"
    );
    // Statuses cover every record, in the order of the status machine.
    assert_eq!(count(&v.by_status, "pending_approval"), 4);
    assert_eq!(count(&v.by_status, "graduated"), 1);
    assert_eq!(v.by_status[0].code, "pending_approval");
    assert_eq!(flag(&v, "migrant_child"), Some(2));
    assert_eq!(flag(&v, "left_behind"), Some(1));
    assert_eq!(flag(&v, "disability"), Some(1));
    assert_eq!(flag(&v, "inclusive_placement"), Some(1));
    assert_eq!(flag(&v, "orphan"), Some(0));
    assert_eq!(flag(&v, "hardship"), Some(0));
    let _ = e;

    // Opening the page is audited without names.
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("view"))
        .filter(audit_log::Column::Target.starts_with("statistics"))
        .all(t.app.db())
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].target.contains('张'));
}

#[tokio::test]
async fn the_hardship_flag_counts_this_years_recognised_students_for_roles_that_may_see_it() {
    let t = TestApp::new(d(2026, 3, 2)).await;
    let a = enrol(&t, "张一", 1, 1, "1班").await;
    let b = enrol(&t, "张二", 2, 1, "1班").await;
    for (student, year, state) in [
        (a, 2025, HardshipState::Effective),
        (b, 2024, HardshipState::Effective),
        (b, 2025, HardshipState::InNotice),
    ] {
        hardship_application::ActiveModel {
            student_id: Set(student),
            school_year: Set(year),
            state: Set(state),
            applied_on: Set(d(year, 9, 20)),
            data: Set("{}".to_owned()),
            objections: Set("[]".to_owned()),
            created_by: Set("registrar".to_owned()),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(t.app.db())
        .await
        .expect("hardship row");
    }
    let v = t.app.statistics(&t.admin).await.unwrap();
    assert_eq!(flag(&v, "hardship"), Some(1));

    // 德育处 and 只读查询 may not see hardship data: no such figure at all.
    for role in [Role::MoralEducation, Role::ReadOnly] {
        let name = format!("user{}", role.name().len());
        let s = t.user(&name, role).await;
        let v = t
            .app
            .statistics(&s)
            .await
            .expect("any role sees statistics");
        assert_eq!(flag(&v, "hardship"), None, "{role:?}");
        assert_eq!(flag(&v, "migrant_child"), Some(0));
    }
}

#[tokio::test]
async fn applications_are_counted_per_semester_by_kind_and_outcome() {
    let t = TestApp::new(d(2026, 3, 2)).await;
    let a = enrol(&t, "张一", 1, 3, "1班").await;
    // 2025 first semester: September to January.
    application(
        &t,
        a,
        "leave",
        application::ApplicationState::Approved,
        d(2025, 10, 8),
    )
    .await;
    application(
        &t,
        a,
        "leave",
        application::ApplicationState::Rejected,
        d(2026, 1, 12),
    )
    .await;
    application(
        &t,
        a,
        "transfer_out",
        application::ApplicationState::Open,
        d(2025, 12, 1),
    )
    .await;
    // 2025 second semester: from February.
    application(
        &t,
        a,
        "resume",
        application::ApplicationState::Open,
        d(2026, 2, 27),
    )
    .await;
    application(
        &t,
        a,
        "leave",
        application::ApplicationState::Withdrawn,
        d(2026, 3, 1),
    )
    .await;

    let v = t.app.statistics(&t.admin).await.unwrap();
    let codes: Vec<&str> = v.terms.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["2025-first", "2025-second"]);
    let first = &v.terms[0];
    assert_eq!(first.label, "2025—2026学年第一学期");
    assert_eq!((first.total, first.approved, first.open), (3, 1, 1));
    let leave = first.by_kind.iter().find(|k| k.code == "leave").unwrap();
    assert_eq!(leave.label, "休学");
    assert_eq!(
        (
            leave.count,
            leave.approved,
            leave.open,
            leave.closed_otherwise
        ),
        (2, 1, 0, 1)
    );
    // Kinds in the order of the change kinds: 转学 (R13) before 休学 (R14).
    let kinds: Vec<&str> = first.by_kind.iter().map(|k| k.code.as_str()).collect();
    assert_eq!(kinds, ["transfer_out", "leave"]);
    let second = &v.terms[1];
    assert_eq!((second.total, second.open), (2, 1));
    let totals: Vec<(&str, u64)> = v
        .change_kinds
        .iter()
        .map(|k| (k.code.as_str(), k.count))
        .collect();
    assert_eq!(totals, [("transfer_out", 1), ("leave", 3), ("resume", 1)]);
}

#[tokio::test]
async fn an_empty_school_has_zero_counts_and_a_note() {
    let t = TestApp::new(d(2026, 3, 2)).await;
    let v = t.app.statistics(&t.admin).await.unwrap();
    assert_eq!((v.all_total, v.current_total), (0, 0));
    assert!(v.by_grade.is_empty() && v.terms.is_empty());
    assert_eq!(flag(&v, "migrant_child"), Some(0));
    assert!(v.notes.iter().any(|n| n.contains("尚无学籍变动申请")));
}

/// 100 000 students inserted in bulk: every figure is a `GROUP BY`, so the page stays quick.
#[tokio::test]
async fn statistics_count_100_000_students_with_group_bys() {
    use sea_orm::TransactionTrait;
    let t = TestApp::new(d(2026, 3, 2)).await;
    let now = t.app.now();
    let txn = t.app.db().begin().await.expect("txn");
    for chunk in 0..200 {
        let rows = (0..500).map(|i| {
            let n: i32 = chunk * 500 + i;
            student::ActiveModel {
                xueji_number: Set(None),
                id_type: Set("other".to_owned()),
                id_number: Set(format!("BULK{n:08}")),
                name: Set(format!("学生{n}")),
                name_search: Set(format!("学生{n}")),
                name_initials: Set("xs".to_owned()),
                former_name: Set(None),
                sex: Set(if n % 2 == 0 { "male" } else { "female" }.to_owned()),
                birth_date: Set(d(2015, 1, 1)),
                ethnicity: Set("汉族".to_owned()),
                nationality: Set("中国".to_owned()),
                hukou_kind: Set("非农业户口".to_owned()),
                hukou_address: Set(String::new()),
                current_address: Set(String::new()),
                migrant_child: Set(n % 10 == 0),
                left_behind: Set(false),
                orphan: Set(false),
                disability_kind: Set(None),
                inclusive_placement: Set(false),
                status: Set(Status::Enrolled),
                grade: Set(Some(n % 9 + 1)),
                grade_year: Set(Some(2025)),
                class_name: Set(Some(format!("{}班", n % 10 + 1))),
                entry_date: Set(Some(d(2025, 9, 1))),
                study_mode: Set(xueji_domain::StudyMode::Regular),
                foreign_national: Set(false),
                leave_until: Set(None),
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
    let started = std::time::Instant::now();
    let v = t.app.statistics(&t.admin).await.expect("statistics");
    eprintln!("statistics at 100,000 students: {:?}", started.elapsed());
    assert_eq!((v.all_total, v.current_total), (100_000, 100_000));
    assert_eq!(v.by_grade.len(), 9);
    assert_eq!(v.by_class.len(), 90);
    assert_eq!(count(&v.by_sex, "male"), 50_000);
    assert_eq!(flag(&v, "migrant_child"), Some(10_000));
    // Classes sort 1班 … 10班 within a grade, not 10班 before 2班.
    assert_eq!(v.by_class[1].class_name, "2班");
    assert_eq!(v.by_class[9].class_name, "10班");
}
