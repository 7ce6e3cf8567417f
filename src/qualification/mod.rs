//! The training matrix and the qualification API: a CoE's job roles and
//! the courses each requires, who holds them, each holder's state per
//! requirement (current, due soon, overdue, expired — from certificates and
//! their expiry, so requalification flows in by itself), CSV and PDF exports, and
//! a token-authenticated API that answers "is this person qualified for
//! role X?" with the evidence.

pub mod api;
pub mod pages;
pub mod pdf;
pub mod queries;
pub mod service;
pub mod state;

/// The routes of the matrix and the qualification API.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(pages::matrix_csv)
        .service(pages::matrix_pdf)
        .service(pages::matrix_page)
        .service(pages::create_role)
        .service(pages::assign_role)
        .service(api::qualification);
}
