//! The student list stays fast at 100,000 students because every kind of query is answered from
//! one index in order: SQLite's own query plans for the page and for the total are checked here,
//! on a real SQLCipher file with the app's migrations.

mod common;

use common::{TestApp, d};
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::{ConnectionTrait, QuerySelect, QueryTrait, Statement};
use xueji_app::students::SearchInput;
use xueji_app::students::search::{QueryKind, list_query};

/// SQLite's plan for `stmt`, one detail line per step.
async fn plan(t: &TestApp, stmt: &SelectStatement) -> String {
    let db = t.app.db();
    let backend = db.get_database_backend();
    let built = backend.build(stmt);
    let explain = Statement::from_sql_and_values(
        backend,
        format!("EXPLAIN QUERY PLAN {}", built.sql),
        built.values.map(|v| v.0).unwrap_or_default(),
    );
    let rows = db.query_all_raw(explain).await.expect("explain");
    rows.iter()
        .map(|r| r.try_get::<String>("", "detail").expect("detail"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The total as sea-orm's `count` asks for it.
fn count_of(filter: SelectStatement) -> SelectStatement {
    SelectStatement::new()
        .expr(Expr::cust("COUNT(*) AS num_items"))
        .from_subquery(filter, "sub_query")
        .to_owned()
}

#[tokio::test]
async fn search_plans_read_one_list_index_in_order_for_the_page_and_the_total() {
    let t = TestApp::new(d(2026, 9, 1)).await;
    let cases = [
        (Some("330106"), "idx_student_list_id_number"),
        (Some("G33010620"), "idx_student_list_xueji_number"),
        (Some("zs"), "idx_student_list_initials"),
        (Some("张"), "idx_student_list_name"),
        (None, "idx_student_list_name"),
    ];
    for (text, index) in cases {
        let kind = text.and_then(QueryKind::read);
        let input = SearchInput {
            query: text.map(str::to_owned),
            page: 1,
            page_size: 20,
            ..SearchInput::default()
        };
        let (filter, ordered) = list_query(kind.as_ref(), &input).expect("query");
        let page = plan(&t, &ordered.limit(20).into_query()).await;
        assert!(
            page.contains(index) && !page.contains("TEMP B-TREE"),
            "{text:?}: the page should come off {index} in order, plan:\n{page}"
        );
        let total = plan(&t, &count_of(filter.into_query())).await;
        assert!(
            total.contains("COVERING INDEX idx_student_list_"),
            "{text:?}: the total should be counted from a list index alone, plan:\n{total}"
        );
    }
    t.close().await;
}
