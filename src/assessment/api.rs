//! The JSON API for attempts under `/api/v1`: start, save answers, submit,
//! and read an attempt (questions while in progress; marks and feedback
//! once graded, as the assessment's policy allows).

use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::Deserialize;

use super::grading::Answer;
use super::kept::KeptAssessment;
use super::queries::{Attempt, AttemptId, QuestionId};
use super::service::{self, AttemptResult};
use super::views::{self, AttemptView};
use crate::catalog::cache::CatalogueCache;
use crate::db::{self, DbPool};
use crate::http::AppError;
use crate::http::auth::{CsrfHeader, CurrentUser};
use crate::http::middleware::ErrorEnvelope;
use crate::identity::claimant::Claimant;

/// The new or resumed attempt.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct StartedAttempt {
    pub attempt_id: String,
}

/// Start an attempt at a module's assessment (or get the one in progress).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/modules/{module}/attempts", tag = "assessment",
    params(("slug" = String, Path), ("module" = String, Path), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    responses((status = 201, body = StartedAttempt), (status = 400, description = "Not enrolled, no attempts left, or cooling down", body = ErrorEnvelope), (status = 404, body = ErrorEnvelope)))]
#[post("/api/v1/courses/{slug}/modules/{module}/attempts")]
pub async fn start(
    current: CurrentUser,
    _csrf: CsrfHeader,
    path: web::Path<(String, String)>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let (course, module) = path.into_inner();
    let attempt = db::run(&pool, move |connection| {
        service::start(
            connection,
            &cache,
            Claimant::confirmed(user_id),
            &course,
            &module,
            Utc::now(),
        )
    })
    .await?;
    Ok(HttpResponse::Created().json(StartedAttempt {
        attempt_id: attempt.to_string(),
    }))
}

/// Read an attempt.
#[utoipa::path(get, path = "/api/v1/attempts/{id}", tag = "assessment",
    params(("id" = String, Path)),
    responses((status = 200, body = AttemptView), (status = 404, body = ErrorEnvelope)))]
#[get("/api/v1/attempts/{id}")]
pub async fn read(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let id = AttemptId(id.into_inner());
    let view = db::run(&pool, move |connection| {
        views::attempt_view(connection, user_id, id, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// One answer to save.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct SaveAnswer {
    pub question_id: uuid::Uuid,
    /// `{"type": "choice", "value": 0}`, `{"type": "choices", "value": [0, 2]}`,
    /// `{"type": "bool", "value": true}`, `{"type": "text", "value": "CAT"}`,
    /// `{"type": "matches", "value": ["1", null]}` or `{"type": "blank"}`.
    #[schema(value_type = Object)]
    pub answer: Answer,
}

/// Save answers (all or none) while the attempt is open.
#[utoipa::path(post, path = "/api/v1/attempts/{id}/answers", tag = "assessment",
    params(("id" = String, Path), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    request_body = Vec<SaveAnswer>,
    responses((status = 204), (status = 400, description = "An answer does not fit, or the time is up", body = ErrorEnvelope), (status = 404, body = ErrorEnvelope), (status = 409, description = "Already submitted", body = ErrorEnvelope)))]
#[post("/api/v1/attempts/{id}/answers")]
pub async fn save(
    current: CurrentUser,
    _csrf: CsrfHeader,
    id: web::Path<uuid::Uuid>,
    answers: web::Json<Vec<SaveAnswer>>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let id = AttemptId(id.into_inner());
    let answers: Vec<(QuestionId, Answer)> = answers
        .into_inner()
        .into_iter()
        .map(|save| (QuestionId(save.question_id), save.answer))
        .collect();
    db::run(&pool, move |connection| {
        service::save_answers(
            connection,
            &cache,
            Claimant::confirmed(user_id),
            id,
            |_: &Attempt, _: &KeptAssessment| Ok(answers),
            Utc::now(),
        )
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Submit an attempt for grading.
#[utoipa::path(post, path = "/api/v1/attempts/{id}/submit", tag = "assessment",
    params(("id" = String, Path), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    responses((status = 200, body = AttemptResult), (status = 404, body = ErrorEnvelope), (status = 409, description = "Already submitted", body = ErrorEnvelope)))]
#[post("/api/v1/attempts/{id}/submit")]
pub async fn submit(
    current: CurrentUser,
    _csrf: CsrfHeader,
    id: web::Path<uuid::Uuid>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let id = AttemptId(id.into_inner());
    let result = db::run(&pool, move |connection| {
        service::submit(
            connection,
            &cache,
            Claimant::confirmed(user_id),
            id,
            |_: &Attempt, _: &KeptAssessment| Ok(Vec::new()),
            Utc::now(),
        )
    })
    .await?;
    Ok(HttpResponse::Ok().json(result))
}
