//! Programmes: completion through a recognised equivalent course gives one
//! programme certificate; bad programme files are refused with a reason;
//! equivalences never form a cycle; the shipped programme spans three CoEs.

use atmp_academy::identity::models::Role;

use crate::fixtures::{self, standard_tree};
use crate::helpers::{Browser, TestApp, count, csrf_of, import};

fn open_course(root: &std::path::Path, slug: &str, coe: &str, title: &str) {
    fixtures::course(
        root,
        slug,
        &format!(
            "title = \"{title}\"\nsummary = \"S\"\ndescription = \"D\"\ncoe = \"{coe}\"\naudience = \"scientists\"\nlevel = \"introductory\"\nlanguage = \"en\"\ncredits = 1.0\ncredit_type = \"ects\"\ncertificate = true\n"
        ),
    );
    fixtures::lesson(root, slug, "01-only", "01-lesson", "Lesson", "Text.");
}

/// Two programme courses at two CoEs, and a third course at coe-alpha that
/// can be recognised as equivalent to the second.
fn programme_tree() -> tempfile::TempDir {
    let tree = standard_tree();
    open_course(tree.path(), "course-alpha", "coe-alpha", "Alpha course");
    open_course(tree.path(), "course-beta", "coe-beta", "Beta course");
    open_course(
        tree.path(),
        "course-beta-local",
        "coe-alpha",
        "Beta course, taught at Alpha",
    );
    fixtures::write(
        tree.path(),
        "programmes.toml",
        r#"[[programme]]
slug = "specialist"
title = "Specialist programme"
summary = "Two CoEs."
description = "A programme."
coe = "coe-alpha"
required = ["course-alpha", "course-beta"]
"#,
    );
    tree
}

async fn enrol_and_complete(browser: &Browser, slug: &str) {
    let page = browser.get_text(&format!("/courses/{slug}")).await;
    if page.contains(&format!("/courses/{slug}/enrol")) {
        browser
            .post_form(
                &format!("/courses/{slug}/enrol"),
                &[("csrf_token", csrf_of(&page).as_str())],
            )
            .await;
    }
    let lesson = browser
        .get_text(&format!("/courses/{slug}/only/lesson"))
        .await;
    let done = browser
        .post_form(
            &format!("/courses/{slug}/only/lesson/complete"),
            &[("csrf_token", csrf_of(&lesson).as_str())],
        )
        .await;
    assert_eq!(done.status(), 303);
}

#[tokio::test]
async fn a_programme_completes_through_an_equivalent_course_with_one_certificate() {
    let app = TestApp::with_fixture(programme_tree()).await;
    let learner = app.signed_in_browser("ada@alpha.example").await;
    let page = learner.get_text("/programmes/specialist").await;
    assert!(page.contains("Alpha course") && page.contains("Beta Centre of Excellence"));
    assert!(
        page.contains("2 ECTS"),
        "total credits of the required courses: {page}"
    );
    let enrolled = learner
        .post_form(
            "/programmes/specialist/enrol",
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(enrolled.status(), 303);
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM enrolments WHERE status = 'active'"
        ),
        2,
        "enrolled in both required courses"
    );
    // A network admin recognises the local course as equivalent to course-beta.
    crate::helpers::grant(&app.db, "admin@alpha.example", Role::NetworkAdmin, None);
    let admin = app.signed_in_browser("admin@alpha.example").await;
    let form = admin.get_text("/admin/equivalences").await;
    let recorded = admin
        .post_form(
            "/admin/equivalences",
            &[
                ("csrf_token", csrf_of(&form).as_str()),
                ("course", "course-beta-local"),
                ("equivalent_to", "course-beta"),
                (
                    "reason",
                    "Same syllabus and assessment, reviewed by both CoEs.",
                ),
            ],
        )
        .await;
    assert_eq!(recorded.status(), 303);
    enrol_and_complete(&learner, "course-alpha").await;
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM certificates WHERE kind = 'programme'"
        ),
        0
    );
    enrol_and_complete(&learner, "course-beta-local").await;
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM certificates WHERE kind = 'programme'"
        ),
        1,
        "the equivalent course met the requirement"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM programme_enrolments WHERE completed_at IS NOT NULL AND certificate_id IS NOT NULL"
        ),
        1
    );
    let progress = learner.get_text("/programmes/specialist").await;
    assert!(
        progress.contains("through the equivalent course course-beta-local"),
        "{progress}"
    );
    assert!(progress.contains("Completed"));
    let certificates = learner.get_text("/certificates").await;
    assert!(certificates.contains("Specialist programme"));
    // Completing the original course later changes nothing.
    enrol_and_complete(&learner, "course-beta").await;
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM certificates WHERE kind = 'programme'"
        ),
        1
    );
}

#[tokio::test]
async fn equivalences_refuse_cycles_self_pairs_and_non_admins() {
    let app = TestApp::with_fixture(programme_tree()).await;
    crate::helpers::grant(&app.db, "admin@alpha.example", Role::NetworkAdmin, None);
    let admin = app.signed_in_browser("admin@alpha.example").await;
    let form = admin.get_text("/admin/equivalences").await;
    let csrf = csrf_of(&form);
    let record = |a: &'static str, b: &'static str| {
        let csrf = csrf.clone();
        let admin = &admin;
        async move {
            admin
                .post_form(
                    "/admin/equivalences",
                    &[
                        ("csrf_token", csrf.as_str()),
                        ("course", a),
                        ("equivalent_to", b),
                        ("reason", "Reviewed."),
                    ],
                )
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(record("course-alpha", "course-beta").await, 303);
    assert_eq!(record("course-beta", "course-beta-local").await, 303);
    assert_eq!(
        record("course-beta-local", "course-alpha").await,
        409,
        "a cycle"
    );
    assert_eq!(
        record("course-beta", "course-alpha").await,
        409,
        "the same pair again"
    );
    assert_eq!(
        record("course-alpha", "course-alpha").await,
        400,
        "a course with itself"
    );
    assert_eq!(record("course-alpha", "no-such-course").await, 404);
    let learner = app.signed_in_browser("lea@alpha.example").await;
    assert_eq!(learner.get("/admin/equivalences").await.status(), 403);
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM course_equivalences"
        ),
        2
    );
}

#[tokio::test]
async fn bad_programme_files_are_refused_with_a_reason() {
    for (programme, expected) in [
        ("required = [\"course-alpha\", \"course-alpha\"]", "twice"),
        (
            "required = [\"course-alpha\"]\nelectives = [\"course-alpha\"]",
            "twice",
        ),
        (
            "required = [\"no-such-course\"]",
            "no course \"no-such-course\"",
        ),
        ("required = []", "has no courses"),
        (
            "required = [\"course-alpha\"]\nelectives = [\"course-beta\"]\nelectives_required = 2",
            "asks for 2 electives",
        ),
    ] {
        let tree = programme_tree();
        fixtures::write(
            tree.path(),
            "programmes.toml",
            &format!(
                "[[programme]]\nslug = \"bad\"\ntitle = \"Bad\"\nsummary = \"S\"\ndescription = \"D\"\ncoe = \"coe-alpha\"\n{programme}\n"
            ),
        );
        let db = crate::helpers::TestDb::new();
        let problems = import(&db, tree.path()).unwrap_err().to_string();
        assert!(problems.contains(expected), "{programme}: {problems}");
    }
}

#[tokio::test]
async fn the_shipped_programme_spans_three_coes() {
    let app = TestApp::with_shipped_courses().await;
    let page = app
        .browser()
        .get_text("/programmes/atmp-manufacturing-specialist")
        .await;
    assert!(page.contains("ATMP Manufacturing Specialist"));
    for coe in ["Berlin", "Leiden", "Milan"] {
        assert!(page.contains(coe), "{coe} in {page}");
    }
    let list = app.browser().get_text("/programmes").await;
    assert!(list.contains("/programmes/atmp-manufacturing-specialist"));
}
