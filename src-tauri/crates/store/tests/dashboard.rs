//! The dashboard's and the promotion's reads (issue 16): the identities held twice (R32.2) are
//! the ones the whole-table `GROUP BY` finds, and SQLite answers the dashboard's queries from the
//! indexes of m0005, not by reading the student table.

mod common;

use common::{fresh, sample_id_number, sample_student, student_with};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};
use xueji_domain::{Status, StudyMode};
use xueji_store::repo::{compliance, dashboard, promotion, students};

/// What `duplicate_identities` computed before m0005: every identity of every student grouped.
const WHOLE_TABLE: &str = "WITH keys(id, k) AS ( \
         SELECT id, id_number FROM student \
         UNION SELECT id, substr(xueji_number, 2) FROM student \
           WHERE length(xueji_number) = 19 ) \
     SELECT keys.id AS id, keys.k AS k FROM keys JOIN ( \
         SELECT k FROM keys GROUP BY k HAVING COUNT(DISTINCT id) > 1 \
     ) dup ON dup.k = keys.k ORDER BY keys.k, keys.id LIMIT ";

async fn whole_table<C: ConnectionTrait>(db: &C, limit: u64) -> Vec<(i64, String)> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!("{WHOLE_TABLE}{limit}"),
        ))
        .await
        .expect("reference query");
    let mut out: Vec<(i64, String)> = Vec::new();
    for r in rows {
        let id: i64 = r.try_get("", "id").expect("id");
        let k: String = r.try_get("", "k").expect("k");
        if !out.iter().any(|(x, _)| *x == id) {
            out.push((id, k));
        }
    }
    out
}

async fn plan<C: ConnectionTrait>(db: &C, sql: &str) -> String {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!("EXPLAIN QUERY PLAN {sql}"),
        ))
        .await
        .expect("explain");
    rows.iter()
        .map(|r| r.try_get::<String>("", "detail").expect("detail"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn duplicate_identities_are_those_of_the_whole_table_group_by() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let id = |i: usize| sample_id_number(100 + i);
    let with = |i: usize, xueji: Option<String>| {
        let mut s = sample_student(i);
        s.id_number = id(i);
        s.xueji_number = xueji;
        s
    };
    let mut rows = vec![
        // Ordinary: G + the student's own ID number.
        with(0, Some(format!("G{}", id(0)))),
        // A temporary number (L) over someone else's ID number: held twice with 0.
        with(1, Some(format!("L{}", id(0)))),
        // G over another student's ID number (3 has no 学籍号).
        with(2, Some(format!("G{}", id(3)))),
        with(3, None),
        // Two prefixes over one body: 4 (J + own) and 5 (L + 4's).
        with(4, Some(format!("J{}", id(4)))),
        with(5, Some(format!("L{}", id(4)))),
        // Not 19 characters: no body.
        with(6, Some(format!("G{}", &id(0)[..10]))),
        // An odd prefix over its own number, held by nobody else.
        with(7, Some(format!("L{}", id(7)))),
        // Two identities both held twice: 0's (J) and its own, which 9 carries under G.
        with(8, Some(format!("J{}", id(0)))),
        with(9, Some(format!("G{}", id(8)))),
        // A lower-case prefix is another prefix.
        with(10, Some(format!("g{}", id(11)))),
        with(11, Some(format!("G{}", id(11)))),
    ];
    let mut passport = student_with("钱七七", "E12345678");
    passport.xueji_number = Some(format!("L{}", id(12)));
    rows.push(passport);
    rows.push(with(12, Some(format!("G{}", id(12)))));
    rows.extend((20..80).map(|i| with(i, Some(format!("G{}", id(i))))));
    let txn = store.db().begin().await.expect("begin");
    for s in &rows {
        students::insert(&txn, "admin", s).await.expect("insert");
    }
    txn.commit().await.expect("commit");

    let db = store.db();
    for limit in [2000, 7, 3, 1] {
        let expected = whole_table(db, limit).await;
        let found = compliance::duplicate_identities(db, limit)
            .await
            .expect("duplicates");
        assert_eq!(found, expected, "limit {limit}");
    }
    let all = compliance::duplicate_identities(db, 2000)
        .await
        .expect("duplicates");
    let keys: std::collections::BTreeSet<&str> = all.iter().map(|(_, k)| k.as_str()).collect();
    for shared in [id(0), id(3), id(4), id(8), id(11), id(12)] {
        assert!(keys.contains(shared.as_str()), "{shared} in {all:?}");
    }
    assert!(!keys.contains(id(7).as_str()));
}

#[tokio::test]
async fn dashboard_queries_are_answered_from_indexes() {
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let txn = store.db().begin().await.expect("begin");
    let batch: Vec<_> = (0..30).map(sample_student).collect();
    students::insert_many(&txn, "admin", &batch)
        .await
        .expect("insert");
    txn.commit().await.expect("commit");
    let db = store.db();

    let counts = dashboard::student_counts(db).await.expect("counts");
    assert_eq!(counts.iter().map(|c| c.count).sum::<u64>(), 30);
    let counts_plan = plan(
        db,
        "SELECT grade, status, archived, COUNT(id) FROM student \
         GROUP BY grade, status, archived",
    )
    .await;
    assert!(
        counts_plan.contains("COVERING INDEX idx_student_counts")
            && !counts_plan.contains("TEMP B-TREE"),
        "{counts_plan}"
    );

    let sql = "SELECT substr(xueji_number, 2) FROM student WHERE length(xueji_number) = 19 \
               AND (substr(xueji_number, 1, 1) <> 'G' OR substr(xueji_number, 2) <> id_number)";
    let candidates = plan(db, sql).await;
    assert!(
        candidates.contains("idx_student_identity_candidates"),
        "{candidates}"
    );
    let holders = plan(
        db,
        "SELECT id FROM student WHERE length(xueji_number) = 19 \
         AND substr(xueji_number, 2) IN ('a', 'b')",
    )
    .await;
    assert!(holders.contains("idx_student_xueji_body"), "{holders}");

    let open = plan(
        db,
        "SELECT id FROM deadline WHERE done_on IS NULL ORDER BY due_on, id LIMIT 200",
    )
    .await;
    assert!(open.contains("idx_deadline_open"), "{open}");
    let exports = plan(
        db,
        "SELECT seq FROM audit_log WHERE action IN ('export', 'x') AND at >= '2026' ORDER BY seq",
    )
    .await;
    assert!(exports.contains("idx_audit_log_action_at"), "{exports}");

    // The promotion reads the table in id order, not through a list index.
    let rows = promotion::plan_students(db).await.expect("plan rows");
    assert_eq!(rows.len(), 30);
    assert!(rows.windows(2).all(|w| w[0].id < w[1].id));
}

/// The promotion's rows, read as one JSON value, carry what the row itself holds.
#[tokio::test]
async fn the_promotion_reads_every_row_not_archived_as_stored() {
    use chrono::NaiveDate;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    use xueji_store::entities::student;
    let (_tmp, _data, _keys, store, _code) = fresh().await;
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    let txn = store.db().begin().await.expect("begin");
    let mut batch: Vec<_> = (0..12).map(sample_student).collect();
    batch[1].name = xueji_domain::PersonName::parse("阿卜杜·热合曼").expect("name");
    batch[2].grade = None;
    batch[3].placement.class_name = Some("3班".to_owned());
    batch[3].placement.aux_number = Some("J330106201501010001".to_owned());
    batch[4].placement.foreign_national = true;
    batch[5].placement.grade_year = Some(2025);
    students::insert_many(&txn, "admin", &batch)
        .await
        .expect("insert");
    let ids: Vec<i64> = student::Entity::find()
        .order_by_asc(student::Column::Id)
        .all(&txn)
        .await
        .expect("rows")
        .iter()
        .map(|m| m.id)
        .collect();
    students::update(&txn, "admin", ids[6], "leave", |m| {
        m.status = Status::OnLeave;
        m.leave_until = Some(d(2026, 9, 30));
        m.last_change_on = Some(d(2026, 3, 2));
    })
    .await
    .expect("leave");
    students::update(&txn, "admin", ids[7], "hold", |m| {
        m.hold_since = Some(d(2026, 1, 5));
        m.hold_judgment_on = Some(d(2026, 4, 1));
        m.deferred_for = Some(2026);
        m.study_mode = StudyMode::HomeTeaching;
    })
    .await
    .expect("hold");
    students::archive(&txn, "admin", ids[8])
        .await
        .expect("archive");
    txn.commit().await.expect("commit");

    let db = store.db();
    let read = promotion::plan_students(db).await.expect("plan rows");
    let stored = student::Entity::find()
        .filter(student::Column::Archived.eq(false))
        .order_by_asc(student::Column::Id)
        .all(db)
        .await
        .expect("rows");
    assert_eq!(read.len(), 11, "the archived one is left out");
    for (r, m) in read.iter().zip(&stored) {
        let plan_fields = |x: &student::Model| {
            (
                (x.id, x.name.clone(), x.status),
                (x.grade, x.grade_year, x.class_name.clone()),
                (x.study_mode, x.birth_date, x.foreign_national),
                (x.leave_until, x.deferred_for, x.aux_number.clone()),
                (x.hold_since, x.hold_judgment_on, x.last_change_on),
            )
        };
        assert_eq!(plan_fields(r), plan_fields(m));
    }
    assert!(read.iter().any(|r| r.foreign_national));
}
