//! Enrolment and progress: learners enrol (open, by approval, or in a
//! cohort), are bound to the course version current at enrolment, record
//! lesson completion, and complete courses by rule. Coordinators decide on
//! requests and enrol cohorts.

pub mod api;
pub mod cohort;
pub mod outline;
pub mod pages;
pub mod queries;
pub mod service;

/// Enrolment, progress, coordination and session routes.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(api::me)
        .service(api::my_enrolments)
        .service(api::enrol)
        .service(api::withdraw)
        .service(api::complete_lesson)
        .service(api::my_progress)
        .service(pages::enrol)
        .service(pages::withdraw)
        .service(pages::complete_lesson)
        .service(pages::my_learning)
        .service(pages::decide)
        .service(pages::schedule_session)
        .service(pages::session_page)
        .service(pages::upload_cohort)
        .service(pages::coordinate)
        .service(pages::book)
        .service(pages::cancel_booking)
        .service(pages::mark_attendance);
}
