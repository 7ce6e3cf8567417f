//! The signing forms on a controlled document's lesson page: ask for a
//! code, then sign with it.

use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use serde::Deserialize;

use super::service::{self, SignatureError};
use crate::db::{self, DbPool};
use crate::http::AppError;
use crate::http::auth::{CsrfForm, CsrfProtected, CurrentUser, TokenOnlyForm};

impl From<SignatureError> for AppError {
    fn from(error: SignatureError) -> Self {
        match error {
            SignatureError::NotFound(message) => AppError::NotFound(message),
            SignatureError::Forbidden(message) => AppError::Forbidden(message),
            SignatureError::Refused(message) => AppError::BadRequest(message),
            SignatureError::Conflict(message) => AppError::Conflict(message),
            SignatureError::Db(error) => AppError::from(error),
        }
    }
}

fn back(course: &str, module: &str, lesson: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("/courses/{course}/{module}/{lesson}#signature"),
        ))
        .finish()
}

/// Emails a one-time code for signing the document.
#[post("/courses/{slug}/{module}/{lesson}/signature/code")]
pub async fn request_code(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let (course, module, lesson) = path.into_inner();
    let (c, m, l) = (course.clone(), module.clone(), lesson.clone());
    db::run(&pool, move |connection| {
        service::request_code(connection, &user, &c, &m, &l, Utc::now())
    })
    .await?;
    Ok(back(&course, &module, &lesson))
}

/// The signing form: the code from the email.
#[derive(Deserialize)]
pub struct SignForm {
    csrf_token: String,
    code: String,
}

impl CsrfProtected for SignForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Signs the document as read and understood.
#[post("/courses/{slug}/{module}/{lesson}/signature")]
pub async fn sign(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    form: CsrfForm<SignForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let (course, module, lesson) = path.into_inner();
    let (c, m, l) = (course.clone(), module.clone(), lesson.clone());
    let code = form.0.code;
    db::run(&pool, move |connection| {
        service::sign(connection, &user, &c, &m, &l, &code, Utc::now())
    })
    .await?;
    Ok(back(&course, &module, &lesson))
}
