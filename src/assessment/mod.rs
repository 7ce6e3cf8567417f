//! Assessments: question banks in Moodle's GIFT format (import and export).
//! The attempt engine (drawing, timing, grading, review) builds on these
//! questions.

pub mod api;
pub mod gift;
pub mod grading;
pub mod kept;
pub mod pages;
pub mod queries;
pub mod service;
pub mod views;

/// The assessment routes.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(api::start)
        .service(api::read)
        .service(api::save)
        .service(api::submit)
        .service(pages::overview)
        .service(pages::start)
        .service(pages::attempt_page)
        .service(pages::save_or_submit)
        .service(pages::regrade)
        .service(pages::check_gift)
        .service(pages::download_bank)
        .service(pages::review_queue)
        .service(pages::grade_essay);
}
