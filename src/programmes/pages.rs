//! Programme pages: the list, one programme with the viewer's progress and
//! an enrol button, and the network admins' page of course equivalences.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::service::{self, ProgrammeError, ProgrammeView};
use crate::db::{self, DbPool};
use crate::http::auth::{
    self, CsrfForm, CsrfProtected, CurrentUser, NetworkAdmin, TokenOnlyForm, Viewer,
};
use crate::http::{AppError, Templates};

impl From<ProgrammeError> for AppError {
    fn from(error: ProgrammeError) -> Self {
        match error {
            ProgrammeError::NotFound(message) => AppError::NotFound(message),
            ProgrammeError::Forbidden(message) => AppError::Forbidden(message),
            ProgrammeError::Refused(message) => AppError::BadRequest(message),
            ProgrammeError::Conflict(message) => AppError::Conflict(message),
            ProgrammeError::Db(error) => AppError::from(error),
        }
    }
}

#[derive(Serialize)]
struct ListPage {
    programmes: Vec<ProgrammeView>,
}

/// Every programme.
#[get("/programmes")]
pub async fn list(
    viewer: Viewer,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let programmes = db::run(&pool, service::all).await?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/programmes",
        "Programmes",
        &ListPage { programmes },
    )
}

#[derive(Serialize)]
struct DetailPage {
    programme: ProgrammeView,
    signed_in: bool,
    csrf_token: Option<String>,
}

/// One programme: tracks, courses, credits, and the viewer's progress.
#[get("/programmes/{slug}")]
pub async fn detail(
    viewer: Viewer,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let user = viewer.user.as_ref().map(|user| user.id);
    let programme = db::run(&pool, move |connection| {
        service::one(connection, &slug, user)
    })
    .await?;
    let csrf_token = match &viewer.user {
        Some(_) => Some(auth::csrf_token(&viewer.session)?),
        None => None,
    };
    let title = programme.title.clone();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/programme",
        &title,
        &DetailPage {
            programme,
            signed_in: viewer.user.is_some(),
            csrf_token,
        },
    )
}

/// Enrols the signed-in person in a programme (and its required courses).
#[post("/programmes/{slug}/enrol")]
pub async fn enrol(
    current: CurrentUser,
    slug: web::Path<String>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0.id;
    let slug = slug.into_inner();
    let target = format!("/programmes/{slug}");
    db::run(&pool, move |connection| {
        service::enrol(connection, user, &slug, Utc::now())
    })
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .finish())
}

#[derive(Serialize)]
struct EquivalencesPage {
    equivalences: Vec<super::queries::EquivalenceLine>,
    csrf_token: String,
}

/// Network admins: the recorded equivalences and a form to add one.
#[get("/admin/equivalences")]
pub async fn equivalences_page(
    admin: NetworkAdmin,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let NetworkAdmin(_, viewer) = admin;
    let equivalences = db::run(&pool, |connection| {
        super::queries::equivalence_lines(connection).map_err(AppError::from)
    })
    .await?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/admin_equivalences",
        "Course equivalences",
        &EquivalencesPage {
            equivalences,
            csrf_token: auth::csrf_token(&viewer.session)?,
        },
    )
}

/// The equivalence form.
#[derive(Deserialize)]
pub struct EquivalenceForm {
    csrf_token: String,
    course: String,
    equivalent_to: String,
    #[serde(default)]
    reason: String,
}

impl CsrfProtected for EquivalenceForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Records that two courses are equivalent.
#[post("/admin/equivalences")]
pub async fn add_equivalence(
    admin: NetworkAdmin,
    form: CsrfForm<EquivalenceForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let NetworkAdmin(user, _) = admin;
    let form = form.0;
    db::run(&pool, move |connection| {
        service::add_equivalence(
            connection,
            &user,
            &form.course,
            &form.equivalent_to,
            &form.reason,
        )
    })
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/admin/equivalences"))
        .finish())
}
