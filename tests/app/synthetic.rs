//! The synthetic data generator: a small network loads through COPY next to
//! the shipped courses, every constraint and trigger accepts it, the rows
//! agree with the application's rules, a second run is refused, and a
//! generated learner signs in and studies through the real app.

use atmp_academy::certificates::code::CertificateCode;
use atmp_academy::synthetic::{self, Plan, SyntheticError};
use diesel::RunQueryDsl;

use crate::helpers::{TestApp, count};

#[derive(diesel::QueryableByName)]
struct Studying {
    #[diesel(sql_type = diesel::sql_types::Text)]
    email: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    course: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    title: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    module: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    lesson: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    lesson_title: String,
}

#[derive(diesel::QueryableByName)]
struct Code {
    #[diesel(sql_type = diesel::sql_types::Text)]
    code: String,
}

#[tokio::test]
async fn a_small_synthetic_network_loads_consistently_and_its_learners_can_study() {
    let app = TestApp::with_shipped_courses().await;
    let plan = Plan::for_enrolments(1_000).expect("plan");
    assert_eq!((plan.coes, plan.learners, plan.courses), (2, 100, 40));
    let url = app.db.url.clone();
    let (report, second_run) = tokio::task::spawn_blocking(move || {
        let mut connection =
            <diesel::PgConnection as diesel::Connection>::establish(&url).expect("connect");
        let now = chrono::Utc::now();
        let report = synthetic::generate(&mut connection, &plan, 7, now, &mut |_| {})
            .expect("the synthetic network loads");
        let second_run = synthetic::generate(&mut connection, &plan, 8, now, &mut |_| {});
        (report, second_run)
    })
    .await
    .expect("generator thread");
    assert!(
        matches!(second_run, Err(SyntheticError::AlreadyPresent)),
        "a second run is refused"
    );

    let mut connection = app.db.connect();
    let db = &mut connection;
    // Every planned count, exactly, and what the report says was written.
    let expected = [
        (
            "coes",
            "SELECT count(*) AS n FROM coes WHERE slug LIKE 'synthetic-%'",
            plan.coes,
        ),
        (
            "institutions",
            "SELECT count(*) AS n FROM institutions WHERE slug LIKE 'synthetic-%'",
            plan.institutions,
        ),
        (
            "users",
            "SELECT count(*) AS n FROM users",
            plan.learners + plan.coes,
        ),
        (
            "courses",
            "SELECT count(*) AS n FROM courses WHERE slug LIKE 'synthetic-%'",
            plan.courses,
        ),
        (
            "enrolments",
            "SELECT count(*) AS n FROM enrolments",
            plan.enrolments,
        ),
        (
            "lesson_progress",
            "SELECT count(*) AS n FROM lesson_progress",
            plan.lesson_progress,
        ),
        (
            "assessment_attempts",
            "SELECT count(*) AS n FROM assessment_attempts",
            plan.attempts,
        ),
        (
            "certificates",
            "SELECT count(*) AS n FROM certificates",
            plan.certificates,
        ),
    ];
    for (table, sql, planned) in expected {
        let stored = usize::try_from(count(db, sql)).expect("count");
        assert_eq!(stored, planned, "{table}");
        assert_eq!(report.rows(table), planned, "{table} in the report");
    }
    for table in [
        "course_versions",
        "course_modules",
        "lessons",
        "assessment_questions",
        "facilities",
        "role_grants",
    ] {
        assert!(report.rows(table) > 0, "{table} loaded");
    }
    assert_eq!(
        count(
            db,
            "SELECT count(*) AS n FROM courses c JOIN course_versions v ON v.id = c.current_version_id
              WHERE c.slug LIKE 'synthetic-%' AND v.status = 'published' AND v.published_by IS NOT NULL"
        ),
        plan.courses as i64,
        "every course has a published current version"
    );

    // The rows agree with the application's rules.
    let violations = [
        (
            "progress on a lesson outside the enrolled version",
            "SELECT count(*) AS n FROM lesson_progress p JOIN enrolments e ON e.id = p.enrolment_id
               JOIN lessons l ON l.id = p.lesson_id WHERE l.course_version_id <> e.course_version_id",
        ),
        (
            "progress before the enrolment or after now",
            "SELECT count(*) AS n FROM lesson_progress p JOIN enrolments e ON e.id = p.enrolment_id
              WHERE p.completed_at < e.requested_at OR p.completed_at > now()",
        ),
        (
            "an attempt at a module without an assessment, or of another version",
            "SELECT count(*) AS n FROM assessment_attempts a JOIN enrolments e ON e.id = a.enrolment_id
               JOIN course_modules m ON m.id = a.module_id
              WHERE m.course_version_id <> e.course_version_id OR m.assessment IS NULL",
        ),
        (
            "an attempt with a question from another bank",
            "SELECT count(*) AS n FROM assessment_attempts a
              WHERE NOT a.question_ids <@ ARRAY(SELECT q.id FROM assessment_questions q WHERE q.module_id = a.module_id)",
        ),
        (
            "an attempt beyond the attempt limit",
            "SELECT count(*) AS n FROM assessment_attempts a JOIN course_modules m ON m.id = a.module_id
              WHERE a.number > (m.assessment->>'max_attempts')::int",
        ),
        (
            "a completed enrolment with a required lesson not done",
            "SELECT count(*) AS n FROM enrolments e JOIN lessons l ON l.course_version_id = e.course_version_id
              WHERE e.status = 'completed' AND l.required
                AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE p.enrolment_id = e.id AND p.lesson_id = l.id)",
        ),
        (
            "a completed enrolment without a passed attempt at a required assessment",
            "SELECT count(*) AS n FROM enrolments e JOIN course_modules m ON m.course_version_id = e.course_version_id
              WHERE e.status = 'completed' AND (m.assessment->>'required')::boolean
                AND NOT EXISTS (SELECT 1 FROM assessment_attempts a
                                 WHERE a.enrolment_id = e.id AND a.module_id = m.id AND a.passed)",
        ),
        (
            "an active enrolment with every required lesson done",
            "SELECT count(*) AS n FROM enrolments e
              WHERE e.status = 'active'
                AND NOT EXISTS (SELECT 1 FROM lessons l WHERE l.course_version_id = e.course_version_id AND l.required
                                   AND NOT EXISTS (SELECT 1 FROM lesson_progress p
                                                    WHERE p.enrolment_id = e.id AND p.lesson_id = l.id))",
        ),
        (
            "a certificate for an enrolment that is not completed, or of a course without certificates",
            "SELECT count(*) AS n FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
               JOIN course_versions v ON v.id = e.course_version_id
              WHERE e.status <> 'completed' OR NOT v.certificate OR c.completed_at <> e.completed_at",
        ),
        (
            "a completed enrolment of a certificate course without its certificate",
            "SELECT count(*) AS n FROM enrolments e JOIN course_versions v ON v.id = e.course_version_id
              WHERE e.status = 'completed' AND v.certificate
                AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_id = e.id)",
        ),
        (
            "an enrolment before the course was published or outside the last two years",
            "SELECT count(*) AS n FROM enrolments e JOIN course_versions v ON v.id = e.course_version_id
              WHERE e.requested_at < v.published_at OR e.requested_at < now() - interval '2 years 2 months'
                 OR e.requested_at > now()",
        ),
        (
            "a decision on a course without approval, or a pending request on an open course",
            "SELECT count(*) AS n FROM enrolments e JOIN course_versions v ON v.id = e.course_version_id
              WHERE (e.decided_at IS NOT NULL AND v.enrolment_method <> 'approval')
                 OR (e.status IN ('pending', 'declined') AND e.method <> 'approval')",
        ),
    ];
    for (rule, sql) in violations {
        assert_eq!(count(db, sql), 0, "{rule}");
    }
    assert!(
        count(db, "SELECT count(DISTINCT status) AS n FROM enrolments") >= 4,
        "enrolment statuses are mixed"
    );
    let active = count(
        db,
        "SELECT count(*) AS n FROM enrolments WHERE status IN ('active', 'completed')",
    );
    assert!(
        active * 10 >= plan.enrolments as i64 * 8,
        "most enrolments are active or completed"
    );
    let codes: Vec<Code> = diesel::sql_query("SELECT code FROM certificates")
        .load(db)
        .expect("codes");
    assert!(
        codes
            .iter()
            .all(|row| CertificateCode::parse(&row.code).is_some()),
        "certificate codes carry a valid check symbol"
    );

    // A generated learner signs in and studies.
    let studying: Studying = diesel::sql_query(
        "SELECT u.email, c.slug AS course, v.title, m.slug AS module, l.slug AS lesson, l.title AS lesson_title
           FROM enrolments e
           JOIN users u ON u.id = e.user_id
           JOIN courses c ON c.id = e.course_id
           JOIN course_versions v ON v.id = e.course_version_id
           JOIN lesson_progress p ON p.enrolment_id = e.id
           JOIN lessons l ON l.id = p.lesson_id
           JOIN course_modules m ON m.id = l.module_id
          WHERE e.status = 'active' AND c.status = 'active' AND v.audience <> 'public'
            AND (SELECT count(DISTINCT e2.course_id) FROM enrolments e2 WHERE e2.user_id = e.user_id) >= 3
          ORDER BY e.requested_at DESC, l.position
          LIMIT 1",
    )
    .get_result(db)
    .expect("an active learner with progress");
    let browser = app.signed_in_browser(&studying.email).await;
    let course_page = browser.get(&format!("/courses/{}", studying.course)).await;
    assert_eq!(course_page.status(), 200, "the course page");
    assert!(
        course_page
            .text()
            .await
            .expect("body")
            .contains(&studying.title)
    );
    let lesson_path = format!(
        "/courses/{}/{}/{}",
        studying.course, studying.module, studying.lesson
    );
    let lesson = browser.get(&lesson_path).await;
    assert_eq!(lesson.status(), 200, "the lesson page {lesson_path}");
    let lesson = lesson.text().await.expect("body");
    assert!(lesson.contains(&studying.lesson_title), "{lesson}");
    assert!(
        lesson.contains("class=\"done-note\""),
        "the lesson shows as done: {lesson}"
    );
    let learning = browser.get("/learning").await;
    assert_eq!(learning.status(), 200, "My learning");
    assert!(
        learning
            .text()
            .await
            .expect("body")
            .contains(&studying.title)
    );

    // My learning computes every course's progress in one batch: each item
    // must agree with that enrolment's own rows.
    let items: serde_json::Value = browser
        .get("/api/v1/me/enrolments")
        .await
        .json()
        .await
        .expect("My learning as JSON");
    let items = items.as_array().expect("a list");
    assert!(
        items.len() >= 3,
        "a learner with several courses: {items:?}"
    );
    for item in items {
        let progress = &item["progress"];
        let enrolment = uuid::Uuid::parse_str(progress["enrolment_id"].as_str().expect("id"))
            .expect("an enrolment id");
        let done = count(
            db,
            &format!(
                "SELECT count(*) AS n FROM lesson_progress WHERE enrolment_id = '{enrolment}'"
            ),
        );
        assert_eq!(
            progress["lessons_done"].as_array().map(Vec::len),
            Some(done as usize),
            "{item}"
        );
        let outstanding = count(
            db,
            &format!(
                "SELECT count(*) AS n FROM enrolments e
                   JOIN course_modules m ON m.course_version_id = e.course_version_id
                  WHERE e.id = '{enrolment}' AND e.status <> 'completed'
                    AND (m.assessment->>'required')::boolean
                    AND NOT EXISTS (SELECT 1 FROM assessment_attempts a
                                     WHERE a.enrolment_id = e.id AND a.module_id = m.id
                                       AND a.status = 'graded' AND a.passed)"
            ),
        );
        assert_eq!(
            progress["assessments_outstanding"].as_array().map(Vec::len),
            Some(outstanding as usize),
            "{item}"
        );
    }

    let code = &codes.first().expect("a certificate").code;
    let verified = app.get(&format!("/verify/{code}")).await;
    assert_eq!(verified.status(), 200, "a generated certificate verifies");
}
