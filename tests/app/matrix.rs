//! The training matrix and the qualification API: states at fixed clock
//! times, expiry flowing in from certificates, the API with valid, expired,
//! revoked and foreign-CoE cases, and the bad inputs.

use atmp_academy::audit::Actor;
use atmp_academy::certificates::service as certificates;
use atmp_academy::identity::models::SessionUser;
use atmp_academy::qualification::service as matrix;
use atmp_academy::qualification::state::RequirementState;
use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::certificates::{certified_learner, grant_coordinator, tree_with_certified_course};
use crate::helpers::{TestApp, csrf_of, insert_person};

fn expires_at(app: &TestApp) -> chrono::DateTime<Utc> {
    #[derive(QueryableByName)]
    struct Expiry {
        #[diesel(sql_type = diesel::sql_types::Timestamptz)]
        expires_at: chrono::DateTime<Utc>,
    }
    diesel::sql_query("SELECT expires_at FROM certificates")
        .get_result::<Expiry>(&mut app.db.connect())
        .unwrap()
        .expires_at
}

async fn matrix_with_two_holders(app: &TestApp) -> SessionUser {
    certified_learner(app, "ada@alpha.example", "Ada Lovelace").await;
    insert_person(&mut app.db.connect(), "new@alpha.example");
    grant_coordinator(app, "cora@alpha.example");
    let coordinator = crate::helpers::session_user(&app.db, "cora@alpha.example");
    let mut connection = app.db.connect();
    matrix::create_role(
        &mut connection,
        &coordinator,
        "coe-alpha",
        "Cleanroom operator",
        &["gmp-refresher".to_owned()],
    )
    .unwrap();
    matrix::assign(
        &mut connection,
        &coordinator,
        "coe-alpha",
        "cleanroom-operator",
        "ada@alpha.example",
    )
    .unwrap();
    matrix::assign(
        &mut connection,
        &coordinator,
        "coe-alpha",
        "cleanroom-operator",
        "new@alpha.example",
    )
    .unwrap();
    coordinator
}

fn state_of(grid: &matrix::Matrix, email: &str) -> RequirementState {
    grid.rows
        .iter()
        .find(|row| row.email == email)
        .expect("a row")
        .cells[0]
        .state
}

#[tokio::test]
async fn matrix_states_follow_the_clock_and_certificate_expiry() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let coordinator = matrix_with_two_holders(&app).await;
    let expires = expires_at(&app);
    let mut connection = app.db.connect();
    let at = |when| matrix::matrix(&mut app.db.connect(), &coordinator, "coe-alpha", when).unwrap();
    let now = Utc::now();
    assert_eq!(
        state_of(&at(now), "ada@alpha.example"),
        RequirementState::Current
    );
    assert_eq!(
        state_of(&at(expires - Duration::days(31)), "ada@alpha.example"),
        RequirementState::Current
    );
    assert_eq!(
        state_of(&at(expires - Duration::days(29)), "ada@alpha.example"),
        RequirementState::DueSoon
    );
    assert_eq!(
        state_of(&at(expires + Duration::days(1)), "ada@alpha.example"),
        RequirementState::Expired
    );
    assert_eq!(
        state_of(&at(now), "new@alpha.example"),
        RequirementState::DueSoon,
        "newly assigned"
    );
    assert_eq!(
        state_of(&at(now + Duration::days(31)), "new@alpha.example"),
        RequirementState::Overdue
    );
    let grid = at(now);
    assert!(
        grid.rows
            .iter()
            .find(|row| row.email == "ada@alpha.example")
            .unwrap()
            .qualified
    );
    assert!(
        !grid
            .rows
            .iter()
            .find(|row| row.email == "new@alpha.example")
            .unwrap()
            .qualified
    );
    // A revoked certificate is no evidence.
    diesel::sql_query("UPDATE certificates SET revoked_at = now(), revoked_by = user_id, revocation_reason = 'test'")
        .execute(&mut connection)
        .unwrap();
    assert_eq!(
        state_of(&at(now + Duration::days(31)), "ada@alpha.example"),
        RequirementState::Overdue
    );
}

#[tokio::test]
async fn the_qualification_api_answers_with_evidence_for_its_own_coe_only() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    matrix_with_two_holders(&app).await;
    let mut connection = app.db.connect();
    let alpha =
        matrix::create_token(&mut connection, Actor::Cli, "coe-alpha", "facility booking").unwrap();
    let beta =
        matrix::create_token(&mut connection, Actor::Cli, "coe-beta", "other booking").unwrap();
    let ask = |token: Option<String>, email: &'static str| {
        let client = reqwest::Client::new();
        let url = format!(
            "{}/api/v1/qualifications?role=cleanroom-operator&email={email}",
            app.address
        );
        async move {
            let mut request = client.get(url);
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            (
                status,
                response
                    .json::<serde_json::Value>()
                    .await
                    .unwrap_or_default(),
            )
        }
    };
    let (status, answer) = ask(Some(alpha.clone()), "ada@alpha.example").await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["qualified"], true);
    assert_eq!(answer["requirements"][0]["state"], "current");
    assert_eq!(answer["requirements"][0]["evidence"]["kind"], "certificate");
    assert!(answer["requirements"][0]["evidence"]["expires_at"].is_string());
    let (_, answer) = ask(Some(alpha.clone()), "new@alpha.example").await;
    assert_eq!(answer["qualified"], false);
    assert_eq!(answer["holds_role"], true);
    // Anyone who does not hold the role gets the same answer, known or not.
    let (status, stranger) = ask(Some(alpha.clone()), "lea@alpha.example").await;
    let (_, unknown) = ask(Some(alpha.clone()), "nobody@nowhere.example").await;
    assert_eq!(status, 200);
    assert_eq!(stranger["holds_role"], false);
    assert_eq!(stranger["requirements"], unknown["requirements"]);
    assert_eq!(stranger["qualified"], unknown["qualified"]);
    let (status, _) = ask(Some(beta.clone()), "ada@alpha.example").await;
    assert_eq!(
        status, 404,
        "a token of another CoE cannot see this CoE's roles"
    );
    let (status, _) = ask(None, "ada@alpha.example").await;
    assert_eq!(status, 401);
    let (status, _) = ask(Some("atmp_forged".to_owned()), "ada@alpha.example").await;
    assert_eq!(status, 401);
    // Expired (at a later clock) and revoked certificates do not qualify.
    let coe = matrix::coe_of_token(&mut connection, &alpha).unwrap();
    let later = matrix::qualification(
        &mut connection,
        coe,
        "cleanroom-operator",
        "ada@alpha.example",
        expires_at(&app) + Duration::days(1),
    )
    .unwrap();
    assert!(!later.qualified);
    assert_eq!(later.requirements[0].state, RequirementState::Expired);
    let code: String = {
        #[derive(QueryableByName)]
        struct Code {
            #[diesel(sql_type = diesel::sql_types::Text)]
            code: String,
        }
        diesel::sql_query("SELECT code FROM certificates")
            .get_result::<Code>(&mut connection)
            .unwrap()
            .code
    };
    crate::certificates::grant_admin(&app, "admin@alpha.example");
    let admin = crate::helpers::session_user(&app.db, "admin@alpha.example");
    certificates::revoke(
        &mut connection,
        &admin,
        &code,
        "Training record error",
        Utc::now(),
    )
    .unwrap();
    let (_, answer) = ask(Some(alpha.clone()), "ada@alpha.example").await;
    assert_eq!(answer["qualified"], false, "{answer}");
    matrix::revoke_token(&mut connection, Actor::Cli, &alpha).unwrap();
    let (status, _) = ask(Some(alpha), "ada@alpha.example").await;
    assert_eq!(status, 401, "a revoked token");
}

#[tokio::test]
async fn roles_need_courses_and_only_coordinators_keep_the_matrix() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    matrix_with_two_holders(&app).await;
    let coordinator = app.signed_in_browser("cora@alpha.example").await;
    let page = coordinator.get_text("/coordinate/coe-alpha/matrix").await;
    assert!(
        page.contains("Cleanroom operator") && page.contains("Ada Lovelace"),
        "{page}"
    );
    let empty = coordinator
        .post_form(
            "/coordinate/coe-alpha/roles",
            &[
                ("csrf_token", csrf_of(&page).as_str()),
                ("title", "Nothing required"),
                ("courses", ""),
            ],
        )
        .await;
    assert_eq!(empty.status(), 400);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("at least one required course")
    );
    let unknown = coordinator
        .post_form(
            "/coordinate/coe-alpha/roles",
            &[
                ("csrf_token", csrf_of(&page).as_str()),
                ("title", "Vector scientist"),
                ("courses", "no-such-course"),
            ],
        )
        .await;
    assert_eq!(unknown.status(), 404);
    let csv = coordinator
        .get_text("/coordinate/coe-alpha/matrix.csv")
        .await;
    assert!(csv.starts_with("name,email,role,course,state"));
    assert!(csv.contains("ada@alpha.example") && csv.contains("current"));
    let learner = app.signed_in_browser("lea@alpha.example").await;
    assert_eq!(
        learner.get("/coordinate/coe-alpha/matrix").await.status(),
        403
    );
    assert_eq!(
        learner
            .get("/coordinate/coe-alpha/matrix.csv")
            .await
            .status(),
        403
    );
}
