//! Network reports: the key performance indicators the network's roadmap
//! reports on — enrolments, completions, assessment pass rates,
//! certificates issued, valid and expiring, and outreach reach — per CoE or
//! network-wide, month by month for a year, as server-drawn SVG charts with
//! the numbers in a table, and as CSV.

pub mod pages;
pub mod queries;
pub mod service;
pub mod svg;

/// The routes of the reports.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(pages::reports_csv)
        .service(pages::reports_page);
}
