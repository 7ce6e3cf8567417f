//! Sign-in and account pages: the sign-in page (institutions and email
//! link), the email link round trip, the OpenID Connect round trip,
//! sign-out, and the profile with data export and deletion request.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::models::SessionUser;
use super::oidc::{FLOW_LIFETIME_SECONDS, OidcClients, OidcError, PendingFlow};
use super::queries;
use super::service::{self, IdentityError, LinkProblem};
use crate::db::{self, DbError, DbPool};
use crate::http::auth::{
    self, ClientIp, CsrfForm, CsrfProtected, CurrentUser, FailureAuditBudget, TokenOnlyForm, Viewer,
};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};
use crate::i18n::Locale;
use crate::mail::{Mailer, OutgoingEmail};

const BROWSER_KEY: &str = "signin_browser";
const FLOW_KEY: &str = "oidc_flow";
const NEXT_KEY: &str = "after_sign_in";

impl From<IdentityError> for AppError {
    fn from(error: IdentityError) -> Self {
        match error {
            IdentityError::BadInput(message) => AppError::BadRequest(message),
            IdentityError::RateLimited(message) => AppError::TooManyRequests(message),
            IdentityError::Link(problem) => AppError::BadRequest(
                match problem {
                    LinkProblem::Unknown => "This sign-in link is not valid. Check that you opened the whole link from the email, or request a new one.",
                    LinkProblem::Used => "This sign-in link has already been used. Each link works once: request a new one to sign in again.",
                    LinkProblem::Expired => "This sign-in link has expired (links work for 15 minutes). Request a new one.",
                    LinkProblem::OtherBrowser => "This sign-in link was requested in another browser. Open it in the browser where you asked for it, or request a new link here.",
                }
                .to_owned(),
            ),
            IdentityError::AccountConflict(message) => AppError::Conflict(message),
            IdentityError::NotFound(message) => AppError::NotFound(message),
            IdentityError::Db(error) => AppError::from(error),
        }
    }
}

/// Only same-site paths may be returned to after signing in: a single
/// leading slash and printable ASCII only (browsers drop tabs and newlines
/// from URLs, which would turn `/\t/evil.example` into `//evil.example`).
pub fn safe_next(next: Option<&str>) -> Option<String> {
    next.filter(|path| {
        path.len() <= 500
            && path.starts_with('/')
            && !path.starts_with("//")
            && path
                .bytes()
                .all(|byte| byte.is_ascii_graphic() && byte != b'\\')
    })
    .map(str::to_owned)
}

#[derive(Serialize)]
struct InstitutionOption {
    name: String,
    provider: String,
    provider_name: String,
}

#[derive(Serialize)]
struct LoginPage {
    csrf_token: String,
    institution_query: String,
    institutions: Vec<InstitutionOption>,
    providers: Vec<(String, String)>,
    searched: bool,
}

/// The sign-in page: institutions (searchable without JavaScript) and the
/// email link form.
#[get("/login")]
pub async fn login_page(
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    if let Some(next) = safe_next(query.get("next").map(String::as_str)) {
        auth::put(&viewer.session, NEXT_KEY, &next)?;
    }
    let search = query
        .get("institution")
        .map(|text| text.trim().to_lowercase())
        .unwrap_or_default();
    let (options, providers) = db::run(&pool, |connection| {
        Ok::<_, DbError>((
            queries::institution_sign_in_options(connection)?,
            queries::enabled_providers(connection)?,
        ))
    })
    .await?;
    let institutions = options
        .into_iter()
        .filter(|(name, slug, _, _)| {
            search.is_empty() || name.to_lowercase().contains(&search) || slug.contains(&search)
        })
        .map(|(name, _, provider, provider_name)| InstitutionOption {
            name,
            provider,
            provider_name,
        })
        .collect();
    let page = LoginPage {
        csrf_token: auth::csrf_token(&viewer.session)?,
        searched: !search.is_empty(),
        institution_query: search,
        institutions,
        providers: providers
            .into_iter()
            .map(|provider| (provider.slug, provider.display_name))
            .collect(),
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/login",
        PageTitle::Message("title-sign-in"),
        &page,
    )
}

/// The email form.
#[derive(Deserialize)]
pub struct EmailForm {
    csrf_token: String,
    email: String,
}

impl CsrfProtected for EmailForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

#[derive(Serialize)]
struct CheckEmailPage {
    minutes: i64,
}

/// Sends a sign-in link. The answer is the same whether or not an account
/// uses the address; the email is sent in the background so timing tells
/// nothing either.
#[post("/login/email")]
pub async fn request_email_link(
    form: CsrfForm<EmailForm>,
    client_ip: ClientIp,
    viewer: Viewer,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
    mailer: web::Data<Mailer>,
) -> Result<HttpResponse, AppError> {
    let CsrfForm(form, session) = form;
    let browser_secret = match session.get::<String>(BROWSER_KEY).ok().flatten() {
        Some(secret) => secret,
        None => {
            let secret = service::random_secret();
            auth::put(&session, BROWSER_KEY, &secret)?;
            secret
        }
    };
    let raw_email = form.email.clone();
    let ip = client_ip.0;
    let (email, token) = db::run(&pool, move |connection| {
        service::request_sign_in_link(connection, &raw_email, &ip, &browser_secret, Utc::now())
    })
    .await?;
    let link = format!(
        "{}/login/email/confirm?token={token}",
        templates.site().base_url
    );
    let message = sign_in_email(&templates, viewer.locale, &email, &link)?;
    let mailer = mailer.get_ref().clone();
    tokio::spawn(async move {
        if let Err(error) = mailer.send(&message).await {
            tracing::error!(error = %error, "sending a sign-in link failed");
        }
    });
    let page = CheckEmailPage {
        minutes: service::LINK_LIFETIME_MINUTES,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/check_email",
        PageTitle::Message("title-check-your-email"),
        &page,
    )
}

/// The sign-in email, in the language of the page that asked for it (the
/// person may have no account, and so no profile language, yet).
fn sign_in_email(
    templates: &Templates,
    locale: Locale,
    email: &str,
    link: &str,
) -> Result<OutgoingEmail, AppError> {
    #[derive(Serialize)]
    struct SignInEmail<'a> {
        lang: &'static str,
        link: &'a str,
        minutes: i64,
    }
    let data = SignInEmail {
        lang: locale.code(),
        link,
        minutes: service::LINK_LIFETIME_MINUTES,
    };
    Ok(OutgoingEmail {
        to: email.to_owned(),
        subject: templates.message(locale, "email-subject-sign-in-link", None)?,
        text: templates.render_text("email/sign_in_link.txt", &data)?,
        html: templates.render("email/sign_in_link.html", &data)?,
    })
}

#[derive(Serialize)]
struct ConfirmPage {
    csrf_token: String,
    token: String,
}

/// Shows a button that uses the link: link scanners in mail systems fetch
/// GET links, so only the POST signs in.
#[get("/login/email/confirm")]
pub async fn confirm_email_link_page(
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let token = query
        .get("token")
        .filter(|token| !token.is_empty() && token.len() <= 100)
        .cloned()
        .ok_or_else(|| {
            AppError::BadRequest(
                "This sign-in link is incomplete. Open the whole link from the email.".to_owned(),
            )
        })?;
    let page = ConfirmPage {
        csrf_token: auth::csrf_token(&viewer.session)?,
        token,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/confirm_sign_in",
        PageTitle::Message("title-sign-in"),
        &page,
    )
}

/// The confirmation form.
#[derive(Deserialize)]
pub struct ConfirmForm {
    csrf_token: String,
    token: String,
}

impl CsrfProtected for ConfirmForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Uses the link and signs in.
#[post("/login/email/confirm")]
pub async fn confirm_email_link(
    form: CsrfForm<ConfirmForm>,
    client: ClientIp,
    pool: web::Data<DbPool>,
    budget: web::Data<FailureAuditBudget>,
) -> Result<HttpResponse, AppError> {
    let CsrfForm(form, session) = form;
    let browser_secret = session.get::<String>(BROWSER_KEY).ok().flatten();
    let outcome = db::run(&pool, move |connection| {
        service::confirm_sign_in_link(
            connection,
            &form.token,
            browser_secret.as_deref(),
            Utc::now(),
        )
    })
    .await;
    let user = match outcome {
        Ok(user) => user,
        Err(error) => {
            if let IdentityError::Link(problem) = &error {
                audit_failed_sign_in(
                    &pool,
                    &budget,
                    &client,
                    "email_link",
                    format!("{problem:?}"),
                )
                .await?;
            }
            return Err(error.into());
        }
    };
    let next = session.get::<String>(NEXT_KEY).ok().flatten();
    auth::begin_session(&session, &user)?;
    Ok(see_other(
        &safe_next(next.as_deref()).unwrap_or_else(|| "/profile".to_owned()),
    ))
}

/// Writes a failed sign-in to the audit trail, within the client's budget
/// (beyond it, the failure is only logged).
async fn audit_failed_sign_in(
    pool: &DbPool,
    budget: &FailureAuditBudget,
    client: &ClientIp,
    method: &'static str,
    reason: String,
) -> Result<(), AppError> {
    if budget.allow(&client.0, Utc::now().timestamp()) {
        let reason = format!("{reason} (client {})", client.0);
        db::run(pool, move |connection| {
            service::record_sign_in_failure(connection, method, &reason)
        })
        .await?;
    } else {
        tracing::warn!(client = %client.0, method, reason, "failed sign-in not audited: the client's audit budget is spent");
    }
    Ok(())
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

impl From<OidcError> for AppError {
    fn from(error: OidcError) -> Self {
        if let Some(detail) = error.detail() {
            tracing::warn!(detail, "OpenID Connect sign-in failed");
        }
        match error {
            OidcError::Discovery(..) => AppError::Unavailable(anyhow::anyhow!("{error}")),
            OidcError::Configuration(_) => AppError::internal(anyhow::anyhow!("{error}")),
            other => AppError::BadRequest(format!("Signing in did not work: {other}.")),
        }
    }
}

/// Sends the browser to the institution's provider.
#[get("/login/oidc/{provider}")]
pub async fn start_oidc(
    viewer: Viewer,
    provider: web::Path<String>,
    pool: web::Data<DbPool>,
    oidc: web::Data<OidcClients>,
) -> Result<HttpResponse, AppError> {
    let slug = provider.into_inner();
    let provider = db::run(&pool, move |connection| {
        queries::provider_by_slug(connection, &slug).map_err(DbError::Query)
    })
    .await?
    .filter(|provider| provider.enabled)
    .ok_or_else(|| {
        AppError::NotFound(
            "There is no such sign-in provider. Choose your institution from the sign-in page."
                .to_owned(),
        )
    })?;
    let (url, flow) = oidc.start(&provider, Utc::now().timestamp()).await?;
    auth::put(&viewer.session, FLOW_KEY, &flow)?;
    Ok(see_other(&url))
}

/// Where the provider sends the browser back.
#[get("/login/oidc/{provider}/callback")]
pub async fn oidc_callback(
    viewer: Viewer,
    client: ClientIp,
    provider: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    oidc: web::Data<OidcClients>,
    budget: web::Data<FailureAuditBudget>,
) -> Result<HttpResponse, AppError> {
    let slug: String = provider.into_inner().chars().take(64).collect();
    let session = viewer.session;
    // The pending flow is single use: taken out of the session before anything else.
    let flow = session
        .remove_as::<PendingFlow>(FLOW_KEY)
        .and_then(Result::ok);
    let returned_state = query.get("state").map(String::as_str).unwrap_or_default();
    let outcome = match flow.filter(|flow| pending_flow_matches(flow, &slug, returned_state)) {
        Some(flow) => finish_oidc(&slug, flow, &query, &pool, &oidc).await,
        None => Err(OidcError::UnknownState.into()),
    };
    match outcome {
        Ok(user) => {
            let next = session.get::<String>(NEXT_KEY).ok().flatten();
            auth::begin_session(&session, &user)?;
            Ok(see_other(
                &safe_next(next.as_deref()).unwrap_or_else(|| "/profile".to_owned()),
            ))
        }
        Err(error) => {
            audit_failed_sign_in(
                &pool,
                &budget,
                &client,
                "oidc",
                format!("provider {slug}: {error}"),
            )
            .await?;
            Err(error)
        }
    }
}

/// Whether the callback belongs to the sign-in this browser started: same
/// provider, same state, not older than the flow's lifetime.
fn pending_flow_matches(flow: &PendingFlow, slug: &str, returned_state: &str) -> bool {
    flow.provider == slug
        && Utc::now().timestamp() - flow.started_at <= FLOW_LIFETIME_SECONDS
        && service::hash_secret(returned_state) == service::hash_secret(&flow.state)
}

async fn finish_oidc(
    slug: &str,
    flow: PendingFlow,
    query: &HashMap<String, String>,
    pool: &DbPool,
    oidc: &OidcClients,
) -> Result<SessionUser, AppError> {
    let slug_owned = slug.to_owned();
    let provider = db::run(pool, move |connection| {
        queries::provider_by_slug(connection, &slug_owned).map_err(DbError::Query)
    })
    .await?
    .filter(|provider| provider.enabled)
    .ok_or_else(|| {
        AppError::NotFound("This sign-in provider is no longer available.".to_owned())
    })?;
    if let Some(error) = query.get("error") {
        let description = query
            .get("error_description")
            .map(|text| format!(" ({})", text.chars().take(300).collect::<String>()))
            .unwrap_or_default();
        return Err(OidcError::Provider {
            provider: provider.display_name.clone(),
            error: error.chars().take(100).collect(),
            description,
        }
        .into());
    }
    let code = query
        .get("code")
        .filter(|code| !code.is_empty())
        .ok_or_else(|| {
            AppError::BadRequest(
                "The provider sent no authorisation code. Please start again.".to_owned(),
            )
        })?;
    let identity = oidc.finish(&provider, flow, code).await?;
    Ok(db::run(pool, move |connection| {
        service::sign_in_with_identity(connection, &provider, &identity)
    })
    .await?)
}

/// Signs out everywhere: the cookie is cleared and the account's session
/// epoch moves on, so a copy of the cookie stops working too.
#[post("/logout")]
pub async fn sign_out(
    viewer: Viewer,
    form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    if let Some(user) = viewer.user {
        db::run(&pool, move |connection| {
            service::end_all_sessions(connection, user.id)
        })
        .await?;
    }
    form.1.purge();
    Ok(see_other("/"))
}

#[derive(Serialize)]
struct ProfilePage {
    profile: service::Profile,
    /// The chosen interface language's own name (None: the browser decides).
    language_name: Option<&'static str>,
    /// The choices of the language form.
    languages: Vec<LanguageOption>,
    csrf_token: String,
}

/// An interface language in the profile's language form.
#[derive(Serialize)]
struct LanguageOption {
    code: &'static str,
    name: &'static str,
    selected: bool,
}

/// The signed-in person's profile.
#[get("/profile")]
pub async fn profile_page(
    current: CurrentUser,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let profile = db::run(&pool, move |connection| {
        service::profile(connection, user.id)
    })
    .await?;
    let chosen = profile.locale.as_deref().and_then(Locale::from_tag);
    let page = ProfilePage {
        language_name: chosen.map(Locale::native_name),
        languages: Locale::CHOOSABLE
            .into_iter()
            .map(|locale| LanguageOption {
                code: locale.code(),
                name: locale.native_name(),
                selected: chosen == Some(locale),
            })
            .collect(),
        profile,
        csrf_token: auth::csrf_token(&viewer.session)?,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/profile",
        PageTitle::Message("title-your-profile"),
        &page,
    )
}

/// Everything the platform holds about the signed-in person, as a JSON download.
#[get("/profile/export")]
pub async fn export_profile(
    current: CurrentUser,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let data = db::run(&pool, move |connection| {
        service::export_personal_data(connection, user_id)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(
                "atmp-academy-my-data.json".to_owned(),
            )],
        })
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(data))
}

/// Records the person's request to delete their account.
#[post("/profile/deletion")]
pub async fn request_deletion(
    current: CurrentUser,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    db::run(&pool, move |connection| {
        service::request_deletion(connection, user_id)
    })
    .await?;
    Ok(see_other("/profile"))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_same_site_paths_are_returned_to() {
        assert_eq!(
            safe_next(Some("/courses/gmp?x=1")).as_deref(),
            Some("/courses/gmp?x=1")
        );
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\n/x",
            "https://evil.example",
            "/\\evil.example",
            "evil",
            "/ space",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?}");
        }
    }
}
