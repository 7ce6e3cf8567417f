//! The network's pages: all CoEs, and one CoE with its facilities and courses.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::service::{self, CoeView};
use crate::catalog::service::{self as catalog, CatalogError, CatalogueQuery, CourseCard};
use crate::db::{self, DbPool};
use crate::http::auth::Viewer;
use crate::http::templates::PageTitle;
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
        PageTitle::Message("title-the-network"),
        &NetworkPage { coes },
    )
}

#[derive(Serialize)]
struct CoePage {
    coe: CoeDetail,
    courses: Vec<CourseCard>,
}

/// A CoE as its page shows it: the facility kinds as interface messages.
#[derive(Serialize)]
struct CoeDetail {
    slug: String,
    name: String,
    city: String,
    country: String,
    summary: String,
    expertise: Vec<String>,
    facilities: Vec<FacilityItem>,
}

#[derive(Serialize)]
struct FacilityItem {
    name: String,
    /// The interface message naming the facility's kind (`coe-facility-…`).
    kind_label_id: &'static str,
    description: String,
}

impl From<CoeView> for CoeDetail {
    fn from(coe: CoeView) -> Self {
        CoeDetail {
            slug: coe.slug,
            name: coe.name,
            city: coe.city,
            country: coe.country,
            summary: coe.summary,
            expertise: coe.expertise,
            facilities: coe
                .facilities
                .into_iter()
                .map(|facility| FacilityItem {
                    kind_label_id: facility_kind_message(&facility.kind),
                    name: facility.name,
                    description: facility.description,
                })
                .collect(),
        }
    }
}

/// The interface message for a facility kind (the kinds the database allows).
fn facility_kind_message(kind: &str) -> &'static str {
    match kind {
        "gmp_suite" => "coe-facility-gmp_suite",
        "vector_core" => "coe-facility-vector_core",
        "clinical_trial_unit" => "coe-facility-clinical_trial_unit",
        "laboratory" => "coe-facility-laboratory",
        "training_centre" => "coe-facility-training_centre",
        _ => "coe-facility-other",
    }
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
        Ok::<_, CatalogError>(CoePage {
            coe: CoeDetail::from(coe),
            courses,
        })
    })
    .await?;
    let title = page.coe.name.clone();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/coe",
        PageTitle::Content(&title),
        &page,
    )
}
