//! The network: Centres of Excellence with their expertise and facilities,
//! and the institutions whose people use the platform. Read by the
//! catalogue and the pages; written by the course file sync.

pub mod models;
pub mod pages;
pub mod queries;
pub mod service;

pub use models::{Coe, CoeFields, Facility, FacilityFields, Institution, InstitutionFields};

/// The network's pages.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config.service(pages::network_page).service(pages::coe_page);
}
