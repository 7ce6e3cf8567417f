//! The course catalogue: courses, their immutable versions, modules and
//! lessons as learners and visitors see them — search and filters, the
//! course page, lesson pages — and the JSON API over the same rules.
//! Writing courses belongs to `course_files` (and later the web editor).

pub mod api;
pub mod cache;
pub mod models;
pub mod pages;
pub mod publishing;
pub mod queries;
pub mod service;

pub use models::{Audience, CreditType, EnrolmentMethod, Level};

/// The catalogue's pages and API routes.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(pages::home)
        .service(pages::catalogue_page)
        .service(pages::course_page)
        .service(pages::lesson_attachment)
        .service(pages::lesson_page)
        .service(api::list_courses)
        .service(api::get_course);
}
