//! Enrolment, progress and notifications: enrol, approval, prerequisites,
//! windows, version binding, completion, withdrawal, seat-limited sessions
//! under parallel requests, and the email outbox with a real SMTP server.

use atmp_academy::audit::Actor;
use atmp_academy::enrolment::service::{self as enrolment, EnrolMethod};
use atmp_academy::hands_on::queries::SessionId;
use atmp_academy::hands_on::service::{self as hands_on, BookingOutcome, SessionInput};
use atmp_academy::identity::models::{Role, SessionUser};
use atmp_academy::identity::service::{self as identity, GrantRequest};
use atmp_academy::ids::UserId;
use chrono::{Duration, Utc};
use diesel::{PgConnection, RunQueryDsl};

use crate::fixtures::{self, standard_tree};
use crate::helpers::{Browser, SmtpSink, TestApp, count, csrf_of, import};

/// Creates an account directly (no sign-in needed) and returns its id.
fn person(connection: &mut PgConnection, email: &str) -> UserId {
    crate::helpers::insert_person(connection, email)
}

fn coordinator(connection: &mut PgConnection, email: &str, coe: &str) -> SessionUser {
    identity::grant_role(
        connection,
        Actor::Cli,
        &GrantRequest {
            email: email.to_owned(),
            role: Role::Coordinator,
            coe_slug: Some(coe.to_owned()),
            course_slug: None,
            create_with_name: Some(format!("Coordinator {coe}")),
        },
    )
    .expect("grant");
    let user_id = {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::Uuid)]
            id: uuid::Uuid,
        }
        let row: Id = diesel::sql_query("SELECT id FROM users WHERE email = $1")
            .bind::<diesel::sql_types::Text, _>(email)
            .get_result(connection)
            .expect("coordinator");
        UserId(row.id)
    };
    identity::session_user(connection, user_id)
        .expect("load")
        .expect("exists")
}

async fn enrol_in_browser(browser: &Browser, slug: &str) -> reqwest::Response {
    let page = browser.get_text(&format!("/courses/{slug}")).await;
    browser
        .post_form(
            &format!("/courses/{slug}/enrol"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await
}

async fn drain_outbox(app: &TestApp) {
    let worker = app.outbox_worker.clone();
    for _ in 0..20 {
        let report = worker.pass().await.expect("outbox pass");
        if report.sent + report.failed == 0 {
            return;
        }
    }
}

#[tokio::test]
async fn open_enrolment_confirms_by_email_and_shows_progress() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let response = enrol_in_browser(&browser, "public-intro").await;
    assert_eq!(response.status(), 303);
    let course = browser.get_text("/courses/public-intro").await;
    assert!(course.contains("You are enrolled (version 1)"), "{course}");
    assert!(course.contains("Start: What is a gene?"));
    drain_outbox(&app).await;
    let emails = app.emails();
    assert!(
        emails
            .iter()
            .any(|email| email.contains("You are enrolled: Advanced therapies for everyone")),
        "{emails:?}"
    );
    let learning = browser.get_text("/learning").await;
    assert!(learning.contains("Advanced therapies for everyone") && learning.contains("0%"));
}

#[tokio::test]
async fn parallel_double_submit_of_enrol_makes_one_enrolment() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let page = browser.get_text("/courses/public-intro").await;
    let csrf = csrf_of(&page);
    let statuses = browser
        .post_form_in_parallel(
            "/courses/public-intro/enrol",
            &[("csrf_token", csrf.as_str())],
            20,
        )
        .await;
    assert_eq!(
        statuses.iter().filter(|status| **status == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|status| *status == 303 || *status == 409),
        "{statuses:?}"
    );
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM enrolments"
        ),
        1
    );
}

#[tokio::test]
async fn unmet_prerequisites_are_explained_with_links() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let response = enrol_in_browser(&browser, "cleanroom-basics").await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.expect("body");
    assert!(
        body.contains("builds on Advanced therapies for everyone"),
        "{body}"
    );
    let course = browser.get_text("/courses/cleanroom-basics").await;
    assert!(
        course.contains("href=\"/courses/public-intro\""),
        "the course page links the prerequisite"
    );
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM enrolments"
        ),
        0
    );
}

#[tokio::test]
async fn completing_every_required_lesson_completes_the_course_once() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_in_browser(&browser, "public-intro").await;
    let lesson = browser
        .get_text("/courses/public-intro/basics/what-is-a-gene")
        .await;
    assert!(!lesson.contains("class=\"done-note\""), "not done yet");
    let response = browser
        .post_form(
            "/courses/public-intro/basics/what-is-a-gene/complete",
            &[("csrf_token", csrf_of(&lesson).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        browser
            .get_text("/courses/public-intro/basics/what-is-a-gene")
            .await
            .contains("class=\"done-note\""),
        "the lesson page shows it done at once"
    );
    assert_eq!(
        response.headers()["location"],
        "/courses/public-intro/basics/what-is-a-cell",
        "on to the next lesson"
    );
    assert!(
        browser
            .get_text("/courses/public-intro")
            .await
            .contains("50%")
    );
    // The last lesson, completed by several parallel requests: one completion.
    let csrf = csrf_of(&lesson);
    browser
        .post_form_in_parallel(
            "/courses/public-intro/basics/what-is-a-cell/complete",
            &[("csrf_token", csrf.as_str())],
            6,
        )
        .await;
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM enrolments WHERE status = 'completed'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'enrolment.completed'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'progress.lesson_completed'"
        ),
        2,
        "each lesson's completion is recorded once, however often it is sent"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM enrolments e JOIN lessons l ON l.id = e.last_lesson_id \
             WHERE l.slug = 'what-is-a-cell'"
        ),
        1,
        "the last lesson completed is the enrolment's last lesson"
    );
    drain_outbox(&app).await;
    let completed: Vec<String> = app
        .emails()
        .into_iter()
        .filter(|email| email.contains("Course completed"))
        .collect();
    assert_eq!(completed.len(), 1);
    assert!(browser.get_text("/learning").await.contains("100%"));
}

#[tokio::test]
async fn my_learning_shows_new_progress_and_a_catalogue_change_made_outside_this_server_at_once() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    assert_eq!(
        enrol_in_browser(&browser, "public-intro").await.status(),
        303
    );
    let learning = browser.get_text("/learning").await;
    assert!(learning.contains("0%"), "{learning}");
    assert!(
        learning.contains("/courses/public-intro/basics/what-is-a-gene"),
        "the next lesson is the first: {learning}"
    );

    let lesson = browser
        .get_text("/courses/public-intro/basics/what-is-a-gene")
        .await;
    let done = browser
        .post_form(
            "/courses/public-intro/basics/what-is-a-gene/complete",
            &[("csrf_token", csrf_of(&lesson).as_str())],
        )
        .await;
    assert_eq!(done.status(), 303);
    let learning = browser.get_text("/learning").await;
    assert!(learning.contains("50%"), "{learning}");
    assert!(
        learning.contains("/courses/public-intro/basics/what-is-a-cell"),
        "the next lesson moves on: {learning}"
    );

    // Another process renames the course's address.
    let mut connection = app.db.connect();
    diesel::sql_query(
        "UPDATE courses SET slug = 'public-introduction' WHERE slug = 'public-intro'",
    )
    .execute(&mut connection)
    .expect("rename the course");
    let learning = browser.get_text("/learning").await;
    assert!(
        learning.contains("/courses/public-introduction/basics/what-is-a-cell"),
        "{learning}"
    );
    assert!(!learning.contains("/courses/public-intro/"), "{learning}");
    let json: serde_json::Value = browser
        .get("/api/v1/me/enrolments")
        .await
        .json()
        .await
        .expect("My learning as JSON");
    assert_eq!(json[0]["course_slug"], "public-introduction", "{json}");
}

#[tokio::test]
async fn approval_requests_go_to_coordinators_and_declines_need_a_reason() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    let coordinator_user = coordinator(&mut connection, "coord@beta.example", "coe-beta");
    let learner = app.signed_in_browser("ada@alpha.example").await;
    assert_eq!(
        enrol_in_browser(&learner, "vector-safety").await.status(),
        303
    );
    assert!(
        learner
            .get_text("/courses/vector-safety")
            .await
            .contains("waiting for the coordinator")
    );
    assert_eq!(
        learner
            .get("/courses/vector-safety/vectors/lentivirus")
            .await
            .status(),
        403,
        "pending is not enrolled"
    );
    drain_outbox(&app).await;
    assert!(
        app.emails()
            .iter()
            .any(|email| email.contains("To: coord@beta.example")
                && email.contains("Enrolment request to review"))
    );

    let coordinator_browser = app.signed_in_browser("coord@beta.example").await;
    let page = coordinator_browser.get_text("/coordinate/coe-beta").await;
    assert!(page.contains("ada@alpha.example"), "{page}");
    let id = page
        .split("/coordinate/enrolments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("request id")
        .to_owned();
    let decline = coordinator_browser
        .post_form(
            &format!("/coordinate/enrolments/{id}/decision"),
            &[
                ("csrf_token", csrf_of(&page).as_str()),
                ("decision", "decline"),
            ],
        )
        .await;
    assert_eq!(decline.status(), 400, "a decline needs a reason");
    let approve = coordinator_browser
        .post_form(
            &format!("/coordinate/enrolments/{id}/decision"),
            &[
                ("csrf_token", csrf_of(&page).as_str()),
                ("decision", "approve"),
            ],
        )
        .await;
    assert_eq!(approve.status(), 303);
    assert_eq!(
        learner
            .get("/courses/vector-safety/vectors/lentivirus")
            .await
            .status(),
        200
    );
    drain_outbox(&app).await;
    assert!(
        app.emails()
            .iter()
            .any(|email| email.contains("To: ada@alpha.example")
                && email.contains("Your place is confirmed"))
    );
    // Another CoE's coordinator cannot decide.
    let other = coordinator(&mut connection, "coord@alpha.example", "coe-alpha");
    let learner_two = person(&mut connection, "bob@alpha.example");
    enrolment::enrol(
        &mut connection,
        learner_two,
        "vector-safety",
        EnrolMethod::SelfService,
        None,
        Utc::now(),
    )
    .expect("request");
    let pending_id = {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::Uuid)]
            id: uuid::Uuid,
        }
        diesel::sql_query("SELECT id FROM enrolments WHERE status = 'pending'")
            .get_result::<Id>(&mut connection)
            .expect("pending")
            .id
    };
    let refused = enrolment::decide(
        &mut connection,
        &other,
        atmp_academy::enrolment::queries::EnrolmentId(pending_id),
        true,
        None,
    );
    assert!(
        refused
            .expect_err("foreign coordinator")
            .to_string()
            .contains("Only coordinators of the CoE")
    );
    enrolment::decide(
        &mut connection,
        &coordinator_user,
        atmp_academy::enrolment::queries::EnrolmentId(pending_id),
        true,
        None,
    )
    .expect("own coordinator");
}

#[tokio::test]
async fn a_new_version_does_not_change_an_enrolled_learners_syllabus() {
    let tree = standard_tree();
    let app = TestApp::with_fixture(standard_tree()).await;
    import(&app.db, tree.path()).expect("same content");
    let early = app.signed_in_browser("ada@alpha.example").await;
    enrol_in_browser(&early, "public-intro").await;
    fixtures::lesson(
        tree.path(),
        "public-intro",
        "02-more",
        "01-what-is-a-vector",
        "What is a vector?",
        "Vectors carry genes.",
    );
    let report = import(&app.db, tree.path()).expect("new version");
    assert_eq!(
        report.versions_published,
        vec![("public-intro".to_owned(), 2)]
    );
    let early_view = early.get_text("/courses/public-intro").await;
    assert!(
        early_view.contains("You are enrolled (version 1)")
            && !early_view.contains("What is a vector?")
    );
    let late = app.signed_in_browser("bob@alpha.example").await;
    enrol_in_browser(&late, "public-intro").await;
    let late_view = late.get_text("/courses/public-intro").await;
    assert!(
        late_view.contains("You are enrolled (version 2)")
            && late_view.contains("What is a vector?")
    );
    // The early learner cannot record progress on a lesson their version lacks.
    let lesson = early
        .get_text("/courses/public-intro/basics/what-is-a-gene")
        .await;
    let response = early
        .post_form(
            "/courses/public-intro/more/what-is-a-vector/complete",
            &[("csrf_token", csrf_of(&lesson).as_str())],
        )
        .await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn withdrawal_and_re_enrolment_are_recorded() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_in_browser(&browser, "public-intro").await;
    let page = browser.get_text("/courses/public-intro").await;
    let id = page
        .split("/enrolments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("id")
        .to_owned();
    let response = browser
        .post_form(
            &format!("/enrolments/{id}/withdraw"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        browser
            .get_text("/courses/public-intro")
            .await
            .contains("You withdrew")
    );
    let again = browser
        .post_form(
            &format!("/enrolments/{id}/withdraw"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(again.status(), 409, "already withdrawn");
    assert_eq!(
        enrol_in_browser(&browser, "public-intro").await.status(),
        303,
        "enrol again"
    );
    let mut connection = app.db.connect();
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM enrolments"),
        2,
        "the old enrolment stays on record"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE entity_type = 'enrolment'"
        ),
        3
    );
}

#[tokio::test]
async fn closed_windows_and_archived_courses_refuse_enrolment() {
    let tree = standard_tree();
    let path = tree.path().join("public-intro/course.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        format!("{text}enrolment_opens = 2020-01-01\nenrolment_closes = 2021-01-01\n"),
    )
    .expect("write");
    let app = TestApp::with_fixture(tree).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let response = enrol_in_browser(&browser, "public-intro").await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("closed on 1 January 2021")
    );
    let emptied = standard_tree();
    std::fs::remove_dir_all(emptied.path().join("vector-safety")).expect("remove");
    import(&app.db, emptied.path()).expect("archive vector-safety");
    let mut connection = app.db.connect();
    let learner = person(&mut connection, "bob@alpha.example");
    let error = enrolment::enrol(
        &mut connection,
        learner,
        "vector-safety",
        EnrolMethod::SelfService,
        None,
        Utc::now(),
    )
    .expect_err("archived");
    assert!(error.to_string().contains("archived"), "{error}");
}

#[tokio::test]
async fn seat_limit_holds_under_parallel_booking_and_freed_seats_go_in_arrival_order() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    let coordinator_user = coordinator(&mut connection, "coord@beta.example", "coe-beta");
    let session = hands_on::schedule(
        &mut connection,
        &coordinator_user,
        &SessionInput {
            course_slug: "public-intro".to_owned(),
            title: "Cleanroom visit".to_owned(),
            location: "GMP suite, Milan".to_owned(),
            starts_at: Utc::now() + Duration::days(10),
            ends_at: Utc::now() + Duration::days(10) + Duration::hours(3),
            seats: 10,
        },
        Utc::now(),
    )
    .expect("schedule");
    let learners: Vec<UserId> = (0..60)
        .map(|index| {
            let learner = person(&mut connection, &format!("learner{index}@alpha.example"));
            enrolment::enrol(
                &mut connection,
                learner,
                "public-intro",
                EnrolMethod::SelfService,
                None,
                Utc::now(),
            )
            .expect("enrol");
            learner
        })
        .collect();
    let url = app.db.url.clone();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(learners.len()));
    let handles: Vec<_> = learners
        .iter()
        .map(|learner| {
            let (url, learner, barrier) = (url.clone(), *learner, barrier.clone());
            std::thread::spawn(move || {
                use diesel::Connection;
                let mut connection = PgConnection::establish(&url).expect("connect");
                barrier.wait();
                hands_on::book(&mut connection, learner, SessionId(session.0), Utc::now())
                    .expect("book")
            })
        })
        .collect();
    let outcomes: Vec<BookingOutcome> = handles
        .into_iter()
        .map(|handle| handle.join().expect("thread"))
        .collect();
    assert_eq!(
        outcomes
            .iter()
            .filter(|outcome| **outcome == BookingOutcome::Booked)
            .count(),
        10
    );
    assert_eq!(
        outcomes
            .iter()
            .filter(|outcome| **outcome == BookingOutcome::Waitlisted)
            .count(),
        50
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM session_bookings WHERE status = 'booked'"
        ),
        10
    );

    // Three booked learners give up their seats: the first three waiting move up, in arrival order.
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        user_id: uuid::Uuid,
    }
    let waiting_in_order: Vec<uuid::Uuid> = diesel::sql_query(
        "SELECT user_id FROM session_bookings WHERE status = 'waitlisted' ORDER BY requested_seq",
    )
    .load::<Row>(&mut connection)
    .expect("waitlist")
    .into_iter()
    .map(|row| row.user_id)
    .collect();
    let booked: Vec<uuid::Uuid> = diesel::sql_query("SELECT user_id FROM session_bookings WHERE status = 'booked' ORDER BY requested_seq LIMIT 3")
        .load::<Row>(&mut connection)
        .expect("booked")
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    for user in booked {
        let learner = identity::session_user(&mut connection, UserId(user))
            .expect("load")
            .expect("user");
        hands_on::cancel(
            &mut connection,
            &learner,
            SessionId(session.0),
            learner.id,
            None,
            Utc::now(),
        )
        .expect("cancel");
    }
    let promoted: Vec<uuid::Uuid> = diesel::sql_query(
        "SELECT user_id FROM session_bookings WHERE promoted_at IS NOT NULL ORDER BY promoted_at",
    )
    .load::<Row>(&mut connection)
    .expect("promoted")
    .into_iter()
    .map(|row| row.user_id)
    .collect();
    assert_eq!(promoted, waiting_in_order[..3].to_vec());
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM session_bookings WHERE status = 'booked'"
        ),
        10
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'waitlist_promoted'"
        ),
        3
    );
}

#[tokio::test]
async fn emails_wait_while_smtp_is_down_and_arrive_exactly_once_when_it_returns() {
    let port = crate::helpers::free_port();
    let app = TestApp::with_fixture_and_options(
        standard_tree(),
        &[
            "--smtp-url".to_owned(),
            format!("smtp://127.0.0.1:{port}"),
            "--outbox-worker".to_owned(),
            "false".to_owned(),
            "--outbox-retry-seconds".to_owned(),
            "1".to_owned(),
        ],
    )
    .await;
    let mut connection = app.db.connect();
    for index in 0..5 {
        let learner = person(&mut connection, &format!("learner{index}@alpha.example"));
        enrolment::enrol(
            &mut connection,
            learner,
            "public-intro",
            EnrolMethod::SelfService,
            None,
            Utc::now(),
        )
        .expect("enrol works without SMTP");
    }
    let report = app.outbox_worker.pass().await.expect("pass");
    assert_eq!(report.failed, 5, "the server is down");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE sent_at IS NULL AND dead_at IS NULL"
        ),
        5
    );
    let sink = SmtpSink::start_on(port);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    // Two workers race for the same rows.
    let (first, second) = tokio::join!(app.outbox_worker.pass(), app.outbox_worker.pass());
    assert_eq!(first.expect("pass").sent + second.expect("pass").sent, 5);
    let delivered = sink.messages();
    assert_eq!(delivered.len(), 5, "every email once");
    let mut recipients: Vec<String> = delivered
        .iter()
        .filter_map(|message| {
            message
                .lines()
                .find(|line| line.starts_with("To: "))
                .map(str::to_owned)
        })
        .collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 5, "no duplicates");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE sent_at IS NOT NULL"
        ),
        5
    );
}

#[tokio::test]
async fn two_workers_never_send_the_same_email_twice() {
    let sink = SmtpSink::start();
    let app = TestApp::with_fixture_and_options(
        standard_tree(),
        &[
            "--smtp-url".to_owned(),
            sink.url(),
            "--outbox-worker".to_owned(),
            "false".to_owned(),
        ],
    )
    .await;
    let mut connection = app.db.connect();
    for index in 0..40 {
        let learner = person(&mut connection, &format!("learner{index}@alpha.example"));
        enrolment::enrol(
            &mut connection,
            learner,
            "public-intro",
            EnrolMethod::SelfService,
            None,
            Utc::now(),
        )
        .expect("enrol");
    }
    let worker = app.outbox_worker.clone();
    let mut handles = Vec::new();
    for _ in 0..2 {
        let worker = worker.clone();
        handles.push(tokio::spawn(async move {
            let mut sent = 0;
            loop {
                let report = worker.pass().await.expect("pass");
                sent += report.sent;
                if report.sent + report.failed == 0 {
                    return sent;
                }
            }
        }));
    }
    let mut total = 0;
    for handle in handles {
        total += handle.await.expect("worker");
    }
    assert_eq!(total, 40);
    assert_eq!(sink.messages().len(), 40);
}

async fn upload_cohort(app: &TestApp, browser: &Browser, csv: Vec<u8>) -> (u16, String) {
    let page = browser.get_text("/coordinate/coe-beta").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_of(&page))
        .text("course", "public-intro")
        .text("due", "2027-06-30")
        .part(
            "file",
            reqwest::multipart::Part::bytes(csv)
                .file_name("cohort.csv")
                .mime_str("text/csv")
                .expect("mime"),
        );
    let response = browser
        .client
        .post(format!("{}/coordinate/coe-beta/cohort", app.address))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn a_cohort_of_five_thousand_learners_is_enrolled_in_one_go() {
    let app = TestApp::with_fixture(standard_tree()).await;
    coordinator(&mut app.db.connect(), "coord@beta.example", "coe-beta");
    let browser = app.signed_in_browser("coord@beta.example").await;
    let mut csv = String::from("email,name,institution\n");
    for index in 0..5000 {
        let institution = if index % 2 == 0 { "alpha-hospital" } else { "" };
        csv.push_str(&format!(
            "learner{index}@alpha.example,\"Learner, {index}\",{institution}\n"
        ));
    }
    let started = std::time::Instant::now();
    let (status, body) = upload_cohort(&app, &browser, csv.into_bytes()).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("5,000 learners enrolled (5,000 new accounts)"),
        "{body}"
    );
    eprintln!("5,000-row cohort enrolled in {:?}", started.elapsed());
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM enrolments WHERE method = 'cohort' AND due_at IS NOT NULL"
        ),
        5000
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'enrolment_confirmed'"
        ),
        5000
    );
}

#[tokio::test]
async fn a_bad_cohort_file_enrols_nobody_and_names_each_problem() {
    let app = TestApp::with_fixture(standard_tree()).await;
    coordinator(&mut app.db.connect(), "coord@beta.example", "coe-beta");
    let browser = app.signed_in_browser("coord@beta.example").await;
    let users_before = count(&mut app.db.connect(), "SELECT count(*) AS n FROM users");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"email,name,institution\nnot-an-email,X,\n".to_vec(),
            "is not an email address",
        ),
        (
            b"email,name,institution\nada@alpha.example,Ada,\nADA@alpha.example,Ada again,\n"
                .to_vec(),
            "is already on line 2",
        ),
        (
            b"email,name,institution\nada@alpha.example,Ada,Atlantis University\n".to_vec(),
            "unknown institution",
        ),
        (
            b"mail,fullname\nada@alpha.example,Ada\n".to_vec(),
            "header email,name,institution",
        ),
        (
            b"email,name,institution\nada@alpha.example,\xe9l\xe8ve,\n".to_vec(),
            "not UTF-8",
        ),
        (
            b"email,name,institution\ngood@alpha.example,Good,\nbad,Bad,\n".to_vec(),
            "nobody was enrolled",
        ),
    ];
    for (csv, words) in cases {
        let (status, body) = upload_cohort(&app, &browser, csv).await;
        assert_eq!(status, 400, "{words}: {body}");
        assert!(
            body.contains(words) || body.contains(&words.replace('"', "&quot;")),
            "expected \"{words}\" in {body}"
        );
    }
    let mut connection = app.db.connect();
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM enrolments"),
        0
    );
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM users"),
        users_before,
        "no account was created"
    );
    // A 50 MB upload is refused before it is read.
    let (status, body) = upload_cohort(&app, &browser, vec![b'a'; 50 * 1024 * 1024]).await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("cohort CSV files 5 MB"), "{body}");
}

#[tokio::test]
async fn the_api_enrols_records_progress_and_needs_the_csrf_header() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let me: serde_json::Value = browser.get("/api/v1/me").await.json().await.expect("me");
    let token = me["csrf_token"].as_str().expect("token").to_owned();
    let url = |path: &str| format!("{}{path}", app.address);
    let without = browser
        .client
        .post(url("/api/v1/courses/public-intro/enrolments"))
        .send()
        .await
        .expect("POST");
    assert_eq!(without.status(), 403, "no CSRF header");
    let body: serde_json::Value = without.json().await.expect("envelope");
    assert_eq!(body["error"]["code"], "forbidden");
    let created = browser
        .client
        .post(url("/api/v1/courses/public-intro/enrolments"))
        .header("X-CSRF-Token", &token)
        .send()
        .await
        .expect("POST");
    assert_eq!(created.status(), 201);
    assert_eq!(
        created.json::<serde_json::Value>().await.expect("json")["status"],
        "active"
    );
    let twice = browser
        .client
        .post(url("/api/v1/courses/public-intro/enrolments"))
        .header("X-CSRF-Token", &token)
        .send()
        .await
        .expect("POST");
    assert_eq!(twice.status(), 409);
    let progress: serde_json::Value = browser
        .client
        .post(url(
            "/api/v1/courses/public-intro/lessons/basics/what-is-a-gene/complete",
        ))
        .header("X-CSRF-Token", &token)
        .send()
        .await
        .expect("POST")
        .json()
        .await
        .expect("progress");
    assert_eq!(progress["percent"], 50);
    assert_eq!(
        progress["next_lesson_path"],
        "/courses/public-intro/basics/what-is-a-cell"
    );
    let mine: serde_json::Value = browser
        .get("/api/v1/me/enrolments")
        .await
        .json()
        .await
        .expect("list");
    assert_eq!(mine[0]["course_slug"], "public-intro");
    assert_eq!(
        app.get("/api/v1/me/enrolments").await.status(),
        401,
        "anonymous"
    );
    let missing = browser.get("/api/v1/courses/vector-safety/progress").await;
    assert_eq!(missing.status(), 404);
    let (_, openapi) = app.get_json("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/me",
        "/api/v1/me/enrolments",
        "/api/v1/courses/{slug}/enrolments",
        "/api/v1/enrolments/{id}/withdraw",
        "/api/v1/courses/{slug}/progress",
    ] {
        assert!(openapi["paths"][path].is_object(), "{path} is documented");
    }
}

#[tokio::test]
async fn emails_that_keep_failing_become_dead_letters_admins_can_see() {
    let app = TestApp::with_fixture_and_options(
        standard_tree(),
        &["--outbox-worker".to_owned(), "false".to_owned()],
    )
    .await;
    let mut connection = app.db.connect();
    let learner = person(&mut connection, "ada@alpha.example");
    enrolment::enrol(
        &mut connection,
        learner,
        "public-intro",
        EnrolMethod::SelfService,
        None,
        Utc::now(),
    )
    .expect("enrol");
    // A worker whose SMTP server never answers, allowed a single attempt.
    let mut worker = app.outbox_worker.clone();
    worker.settings.max_attempts = 1;
    let dead_port = crate::helpers::free_port();
    worker.mailer = atmp_academy::mail::Mailer::new(
        Some(&format!("smtp://127.0.0.1:{dead_port}")),
        app.data_dir.path().join("unused"),
        "ATMP Academy <no-reply@localhost>",
    )
    .expect("mailer");
    assert_eq!(worker.pass().await.expect("pass").failed, 1);
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE dead_at IS NOT NULL"
        ),
        1
    );
    identity::grant_role(
        &mut connection,
        Actor::Cli,
        &GrantRequest {
            email: "admin@alpha.example".to_owned(),
            role: Role::NetworkAdmin,
            coe_slug: None,
            course_slug: None,
            create_with_name: Some("Admin".to_owned()),
        },
    )
    .expect("admin");
    let admin = app.signed_in_browser("admin@alpha.example").await;
    let page = admin.get_text("/admin/outbox").await;
    assert!(
        page.contains("enrolment_confirmed") && page.contains("ada@alpha.example"),
        "{page}"
    );
    assert_eq!(
        app.signed_in_browser("bob@alpha.example")
            .await
            .get("/admin/outbox")
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn day_before_reminders_are_queued_once_even_with_two_workers() {
    let app = TestApp::with_fixture_and_options(
        standard_tree(),
        &["--outbox-worker".to_owned(), "false".to_owned()],
    )
    .await;
    let mut connection = app.db.connect();
    let coordinator_user = coordinator(&mut connection, "coord@beta.example", "coe-beta");
    let soon = hands_on::schedule(
        &mut connection,
        &coordinator_user,
        &SessionInput {
            course_slug: "public-intro".to_owned(),
            title: "Tomorrow's visit".to_owned(),
            location: "Vector core".to_owned(),
            starts_at: Utc::now() + Duration::hours(20),
            ends_at: Utc::now() + Duration::hours(22),
            seats: 5,
        },
        Utc::now(),
    )
    .expect("schedule");
    let later = hands_on::schedule(
        &mut connection,
        &coordinator_user,
        &SessionInput {
            course_slug: "public-intro".to_owned(),
            title: "Next week's visit".to_owned(),
            location: "Vector core".to_owned(),
            starts_at: Utc::now() + Duration::days(7),
            ends_at: Utc::now() + Duration::days(7) + Duration::hours(2),
            seats: 5,
        },
        Utc::now(),
    )
    .expect("schedule");
    for index in 0..3 {
        let learner = person(&mut connection, &format!("learner{index}@alpha.example"));
        enrolment::enrol(
            &mut connection,
            learner,
            "public-intro",
            EnrolMethod::SelfService,
            None,
            Utc::now(),
        )
        .expect("enrol");
        hands_on::book(&mut connection, learner, soon, Utc::now()).expect("book soon");
        hands_on::book(&mut connection, learner, later, Utc::now()).expect("book later");
    }
    let (first, second) = tokio::join!(app.outbox_worker.pass(), app.outbox_worker.pass());
    first.expect("pass");
    second.expect("pass");
    app.outbox_worker.pass().await.expect("a third pass");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'session_reminder'"
        ),
        3,
        "one per booked place, only for tomorrow"
    );
}

#[tokio::test]
async fn coordinators_mark_attendance_of_booked_learners_only() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    let coordinator_user = coordinator(&mut connection, "coord@beta.example", "coe-beta");
    let session = hands_on::schedule(
        &mut connection,
        &coordinator_user,
        &SessionInput {
            course_slug: "public-intro".to_owned(),
            title: "Gowning practice".to_owned(),
            location: "Training cleanroom".to_owned(),
            starts_at: Utc::now() + Duration::days(3),
            ends_at: Utc::now() + Duration::days(3) + Duration::hours(2),
            seats: 1,
        },
        Utc::now(),
    )
    .expect("schedule");
    let booked = person(&mut connection, "booked@alpha.example");
    let waiting = person(&mut connection, "waiting@alpha.example");
    for learner in [booked, waiting] {
        enrolment::enrol(
            &mut connection,
            learner,
            "public-intro",
            EnrolMethod::SelfService,
            None,
            Utc::now(),
        )
        .expect("enrol");
        hands_on::book(&mut connection, learner, session, Utc::now()).expect("book");
    }
    let browser = app.signed_in_browser("coord@beta.example").await;
    let page = browser
        .get_text(&format!("/coordinate/sessions/{session}"))
        .await;
    assert!(
        page.contains("booked@alpha.example") && page.contains("waitlisted"),
        "{page}"
    );
    let booking = page
        .split("/bookings/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("booking id")
        .to_owned();
    let response = browser
        .post_form(
            &format!("/coordinate/sessions/{session}/bookings/{booking}/attendance"),
            &[("csrf_token", csrf_of(&page).as_str()), ("attended", "yes")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM session_bookings WHERE status = 'attended'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'session.attendance_marked'"
        ),
        1
    );
    let learner_browser = app.signed_in_browser("booked@alpha.example").await;
    assert_eq!(
        learner_browser
            .get(&format!("/coordinate/sessions/{session}"))
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn coordinators_withdraw_a_learner_with_a_reason_from_their_page() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    coordinator(&mut connection, "coord@beta.example", "coe-beta");
    let learner = person(&mut connection, "ada@alpha.example");
    enrolment::enrol(
        &mut connection,
        learner,
        "public-intro",
        EnrolMethod::SelfService,
        None,
        Utc::now(),
    )
    .expect("enrol");
    let browser = app.signed_in_browser("coord@beta.example").await;
    let page = browser.get_text("/coordinate/coe-beta").await;
    assert!(page.contains("ada@alpha.example"), "{page}");
    let id = page
        .split("/enrolments/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("id")
        .to_owned();
    let csrf = csrf_of(&page);
    let without = browser
        .post_form(
            &format!("/enrolments/{id}/withdraw"),
            &[("csrf_token", csrf.as_str()), ("reason", "")],
        )
        .await;
    assert_eq!(without.status(), 400, "a coordinator gives a reason");
    let with = browser
        .post_form(
            &format!("/enrolments/{id}/withdraw"),
            &[
                ("csrf_token", csrf.as_str()),
                ("reason", "Left the hospital."),
            ],
        )
        .await;
    assert_eq!(with.status(), 303);
    assert_eq!(with.headers()["location"], "/coordinate/coe-beta");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'enrolment.withdrawn' AND reason = 'Left the hospital.'"
        ),
        1
    );
}
