//! The main journeys as people make them, in headless Chromium: a visitor
//! reads an outreach lesson; a learner signs in through the test OpenID
//! Connect provider, enrols, completes the lessons, passes the assessment,
//! downloads the certificate and verifies it from the QR code's URL; a
//! coordinator approves an enrolment; an instructor edits a lesson and a
//! second person publishes it. Every page is checked with axe-core and for
//! untranslated text: in English, German, French and Italian, and in the
//! pseudo-language that exposes any text not taken from the catalogues.

use base64::Engine;
use serde_json::Value;

use crate::certificates::qr_of;
use crate::chrome::{Journey, LanguageCheck, english_left_over_in};
use crate::fixtures::{self, standard_tree};
use crate::helpers::{TestApp, grant, start_real_provider};
use atmp_academy::identity::models::Role;

/// The standard tree with a certificate on the outreach course
/// `public-intro` and a required check there (answer "true" to all).
fn journey_tree() -> tempfile::TempDir {
    let tree = standard_tree();
    let course = tree.path().join("public-intro/course.toml");
    let toml = std::fs::read_to_string(&course).expect("course.toml");
    std::fs::write(
        &course,
        toml.replace("certificate = false", "certificate = true"),
    )
    .expect("write course.toml");
    fixtures::lesson(
        tree.path(),
        "public-intro",
        "02-check",
        "01-about",
        "About the check",
        "Three statements; each is true or false.",
    );
    fixtures::write(
        tree.path(),
        "public-intro/modules/02-check/module.toml",
        "title = \"Check\"\n[assessment]\ntitle = \"Self-check\"\npass_mark_percent = 60\nquestions_per_attempt = 3\nmax_attempts = 3\nrequired = true\n",
    );
    fixtures::write(
        tree.path(),
        "public-intro/modules/02-check/quiz.gift",
        "::T1::Genes carry instructions.{T}\n\n::T2::Cells are the units of life.{T}\n\n::T3::Vectors deliver genes.{T}\n",
    );
    tree
}

async fn journey_app() -> TestApp {
    TestApp::with_fixture_and_options(journey_tree(), &["--pseudo-locale".to_owned()]).await
}

/// How a journey in `language` starts its browser and what it checks.
fn language_setup(language: &str) -> (String, LanguageCheck) {
    match language {
        "en" => ("en-GB,en".to_owned(), LanguageCheck::None),
        "en-XA" => ("en-XA".to_owned(), LanguageCheck::Pseudo),
        other => (
            // The browser asks for English; the person picks their language
            // in the switcher.
            "en-GB,en".to_owned(),
            LanguageCheck::NoEnglishLeft(english_left_over_in(other)),
        ),
    }
}

/// Opens the home page and, for a real non-English language, picks it in
/// the language switcher.
async fn arrive(journey: &mut Journey, language: &str) {
    if matches!(language, "en" | "en-XA") {
        journey.open("/", "home").await;
    } else {
        // The first page is in the browser's English; the person switches.
        journey.goto_unchecked("/").await;
        journey
            .click(
                &format!("form[action=\"/language\"] button[value=\"{language}\"]"),
                "language chosen",
            )
            .await;
    }
    let lang = journey
        .client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .expect("lang");
    assert_eq!(lang, Value::String(language.to_owned()), "<html lang>");
}

/// A visitor finds the outreach course and reads its first lesson, then
/// signs in through the institution's provider, enrols, completes every
/// lesson, passes the check, downloads the certificate and an employer
/// verifies it from the QR code's URL.
async fn learner_journey(language: &str) {
    let app = journey_app().await;
    let provider = start_real_provider(&app, "alpha-idp", "alpha.example");
    let (accept, check) = language_setup(language);
    let mut learner = Journey::start(
        &format!("learner-{language}"),
        &app.address,
        &accept,
        check.clone(),
    )
    .await;
    arrive(&mut learner, language).await;

    learner.click("nav a[href=\"/courses\"]", "catalogue").await;
    learner.fill("#q", "advanced therapies").await;
    learner
        .click(
            "form[action=\"/courses\"] button[type=submit]",
            "search results",
        )
        .await;
    learner
        .click("a[href=\"/courses/public-intro\"]", "outreach course")
        .await;
    learner
        .click(
            "a[href=\"/courses/public-intro/basics/what-is-a-gene\"]",
            "outreach lesson, read as a visitor",
        )
        .await;
    assert!(learner.text().await.contains("Genes carry"), "lesson text");

    learner.click("a[href=\"/login\"]", "sign-in page").await;
    learner.fill("#institution", "Alpha").await;
    learner
        .click(
            "form[action=\"/login\"] button[type=submit]",
            "institution found",
        )
        .await;
    learner
        .click_only(&format!("a[href=\"/login/oidc/{}\"]", provider.slug))
        .await;
    learner.fill("input[name=login]", "lena").await;
    learner.fill("input[name=password]", "any").await;
    learner.click_only("button[type=submit]").await;
    learner.click_only("button[type=submit]").await;
    learner
        .checkpoint("back from the provider, signed in")
        .await;
    assert!(
        learner.path().await.starts_with("/profile") || learner.text().await.contains("Test lena"),
        "signed in as the provider's account"
    );

    learner
        .open("/courses/public-intro", "course, signed in")
        .await;
    learner
        .click(
            "form[action=\"/courses/public-intro/enrol\"] button",
            "enrolled",
        )
        .await;
    for lesson in [
        "basics/what-is-a-gene",
        "basics/what-is-a-cell",
        "check/about",
    ] {
        learner
            .open(&format!("/courses/public-intro/{lesson}"), "lesson")
            .await;
        learner
            .click(
                &format!("form[action=\"/courses/public-intro/{lesson}/complete\"] button"),
                "lesson completed",
            )
            .await;
    }
    learner
        .open("/courses/public-intro/check/assessment", "assessment")
        .await;
    learner
        .click("form[action$=\"/assessment/start\"] button", "attempt")
        .await;
    let answers = learner
        .client
        .execute(
            "const radios = [...document.querySelectorAll('input[type=radio][value=true]')]; radios.forEach(r => r.click()); return radios.length;",
            vec![],
        )
        .await
        .expect("answer");
    assert_eq!(answers, Value::from(3), "three true/false questions");
    learner
        .click("button[name=action][value=submit]", "graded attempt")
        .await;

    learner
        .click("nav a[href=\"/certificates\"]", "my certificates")
        .await;
    learner
        .click("main a[href^=\"/certificates/\"]", "certificate")
        .await;
    let pdf = learner
        .run_async(
            r#"const done = arguments[arguments.length - 1];
const link = document.querySelector('a[href$="/certificate.pdf"]');
fetch(link.href).then(async response => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  bytes.forEach(b => binary += String.fromCharCode(b));
  done({ status: response.status, type: response.headers.get('content-type'), base64: btoa(binary) });
}).catch(error => done({ error: String(error) }));"#,
        )
        .await;
    assert_eq!(pdf["status"], 200, "{pdf:?}");
    assert_eq!(pdf["type"], "application/pdf");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(pdf["base64"].as_str().expect("pdf bytes"))
        .expect("base64");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let folder = tempfile::tempdir().expect("tempdir");
    let pdf_path = folder.path().join("certificate.pdf");
    std::fs::write(&pdf_path, &bytes).expect("write pdf");
    let verify_url = qr_of(&pdf_path);
    assert!(
        verify_url.starts_with(&format!("{}/verify/", app.address)),
        "{verify_url}"
    );
    learner.finish().await;

    let mut employer = Journey::start(
        &format!("employer-{language}"),
        &app.address,
        &accept,
        check,
    )
    .await;
    arrive(&mut employer, language).await;
    employer
        .open(&verify_url, "verification from the QR code")
        .await;
    let text = employer.text().await;
    assert!(text.contains("Test lena"), "the holder: {text}");
    assert!(
        text.contains("Advanced therapies for everyone"),
        "the course: {text}"
    );
    let status = employer
        .client
        .execute(
            "const el = document.querySelector('[data-status]'); return el && el.dataset.status;",
            vec![],
        )
        .await
        .expect("status");
    assert_eq!(status, Value::from("valid"), "{text}");
    employer.finish().await;
}

#[tokio::test]
async fn learner_journey_in_english() {
    learner_journey("en").await;
}

#[tokio::test]
async fn learner_journey_in_german() {
    learner_journey("de").await;
}

#[tokio::test]
async fn learner_journey_in_french() {
    learner_journey("fr").await;
}

#[tokio::test]
async fn learner_journey_in_italian() {
    learner_journey("it").await;
}

#[tokio::test]
async fn learner_journey_has_no_text_outside_the_catalogues() {
    learner_journey("en-XA").await;
}

/// Signs a journey in through the email-link flow, as a person would.
async fn sign_in_by_email(app: &TestApp, journey: &mut Journey, email: &str) {
    let before = app.emails().len();
    journey.open("/login", "sign-in page").await;
    journey.fill("#email", email).await;
    journey
        .click("form[action=\"/login/email\"] button", "check your email")
        .await;
    let link = crate::helpers::wait_for_link(app, before).await;
    journey.open(&link, "confirm sign-in").await;
    journey
        .click("form[action=\"/login/email/confirm\"] button", "signed in")
        .await;
}

/// A coordinator approves a learner's request for a course that needs
/// approval; an instructor edits a lesson of a web course and a second
/// person of the CoE approves and publishes it.
async fn staff_journey(language: &str) {
    let app = journey_app().await;
    let (accept, check) = language_setup(language);

    let mut learner = Journey::start(
        &format!("requester-{language}"),
        &app.address,
        &accept,
        check.clone(),
    )
    .await;
    arrive(&mut learner, language).await;
    sign_in_by_email(&app, &mut learner, "rosa@alpha.example").await;
    learner
        .open("/courses/vector-safety", "course needing approval")
        .await;
    learner
        .click(
            "form[action=\"/courses/vector-safety/enrol\"] button",
            "enrolment requested",
        )
        .await;
    learner.finish().await;

    grant(
        &app.db,
        "carla@beta.example",
        Role::Coordinator,
        Some("coe-beta"),
    );
    let mut coordinator = Journey::start(
        &format!("coordinator-{language}"),
        &app.address,
        &accept,
        check.clone(),
    )
    .await;
    arrive(&mut coordinator, language).await;
    sign_in_by_email(&app, &mut coordinator, "carla@beta.example").await;
    coordinator
        .open("/coordinate/coe-beta", "coordination page")
        .await;
    coordinator
        .click(
            "form[action$=\"/decision\"] button[value=approve]",
            "request approved",
        )
        .await;
    coordinator.finish().await;
    let approved = crate::helpers::count(
        &mut app.db.connect(),
        "SELECT count(*) AS n FROM enrolments WHERE status = 'active'",
    );
    assert_eq!(approved, 1, "the request became an enrolment");

    grant(
        &app.db,
        "ines@alpha.example",
        Role::Instructor,
        Some("coe-alpha"),
    );
    grant(
        &app.db,
        "otto@alpha.example",
        Role::Coordinator,
        Some("coe-alpha"),
    );
    let mut author = Journey::start(
        &format!("author-{language}"),
        &app.address,
        &accept,
        check.clone(),
    )
    .await;
    arrive(&mut author, language).await;
    sign_in_by_email(&app, &mut author, "ines@alpha.example").await;
    author.open("/author", "authoring").await;
    author.fill("#title", "Aseptic technique in practice").await;
    author.fill("#slug", "web-course").await;
    author.fill("#summary", "Hands on aseptic technique.").await;
    author
        .click("form[action=\"/author/courses\"] button", "course created")
        .await;
    author.fill("#new-module", "Basics").await;
    author
        .click(
            "form[action=\"/author/courses/web-course/modules\"] button",
            "module added",
        )
        .await;
    author.fill("#nl-basics", "First air").await;
    author
        .click(
            "form[action=\"/author/courses/web-course/modules/basics/lessons\"] button",
            "lesson editor",
        )
        .await;
    author
        .fill(
            "textarea[name=body_markdown]",
            "First air is the air that reaches the product **before** anything else.",
        )
        .await;
    author
        .click("button[name=action][value=save]", "lesson saved")
        .await;
    author.open("/author/courses/web-course", "draft").await;
    author
        .click(
            "form[action=\"/author/courses/web-course/submit\"] button",
            "submitted for review",
        )
        .await;
    author.finish().await;

    let mut reviewer = Journey::start(
        &format!("reviewer-{language}"),
        &app.address,
        &accept,
        check,
    )
    .await;
    arrive(&mut reviewer, language).await;
    sign_in_by_email(&app, &mut reviewer, "otto@alpha.example").await;
    reviewer
        .open("/author/courses/web-course", "draft in review")
        .await;
    reviewer
        .click(
            "form[action=\"/author/courses/web-course/approve\"] button",
            "published",
        )
        .await;
    reviewer
        .open("/courses/web-course/basics/first-air", "published lesson")
        .await;
    assert!(
        reviewer.text().await.contains("reaches the product"),
        "the edited text is published"
    );
    reviewer.finish().await;
}

#[tokio::test]
async fn staff_journeys_in_english() {
    staff_journey("en").await;
}

#[tokio::test]
async fn staff_journeys_in_german() {
    staff_journey("de").await;
}

#[tokio::test]
async fn staff_journeys_have_no_text_outside_the_catalogues() {
    staff_journey("en-XA").await;
}

/// The pages of the journeys on a phone (390 px) and at 200 % zoom (a
/// 1280 px window shows 640 CSS px): nothing scrolls sideways, and every
/// check still holds. From the keyboard, the first Tab reaches the skip
/// link and Enter moves the focus to the main content.
#[tokio::test]
async fn pages_fit_a_phone_and_200_percent_zoom_and_start_with_a_skip_link() {
    let app = journey_app().await;
    let mut visitor = Journey::start("narrow", &app.address, "en", LanguageCheck::None).await;
    for (width, height) in [(390, 844), (640, 450)] {
        visitor.resize(width, height).await;
        for path in [
            "/",
            "/courses",
            "/courses/public-intro",
            "/courses/public-intro/basics/what-is-a-gene",
            "/login",
            "/verify",
            "/network",
        ] {
            visitor.open(path, &format!("{path} at {width} px")).await;
            let overflow = visitor.sideways_overflow().await;
            assert!(
                overflow <= 0,
                "{path} at {width} px scrolls sideways by {overflow} px"
            );
        }
    }
    visitor.resize(1280, 900).await;
    visitor.goto_unchecked("/courses").await;
    assert_eq!(
        visitor.press("\u{e004}").await,
        "a[href=#main]",
        "the first Tab stop"
    );
    assert_eq!(
        visitor.press("\u{e007}").await,
        "main#main",
        "Enter skips to the content"
    );
    visitor.finish().await;
}
