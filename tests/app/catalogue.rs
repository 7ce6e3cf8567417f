//! The catalogue API: filters, full-text search, pagination bounds, the
//! course detail, errors in the JSON envelope, and search, course pages and
//! lessons answering from memory only while the catalogue is unchanged.

use diesel::RunQueryDsl;
use serde_json::Value;

use crate::fixtures::{lesson, standard_tree};
use crate::helpers::{TestApp, import};

fn slugs(body: &Value) -> Vec<String> {
    body["courses"]
        .as_array()
        .expect("courses array")
        .iter()
        .map(|course| course["slug"].as_str().expect("slug").to_owned())
        .collect()
}

#[tokio::test]
async fn catalogue_filters_by_audience_coe_topic_language_and_level() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let cases = [
        (
            "",
            vec!["public-intro", "cleanroom-basics", "vector-safety"],
        ),
        ("audience=public", vec!["public-intro"]),
        ("audience=gmp_staff", vec!["cleanroom-basics"]),
        ("coe=coe-beta", vec!["public-intro", "vector-safety"]),
        ("topic=gmp", vec!["cleanroom-basics"]),
        ("topic=Outreach", vec!["public-intro"]),
        ("language=de", vec!["vector-safety"]),
        ("level=advanced", vec!["vector-safety"]),
        ("coe=coe-beta&language=en", vec!["public-intro"]),
        ("coe=no-such-coe", vec![]),
    ];
    for (query, expected) in cases {
        let (status, body) = app.get_json(&format!("/api/v1/courses?{query}")).await;
        assert_eq!(status, 200, "{query}: {body}");
        let mut found = slugs(&body);
        let mut expected: Vec<String> = expected.into_iter().map(str::to_owned).collect();
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{query}");
        assert_eq!(
            body["page"]["total"].as_i64(),
            Some(i64::try_from(expected.len()).unwrap()),
            "{query}"
        );
    }
}

#[tokio::test]
async fn full_text_search_matches_words_stems_and_lesson_text() {
    let app = TestApp::with_fixture(standard_tree()).await;
    for (query, expected) in [
        ("cleanroom", "cleanroom-basics"),
        ("cleanrooms", "cleanroom-basics"),
        ("\"unidirectional airflow\"", "cleanroom-basics"),
        ("patients", "public-intro"),
        ("Lentiviren", "vector-safety"),
    ] {
        let (status, body) = app
            .get_json(&format!("/api/v1/courses?q={}", urlencode(query)))
            .await;
        assert_eq!(status, 200);
        assert_eq!(
            slugs(&body),
            vec![expected.to_owned()],
            "search for {query}"
        );
    }
    let (_, body) = app.get_json("/api/v1/courses?q=xylophone").await;
    assert!(slugs(&body).is_empty());
    let (_, body) = app.get_json("/api/v1/courses?q=cleanroom%20-gowning").await;
    assert!(slugs(&body).is_empty(), "`-word` excludes");
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => char::from(byte).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn pagination_walks_the_results_and_reports_totals() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut seen = Vec::new();
    for page in 1..=3 {
        let (status, body) = app
            .get_json(&format!("/api/v1/courses?per_page=1&page={page}"))
            .await;
        assert_eq!(status, 200);
        assert_eq!(body["page"]["total"], 3);
        assert_eq!(body["page"]["total_pages"], 3);
        seen.extend(slugs(&body));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 3, "each page shows another course");
    let (status, body) = app.get_json("/api/v1/courses?per_page=1&page=9").await;
    assert_eq!(status, 200);
    assert!(slugs(&body).is_empty());
    assert_eq!(body["page"]["total"], 3);
}

#[tokio::test]
async fn bad_query_parameters_get_400_with_a_message_never_500() {
    let app = TestApp::with_fixture(standard_tree()).await;
    for (query, words) in [
        ("page=-1", "`page` must be a whole number"),
        ("page=abc", "`page` must be a whole number"),
        ("page=0", "`page` must be a whole number"),
        ("page=99999999999999999999", "`page` must be a whole number"),
        (
            "per_page=100000",
            "`per_page` must be a whole number from 1 to 100",
        ),
        ("per_page=0", "`per_page` must be a whole number"),
        ("audience=martians", "`audience` must be one of"),
        ("level=expert", "`level` must be one of"),
        (
            "language=english",
            "`language` must be a two- or three-letter",
        ),
    ] {
        for prefix in ["/api/v1/courses", "/courses"] {
            let response = app.get(&format!("{prefix}?{query}")).await;
            assert_eq!(response.status(), 400, "{prefix}?{query}");
            let body = response.text().await.expect("body");
            assert!(
                body.contains(words) || body.contains(&words.replace('`', "&#x60;")),
                "{prefix}?{query}: {body}"
            );
        }
    }
    let long_query = "a".repeat(201);
    let (status, body) = app
        .get_json(&format!("/api/v1/courses?q={long_query}"))
        .await;
    assert_eq!(status, 400);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("at most 200")
    );
}

#[tokio::test]
async fn api_errors_use_one_json_envelope() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app.get_json("/api/v1/courses?page=abc").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["status"], 400);
    assert_eq!(body["error"]["code"], "bad_request");
    assert!(body["error"]["request_id"].as_str().is_some());
    let (status, body) = app.get_json("/api/v1/courses/no-such-course").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    let (status, body) = app.get_json("/api/v1/no/such/route").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn course_detail_lists_syllabus_version_and_prerequisites() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app.get_json("/api/v1/courses/cleanroom-basics").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["title"], "Cleanroom basics");
    assert_eq!(body["coe"]["slug"], "coe-alpha");
    assert_eq!(body["version"], 1);
    assert_eq!(body["credits_label"], "1.5 ECTS");
    assert_eq!(body["certificate_validity_months"], 24);
    assert_eq!(body["prerequisites"][0]["slug"], "public-intro");
    assert_eq!(body["modules"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        body["modules"][0]["lessons"][0]["href"],
        "/courses/cleanroom-basics/grades/grade-a"
    );
    assert_eq!(body["lessons_public"], false);
}

#[tokio::test]
async fn openapi_document_lists_the_catalogue_routes() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(
        body["paths"]["/api/v1/courses"]["get"].is_object(),
        "{body}"
    );
    assert!(body["paths"]["/api/v1/courses/{slug}"]["get"].is_object());
    assert!(body["components"]["schemas"]["CatalogueResult"].is_object());
}

#[tokio::test]
async fn search_shows_a_catalogue_change_at_once_even_when_made_outside_this_server() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (_, body) = app.get_json("/api/v1/courses?q=cleanroom").await;
    assert_eq!(slugs(&body), vec!["cleanroom-basics".to_owned()]);
    let (_, page) = app.get_text("/courses").await;
    assert!(
        page.contains("value=\"gmp\""),
        "the topic filter offers gmp"
    );
    let (_, again) = app.get_json("/api/v1/courses?q=cleanroom").await;
    assert_eq!(again, body, "an unchanged catalogue answers the same");

    let mut connection = app.db.connect();
    diesel::sql_query(
        "UPDATE coes SET name = 'Renamed Centre' WHERE id = \
         (SELECT coe_id FROM courses WHERE slug = 'cleanroom-basics')",
    )
    .execute(&mut connection)
    .expect("rename the CoE");
    let (_, body) = app.get_json("/api/v1/courses?q=cleanroom").await;
    assert_eq!(
        body["courses"][0]["coe_name"].as_str(),
        Some("Renamed Centre"),
        "{body}"
    );

    diesel::sql_query(
        "UPDATE courses SET status = 'archived', archived_at = now() \
         WHERE slug = 'cleanroom-basics'",
    )
    .execute(&mut connection)
    .expect("archive the course");
    let (_, body) = app.get_json("/api/v1/courses?q=cleanroom").await;
    assert!(slugs(&body).is_empty(), "{body}");
    assert_eq!(body["page"]["total"], 0);
    let (_, page) = app.get_text("/courses").await;
    assert!(
        !page.contains("value=\"gmp\""),
        "the topic filter no longer offers the archived course's topic"
    );
}

#[tokio::test]
async fn course_and_lesson_pages_show_a_catalogue_change_at_once_even_when_made_outside_this_server()
 {
    let tree = standard_tree();
    let app = TestApp::with_fixture(standard_tree()).await;
    let lesson_path = "/courses/public-intro/basics/what-is-a-gene";
    let (_, page) = app.get_text(lesson_path).await;
    assert!(page.contains("<strong>instructions</strong>"), "{page}");
    let (_, course) = app.get_text("/courses/public-intro").await;
    assert!(course.contains("What is a cell?"), "{course}");
    assert!(
        !course.contains("This course has been archived"),
        "{course}"
    );
    let (_, again) = app.get_text(lesson_path).await;
    assert_eq!(again, page, "an unchanged lesson reads the same");

    // A new version is published by another process (a course-files import).
    lesson(
        tree.path(),
        "public-intro",
        "01-basics",
        "01-what-is-a-gene",
        "What is a gene?",
        "Genes are *rewritten* here.",
    );
    lesson(
        tree.path(),
        "public-intro",
        "01-basics",
        "03-what-is-a-protein",
        "What is a protein?",
        "Proteins do the work.",
    );
    import(&app.db, tree.path()).expect("a new version");
    let (_, page) = app.get_text(lesson_path).await;
    assert!(page.contains("<em>rewritten</em>"), "{page}");
    assert!(!page.contains("<strong>instructions</strong>"), "{page}");
    let (_, course) = app.get_text("/courses/public-intro").await;
    assert!(course.contains("What is a protein?"), "{course}");

    let mut connection = app.db.connect();
    diesel::sql_query("UPDATE coes SET name = 'Renamed Centre' WHERE slug = 'coe-beta'")
        .execute(&mut connection)
        .expect("rename the CoE");
    let (_, course) = app.get_text("/courses/public-intro").await;
    assert!(course.contains("Renamed Centre"), "{course}");

    diesel::sql_query(
        "UPDATE courses SET status = 'archived', archived_at = now() WHERE slug = 'public-intro'",
    )
    .execute(&mut connection)
    .expect("archive the course");
    let (_, course) = app.get_text("/courses/public-intro").await;
    assert!(course.contains("This course has been archived"), "{course}");
}
