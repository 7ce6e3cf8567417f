//! Identity and access: email sign-in links, institutional sign-in through
//! real OpenID Connect providers (and a rogue one), sessions, CSRF, roles,
//! the profile, and the access-control matrix of the README.

use atmp_academy::audit::Actor;
use atmp_academy::identity::models::Role;
use atmp_academy::identity::service::{self as identity, GrantRequest, ProviderInput};
use diesel::{PgConnection, RunQueryDsl};

use crate::fixtures::standard_tree;
use crate::helpers::{
    Browser, TestApp, add_provider, count, csrf_of, free_port, start_node, start_real_provider,
    wait_for_link,
};

async fn request_link(browser: &Browser, email: &str) -> reqwest::Response {
    let csrf = csrf_of(&browser.get_text("/login").await);
    browser
        .post_form(
            "/login/email",
            &[("csrf_token", csrf.as_str()), ("email", email)],
        )
        .await
}

async fn use_link(browser: &Browser, link: &str) -> reqwest::Response {
    let confirm = browser.get_text(link).await;
    let token = link.split("token=").nth(1).expect("token");
    browser
        .post_form(
            "/login/email/confirm",
            &[("csrf_token", csrf_of(&confirm).as_str()), ("token", token)],
        )
        .await
}

#[tokio::test]
async fn email_link_signs_in_once_and_creates_the_account() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    let response = request_link(&browser, "Ada@Alpha.example").await;
    assert_eq!(response.status(), 200);
    let link = wait_for_link(&app, 0).await;
    let response = use_link(&browser, &link).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/profile");
    let profile = browser.get_text("/profile").await;
    assert!(profile.contains("Ada@alpha.example"), "{profile}");
    assert!(
        profile.contains("Alpha Hospital"),
        "home institution from the email domain"
    );
    assert!(profile.contains("Sign out"));
    // The link works once.
    let again = use_link(&app.browser(), &link).await;
    assert_eq!(again.status(), 400);
    let mut connection = app.db.connect();
    assert_eq!(count(&mut connection, "SELECT count(*) AS n FROM users"), 1);
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'user.signed_in'"
        ),
        1
    );
    // The token is stored hashed: the link's token appears nowhere in the database.
    let token = link.split("token=").nth(1).expect("token");
    assert_eq!(
        count(
            &mut connection,
            &format!("SELECT count(*) AS n FROM email_sign_in_links WHERE token_hash = '{token}'")
        ),
        0
    );
}

#[tokio::test]
async fn a_used_link_is_refused_even_in_the_same_browser() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    request_link(&browser, "ada@alpha.example").await;
    let link = wait_for_link(&app, 0).await;
    assert_eq!(use_link(&browser, &link).await.status(), 303);
    let response = use_link(&browser, &link).await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("already been used")
    );
}

#[tokio::test]
async fn an_expired_link_is_refused_without_a_session() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    request_link(&browser, "ada@alpha.example").await;
    let link = wait_for_link(&app, 0).await;
    diesel::sql_query(
        "UPDATE email_sign_in_links SET created_at = now() - interval '16 minutes', expires_at = now() - interval '1 minute'",
    )
    .execute(&mut app.db.connect())
    .expect("age the link");
    let response = use_link(&browser, &link).await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("expired")
    );
    assert_eq!(browser.get("/profile").await.status(), 401);
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed'"
        ),
        1
    );
}

#[tokio::test]
async fn a_link_opened_in_another_browser_is_refused() {
    let app = TestApp::with_fixture(standard_tree()).await;
    request_link(&app.browser(), "ada@alpha.example").await;
    let link = wait_for_link(&app, 0).await;
    let other = app.browser();
    let response = use_link(&other, &link).await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("another browser")
    );
    assert_eq!(other.get("/profile").await.status(), 401);
    assert_eq!(
        count(&mut app.db.connect(), "SELECT count(*) AS n FROM users"),
        0
    );
}

#[tokio::test]
async fn parallel_use_of_one_link_signs_in_once() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    request_link(&browser, "ada@alpha.example").await;
    let link = wait_for_link(&app, 0).await;
    let confirm = browser.get_text(&link).await;
    let csrf = csrf_of(&confirm);
    let token = link.split("token=").nth(1).expect("token").to_owned();
    let statuses = browser
        .post_form_in_parallel(
            "/login/email/confirm",
            &[("csrf_token", csrf.as_str()), ("token", token.as_str())],
            8,
        )
        .await;
    assert_eq!(
        statuses.iter().filter(|status| **status == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM audit_events WHERE action = 'user.signed_in'"
        ),
        1
    );
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answer() {
    let app = TestApp::with_fixture(standard_tree()).await;
    identity::grant_role(
        &mut app.db.connect(),
        Actor::Cli,
        &GrantRequest {
            email: "known@alpha.example".to_owned(),
            role: Role::NetworkAdmin,
            coe_slug: None,
            course_slug: None,
            create_with_name: Some("Known Person".to_owned()),
        },
    )
    .expect("create a known account");
    let known = request_link(&app.browser(), "known@alpha.example").await;
    let known_status = known.status();
    let known_body = known.text().await.expect("body");
    let unknown = request_link(&app.browser(), "nobody@nowhere.example").await;
    assert_eq!(unknown.status(), known_status);
    assert_eq!(unknown.text().await.expect("body"), known_body);
}

#[tokio::test]
async fn sign_in_links_are_rate_limited_per_address_and_per_client() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    for attempt in 0..identity::LINKS_PER_ADDRESS {
        assert_eq!(
            request_link(&browser, "ada@alpha.example").await.status(),
            200,
            "attempt {attempt}"
        );
    }
    let refused = request_link(&browser, "ada@alpha.example").await;
    assert_eq!(refused.status(), 429);
    assert!(refused.text().await.unwrap_or_default().contains("wait"));
    // Other addresses from the same client, up to the per-client limit.
    let mut statuses = Vec::new();
    for index in 0..identity::LINKS_PER_CLIENT {
        statuses.push(
            request_link(&browser, &format!("person{index}@alpha.example"))
                .await
                .status()
                .as_u16(),
        );
    }
    let allowed = statuses.iter().filter(|status| **status == 200).count();
    assert_eq!(
        allowed as i64,
        identity::LINKS_PER_CLIENT - identity::LINKS_PER_ADDRESS
    );
    assert_eq!(statuses.last(), Some(&429));
}

#[tokio::test]
async fn bad_email_addresses_get_a_clear_400() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let response = request_link(&app.browser(), "not an address").await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("name@example.org")
    );
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_are_refused() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    browser.get("/login").await;
    let missing = browser
        .post_form("/login/email", &[("email", "ada@alpha.example")])
        .await;
    assert_eq!(
        missing.status(),
        400,
        "the form cannot be read without its token"
    );
    let wrong = browser
        .post_form(
            "/login/email",
            &[("csrf_token", "forged"), ("email", "ada@alpha.example")],
        )
        .await;
    assert_eq!(wrong.status(), 403);
    assert!(app.emails().is_empty());
    let signed_in = app.signed_in_browser("ada@alpha.example").await;
    let forged_logout = signed_in
        .post_form("/logout", &[("csrf_token", "forged")])
        .await;
    assert_eq!(forged_logout.status(), 403);
    assert_eq!(
        signed_in.get("/profile").await.status(),
        200,
        "still signed in"
    );
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    let csrf = csrf_of(&browser.get_text("/login").await);
    let response = browser
        .client
        .post(format!("{}/login/email", app.address))
        .header("Origin", "http://evil.example")
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", "ada@alpha.example"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);
    let response = reqwest::Client::new()
        .post(format!("{}/login/email", app.address))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", "ada@alpha.example"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);
    assert!(app.emails().is_empty(), "no link was sent");
}

#[tokio::test]
async fn session_cookie_is_http_only_lax_and_renewed_at_sign_in() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    let login = browser.get("/login").await;
    let before = login
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        before.contains("HttpOnly") && before.contains("SameSite=Lax"),
        "{before}"
    );
    let csrf = csrf_of(&login.text().await.expect("body"));
    browser
        .post_form(
            "/login/email",
            &[
                ("csrf_token", csrf.as_str()),
                ("email", "ada@alpha.example"),
            ],
        )
        .await;
    let link = wait_for_link(&app, 0).await;
    let response = use_link(&browser, &link).await;
    let after = response
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(after.starts_with("atmp_session="), "{after}");
    assert_ne!(before.split(';').next(), after.split(';').next());
    // The pre-sign-in CSRF token no longer works: the session was renewed.
    let stale = browser
        .post_form("/logout", &[("csrf_token", csrf.as_str())])
        .await;
    assert_eq!(stale.status(), 403);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let profile = browser.get_text("/profile").await;
    let response = browser
        .post_form("/logout", &[("csrf_token", csrf_of(&profile).as_str())])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(browser.get("/profile").await.status(), 401);
    let home = browser.get_text("/").await;
    assert!(home.contains("href=\"/login\""));
}

#[tokio::test]
async fn profile_exports_personal_data_and_records_a_deletion_request() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let export = browser.get("/profile/export").await;
    assert_eq!(export.status(), 200);
    assert!(
        export.headers()["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .contains("attachment")
    );
    let data: serde_json::Value = export.json().await.expect("JSON");
    assert_eq!(data["profile"]["email"], "ada@alpha.example");
    assert!(
        data["account_history"]
            .as_array()
            .is_some_and(|events| !events.is_empty())
    );
    let profile = browser.get_text("/profile").await;
    let response = browser
        .post_form(
            "/profile/deletion",
            &[("csrf_token", csrf_of(&profile).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        browser
            .get_text("/profile")
            .await
            .contains("You asked for your account to be deleted")
    );
    let again = browser
        .post_form(
            "/profile/deletion",
            &[("csrf_token", csrf_of(&profile).as_str())],
        )
        .await;
    assert_eq!(again.status(), 400);
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM audit_events WHERE action = 'user.deletion_requested'"
        ),
        1
    );
}

#[tokio::test]
async fn professional_lessons_open_to_learners_once_they_enrol() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    let locked = browser
        .get("/courses/cleanroom-basics/grades/grade-a")
        .await;
    assert_eq!(locked.status(), 403);
    assert!(
        locked
            .text()
            .await
            .unwrap_or_default()
            .contains("Enrol to study this lesson")
    );
    let course = browser.get_text("/courses/public-intro").await;
    browser
        .post_form(
            "/courses/public-intro/enrol",
            &[("csrf_token", csrf_of(&course).as_str())],
        )
        .await;
    // cleanroom-basics needs public-intro completed first; public-intro's own lessons open at once.
    let response = browser
        .get("/courses/public-intro/basics/what-is-a-gene")
        .await;
    assert_eq!(response.status(), 200);
}

// ---- OpenID Connect -------------------------------------------------------

fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("http") {
        return location.to_owned();
    }
    let origin: String = base.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    format!("{origin}{location}")
}

fn attribute(html: &str, marker: &str) -> Option<String> {
    html.split(marker)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
}

/// Starts a sign-in at the app and goes through the provider's login and
/// consent forms as a person would; returns the callback URL the provider
/// sends the browser back to (not yet followed).
async fn walk_provider_to_callback(
    app: &TestApp,
    browser: &Browser,
    slug: &str,
    login: &str,
) -> String {
    let start = browser.get(&format!("/login/oidc/{slug}")).await;
    assert_eq!(start.status(), 303, "start of the sign-in");
    let mut location = start.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(location.contains("code_challenge="), "PKCE: {location}");
    assert!(
        location.contains("nonce=") && location.contains("state="),
        "{location}"
    );
    let provider_browser = Browser::new("");
    for _ in 0..20 {
        if location.starts_with(&app.address) {
            return location;
        }
        let response = provider_browser.get(&location).await;
        if response.status().is_redirection() {
            location = resolve(
                &location,
                response.headers()["location"].to_str().expect("location"),
            );
            continue;
        }
        let page_url = location.clone();
        let html = response.text().await.expect("provider page");
        let action = attribute(&html, "action=\"").expect("a form on the provider's page");
        let prompt = attribute(&html, "name=\"prompt\" value=\"").unwrap_or_default();
        let mut fields = vec![("prompt", prompt.clone())];
        if prompt == "login" {
            fields.push(("login", login.to_owned()));
            fields.push(("password", "any".to_owned()));
        }
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let response = provider_browser
            .post_form(&resolve(&page_url, &action), &fields)
            .await;
        assert!(
            response.status().is_redirection(),
            "the provider accepted the {prompt} form"
        );
        location = resolve(
            &page_url,
            response.headers()["location"].to_str().expect("location"),
        );
    }
    panic!("the sign-in never came back to the app");
}

/// A whole sign-in through a provider; returns the app's answer to the callback.
async fn sign_in_at_provider(
    app: &TestApp,
    browser: &Browser,
    slug: &str,
    login: &str,
) -> reqwest::Response {
    let callback = walk_provider_to_callback(app, browser, slug, login).await;
    browser.get(&callback).await
}

#[tokio::test]
async fn institutional_sign_in_through_two_real_providers() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let alpha = start_real_provider(&app, "alpha-idp", "alpha.example");
    let beta = start_real_provider(&app, "beta-idp", "beta.example");
    let login_page = app.browser().get_text("/login?institution=alpha").await;
    assert!(
        login_page.contains("href=\"/login/oidc/alpha-idp\""),
        "institution search lists the provider"
    );

    let first = app.browser();
    let response = sign_in_at_provider(&app, &first, &alpha.slug, "grace").await;
    assert_eq!(response.status(), 303, "{:?}", response.text().await);
    let profile = first.get_text("/profile").await;
    assert!(
        profile.contains("grace@alpha.example") && profile.contains("Test grace"),
        "{profile}"
    );
    assert!(
        profile.contains("Alpha Hospital"),
        "institution from schac_home_organization"
    );

    let second = app.browser();
    let response = sign_in_at_provider(&app, &second, &beta.slug, "hedy").await;
    assert_eq!(response.status(), 303);
    assert!(
        second
            .get_text("/profile")
            .await
            .contains("hedy@beta.example")
    );

    // Signing in again with the same (issuer, subject) reuses the account.
    let again = app.browser();
    assert_eq!(
        sign_in_at_provider(&app, &again, &alpha.slug, "grace")
            .await
            .status(),
        303
    );
    let mut connection = app.db.connect();
    assert_eq!(count(&mut connection, "SELECT count(*) AS n FROM users"), 2);
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM user_identities"),
        2
    );
}

#[tokio::test]
async fn an_email_already_used_by_another_account_is_not_merged() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let alpha = start_real_provider(&app, "alpha-idp", "alpha.example");
    app.signed_in_browser("grace@alpha.example").await;
    let browser = app.browser();
    let response = sign_in_at_provider(&app, &browser, &alpha.slug, "grace").await;
    assert_eq!(response.status(), 409);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("not merged automatically")
    );
    assert_eq!(browser.get("/profile").await.status(), 401);
    let mut connection = app.db.connect();
    assert_eq!(count(&mut connection, "SELECT count(*) AS n FROM users"), 1);
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM user_identities"),
        0
    );
}

#[tokio::test]
async fn a_replayed_or_forged_state_is_refused() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let alpha = start_real_provider(&app, "alpha-idp", "alpha.example");
    let browser = app.browser();
    // A sign-in is pending in this browser; a callback with another state is refused.
    let start = browser.get(&format!("/login/oidc/{}", alpha.slug)).await;
    assert_eq!(start.status(), 303);
    let callback = format!(
        "{}/login/oidc/{}/callback?code=abc&state=forged",
        app.address, alpha.slug
    );
    let response = browser.get(&callback).await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("start again")
    );
    // The pending sign-in was consumed by the failed attempt: a real sign-in must start over.
    let replay = browser.get(&callback).await;
    assert_eq!(replay.status(), 400);
    assert_eq!(browser.get("/profile").await.status(), 401);
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed'"
        ),
        2,
        "each refused callback is audited"
    );
}

#[tokio::test]
async fn a_completed_callback_cannot_be_replayed() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let alpha = start_real_provider(&app, "alpha-idp", "alpha.example");
    let browser = app.browser();
    let location = walk_provider_to_callback(&app, &browser, &alpha.slug, "grace").await;
    assert_eq!(browser.get(&location).await.status(), 303);
    let attacker = app.browser();
    assert_eq!(
        attacker.get(&location).await.status(),
        400,
        "another browser cannot use the callback"
    );
    assert_eq!(attacker.get("/profile").await.status(), 401);
}

#[tokio::test]
async fn an_error_from_the_provider_is_explained() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let alpha = start_real_provider(&app, "alpha-idp", "alpha.example");
    let browser = app.browser();
    let start = browser.get(&format!("/login/oidc/{}", alpha.slug)).await;
    let authorize = start.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let state = authorize
        .split("state=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .expect("state");
    let response = browser
        .get(&format!(
            "/login/oidc/{}/callback?error=access_denied&error_description=The+user+said+no&state={state}",
            alpha.slug
        ))
        .await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap_or_default();
    assert!(
        body.contains("access_denied") && body.contains("The user said no"),
        "{body}"
    );
    assert_eq!(browser.get("/profile").await.status(), 401);
}

#[tokio::test]
async fn an_unknown_provider_is_a_404() {
    let app = TestApp::with_fixture(standard_tree()).await;
    assert_eq!(app.get("/login/oidc/no-such-provider").await.status(), 404);
    assert_eq!(
        app.get("/login/oidc/no-such-provider/callback?code=x&state=y")
            .await
            .status(),
        400
    );
}

async fn rogue_sign_in(scenario: &str) -> (TestApp, reqwest::Response, Browser) {
    let app = TestApp::with_fixture(standard_tree()).await;
    let port = free_port();
    let process = start_node(
        "rogue.mjs",
        &[
            port.to_string(),
            scenario.to_owned(),
            "academy-rogue".to_owned(),
        ],
    );
    add_provider(
        &app,
        "rogue-idp",
        &format!("http://127.0.0.1:{port}"),
        "academy-rogue",
        "email_domain",
        &[],
    );
    let browser = app.browser();
    let start = browser.get("/login/oidc/rogue-idp").await;
    let authorize = start.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let back = Browser::new("").get(&authorize).await;
    let callback = back.headers()["location"]
        .to_str()
        .expect("callback")
        .to_owned();
    let response = browser.get(&callback).await;
    drop(process);
    (app, response, browser)
}

async fn assert_rogue_token_refused(scenario: &str, words: &str) {
    let (app, response, browser) = rogue_sign_in(scenario).await;
    assert_eq!(response.status(), 400, "{scenario}");
    let body = response.text().await.unwrap_or_default();
    assert!(
        body.contains(words),
        "{scenario}: expected \"{words}\" in {body}"
    );
    assert_eq!(
        browser.get("/profile").await.status(),
        401,
        "{scenario}: no session"
    );
    let mut connection = app.db.connect();
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM users"),
        0,
        "{scenario}"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed'"
        ),
        1,
        "{scenario}"
    );
}

#[tokio::test]
async fn rogue_provider_with_a_valid_token_signs_in() {
    let (_app, response, browser) = rogue_sign_in("valid").await;
    assert_eq!(
        response.status(),
        303,
        "the control case must succeed, or the refusals below prove nothing"
    );
    assert_eq!(browser.get("/profile").await.status(), 200);
}

#[tokio::test]
async fn an_unverified_email_cannot_name_an_account() {
    assert_rogue_token_refused("unverified_email", "did not share your email").await;
}

#[tokio::test]
async fn id_token_with_a_bad_signature_is_refused() {
    assert_rogue_token_refused("bad_signature", "failed verification").await;
}

#[tokio::test]
async fn id_token_for_another_audience_is_refused() {
    assert_rogue_token_refused("wrong_audience", "failed verification").await;
}

#[tokio::test]
async fn id_token_from_another_issuer_is_refused() {
    assert_rogue_token_refused("wrong_issuer", "failed verification").await;
}

#[tokio::test]
async fn expired_id_token_is_refused() {
    assert_rogue_token_refused("expired", "failed verification").await;
}

#[tokio::test]
async fn id_token_with_a_wrong_nonce_is_refused() {
    assert_rogue_token_refused("wrong_nonce", "failed verification").await;
}

#[tokio::test]
async fn id_token_without_a_nonce_is_refused() {
    assert_rogue_token_refused("missing_nonce", "failed verification").await;
}

#[tokio::test]
async fn token_response_without_an_id_token_is_refused() {
    assert_rogue_token_refused("no_id_token", "did not send an ID token").await;
}

// ---- Roles ---------------------------------------------------------------

fn run_cli(app: &TestApp, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_atmp-academy"))
        .env("DATABASE_URL", &app.db.url)
        .args(args)
        .output()
        .expect("run the binary")
}

#[tokio::test]
async fn operators_grant_and_revoke_roles_from_the_command_line() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let output = run_cli(
        &app,
        &[
            "admin",
            "grant",
            "--email",
            "boss@alpha.example",
            "--role",
            "network-admin",
        ],
    );
    assert!(!output.status.success(), "no account yet");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--create"));
    let output = run_cli(
        &app,
        &[
            "admin",
            "grant",
            "--email",
            "boss@alpha.example",
            "--role",
            "network-admin",
            "--create",
            "--name",
            "The Boss",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = run_cli(
        &app,
        &[
            "admin",
            "grant",
            "--email",
            "boss@alpha.example",
            "--role",
            "coordinator",
            "--coe",
            "coe-alpha",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = run_cli(
        &app,
        &[
            "admin",
            "grant",
            "--email",
            "boss@alpha.example",
            "--role",
            "coordinator",
        ],
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("needs --coe"),
        "scope is checked"
    );
    let output = run_cli(
        &app,
        &[
            "admin",
            "grant",
            "--email",
            "boss@alpha.example",
            "--role",
            "coordinator",
            "--coe",
            "coe-nowhere",
        ],
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("There is no CoE"));
    let output = run_cli(
        &app,
        &[
            "admin",
            "revoke",
            "--email",
            "boss@alpha.example",
            "--role",
            "coordinator",
            "--coe",
            "coe-alpha",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'role.granted'"
        ),
        2
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'role.revoked'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM role_grants WHERE revoked_at IS NULL"
        ),
        1
    );
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM role_grants"),
        2,
        "revoked grants stay in the history"
    );
    let profile = app
        .signed_in_browser("boss@alpha.example")
        .await
        .get_text("/profile")
        .await;
    assert!(profile.contains("Network administrator"));
}

#[tokio::test]
async fn provider_secrets_come_from_env_or_file_and_are_never_listed() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_atmp-academy"))
        .env("DATABASE_URL", &app.db.url)
        .env("LSL_SECRET", "super-secret-value")
        .args([
            "admin",
            "add-provider",
            "--slug",
            "life-science-login",
            "--name",
            "Life Science Login",
            "--issuer",
            "https://login.example.org/oidc",
            "--client-id",
            "academy",
            "--client-secret-env",
            "LSL_SECRET",
            "--institution",
            "alpha-hospital",
        ])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed = run_cli(&app, &["admin", "list-providers"]);
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.contains("life-science-login") && !text.contains("super-secret-value"),
        "{text}"
    );
    let audit = count(
        &mut app.db.connect(),
        "SELECT count(*) AS n FROM audit_events WHERE action = 'identity_provider.created' AND new_value::text NOT LIKE '%super-secret-value%'",
    );
    assert_eq!(audit, 1);
    let missing = run_cli(
        &app,
        &[
            "admin",
            "add-provider",
            "--slug",
            "other",
            "--name",
            "Other",
            "--issuer",
            "https://x.example",
            "--client-id",
            "a",
            "--client-secret-env",
            "UNSET_VARIABLE_XYZ",
        ],
    );
    assert!(String::from_utf8_lossy(&missing.stderr).contains("UNSET_VARIABLE_XYZ"));
}

// ---- Access control matrix (README "Who may do what") ---------------------

#[tokio::test]
async fn access_control_matrix_matches_the_readme() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    let grant = |connection: &mut PgConnection, email: &str, role: Role, coe: Option<&str>| {
        identity::grant_role(
            connection,
            Actor::Cli,
            &GrantRequest {
                email: email.to_owned(),
                role,
                coe_slug: coe.map(str::to_owned),
                course_slug: None,
                create_with_name: Some(email.to_owned()),
            },
        )
        .expect("grant");
    };
    grant(
        &mut connection,
        "other-instructor@beta.example",
        Role::Instructor,
        Some("coe-beta"),
    );
    grant(
        &mut connection,
        "instructor@alpha.example",
        Role::Instructor,
        Some("coe-alpha"),
    );
    grant(
        &mut connection,
        "coordinator@alpha.example",
        Role::Coordinator,
        Some("coe-alpha"),
    );
    grant(
        &mut connection,
        "admin@alpha.example",
        Role::NetworkAdmin,
        None,
    );
    let viewers = [
        ("anonymous", app.browser()),
        (
            "learner",
            app.signed_in_browser("learner@alpha.example").await,
        ),
        (
            "instructor of another CoE",
            app.signed_in_browser("other-instructor@beta.example").await,
        ),
        (
            "instructor",
            app.signed_in_browser("instructor@alpha.example").await,
        ),
        (
            "coordinator",
            app.signed_in_browser("coordinator@alpha.example").await,
        ),
        ("admin", app.signed_in_browser("admin@alpha.example").await),
    ];
    // Statuses for: anonymous, learner, instructor of another CoE, instructor, coordinator, admin.
    let matrix: [(&str, [u16; 6]); 27] = [
        ("/", [200; 6]),
        ("/courses", [200; 6]),
        ("/courses/cleanroom-basics", [200; 6]),
        ("/courses/public-intro/basics/what-is-a-gene", [200; 6]),
        (
            "/courses/cleanroom-basics/grades/grade-a",
            [401, 403, 403, 200, 200, 200],
        ),
        ("/network", [200; 6]),
        ("/network/coe-alpha", [200; 6]),
        ("/login", [200; 6]),
        ("/profile", [401, 200, 200, 200, 200, 200]),
        ("/profile/export", [401, 200, 200, 200, 200, 200]),
        ("/admin/identity-providers", [401, 403, 403, 403, 403, 200]),
        ("/admin/outbox", [401, 403, 403, 403, 403, 200]),
        ("/learning", [401, 200, 200, 200, 200, 200]),
        ("/coordinate/coe-alpha", [401, 403, 403, 403, 200, 200]),
        ("/certificates", [401, 200, 200, 200, 200, 200]),
        ("/admin/certificates", [401, 403, 403, 403, 403, 200]),
        ("/verify", [200; 6]),
        ("/.well-known/jwks.json", [200; 6]),
        ("/author", [401, 200, 200, 200, 200, 200]),
        ("/audit", [401, 403, 403, 403, 403, 200]),
        ("/programmes", [200; 6]),
        ("/admin/equivalences", [401, 403, 403, 403, 403, 200]),
        (
            "/coordinate/coe-alpha/matrix",
            [401, 403, 403, 403, 200, 200],
        ),
        ("/reports", [401, 403, 403, 403, 403, 200]),
        ("/reports?coe=coe-alpha", [401, 403, 403, 403, 200, 200]),
        ("/api/v1/courses", [200; 6]),
        ("/api/v1/courses/cleanroom-basics", [200; 6]),
    ];
    for (route, expected) in matrix {
        for ((who, browser), expected) in viewers.iter().zip(expected) {
            let status = browser.get(route).await.status().as_u16();
            assert_eq!(status, expected, "{who} GET {route}");
        }
    }
    let mut posts = 0;
    for (who, browser) in &viewers {
        // Writing to the admin page needs the admin role (and a CSRF token).
        let page = browser.get_text("/profile").await;
        let csrf = page
            .split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("none")
            .to_owned();
        let status = browser
            .post_form(
                "/admin/identity-providers",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("slug", "sneaky"),
                    ("display_name", "Sneaky"),
                    ("issuer_url", "https://x.example"),
                    ("client_id", "c"),
                    ("client_secret", "s"),
                    ("institution_claim", "email_domain"),
                ],
            )
            .await
            .status()
            .as_u16();
        let expected = match *who {
            "anonymous" => 401,
            "admin" => 303,
            _ => 403,
        };
        assert_eq!(status, expected, "{who} POST /admin/identity-providers");
        posts += usize::from(status == 303);
    }
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn admins_add_providers_in_the_browser_and_bad_values_are_explained() {
    let app = TestApp::with_fixture(standard_tree()).await;
    identity::grant_role(
        &mut app.db.connect(),
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
    let browser = app.signed_in_browser("admin@alpha.example").await;
    let page = browser.get_text("/admin/identity-providers").await;
    let csrf = csrf_of(&page);
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("slug", "life-science-login"),
        ("display_name", "Life Science Login"),
        ("issuer_url", "https://login.example.org/oidc"),
        ("client_id", "academy"),
        ("client_secret", "browser-typed-secret"),
        ("institution_claim", "schac_home_organization"),
        ("institutions", "alpha-hospital, no-such-institution"),
    ];
    let response = browser
        .post_form("/admin/identity-providers", &fields)
        .await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.expect("body");
    assert!(
        body.contains("There is no institution &quot;no-such-institution&quot;"),
        "{body}"
    );
    assert!(
        body.contains("value=\"Life Science Login\""),
        "the form keeps what was typed"
    );
    assert!(
        !body.contains("browser-typed-secret"),
        "but never the secret"
    );
    fields[7] = ("institutions", "alpha-hospital");
    let response = browser
        .post_form("/admin/identity-providers", &fields)
        .await;
    assert_eq!(response.status(), 303);
    let listing = browser.get_text("/admin/identity-providers").await;
    assert!(listing.contains("Life Science Login") && !listing.contains("browser-typed-secret"));
    let login = app.browser().get_text("/login").await;
    assert!(
        login.contains("Alpha Hospital")
            && login.contains("href=\"/login/oidc/life-science-login\"")
    );
}

/// Signs `email` in through an email link: the signed-in browser, and a
/// client that sends a copy of its session cookie, as someone who copied it
/// would.
pub(crate) async fn sign_in_and_copy_the_cookie(
    app: &TestApp,
    email: &str,
) -> (Browser, CopiedCookie) {
    let browser = app.browser();
    let before = app.emails().len();
    let response = request_link(&browser, email).await;
    assert_eq!(response.status(), 200, "requesting a link");
    let link = wait_for_link(app, before).await;
    let response = use_link(&browser, &link).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    let copy = CopiedCookie {
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        address: app.address.clone(),
        cookie,
    };
    (browser, copy)
}

/// A client sending a copied session cookie.
pub(crate) struct CopiedCookie {
    client: reqwest::Client,
    address: String,
    cookie: String,
}

impl CopiedCookie {
    pub(crate) async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .header("Cookie", self.cookie.clone())
            .send()
            .await
            .expect("GET")
    }

    /// Posts a form with the copied cookie; its status and body.
    pub(crate) async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .header("Cookie", self.cookie.clone())
            .form(fields)
            .send()
            .await
            .expect("POST");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    pub(crate) async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

pub(crate) async fn sign_out(browser: &Browser) {
    let page = browser.get_text("/profile").await;
    assert_eq!(
        browser
            .post_form("/logout", &[("csrf_token", csrf_of(&page).as_str())])
            .await
            .status(),
        303
    );
}

#[tokio::test]
async fn signing_out_also_ends_copies_of_the_session_cookie() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let (browser, copy) = sign_in_and_copy_the_cookie(&app, "ada@alpha.example").await;
    let with_cookie = |path: &'static str| copy.get(path);
    let lesson = "/courses/public-intro/basics/what-is-a-gene";
    assert_eq!(
        with_cookie("/profile").await.status(),
        200,
        "the copied cookie works while signed in"
    );
    assert_eq!(with_cookie("/learning").await.status(), 200);
    for page in ["/courses/public-intro", lesson] {
        let body = with_cookie(page).await.text().await.expect("body");
        assert!(
            body.contains("action=\"/logout\""),
            "{page} is shown to the signed-in person"
        );
    }
    sign_out(&browser).await;
    for page in ["/profile", "/learning"] {
        assert_eq!(
            with_cookie(page).await.status(),
            401,
            "{page}: the copied cookie stops working at sign-out"
        );
    }
    for page in ["/courses/public-intro", lesson] {
        let response = with_cookie(page).await;
        assert_eq!(response.status(), 200, "{page} is open to anyone");
        let body = response.text().await.expect("body");
        assert!(
            !body.contains("action=\"/logout\"") && body.contains("href=\"/login\""),
            "{page} is shown to nobody signed in after sign-out"
        );
    }
}

#[tokio::test]
async fn a_copied_cookie_loses_the_enrolment_and_the_roles_on_the_next_request() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let coordinator_of_alpha = GrantRequest {
        email: "ada@alpha.example".to_owned(),
        role: Role::Coordinator,
        coe_slug: Some("coe-alpha".to_owned()),
        course_slug: None,
        create_with_name: Some("Ada".to_owned()),
    };
    identity::grant_role(&mut app.db.connect(), Actor::Cli, &coordinator_of_alpha).expect("grant");
    let (browser, copy) = sign_in_and_copy_the_cookie(&app, "ada@alpha.example").await;
    let course = browser.get_text("/courses/public-intro").await;
    let enrolled = browser
        .post_form(
            "/courses/public-intro/enrol",
            &[("csrf_token", csrf_of(&course).as_str())],
        )
        .await;
    assert_eq!(enrolled.status(), 303, "enrolling");
    let staff_lesson = "/courses/cleanroom-basics/grades/grade-a";
    let own_lesson = "/courses/public-intro/basics/what-is-a-gene";
    let completion_form = format!("action=\"{own_lesson}/complete\"");
    let progress_bar = "id=\"course-progress\"";

    assert_eq!(
        copy.get(staff_lesson).await.status(),
        200,
        "a coordinator of the course's CoE reads its lessons"
    );
    let (_, lesson) = copy.get_text(own_lesson).await;
    assert!(lesson.contains(&completion_form), "{lesson}");
    let (_, course) = copy.get_text("/courses/public-intro").await;
    assert!(course.contains(progress_bar), "{course}");
    let (_, learning) = copy.get_text("/learning").await;
    assert!(
        learning.contains("Advanced therapies for everyone"),
        "{learning}"
    );

    identity::revoke_role(&mut app.db.connect(), Actor::Cli, &coordinator_of_alpha)
        .expect("revoke");
    assert_eq!(
        copy.get(staff_lesson).await.status(),
        403,
        "the revoked role no longer opens the lesson, on the very next request"
    );
    assert_eq!(
        copy.get("/courses/cleanroom-basics/grades/grade-a/files/notes.pdf")
            .await
            .status(),
        403,
        "nor its files"
    );

    sign_out(&browser).await;
    assert_eq!(
        copy.get(staff_lesson).await.status(),
        401,
        "after sign-out the copy reads as nobody"
    );
    let (status, lesson) = copy.get_text(own_lesson).await;
    assert_eq!(status, 200, "the open course's lesson is open to anyone");
    assert!(
        !lesson.contains("/complete\"") && lesson.contains("href=\"/login\""),
        "no progress of the signed-out person is shown: {lesson}"
    );
    let (_, course) = copy.get_text("/courses/public-intro").await;
    assert!(
        !course.contains(progress_bar) && !course.contains("/withdraw\""),
        "no enrolment of the signed-out person is shown: {course}"
    );
    assert_eq!(copy.get("/learning").await.status(), 401);
    assert_eq!(
        copy.get("/courses/cleanroom-basics/grades/grade-a/files/notes.pdf")
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn plain_http_issuers_are_refused_outside_this_machine() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let error = identity::add_provider(
        &mut app.db.connect(),
        Actor::Cli,
        &ProviderInput {
            slug: "plain-http".to_owned(),
            display_name: "Plain".to_owned(),
            issuer_url: "http://login.example.org".to_owned(),
            client_id: "c".to_owned(),
            client_secret: "s".to_owned(),
            institution_claim: "email_domain".to_owned(),
            institution_slugs: vec![],
        },
    )
    .expect_err("plain http");
    assert!(error.to_string().contains("https://"), "{error}");
}

#[tokio::test]
async fn sign_in_redirects_only_to_paths_on_this_site() {
    let app = TestApp::with_fixture(standard_tree()).await;
    for next in [
        "%2F%09%2Fevil.example",
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
    ] {
        let browser = app.browser();
        let login = browser.get_text(&format!("/login?next={next}")).await;
        let before = app.emails().len();
        browser
            .post_form(
                "/login/email",
                &[
                    ("csrf_token", csrf_of(&login).as_str()),
                    ("email", "ada@alpha.example"),
                ],
            )
            .await;
        let link = wait_for_link(&app, before).await;
        let response = use_link(&browser, &link).await;
        assert_eq!(response.headers()["location"], "/profile", "next={next}");
    }
    let browser = app.browser();
    let login = browser
        .get_text("/login?next=%2Fcourses%2Fcleanroom-basics")
        .await;
    let before = app.emails().len();
    browser
        .post_form(
            "/login/email",
            &[
                ("csrf_token", csrf_of(&login).as_str()),
                ("email", "bob@alpha.example"),
            ],
        )
        .await;
    let link = wait_for_link(&app, before).await;
    assert_eq!(
        use_link(&browser, &link).await.headers()["location"],
        "/courses/cleanroom-basics"
    );
}

#[tokio::test]
async fn forged_callbacks_cannot_flood_the_audit_trail() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let browser = app.browser();
    for attempt in 0..40 {
        let status = browser
            .get(&format!(
                "/login/oidc/any/callback?code=x&state=forged-{attempt}"
            ))
            .await
            .status();
        assert_eq!(status, 400);
    }
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed'"
        ),
        30,
        "audited up to the client's budget, then only logged"
    );
}

#[tokio::test]
async fn sign_in_links_go_out_through_a_real_smtp_server() {
    let sink = crate::helpers::SmtpSink::start();
    let app =
        TestApp::with_fixture_and_options(standard_tree(), &["--smtp-url".to_owned(), sink.url()])
            .await;
    let browser = app.browser();
    assert_eq!(
        request_link(&browser, "ada@alpha.example").await.status(),
        200
    );
    let mut message = None;
    for _ in 0..200 {
        if let Some(first) = sink.messages().into_iter().next() {
            message = Some(first);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let message = message.expect("the SMTP server received the email");
    assert!(message.contains("To: ada@alpha.example"), "{message}");
    assert!(message.contains("Subject: Your ATMP Academy sign-in link"));
    assert!(
        message.contains("text/plain") && message.contains("text/html"),
        "text and HTML parts"
    );
    let link = message
        .split_whitespace()
        .find(|word| word.starts_with("http") && word.contains("/login/email/confirm?token="))
        .expect("link")
        .to_owned();
    assert_eq!(use_link(&browser, &link).await.status(), 303);
    assert!(app.emails().is_empty(), "nothing went to files");
}
