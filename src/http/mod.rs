//! What every page and API handler shares at the web edge: the error type
//! and its rendering (JSON envelope under `/api`, an HTML page elsewhere),
//! the template renderer, pagination, static assets, CSV downloads and the
//! middleware for request ids and security headers.

pub mod assets;
pub mod auth;
pub mod csv;
pub mod error;
pub mod health;
pub mod middleware;
pub mod openapi;
pub mod pagination;
pub mod templates;

pub use error::AppError;
pub use templates::Templates;
