//! Assessments: attempts through the pages, grading, completion through a
//! passed assessment, no answers in the browser before grading, the attempt
//! limit under parallel requests, the server-side time limit, bad answers.

use atmp_academy::assessment::grading::Answer;
use atmp_academy::assessment::kept::KeptAssessment;
use atmp_academy::assessment::queries::{Attempt, AttemptId, QuestionId};
use atmp_academy::assessment::service::{self as assessment, AssessmentError};
use atmp_academy::catalog::cache::CatalogueCache;
use atmp_academy::enrolment::service::{self as enrolment, EnrolMethod};
use atmp_academy::identity::claimant::Claimant;
use atmp_academy::ids::UserId;
use chrono::Utc;
use diesel::{PgConnection, RunQueryDsl};

use crate::fixtures::{self, standard_tree, write};
use crate::helpers::{Browser, TestApp, count, csrf_of};

/// The standard tree, with a required, timed check in `public-intro`:
/// four true statements (answer "true" to all), three drawn per attempt.
fn tree_with_check(quiz: &str) -> tempfile::TempDir {
    tree_with_settings(quiz, "")
}

/// Like `tree_with_check`, with extra `[assessment]` lines.
fn tree_with_settings(quiz: &str, extra_settings: &str) -> tempfile::TempDir {
    let tree = standard_tree();
    fixtures::lesson(
        tree.path(),
        "public-intro",
        "02-check",
        "01-about",
        "About the check",
        "How the check works.",
    );
    write(
        tree.path(),
        "public-intro/modules/02-check/module.toml",
        &format!(
            "title = \"Check\"\n[assessment]\ntitle = \"Self-check\"\npass_mark_percent = 60\nquestions_per_attempt = 3\nmax_attempts = 3\ntime_limit_minutes = 10\nrequired = true\n{extra_settings}"
        ),
    );
    write(tree.path(), "public-intro/modules/02-check/quiz.gift", quiz);
    tree
}

const TRUE_QUIZ: &str = "::T1::Genes carry instructions.{T#SECRET-WRONG-1#Right, genes carry instructions.}\n\n\
::T2::Cells are the units of life.{T#SECRET-WRONG-2#Right.}\n\n\
::T3::Vectors deliver genes.{T#SECRET-WRONG-3#Right.}\n\n\
::T4::CAR-T cells are modified T cells.{T#SECRET-WRONG-4#Right.}\n";

fn question_ids(html: &str) -> Vec<String> {
    html.split("name=\"q-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter_map(|name| name.strip_suffix("-shown"))
        .map(str::to_owned)
        .collect()
}

/// Enrols in `public-intro` through its page's form; the session's CSRF
/// token.
async fn enrol(browser: &Browser) -> String {
    let page = browser.get_text("/courses/public-intro").await;
    let csrf = csrf_of(&page);
    let response = browser
        .post_form(
            "/courses/public-intro/enrol",
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_eq!(response.status(), 303, "enrolling");
    csrf
}

async fn enrol_and_read_everything(browser: &Browser) {
    enrol(browser).await;
    for lesson in [
        "basics/what-is-a-gene",
        "basics/what-is-a-cell",
        "check/about",
    ] {
        let page = browser
            .get_text(&format!("/courses/public-intro/{lesson}"))
            .await;
        browser
            .post_form(
                &format!("/courses/public-intro/{lesson}/complete"),
                &[("csrf_token", csrf_of(&page).as_str())],
            )
            .await;
    }
}

/// My learning as JSON, with the progress of its first enrolment.
async fn first_enrolment_progress(browser: &Browser) -> (serde_json::Value, serde_json::Value) {
    let learning: serde_json::Value = browser
        .get("/api/v1/me/enrolments")
        .await
        .json()
        .await
        .expect("My learning as JSON");
    let progress = learning[0]["progress"].clone();
    (learning, progress)
}

async fn start_attempt(browser: &Browser) -> (String, String) {
    let overview = browser
        .get_text("/courses/public-intro/check/assessment")
        .await;
    let response = browser
        .post_form(
            "/courses/public-intro/check/assessment/start",
            &[("csrf_token", csrf_of(&overview).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303, "start");
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let page = browser.get_text(&location).await;
    (location, page)
}

/// Submits the attempt at `location` (its page `page`) answering "true" to
/// every question shown.
async fn submit_true_to_every_question(browser: &Browser, location: &str, page: &str) {
    let mut fields = vec![
        ("csrf_token".to_owned(), csrf_of(page)),
        ("action".to_owned(), "submit".to_owned()),
    ];
    for id in &question_ids(page) {
        fields.push((format!("q-{id}-shown"), "1".to_owned()));
        fields.push((format!("q-{id}"), "true".to_owned()));
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    assert_eq!(browser.post_form(location, &fields).await.status(), 303);
}

#[tokio::test]
async fn the_course_page_counts_a_pass_before_the_lessons_are_read() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol(&browser).await;
    let course = browser.get_text("/courses/public-intro").await;
    assert!(course.contains("Still to pass: Self-check"), "{course}");
    let (location, page) = start_attempt(&browser).await;
    submit_true_to_every_question(&browser, &location, &page).await;
    let course = browser.get_text("/courses/public-intro").await;
    assert!(
        !course.contains("Still to pass"),
        "the pass shows at once: {course}"
    );
    assert!(
        course.contains(r#"<progress id="course-progress" max="100" value="25">"#),
        "the pass is one of four required steps: {course}"
    );
}

#[tokio::test]
async fn passing_the_required_check_completes_the_course() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    let course = browser.get_text("/courses/public-intro").await;
    assert!(
        course.contains("Still to pass: Self-check"),
        "lessons alone do not complete it: {course}"
    );
    let (location, page) = start_attempt(&browser).await;
    let ids = question_ids(&page);
    assert_eq!(ids.len(), 3, "three questions drawn");
    assert!(
        !page.contains("SECRET-WRONG") && !page.contains("Right, genes"),
        "no feedback or answers before grading"
    );
    submit_true_to_every_question(&browser, &location, &page).await;
    let result = browser.get_text(&location).await;
    assert!(
        result.contains("Your score: <strong>100%</strong>") && result.contains("You passed"),
        "{result}"
    );
    assert!(result.contains("Right."), "feedback after grading");
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
            "SELECT count(*) AS n FROM audit_events WHERE action = 'attempt.submitted'"
        ),
        1
    );
    let (learning, progress) = first_enrolment_progress(&browser).await;
    assert_eq!(
        progress["assessments_outstanding"],
        serde_json::json!([]),
        "{learning}"
    );
    assert_eq!(progress["required_done"], 4, "the pass counts: {learning}");
    assert_eq!(progress["percent"], 100, "{learning}");
}

#[tokio::test]
async fn a_failed_attempt_shows_the_score_and_leaves_the_course_open() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    let (location, page) = start_attempt(&browser).await;
    let ids = question_ids(&page);
    assert!(ids.len() > 1, "one answered question and others left blank");
    let mut fields = vec![
        ("csrf_token".to_owned(), csrf_of(&page)),
        ("action".to_owned(), "submit".to_owned()),
    ];
    fields.push((format!("q-{}-shown", ids[0]), "1".to_owned()));
    fields.push((format!("q-{}", ids[0]), "false".to_owned()));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    browser.post_form(&location, &fields).await;
    let result = browser.get_text(&location).await;
    assert!(
        result.contains("Your score: <strong>0%</strong>") && result.contains("did not pass"),
        "{result}"
    );
    assert!(
        result.contains("SECRET-WRONG"),
        "the wrong answer's feedback is shown after grading"
    );
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM attempt_answers \
             WHERE answer = '{\"type\": \"bool\", \"value\": false}' \
               AND fraction = 0 AND feedback::text LIKE '%SECRET-WRONG%'"
        ),
        1,
        "the given answer is kept, graded, with its feedback"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM attempt_answers \
             WHERE answer = '{\"type\": \"blank\"}' AND fraction = 0 AND feedback = '[]'"
        ),
        i64::try_from(ids.len() - 1).expect("a few questions"),
        "every question left unanswered is stored as blank and graded 0"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM enrolments WHERE status = 'completed'"
        ),
        0
    );
    let overview = browser
        .get_text("/courses/public-intro/check/assessment")
        .await;
    assert!(overview.contains("2 left"), "{overview}");
    let (learning, progress) = first_enrolment_progress(&browser).await;
    assert_eq!(
        progress["assessments_outstanding"],
        serde_json::json!(["Self-check"]),
        "{learning}"
    );
    assert_eq!(
        progress["required_done"], 3,
        "three lessons, no pass: {learning}"
    );
    assert_eq!(progress["required_total"], 4, "{learning}");
    assert_eq!(progress["percent"], 75, "{learning}");
}

#[tokio::test]
async fn questions_stored_after_a_start_are_drawn_by_the_next_start() {
    let tree = tree_with_check(TRUE_QUIZ);
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    // A version published before question rows existed: its quiz has none.
    let mut connection = app.db.connect();
    for statement in [
        "ALTER TABLE assessment_questions DISABLE TRIGGER assessment_questions_immutable",
        "DELETE FROM assessment_questions",
        "ALTER TABLE assessment_questions ENABLE TRIGGER assessment_questions_immutable",
    ] {
        diesel::sql_query(statement)
            .execute(&mut connection)
            .expect("remove the question rows");
    }
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    let (location, page) = start_attempt(&browser).await;
    assert!(question_ids(&page).is_empty(), "no questions yet: {page}");
    browser
        .post_form(
            &location,
            &[
                ("csrf_token", csrf_of(&page).as_str()),
                ("action", "submit"),
            ],
        )
        .await;
    // The next import stores the quiz's questions once.
    crate::helpers::import(&app.db, tree.path()).expect("the same files again");
    let (_, page) = start_attempt(&browser).await;
    assert_eq!(
        question_ids(&page).len(),
        3,
        "the stored questions are drawn at once: {page}"
    );
}

fn learner_in_course(connection: &mut PgConnection) -> UserId {
    let user = crate::helpers::insert_person(connection, "ada@alpha.example");
    enrolment::enrol(
        connection,
        user,
        "public-intro",
        EnrolMethod::SelfService,
        None,
        Utc::now(),
    )
    .expect("enrol");
    user
}

#[tokio::test]
async fn parallel_starts_and_submits_never_exceed_the_attempt_limit() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let user = learner_in_course(&mut app.db.connect());
    let url = app.db.url.clone();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(20));
    let cache = std::sync::Arc::new(CatalogueCache::default());
    let handles: Vec<_> = (0..20)
        .map(|_| {
            let (url, barrier, cache) = (url.clone(), barrier.clone(), cache.clone());
            std::thread::spawn(move || {
                use diesel::Connection;
                let mut connection = PgConnection::establish(&url).expect("connect");
                barrier.wait();
                loop {
                    match assessment::start(
                        &mut connection,
                        &cache,
                        Claimant::confirmed(user),
                        "public-intro",
                        "check",
                        Utc::now(),
                    ) {
                        Ok(attempt) => {
                            let _ = assessment::submit(
                                &mut connection,
                                &cache,
                                Claimant::confirmed(user),
                                attempt,
                                |_: &Attempt, _: &KeptAssessment| Ok(Vec::new()),
                                Utc::now(),
                            );
                        }
                        Err(AssessmentError::Refused(_)) => return,
                        Err(other) => panic!("{other}"),
                    }
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("thread");
    }
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM assessment_attempts"
        ),
        3
    );
}

/// The attempt's status as stored.
fn attempt_status(connection: &mut PgConnection) -> String {
    #[derive(diesel::QueryableByName)]
    struct Status {
        #[diesel(sql_type = diesel::sql_types::Text)]
        status: String,
    }
    let found: Status = diesel::sql_query("SELECT status FROM assessment_attempts")
        .get_result(connection)
        .expect("one attempt");
    found.status
}

#[tokio::test]
async fn a_submission_with_an_answer_that_does_not_fit_is_refused_and_the_attempt_stays_open() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    let (location, page) = start_attempt(&browser).await;
    let ids = question_ids(&page);
    let mut fields = vec![
        ("csrf_token".to_owned(), csrf_of(&page)),
        ("action".to_owned(), "submit".to_owned()),
    ];
    for (index, id) in ids.iter().enumerate() {
        fields.push((format!("q-{id}-shown"), "1".to_owned()));
        let answer = if index == ids.len() - 1 {
            "maybe"
        } else {
            "true"
        };
        fields.push((format!("q-{id}"), answer.to_owned()));
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let response = browser.post_form(&location, &fields).await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.expect("body");
    assert!(body.contains("must be true or false"), "{body}");
    let mut connection = app.db.connect();
    assert_eq!(attempt_status(&mut connection), "in_progress");
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM attempt_answers"),
        0,
        "the answers that fitted were not kept either"
    );

    submit_true_to_every_question(&browser, &location, &page).await;
    assert_eq!(attempt_status(&mut connection), "graded");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM assessment_attempts WHERE passed"
        ),
        1,
        "the answers sent with the submission were saved and graded in the same step"
    );
}

#[tokio::test]
async fn a_copied_cookie_records_nothing_and_learns_nothing_after_sign_out() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let (browser, copy) =
        crate::identity::sign_in_and_copy_the_cookie(&app, "ada@alpha.example").await;
    let csrf = enrol(&browser).await;
    let token = [("csrf_token", csrf.as_str())];
    let (location, _) = start_attempt(&browser).await;
    let mut connection = app.db.connect();
    let progress = "SELECT count(*) AS n FROM lesson_progress";
    let attempts = "SELECT count(*) AS n FROM assessment_attempts";

    let (status, _) = copy
        .post_form(
            "/courses/public-intro/basics/what-is-a-gene/complete",
            &token,
        )
        .await;
    assert_eq!(status, 303, "the copy writes while the session lives");
    assert_eq!(count(&mut connection, progress), 1);

    crate::identity::sign_out(&browser).await;
    let writes = [
        "/courses/public-intro/basics/what-is-a-cell/complete",
        "/courses/public-intro/check/assessment/start",
        "/courses/cleanroom-basics/grades/grade-a/complete",
        "/courses/cleanroom-basics/grades/assessment/start",
    ];
    for path in writes {
        let (status, body) = copy.post_form(path, &token).await;
        assert_eq!(status, 401, "{path}: {body}");
        assert!(
            !body.contains("Enrol in the course"),
            "{path}: whether the person is enrolled is not told: {body}"
        );
    }
    let submit = [("csrf_token", csrf.as_str()), ("action", "submit")];
    let (status, body) = copy.post_form(&location, &submit).await;
    assert_eq!(status, 401, "submitting: {body}");
    let (status, _) = copy.get_text("/learning").await;
    assert_eq!(status, 401);

    assert_eq!(count(&mut connection, progress), 1, "no progress recorded");
    assert_eq!(count(&mut connection, attempts), 1, "no attempt started");
    assert_eq!(
        attempt_status(&mut connection),
        "in_progress",
        "nor submitted"
    );
}

/// The service calls, each with a catalogue cache of its own (the HTTP
/// tests and `parallel_starts_and_submits_never_exceed_the_attempt_limit`
/// use a shared one).
fn service_start(
    connection: &mut PgConnection,
    user: UserId,
    course: &str,
    module: &str,
    now: chrono::DateTime<Utc>,
) -> Result<AttemptId, AssessmentError> {
    assessment::start(
        connection,
        &CatalogueCache::default(),
        Claimant::confirmed(user),
        course,
        module,
        now,
    )
}

fn service_save(
    connection: &mut PgConnection,
    user: UserId,
    attempt: AttemptId,
    answers: &[(QuestionId, Answer)],
    now: chrono::DateTime<Utc>,
) -> Result<(), AssessmentError> {
    assessment::save_answers(
        connection,
        &CatalogueCache::default(),
        Claimant::confirmed(user),
        attempt,
        |_: &Attempt, _: &KeptAssessment| Ok(answers.to_vec()),
        now,
    )
}

fn service_submit(
    connection: &mut PgConnection,
    user: UserId,
    attempt: AttemptId,
    now: chrono::DateTime<Utc>,
) -> Result<assessment::AttemptResult, AssessmentError> {
    assessment::submit(
        connection,
        &CatalogueCache::default(),
        Claimant::confirmed(user),
        attempt,
        |_: &Attempt, _: &KeptAssessment| Ok(Vec::new()),
        now,
    )
}

fn open_attempt(connection: &mut PgConnection, user: UserId) -> (AttemptId, Vec<QuestionId>) {
    let attempt =
        service_start(connection, user, "public-intro", "check", Utc::now()).expect("start");
    #[derive(diesel::QueryableByName)]
    struct Ids {
        #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Uuid>)]
        question_ids: Vec<uuid::Uuid>,
    }
    let ids: Ids = diesel::sql_query("SELECT question_ids FROM assessment_attempts WHERE id = $1")
        .bind::<diesel::sql_types::Uuid, _>(attempt.0)
        .get_result(connection)
        .expect("ids");
    (
        attempt,
        ids.question_ids.into_iter().map(QuestionId).collect(),
    )
}

#[tokio::test]
async fn the_time_limit_is_kept_by_the_server_and_late_answers_do_not_count() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let (attempt, questions) = open_attempt(&mut connection, user);
    service_save(
        &mut connection,
        user,
        attempt,
        &[(questions[0], Answer::Bool(true))],
        Utc::now(),
    )
    .expect("in time");
    // The clock the learner's browser shows does not matter: only the server's deadline does.
    diesel::sql_query("UPDATE assessment_attempts SET deadline_at = now() - interval '5 minutes'")
        .execute(&mut connection)
        .expect("move the deadline");
    let late = service_save(
        &mut connection,
        user,
        attempt,
        &[(questions[1], Answer::Bool(true))],
        Utc::now(),
    );
    assert!(
        late.expect_err("late")
            .to_string()
            .contains("time for this attempt is up")
    );
    let result =
        service_submit(&mut connection, user, attempt, Utc::now()).expect("late submit is graded");
    assert_eq!(
        result.score_percent,
        Some(33.3),
        "only the answer saved in time counts"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'attempt.submitted' AND new_value->>'late_submission' = 'true'"
        ),
        1
    );
}

#[tokio::test]
async fn a_submission_grades_the_answers_given_with_it_over_earlier_saves_and_keeps_when_the_others_were_saved()
 {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let (attempt, questions) = open_attempt(&mut connection, user);
    let earlier = Utc::now() - chrono::Duration::minutes(10);
    service_save(
        &mut connection,
        user,
        attempt,
        &[
            (questions[0], Answer::Bool(true)),
            (questions[1], Answer::Bool(true)),
        ],
        earlier,
    )
    .expect("saved");
    let given = vec![
        (questions[1], Answer::Bool(false)),
        (questions[2], Answer::Bool(true)),
    ];
    let result = assessment::submit(
        &mut connection,
        &CatalogueCache::default(),
        Claimant::confirmed(user),
        attempt,
        |_: &Attempt, _: &KeptAssessment| Ok(given),
        Utc::now(),
    )
    .expect("submitted");
    assert_eq!(
        result.score_percent,
        Some(66.7),
        "the first saved answer and the third given are right; the second, given false, replaces the saved true"
    );
    let recorded = |position: usize, answer: &str, saved_long_ago: bool| {
        format!(
            "SELECT count(*) AS n FROM attempt_answers WHERE attempt_id = '{}' AND question_id = '{}' \
             AND answer->>'value' = '{answer}' AND fraction IS NOT NULL \
             AND (saved_at < now() - interval '5 minutes') = {saved_long_ago}",
            attempt.0, questions[position].0
        )
    };
    for (position, answer, saved_long_ago) in
        [(0, "true", true), (1, "false", false), (2, "true", false)]
    {
        assert_eq!(
            count(&mut connection, &recorded(position, answer, saved_long_ago)),
            1,
            "question {}",
            position + 1
        );
    }
    assert_eq!(
        count(
            &mut connection,
            &format!(
                "SELECT count(*) AS n FROM attempt_answers WHERE attempt_id = '{}'",
                attempt.0
            )
        ),
        3,
        "one row per question of the attempt, the unanswered one blank"
    );
}

#[tokio::test]
async fn answers_that_do_not_fit_are_refused_and_nothing_is_stored_half_way() {
    let quiz = "::N::In which year was the ATMP Regulation adopted?{#2007:0}\n\n::C::Pick one.{=right ~wrong}\n\n::S::Name the committee.{=CAT}\n";
    let app = TestApp::with_fixture(tree_with_check(quiz)).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let (attempt, questions) = open_attempt(&mut connection, user);
    let kinds: Vec<(QuestionId, String)> = questions
        .iter()
        .map(|id| {
            #[derive(diesel::QueryableByName)]
            struct Kind {
                #[diesel(sql_type = diesel::sql_types::Text)]
                kind: String,
            }
            let kind: Kind = diesel::sql_query(
                "SELECT question->'kind'->>'type' AS kind FROM assessment_questions WHERE id = $1",
            )
            .bind::<diesel::sql_types::Uuid, _>(id.0)
            .get_result(&mut connection)
            .expect("kind");
            (*id, kind.kind)
        })
        .collect();
    let of = |kind: &str| {
        kinds
            .iter()
            .find(|(_, candidate)| candidate == kind)
            .map(|(id, _)| *id)
            .expect(kind)
    };
    let (numeric, choice) = (of("numeric"), of("single_choice"));
    let cases = [
        (
            vec![(numeric, Answer::Text("two thousand".to_owned()))],
            "is not a number",
        ),
        (vec![(choice, Answer::Choice(9))], "has no option 9"),
        (vec![(choice, Answer::Bool(true))], "does not fit"),
        (
            vec![(QuestionId(uuid::Uuid::new_v4()), Answer::Bool(true))],
            "not in this attempt",
        ),
        (
            vec![
                (numeric, Answer::Text("2007".to_owned())),
                (choice, Answer::Choice(9)),
            ],
            "has no option 9",
        ),
    ];
    for (answers, words) in cases {
        let error =
            service_save(&mut connection, user, attempt, &answers, Utc::now()).expect_err(words);
        assert!(error.to_string().contains(words), "{words}: {error}");
    }
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM attempt_answers"),
        0,
        "nothing stored half-way"
    );
    service_submit(&mut connection, user, attempt, Utc::now()).expect("submit");
    let again = service_submit(&mut connection, user, attempt, Utc::now()).expect_err("resubmit");
    assert!(again.to_string().contains("already been submitted"));
    let after = service_save(
        &mut connection,
        user,
        attempt,
        &[(numeric, Answer::Text("2007".to_owned()))],
        Utc::now(),
    );
    assert!(
        after
            .expect_err("after submit")
            .to_string()
            .contains("can no longer change")
    );
}

#[tokio::test]
async fn another_learners_attempt_is_not_found() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let mut connection = app.db.connect();
    let owner = learner_in_course(&mut connection);
    let (attempt, _) = open_attempt(&mut connection, owner);
    let intruder = app.signed_in_browser("eve@alpha.example").await;
    assert_eq!(
        intruder.get(&format!("/attempts/{attempt}")).await.status(),
        404
    );
}

#[tokio::test]
async fn an_essay_waits_for_an_instructor() {
    let quiz = "::E1::Describe a deviation.{}\n\n::E2::Describe a CAPA.{}\n\n::E3::Describe a batch record.{}\n";
    let app = TestApp::with_fixture(tree_with_check(quiz)).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let (attempt, questions) = open_attempt(&mut connection, user);
    service_save(
        &mut connection,
        user,
        attempt,
        &[(questions[0], Answer::Text("A deviation is...".to_owned()))],
        Utc::now(),
    )
    .expect("save");
    let result = service_submit(&mut connection, user, attempt, Utc::now()).expect("submit");
    assert_eq!(
        (result.status.as_str(), result.passed),
        ("awaiting_review", None)
    );
}

/// The assessments "My learning" lists as still to pass for the learner's
/// only enrolment (the rule applied to graded attempts summed up in SQL).
fn outstanding_in_my_learning(connection: &mut PgConnection, user: UserId) -> Vec<String> {
    let cache = atmp_academy::catalog::cache::CatalogueCache::default();
    let items =
        enrolment::my_learning(connection, &cache, Claimant::confirmed(user)).expect("My learning");
    items[0].progress.assessments_outstanding.clone()
}

/// Answers every drawn question of an open attempt with `answer` and submits.
fn answer_all(
    connection: &mut PgConnection,
    user: UserId,
    answer: bool,
) -> atmp_academy::assessment::service::AttemptResult {
    let (attempt, questions) = open_attempt(connection, user);
    let answers: Vec<(QuestionId, Answer)> = questions
        .iter()
        .map(|id| (*id, Answer::Bool(answer)))
        .collect();
    service_save(connection, user, attempt, &answers, Utc::now()).expect("save");
    service_submit(connection, user, attempt, Utc::now()).expect("submit")
}

#[tokio::test]
async fn a_cooldown_spaces_attempts_out() {
    let app = TestApp::with_fixture(tree_with_settings(TRUE_QUIZ, "cooldown_minutes = 60\n")).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    answer_all(&mut connection, user, false);
    let refused = service_start(&mut connection, user, "public-intro", "check", Utc::now())
        .expect_err("cool-down");
    assert!(refused.to_string().contains("next attempt at"), "{refused}");
    service_start(
        &mut connection,
        user,
        "public-intro",
        "check",
        Utc::now() + chrono::Duration::minutes(61),
    )
    .expect("after the cool-down");
}

#[tokio::test]
async fn the_last_attempt_decides_under_the_last_rule() {
    let app =
        TestApp::with_fixture(tree_with_settings(TRUE_QUIZ, "result_rule = \"last\"\n")).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let enrolment_id = {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::Uuid)]
            id: uuid::Uuid,
        }
        diesel::sql_query("SELECT id FROM enrolments")
            .get_result::<Id>(&mut connection)
            .expect("enrolment")
            .id
    };
    let module = {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::Uuid)]
            id: uuid::Uuid,
        }
        diesel::sql_query("SELECT id FROM course_modules WHERE assessment IS NOT NULL")
            .get_result::<Id>(&mut connection)
            .expect("module")
            .id
    };
    let passed = |connection: &mut PgConnection| {
        assessment::has_passed(
            connection,
            atmp_academy::enrolment::queries::EnrolmentId(enrolment_id),
            atmp_academy::ids::ModuleId(module),
        )
        .expect("rule")
    };
    assert_eq!(answer_all(&mut connection, user, true).passed, Some(true));
    assert!(passed(&mut connection));
    assert!(outstanding_in_my_learning(&mut connection, user).is_empty());
    assert_eq!(answer_all(&mut connection, user, false).passed, Some(false));
    assert!(!passed(&mut connection), "the last attempt failed");
    assert_eq!(
        outstanding_in_my_learning(&mut connection, user),
        ["Self-check"],
        "the last attempt failed"
    );
}

/// The overview of public-intro's self-check for `user` (a cache of its own).
fn overview_of_the_check(connection: &mut PgConnection, user: UserId) -> assessment::Overview {
    assessment::overview(
        connection,
        &CatalogueCache::default(),
        user,
        "public-intro",
        "check",
    )
    .expect("overview")
}

#[tokio::test]
async fn the_average_rule_averages_graded_attempts() {
    let app =
        TestApp::with_fixture(tree_with_settings(TRUE_QUIZ, "result_rule = \"average\"\n")).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    answer_all(&mut connection, user, true);
    answer_all(&mut connection, user, false);
    let overview = overview_of_the_check(&mut connection, user);
    assert!(!overview.passed, "average 50% is under the 60% pass mark");
    assert_eq!(
        outstanding_in_my_learning(&mut connection, user),
        ["Self-check"],
        "average 50% is under the 60% pass mark"
    );
    answer_all(&mut connection, user, true);
    let overview = overview_of_the_check(&mut connection, user);
    assert!(overview.passed, "average 66.7% passes");
    assert!(
        outstanding_in_my_learning(&mut connection, user).is_empty(),
        "average 66.7% passes"
    );
}

#[tokio::test]
async fn feedback_and_correct_answers_follow_the_policy() {
    let app = TestApp::with_fixture(tree_with_settings(
        TRUE_QUIZ,
        "feedback = \"after_last_attempt\"\nshow_correct_answers = true\n",
    ))
    .await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    for round in 0..3 {
        let (location, page) = start_attempt(&browser).await;
        let fields = [
            ("csrf_token", csrf_of(&page)),
            ("action", "submit".to_owned()),
        ];
        browser
            .post_form(
                &location,
                &[
                    (fields[0].0, fields[0].1.as_str()),
                    (fields[1].0, fields[1].1.as_str()),
                ],
            )
            .await;
        let result = browser.get_text(&location).await;
        if round < 2 {
            assert!(
                !result.contains("Correct answer") && !result.contains("SECRET-WRONG"),
                "no feedback while attempts remain"
            );
        } else {
            assert!(
                result.contains("Correct answer: True"),
                "after the last attempt: {result}"
            );
        }
    }
}

#[tokio::test]
async fn instructors_grade_essays_with_a_comment_and_the_attempt_is_then_graded() {
    let quiz = "::E1::Describe a deviation.{}\n\n::E2::Describe a CAPA.{}\n\n::E3::Describe a batch record.{}\n";
    let app = TestApp::with_fixture(tree_with_check(quiz)).await;
    let mut connection = app.db.connect();
    let grant = |connection: &mut PgConnection, email: &str, coe: &str| {
        atmp_academy::identity::service::grant_role(
            connection,
            atmp_academy::audit::Actor::Cli,
            &atmp_academy::identity::service::GrantRequest {
                email: email.to_owned(),
                role: atmp_academy::identity::models::Role::Instructor,
                coe_slug: Some(coe.to_owned()),
                course_slug: None,
                create_with_name: Some(email.to_owned()),
            },
        )
        .expect("grant");
    };
    grant(&mut connection, "teacher@beta.example", "coe-beta");
    grant(&mut connection, "stranger@alpha.example", "coe-alpha");
    let user = learner_in_course(&mut connection);
    let (attempt, questions) = open_attempt(&mut connection, user);
    service_save(
        &mut connection,
        user,
        attempt,
        &[(questions[0], Answer::Text("Root cause first.".to_owned()))],
        Utc::now(),
    )
    .expect("save");
    service_submit(&mut connection, user, attempt, Utc::now()).expect("submit");

    let stranger = app.signed_in_browser("stranger@alpha.example").await;
    assert!(
        stranger
            .get_text("/review")
            .await
            .contains("No essay is waiting"),
        "another CoE's instructor sees nothing"
    );
    let teacher = app.signed_in_browser("teacher@beta.example").await;
    let queue = teacher.get_text("/review").await;
    assert!(queue.contains("Root cause first."), "{queue}");
    let action = format!("/review/{attempt}/{}", questions[0]);
    let csrf = csrf_of(&queue);
    let no_comment = teacher
        .post_form(
            &action,
            &[
                ("csrf_token", csrf.as_str()),
                ("percent", "80"),
                ("comment", " "),
            ],
        )
        .await;
    assert_eq!(no_comment.status(), 400);
    let forbidden = stranger
        .post_form(
            &action,
            &[
                (
                    "csrf_token",
                    csrf_of(&stranger.get_text("/review").await).as_str(),
                ),
                ("percent", "100"),
                ("comment", "Great"),
            ],
        )
        .await;
    assert_eq!(forbidden.status(), 403);
    let graded = teacher
        .post_form(
            &action,
            &[
                ("csrf_token", csrf.as_str()),
                ("percent", "90"),
                ("comment", "Good structure."),
            ],
        )
        .await;
    assert_eq!(graded.status(), 303);
    let again = teacher
        .post_form(
            &action,
            &[
                ("csrf_token", csrf.as_str()),
                ("percent", "100"),
                ("comment", "Again"),
            ],
        )
        .await;
    assert_eq!(again.status(), 409, "graded once");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM assessment_attempts WHERE status = 'graded'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'attempt.essay_graded' AND reason = 'Good structure.'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'attempt.graded'"
        ),
        1
    );
}

#[tokio::test]
async fn the_attempt_api_starts_saves_and_submits() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    let me: serde_json::Value = browser.get("/api/v1/me").await.json().await.expect("me");
    let token = me["csrf_token"].as_str().expect("token").to_owned();
    let url = |path: &str| format!("{}{path}", app.address);
    let started = browser
        .client
        .post(url("/api/v1/courses/public-intro/modules/check/attempts"))
        .header("X-CSRF-Token", &token)
        .send()
        .await
        .expect("start");
    assert_eq!(started.status(), 201);
    let attempt = started.json::<serde_json::Value>().await.expect("json")["attempt_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let view: serde_json::Value = browser
        .get(&format!("/api/v1/attempts/{attempt}"))
        .await
        .json()
        .await
        .expect("view");
    let questions: Vec<String> = view["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| q["id"].as_str().expect("id").to_owned())
        .collect();
    assert_eq!(questions.len(), 3);
    assert!(
        !view.to_string().contains("SECRET-WRONG"),
        "no feedback before grading"
    );
    let wrong_kind = browser
        .client
        .post(url(&format!("/api/v1/attempts/{attempt}/answers")))
        .header("X-CSRF-Token", &token)
        .json(&serde_json::json!([{ "question_id": questions[0], "answer": { "type": "choice", "value": 3 } }]))
        .send()
        .await
        .expect("save");
    assert_eq!(wrong_kind.status(), 400);
    assert_eq!(
        wrong_kind
            .json::<serde_json::Value>()
            .await
            .expect("envelope")["error"]["code"],
        "bad_request"
    );
    let twice = browser
        .client
        .post(url(&format!("/api/v1/attempts/{attempt}/answers")))
        .header("X-CSRF-Token", &token)
        .json(&serde_json::json!([
            { "question_id": questions[1], "answer": { "type": "bool", "value": true } },
            { "question_id": questions[1], "answer": { "type": "bool", "value": false } },
        ]))
        .send()
        .await
        .expect("save");
    assert_eq!(twice.status(), 400);
    let refusal = twice.text().await.expect("body");
    assert!(
        refusal.contains("Question 2 is answered twice"),
        "{refusal}"
    );
    let answers: Vec<serde_json::Value> = questions.iter().map(|id| serde_json::json!({ "question_id": id, "answer": { "type": "bool", "value": true } })).collect();
    let saved = browser
        .client
        .post(url(&format!("/api/v1/attempts/{attempt}/answers")))
        .header("X-CSRF-Token", &token)
        .json(&answers)
        .send()
        .await
        .expect("save");
    assert_eq!(saved.status(), 204);
    let result: serde_json::Value = browser
        .client
        .post(url(&format!("/api/v1/attempts/{attempt}/submit")))
        .header("X-CSRF-Token", &token)
        .send()
        .await
        .expect("submit")
        .json()
        .await
        .expect("result");
    assert_eq!(
        (result["score_percent"].as_f64(), result["passed"].as_bool()),
        (Some(100.0), Some(true))
    );
    let (_, openapi) = app.get_json("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/courses/{slug}/modules/{module}/attempts",
        "/api/v1/attempts/{id}",
        "/api/v1/attempts/{id}/answers",
        "/api/v1/attempts/{id}/submit",
    ] {
        assert!(openapi["paths"][path].is_object(), "{path} is documented");
    }
}

#[tokio::test]
async fn gift_commands_check_files_and_export_banks() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let binary = env!("CARGO_BIN_EXE_atmp-academy");
    let exported = std::process::Command::new(binary)
        .env("DATABASE_URL", &app.db.url)
        .args([
            "gift",
            "export",
            "--course",
            "public-intro",
            "--module",
            "check",
        ])
        .output()
        .expect("export");
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let bank = String::from_utf8_lossy(&exported.stdout).into_owned();
    let questions = atmp_academy::assessment::gift::parse(&bank).expect("the export is valid GIFT");
    assert_eq!(questions.len(), 4);
    let original = atmp_academy::assessment::gift::parse(TRUE_QUIZ).expect("quiz");
    assert_eq!(
        questions.iter().map(|q| &q.kind).collect::<Vec<_>>(),
        original.iter().map(|q| &q.kind).collect::<Vec<_>>()
    );
    let broken = tempfile::NamedTempFile::new().expect("file");
    std::fs::write(broken.path(), "::Q1::Fine?{T}\n\n::Q2::Broken {=a ~b\n").expect("write");
    let checked = std::process::Command::new(binary)
        .arg("gift")
        .arg("check")
        .arg(broken.path())
        .output()
        .expect("check");
    assert!(!checked.status.success());
    assert!(
        String::from_utf8_lossy(&checked.stderr)
            .contains(":line 3: the answer block opened with { is never closed"),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let missing = std::process::Command::new(binary)
        .env("DATABASE_URL", &app.db.url)
        .args([
            "gift",
            "export",
            "--course",
            "public-intro",
            "--module",
            "basics",
        ])
        .output()
        .expect("export");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("has no assessment"));
}

const TWO_CATEGORIES: &str = "$CATEGORY: Genes\n\n::G1::One.{T}\n\n::G2::Two.{T}\n\n::G3::Three.{T}\n\n$CATEGORY: Cells\n\n::C1::Four.{T}\n\n::C2::Five.{T}\n\n::C3::Six.{T}\n";

#[tokio::test]
async fn questions_are_drawn_per_category_when_configured() {
    let settings = "[[assessment.draw]]\ncategory = \"Genes\"\ncount = 2\n\n[[assessment.draw]]\ncategory = \"Cells\"\ncount = 1\n";
    let app = TestApp::with_fixture(tree_with_settings(TWO_CATEGORIES, settings)).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    for _ in 0..3 {
        let (attempt, _) = open_attempt(&mut connection, user);
        let genes = count(
            &mut connection,
            &format!(
                "SELECT count(*) AS n FROM assessment_questions q, assessment_attempts a WHERE a.id = '{attempt}' AND q.id = ANY (a.question_ids) AND q.category = 'Genes'"
            ),
        );
        let cells = count(
            &mut connection,
            &format!(
                "SELECT count(*) AS n FROM assessment_questions q, assessment_attempts a WHERE a.id = '{attempt}' AND q.id = ANY (a.question_ids) AND q.category = 'Cells'"
            ),
        );
        assert_eq!((genes, cells), (2, 1));
        service_submit(&mut connection, user, attempt, Utc::now()).expect("submit");
    }
}

#[test]
fn a_draw_larger_than_its_category_is_an_import_error() {
    let settings = "[[assessment.draw]]\ncategory = \"Genes\"\ncount = 1\n\n[[assessment.draw]]\ncategory = \"Cells\"\ncount = 2\n\n[[assessment.draw]]\ncategory = \"Proteins\"\ncount = 1\n";
    let tree = tree_with_settings(TWO_CATEGORIES, settings);
    let problems = atmp_academy::course_files::load_tree(tree.path())
        .expect_err("bad draw")
        .to_string();
    assert!(
        problems.contains("add up to 4, not questions_per_attempt = 3"),
        "{problems}"
    );
    assert!(
        problems.contains("category \"Proteins\" but quiz.gift has 0"),
        "{problems}"
    );
}

#[tokio::test]
async fn fixing_a_question_and_regrading_changes_earlier_grades_with_an_audited_reason() {
    let tree = tree_with_check(TRUE_QUIZ);
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let result = answer_all(&mut connection, user, false);
    assert_eq!(result.score_percent, Some(0.0));
    // The instructor finds the key was wrong: every statement is false. A new version is published.
    write(
        tree.path(),
        "public-intro/modules/02-check/quiz.gift",
        &TRUE_QUIZ.replace("{T#", "{F#"),
    );
    crate::helpers::import(&app.db, tree.path()).expect("new version");
    atmp_academy::identity::service::grant_role(
        &mut connection,
        atmp_academy::audit::Actor::Cli,
        &atmp_academy::identity::service::GrantRequest {
            email: "teacher@beta.example".to_owned(),
            role: atmp_academy::identity::models::Role::Instructor,
            coe_slug: Some("coe-beta".to_owned()),
            course_slug: None,
            create_with_name: Some("Teacher".to_owned()),
        },
    )
    .expect("grant");
    let teacher = app.signed_in_browser("teacher@beta.example").await;
    let review = teacher.get_text("/review").await;
    let csrf = csrf_of(&review);
    let no_reason = teacher
        .post_form(
            "/review/regrade",
            &[
                ("csrf_token", csrf.as_str()),
                ("course", "public-intro"),
                ("module", "check"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(no_reason.status(), 400);
    let response = teacher
        .post_form(
            "/review/regrade",
            &[
                ("csrf_token", csrf.as_str()),
                ("course", "public-intro"),
                ("module", "check"),
                ("reason", "The answer key was inverted."),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("3 answers in 1 attempt got a new grade")
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM assessment_attempts WHERE passed AND score = 1"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'attempt.answer_regraded' AND reason = 'The answer key was inverted.'"
        ),
        3
    );
    let learner = app.signed_in_browser("eve@alpha.example").await;
    let refused = learner
        .post_form(
            "/review/regrade",
            &[
                (
                    "csrf_token",
                    csrf_of(&learner.get_text("/profile").await).as_str(),
                ),
                ("course", "public-intro"),
                ("module", "check"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 403, "learners cannot regrade");
}

#[tokio::test]
async fn one_question_per_page_saves_as_the_learner_moves_on() {
    let app = TestApp::with_fixture(tree_with_settings(TRUE_QUIZ, "one_per_page = true\n")).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol_and_read_everything(&browser).await;
    let (location, mut page) = start_attempt(&browser).await;
    for number in 1..=3 {
        assert!(page.contains(&format!("Question {number} of 3")), "{page}");
        let ids = question_ids(&page);
        assert_eq!(ids.len(), 1, "one question on the page");
        let answer = (format!("q-{}", ids[0]), "true".to_owned());
        let shown = (format!("q-{}-shown", ids[0]), "1".to_owned());
        let action = if number < 3 {
            format!("page-{}", number + 1)
        } else {
            "submit".to_owned()
        };
        let csrf = csrf_of(&page);
        let response = browser
            .post_form(
                &location,
                &[
                    ("csrf_token", csrf.as_str()),
                    (shown.0.as_str(), "1"),
                    (answer.0.as_str(), "true"),
                    ("action", action.as_str()),
                ],
            )
            .await;
        assert_eq!(response.status(), 303);
        let next = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        page = browser.get_text(&next).await;
    }
    assert!(
        page.contains("Your score: <strong>100%</strong>"),
        "every page's answer was saved: {page}"
    );
}

#[tokio::test]
async fn instructors_download_banks_and_check_gift_files_in_the_browser() {
    let app = TestApp::with_fixture(tree_with_check(TRUE_QUIZ)).await;
    atmp_academy::identity::service::grant_role(
        &mut app.db.connect(),
        atmp_academy::audit::Actor::Cli,
        &atmp_academy::identity::service::GrantRequest {
            email: "teacher@beta.example".to_owned(),
            role: atmp_academy::identity::models::Role::Instructor,
            coe_slug: Some("coe-beta".to_owned()),
            course_slug: None,
            create_with_name: Some("Teacher".to_owned()),
        },
    )
    .expect("grant");
    let teacher = app.signed_in_browser("teacher@beta.example").await;
    let download = teacher
        .get("/courses/public-intro/check/assessment/bank.gift")
        .await;
    assert_eq!(download.status(), 200);
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .contains("public-intro-check.gift")
    );
    let bank = download.text().await.expect("bank");
    assert_eq!(
        atmp_academy::assessment::gift::parse(&bank)
            .expect("valid")
            .len(),
        4
    );
    let learner = app.signed_in_browser("eve@alpha.example").await;
    assert_eq!(
        learner
            .get("/courses/public-intro/check/assessment/bank.gift")
            .await
            .status(),
        403
    );
    let review = teacher.get_text("/review").await;
    let upload = |file: &'static [u8]| {
        reqwest::multipart::Form::new()
            .text("csrf_token", csrf_of(&review))
            .part(
                "file",
                reqwest::multipart::Part::bytes(file).file_name("bank.gift"),
            )
    };
    let good = teacher
        .client
        .post(format!("{}/review/gift-check", app.address))
        .multipart(upload(b"::Q1::Fine?{T}\n"))
        .send()
        .await
        .expect("check");
    assert_eq!(good.status(), 200);
    assert!(good.text().await.unwrap_or_default().contains("True/false"));
    let bad = teacher
        .client
        .post(format!("{}/review/gift-check", app.address))
        .multipart(upload(b"::Q1::Fine?{T}\n\n::Q2::Broken {=a ~b\n"))
        .send()
        .await
        .expect("check");
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap_or_default().contains("line 3"));
}

#[tokio::test]
async fn a_fixed_assessment_asks_the_first_questions_in_bank_order() {
    let app = TestApp::with_fixture(tree_with_settings(TRUE_QUIZ, "fixed = true\n")).await;
    let mut connection = app.db.connect();
    let user = learner_in_course(&mut connection);
    let (attempt, _) = open_attempt(&mut connection, user);
    let titles = count(
        &mut connection,
        &format!(
            "SELECT count(*) AS n FROM assessment_attempts a, unnest(a.question_ids) WITH ORDINALITY AS drawn(id, n)
             JOIN assessment_questions q ON q.id = drawn.id
             WHERE a.id = '{attempt}' AND q.position = drawn.n"
        ),
    );
    assert_eq!(titles, 3, "questions 1, 2 and 3, in order");
}
