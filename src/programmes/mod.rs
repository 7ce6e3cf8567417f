//! Cross-CoE programmes: curricula of required and elective courses from
//! several CoEs (defined in `courses/programmes.toml`), programme enrolment
//! and progress, the programme certificate, and recognition of equivalent
//! courses by network admins.

pub mod files;
pub mod pages;
pub mod queries;
pub mod service;

/// The routes of programmes and equivalences.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(pages::list)
        .service(pages::enrol)
        .service(pages::detail)
        .service(pages::equivalences_page)
        .service(pages::add_equivalence);
}
