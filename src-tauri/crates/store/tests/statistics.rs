//! The counts behind 统计 (the statistics page and the export's statistics sheet) on a real
//! SQLCipher database: an archived record counts by status only, classes are grouped as stored,
//! the flags and the hardship count cover the records on roll, applications group by kind, state
//! and day.

mod common;

use chrono::{NaiveDate, Utc};
use common::{fresh, sample_student};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};
use xueji_domain::{ApplicationKind, ChangeKind, Grade, Status};
use xueji_store::Store;
use xueji_store::entities::application::ApplicationState;
use xueji_store::entities::hardship_application::{self, HardshipState};
use xueji_store::repo::applications::{self, NewApplication, Progress};
use xueji_store::repo::statistics::{
    self, ApplicationCount, ClassCount, FlagCounts, GradeCount, SexCount, StatusCount,
};
use xueji_store::repo::{hardship, students};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn class(grade: Option<i32>, name: Option<&str>, count: u64, male: u64, female: u64) -> ClassCount {
    ClassCount {
        grade,
        class_name: name.map(str::to_owned),
        count,
        male,
        female,
    }
}

fn hardship_row(
    student_id: i64,
    school_year: i32,
    state: HardshipState,
) -> hardship_application::Model {
    hardship_application::Model {
        id: 0,
        student_id,
        school_year,
        state,
        applied_on: d(school_year, 9, 20),
        data: "{}".to_owned(),
        class_result: None,
        class_note: None,
        class_assessed_on: None,
        level: None,
        decision_note: None,
        decided_on: None,
        decided_by: None,
        notice_from: None,
        notice_until: None,
        effective_on: None,
        objections: "[]".to_owned(),
        created_by: "admin".to_owned(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn change(kind: ChangeKind, state: ApplicationState, on: NaiveDate) -> NewApplication {
    NewApplication {
        student_id: None,
        change_kind: ApplicationKind::Change(kind),
        opened_on: on,
        data: "{}".to_owned(),
        details: None,
        created_by: "admin".to_owned(),
        progress: Progress {
            state,
            closed_on: None,
            current_step: None,
            due_on: None,
            waiting_on: None,
        },
    }
}

/// Nine students (the seventh archived), with their flags; returns their ids in order.
async fn seed(store: &Store) -> Vec<i64> {
    let txn = store.db().begin().await.expect("begin");
    // (grade, class, sex, status) of each student; flags are set below.
    let plan: [(Option<u8>, Option<&str>, &str, Status); 9] = [
        (Some(1), Some("1班"), "male", Status::Enrolled),
        (Some(1), Some("1班"), "female", Status::Enrolled),
        (Some(1), Some("10班"), "female", Status::Enrolled),
        (Some(1), Some("2班"), "male", Status::OnLeave),
        (Some(3), None, "", Status::Enrolled),
        (None, Some("1班"), "male", Status::PendingApproval),
        // Archived below: counted by status only.
        (Some(3), Some("1班"), "male", Status::Graduated),
        // An empty class name is its own group, apart from no class.
        (Some(3), Some(""), "female", Status::Enrolled),
        (Some(3), None, "male", Status::Enrolled),
    ];
    let mut ids = Vec::new();
    for (i, (grade, class_name, sex, status)) in plan.iter().enumerate() {
        let mut s = sample_student(i);
        s.grade = grade.map(|g| Grade::new(g).expect("grade"));
        s.placement.class_name = class_name.map(str::to_owned);
        s.sex = (*sex).to_owned();
        s.status = *status;
        match i {
            0 | 6 => s.migrant_child = true,
            1 => {
                s.disability_kind = Some("视力残疾".to_owned());
                s.inclusive_placement = true;
            }
            2 => {
                s.left_behind = true;
                s.orphan = true;
            }
            3 => s.placement.foreign_national = true,
            // A blank disability kind is no disability.
            4 => s.disability_kind = Some("  ".to_owned()),
            _ => {}
        }
        ids.push(students::insert(&txn, "admin", &s).await.expect("insert"));
    }
    students::archive(&txn, "admin", ids[6])
        .await
        .expect("archive");
    txn.commit().await.expect("commit");
    ids
}

#[tokio::test]
async fn counts_cover_the_records_on_roll_and_statuses_every_record() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    seed(&store).await;
    let db = store.db();

    // Every record by status, in the order of the stored names.
    assert_eq!(
        statistics::by_status(db).await.expect("status"),
        [
            StatusCount {
                status: Status::Enrolled,
                count: 6
            },
            StatusCount {
                status: Status::Graduated,
                count: 1
            },
            StatusCount {
                status: Status::OnLeave,
                count: 1
            },
            StatusCount {
                status: Status::PendingApproval,
                count: 1
            },
        ]
    );

    // The archived third-grader is in no on-roll count.
    assert_eq!(
        statistics::on_roll_by_grade(db).await.expect("grade"),
        [
            GradeCount {
                grade: None,
                count: 1
            },
            GradeCount {
                grade: Some(1),
                count: 4
            },
            GradeCount {
                grade: Some(3),
                count: 3
            },
        ]
    );
    assert_eq!(
        statistics::on_roll_by_class(db).await.expect("class"),
        [
            class(None, Some("1班"), 1, 1, 0),
            class(Some(1), Some("10班"), 1, 0, 1),
            class(Some(1), Some("1班"), 2, 1, 1),
            class(Some(1), Some("2班"), 1, 1, 0),
            class(Some(3), None, 2, 1, 0),
            class(Some(3), Some(""), 1, 0, 1),
        ]
    );
    assert_eq!(
        statistics::on_roll_by_sex(db).await.expect("sex"),
        [
            SexCount {
                sex: String::new(),
                count: 1
            },
            SexCount {
                sex: "female".to_owned(),
                count: 3
            },
            SexCount {
                sex: "male".to_owned(),
                count: 4
            },
        ]
    );
    assert_eq!(
        statistics::on_roll_flags(db).await.expect("flags"),
        FlagCounts {
            migrant_child: 1,
            left_behind: 1,
            orphan: 1,
            disability: 1,
            inclusive_placement: 1,
            foreign_national: 1,
        }
    );
}

#[tokio::test]
async fn hardship_counts_students_on_roll_recognised_in_the_year() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let ids = seed(&store).await;
    let txn = store.db().begin().await.expect("begin");
    for (student, year, state) in [
        (ids[0], 2025, HardshipState::Effective),
        // A second effective assessment of the same student counts once.
        (ids[0], 2025, HardshipState::Effective),
        (ids[1], 2025, HardshipState::InNotice),
        (ids[2], 2024, HardshipState::Effective),
        (ids[3], 2025, HardshipState::Effective),
        // Archived: not counted.
        (ids[6], 2025, HardshipState::Effective),
    ] {
        hardship::insert(&txn, hardship_row(student, year, state))
            .await
            .expect("hardship");
    }

    txn.commit().await.expect("commit");
    let db = store.db();
    assert_eq!(
        statistics::recognised_hardship_students(db, 2025)
            .await
            .expect("hardship"),
        2
    );
    assert_eq!(
        statistics::recognised_hardship_students(db, 2024)
            .await
            .expect("hardship"),
        1
    );
    assert_eq!(
        statistics::recognised_hardship_students(db, 2023)
            .await
            .expect("hardship"),
        0
    );
}

#[tokio::test]
async fn applications_are_counted_by_kind_state_and_day() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    for (kind, state, on) in [
        (
            ChangeKind::Leave,
            ApplicationState::Approved,
            d(2025, 10, 8),
        ),
        (
            ChangeKind::Leave,
            ApplicationState::Approved,
            d(2025, 10, 8),
        ),
        (ChangeKind::Leave, ApplicationState::Open, d(2025, 10, 8)),
        (ChangeKind::Leave, ApplicationState::Approved, d(2026, 3, 1)),
        (
            ChangeKind::TransferOut,
            ApplicationState::Rejected,
            d(2025, 12, 1),
        ),
    ] {
        applications::insert(&txn, change(kind, state, on), Vec::new())
            .await
            .expect("application");
    }
    txn.commit().await.expect("commit");
    let db = store.db();
    let mut apps = statistics::applications_by_kind_state_day(db)
        .await
        .expect("applications");
    apps.sort_by_key(|a| (a.opened_on, a.state.as_str(), a.kind.code()));
    let leave = ApplicationKind::Change(ChangeKind::Leave);
    let out = ApplicationKind::Change(ChangeKind::TransferOut);
    let row = |kind, state, opened_on, count| ApplicationCount {
        kind,
        state,
        opened_on,
        count,
    };
    assert_eq!(
        apps,
        [
            row(leave, ApplicationState::Approved, d(2025, 10, 8), 2),
            row(leave, ApplicationState::Open, d(2025, 10, 8), 1),
            row(out, ApplicationState::Rejected, d(2025, 12, 1), 1),
            row(leave, ApplicationState::Approved, d(2026, 3, 1), 1),
        ]
    );
}

/// (key, count) rows of a reference query written as the page and the export wrote it before the
/// counts moved to the store.
async fn reference<C: ConnectionTrait>(db: &C, sql: &str) -> Vec<(String, i64)> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("reference query");
    rows.iter()
        .map(|r| {
            (
                r.try_get::<String>("", "k").expect("k"),
                r.try_get::<i64>("", "n").expect("n"),
            )
        })
        .collect()
}

fn keyed<T>(rows: &[T], key: impl Fn(&T) -> String, n: impl Fn(&T) -> u64) -> Vec<(String, i64)> {
    rows.iter()
        .map(|r| (key(r), i64::try_from(n(r)).expect("count")))
        .collect()
}

/// The grade and the class as the reference queries key them.
const GRADE_KEY: &str = "COALESCE(CAST(grade AS TEXT), '-')";
const CLASS_KEY: &str = "COALESCE(class_name, '<null>')";

fn grade_key(grade: Option<i32>) -> String {
    grade.map_or_else(|| "-".to_owned(), |g| g.to_string())
}

fn class_key(c: &ClassCount) -> String {
    let name = c.class_name.as_deref().unwrap_or("<null>");
    format!("{}|{name}", grade_key(c.grade))
}

/// The store's counts are those of the SQL the statistics page and the export sheet ran before.
#[tokio::test]
async fn the_counts_are_those_of_the_former_sql() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let ids = seed(&store).await;
    for id in [ids[0], ids[6]] {
        let row = hardship_row(id, 2025, HardshipState::Effective);
        hardship::insert(store.db(), row).await.expect("hardship");
    }
    let db = store.db();
    let on_roll = "FROM student WHERE archived = 0";

    let grades = statistics::on_roll_by_grade(db).await.expect("grade");
    let sql =
        format!("SELECT {GRADE_KEY} AS k, COUNT(*) AS n {on_roll} GROUP BY grade ORDER BY grade");
    assert_eq!(
        keyed(&grades, |r| grade_key(r.grade), |r| r.count),
        reference(db, &sql).await
    );

    let classes = statistics::on_roll_by_class(db).await.expect("class");
    for (what, n) in [
        ("COUNT(*)", 0),
        ("SUM(sex = 'male')", 1),
        ("SUM(sex = 'female')", 2),
    ] {
        let sql = format!(
            "SELECT {GRADE_KEY} || '|' || {CLASS_KEY} AS k, {what} AS n {on_roll} \
             GROUP BY grade, class_name ORDER BY grade, class_name"
        );
        let count = |r: &ClassCount| [r.count, r.male, r.female][n];
        assert_eq!(
            keyed(&classes, class_key, count),
            reference(db, &sql).await,
            "{what}"
        );
    }

    let statuses = statistics::by_status(db).await.expect("status");
    let sql = "SELECT status AS k, COUNT(*) AS n FROM student GROUP BY status ORDER BY status";
    assert_eq!(
        keyed(
            &statuses,
            |r| xueji_domain::stored::text(&r.status),
            |r| r.count
        ),
        reference(db, sql).await
    );

    let sexes = statistics::on_roll_by_sex(db).await.expect("sex");
    let sql = format!("SELECT sex AS k, COUNT(*) AS n {on_roll} GROUP BY sex ORDER BY sex");
    assert_eq!(
        keyed(&sexes, |r| r.sex.clone(), |r| r.count),
        reference(db, &sql).await
    );

    let f = statistics::on_roll_flags(db).await.expect("flags");
    for (condition, n) in [
        ("migrant_child", f.migrant_child),
        ("left_behind", f.left_behind),
        ("orphan", f.orphan),
        (
            "disability_kind IS NOT NULL AND trim(disability_kind) <> ''",
            f.disability,
        ),
        ("inclusive_placement", f.inclusive_placement),
        ("foreign_national", f.foreign_national),
    ] {
        let sql = format!("SELECT '' AS k, COALESCE(SUM({condition}), 0) AS n {on_roll}");
        let n = i64::try_from(n).expect("count");
        assert_eq!(
            reference(db, &sql).await,
            [(String::new(), n)],
            "{condition}"
        );
    }

    let n = statistics::recognised_hardship_students(db, 2025)
        .await
        .expect("hardship");
    let sql = "SELECT '' AS k, COUNT(DISTINCT h.student_id) AS n FROM hardship_application h \
               JOIN student s ON s.id = h.student_id \
               WHERE h.state = 'effective' AND h.school_year = 2025 AND s.archived = 0";
    let n = i64::try_from(n).expect("count");
    assert_eq!(reference(db, sql).await, [(String::new(), n)]);
}

#[tokio::test]
async fn an_empty_store_counts_nothing() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let db = store.db();
    assert!(statistics::by_status(db).await.expect("status").is_empty());
    assert!(
        statistics::on_roll_by_grade(db)
            .await
            .expect("grade")
            .is_empty()
    );
    assert!(
        statistics::on_roll_by_class(db)
            .await
            .expect("class")
            .is_empty()
    );
    assert!(
        statistics::on_roll_by_sex(db)
            .await
            .expect("sex")
            .is_empty()
    );
    assert_eq!(
        statistics::on_roll_flags(db).await.expect("flags"),
        FlagCounts::default()
    );
    assert_eq!(
        statistics::recognised_hardship_students(db, 2025)
            .await
            .expect("hardship"),
        0
    );
    assert!(
        statistics::applications_by_kind_state_day(db)
            .await
            .expect("applications")
            .is_empty()
    );
}
