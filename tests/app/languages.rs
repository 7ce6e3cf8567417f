//! The interface languages: the catalogues are complete in every language,
//! every message a template names exists, and a request gets its language
//! from the profile, else the switcher's cookie, else `Accept-Language`.

use std::path::Path;

use atmp_academy::i18n::Catalogues;

use crate::fixtures::standard_tree;
use crate::helpers::{TestApp, csrf_of};

fn catalogues() -> Catalogues {
    Catalogues::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/locales"))
        .expect("the catalogues load")
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let problems = catalogues().completeness_problems();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn translations_are_not_left_in_english() {
    let same = catalogues().same_as_english();
    assert!(
        same.is_empty(),
        "these messages read exactly as in English: translate them, or put the comment `# Same as English: <why>` above the message in that language's file: {same:#?}"
    );
}

#[test]
fn every_message_a_template_names_is_in_the_english_catalogue() {
    let known = catalogues().english_ids();
    let mut missing = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("templates").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|extension| extension != "hbs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("template");
            for opening in ["{{t \"", "(t \""] {
                for piece in text.split(opening).skip(1) {
                    let id = piece.split('"').next().unwrap_or_default();
                    if !known.contains(id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Whether `text` has the shape of a message id: lowercase words joined by
/// hyphens (`catalogue-search`, `audience-gmp_staff`).
fn looks_like_a_message_id(text: &str) -> bool {
    text.contains('-')
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[test]
fn every_message_id_the_code_names_is_in_the_english_catalogue() {
    let known = catalogues().english_ids();
    let prefixes: std::collections::HashSet<&str> =
        known.iter().filter_map(|id| id.split('-').next()).collect();
    let mut missing = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("synthetic") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|extension| extension != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for literal in code.split('"').skip(1).step_by(2) {
                let named_by_prefix = literal
                    .split('-')
                    .next()
                    .is_some_and(|prefix| prefixes.contains(prefix));
                let is_a_prefix = known
                    .iter()
                    .any(|id| id.starts_with(&format!("{literal}-")));
                if looks_like_a_message_id(literal)
                    && named_by_prefix
                    && !is_a_prefix
                    && !known.contains(literal)
                {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

async fn page_language(app: &TestApp, client: &reqwest::Client, accept: Option<&str>) -> String {
    let mut request = client.get(format!("{}/courses", app.address));
    if let Some(accept) = accept {
        request = request.header("Accept-Language", accept);
    }
    let html = request
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    html.split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("html lang")
        .to_owned()
}

/// Presses a language button of the switcher on a page at `back`.
async fn switch_language(
    app: &TestApp,
    client: &reqwest::Client,
    lang: &str,
    back: &str,
) -> reqwest::Response {
    client
        .post(format!("{}/language", app.address))
        .header("Origin", &app.address)
        .form(&[("lang", lang), ("back", back)])
        .send()
        .await
        .expect("switch")
}

#[tokio::test]
async fn the_browser_language_then_the_switcher_then_the_profile_decide() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let visitor = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    assert_eq!(page_language(&app, &visitor, None).await, "en");
    assert_eq!(
        page_language(&app, &visitor, Some("de-CH, fr;q=0.8")).await,
        "de"
    );
    assert_eq!(
        page_language(&app, &visitor, Some("es, it;q=0.3")).await,
        "it"
    );
    assert_eq!(
        page_language(&app, &visitor, Some("en-XA")).await,
        "en",
        "no pseudo-language unless configured"
    );

    let switched = switch_language(&app, &visitor, "fr", "/courses?q=gene").await;
    assert_eq!(switched.status(), 303);
    assert_eq!(switched.headers()["location"], "/courses?q=gene");
    assert_eq!(
        page_language(&app, &visitor, Some("de")).await,
        "fr",
        "the switcher wins over the browser"
    );

    let refused = switch_language(&app, &visitor, "xx", "//evil.example").await;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.expect("body").contains("not offered"));
    let elsewhere = switch_language(&app, &visitor, "it", "//evil.example").await;
    assert_eq!(
        elsewhere.headers()["location"],
        "/",
        "never back to another site"
    );

    let learner = app.signed_in_browser("maria@alpha.example").await;
    let profile = learner.get_text("/profile").await;
    let saved = learner
        .post_form(
            "/language",
            &[
                ("lang", "de"),
                ("back", "/profile"),
                ("csrf_token", csrf_of(&profile).as_str()),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let stored = crate::helpers::count(
        &mut app.db.connect(),
        "SELECT count(*) AS n FROM users WHERE email = 'maria@alpha.example' AND locale = 'de'",
    );
    assert_eq!(stored, 1, "the choice is kept in the profile");
    let catalogue = learner.get_text("/courses").await;
    assert!(
        catalogue.contains("<html lang=\"de\""),
        "the profile decides"
    );
}

/// The course page of `cleanroom-basics` for a browser asking for `language`.
async fn course_page_in(app: &TestApp, language: &str) -> String {
    app.client
        .get(format!("{}/courses/cleanroom-basics", app.address))
        .header("Accept-Language", language)
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn pages_in_german_use_german_dates_numbers_and_words() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let html = course_page_in(&app, "de").await;
    assert!(html.contains("<html lang=\"de\""), "{html}");
    assert!(html.contains("Kurse"), "German navigation: {html}");
    assert!(
        html.contains("1,5"),
        "German decimal comma for 1.5 ECTS: {html}"
    );
    assert!(html.contains(" Min.)"), "a German syllabus: {html}");
    let english = course_page_in(&app, "en").await;
    assert!(
        english.contains(" min)") && !english.contains(" Min.)"),
        "the syllabus kept for German readers is not shown to English ones: {english}"
    );
    let missing = app
        .client
        .get(format!("{}/no-such-page", app.address))
        .header("Accept-Language", "it")
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status(), 404);
    let body = missing.text().await.expect("body");
    assert!(
        body.contains("<html lang=\"it\""),
        "error pages speak the language too: {body}"
    );
}
