//! Excel import of a student list (issue 8): real .xlsx files made in the test; a refused or
//! faulty list writes nothing.

mod common;
mod common_import;

use calamine::Reader;
use common::{TestApp, d};
use common_import::{C, HEADERS, row, valid, workbook};
use xueji_app::ErrorKind;

async fn nothing_written(t: &TestApp, students_before: i64) {
    assert_eq!(t.count("student").await, students_before);
    assert_eq!(t.count("student_event").await, 0);
}

#[tokio::test]
async fn empty_file_and_empty_sheet_are_refused_with_a_clear_error() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let e = t
        .app
        .import_students_check(&t.admin, &[])
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert!(e.message.contains("文件为空"), "{}", e.message);
    let e = t
        .app
        .import_students_commit(&t.admin, &workbook(&[], &[]))
        .await
        .unwrap_err();
    assert!(e.message.contains("空"), "{}", e.message);
    let e = t
        .app
        .import_students_commit(&t.admin, &workbook(&HEADERS, &[]))
        .await
        .unwrap_err();
    assert!(e.message.contains("没有学生数据"), "{}", e.message);
    let e = t
        .app
        .import_students_check(&t.admin, b"not a workbook")
        .await
        .unwrap_err();
    assert!(e.message.contains(".xlsx"), "{}", e.message);
    nothing_written(&t, 0).await;
}

#[tokio::test]
async fn wrong_headers_name_the_missing_columns() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let bytes = workbook(&["学号", "名字", "备注"], &[vec![C::T("1".into())]]);
    let e = t
        .app
        .import_students_commit(&t.admin, &bytes)
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation);
    assert!(
        e.message.contains("表头") && e.message.contains("身份证件号"),
        "{}",
        e.message
    );
    nothing_written(&t, 0).await;
}

#[tokio::test]
async fn header_variants_and_column_order_are_accepted() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let mut headers: Vec<&str> = HEADERS.to_vec();
    headers[2] = "出生年月";
    headers[4] = "身份证号";
    headers[8] = "户籍地址";
    headers.reverse();
    let rows: Vec<Vec<C>> = (0..3)
        .map(|n| {
            let mut r = row(n);
            r.reverse();
            r
        })
        .collect();
    let v = t
        .app
        .import_students_commit(&t.admin, &workbook(&headers, &rows))
        .await
        .expect("import");
    assert!(v.committed, "{:?}", v.report.problems);
    assert_eq!(v.imported, 3);
    assert_eq!(t.count("student").await, 3);
}

#[tokio::test]
async fn r7_1_an_id_number_stored_as_a_number_is_refused_as_having_lost_digits() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let mut r = row(1);
    r[4] = C::N(330_106_201_601_010_010.0);
    let bytes = workbook(&HEADERS, &[row(0), r]);
    let report = t
        .app
        .import_students_check(&t.admin, &bytes)
        .await
        .expect("check");
    assert_eq!(report.rows, 2);
    assert_eq!(report.valid_rows, 1);
    assert_eq!(report.problems.len(), 1);
    let p = &report.problems[0];
    assert_eq!((p.row, p.column.as_str()), (3, "身份证件号"));
    assert!(
        p.message.contains("数字") && p.message.contains("文本"),
        "{}",
        p.message
    );
    let v = t
        .app
        .import_students_commit(&t.admin, &bytes)
        .await
        .expect("commit");
    assert!(!v.committed);
    nothing_written(&t, 0).await;
}

#[tokio::test]
async fn r7_1_bad_check_characters_bad_codes_and_missing_fields_are_reported_by_cell() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let mut bad_check = row(1);
    if let C::T(id) = &mut bad_check[4] {
        let last = if id.ends_with('0') { '1' } else { '0' };
        id.pop();
        id.push(last);
    }
    let mut bad_codes = row(2);
    bad_codes[5] = C::T("火星族".into());
    bad_codes[7] = C::T("城镇".into());
    let mut missing = row(3);
    missing[0] = C::T(String::new());
    missing[9] = C::T(String::new());
    let mut birth = row(4);
    birth[2] = C::T("2010-05-05".into());
    let bytes = workbook(&HEADERS, &[row(0), bad_check, bad_codes, missing, birth]);
    let report = t
        .app
        .import_students_check(&t.admin, &bytes)
        .await
        .expect("check");
    let at = |r: u32, col: &str| {
        report
            .problems
            .iter()
            .find(|p| p.row == r && p.column == col)
    };
    let p = at(3, "身份证件号").expect("check character");
    assert_eq!(p.rule.as_deref(), Some("R7.1"));
    assert!(p.message.contains("校验码"), "{}", p.message);
    assert!(at(4, "民族").is_some());
    assert!(at(4, "户口性质").is_some());
    assert!(at(5, "姓名").is_some());
    assert!(at(5, "现住址").is_some());
    assert!(
        at(6, "出生日期")
            .expect("birth")
            .message
            .contains("身份证号")
    );
    assert_eq!(report.valid_rows, 1);
    let v = t
        .app
        .import_students_commit(&t.admin, &bytes)
        .await
        .expect("commit");
    assert!(!v.committed);
    nothing_written(&t, 0).await;
}

#[tokio::test]
async fn r7_2_duplicates_in_the_file_and_in_the_database_are_reported() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let first = t
        .app
        .import_students_commit(&t.admin, &valid(2))
        .await
        .expect("first import");
    assert!(first.committed);
    let before = t.count("student").await;
    let events = t.count("student_event").await;
    assert_eq!(events, 2);
    // Row 2 repeats a student already here; rows 3 and 4 are the same new student.
    let bytes = workbook(&HEADERS, &[row(0), row(5), row(5)]);
    let report = t
        .app
        .import_students_check(&t.admin, &bytes)
        .await
        .expect("check");
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
    assert_eq!(report.problems[0].row, 2);
    assert_eq!(report.problems[0].rule.as_deref(), Some("R7.2"));
    assert!(
        report.problems[0].message.contains("学生编号"),
        "{}",
        report.problems[0].message
    );
    assert_eq!(report.problems[1].row, 4);
    assert!(report.problems[1].message.contains("第3行"));
    let v = t
        .app
        .import_students_commit(&t.admin, &bytes)
        .await
        .expect("commit");
    assert!(!v.committed);
    assert_eq!(t.count("student").await, before);
    assert_eq!(t.count("student_event").await, events);
}

#[tokio::test]
async fn the_report_saves_as_xlsx_with_the_bad_cells_marked() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let mut r = row(1);
    r[5] = C::T("火星族".into());
    let report = t
        .app
        .import_students_check(&t.admin, &workbook(&HEADERS, &[row(0), r]))
        .await
        .expect("check");
    let bytes = report.to_xlsx().expect("xlsx");
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("readable");
    assert_eq!(book.sheet_names(), vec!["学生名单", "问题清单"]);
    let list = book.worksheet_range("问题清单").expect("list");
    assert_eq!(list.height(), 2);
}

#[tokio::test]
async fn ten_thousand_valid_rows_go_in_one_transaction() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let bytes = valid(10_000);
    let audits = t.count("audit_log").await;
    let v = t
        .app
        .import_students_commit(&t.admin, &bytes)
        .await
        .expect("import");
    assert!(v.committed, "{:?}", v.report.problems.first());
    assert_eq!(v.imported, 10_000);
    assert_eq!(t.count("student").await, 10_000);
    assert_eq!(t.count("student_event").await, 10_000);
    assert_eq!(t.count("class_placement").await, 10_000);
    assert!(t.count("audit_log").await > audits);
    t.close().await;
}

#[tokio::test]
async fn a_teacher_may_not_import() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    let s = t.user("viewer1", xueji_app::Role::ReadOnly).await;
    let e = t
        .app
        .import_students_commit(&s, &valid(1))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden);
    nothing_written(&t, 0).await;
}
