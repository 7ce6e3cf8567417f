//! Certificates: issued once per completion, PDF (text and QR read back by
//! poppler and zbar), Open Badges credential verified by a third party
//! (`jose`), public verification, revocation, expiry reminders,
//! requalification and retraining.

use std::process::Command;

use atmp_academy::certificates::service as certificates;
use atmp_academy::identity::models::Role;
use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::fixtures::{self, standard_tree};
use crate::helpers::{Browser, TestApp, count, csrf_of, import, oidc_dir};

const COURSE: &str = "gmp-refresher";

/// The standard tree plus an open, certified course with two lessons and a
/// 24-month validity.
pub fn tree_with_certified_course() -> tempfile::TempDir {
    let tree = standard_tree();
    write_certified_course(tree.path(), "");
    tree
}

fn write_certified_course(root: &std::path::Path, extra: &str) {
    fixtures::course(
        root,
        COURSE,
        &format!(
            r#"title = "GMP refresher for ATMP operators"
summary = "Annual GMP refresher."
description = "Refreshes the essentials."
coe = "coe-alpha"
audience = "gmp_staff"
level = "intermediate"
language = "en"
credits = 0.5
credit_type = "ects"
certificate = true
certificate_validity_months = 24
{extra}"#
        ),
    );
    fixtures::lesson(
        root,
        COURSE,
        "01-basics",
        "01-hygiene",
        "Hygiene",
        "Wash hands.",
    );
    fixtures::lesson(
        root,
        COURSE,
        "01-basics",
        "02-records",
        "Records",
        "Write it down.",
    );
}

async fn enrol(browser: &Browser) {
    let page = browser.get_text(&format!("/courses/{COURSE}")).await;
    let response = browser
        .post_form(
            &format!("/courses/{COURSE}/enrol"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303, "enrolled");
}

/// Completes both lessons; the last one with `parallel` simultaneous requests.
async fn complete_course(browser: &Browser, parallel: usize) {
    let lesson = browser
        .get_text(&format!("/courses/{COURSE}/basics/hygiene"))
        .await;
    let csrf = csrf_of(&lesson);
    let response = browser
        .post_form(
            &format!("/courses/{COURSE}/basics/hygiene/complete"),
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    browser
        .post_form_in_parallel(
            &format!("/courses/{COURSE}/basics/records/complete"),
            &[("csrf_token", csrf.as_str())],
            parallel,
        )
        .await;
}

fn rename(app: &TestApp, email: &str, name: &str) {
    diesel::sql_query("UPDATE users SET display_name = $1 WHERE email = $2")
        .bind::<diesel::sql_types::Text, _>(name)
        .bind::<diesel::sql_types::Text, _>(email)
        .execute(&mut app.db.connect())
        .expect("rename");
}

#[derive(QueryableByName)]
struct Code {
    #[diesel(sql_type = diesel::sql_types::Text)]
    code: String,
}

fn certificate_codes(app: &TestApp) -> Vec<String> {
    diesel::sql_query("SELECT code FROM certificates ORDER BY issued_at")
        .load::<Code>(&mut app.db.connect())
        .expect("codes")
        .into_iter()
        .map(|row| row.code)
        .collect()
}

/// A learner who has completed the certified course; returns the browser and code.
pub async fn certified_learner(app: &TestApp, email: &str, name: &str) -> (Browser, String) {
    let browser = app.signed_in_browser(email).await;
    rename(app, email, name);
    enrol(&browser).await;
    complete_course(&browser, 1).await;
    let codes = certificate_codes(app);
    (browser, codes.last().expect("a certificate").clone())
}

pub fn grant_coordinator(app: &TestApp, email: &str) {
    crate::helpers::grant(&app.db, email, Role::Coordinator, Some("coe-alpha"));
}

pub fn grant_admin(app: &TestApp, email: &str) {
    crate::helpers::grant(&app.db, email, Role::NetworkAdmin, None);
}

#[tokio::test]
async fn parallel_completion_issues_exactly_one_certificate() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let browser = app.signed_in_browser("ada@alpha.example").await;
    enrol(&browser).await;
    complete_course(&browser, 8).await;
    let mut connection = app.db.connect();
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM certificates"),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'certificate.issued'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'certificate_issued'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
              WHERE c.completed_at = e.completed_at
                AND c.expires_at = c.completed_at + interval '24 months'"
        ),
        1,
        "issued in the completing transaction, expiring 24 months later"
    );
    let code = certificate_codes(&app).remove(0);
    assert_eq!(code.len(), 12);
    let mine = browser.get_text("/certificates").await;
    assert!(mine.contains("GMP refresher for ATMP operators"), "{mine}");
    assert!(mine.contains("Valid"));
    let (status, json) = {
        let response = browser.get("/api/v1/me/certificates").await;
        (
            response.status().as_u16(),
            response.json::<serde_json::Value>().await.expect("json"),
        )
    };
    assert_eq!(status, 200);
    assert_eq!(json[0]["code_key"], code);
    assert_eq!(json[0]["status"], "valid");
    assert_eq!(json[0]["credits"], "0.5 ECTS");
}

#[tokio::test]
async fn the_pdf_prints_the_name_and_code_and_its_qr_leads_to_the_verification_page() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let name = "Zoë Ångström-Łukasiewicz";
    let (browser, code) = certified_learner(&app, "zoe@alpha.example", name).await;
    let response = browser
        .get(&format!("/certificates/{code}/certificate.pdf"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let bytes = response.bytes().await.expect("pdf");
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("certificate.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains(name), "name in the PDF text: {text}");
    let display = format!("{}-{}-{}", &code[0..4], &code[4..8], &code[8..12]);
    assert!(text.contains(&display), "code in the PDF text: {text}");
    assert!(text.contains("Alpha Centre of Excellence"));
    assert!(text.contains("0.5 ECTS"));
    let fonts = Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("DejaVuSans"), "{fonts}");
    assert!(
        fonts.lines().skip(2).all(|line| line.contains(" yes yes ")),
        "every font embedded and subset: {fonts}"
    );
    let decoded = qr_of(&pdf);
    assert_eq!(decoded, format!("{}/verify/{code}", app.address));
    let verification = app
        .browser()
        .get_text(decoded.strip_prefix(&app.address).unwrap())
        .await;
    assert!(verification.contains(name));
    assert!(verification.contains("Valid."));
}

fn pdf_text(pdf: &std::path::Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: apt-get install poppler-utils");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of the QR code on the first page of a PDF (poppler + zbar).
pub fn qr_of(pdf: &std::path::Path) -> String {
    let folder = pdf.parent().unwrap();
    let prefix = folder.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(status.success());
    let output = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(folder.join("page.png"))
        .output()
        .expect("zbarimg is needed: apt-get install zbar-tools");
    assert!(output.status.success(), "a QR code was found");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[tokio::test]
async fn names_in_greek_hebrew_and_with_combining_marks_print_in_the_pdf() {
    use atmp_academy::certificates::pdf::{PrintedCertificate, render};
    let folder = tempfile::tempdir().unwrap();
    for (index, name) in [
        "Πέτρος Παπαδόπουλος",
        "שרה כהן",
        "Nguyễn Thị Hương",
        "Zoë Ångström-Łukasiewicz",
    ]
    .into_iter()
    .enumerate()
    {
        let bytes = render(&PrintedCertificate {
            learner_name: name.to_owned(),
            title: "GMP refresher".to_owned(),
            coe_name: "Alpha".to_owned(),
            credits: None,
            completed_on: "1 March 2026".to_owned(),
            expires_on: None,
            code: "0000-0000-0000".to_owned(),
            verification_url: "https://academy.example/verify/000000000000".to_owned(),
            version_number: Some(1),
            status: "valid".to_owned(),
        })
        .expect("renders");
        let pdf = folder.path().join(format!("{index}.pdf"));
        std::fs::write(&pdf, bytes).unwrap();
        let text = pdf_text(&pdf);
        let normalised: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let words_found = name.split_whitespace().all(|word| {
            normalised.contains(word)
                || normalised.contains(&word.chars().rev().collect::<String>())
        });
        assert!(words_found, "{name} in {normalised}");
    }
}

#[tokio::test]
async fn a_third_party_verifier_accepts_the_credential_and_rejects_a_tampered_one() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let (browser, code) = certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    let response = browser
        .get(&format!("/certificates/{code}/credential.jwt"))
        .await;
    assert_eq!(response.status(), 200);
    let jwt = response.text().await.unwrap();
    let jwks = format!("{}/.well-known/jwks.json", app.address);
    let issuer = format!("{}/credentials/issuer", app.address);
    let verified = jose_verify(&jwks, &issuer, &jwt).await;
    assert_eq!(verified["ok"], true, "{verified}");
    let payload = &verified["payload"];
    assert_eq!(payload["type"][1], "OpenBadgeCredential");
    assert_eq!(payload["iss"], issuer);
    assert_eq!(payload["jti"], payload["id"]);
    assert_eq!(payload["sub"], payload["credentialSubject"]["id"]);
    assert!(payload["nbf"].is_i64() && payload["exp"].is_i64());
    assert_eq!(
        payload["credentialSubject"]["achievement"]["name"],
        "GMP refresher for ATMP operators"
    );
    assert_eq!(
        payload["credentialSubject"]["identifier"][0]["identityHash"],
        "Ada Lovelace"
    );
    assert_eq!(verified["header"]["alg"], "EdDSA");
    // The key named in the header is served at its own URL.
    let kid = verified["header"]["kid"].as_str().unwrap();
    let key = app
        .browser()
        .get(kid.strip_prefix(&app.address).unwrap())
        .await;
    assert_eq!(key.status(), 200);
    // Change the holder's name and keep the signature: rejected.
    let parts: Vec<&str> = jwt.split('.').collect();
    let mut claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory".into();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        parts[2]
    );
    let rejected = jose_verify(&jwks, &issuer, &tampered).await;
    assert_eq!(rejected["ok"], false);
    assert_eq!(rejected["error"], "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    // The revocation list shows nothing revoked yet.
    let status_url = payload["credentialStatus"]["id"].as_str().unwrap();
    let (status, list) = app
        .get_json(status_url.strip_prefix(&app.address).unwrap())
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["revokedCredentials"].as_array().unwrap().len(), 0);
}

async fn jose_verify(jwks: &str, issuer: &str, jwt: &str) -> serde_json::Value {
    let (jwks, issuer, jwt) = (jwks.to_owned(), issuer.to_owned(), jwt.to_owned());
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg("verify-credential.mjs")
            .args([jwks, issuer, jwt])
            .current_dir(oidc_dir())
            .output()
            .expect("node is needed: apt-get install nodejs")
    })
    .await
    .unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "verifier output: {} {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[tokio::test]
async fn verification_shows_valid_revoked_and_expired_and_hides_which_codes_exist() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let (_, code) = certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    let anonymous = app.browser();
    let dashed = format!("{}-{}-{}", &code[0..4], &code[4..8], &code[8..12]).to_lowercase();
    let page = anonymous.get(&format!("/verify/{dashed}")).await;
    assert_eq!(page.status(), 200, "codes are read as people type them");
    let page = page.text().await.unwrap();
    assert!(page.contains("Valid.") && page.contains("Ada Lovelace"));
    let form = anonymous.get(&format!("/verify?code={dashed}")).await;
    assert_eq!(form.status(), 303);

    // Malformed and unknown (but well-formed) codes: the same 404 page.
    let mut unknown = code.clone().into_bytes();
    unknown[0] = if unknown[0] == b'Z' { b'Y' } else { b'Z' };
    let unknown = String::from_utf8(unknown).unwrap();
    let mut bodies = Vec::new();
    for bad in [
        "not-a-code",
        "%3Cscript%3E",
        &"A".repeat(300),
        unknown.as_str(),
        "0000-0000-0000",
    ] {
        let response = anonymous.get(&format!("/verify/{bad}")).await;
        assert_eq!(response.status(), 404, "{bad}");
        bodies.push(response.text().await.unwrap());
    }
    assert!(
        bodies
            .iter()
            .all(|body| body.contains("No certificate has this code"))
    );
    let (status, _) = app.get_json(&format!("/api/v1/verify/{unknown}")).await;
    assert_eq!(status, 404);

    // Expired, at a later clock.
    let mut connection = app.db.connect();
    let later = Utc::now() + Duration::days(24 * 31 + 1);
    let view = certificates::verify(&mut connection, &code, "http://x", later).unwrap();
    assert_eq!(view.status, "expired");

    // Revocation: admins only, with a reason, once.
    grant_admin(&app, "admin@alpha.example");
    let admin = app.signed_in_browser("admin@alpha.example").await;
    let admin_page = admin.get_text(&format!("/verify/{code}")).await;
    let csrf = csrf_of(&admin_page);
    let empty = admin
        .post_form(
            &format!("/admin/certificates/{code}/revoke"),
            &[("csrf_token", csrf.as_str()), ("reason", "  ")],
        )
        .await;
    assert_eq!(empty.status(), 400);
    let revoked = admin
        .post_form(
            &format!("/admin/certificates/{code}/revoke"),
            &[
                ("csrf_token", csrf.as_str()),
                ("reason", "Assessment irregularity"),
            ],
        )
        .await;
    assert_eq!(revoked.status(), 303);
    let again = admin
        .post_form(
            &format!("/admin/certificates/{code}/revoke"),
            &[("csrf_token", csrf.as_str()), ("reason", "Twice")],
        )
        .await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("already revoked"));
    let page = anonymous.get_text(&format!("/verify/{code}")).await;
    assert!(page.contains("Revoked") && page.contains("Assessment irregularity"));
    let (_, json) = app.get_json(&format!("/api/v1/verify/{code}")).await;
    assert_eq!(json["status"], "revoked");
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'certificate.revoked' AND reason = 'Assessment irregularity'"
        ),
        1
    );
    let list = admin.get_text("/admin/certificates?q=ada").await;
    assert!(list.contains("Ada Lovelace") && list.contains("revoked"));
}

#[tokio::test]
async fn only_the_holder_and_staff_open_a_certificate_and_only_admins_revoke() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let (_, code) = certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    let other = app.signed_in_browser("eve@alpha.example").await;
    for path in [
        format!("/certificates/{code}"),
        format!("/certificates/{code}/certificate.pdf"),
        format!("/certificates/{code}/credential.jwt"),
        format!("/api/v1/certificates/{code}"),
    ] {
        assert_eq!(other.get(&path).await.status(), 404, "{path}");
        let anonymous = app.browser().get(&path).await.status();
        assert!(anonymous == 401 || anonymous == 303, "{path}: {anonymous}");
    }
    assert_eq!(other.get("/admin/certificates").await.status(), 403);
    // Staff see the certificate but not the holder's signed credential.
    crate::certificates::grant_coordinator(&app, "cora@alpha.example");
    let coordinator = app.signed_in_browser("cora@alpha.example").await;
    assert_eq!(
        coordinator
            .get(&format!("/certificates/{code}"))
            .await
            .status(),
        200
    );
    assert_eq!(
        coordinator
            .get(&format!("/certificates/{code}/certificate.pdf"))
            .await
            .status(),
        200
    );
    assert_eq!(
        coordinator
            .get(&format!("/certificates/{code}/credential.jwt"))
            .await
            .status(),
        403
    );
    let me = other
        .get("/api/v1/me")
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/certificates/{code}/revoke", app.address))
        .json(&serde_json::json!({ "reason": "spite" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401, "no session");
    let response = other
        .client
        .post(format!("{}/api/v1/certificates/{code}/revoke", app.address))
        .header("X-CSRF-Token", me["csrf_token"].as_str().unwrap())
        .header("Origin", &app.address)
        .json(&serde_json::json!({ "reason": "spite" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(
        count(
            &mut app.db.connect(),
            "SELECT count(*) AS n FROM certificates WHERE revoked_at IS NOT NULL"
        ),
        0
    );
}

#[tokio::test]
async fn a_certificate_cannot_be_changed_or_deleted_in_the_database() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let (_, code) = certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    let mut connection = app.db.connect();
    for statement in [
        "UPDATE certificates SET learner_name = 'Mallory'",
        "UPDATE certificates SET expires_at = expires_at + interval '10 years'",
        "DELETE FROM certificates",
    ] {
        let error = diesel::sql_query(statement)
            .execute(&mut connection)
            .unwrap_err();
        assert!(
            error.to_string().contains("certificate"),
            "{statement}: {error}"
        );
    }
    diesel::sql_query("UPDATE certificates SET revoked_at = now(), revocation_reason = 'test', revoked_by = user_id")
        .execute(&mut connection)
        .expect("one revocation is allowed");
    let error = diesel::sql_query("UPDATE certificates SET revocation_reason = 'changed'")
        .execute(&mut connection)
        .unwrap_err();
    assert!(error.to_string().contains("revoked"), "{error}");
    assert_eq!(certificate_codes(&app), vec![code]);
}

#[tokio::test]
async fn expiry_reminders_go_out_once_each_even_with_two_workers() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    #[derive(QueryableByName)]
    struct Expiry {
        #[diesel(sql_type = diesel::sql_types::Timestamptz)]
        expires_at: chrono::DateTime<Utc>,
    }
    let expires_at = diesel::sql_query("SELECT expires_at FROM certificates")
        .get_result::<Expiry>(&mut app.db.connect())
        .unwrap()
        .expires_at;
    for days_left in [90, 59, 58, 45, 29, 20, 6, 1] {
        let now = expires_at - Duration::days(days_left);
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let url = app.db.url.clone();
                tokio::task::spawn_blocking(move || {
                    let mut connection = PgConnection::establish(&url).unwrap();
                    certificates::queue_expiry_reminders(&mut connection, now).unwrap()
                })
            })
            .collect();
        for worker in workers {
            worker.await.unwrap();
        }
    }
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'certificate_expiring'"
        ),
        3
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM certificate_reminders WHERE days_before IN (60, 30, 7)"
        ),
        3
    );
    // After expiry nothing more is sent.
    certificates::queue_expiry_reminders(&mut connection, expires_at + Duration::days(1)).unwrap();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'certificate_expiring'"
        ),
        3
    );
    app.outbox_worker.pass().await.unwrap();
    let emails = app.emails();
    assert!(
        emails.iter().any(|email| email.contains("expires on")),
        "rendered and sent"
    );
}

#[tokio::test]
async fn requalifying_renews_the_certificate_through_a_linked_enrolment() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let (browser, first) = certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    let page = browser.get_text(&format!("/certificates/{first}")).await;
    assert!(page.contains("Requalify"));
    let response = browser
        .post_form(
            &format!("/certificates/{first}/requalify"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM enrolments e JOIN certificates c ON c.id = e.renews_certificate_id
              WHERE e.status = 'active' AND c.code = (SELECT code FROM certificates LIMIT 1)"
        ),
        1
    );
    complete_course(&browser, 1).await;
    let codes = certificate_codes(&app);
    assert_eq!(codes.len(), 2);
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM certificates renewal JOIN certificates old ON old.id = renewal.renews_certificate_id"
        ),
        1
    );
    let renewal = browser
        .get_text(&format!("/certificates/{}", codes[1]))
        .await;
    let display = format!("{}-{}-{}", &first[0..4], &first[4..8], &first[8..12]);
    assert!(
        renewal.contains(&display),
        "the renewal names what it renews"
    );
    // Requalifying again links the live enrolment instead of failing.
    let page = browser
        .get_text(&format!("/certificates/{}", codes[1]))
        .await;
    let again = browser
        .post_form(
            &format!("/certificates/{}/requalify", codes[1]),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(again.status(), 303);
    let twice = browser
        .post_form(
            &format!("/certificates/{}/requalify", codes[1]),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(
        twice.status(),
        303,
        "an existing live enrolment is linked, not refused"
    );
    // A revoked certificate is not renewed.
    diesel::sql_query("UPDATE certificates SET revoked_at = now(), revoked_by = user_id, revocation_reason = 'test' WHERE code = $1")
        .bind::<diesel::sql_types::Text, _>(&first)
        .execute(&mut connection)
        .unwrap();
    let refused = browser
        .post_form(
            &format!("/certificates/{first}/requalify"),
            &[("csrf_token", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(refused.status(), 400);
    // A stranger's code and a malformed code cannot be requalified.
    let other = app.signed_in_browser("eve@alpha.example").await;
    let other_page = other.get_text("/certificates").await;
    let refused = other
        .post_form(
            &format!("/certificates/{first}/requalify"),
            &[("csrf_token", csrf_of(&other_page).as_str())],
        )
        .await;
    assert_eq!(refused.status(), 404);
}

#[tokio::test]
async fn a_version_that_requires_retraining_assigns_requalification_to_older_holders() {
    let tree = tree_with_certified_course();
    let root = tree.path().to_path_buf();
    let app = TestApp::with_fixture(tree).await;
    let (browser, code) = certified_learner(&app, "ada@alpha.example", "Ada Lovelace").await;
    // A new version that requires retraining, without a reason: refused.
    write_certified_course(&root, "requires_retraining = true\n");
    let problems = import(&app.db, &root).unwrap_err().to_string();
    assert!(problems.contains("change_note"), "{problems}");
    write_certified_course(
        &root,
        "requires_retraining = true\nchange_note = \"Annex 1 (2022) changed the contamination control strategy.\"\n",
    );
    fixtures::lesson(
        &root,
        COURSE,
        "01-basics",
        "03-ccs",
        "Contamination control",
        "New.",
    );
    import(&app.db, &root).expect("second import");
    import(&app.db, &root).expect("an unchanged third import assigns nothing again");
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM requalifications"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM email_outbox WHERE kind = 'retraining_required'"
        ),
        1
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'certificate.retraining_assigned'"
        ),
        1
    );
    let page = browser.get_text(&format!("/certificates/{code}")).await;
    assert!(
        page.contains("Retraining required") && page.contains("contamination control strategy")
    );
}

#[tokio::test]
async fn verification_look_ups_are_rate_limited_per_client() {
    let app = TestApp::with_fixture_and_options(
        tree_with_certified_course(),
        &["--verify-per-minute".to_owned(), "3".to_owned()],
    )
    .await;
    let anonymous = app.browser();
    for _ in 0..3 {
        assert_eq!(anonymous.get("/verify/0000-0000-0000").await.status(), 404);
    }
    let limited = anonymous.get("/verify/0000-0000-0000").await;
    assert_eq!(limited.status(), 429);
    assert!(limited.text().await.unwrap().contains("Wait a minute"));
}

#[tokio::test]
async fn the_key_set_and_issuer_profile_are_published() {
    let app = TestApp::with_fixture(tree_with_certified_course()).await;
    let (status, jwks) = app.get_json("/.well-known/jwks.json").await;
    assert_eq!(status, 200);
    let key = &jwks["keys"][0];
    assert_eq!(key["kty"], "OKP");
    assert_eq!(key["crv"], "Ed25519");
    assert!(key.get("d").is_none(), "no private part");
    let (status, issuer) = app.get_json("/credentials/issuer").await;
    assert_eq!(status, 200);
    assert_eq!(issuer["id"], format!("{}/credentials/issuer", app.address));
    assert_eq!(app.get("/credentials/keys/unknown").await.status(), 404);
    assert_eq!(
        app.get("/credentials/status/not-a-uuid").await.status(),
        400
    );
    assert_eq!(
        app.get(&format!("/credentials/status/{}", uuid::Uuid::nil()))
            .await
            .status(),
        404
    );
}
