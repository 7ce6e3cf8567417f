//! Middleware every response passes through: it stamps the request id on
//! the response (`X-Request-Id`, also in the logs' span), and turns error
//! responses into a JSON envelope under `/api` or an HTML error page
//! elsewhere, so no error leaves the server with an empty or raw body.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{HttpMessage, HttpResponse, web};
use serde::Serialize;
use tracing_actix_web::RequestId;

use super::auth::{self, Shell};
use super::templates::PageTitle;
use super::{AppError, Templates};
use crate::i18n::Locale;

/// The JSON error envelope of the API.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

/// What went wrong, for a program and for a person.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
}

#[derive(Serialize)]
struct ErrorPage<'a> {
    status: u16,
    heading_id: &'a str,
    message: &'a str,
    server_failure: bool,
    request_id: Option<&'a str>,
}

/// Stamps the request id and renders error bodies (see the module docs).
pub async fn finish_response(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let wants_json = request.path() == "/api" || request.path().starts_with("/api/");
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .map(ToString::to_string);
    let mut response = next.call(request).await?.map_into_boxed_body();
    if let Some(id) = request_id
        .as_deref()
        .and_then(|id| HeaderValue::from_str(id).ok())
    {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-request-id"), id);
    }
    let status = response.status();
    let Some(error) = response.response().error() else {
        return Ok(response);
    };
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    let (code, message) = match error.as_error::<AppError>() {
        Some(app_error) => (app_error.code().to_owned(), app_error.to_string()),
        None if status.is_client_error() => ("bad_request".to_owned(), error.to_string()),
        None => (
            "internal".to_owned(),
            AppError::internal(anyhow::anyhow!("")).to_string(),
        ),
    };
    let body = if wants_json {
        json_error(status, code, message, request_id)
    } else {
        let templates = response
            .request()
            .app_data::<web::Data<Templates>>()
            .cloned();
        let known_locale = response.request().extensions().get::<Locale>().copied();
        let locale = known_locale.unwrap_or_else(|| auth::request_locale(response.request(), None));
        let here = auth::here(response.request());
        html_error(
            templates.as_ref().map(|data| data.as_ref()),
            &Shell::anonymous(locale, here),
            status,
            &message,
            request_id.as_deref(),
        )
    };
    let (http_request, original) = response.into_parts();
    let mut replacement = body;
    for (name, value) in original.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            replacement
                .headers_mut()
                .append(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(http_request, replacement))
}

fn json_error(
    status: StatusCode,
    code: String,
    message: String,
    request_id: Option<String>,
) -> HttpResponse {
    HttpResponse::build(status).json(ErrorEnvelope {
        error: ErrorBody {
            status: status.as_u16(),
            code,
            message,
            request_id,
        },
    })
}

/// The error page, its heading in the viewer's language. The message comes
/// from the service in English and is marked `lang="en"`; server failures
/// get a translated message of their own.
fn html_error(
    templates: Option<&Templates>,
    shell: &Shell,
    status: StatusCode,
    message: &str,
    request_id: Option<&str>,
) -> HttpResponse {
    let heading_id = match status {
        StatusCode::NOT_FOUND => "error-heading-not-found",
        StatusCode::BAD_REQUEST => "error-heading-bad-request",
        StatusCode::UNAUTHORIZED => "error-heading-unauthorized",
        StatusCode::FORBIDDEN => "error-heading-forbidden",
        StatusCode::CONFLICT => "error-heading-conflict",
        StatusCode::TOO_MANY_REQUESTS => "error-heading-too-many-requests",
        StatusCode::SERVICE_UNAVAILABLE => "error-heading-unavailable",
        _ if status.is_server_error() => "error-heading-internal",
        _ => "error-heading-other",
    };
    let page = ErrorPage {
        status: status.as_u16(),
        heading_id,
        message,
        server_failure: status.is_server_error(),
        request_id,
    };
    let rendered = templates.map(|templates| {
        templates.page(
            shell,
            status,
            "pages/error",
            PageTitle::Message(heading_id),
            &page,
        )
    });
    match rendered {
        Some(Ok(response)) => response,
        Some(Err(error)) => {
            tracing::error!(error = %error, "rendering the error page failed");
            HttpResponse::build(status).body(format!("{message}\n"))
        }
        None => HttpResponse::build(status).body(format!("{message}\n")),
    }
}

/// Security headers on every response: a CSP without inline scripts, no
/// framing, no MIME sniffing, a strict referrer policy.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}
