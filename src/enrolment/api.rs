//! The JSON API for enrolments and progress under `/api/v1`, for the
//! signed-in person (cookie session; state changes need `X-CSRF-Token`).

use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::queries::EnrolmentId;
use super::service::{self, EnrolMethod, EnrolOutcome, EnrolmentError, LearningItem, Progress};
use crate::catalog::cache::CatalogueCache;
use crate::db::{self, DbPool};
use crate::http::AppError;
use crate::http::auth::{self, CsrfHeader, CurrentUser};
use crate::http::middleware::ErrorEnvelope;
use crate::identity::claimant::Claimant;

/// Who is signed in, and the token for state-changing API calls.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// Send as `X-CSRF-Token` with every POST.
    pub csrf_token: String,
}

/// The signed-in person.
#[utoipa::path(get, path = "/api/v1/me", tag = "learning",
    responses((status = 200, body = Me), (status = 401, body = ErrorEnvelope)))]
#[get("/api/v1/me")]
pub async fn me(current: CurrentUser) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    Ok(HttpResponse::Ok().json(Me {
        id: user.id.to_string(),
        email: user.email,
        display_name: user.display_name,
        csrf_token: auth::csrf_token(&viewer.session)?,
    }))
}

/// My enrolments with progress ("My learning").
#[utoipa::path(get, path = "/api/v1/me/enrolments", tag = "learning",
    responses((status = 200, body = Vec<LearningItem>), (status = 401, body = ErrorEnvelope)))]
#[get("/api/v1/me/enrolments")]
pub async fn my_enrolments(
    current: CurrentUser,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let items = db::run(&pool, move |connection| {
        service::my_learning(connection, &cache, Claimant::confirmed(user_id))
    })
    .await?;
    Ok(HttpResponse::Ok().json(items))
}

/// The result of an enrolment request.
#[derive(Serialize, utoipa::ToSchema)]
pub struct EnrolResponse {
    pub status: EnrolOutcome,
}

/// Enrol in a course (or ask for a place where approval is needed).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/enrolments", tag = "learning",
    params(("slug" = String, Path, description = "The course"), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    responses(
        (status = 201, body = EnrolResponse),
        (status = 400, description = "Closed window, unmet prerequisites or archived course", body = ErrorEnvelope),
        (status = 401, body = ErrorEnvelope), (status = 403, description = "Missing or wrong CSRF token", body = ErrorEnvelope),
        (status = 404, body = ErrorEnvelope), (status = 409, description = "Already enrolled", body = ErrorEnvelope),
    ))]
#[post("/api/v1/courses/{slug}/enrolments")]
pub async fn enrol(
    current: CurrentUser,
    _csrf: CsrfHeader,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let slug = slug.into_inner();
    let status = db::run(&pool, move |connection| {
        service::enrol(
            connection,
            user_id,
            &slug,
            EnrolMethod::SelfService,
            None,
            Utc::now(),
        )
    })
    .await?;
    Ok(HttpResponse::Created().json(EnrolResponse { status }))
}

/// Why a learner withdraws (optional for their own enrolment).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct WithdrawRequest {
    pub reason: Option<String>,
}

/// Withdraw an enrolment.
#[utoipa::path(post, path = "/api/v1/enrolments/{id}/withdraw", tag = "learning",
    params(("id" = String, Path, description = "The enrolment"), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    request_body(content = WithdrawRequest, description = "Optional for your own enrolment; required for a coordinator"),
    responses((status = 204), (status = 403, body = ErrorEnvelope), (status = 404, body = ErrorEnvelope), (status = 409, body = ErrorEnvelope)))]
#[post("/api/v1/enrolments/{id}/withdraw")]
pub async fn withdraw(
    current: CurrentUser,
    _csrf: CsrfHeader,
    id: web::Path<uuid::Uuid>,
    body: Option<web::Json<WithdrawRequest>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let id = EnrolmentId(id.into_inner());
    let reason = body.and_then(|body| body.into_inner().reason);
    db::run(&pool, move |connection| {
        service::withdraw(connection, &user, id, reason.as_deref())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark a lesson of my enrolled version as done.
#[utoipa::path(post, path = "/api/v1/courses/{slug}/lessons/{module}/{lesson}/complete", tag = "learning",
    params(("slug" = String, Path), ("module" = String, Path), ("lesson" = String, Path), ("X-CSRF-Token" = String, Header, description = "From GET /api/v1/me")),
    responses((status = 200, body = Progress), (status = 400, description = "Not enrolled", body = ErrorEnvelope), (status = 404, body = ErrorEnvelope)))]
#[post("/api/v1/courses/{slug}/lessons/{module}/{lesson}/complete")]
pub async fn complete_lesson(
    current: CurrentUser,
    _csrf: CsrfHeader,
    path: web::Path<(String, String, String)>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let (course, module, lesson) = path.into_inner();
    let progress = db::run(&pool, move |connection| {
        service::complete_lesson(
            connection,
            &cache,
            Claimant::confirmed(user_id),
            &course,
            &module,
            &lesson,
        )
    })
    .await?;
    Ok(HttpResponse::Ok().json(progress))
}

/// My progress in a course (my latest enrolment).
#[utoipa::path(get, path = "/api/v1/courses/{slug}/progress", tag = "learning",
    params(("slug" = String, Path)),
    responses((status = 200, body = Progress), (status = 401, body = ErrorEnvelope), (status = 404, description = "Not enrolled", body = ErrorEnvelope)))]
#[get("/api/v1/courses/{slug}/progress")]
pub async fn my_progress(
    current: CurrentUser,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let slug = slug.into_inner();
    let found = db::run(&pool, move |connection| {
        let course_id = crate::catalog::queries::course_id_by_slug(connection, &slug)?
            .ok_or_else(|| EnrolmentError::NotFound(format!("There is no course \"{slug}\".")))?;
        let enrolment = super::queries::latest_enrolment(connection, user_id, course_id)?
            .ok_or_else(|| {
                EnrolmentError::NotFound("You have never enrolled in this course.".to_owned())
            })?;
        service::progress_in(connection, &enrolment, &slug)
    })
    .await?;
    Ok(HttpResponse::Ok().json(found))
}
