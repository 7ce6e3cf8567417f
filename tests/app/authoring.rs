//! Authoring in the browser: create, edit, preview, submit, review and
//! publish; learners keep their version; optimistic locking under parallel
//! saves; permissions; XSS; the database keeps published versions
//! immutable; export → import round trip.

use atmp_academy::audit::Actor;
use atmp_academy::authoring::{export, service as authoring};
use atmp_academy::identity::models::Role;
use atmp_academy::identity::service::{self as identity, GrantRequest};
use diesel::prelude::*;

use crate::fixtures::{self, standard_tree};
use crate::helpers::{Browser, TestApp, TestDb, count, csrf_of, import};

fn grant(app: &TestApp, email: &str, role: Role, coe: &str) {
    crate::helpers::grant(&app.db, email, role, Some(coe));
}

/// The lock version shown in a page's first edit form.
fn lock_of(html: &str) -> String {
    let marker = "name=\"lock_version\" value=\"";
    let start = html.find(marker).expect("a lock_version field") + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

async fn post(
    browser: &Browser,
    page: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = csrf_of(page);
    let lock = lock_of(page);
    let mut all: Vec<(&str, &str)> = vec![
        ("csrf_token", csrf.as_str()),
        ("lock_version", lock.as_str()),
    ];
    all.extend_from_slice(fields);
    browser.post_form(path, &all).await
}

/// Posts the authoring index's "New course" form at coe-alpha.
async fn create_course(author: &Browser, title: &str, slug: &str) -> reqwest::Response {
    let index = author.get_text("/author").await;
    author
        .post_form(
            "/author/courses",
            &[
                ("csrf_token", csrf_of(&index).as_str()),
                ("coe", "coe-alpha"),
                ("title", title),
                ("slug", slug),
                ("summary", "Hands on aseptic technique."),
            ],
        )
        .await
}

/// Creates "web-course" at coe-alpha with one module and one lesson whose
/// text is `body`; returns the author's browser.
async fn drafted_course(app: &TestApp, body: &str) -> Browser {
    grant(app, "ines@alpha.example", Role::Instructor, "coe-alpha");
    let author = app.signed_in_browser("ines@alpha.example").await;
    let index = author.get_text("/author").await;
    assert!(index.contains("New course"), "{index}");
    let created = create_course(&author, "Aseptic technique in practice", "web-course").await;
    assert_eq!(created.status(), 303);
    let draft = author.get_text("/author/courses/web-course").await;
    let added = post(
        &author,
        &draft,
        "/author/courses/web-course/modules",
        &[("title", "Basics")],
    )
    .await;
    assert_eq!(added.status(), 303);
    let draft = author.get_text("/author/courses/web-course").await;
    let added = post(
        &author,
        &draft,
        "/author/courses/web-course/modules/basics/lessons",
        &[("title", "First air")],
    )
    .await;
    assert_eq!(added.status(), 303);
    assert_eq!(
        added.headers()["location"],
        "/author/courses/web-course/modules/basics/lessons/first-air"
    );
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    let saved = post(
        &author,
        &editor,
        "/author/courses/web-course/modules/basics/lessons/first-air",
        &[
            ("title", "First air"),
            ("minutes", "12"),
            ("required", "on"),
            ("body_markdown", body),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(
        saved.status(),
        303,
        "{}",
        saved.text().await.unwrap_or_default()
    );
    author
}

async fn submit(author: &Browser) {
    let draft = author.get_text("/author/courses/web-course").await;
    let submitted = post(author, &draft, "/author/courses/web-course/submit", &[]).await;
    assert_eq!(
        submitted.status(),
        303,
        "{}",
        submitted.text().await.unwrap_or_default()
    );
}

async fn approve(reviewer: &Browser) -> reqwest::Response {
    let page = reviewer.get_text("/author/courses/web-course").await;
    post(reviewer, &page, "/author/courses/web-course/approve", &[]).await
}

async fn start_new_version(author: &Browser) {
    let page = author.get_text("/author/courses/web-course").await;
    assert!(page.contains("Start a new version"), "{page}");
    let started = author
        .post_form(
            "/author/courses/web-course/drafts",
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(started.status(), 303);
}

#[tokio::test]
async fn a_draft_is_reviewed_by_a_second_person_and_published() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Open the **first air** with care.").await;
    // Preview renders without saving.
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    let preview = post(
        &author,
        &editor,
        "/author/courses/web-course/modules/basics/lessons/first-air",
        &[
            ("title", "First air"),
            ("minutes", "12"),
            ("body_markdown", "# Not saved"),
            ("action", "preview"),
        ],
    )
    .await;
    assert_eq!(preview.status(), 200);
    let preview = preview.text().await.unwrap();
    assert!(preview.contains("Not saved</h1>"), "{preview}");
    assert_eq!(
        app.get("/courses/web-course").await.status(),
        404,
        "nothing public before publication"
    );
    submit(&author).await;
    // The author cannot approve their own draft.
    let own = approve(&author).await;
    assert_eq!(own.status(), 403);
    assert!(
        own.text()
            .await
            .unwrap()
            .contains("someone else must review it")
    );
    // Nor can an instructor of another CoE or a learner.
    grant(&app, "otto@beta.example", Role::Instructor, "coe-beta");
    let outsider = app.signed_in_browser("otto@beta.example").await;
    let response = outsider.get("/author/courses/web-course").await;
    assert_eq!(response.status(), 403);
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let reviewer = app.signed_in_browser("cora@alpha.example").await;
    let review_page = reviewer.get_text("/author/courses/web-course").await;
    assert!(review_page.contains("Approve and publish"));
    let approved = approve(&reviewer).await;
    assert_eq!(approved.status(), 303);
    let lesson = app.browser().get_text("/courses/web-course").await;
    assert!(lesson.contains("Aseptic technique in practice"));
    let mut connection = app.db.connect();
    for action in [
        "course.created",
        "draft.saved",
        "draft.submitted",
        "draft.approved",
        "course.version_published",
    ] {
        assert!(
            count(
                &mut connection,
                &format!("SELECT count(*) AS n FROM audit_events WHERE action = '{action}'")
            ) >= 1,
            "{action} audited"
        );
    }
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM course_versions v JOIN users u ON u.id = v.published_by
              WHERE u.email = 'cora@alpha.example' AND v.status = 'published'"
        ),
        1,
        "the reviewer is recorded as the publisher"
    );
}

#[tokio::test]
async fn learners_keep_their_version_and_new_enrolments_get_the_new_one() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Version one text.").await;
    submit(&author).await;
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let reviewer = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(approve(&reviewer).await.status(), 303);
    let early = app.signed_in_browser("early@alpha.example").await;
    let course = early.get_text("/courses/web-course").await;
    early
        .post_form(
            "/courses/web-course/enrol",
            &[("csrf_token", csrf_of(&course).as_str())],
        )
        .await;
    // Looking at the published course changes nothing; starting a new
    // version copies version 1 into a draft.
    assert_eq!(
        author
            .get("/author/courses/web-course/modules/basics/lessons/first-air")
            .await
            .status(),
        404
    );
    start_new_version(&author).await;
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    assert!(editor.contains("Version one text."));
    let saved = post(
        &author,
        &editor,
        "/author/courses/web-course/modules/basics/lessons/first-air",
        &[
            ("title", "First air"),
            ("minutes", "12"),
            ("required", "on"),
            ("body_markdown", "Version two text."),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);
    // A new version needs a change note.
    let draft = author.get_text("/author/courses/web-course").await;
    let refused = post(&author, &draft, "/author/courses/web-course/submit", &[]).await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("change note"));
    let metadata = post(
        &author,
        &draft,
        "/author/courses/web-course/metadata",
        &[
            ("title", "Aseptic technique in practice"),
            ("summary", "Hands on aseptic technique."),
            ("description", "Aseptic technique, hands on."),
            ("audience", "gmp_staff"),
            ("level", "intermediate"),
            ("language", "en"),
            ("enrolment", "open"),
            (
                "change_note",
                "Rewrote the first lesson after the 2026 audit.",
            ),
        ],
    )
    .await;
    assert_eq!(metadata.status(), 303);
    submit(&author).await;
    assert_eq!(approve(&reviewer).await.status(), 303);
    let early_lesson = early.get_text("/courses/web-course/basics/first-air").await;
    assert!(
        early_lesson.contains("Version one text."),
        "enrolled learners keep their version"
    );
    let late = app.signed_in_browser("late@alpha.example").await;
    let course = late.get_text("/courses/web-course").await;
    late.post_form(
        "/courses/web-course/enrol",
        &[("csrf_token", csrf_of(&course).as_str())],
    )
    .await;
    let late_lesson = late.get_text("/courses/web-course/basics/first-air").await;
    assert!(
        late_lesson.contains("Version two text."),
        "new enrolments get the new version"
    );
    let history = author.get_text("/author/courses/web-course/history").await;
    assert!(history.contains("Version 2") && history.contains("Version 1"));
    assert!(history.contains("Rewrote the first lesson after the 2026 audit."));
    assert!(
        history.contains("cora@alpha.example") || history.contains("cora"),
        "who published"
    );
    assert!(
        history.contains("− Version one text.") && history.contains("+ Version two text."),
        "{history}"
    );
}

#[tokio::test]
async fn two_parallel_saves_of_one_draft_keep_one_and_refuse_the_other_with_its_text() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let first = drafted_course(&app, "Start.").await;
    grant(&app, "jan@alpha.example", Role::Instructor, "coe-alpha");
    let second = app.signed_in_browser("jan@alpha.example").await;
    let path = "/author/courses/web-course/modules/basics/lessons/first-air";
    let page_one = first.get_text(path).await;
    let page_two = second.get_text(path).await;
    assert_eq!(lock_of(&page_one), lock_of(&page_two));
    let (one, two) = tokio::join!(
        post(
            &first,
            &page_one,
            path,
            &[
                ("title", "First air"),
                ("minutes", "12"),
                ("body_markdown", "Text by Ines."),
                ("action", "save")
            ]
        ),
        post(
            &second,
            &page_two,
            path,
            &[
                ("title", "First air"),
                ("minutes", "12"),
                ("body_markdown", "Text by Jan."),
                ("action", "save")
            ]
        ),
    );
    let mut statuses = vec![one.status().as_u16(), two.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, vec![303, 409]);
    let (loser_text, loser_body) = if one.status() == 409 {
        ("Text by Ines.", one.text().await.unwrap())
    } else {
        ("Text by Jan.", two.text().await.unwrap())
    };
    assert!(
        loser_body.contains(loser_text),
        "the refused text is kept in the form"
    );
    assert!(loser_body.contains("after you opened it"));
    let now = first.get_text(path).await;
    let winner = if loser_text == "Text by Ines." {
        "Text by Jan."
    } else {
        "Text by Ines."
    };
    assert!(now.contains(winner) && !now.contains(loser_text));
}

#[tokio::test]
async fn file_managed_courses_and_other_people_are_refused_by_the_editor() {
    let app = TestApp::with_fixture(standard_tree()).await;
    grant(&app, "ivo@alpha.example", Role::Instructor, "coe-alpha");
    let author = app.signed_in_browser("ivo@alpha.example").await;
    let files = author.get("/author/courses/cleanroom-basics").await;
    assert_eq!(files.status(), 403);
    assert!(
        files
            .text()
            .await
            .unwrap()
            .contains("managed from the course files")
    );
    let learner = app.signed_in_browser("lea@alpha.example").await;
    assert_eq!(
        learner
            .get("/author/courses/cleanroom-basics")
            .await
            .status(),
        403
    );
    assert_eq!(app.browser().get("/author").await.status(), 401);
    let index = learner.get_text("/author").await;
    let refused = learner
        .post_form(
            "/author/courses",
            &[
                ("csrf_token", csrf_of(&index).as_str()),
                ("coe", "coe-alpha"),
                ("title", "Mine"),
                ("summary", "S"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 403);
    // The file sync refuses a folder named like a web course.
    drop(author);
    let web = drafted_course(&app, "Web text.").await;
    drop(web);
    let tree = standard_tree();
    fixtures::course(
        tree.path(),
        "web-course",
        "title = \"X\"\nsummary = \"S\"\ndescription = \"D\"\ncoe = \"coe-alpha\"\naudience = \"public\"\nlevel = \"introductory\"\nlanguage = \"en\"\ncertificate = false\n",
    );
    fixtures::lesson(tree.path(), "web-course", "01-abc", "01-bcd", "B", "Body");
    let problems = import(&app.db, tree.path()).unwrap_err().to_string();
    assert!(problems.contains("edited in the web editor"), "{problems}");
}

#[tokio::test]
async fn bad_edits_are_refused_and_change_nothing() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Keep me.").await;
    let draft = author.get_text("/author/courses/web-course").await;
    let lock = lock_of(&draft);
    for (path, fields) in [
        (
            "/author/courses/web-course/modules/other/lessons/first-air/move",
            vec![("direction", "up")],
        ),
        (
            "/author/courses/web-course/modules/basics/lessons/../../etc/passwd/move",
            vec![("direction", "up")],
        ),
        (
            "/author/courses/web-course/modules/basics/lessons/first-air/move",
            vec![("direction", "sideways")],
        ),
        (
            "/author/courses/web-course/modules",
            vec![("title", "X"), ("slug", "../../etc/passwd")],
        ),
        (
            "/author/courses/web-course/modules/basics/quiz",
            vec![
                ("gift", "::Q:: broken {"),
                ("title", "T"),
                ("pass_mark_percent", "80"),
                ("questions_per_attempt", "1"),
            ],
        ),
        (
            "/author/courses/cleanroom-basics/modules/grades/lessons/grade-a/move",
            vec![("direction", "up")],
        ),
    ] {
        let response = post(&author, &draft, path, &fields).await;
        assert!(
            [400, 403, 404].contains(&response.status().as_u16()),
            "{path}: {}",
            response.status()
        );
    }
    let after = author.get_text("/author/courses/web-course").await;
    assert_eq!(lock_of(&after), lock, "nothing was saved");
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    assert!(editor.contains("Keep me."));
    // A stale form is refused too.
    let stale = post(
        &author,
        &draft,
        "/author/courses/web-course/modules",
        &[("title", "Second")],
    )
    .await;
    assert_eq!(stale.status(), 303);
    let again = post(
        &author,
        &draft,
        "/author/courses/web-course/modules",
        &[("title", "Third")],
    )
    .await;
    assert_eq!(again.status(), 409);
}

#[tokio::test]
async fn script_in_lesson_markdown_never_reaches_a_page() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let body = "Hello <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(2)) <a href=\"javascript:alert(3)\">a</a>";
    let author = drafted_course(&app, body).await;
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    let preview = editor.split("<h2>Preview</h2>").nth(1).expect("preview");
    for bad in ["<script", "onerror", "javascript:"] {
        assert!(!preview.contains(bad), "{bad} in preview: {preview}");
    }
    submit(&author).await;
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let reviewer = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(approve(&reviewer).await.status(), 303);
    let learner = app.signed_in_browser("lea@alpha.example").await;
    let course = learner.get_text("/courses/web-course").await;
    learner
        .post_form(
            "/courses/web-course/enrol",
            &[("csrf_token", csrf_of(&course).as_str())],
        )
        .await;
    let lesson = learner
        .get_text("/courses/web-course/basics/first-air")
        .await;
    assert!(lesson.contains("Hello"));
    for bad in ["<script>alert", "onerror", "javascript:"] {
        assert!(!lesson.contains(bad), "{bad} in the published lesson");
    }
}

#[tokio::test]
async fn a_published_web_version_is_immutable_in_the_database() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Fixed text.").await;
    submit(&author).await;
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let reviewer = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(approve(&reviewer).await.status(), 303);
    let mut connection = app.db.connect();
    for statement in [
        "UPDATE course_versions SET title = 'Changed' WHERE course_id = (SELECT id FROM courses WHERE slug = 'web-course')",
        "UPDATE lessons SET body_markdown = 'Changed' WHERE slug = 'first-air'",
        "DELETE FROM lessons WHERE slug = 'first-air'",
        "UPDATE course_drafts SET content = '{}' WHERE status = 'published'",
    ] {
        let error = diesel::sql_query(statement)
            .execute(&mut connection)
            .unwrap_err();
        assert!(
            error.to_string().contains("immutable") || error.to_string().contains("closed"),
            "{statement}: {error}"
        );
    }
}

#[tokio::test]
async fn an_exported_version_imports_as_the_same_course() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Exported *text* with\n\n- a list\n- of items").await;
    let draft = author
        .get_text("/author/courses/web-course/modules/basics/quiz")
        .await;
    let quiz = post(
        &author,
        &draft,
        "/author/courses/web-course/modules/basics/quiz",
        &[
            ("gift", "::Q1:: Grade A is the cleanest grade. {T}\n\n::Q2:: Which grade surrounds grade A? {=B ~C ~D}\n"),
            ("title", "Basics check"),
            ("pass_mark_percent", "50"),
            ("questions_per_attempt", "2"),
            ("max_attempts", "3"),
        ],
    )
    .await;
    assert_eq!(quiz.status(), 303);
    let uploaded = upload(&author, "gowning.pdf", PDF.to_vec()).await;
    assert_eq!(uploaded.status(), 303);
    submit(&author).await;
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let reviewer = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(approve(&reviewer).await.status(), 303);
    let mut connection = app.db.connect();
    let source = authoring::published_source(&mut connection, "web-course", None).unwrap();
    let folder = tempfile::tempdir().unwrap();
    fixtures::write(folder.path(), "network.toml", fixtures::NETWORK);
    export::write_course(
        folder.path(),
        &source,
        &atmp_academy::attachments::AttachmentStore::new(app.data_dir.path()),
    )
    .unwrap();
    assert!(
        folder
            .path()
            .join("web-course/modules/01-basics/files/first-air/gowning.pdf")
            .exists(),
        "attachments are exported"
    );
    let fresh = TestDb::new();
    import(&fresh, folder.path()).expect("the export imports");
    #[derive(QueryableByName)]
    struct Hash {
        #[diesel(sql_type = diesel::sql_types::Text)]
        content_hash: String,
    }
    let hash_in = |connection: &mut PgConnection| {
        diesel::sql_query(
            "SELECT v.content_hash FROM course_versions v JOIN courses c ON c.id = v.course_id
              WHERE c.slug = 'web-course' AND v.status = 'published'",
        )
        .get_result::<Hash>(connection)
        .unwrap()
        .content_hash
    };
    assert_eq!(
        hash_in(&mut connection),
        hash_in(&mut fresh.connect()),
        "same content, same hash"
    );
    assert_eq!(
        count(
            &mut fresh.connect(),
            "SELECT count(*) AS n FROM assessment_questions"
        ),
        2,
        "the question bank came along"
    );
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

async fn upload(author: &Browser, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let path = "/author/courses/web-course/modules/basics/lessons/first-air";
    let editor = author.get_text(path).await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_of(&editor))
        .text("lock_version", lock_of(&editor))
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    author
        .client
        .post(format!("{}{path}/attachments", author.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn attachments_are_checked_stored_by_content_and_served_only_to_readers() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "See the poster.").await;
    for (name, bytes, expected) in [
        ("poster.png", PNG.to_vec(), 303),
        ("notes.pdf", PDF.to_vec(), 303),
        ("../../etc/passwd", b"root:x:0:0".to_vec(), 400),
        (
            "page.html",
            b"<html><script>alert(1)</script>".to_vec(),
            400,
        ),
        ("fake.pdf", PNG.to_vec(), 400),
        (
            "big.pdf",
            [PDF, &vec![b' '; 10 * 1024 * 1024]].concat(),
            400,
        ),
    ] {
        let response = upload(&author, name, bytes).await;
        let status = response.status().as_u16();
        assert_eq!(
            status,
            expected,
            "{name}: {}",
            response.text().await.unwrap_or_default()
        );
    }
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    assert!(
        editor.contains("notes.pdf") && editor.contains("poster.png") && !editor.contains("passwd")
    );
    let stored = std::fs::read_dir(app.data_dir.path().join("attachments"))
        .unwrap()
        .count();
    assert_eq!(stored, 2, "two files, stored under their hashes");
    submit(&author).await;
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let reviewer = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(approve(&reviewer).await.status(), 303);
    // web-course is for scientists by default: only enrolled learners read it.
    let file = "/courses/web-course/basics/first-air/files/notes.pdf";
    assert_eq!(app.browser().get(file).await.status(), 401);
    let learner = app.signed_in_browser("lea@alpha.example").await;
    assert_eq!(learner.get(file).await.status(), 403);
    let course = learner.get_text("/courses/web-course").await;
    learner
        .post_form(
            "/courses/web-course/enrol",
            &[("csrf_token", csrf_of(&course).as_str())],
        )
        .await;
    let response = learner.get(file).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"notes.pdf\""
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    let lesson = learner
        .get_text("/courses/web-course/basics/first-air")
        .await;
    assert!(lesson.contains(file), "the lesson lists its files");
    assert_eq!(
        learner
            .get("/courses/web-course/basics/first-air/files/..%2F..%2Fetc%2Fpasswd")
            .await
            .status(),
        404
    );
    let mut connection = app.db.connect();
    let error = diesel::sql_query("DELETE FROM lesson_attachments")
        .execute(&mut connection)
        .unwrap_err();
    assert!(error.to_string().contains("immutable"), "{error}");
}

#[tokio::test]
async fn long_lessons_save_and_overlong_ones_are_refused_with_a_reason() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Short.").await;
    let path = "/author/courses/web-course/modules/basics/lessons/first-air";
    let long = "A paragraph of a long lesson.\n\n".repeat(10_000);
    let editor = author.get_text(path).await;
    let saved = post(
        &author,
        &editor,
        path,
        &[
            ("title", "First air"),
            ("minutes", "60"),
            ("body_markdown", &long),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303, "a 300 KB lesson saves");
    let too_long = "x".repeat(600 * 1024);
    let editor = author.get_text(path).await;
    let refused = post(
        &author,
        &editor,
        path,
        &[
            ("title", "First air"),
            ("minutes", "60"),
            ("body_markdown", &too_long),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("at most 512 KB"));
}

#[tokio::test]
async fn only_instructors_of_the_coe_who_did_not_write_a_draft_may_approve_it() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Text.").await;
    // A coordinator reads drafts but cannot edit them, even by a hand-made POST.
    grant(&app, "cora@alpha.example", Role::Coordinator, "coe-alpha");
    let coordinator = app.signed_in_browser("cora@alpha.example").await;
    let page = coordinator.get_text("/author/courses/web-course").await;
    let edit = post(
        &coordinator,
        &page,
        "/author/courses/web-course/modules",
        &[("title", "Sneaky")],
    )
    .await;
    assert_eq!(edit.status(), 403);
    // A second instructor edits; the first submits: neither may approve.
    grant(&app, "jan@alpha.example", Role::Instructor, "coe-alpha");
    let second = app.signed_in_browser("jan@alpha.example").await;
    let draft = second.get_text("/author/courses/web-course").await;
    assert_eq!(
        post(
            &second,
            &draft,
            "/author/courses/web-course/modules",
            &[("title", "Second module")]
        )
        .await
        .status(),
        303
    );
    let editor = second.get_text("/author/courses/web-course").await;
    assert_eq!(
        post(
            &second,
            &editor,
            "/author/courses/web-course/modules/second-module/lessons",
            &[("title", "More")]
        )
        .await
        .status(),
        303
    );
    submit(&author).await;
    let by_editor = approve(&second).await;
    assert_eq!(
        by_editor.status(),
        403,
        "an editor of the draft is not its reviewer"
    );
    // An instructor granted on this course alone cannot approve either.
    identity::grant_role(
        &mut app.db.connect(),
        Actor::Cli,
        &GrantRequest {
            email: "guest@beta.example".to_owned(),
            role: Role::Instructor,
            coe_slug: None,
            course_slug: Some("web-course".to_owned()),
            create_with_name: Some("Guest".to_owned()),
        },
    )
    .expect("grant");
    let guest = app.signed_in_browser("guest@beta.example").await;
    assert_eq!(approve(&guest).await.status(), 403);
    // A stale review page: sent back and resubmitted meanwhile.
    let old_page = coordinator.get_text("/author/courses/web-course").await;
    let sent_back = post(
        &coordinator,
        &old_page,
        "/author/courses/web-course/reject",
        &[("note", "Add sources.")],
    )
    .await;
    assert_eq!(sent_back.status(), 303);
    let draft = author.get_text("/author/courses/web-course").await;
    assert!(draft.contains("Add sources."));
    submit(&author).await;
    let stale = post(
        &coordinator,
        &old_page,
        "/author/courses/web-course/approve",
        &[],
    )
    .await;
    assert_eq!(
        stale.status(),
        409,
        "approving what was not reviewed is refused"
    );
    assert_eq!(approve(&coordinator).await.status(), 303);
}

#[tokio::test]
async fn uploads_from_people_who_may_not_edit_are_not_stored() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let author = drafted_course(&app, "Text.").await;
    let editor = author
        .get_text("/author/courses/web-course/modules/basics/lessons/first-air")
        .await;
    let learner = app.signed_in_browser("lea@alpha.example").await;
    let learner_page = learner.get_text("/learning").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_of(&learner_page))
        .text("lock_version", lock_of(&editor))
        .part(
            "file",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("x.pdf"),
        );
    let response = learner
        .client
        .post(format!(
            "{}/author/courses/web-course/modules/basics/lessons/first-air/attachments",
            learner.base
        ))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        !app.data_dir.path().join("attachments").exists(),
        "nothing was written"
    );
}

#[tokio::test]
async fn a_slug_of_a_file_course_cannot_be_taken_in_the_browser() {
    let tree = standard_tree();
    let root = tree.path().to_path_buf();
    let app = TestApp::with_fixture(tree).await;
    // A folder added to courses/ but not imported yet still owns its slug.
    fixtures::course(&root, "future-course", "title = \"F\"\n");
    grant(&app, "ivo@alpha.example", Role::Instructor, "coe-alpha");
    let author = app.signed_in_browser("ivo@alpha.example").await;
    let taken = create_course(&author, "Future course", "future-course").await;
    assert_eq!(taken.status(), 409);
}
