//! The qualification API for a CoE's own systems (e.g. facility booking):
//! `GET /api/v1/qualifications?role=…&email=…` with `Authorization: Bearer
//! <token>`; the token answers for its CoE's roles only.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::Utc;
use serde::Deserialize;

use super::service::{self, QualificationAnswer};
use crate::db::{self, DbPool};
use crate::http::AppError;
use crate::http::middleware::ErrorEnvelope;

/// The question asked.
#[derive(Deserialize, utoipa::IntoParams)]
pub struct QualificationQuery {
    /// The role's slug (e.g. `cleanroom-operator`).
    role: String,
    /// The person's email address.
    email: String,
}

/// Is this person qualified for this role now? With the evidence per course.
#[utoipa::path(get, path = "/api/v1/qualifications", tag = "qualification",
    params(QualificationQuery, ("Authorization" = String, Header, description = "Bearer <token of your CoE>")),
    responses(
        (status = 200, body = QualificationAnswer),
        (status = 401, description = "No, unknown or revoked token", body = ErrorEnvelope),
        (status = 404, description = "No such role in the token's CoE, or no such person", body = ErrorEnvelope),
    ))]
#[get("/api/v1/qualifications")]
pub async fn qualification(
    request: HttpRequest,
    query: web::Query<QualificationQuery>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::to_owned)
        .ok_or_else(|| {
            AppError::Unauthorized(
                "Send `Authorization: Bearer <token>` with your CoE's API token.".to_owned(),
            )
        })?;
    let query = query.into_inner();
    let answer = db::run(&pool, move |connection| {
        let coe = service::coe_of_token(connection, &token)?;
        service::qualification(connection, coe, &query.role, &query.email, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(answer))
}
