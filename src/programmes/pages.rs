//! Programme pages: the list, one programme with the viewer's progress and
//! an enrol button, and the network admins' page of course equivalences.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

use super::service::{self, CourseProgress, ProgrammeError, ProgrammeView};
use crate::db::{self, DbPool};
use crate::http::auth::{
    self, CsrfForm, CsrfProtected, CurrentUser, NetworkAdmin, TokenOnlyForm, Viewer,
};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};
use crate::i18n::Locale;

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
    programmes: Vec<ProgrammeItem>,
}

/// A programme in the list, with its required credits in the page's language.
#[derive(Serialize)]
struct ProgrammeItem {
    #[serde(flatten)]
    programme: ProgrammeView,
    /// "3.5 ECTS + 8 CPD hours", translated; None without credits.
    credits_text: Option<String>,
}

/// A course row of a programme page, its credits in the page's language.
#[derive(Serialize)]
struct CourseRow {
    #[serde(flatten)]
    course: CourseProgress,
    credits_text: Option<String>,
}

/// A credits label of the programme service ("3.5 ECTS", "8 CPD hours")
/// in the page's language; a label of another form is kept as it is.
fn credits_in(templates: &Templates, locale: Locale, label: &str) -> Result<String, AppError> {
    let parsed = label.split_once(' ').and_then(|(amount, unit)| {
        let amount: f64 = amount.parse().ok()?;
        let unit = match unit {
            "ECTS" => "ects",
            "CPD hours" => "cpd_hours",
            _ => return None,
        };
        Some((amount, unit))
    });
    match parsed {
        Some((amount, unit)) => {
            let mut args = FluentArgs::new();
            args.set("amount", amount);
            args.set("unit", unit);
            templates.message(locale, "card-credits-amount", Some(&args))
        }
        None => Ok(label.to_owned()),
    }
}

/// A programme's required credits as one translated text ("2 ECTS + 8 CPD hours").
fn total_credits_in(
    templates: &Templates,
    locale: Locale,
    programme: &ProgrammeView,
) -> Result<Option<String>, AppError> {
    if programme.total_credits.is_empty() {
        return Ok(None);
    }
    let parts = programme
        .total_credits
        .iter()
        .map(|label| credits_in(templates, locale, label))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(parts.join(" + ")))
}

/// Every programme.
#[get("/programmes")]
pub async fn list(
    viewer: Viewer,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let programmes = db::run(&pool, service::all)
        .await?
        .into_iter()
        .map(|programme| {
            Ok(ProgrammeItem {
                credits_text: total_credits_in(&templates, viewer.locale, &programme)?,
                programme,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/programmes",
        PageTitle::Message("title-programmes"),
        &ListPage { programmes },
    )
}

#[derive(Serialize)]
struct DetailPage {
    programme: ProgrammeView,
    /// The required courses' credits, translated.
    credits_text: Option<String>,
    /// The programme's courses, their credits translated.
    rows: Vec<CourseRow>,
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
    let credits_text = total_credits_in(&templates, viewer.locale, &programme)?;
    let rows = programme
        .courses
        .iter()
        .map(|course| {
            Ok(CourseRow {
                credits_text: course
                    .credits
                    .as_deref()
                    .map(|label| credits_in(&templates, viewer.locale, label))
                    .transpose()?,
                course: course.clone(),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/programme",
        PageTitle::Content(&title),
        &DetailPage {
            programme,
            credits_text,
            rows,
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
        PageTitle::Message("title-course-equivalences"),
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
