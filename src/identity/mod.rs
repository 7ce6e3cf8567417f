//! Identity and access: accounts created just in time, institutional sign-in
//! through OpenID Connect providers, email sign-in links, scoped roles, the
//! profile with data export and deletion request. Extractors that enforce
//! sign-in and roles on every handler live in `http::auth`.

pub mod admin_pages;
pub mod claimant;
pub mod models;
pub mod oidc;
pub mod pages;
pub mod queries;
pub mod service;

/// The sign-in and account routes.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config
        .service(pages::login_page)
        .service(pages::request_email_link)
        .service(pages::confirm_email_link_page)
        .service(pages::confirm_email_link)
        .service(pages::start_oidc)
        .service(pages::oidc_callback)
        .service(pages::sign_out)
        .service(pages::profile_page)
        .service(pages::export_profile)
        .service(pages::request_deletion)
        .service(admin_pages::providers_page)
        .service(admin_pages::add_provider);
}
