//! Network reports: this month's figures after real activity, SVG charts
//! and CSV, and who may read which report.

use crate::certificates::{
    certified_learner, grant_admin, grant_coordinator, tree_with_certified_course,
};
use crate::helpers::TestApp;

#[tokio::test]
async fn reports_count_this_months_activity_as_charts_table_and_csv() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    grant_admin(&app, "admin@alpha.example");
    let admin = app.signed_in_browser("admin@alpha.example").await;
    let page = admin.get_text("/reports").await;
    assert!(page.contains("Reports: the network"), "{page}");
    assert_eq!(page.matches("role=\"img\"").count(), 5, "five charts");
    let this_month = chrono::Utc::now().format("%Y-%m").to_string();
    let csv = admin.get_text("/reports.csv").await;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 13, "a header and twelve months");
    assert!(lines[0].starts_with("month,enrolments,completions"));
    let last = lines[12];
    assert!(
        last.starts_with(&format!("{this_month},1,1,0,,1,0")),
        "{last}"
    );
    let alpha = admin.get_text("/reports.csv?coe=coe-alpha").await;
    assert!(
        alpha
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("{this_month},1,1"))
    );
    let beta = admin.get_text("/reports.csv?coe=coe-beta").await;
    assert!(
        beta.lines()
            .last()
            .unwrap()
            .starts_with(&format!("{this_month},0,0")),
        "the course is coe-alpha's"
    );
}

#[tokio::test]
async fn coordinators_read_their_coes_report_only() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    grant_coordinator(&app, "cora@alpha.example");
    let coordinator = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(
        coordinator.get("/reports?coe=coe-alpha").await.status(),
        200
    );
    assert_eq!(coordinator.get("/reports?coe=coe-beta").await.status(), 403);
    assert_eq!(
        coordinator.get("/reports").await.status(),
        403,
        "network-wide is for admins"
    );
    assert_eq!(coordinator.get("/reports?coe=nowhere").await.status(), 404);
    let learner = app.signed_in_browser("lea@alpha.example").await;
    assert_eq!(learner.get("/reports?coe=coe-alpha").await.status(), 403);
    assert_eq!(app.browser().get("/reports").await.status(), 401);
}
