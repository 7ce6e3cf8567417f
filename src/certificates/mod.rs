//! Certificates: issued once when a course (later, a programme) is
//! completed, printed as a PDF with a QR code, carried as an Open Badges 3.0
//! credential (VC-JWT, Ed25519), verifiable by anyone from its code at
//! `/verify/{code}`, revocable with a reason, and renewed by requalifying
//! before they expire or when a new version requires retraining.

pub mod api;
pub mod badge;
pub mod code;
pub mod keys;
pub mod pages;
pub mod pdf;
pub mod queries;
pub mod service;

use crate::http::auth::FailureAuditBudget;

/// Per-client limit on verification look-ups (a code is 55 random bits; the
/// limit keeps guessing slow and cheap to refuse).
pub struct VerificationRateLimit(pub FailureAuditBudget);

/// The routes of certificates, credentials and verification.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(pages::my_certificates)
        .service(pages::certificate_pdf)
        .service(pages::credential_jwt)
        .service(pages::credential_json)
        .service(pages::requalify)
        .service(pages::certificate_page)
        .service(pages::verify_form)
        .service(pages::verify_page)
        .service(pages::admin_certificates)
        .service(pages::admin_revoke)
        .service(pages::jwks)
        .service(pages::published_key)
        .service(pages::issuer_profile)
        .service(pages::revocation_list)
        .service(api::my_certificates)
        .service(api::verify)
        .service(api::revoke)
        .service(api::one);
}
