//! The HTML pages as a visitor meets them: home, catalogue, course, lesson
//! (open for outreach courses, sign-in request otherwise), error pages,
//! inert author HTML, security headers, health checks.

use crate::fixtures::{self, standard_tree};
use crate::helpers::{TestApp, import};

#[tokio::test]
async fn home_page_shows_courses_search_and_a_skip_link() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("href=\"#main\""), "skip link");
    assert!(body.contains("<main id=\"main\""));
    assert!(body.contains("Advanced therapies for everyone"));
    assert!(
        body.contains("<label for=\"home-search\">"),
        "labelled search box"
    );
}

#[tokio::test]
async fn catalogue_page_keeps_the_chosen_filters_and_counts_results() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app
        .get_text("/courses?audience=gmp_staff&q=cleanroom")
        .await;
    assert_eq!(status, 200);
    assert!(
        body.contains("<option value=\"gmp_staff\" selected>"),
        "{body}"
    );
    assert!(body.contains("value=\"cleanroom\""));
    assert!(body.contains("Showing 1–1 of 1 courses"));
    assert!(body.contains("href=\"/courses/cleanroom-basics\""));
    assert!(!body.contains("href=\"/courses/public-intro\""));
    let (_, body) = app.get_text("/courses?q=xylophone").await;
    assert!(body.contains("No courses match"));
}

#[tokio::test]
async fn course_page_shows_facts_syllabus_and_prerequisites() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app.get_text("/courses/cleanroom-basics").await;
    assert_eq!(status, 200);
    for expected in [
        "<h1>Cleanroom basics</h1>",
        "Alpha Centre of Excellence",
        "GMP operators &amp; QA/QC",
        "1.5 ECTS",
        "valid 24 months",
        "Grade A zones",
        "href=\"/courses/public-intro\"",
        "<dt>Version</dt><dd>1, published",
    ] {
        assert!(body.contains(expected), "missing {expected}");
    }
}

#[tokio::test]
async fn outreach_lesson_is_readable_without_signing_in() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app
        .get_text("/courses/public-intro/basics/what-is-a-gene")
        .await;
    assert_eq!(status, 200);
    assert!(
        body.contains("<strong>instructions</strong>"),
        "Markdown is rendered"
    );
    assert!(
        body.contains("href=\"/courses/public-intro/basics/what-is-a-cell\""),
        "link to the next lesson"
    );
}

#[tokio::test]
async fn professional_lesson_shows_the_syllabus_and_asks_to_sign_in() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app
        .get_text("/courses/cleanroom-basics/grades/grade-a")
        .await;
    assert_eq!(status, 401);
    assert!(body.contains("Sign in to study this lesson"));
    assert!(body.contains("Gowning"), "the syllabus is shown");
    assert!(
        !body.contains("Unidirectional airflow protects"),
        "the lesson body is not"
    );
}

#[tokio::test]
async fn unknown_pages_get_a_helpful_404_page() {
    let app = TestApp::with_fixture(standard_tree()).await;
    for path in [
        "/no/such/page",
        "/courses/no-such-course",
        "/courses/public-intro/basics/no-such-lesson",
        "/courses/public-intro/no-such-module/what-is-a-gene",
        "/network/no-such-coe",
    ] {
        let (status, body) = app.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(body.contains(">Page not found</h1>"), "{path}: {body}");
        assert!(body.contains("href=\"/\""), "{path}: a way back");
    }
}

#[tokio::test]
async fn scripts_in_lessons_and_descriptions_render_inert() {
    let tree = standard_tree();
    fixtures::course(
        tree.path(),
        "hostile-course",
        r#"title = "Hostile"
summary = "Tries to run script."
description = "Hi <script>alert('description')</script> <a href=\"javascript:alert(1)\">x</a>"
coe = "coe-alpha"
audience = "public"
level = "introductory"
language = "en"
certificate = false
"#,
    );
    fixtures::lesson(
        tree.path(),
        "hostile-course",
        "01-attack",
        "01-payloads",
        "Payloads",
        "<script>alert('lesson')</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=\"alert(3)\">\n\n<p style=\"width: expression(alert(4))\" onmouseover=\"alert(5)\">styled</p>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"JaVaScRiPt:alert(6)\">mixed case</a>",
    );
    let app = TestApp::with_fixture(tree).await;
    for path in [
        "/courses/hostile-course",
        "/courses/hostile-course/attack/payloads",
    ] {
        let (status, body) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        let lower = body.to_lowercase();
        for forbidden in [
            "<script",
            "javascript:",
            "onerror",
            "onmouseover",
            "expression(",
            "<iframe",
            "alert(",
        ] {
            assert!(!lower.contains(forbidden), "{path} contains {forbidden}");
        }
    }
}

#[tokio::test]
async fn archived_course_leaves_the_catalogue_but_its_page_says_so() {
    let tree = standard_tree();
    let app = TestApp::with_fixture(standard_tree()).await;
    std::fs::remove_dir_all(tree.path().join("vector-safety")).expect("remove course");
    import(&app.db, tree.path()).expect("re-import without the course");
    let (_, catalogue) = app.get_json("/api/v1/courses").await;
    assert_eq!(catalogue["page"]["total"], 2);
    let (status, body) = app.get_text("/courses/vector-safety").await;
    assert_eq!(status, 200);
    assert!(body.contains("This course has been archived"));
}

#[tokio::test]
async fn network_pages_show_coes_and_their_facilities() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (status, body) = app.get_text("/network").await;
    assert_eq!(status, 200);
    assert!(
        body.contains("Alpha Centre of Excellence") && body.contains("Beta Centre of Excellence")
    );
    let (status, body) = app.get_text("/network/coe-alpha").await;
    assert_eq!(status, 200);
    assert!(body.contains("GMP suite") && body.contains("GMP manufacturing suite"));
    assert!(body.contains("href=\"/courses/cleanroom-basics\""));
}

#[tokio::test]
async fn responses_carry_security_headers_and_a_request_id() {
    let app = TestApp::with_fixture(standard_tree()).await;
    for path in ["/", "/no/such/page", "/api/v1/courses"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(
            headers
                .get("x-content-type-options")
                .and_then(|v| v.to_str().ok()),
            Some("nosniff")
        );
        assert!(headers.get("referrer-policy").is_some());
        assert!(headers.get("x-request-id").is_some(), "{path}");
    }
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::with_fixture(standard_tree()).await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    let (status, body) = app.get_json("/readyz").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ready");
}

#[tokio::test]
async fn stylesheet_is_served_with_a_long_cache_when_versioned() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (_, home) = app.get_text("/").await;
    let href = home
        .split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("stylesheet link")
        .replace("&#x3D;", "=");
    let response = app.get(&href).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/css")
    );
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap_or_default()
            .contains("immutable")
    );
}

#[tokio::test]
async fn every_shipped_course_page_and_outreach_lesson_renders() {
    let app = TestApp::with_shipped_courses().await;
    let (_, catalogue) = app.get_json("/api/v1/courses?per_page=100").await;
    let courses = catalogue["courses"].as_array().expect("courses").clone();
    assert!(courses.len() >= 2);
    for course in courses {
        let slug = course["slug"].as_str().expect("slug");
        let (status, _) = app.get_text(&format!("/courses/{slug}")).await;
        assert_eq!(status, 200, "{slug}");
        let (_, detail) = app.get_json(&format!("/api/v1/courses/{slug}")).await;
        let public = detail["lessons_public"].as_bool().unwrap_or(false);
        for module in detail["modules"].as_array().expect("modules") {
            for lesson in module["lessons"].as_array().expect("lessons") {
                let href = lesson["href"].as_str().expect("href");
                let (status, body) = app.get_text(href).await;
                assert_eq!(status, if public { 200 } else { 401 }, "{href}");
                if public {
                    assert!(
                        body.contains("Sources"),
                        "{href}: every lesson names its sources"
                    );
                }
            }
        }
    }
}
