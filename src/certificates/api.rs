//! The JSON API for certificates under `/api/v1`: my certificates, one of
//! them, public verification by code (rate limited), and revocation by
//! network admins (`X-CSRF-Token`).

use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::Deserialize;

use super::VerificationRateLimit;
use super::pages::check_verification_rate;
use super::service::{self, CertificateView, PublicCertificateView};
use crate::db::{self, DbPool};
use crate::http::auth::{ClientIp, CsrfHeader, CurrentUser};
use crate::http::middleware::ErrorEnvelope;
use crate::http::{AppError, Templates};

/// My certificates, newest first, with status and expiry.
#[utoipa::path(get, path = "/api/v1/me/certificates", tag = "certificates",
    responses((status = 200, body = Vec<CertificateView>), (status = 401, body = ErrorEnvelope)))]
#[get("/api/v1/me/certificates")]
pub async fn my_certificates(
    current: CurrentUser,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let base_url = templates.site().base_url.clone();
    let certificates = db::run(&pool, move |connection| {
        service::mine(connection, user_id, &base_url, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok().json(certificates))
}

/// One certificate (its holder, network admins, the issuing CoE's coordinators and auditors).
#[utoipa::path(get, path = "/api/v1/certificates/{code}", tag = "certificates",
    params(("code" = String, Path, description = "The certificate code, with or without dashes")),
    responses((status = 200, body = CertificateView), (status = 401, body = ErrorEnvelope), (status = 404, body = ErrorEnvelope)))]
#[get("/api/v1/certificates/{code}")]
pub async fn one(
    current: CurrentUser,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let code = code.into_inner();
    let base_url = templates.site().base_url.clone();
    let (view, _) = db::run(&pool, move |connection| {
        service::one(connection, &user, &code, &base_url, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Verify a certificate by its code (no account needed; rate limited).
#[utoipa::path(get, path = "/api/v1/verify/{code}", tag = "certificates",
    params(("code" = String, Path, description = "The certificate code")),
    responses(
        (status = 200, description = "The certificate; `status` is valid, expired or revoked", body = PublicCertificateView),
        (status = 404, description = "Unknown or malformed code", body = ErrorEnvelope),
        (status = 429, body = ErrorEnvelope),
    ))]
#[get("/api/v1/verify/{code}")]
pub async fn verify(
    client: ClientIp,
    code: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
    limit: web::Data<VerificationRateLimit>,
) -> Result<HttpResponse, AppError> {
    check_verification_rate(&limit, &client)?;
    let code = code.into_inner();
    let base_url = templates.site().base_url.clone();
    let view = db::run(&pool, move |connection| {
        service::verify(connection, &code, &base_url, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(view))
}

/// A revocation.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct RevokeRequest {
    /// Why (shown on the verification page, kept in the audit trail).
    pub reason: String,
}

/// Revoke a certificate (network admins).
#[utoipa::path(post, path = "/api/v1/certificates/{code}/revoke", tag = "certificates",
    params(("code" = String, Path, description = "The certificate code"), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    request_body = RevokeRequest,
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, description = "No reason given", body = ErrorEnvelope),
        (status = 403, body = ErrorEnvelope), (status = 404, body = ErrorEnvelope),
        (status = 409, description = "Already revoked", body = ErrorEnvelope),
    ))]
#[post("/api/v1/certificates/{code}/revoke")]
pub async fn revoke(
    current: CurrentUser,
    _csrf: CsrfHeader,
    code: web::Path<String>,
    body: web::Json<RevokeRequest>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let code = code.into_inner();
    let reason = body.into_inner().reason;
    db::run(&pool, move |connection| {
        service::revoke(connection, &user, &code, &reason, Utc::now())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
