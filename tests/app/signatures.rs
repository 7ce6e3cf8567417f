//! Read and understood: a controlled document is signed with a one-time
//! code from email; the signature records identity, time, meaning and the
//! document version; wrong, expired and repeated codes are refused; a new
//! document version needs a new signature; signatures cannot be changed.

use diesel::prelude::*;

use crate::fixtures::{self, standard_tree};
use crate::helpers::{Browser, TestApp, count, csrf_of, import};

const LESSON: &str = "/courses/sop-course/procedures/gowning-sop";

fn sop_tree(version: &str) -> tempfile::TempDir {
    let tree = standard_tree();
    write_sop(tree.path(), version);
    tree
}

fn write_sop(root: &std::path::Path, version: &str) {
    fixtures::course(
        root,
        "sop-course",
        "title = \"SOP reading\"\nsummary = \"S\"\ndescription = \"D\"\ncoe = \"coe-alpha\"\naudience = \"gmp_staff\"\nlevel = \"introductory\"\nlanguage = \"en\"\ncertificate = false\n",
    );
    fixtures::write(
        root,
        "sop-course/modules/01-procedures/module.toml",
        "title = \"Procedures\"\nsummary = \"SOPs.\"\n",
    );
    fixtures::write(
        root,
        "sop-course/modules/01-procedures/01-gowning-sop.md",
        &format!(
            "+++\ntitle = \"Gowning SOP\"\nminutes = 15\n\n[document]\nid = \"SOP-QA-012\"\nversion = \"{version}\"\n+++\n\nGown in this order (version {version}).\n"
        ),
    );
}

async fn enrolled(app: &TestApp, email: &str) -> Browser {
    let browser = app.signed_in_browser(email).await;
    let course = browser.get_text("/courses/sop-course").await;
    let response = browser
        .post_form(
            "/courses/sop-course/enrol",
            &[("csrf_token", csrf_of(&course).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    browser
}

/// Asks for a code and reads it from the email sent.
async fn code_for(app: &TestApp, browser: &Browser) -> String {
    let page = browser.get_text(LESSON).await;
    assert!(page.contains("Email me a code to sign"), "{page}");
    let asked = browser
        .post_form(
            &format!("{LESSON}/signature/code"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(asked.status(), 303);
    app.outbox_worker.pass().await.unwrap();
    let email = app
        .emails()
        .into_iter()
        .rev()
        .find(|email| email.contains("Your signature code"))
        .expect("the code was emailed");
    email
        .lines()
        .map(str::trim)
        .find(|line| line.len() == 6 && line.chars().all(|c| c.is_ascii_digit()))
        .expect("a six-digit code")
        .to_owned()
}

async fn sign_with(browser: &Browser, code: &str) -> reqwest::Response {
    let page = browser.get_text(LESSON).await;
    browser
        .post_form(
            &format!("{LESSON}/signature"),
            &[("csrf_token", csrf_of(&page).as_str()), ("code", code)],
        )
        .await
}

#[tokio::test]
async fn a_controlled_document_is_signed_with_a_code_from_email() {
    let app = TestApp::with_fixture(sop_tree("3")).await;
    let learner = enrolled(&app, "ada@alpha.example").await;
    let page = learner.get_text(LESSON).await;
    assert!(page.contains("Controlled document SOP-QA-012, version 3"));
    let code = code_for(&app, &learner).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = sign_with(&learner, wrong).await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("4 attempts left"));
    assert_eq!(sign_with(&learner, &code).await.status(), 303);
    let page = learner.get_text(LESSON).await;
    assert!(page.contains("Signed as read and understood by"), "{page}");
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM document_signatures WHERE document_id = 'SOP-QA-012' AND document_version = '3'
               AND meaning = 'read and understood' AND signer_email = 'ada@alpha.example'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'document.signed'"
        ),
        1
    );
    // The same code cannot sign twice; the signature cannot be changed or removed.
    assert_eq!(sign_with(&learner, &code).await.status(), 400);
    for statement in [
        "UPDATE document_signatures SET document_version = '4'",
        "DELETE FROM document_signatures",
    ] {
        let error = diesel::sql_query(statement)
            .execute(&mut connection)
            .unwrap_err();
        assert!(error.to_string().contains("cannot be changed"), "{error}");
    }
}

#[tokio::test]
async fn five_wrong_codes_use_up_the_code_and_strangers_cannot_sign() {
    let app = TestApp::with_fixture(sop_tree("3")).await;
    let learner = enrolled(&app, "ada@alpha.example").await;
    let code = code_for(&app, &learner).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(sign_with(&learner, wrong).await.status(), 400);
    }
    let locked = sign_with(&learner, &code).await;
    assert_eq!(locked.status(), 400);
    assert!(
        locked
            .text()
            .await
            .unwrap()
            .contains("Too many wrong codes")
    );
    let stranger = app.signed_in_browser("eve@alpha.example").await;
    let page = stranger.get_text("/learning").await;
    let refused = stranger
        .post_form(
            &format!("{LESSON}/signature/code"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(
        refused.status(),
        403,
        "not enrolled: may not read, may not sign"
    );
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM document_signatures"
        ),
        0
    );
}

#[tokio::test]
async fn a_new_document_version_needs_a_new_signature() {
    let tree = sop_tree("3");
    let root = tree.path().to_path_buf();
    let app = TestApp::with_fixture(tree).await;
    let first = enrolled(&app, "ada@alpha.example").await;
    let code = code_for(&app, &first).await;
    assert_eq!(sign_with(&first, &code).await.status(), 303);
    write_sop(&root, "4");
    import(&app.db, &root).expect("version 4 imports");
    let late = enrolled(&app, "bea@alpha.example").await;
    let page = late.get_text(LESSON).await;
    assert!(page.contains("version 4") && page.contains("Email me a code to sign"));
    let code = code_for(&app, &late).await;
    assert_eq!(sign_with(&late, &code).await.status(), 303);
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM document_signatures WHERE document_version = '3'"
        ),
        1,
        "the first signature stays bound to version 3"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM document_signatures WHERE document_version = '4'"
        ),
        1
    );
}
