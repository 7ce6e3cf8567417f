//! The OpenAPI document of `/api/v1`, served at `/api/v1/openapi.json`.

use actix_web::{HttpResponse, get};
use utoipa::OpenApi;

/// Every documented API route.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "ATMP Academy API",
        version = "1",
        description = "The JSON API of ATMP Academy. Errors share one envelope: {\"error\": {status, code, message, request_id}}."
    ),
    paths(
        crate::catalog::api::list_courses,
        crate::catalog::api::get_course,
        crate::enrolment::api::me,
        crate::enrolment::api::my_enrolments,
        crate::enrolment::api::enrol,
        crate::enrolment::api::withdraw,
        crate::enrolment::api::complete_lesson,
        crate::enrolment::api::my_progress,
        crate::assessment::api::start,
        crate::assessment::api::read,
        crate::assessment::api::save,
        crate::assessment::api::submit,
        crate::certificates::api::my_certificates,
        crate::certificates::api::one,
        crate::certificates::api::verify,
        crate::certificates::api::revoke,
        crate::qualification::api::qualification,
    )
)]
pub struct ApiDoc;

/// The OpenAPI document.
#[get("/api/v1/openapi.json")]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
