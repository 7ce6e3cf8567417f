//! The network's pages: all CoEs, and one CoE with its facilities and courses.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::service::{self, CoeView};
use crate::catalog::service::{self as catalog, CatalogError, CatalogueQuery, CourseCard};
use crate::db::{self, DbPool};
use crate::http::auth::Viewer;
use crate::http::{AppError, Templates};

#[derive(Serialize)]
struct NetworkPage {
    coes: Vec<CoeView>,
}

/// Every CoE of the network with its expertise and facilities.
#[get("/network")]
pub async fn network_page(
    viewer: Viewer,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let coes = db::run(&pool, service::network_overview).await?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/network",
        "The network",
        &NetworkPage { coes },
    )
}

#[derive(Serialize)]
struct CoePage {
    coe: CoeView,
    courses: Vec<CourseCard>,
}

/// One CoE: what it does, its facilities, the courses it owns.
#[get("/network/{slug}")]
pub async fn coe_page(
    viewer: Viewer,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let page = db::run(&pool, move |connection| {
        let coe = service::coe_detail(connection, &slug)?.ok_or_else(|| {
            CatalogError::NotFound("There is no such Centre of Excellence.".to_owned())
        })?;
        let query = CatalogueQuery::parse(|name| match name {
            "coe" => Some(slug.clone()),
            "per_page" => Some("100".to_owned()),
            _ => None,
        })?;
        let courses = catalog::search(connection, &query)?.courses;
        Ok::<_, CatalogError>(CoePage { coe, courses })
    })
    .await?;
    let title = page.coe.name.clone();
    templates.page(&viewer.shell(), StatusCode::OK, "pages/coe", &title, &page)
}
