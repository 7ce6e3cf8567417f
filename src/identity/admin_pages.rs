//! The network admin's page for identity providers: the list (secrets never
//! shown) and a form to add one.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};

use super::queries;
use super::service::{self, IdentityError, ProviderInput};
use crate::audit::Actor;
use crate::db::{self, DbError, DbPool};
use crate::http::auth::{self, CsrfForm, CsrfProtected, NetworkAdmin};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};

#[derive(Serialize)]
struct ProviderRow {
    slug: String,
    display_name: String,
    issuer_url: String,
    client_id: String,
    institution_claim: String,
    enabled: bool,
}

#[derive(Serialize, Default)]
struct ProvidersPage {
    providers: Vec<ProviderRow>,
    /// The known institutions' slugs, separated by commas.
    institution_list: String,
    /// The callback URL with `<slug>` where the provider's slug goes.
    callback_pattern: String,
    csrf_token: String,
    /// Why the provider was not added, from the service (in English).
    error: Option<String>,
    form: ProviderFormValues,
}

/// What the form showed, to show it again after an error (never the secret).
#[derive(Serialize, Default)]
struct ProviderFormValues {
    slug: String,
    display_name: String,
    issuer_url: String,
    client_id: String,
    institutions: String,
    email_domain_claim: bool,
}

async fn render(
    admin: &NetworkAdmin,
    pool: &DbPool,
    templates: &Templates,
    status: StatusCode,
    error: Option<String>,
    form: ProviderFormValues,
) -> Result<HttpResponse, AppError> {
    let (providers, institutions) = db::run(pool, |connection| {
        let providers = queries::all_providers(connection)?;
        let institutions = crate::network::queries::all_institutions(connection)?;
        Ok::<_, DbError>((providers, institutions))
    })
    .await?;
    let page = ProvidersPage {
        providers: providers
            .into_iter()
            .map(|provider| ProviderRow {
                slug: provider.slug,
                display_name: provider.display_name,
                issuer_url: provider.issuer_url,
                client_id: provider.client_id,
                institution_claim: provider.institution_claim,
                enabled: provider.enabled,
            })
            .collect(),
        institution_list: institutions
            .into_iter()
            .map(|institution| institution.slug)
            .collect::<Vec<_>>()
            .join(", "),
        callback_pattern: format!("{}/login/oidc/<slug>/callback", templates.site().base_url),
        csrf_token: auth::csrf_token(&admin.1.session)?,
        error,
        form,
    };
    templates.page(
        &admin.1.shell(),
        status,
        "pages/admin_providers",
        PageTitle::Message("title-identity-providers"),
        &page,
    )
}

/// The providers and the form to add one.
#[get("/admin/identity-providers")]
pub async fn providers_page(
    admin: NetworkAdmin,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    render(
        &admin,
        &pool,
        &templates,
        StatusCode::OK,
        None,
        ProviderFormValues::default(),
    )
    .await
}

/// The add-provider form.
#[derive(Deserialize)]
pub struct ProviderForm {
    csrf_token: String,
    slug: String,
    display_name: String,
    issuer_url: String,
    client_id: String,
    client_secret: String,
    institution_claim: String,
    #[serde(default)]
    institutions: String,
}

impl CsrfProtected for ProviderForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Adds a provider; on a bad value, the form comes back with the message.
#[post("/admin/identity-providers")]
pub async fn add_provider(
    admin: NetworkAdmin,
    form: CsrfForm<ProviderForm>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let institution_slugs: Vec<String> = form
        .institutions
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|slug| !slug.is_empty())
        .map(str::to_owned)
        .collect();
    let values = ProviderFormValues {
        slug: form.slug.clone(),
        display_name: form.display_name.clone(),
        issuer_url: form.issuer_url.clone(),
        client_id: form.client_id.clone(),
        institutions: form.institutions.clone(),
        email_domain_claim: form.institution_claim == "email_domain",
    };
    let input = ProviderInput {
        slug: form.slug.trim().to_owned(),
        display_name: form.display_name,
        issuer_url: form.issuer_url.trim().to_owned(),
        client_id: form.client_id,
        client_secret: form.client_secret,
        institution_claim: form.institution_claim,
        institution_slugs,
    };
    let actor = Actor::User(admin.0.id);
    let outcome = db::run(&pool, move |connection| {
        service::add_provider(connection, actor, &input)
    })
    .await;
    match outcome {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/admin/identity-providers"))
            .finish()),
        Err(IdentityError::BadInput(message) | IdentityError::NotFound(message)) => {
            render(
                &admin,
                &pool,
                &templates,
                StatusCode::BAD_REQUEST,
                Some(message),
                values,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
