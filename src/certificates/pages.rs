//! Certificate pages and files: my certificates, one certificate (PDF,
//! Open Badges credential, requalify), the public verification page, the
//! admin list with revocation, and the published issuer profile, key set
//! and revocation lists.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

use super::VerificationRateLimit;
use super::badge;
use super::code::CertificateCode;
use super::keys::{self, CredentialKeys};
use super::pdf::{self, PrintedCertificate};
use super::queries::{Certificate, CertificateId};
use super::service::{self, CertificateError, CertificateView, PublicCertificateView};
use crate::db::{self, DbPool};
use crate::enrolment::service::EnrolOutcome;
use crate::http::auth::{
    self, ClientIp, CsrfForm, CsrfProtected, CurrentUser, NetworkAdmin, TokenOnlyForm, Viewer,
};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};

impl From<CertificateError> for AppError {
    fn from(error: CertificateError) -> Self {
        match error {
            CertificateError::NotFound(message) => AppError::NotFound(message),
            CertificateError::Forbidden(message) => AppError::Forbidden(message),
            CertificateError::Conflict(message) => AppError::Conflict(message),
            CertificateError::Refused(message) => AppError::BadRequest(message),
            CertificateError::Enrolment(error) => AppError::from(error),
            CertificateError::Db(error) => AppError::from(error),
        }
    }
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

fn attachment(name: String) -> ContentDisposition {
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(name)],
    }
}

/// Refuses a client that has looked up too many codes this minute.
pub fn check_verification_rate(
    limit: &VerificationRateLimit,
    client: &ClientIp,
) -> Result<(), AppError> {
    if limit.0.allow(&client.0, Utc::now().timestamp()) {
        Ok(())
    } else {
        Err(AppError::TooManyRequests(
            "Too many certificate look-ups from your address. Wait a minute and try again."
                .to_owned(),
        ))
    }
}

/// "Certificate 7K3Q-M9PX-2RWT", in the viewer's language.
fn certificate_title(
    templates: &Templates,
    viewer: &Viewer,
    code: &str,
) -> Result<String, AppError> {
    let mut args = FluentArgs::new();
    args.set("code", code.to_owned());
    templates.message(viewer.locale, "certificate-title", Some(&args))
}

#[derive(Serialize)]
struct CertificatesPage {
    certificates: Vec<CertificateView>,
}

/// "My certificates": every certificate with status and expiry.
#[get("/certificates")]
pub async fn my_certificates(
    current: CurrentUser,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let base_url = templates.site().base_url.clone();
    let certificates = db::run(&pool, move |connection| {
        service::mine(connection, user.id, &base_url, Utc::now())
    })
    .await?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/certificates",
        PageTitle::Message("title-my-certificates"),
        &CertificatesPage { certificates },
    )
}

async fn load_one(
    pool: &DbPool,
    current: &CurrentUser,
    code: String,
    base_url: String,
) -> Result<(CertificateView, Certificate), AppError> {
    let user = current.0.clone();
    Ok(db::run(pool, move |connection| {
        service::one(connection, &user, &code, &base_url, Utc::now())
    })
    .await?)
}

#[derive(Serialize)]
struct CertificatePage {
    certificate: CertificateView,
    is_holder: bool,
    csrf_token: String,
}

/// One certificate: what it certifies, downloads, and requalification.
#[get("/certificates/{code}")]
pub async fn certificate_page(
    current: CurrentUser,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let base_url = templates.site().base_url.clone();
    let (view, certificate) = load_one(&pool, &current, code.into_inner(), base_url).await?;
    let CurrentUser(user, viewer) = current;
    let title = certificate_title(&templates, &viewer, &view.code)?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/certificate",
        PageTitle::Content(&title),
        &CertificatePage {
            is_holder: certificate.user_id == user.id,
            certificate: view,
            csrf_token: auth::csrf_token(&viewer.session)?,
        },
    )
}

/// The certificate as a PDF (A4 landscape, QR code to the verification page).
#[get("/certificates/{code}/certificate.pdf")]
pub async fn certificate_pdf(
    current: CurrentUser,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let base_url = templates.site().base_url.clone();
    let (view, _) = load_one(&pool, &current, code.into_inner(), base_url).await?;
    let printed = PrintedCertificate {
        learner_name: view.learner_name.clone(),
        title: view.title.clone(),
        coe_name: view.coe_name.clone(),
        credits: view.credits.clone(),
        completed_on: view.completed_at.format("%-d %B %Y").to_string(),
        expires_on: view.expires_at.map(|at| at.format("%-d %B %Y").to_string()),
        code: view.code.clone(),
        verification_url: view.verify_url.clone(),
        version_number: view.version_number,
        status: view.status.clone(),
    };
    let bytes = web::block(move || pdf::render(&printed))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(attachment(format!("certificate-{}.pdf", view.code_key)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}

/// The Open Badges 3.0 credential as a signed VC-JWT (for wallets).
#[get("/certificates/{code}/credential.jwt")]
pub async fn credential_jwt(
    current: CurrentUser,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
    keys: web::Data<CredentialKeys>,
) -> Result<HttpResponse, AppError> {
    let base_url = templates.site().base_url.clone();
    let (view, certificate) =
        load_one(&pool, &current, code.into_inner(), base_url.clone()).await?;
    if certificate.user_id != current.0.id {
        return Err(AppError::Forbidden(
            "The signed credential is for its holder's wallet only; staff can open the certificate page and its PDF.".to_owned(),
        ));
    }
    let credential = badge::credential(&service::credential_facts(&certificate, &view), &base_url);
    let jwt = badge::signed_jwt(&credential, &keys, &base_url);
    Ok(HttpResponse::Ok()
        .content_type("application/vc+jwt")
        .insert_header(attachment(format!("open-badge-{}.jwt", view.code_key)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(jwt))
}

/// The Open Badges 3.0 credential as JSON (unsigned; the JWT is the proof).
#[get("/certificates/{code}/credential.json")]
pub async fn credential_json(
    current: CurrentUser,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let base_url = templates.site().base_url.clone();
    let (view, certificate) =
        load_one(&pool, &current, code.into_inner(), base_url.clone()).await?;
    let credential = badge::credential(&service::credential_facts(&certificate, &view), &base_url);
    Ok(HttpResponse::Ok()
        .content_type("application/ld+json")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(credential))
}

/// Starts a requalification of the holder's certificate.
#[post("/certificates/{code}/requalify")]
pub async fn requalify(
    current: CurrentUser,
    code: web::Path<String>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let code = code.into_inner();
    let (slug, _outcome): (String, EnrolOutcome) = db::run(&pool, move |connection| {
        service::requalify(connection, user_id, &code, Utc::now())
    })
    .await?;
    Ok(see_other(&format!("/courses/{slug}")))
}

#[derive(Deserialize)]
pub struct VerifyQuery {
    #[serde(default)]
    code: String,
}

#[derive(Serialize)]
struct VerifyFormPage {}

/// The verification form; a submitted code goes to its page.
#[get("/verify")]
pub async fn verify_form(
    viewer: Viewer,
    query: web::Query<VerifyQuery>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let typed: String = query
        .code
        .chars()
        .filter(|character| character.is_ascii_alphanumeric() || *character == '-')
        .take(40)
        .collect();
    if !typed.is_empty() {
        return Ok(see_other(&format!("/verify/{typed}")));
    }
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/verify_form",
        PageTitle::Message("title-verify-a-certificate"),
        &VerifyFormPage {},
    )
}

#[derive(Serialize)]
struct VerifyPage {
    certificate: PublicCertificateView,
}

/// What a certificate certifies and whether it is valid, expired or
/// revoked — for anyone, without an account. Unknown and malformed codes
/// get the same "not found" page.
#[get("/verify/{code}")]
pub async fn verify_page(
    viewer: Viewer,
    client: ClientIp,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
    limit: web::Data<VerificationRateLimit>,
) -> Result<HttpResponse, AppError> {
    check_verification_rate(&limit, &client)?;
    let base_url = templates.site().base_url.clone();
    let code = code.into_inner();
    let certificate = db::run(&pool, move |connection| {
        service::verify(connection, &code, &base_url, Utc::now())
    })
    .await?;
    let title = certificate_title(&templates, &viewer, &certificate.code)?;
    let mut response = templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/verify",
        PageTitle::Content(&title),
        &VerifyPage { certificate },
    )?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

#[derive(Deserialize)]
pub struct AdminQuery {
    #[serde(default)]
    q: String,
}

#[derive(Serialize)]
struct AdminCertificateRow {
    code: String,
    code_key: String,
    learner_name: String,
    title: String,
    coe_name: String,
    issued_at: chrono::DateTime<Utc>,
    expires_at: Option<chrono::DateTime<Utc>>,
    status: &'static str,
    revocation_reason: Option<String>,
}

#[derive(Serialize)]
struct AdminCertificatesPage {
    query: String,
    rows: Vec<AdminCertificateRow>,
    csrf_token: String,
}

/// Network admins: find certificates (code, name or title) and revoke them.
#[get("/admin/certificates")]
pub async fn admin_certificates(
    admin: NetworkAdmin,
    query: web::Query<AdminQuery>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let NetworkAdmin(_, viewer) = admin;
    let text: String = query.q.chars().take(200).collect();
    let search = text.clone();
    let now = Utc::now();
    let certificates = db::run(&pool, move |connection| {
        super::queries::search(connection, &search, 200).map_err(AppError::from)
    })
    .await?;
    let rows = certificates
        .into_iter()
        .map(|certificate| AdminCertificateRow {
            code: super::code::display(&certificate.code),
            status: service::status_at(&certificate, now),
            code_key: certificate.code,
            learner_name: certificate.learner_name,
            title: certificate.title,
            coe_name: certificate.coe_name,
            issued_at: certificate.issued_at,
            expires_at: certificate.expires_at,
            revocation_reason: certificate.revocation_reason,
        })
        .collect();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/admin_certificates",
        PageTitle::Message("title-certificates"),
        &AdminCertificatesPage {
            query: text,
            rows,
            csrf_token: auth::csrf_token(&viewer.session)?,
        },
    )
}

/// The revocation form.
#[derive(Deserialize)]
pub struct RevokeForm {
    csrf_token: String,
    #[serde(default)]
    reason: String,
}

impl CsrfProtected for RevokeForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Revokes a certificate with a reason.
#[post("/admin/certificates/{code}/revoke")]
pub async fn admin_revoke(
    admin: NetworkAdmin,
    code: web::Path<String>,
    form: CsrfForm<RevokeForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let NetworkAdmin(user, _) = admin;
    let code = code.into_inner();
    let reason = form.0.reason;
    let back = format!(
        "/verify/{}",
        CertificateCode::parse(&code)
            .map(|parsed| parsed.as_str().to_owned())
            .unwrap_or_default()
    );
    db::run(&pool, move |connection| {
        service::revoke(connection, &user, &code, &reason, Utc::now())
    })
    .await?;
    Ok(see_other(&back))
}

/// The key set every credential verifies against (all keys ever used).
#[get("/.well-known/jwks.json")]
pub async fn jwks(
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let published = db::run(&pool, |connection| {
        super::queries::published_keys(connection).map_err(AppError::from)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/jwk-set+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(keys::jwks(&published, &templates.site().base_url)))
}

/// One published key (the `kid` of a credential's JWT header points here).
#[get("/credentials/keys/{thumbprint}")]
pub async fn published_key(
    thumbprint: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let thumbprint = thumbprint.into_inner();
    let published = db::run(&pool, |connection| {
        super::queries::published_keys(connection).map_err(AppError::from)
    })
    .await?;
    let (kid, x) = published
        .into_iter()
        .find(|(kid, _)| *kid == thumbprint)
        .ok_or_else(|| AppError::NotFound("There is no published key with this id.".to_owned()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/jwk+json")
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(keys::jwk(&kid, &x, &templates.site().base_url)))
}

/// The issuer profile of every credential.
#[get("/credentials/issuer")]
pub async fn issuer_profile(templates: web::Data<Templates>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/ld+json")
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(badge::issuer_profile(&templates.site().base_url))
}

/// A credential's revocation list (`1EdTechRevocationList`).
#[get("/credentials/status/{id}")]
pub async fn revocation_list(
    id: web::Path<uuid::Uuid>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let id = CertificateId(id.into_inner());
    let revoked = db::run(&pool, move |connection| {
        service::revocation_state(connection, id)
    })
    .await?;
    let list = badge::revocation_list(
        &templates.site().base_url,
        id.0,
        revoked.as_ref().map(|(reason, at)| (reason.as_str(), *at)),
    );
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(list))
}
