//! Controlled exports (issue 8 item 2): no file without the bureau's approval reference and a
//! purpose (R30.2, R30.1); both are in the audit log and in the file itself, read back here from
//! the real .xlsx bytes.

mod common;
mod common_import;

use calamine::{Data, Reader, Xlsx};
use common::{TestApp, d};
use common_import::{C, HEADERS, row, valid, workbook};
use xueji_app::ErrorKind;
use xueji_app::audit_log::AuditFilter;
use xueji_app::export::{ExportKind, ExportRequest};
use xueji_domain::AuditAction;

fn approved() -> ExportRequest {
    ExportRequest {
        approval_ref: "西教学〔2025〕12号".to_owned(),
        approved_on: Some(d(2025, 9, 30)),
        purpose: "区教育局学期核查".to_owned(),
        ..Default::default()
    }
}

/// Every sheet of a workbook as text rows.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            other => format!("NOT TEXT: {other:?}"),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

async fn exports_in_audit(t: &TestApp) -> Vec<String> {
    t.app
        .audit_list(
            &t.admin,
            &AuditFilter {
                action: Some(AuditAction::Export),
                ..Default::default()
            },
        )
        .await
        .expect("audit")
        .rows
        .into_iter()
        .map(|r| r.target)
        .collect()
}

async fn with_students(n: u32) -> TestApp {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let done = t
        .app
        .import_students_commit(&t.admin, &valid(n))
        .await
        .expect("import");
    assert!(done.committed);
    t
}

#[tokio::test]
async fn r30_2_personal_data_without_the_bureaus_approval_is_refused_and_nothing_leaves() {
    // 未经主管教育行政部门书面核准，任何单位与个人一律不得向外提供学籍信息.
    let t = with_students(3).await;
    for kind in [ExportKind::Roster, ExportKind::Changes] {
        for request in [
            ExportRequest {
                approval_ref: "  ".to_owned(),
                approved_on: None,
                ..approved()
            },
            // Not a document number: any text used to pass.
            ExportRequest {
                approval_ref: "局里同意了".to_owned(),
                ..approved()
            },
            // Approved after today: not yet approved.
            ExportRequest {
                approved_on: Some(d(2025, 10, 9)),
                ..approved()
            },
        ] {
            let e = t.app.export(&t.admin, kind, &request).await.unwrap_err();
            assert_eq!(e.kind, ErrorKind::RuleViolation);
            assert_eq!(e.rule_id(), Some("R30.2"));
            assert!(
                e.message.contains("批准文号") || e.message.contains("核准日期"),
                "{}",
                e.message
            );
        }
        let name = t
            .app
            .export_check(&t.admin, kind, &ExportRequest::default())
            .await
            .unwrap_err();
        assert_eq!(name.rule_id(), Some("R30.2"));
    }
    assert!(exports_in_audit(&t).await.is_empty());
}

#[tokio::test]
async fn r30_2_statistics_and_the_list_sent_to_the_bureau_itself_need_no_approval() {
    let t = with_students(3).await;
    let no_approval = ExportRequest {
        approval_ref: String::new(),
        approved_on: None,
        ..approved()
    };
    let stats = t
        .app
        .export(&t.admin, ExportKind::Statistics, &no_approval)
        .await
        .expect("statistics carry no personal data");
    assert!(stats.rows > 0);
    let (_, rows) = &sheets(&stats.bytes)[0];
    let mark = rows[1][0].clone();
    assert!(mark.contains("不含个人信息"), "{mark}");
    t.app
        .export_duplicate_check(&t.admin, &valid(1), &no_approval)
        .await
        .expect("the 查重 list goes to the bureau itself");
    let audit = exports_in_audit(&t).await;
    assert_eq!(audit.len(), 2);
    assert!(
        audit
            .iter()
            .any(|a| a.contains("disclosure:no_personal_data"))
    );
    assert!(
        audit
            .iter()
            .any(|a| a.contains("disclosure:to_bureau approval:-"))
    );
    // The purpose is still asked (R30.1).
    let e = t
        .app
        .export(
            &t.admin,
            ExportKind::Statistics,
            &ExportRequest {
                purpose: String::new(),
                ..no_approval
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.rule_id(), Some("R30.1"));
    let dash = t.app.dashboard(&t.admin).await.expect("dashboard");
    assert!(
        !dash.findings.iter().any(|f| f.basis == "R30.2"),
        "{:?}",
        dash.findings
    );
}

#[tokio::test]
async fn r30_1_an_export_without_a_purpose_is_refused() {
    let t = with_students(2).await;
    let e = t
        .app
        .export(
            &t.admin,
            ExportKind::Roster,
            &ExportRequest {
                purpose: String::new(),
                ..approved()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.rule_id(), Some("R30.1"));
    assert!(exports_in_audit(&t).await.is_empty());
}

#[tokio::test]
async fn r30_1_a_roster_is_marked_with_who_when_approval_and_purpose_and_audited() {
    let t = with_students(25).await;
    let file = t
        .app
        .export(&t.admin, ExportKind::Roster, &approved())
        .await
        .expect("export");
    assert_eq!(file.rows, 25);
    assert!(
        file.file_name.starts_with("班级花名册-20251008"),
        "{}",
        file.file_name
    );
    let book = sheets(&file.bytes);
    assert_eq!(book.len(), 1, "one class, one sheet");
    let (name, rows) = &book[0];
    assert_eq!(name, "三年级2班");
    let mark = &rows[1][0];
    assert!(mark.contains("导出人："), "{mark}");
    assert!(mark.contains(&t.admin.username), "{mark}");
    assert!(mark.contains("2025-10-08"), "{mark}");
    assert!(mark.contains("西教学〔2025〕12号"), "{mark}");
    assert!(mark.contains("区教育局学期核查"), "{mark}");
    assert!(rows[2][0].contains("第三十条"), "{}", rows[2][0]);
    assert_eq!(rows[4][0], "序号");
    assert_eq!(rows[4][6], "身份证件号");
    // 25 students below the header; every ID number is a whole 18-character text cell.
    let data = &rows[5..];
    assert_eq!(data.len(), 25);
    for r in data {
        assert_eq!(r[6].chars().count(), 18, "{:?}", r[6]);
        assert_eq!(r[9], "在读");
    }
    let audit = exports_in_audit(&t).await;
    assert_eq!(audit.len(), 1);
    assert!(audit[0].starts_with("roster rows:25"), "{}", audit[0]);
    assert!(audit[0].contains("disclosure:external"), "{}", audit[0]);
    assert!(audit[0].contains("approval:西教学〔2025〕12号 approved:2025-09-30"));
    assert!(audit[0].contains("purpose:区教育局学期核查"));
    // The audit target names no student.
    assert!(!audit[0].contains(&data[0][2]));
    assert!(!audit[0].contains(&data[0][6]));
}

#[tokio::test]
async fn a_roster_of_a_grade_without_students_is_refused() {
    let t = with_students(2).await;
    let e = t
        .app
        .export(
            &t.admin,
            ExportKind::Roster,
            &ExportRequest {
                grade: Some(5),
                ..approved()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert!(exports_in_audit(&t).await.is_empty());
}

#[tokio::test]
async fn statistics_count_by_grade_class_status_sex_and_flags() {
    let t = with_students(12).await;
    let file = t
        .app
        .export(&t.admin, ExportKind::Statistics, &approved())
        .await
        .expect("export");
    let book = sheets(&file.bytes);
    let (name, rows) = &book[0];
    assert_eq!(name, "在籍学生统计");
    let count = |category: &str, item: &str| {
        rows.iter()
            .find(|r| r[0] == category && r[1] == item)
            .map(|r| r[2].clone())
    };
    assert_eq!(count("年级", "三年级").as_deref(), Some("12"));
    assert_eq!(count("班级", "三年级2班").as_deref(), Some("12"));
    assert_eq!(count("学籍状态", "在读").as_deref(), Some("12"));
    let male: u32 = count("性别", "男").unwrap_or_default().parse().unwrap_or(0);
    let female: u32 = count("性别", "女").unwrap_or_default().parse().unwrap_or(0);
    assert_eq!(male + female, 12);
    assert_eq!(count("标志", "随迁子女").as_deref(), Some("0"));
    assert_eq!(book[1].0, "各学期学籍变动");
    assert!(exports_in_audit(&t).await[0].starts_with("statistics "));
}

#[tokio::test]
async fn r7_5_the_duplicate_check_list_has_the_candidates_in_the_prescribed_columns() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let file = t
        .app
        .export_duplicate_check(&t.admin, &valid(4), &approved())
        .await
        .expect("export");
    assert_eq!(file.rows, 4);
    let book = sheets(&file.bytes);
    let rows = &book[0].1;
    assert_eq!(
        rows[4],
        [
            "序号",
            "姓名",
            "性别",
            "出生日期",
            "身份证件类型",
            "身份证件号",
            "国籍/地区",
            "民族",
            "户口性质",
            "户口所在地",
            "拟入年级"
        ]
    );
    assert_eq!(rows[5][10], "三年级");
    assert_eq!(rows[5][5].chars().count(), 18);
    // Exporting the list writes no student.
    assert_eq!(t.count("student").await, 0);
}

#[tokio::test]
async fn a_duplicate_check_list_from_a_faulty_workbook_is_refused_by_row() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let mut bad = row(1);
    bad[4] = C::N(330_106_201_601_011_234.0);
    let e = t
        .app
        .export_duplicate_check(&t.admin, &workbook(&HEADERS, &[row(0), bad]), &approved())
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert!(e.message.contains("第 3 行"), "{}", e.message);
    assert!(exports_in_audit(&t).await.is_empty());
}

#[tokio::test]
async fn the_change_list_holds_the_applications_of_the_range() {
    let t = with_students(1).await;
    let file = t
        .app
        .export(
            &t.admin,
            ExportKind::Changes,
            &ExportRequest {
                from: Some(d(2025, 9, 1)),
                to: Some(d(2026, 1, 31)),
                ..approved()
            },
        )
        .await
        .expect("export");
    let rows = &sheets(&file.bytes)[0].1;
    assert_eq!(rows[4][2], "变动类型");
    let e = t
        .app
        .export(
            &t.admin,
            ExportKind::Changes,
            &ExportRequest {
                from: Some(d(2026, 2, 1)),
                to: Some(d(2025, 9, 1)),
                ..approved()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
}

#[tokio::test]
async fn a_read_only_user_cannot_export() {
    let t = with_students(1).await;
    let viewer = t.user("chaxun", xueji_app::Role::ReadOnly).await;
    let e = t
        .app
        .export(&viewer, ExportKind::Roster, &approved())
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden);
}
