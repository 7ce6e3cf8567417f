//! Assessment pages: the overview (rules, attempts so far, start or
//! continue), the attempt (all questions on one page, saved on each submit,
//! works without JavaScript) and the result with feedback.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::Serialize;

use super::kept::KeptAssessment;
use super::queries::{Attempt, AttemptId};
use super::service::{self, AssessmentError};
use super::views::{self, AttemptView};
use crate::catalog::cache::CatalogueCache;
use fluent_bundle::FluentArgs;

use crate::db::{self, DbPool};
use crate::http::auth::{self, CsrfForm, CurrentUser, UnconfirmedUser};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};

impl From<AssessmentError> for AppError {
    fn from(error: AssessmentError) -> Self {
        match error {
            AssessmentError::NotFound(message) => AppError::NotFound(message),
            AssessmentError::Refused(message) => AppError::BadRequest(message),
            AssessmentError::Conflict(message) => AppError::Conflict(message),
            AssessmentError::Forbidden(message) => AppError::Forbidden(message),
            AssessmentError::NotSignedIn => auth::sign_in_needed(),
            AssessmentError::Enrolment(error) => error.into(),
            AssessmentError::Db(error) => error.into(),
        }
    }
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

#[derive(Serialize)]
struct OverviewPage {
    #[serde(flatten)]
    overview: service::Overview,
    csrf_token: String,
}

/// The assessment of a module: rules and attempts.
#[get("/courses/{slug}/{module}/assessment")]
pub async fn overview(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let (course, module) = path.into_inner();
    let overview = db::run(&pool, move |connection| {
        service::overview(connection, &cache, user.id, &course, &module)
    })
    .await?;
    let title = overview.title.clone();
    let page = OverviewPage {
        overview,
        csrf_token: auth::csrf_token(&viewer.session)?,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/assessment",
        PageTitle::Content(&title),
        &page,
    )
}

/// Starts an attempt (or continues the open one).
#[post("/courses/{slug}/{module}/assessment/start")]
pub async fn start(
    unconfirmed: UnconfirmedUser,
    path: web::Path<(String, String)>,
    _form: CsrfForm<crate::http::auth::TokenOnlyForm>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let (course, module) = path.into_inner();
    let (_, attempt) = auth::run_as_claimant(unconfirmed, &pool, move |connection, claimant| {
        Ok(service::start(
            connection,
            &cache,
            claimant,
            &course,
            &module,
            Utc::now(),
        )?)
    })
    .await?;
    Ok(see_other(&format!("/attempts/{attempt}")))
}

#[derive(Serialize)]
struct AttemptPage {
    #[serde(flatten)]
    attempt: AttemptView,
    csrf_token: String,
}

/// An attempt: the questions while in progress, the result once submitted.
#[get("/attempts/{id}")]
pub async fn attempt_page(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    query: web::Query<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let id = AttemptId(id.into_inner());
    let page_number = query
        .get("q")
        .and_then(|q| q.parse::<usize>().ok())
        .unwrap_or(1);
    let attempt = db::run(&pool, move |connection| {
        let mut view = views::attempt_view(connection, user.id, id, Utc::now())?;
        let one_per_page = views::one_per_page(connection, id)?;
        views::paginate(&mut view, one_per_page, page_number);
        Ok::<_, AssessmentError>(view)
    })
    .await?;
    let mut args = FluentArgs::new();
    args.set("title", attempt.title.clone());
    args.set("number", attempt.number);
    let title = templates.message(viewer.locale, "attempt-title", Some(&args))?;
    let page = AttemptPage {
        attempt,
        csrf_token: auth::csrf_token(&viewer.session)?,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/attempt",
        PageTitle::Content(&title),
        &page,
    )
}

/// Saves the answers on the page; with `action=submit`, also submits.
#[post("/attempts/{id}")]
pub async fn save_or_submit(
    unconfirmed: UnconfirmedUser,
    id: web::Path<uuid::Uuid>,
    form: web::Form<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    auth::verify_csrf(
        unconfirmed.session(),
        form.get("csrf_token")
            .map(String::as_str)
            .unwrap_or_default(),
    )?;
    let id = AttemptId(id.into_inner());
    let action = form.get("action").cloned().unwrap_or_default();
    let submit = action == "submit";
    let target_page = action
        .strip_prefix("page-")
        .and_then(|page| page.parse::<usize>().ok());
    auth::run_as_claimant(unconfirmed, &pool, move |connection, claimant| {
        let given = |attempt: &Attempt, assessment: &KeptAssessment| {
            views::answers_from_form(attempt, assessment, &form)
        };
        if submit {
            service::submit(connection, &cache, claimant, id, given, Utc::now())?;
        } else {
            service::save_answers(connection, &cache, claimant, id, given, Utc::now())?;
        }
        Ok(())
    })
    .await?;
    let next_page = target_page
        .map(|page| format!("?q={page}"))
        .unwrap_or_default();
    Ok(see_other(&format!("/attempts/{id}{next_page}")))
}

#[derive(Serialize)]
struct ReviewPage {
    essays: Vec<service::EssayToGrade>,
    csrf_token: String,
}

/// The essays waiting for this instructor or assessor.
#[get("/review")]
pub async fn review_queue(
    current: CurrentUser,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let essays = db::run(&pool, move |connection| {
        service::review_queue(connection, &user)
    })
    .await?;
    let page = ReviewPage {
        essays,
        csrf_token: auth::csrf_token(&viewer.session)?,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/review",
        PageTitle::Message("title-essays-to-grade"),
        &page,
    )
}

/// An instructor's grade of one essay.
#[derive(serde::Deserialize)]
pub struct EssayGradeForm {
    csrf_token: String,
    percent: String,
    comment: String,
}

impl crate::http::auth::CsrfProtected for EssayGradeForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Grades one essay answer with a comment.
#[post("/review/{attempt}/{question}")]
pub async fn grade_essay(
    current: CurrentUser,
    path: web::Path<(uuid::Uuid, uuid::Uuid)>,
    form: CsrfForm<EssayGradeForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let (attempt, question) = path.into_inner();
    let form = form.0;
    let percent: f64 =
        form.percent.trim().replace(',', ".").parse().map_err(|_| {
            AppError::BadRequest("The mark must be a number from 0 to 100.".to_owned())
        })?;
    db::run(&pool, move |connection| {
        service::grade_essay(
            connection,
            &user,
            AttemptId(attempt),
            super::queries::QuestionId(question),
            percent,
            &form.comment,
        )
    })
    .await?;
    Ok(see_other("/review"))
}

/// A regrade request.
#[derive(serde::Deserialize)]
pub struct RegradeForm {
    csrf_token: String,
    course: String,
    module: String,
    reason: String,
}

impl crate::http::auth::CsrfProtected for RegradeForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

#[derive(Serialize)]
struct RegradePage {
    course: String,
    module: String,
    report: service::RegradeReport,
}

/// Regrades earlier answers with the current version's questions.
#[post("/review/regrade")]
pub async fn regrade(
    current: CurrentUser,
    form: CsrfForm<RegradeForm>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let form = form.0;
    let (course, module) = (form.course.trim().to_owned(), form.module.trim().to_owned());
    let (job_course, job_module) = (course.clone(), module.clone());
    let report = db::run(&pool, move |connection| {
        service::regrade(connection, &user, &job_course, &job_module, &form.reason)
    })
    .await?;
    let page = RegradePage {
        course,
        module,
        report,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/regrade",
        PageTitle::Message("title-regrade"),
        &page,
    )
}

/// A module's question bank as a GIFT file (instructors and assessors).
#[get("/courses/{slug}/{module}/assessment/bank.gift")]
pub async fn download_bank(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let (course, module) = path.into_inner();
    let filename = format!("{course}-{module}.gift");
    let bank = db::run(&pool, move |connection| {
        service::export_bank_for(connection, &user, &course, &module)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(header::ContentDisposition {
            disposition: header::DispositionType::Attachment,
            parameters: vec![header::DispositionParam::Filename(filename)],
        })
        .body(bank))
}

/// A GIFT file to check.
#[derive(actix_multipart::form::MultipartForm)]
pub struct GiftUpload {
    csrf_token: actix_multipart::form::text::Text<String>,
    file: actix_multipart::form::bytes::Bytes,
}

/// Why a GIFT file could not be read.
#[derive(Serialize)]
struct GiftProblem {
    /// The file is not UTF-8 text.
    not_utf8: bool,
    /// The line of the first problem, and the parser's (English) words for it.
    line: Option<usize>,
    detail: Option<String>,
}

#[derive(Serialize)]
struct GiftCheckPage {
    error: Option<GiftProblem>,
    /// Line, question type (as stored, e.g. `true_false`) and title or text.
    questions: Vec<(usize, String, String)>,
}

/// Checks an uploaded GIFT file and lists its questions, or names the line
/// of the first problem.
#[post("/review/gift-check")]
pub async fn check_gift(
    current: CurrentUser,
    form: actix_multipart::form::MultipartForm<GiftUpload>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(_, viewer) = current;
    let form = form.into_inner();
    auth::verify_csrf(&viewer.session, &form.csrf_token)?;
    let page = match std::str::from_utf8(&form.file.data) {
        Err(_) => GiftCheckPage {
            error: Some(GiftProblem {
                not_utf8: true,
                line: None,
                detail: None,
            }),
            questions: Vec::new(),
        },
        Ok(text) => match super::gift::parse(text) {
            Err(error) => GiftCheckPage {
                error: Some(GiftProblem {
                    not_utf8: false,
                    line: Some(error.line),
                    detail: Some(error.message),
                }),
                questions: Vec::new(),
            },
            Ok(questions) => GiftCheckPage {
                error: None,
                questions: questions
                    .iter()
                    .map(|question| {
                        let kind = serde_json::to_value(&question.kind)
                            .ok()
                            .and_then(|value| {
                                value
                                    .get("type")
                                    .and_then(|kind| kind.as_str())
                                    .map(str::to_owned)
                            })
                            .unwrap_or_default();
                        (
                            question.line,
                            kind,
                            question
                                .title
                                .clone()
                                .unwrap_or_else(|| question.text.chars().take(80).collect()),
                        )
                    })
                    .collect(),
            },
        },
    };
    let status = if page.error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    templates.page(
        &viewer.shell(),
        status,
        "pages/gift_check",
        PageTitle::Message("title-gift-check"),
        &page,
    )
}
