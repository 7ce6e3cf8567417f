//! The catalogue's JSON API under `/api/v1`: the same filters and rules as
//! the pages, documented in the OpenAPI document.

use std::collections::HashMap;

use actix_web::{HttpResponse, get, web};

use super::cache::CatalogueCache;
use super::service::{self, CatalogError, CatalogueQuery, CatalogueResult, CourseDetail};
use crate::db::{self, DbPool};
use crate::http::AppError;
use crate::http::middleware::ErrorEnvelope;

/// Search and filter the active catalogue.
#[utoipa::path(
    get,
    path = "/api/v1/courses",
    tag = "catalogue",
    params(
        ("q" = Option<String>, Query, description = "Full-text search (quotes for phrases, `-word` to exclude); at most 200 characters"),
        ("audience" = Option<String>, Query, description = "public, scientists, clinicians, gmp_staff or stakeholders"),
        ("coe" = Option<String>, Query, description = "Owning CoE slug"),
        ("topic" = Option<String>, Query, description = "A course tag"),
        ("language" = Option<String>, Query, description = "Language code, e.g. en"),
        ("level" = Option<String>, Query, description = "introductory, intermediate or advanced"),
        ("page" = Option<u32>, Query, description = "Page number from 1 (default 1)"),
        ("per_page" = Option<u32>, Query, description = "Results per page, 1 to 100 (default 20)"),
    ),
    responses(
        (status = 200, description = "One page of courses", body = CatalogueResult),
        (status = 400, description = "A parameter is not valid", body = ErrorEnvelope),
    )
)]
#[get("/api/v1/courses")]
pub async fn list_courses(
    params: web::Query<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let params = params.into_inner();
    let query = CatalogueQuery::parse(|name| params.get(name).cloned())?;
    let cache = cache.into_inner();
    let (result, _) = db::run(&pool, move |connection| {
        service::search_with_facets(connection, &cache, &query)
    })
    .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// One course's current version, with its syllabus.
#[utoipa::path(
    get,
    path = "/api/v1/courses/{slug}",
    tag = "catalogue",
    params(("slug" = String, Path, description = "The course's slug")),
    responses(
        (status = 200, description = "The course", body = CourseDetail),
        (status = 404, description = "No such course", body = ErrorEnvelope),
    )
)]
#[get("/api/v1/courses/{slug}")]
pub async fn get_course(
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let course = db::run(&pool, move |connection| {
        service::course_detail(connection, &slug, None)
    })
    .await
    .map_err(|error: CatalogError| AppError::from(error))?;
    Ok(HttpResponse::Ok().json(course))
}
