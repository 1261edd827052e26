//! Enrolment, duplicates, search and edits on a real SQLCipher database.

mod common;

use common::{TestApp, d, newcomer, transfer_free};
use xueji_app::students::{FieldValue, NationalCheck, SearchInput, StudentEditInput};
use xueji_app::{ErrorKind, Role};
use xueji_domain::Status;

#[tokio::test]
async fn r6_1_grade_one_newcomer_is_enrolled_pending_approval_with_the_archive_deadline() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let v = t
        .app
        .student_enrol(&t.admin, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect("enrol");
    assert_eq!(v.student.status.code, Status::PendingApproval);
    assert_eq!(v.student.grade, Some(1));
    assert!(
        v.student
            .xueji_number
            .as_deref()
            .unwrap_or("")
            .starts_with('G')
    );
    assert_eq!(v.deadlines.len(), 1);
    assert_eq!(v.deadlines[0].rule, "R8.1");
    let archive = t
        .app
        .student_archive(&t.admin, v.student.id)
        .await
        .expect("archive");
    assert_eq!(archive.sections.len(), 7, "R8.2: seven sections");
    assert!(archive.events.iter().any(|e| e.kind == "record_created"));
}

#[tokio::test]
async fn r7_2_a_second_record_for_the_same_id_is_refused_naming_the_existing_one() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    t.app
        .student_enrol(&t.admin, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect("enrol");
    let before = t.count("student").await;
    let err = t
        .app
        .student_enrol(
            &t.admin,
            &newcomer("张三丰", d(2019, 3, 1), 1, d(2025, 9, 1)),
        )
        .await
        .expect_err("duplicate");
    assert_eq!(err.rule_id(), Some("R7.2"));
    assert!(err.message.contains("张三"), "{}", err.message);
    assert_eq!(t.count("student").await, before, "nothing written");
}

#[tokio::test]
async fn r7_5_non_grade_one_without_a_record_needs_a_passed_national_check() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let mut input = transfer_free("李四", d(2016, 5, 5), 2, 4, d(2025, 9, 1));
    for (check, rule) in [
        (NationalCheck::NotDone, "R7.5"),
        (NationalCheck::Failed, "R7.5"),
    ] {
        input.national_check = Some(check);
        let err = t
            .app
            .student_enrol(&t.admin, &input)
            .await
            .expect_err("refused");
        assert_eq!(err.rule_id(), Some(rule));
    }
    assert_eq!(t.count("student").await, 0, "nothing written");
    input.national_check = Some(NationalCheck::Passed);
    let v = t
        .app
        .student_enrol(&t.admin, &input)
        .await
        .expect("passed check creates");
    assert_eq!(v.student.grade, Some(4));
}

#[tokio::test]
async fn search_by_name_initials_id_and_xueji_number_with_total_and_pages() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let names = ["张三", "张珊珊", "赵四", "王五", "欧阳娜娜"];
    for (i, n) in names.iter().enumerate() {
        t.app
            .student_enrol(
                &t.admin,
                &newcomer(
                    n,
                    d(2019, 3, 1),
                    u16::try_from(i).unwrap() + 10,
                    d(2025, 9, 1),
                ),
            )
            .await
            .expect("enrol");
    }
    let search = |q: &str| SearchInput {
        query: Some(q.to_owned()),
        page: 1,
        page_size: 20,
        ..SearchInput::default()
    };
    let by_name = t
        .app
        .student_search(&t.admin, &search("张"))
        .await
        .expect("name");
    assert_eq!(by_name.total, 2);
    let by_initials = t
        .app
        .student_search(&t.admin, &search("zs"))
        .await
        .expect("initials");
    let found: Vec<_> = by_initials.rows.iter().map(|r| r.name.as_str()).collect();
    assert!(
        found.contains(&"张三") && found.contains(&"张珊珊") && found.contains(&"赵四"),
        "{found:?}"
    );
    let id = common::id_number(d(2019, 3, 1), 13);
    let by_id = t
        .app
        .student_search(&t.admin, &search(&id))
        .await
        .expect("id");
    assert_eq!(by_id.total, 1);
    assert_eq!(by_id.rows[0].name, "王五");
    assert!(
        by_id.rows[0].id_number_masked.contains("****"),
        "IDs are masked in lists"
    );
    let by_xueji = t
        .app
        .student_search(&t.admin, &search(&format!("G{id}")))
        .await
        .expect("xueji");
    assert_eq!(by_xueji.rows[0].name, "王五");
    let paged = t
        .app
        .student_search(
            &t.admin,
            &SearchInput {
                page: 2,
                page_size: 2,
                ..SearchInput::default()
            },
        )
        .await
        .expect("page");
    assert_eq!((paged.total, paged.rows.len()), (5, 2));
}

#[tokio::test]
async fn search_filters_by_flags_and_lists_the_classes_in_order() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let mut zhang = newcomer("张三", d(2019, 3, 1), 21, d(2025, 9, 1));
    zhang.migrant_child = true;
    zhang.class_name = Some("10班".to_owned());
    let mut li = newcomer("李四", d(2019, 4, 1), 22, d(2025, 9, 1));
    li.migrant_child = true;
    li.orphan = true;
    li.class_name = Some("2班".to_owned());
    let mut wang = newcomer("王五", d(2019, 5, 1), 23, d(2025, 9, 1));
    wang.disability_kind = Some("视力残疾".to_owned());
    wang.class_name = Some("2班".to_owned());
    for input in [&zhang, &li, &wang] {
        t.app.student_enrol(&t.admin, input).await.expect("enrol");
    }
    let with = |flags: &[&str]| SearchInput {
        flags: flags.iter().map(|f| (*f).to_owned()).collect(),
        page: 1,
        page_size: 20,
        ..SearchInput::default()
    };
    let names = |rows: &[xueji_app::students::StudentRow]| {
        let mut n: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
        n.sort();
        n
    };
    let migrant = t
        .app
        .student_search(&t.admin, &with(&["migrant_child"]))
        .await
        .expect("migrant");
    assert_eq!(names(&migrant.rows), ["张三", "李四"]);
    let both = t
        .app
        .student_search(&t.admin, &with(&["migrant_child", "orphan"]))
        .await
        .expect("both flags");
    assert_eq!(names(&both.rows), ["李四"]);
    let disabled = t
        .app
        .student_search(&t.admin, &with(&["disability"]))
        .await
        .expect("disability");
    assert_eq!(names(&disabled.rows), ["王五"]);
    let unknown = t
        .app
        .student_search(&t.admin, &with(&["rich"]))
        .await
        .expect_err("unknown flag");
    assert_eq!(unknown.kind, ErrorKind::Validation);

    let classes = t.app.student_classes(&t.admin).await.expect("classes");
    let listed: Vec<(i32, &str, u32)> = classes
        .iter()
        .map(|c| (c.grade, c.class_name.as_str(), c.count))
        .collect();
    assert_eq!(listed, [(1, "2班", 2), (1, "10班", 1)]);
    assert_eq!(classes[0].grade_label, "一年级");
}

#[tokio::test]
async fn everyday_edits_keep_history_and_key_fields_go_through_r11_2() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let v = t
        .app
        .student_enrol(&t.admin, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect("enrol");
    let edit = |field: &str, value: &str, version| StudentEditInput {
        id: v.student.id,
        version,
        fields: vec![FieldValue {
            field: field.to_owned(),
            value: value.to_owned(),
        }],
        family: None,
    };
    let changed = t
        .app
        .student_edit(
            &t.admin,
            &edit(
                "current_address",
                "浙江省杭州市西湖区天目山路2号",
                v.student.version,
            ),
        )
        .await
        .expect("edit");
    assert_eq!(changed.current_address, "浙江省杭州市西湖区天目山路2号");
    let stale = t
        .app
        .student_edit(&t.admin, &edit("class_name", "2班", v.student.version))
        .await
        .expect_err("stale version");
    assert_eq!(stale.kind, ErrorKind::Conflict);
    let key = t
        .app
        .student_edit(&t.admin, &edit("name", "张叁", changed.version))
        .await
        .expect_err("key");
    assert_eq!(key.rule_id(), Some("R11.2"));
    let basic = t
        .app
        .student_edit(&t.admin, &edit("ethnicity", "回族", changed.version))
        .await
        .expect_err("basic");
    assert_eq!(basic.rule_id(), Some("R11.1"));
    let archive = t
        .app
        .student_archive(&t.admin, v.student.id)
        .await
        .expect("archive");
    assert!(
        archive.versions >= 3,
        "every version kept: {}",
        archive.versions
    );
}

#[tokio::test]
async fn permissions_read_only_may_search_but_not_enrol_and_the_refusal_is_audited() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let viewer = t.user("chaxun", Role::ReadOnly).await;
    t.app
        .student_search(
            &viewer,
            &SearchInput {
                page: 1,
                page_size: 10,
                ..SearchInput::default()
            },
        )
        .await
        .expect("search allowed");
    let before = t.count("student").await;
    let audit_before = t.count("audit_log").await;
    let err = t
        .app
        .student_enrol(&viewer, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect_err("forbidden");
    assert_eq!(err.kind, ErrorKind::Forbidden);
    assert_eq!(t.count("student").await, before);
    assert_eq!(
        t.count("audit_log").await,
        audit_before + 1,
        "the refusal is audited"
    );
}

#[tokio::test]
async fn r8_1_establishing_the_archive_closes_its_deadline_and_clears_the_finding() {
    let t = TestApp::new(d(2025, 9, 10)).await;
    let v = t
        .app
        .student_enrol(&t.admin, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect("enrol");
    t.clock.set_date(d(2025, 10, 20));
    let before = t.app.dashboard(&t.admin).await.expect("dashboard");
    assert!(
        before.findings.iter().any(|f| f.rule == "R32.1"),
        "archive overdue: {:?}",
        before.findings
    );
    t.app
        .archive_establish(&t.admin, v.student.id, d(2025, 10, 20))
        .await
        .expect("establish");
    let after = t.app.dashboard(&t.admin).await.expect("dashboard");
    assert!(!after.findings.iter().any(|f| f.rule == "R32.1"));
    assert!(!after.todos.iter().any(|t| t.rule == "R8.1"));
}

/// The audit row of the last action.
async fn last_audit(t: &TestApp) -> (String, String) {
    use sea_orm::{ConnectionTrait, Statement};
    let db = t.app.db();
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT action, target FROM audit_log ORDER BY seq DESC LIMIT 1",
        ))
        .await
        .expect("query")
        .expect("a row");
    (
        row.try_get::<String>("", "action").expect("action"),
        row.try_get::<String>("", "target").expect("target"),
    )
}

/// R30.1 and issue 15 item 6: every read that shows students records who was seen — a search
/// lists the ids it returned; the lists of the hand-overs and the batch previews are audited too.
#[tokio::test]
async fn r30_1_reads_that_show_students_record_who_was_seen() {
    let t = TestApp::new(d(2026, 12, 4)).await;
    let mut ids = Vec::new();
    for (i, name) in ["钱一", "孙二"].iter().enumerate() {
        let made = t
            .app
            .student_enrol(
                &t.admin,
                &newcomer(
                    name,
                    d(2020, 3, 1),
                    u16::try_from(i).unwrap() + 40,
                    d(2026, 9, 1),
                ),
            )
            .await
            .expect("enrol");
        ids.push(made.student.id);
    }
    let found = t
        .app
        .student_search(
            &t.admin,
            &SearchInput {
                page: 1,
                page_size: 20,
                ..SearchInput::default()
            },
        )
        .await
        .expect("search");
    assert_eq!(found.total, 2);
    let (action, target) = last_audit(&t).await;
    assert_eq!(action, "search");
    for id in &ids {
        assert!(target.contains(&id.to_string()), "{target}");
    }
    assert!(target.contains("seen:"), "{target}");
    assert!(!target.contains("钱一"), "ids, never names: {target}");

    t.app.migrant_dropouts(&t.admin).await.expect("list");
    assert_eq!(
        last_audit(&t).await,
        ("view".to_owned(), "migrant_dropouts seen:-".to_owned())
    );
    t.app.progression_graduates(&t.admin).await.expect("list");
    assert_eq!(
        last_audit(&t).await,
        ("view".to_owned(), "progression_graduates seen:-".to_owned())
    );
    t.app
        .promotion_preview(&t.admin, 2027)
        .await
        .expect("preview");
    let (action, target) = last_audit(&t).await;
    assert_eq!(action, "view");
    assert!(
        target.starts_with("promotion_preview into:2027 seen:"),
        "{target}"
    );
    t.close().await;
}
