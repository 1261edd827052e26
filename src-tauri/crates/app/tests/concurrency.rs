//! Views audited at the same time (a page loading its list while a search runs) all succeed:
//! each audit row waits for the write lock instead of failing with "database is locked".

mod common;

use common::{TestApp, d, newcomer};
use xueji_app::changes::ChangeListInput;
use xueji_app::students::SearchInput;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_audited_views_do_not_fail_with_a_busy_database() {
    let t = TestApp::new(d(2025, 10, 8)).await;
    t.app
        .student_enrol(&t.admin, &newcomer("张三", d(2019, 3, 1), 1, d(2025, 9, 1)))
        .await
        .expect("enrolled");
    let search = SearchInput {
        query: Some("zs".into()),
        page: 1,
        page_size: 20,
        ..Default::default()
    };
    let list = ChangeListInput::default();
    for _ in 0..5 {
        let (search_a, list_a, search_b, list_b) = tokio::join!(
            t.app.student_search(&t.admin, &search),
            t.app.change_list(&t.admin, &list),
            t.app.student_search(&t.admin, &search),
            t.app.change_list(&t.admin, &list),
        );
        search_a.expect("search");
        list_a.expect("list");
        search_b.expect("search");
        list_b.expect("list");
    }
}
