//! One error type for the web edge. Handlers return `Result<_, AppError>`;
//! context errors convert into it. A 500 is logged once with its whole cause
//! chain and shown to the person as an opaque message with the request id;
//! every 4xx carries a message a person can act on. `middleware::render_errors`
//! turns the error into a JSON envelope or an HTML page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;

/// An error that ends a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is malformed: the message says what to change.
    #[error("{0}")]
    BadRequest(String),
    /// Signing in is needed.
    #[error("{0}")]
    Unauthorized(String),
    /// Signed in, but not allowed.
    #[error("{0}")]
    Forbidden(String),
    /// No such thing (or not visible to this person).
    #[error("{0}")]
    NotFound(String),
    /// The request conflicts with the current state.
    #[error("{0}")]
    Conflict(String),
    /// The upload or body is larger than allowed.
    #[error("{0}")]
    PayloadTooLarge(String),
    /// Too many requests; try later.
    #[error("{0}")]
    TooManyRequests(String),
    /// The database is busy or unreachable: retry later.
    #[error("the service is busy; please try again in a moment")]
    Unavailable(#[source] anyhow::Error),
    /// A bug or an unexpected failure: logged, never shown in detail.
    #[error("something went wrong on our side; the error has been logged")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    /// Wraps an unexpected failure.
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(error.into())
    }

    /// A stable machine-readable code for the JSON envelope.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized(_) => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::TooManyRequests(_) => "too_many_requests",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<DbError> for AppError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::Busy(_) => AppError::Unavailable(error.into()),
            DbError::Task(_) | DbError::Query(_) => AppError::Internal(error.into()),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        AppError::from(DbError::Query(error))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(cause) | AppError::Unavailable(cause) = self {
            tracing::error!(error = format!("{cause:#}"), "request failed");
        }
        // The body is written by `middleware::render_errors`, which knows
        // whether the request wants JSON or HTML.
        HttpResponse::build(self.status_code()).finish()
    }
}

/// Maps an extractor's rejection (bad path, query, form or JSON) to a 400
/// that says what was wrong.
pub fn extractor_error(error: impl std::fmt::Display) -> actix_web::Error {
    AppError::BadRequest(format!("The request could not be read: {error}.")).into()
}
