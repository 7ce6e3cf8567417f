//! Read and understood: electronic signatures on controlled documents
//! (lessons marked as SOPs with an id and version). The signer re-enters a
//! one-time code sent to their email; the signature records identity,
//! time, meaning and the document version, and never changes.

pub mod pages;
pub mod service;

/// The routes of signing.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config.service(pages::request_code).service(pages::sign);
}
