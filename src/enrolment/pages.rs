//! Enrolment pages and forms: enrol, withdraw, mark a lesson complete,
//! "My learning", and the coordinator's page for requests and sessions.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

use super::cohort;
use super::queries::{self, EnrolmentId};
use super::service::{self, EnrolMethod, EnrolmentError};
use crate::catalog::cache::CatalogueCache;
use crate::db::{self, DbError, DbPool};
use crate::hands_on::queries::{self as session_queries, BookingId, SessionId};
use crate::hands_on::service::{self as hands_on, SessionError, SessionInput};
use crate::http::auth::{
    self, CsrfForm, CsrfProtected, CurrentUser, TokenOnlyForm, UnconfirmedUser,
};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};
use crate::identity::models::Role;

impl From<EnrolmentError> for AppError {
    fn from(error: EnrolmentError) -> Self {
        match error {
            EnrolmentError::NotFound(message) => AppError::NotFound(message),
            EnrolmentError::Refused(message) => AppError::BadRequest(message),
            EnrolmentError::PrerequisitesMissing { message, .. } => AppError::BadRequest(message),
            EnrolmentError::Forbidden(message) => AppError::Forbidden(message),
            EnrolmentError::Conflict(message) => AppError::Conflict(message),
            EnrolmentError::NotSignedIn => auth::sign_in_needed(),
            EnrolmentError::Db(error) => AppError::from(error),
        }
    }
}

impl From<SessionError> for AppError {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::NotFound(message) => AppError::NotFound(message),
            SessionError::Refused(message) => AppError::BadRequest(message),
            SessionError::Forbidden(message) => AppError::Forbidden(message),
            SessionError::Db(error) => AppError::from(error),
        }
    }
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// A form with an optional reason.
#[derive(Deserialize)]
pub struct ReasonForm {
    csrf_token: String,
    #[serde(default)]
    reason: String,
}

impl CsrfProtected for ReasonForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Enrols the signed-in person (or asks for a place, where approval is needed).
#[post("/courses/{slug}/enrol")]
pub async fn enrol(
    current: CurrentUser,
    slug: web::Path<String>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let user_id = current.0.id;
    let target = format!("/courses/{slug}");
    db::run(&pool, move |connection| {
        service::enrol(
            connection,
            user_id,
            &slug,
            EnrolMethod::SelfService,
            None,
            Utc::now(),
        )
    })
    .await?;
    Ok(see_other(&target))
}

/// Withdraws an enrolment (the learner's own, or by a coordinator with a reason).
#[post("/enrolments/{id}/withdraw")]
pub async fn withdraw(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    form: CsrfForm<ReasonForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let id = EnrolmentId(id.into_inner());
    let reason = form.0.reason;
    let back = db::run(&pool, move |connection| {
        service::withdraw(connection, &user, id, Some(&reason))?;
        let enrolment = queries::lock_enrolment(connection, id)?
            .ok_or_else(|| EnrolmentError::NotFound("The enrolment vanished.".to_owned()))?;
        if enrolment.user_id == user.id {
            Ok::<_, EnrolmentError>("/learning".to_owned())
        } else {
            let coe = crate::catalog::queries::coe_slug_of_course(connection, enrolment.course_id)?;
            Ok(format!("/coordinate/{coe}"))
        }
    })
    .await?;
    Ok(see_other(&back))
}

/// Marks a lesson as done and moves on to the next one.
#[post("/courses/{slug}/{module}/{lesson}/complete")]
pub async fn complete_lesson(
    unconfirmed: UnconfirmedUser,
    path: web::Path<(String, String, String)>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
) -> Result<HttpResponse, AppError> {
    let (course, module, lesson) = path.into_inner();
    let course_page = format!("/courses/{course}");
    let (_, progress) = auth::run_as_claimant(unconfirmed, &pool, move |connection, claimant| {
        Ok(service::complete_lesson(
            connection, &cache, claimant, &course, &module, &lesson,
        )?)
    })
    .await?;
    Ok(see_other(&progress.next_lesson_path.unwrap_or(course_page)))
}

#[derive(Serialize)]
struct LearningPage<'a> {
    items: Vec<LearningCard<'a>>,
}

/// One course on "My learning", with only what its card shows (the API
/// gives the whole [`service::LearningItem`]).
#[derive(Serialize)]
struct LearningCard<'a> {
    course_slug: &'a str,
    course_title: &'a str,
    language: &'a str,
    version: i32,
    /// The interface message naming the enrolment's status.
    status_message: &'static str,
    completed_at: Option<DateTime<Utc>>,
    due_at: Option<DateTime<Utc>>,
    percent: u32,
    /// The next lesson, while the course is in progress.
    next_lesson_path: Option<&'a str>,
    next_lesson_title: Option<&'a str>,
}

impl<'a> LearningCard<'a> {
    fn of(item: &'a service::LearningItem) -> Result<Self, AppError> {
        let progress = &item.progress;
        let status_message = match (progress.status.as_str(), progress.completed_at) {
            ("active", _) => "learning-status-active",
            ("pending", _) => "learning-status-pending",
            ("completed", Some(_)) => "learning-status-completed-on",
            ("completed", None) => "learning-status-completed",
            ("withdrawn", _) => "learning-status-withdrawn",
            ("declined", _) => "learning-status-declined",
            (other, _) => {
                return Err(AppError::internal(anyhow::anyhow!(
                    "an enrolment has the unknown status {other:?}"
                )));
            }
        };
        let in_progress = progress.status == "active";
        Ok(LearningCard {
            course_slug: &item.course_slug,
            course_title: &item.course_title,
            language: &item.language,
            version: item.version,
            status_message,
            completed_at: progress.completed_at,
            due_at: progress.due_at,
            percent: progress.percent,
            next_lesson_path: progress.next_lesson_path.as_deref().filter(|_| in_progress),
            next_lesson_title: progress
                .next_lesson_title
                .as_deref()
                .filter(|_| in_progress),
        })
    }
}

/// "My learning": every course with progress, next lesson, due date and status.
#[get("/learning")]
pub async fn my_learning(
    unconfirmed: UnconfirmedUser,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let (CurrentUser(_, viewer), items) =
        auth::run_as_claimant(unconfirmed, &pool, move |connection, claimant| {
            Ok(service::my_learning(connection, &cache, claimant)?)
        })
        .await?;
    let page = LearningPage {
        items: items
            .iter()
            .map(LearningCard::of)
            .collect::<Result<_, _>>()?,
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/learning",
        PageTitle::Message("title-my-learning"),
        &page,
    )
}

#[derive(Serialize)]
struct PendingRequest {
    id: String,
    learner: String,
    email: String,
    course: String,
    requested_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct EnrolledLearner {
    id: String,
    learner: String,
    email: String,
    course: String,
    status: String,
}

#[derive(Serialize)]
struct CoordinatePage {
    coe_slug: String,
    coe_name: String,
    pending: Vec<PendingRequest>,
    enrolled: Vec<EnrolledLearner>,
    courses: Vec<(String, String)>,
    csrf_token: String,
}

/// The coordinator's page for one CoE: pending requests and scheduling.
#[get("/coordinate/{coe}")]
pub async fn coordinate(
    current: CurrentUser,
    coe: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let slug = coe.into_inner();
    let page = db::run(&pool, move |connection| {
        let coe = crate::network::queries::coe_by_slug(connection, &slug)?.ok_or_else(|| {
            AppError::NotFound("There is no such Centre of Excellence.".to_owned())
        })?;
        if !user.has_coe_role(Role::Coordinator, coe.id) {
            return Err(AppError::Forbidden(
                "This page is for the coordinators of this CoE.".to_owned(),
            ));
        }
        let pending = queries::enrolments_for_coe(connection, coe.id, "pending")
            .map_err(DbError::Query)?
            .into_iter()
            .map(|(enrolment, learner, email, course)| PendingRequest {
                id: enrolment.id.to_string(),
                learner,
                email,
                course,
                requested_at: enrolment.requested_at,
            })
            .collect();
        let courses =
            crate::catalog::queries::courses_of_coe(connection, coe.id).map_err(DbError::Query)?;
        let enrolled = queries::enrolments_for_coe(connection, coe.id, "active")
            .map_err(DbError::Query)?
            .into_iter()
            .map(|(enrolment, learner, email, course)| EnrolledLearner {
                id: enrolment.id.to_string(),
                learner,
                email,
                course,
                status: enrolment.status,
            })
            .collect();
        Ok(CoordinatePage {
            coe_slug: coe.slug,
            coe_name: coe.name,
            pending,
            enrolled,
            courses,
            csrf_token: String::new(),
        })
    })
    .await?;
    let page = CoordinatePage {
        csrf_token: auth::csrf_token(&viewer.session)?,
        ..page
    };
    let mut args = FluentArgs::new();
    args.set("coe", page.coe_name.clone());
    let title = templates.message(viewer.locale, "coordinate-title", Some(&args))?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/coordinate",
        PageTitle::Content(&title),
        &page,
    )
}

/// A coordinator's decision.
#[derive(Deserialize)]
pub struct DecisionForm {
    csrf_token: String,
    decision: String,
    #[serde(default)]
    reason: String,
}

impl CsrfProtected for DecisionForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Approves or declines a pending request.
#[post("/coordinate/enrolments/{id}/decision")]
pub async fn decide(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    form: CsrfForm<DecisionForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let form = form.0;
    let approve = match form.decision.as_str() {
        "approve" => true,
        "decline" => false,
        _ => {
            return Err(AppError::BadRequest(
                "The decision must be approve or decline.".to_owned(),
            ));
        }
    };
    let id = EnrolmentId(id.into_inner());
    let back = db::run(&pool, move |connection| {
        service::decide(connection, &user, id, approve, Some(&form.reason))?;
        let enrolment = queries::lock_enrolment(connection, id)?
            .ok_or_else(|| EnrolmentError::NotFound("The request vanished.".to_owned()))?;
        let slug = crate::catalog::queries::coe_slug_of_course(connection, enrolment.course_id)?;
        Ok::<_, EnrolmentError>(format!("/coordinate/{slug}"))
    })
    .await?;
    Ok(see_other(&back))
}

/// A session to schedule, from the coordinator's form.
#[derive(Deserialize)]
pub struct ScheduleForm {
    csrf_token: String,
    course: String,
    title: String,
    location: String,
    starts_at: String,
    ends_at: String,
    seats: String,
}

impl CsrfProtected for ScheduleForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

fn parse_time(raw: &str, field: &str) -> Result<DateTime<Utc>, AppError> {
    NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M")
        .map(|time| time.and_utc())
        .or_else(|_| DateTime::parse_from_rfc3339(raw.trim()).map(|time| time.with_timezone(&Utc)))
        .map_err(|_| {
            AppError::BadRequest(format!(
                "{field} must be a date and time such as 2027-03-01T09:00 (UTC)."
            ))
        })
}

/// Schedules a hands-on session.
#[post("/coordinate/sessions")]
pub async fn schedule_session(
    current: CurrentUser,
    form: CsrfForm<ScheduleForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let form = form.0;
    let input = SessionInput {
        course_slug: form.course.trim().to_owned(),
        title: form.title,
        location: form.location,
        starts_at: parse_time(&form.starts_at, "The start")?,
        ends_at: parse_time(&form.ends_at, "The end")?,
        seats: form.seats.trim().parse().map_err(|_| {
            AppError::BadRequest("Seats must be a whole number from 1 to 1000.".to_owned())
        })?,
    };
    let id = db::run(&pool, move |connection| {
        hands_on::schedule(connection, &user, &input, Utc::now())
    })
    .await?;
    Ok(see_other(&format!("/coordinate/sessions/{id}")))
}

#[derive(Serialize)]
struct BookingRow {
    id: String,
    learner: String,
    email: String,
    status: String,
}

#[derive(Serialize)]
struct SessionPage {
    session: session_queries::TrainingSession,
    bookings: Vec<BookingRow>,
    csrf_token: String,
}

/// A session's bookings and waitlist, with attendance marking.
#[get("/coordinate/sessions/{id}")]
pub async fn session_page(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let id = SessionId(id.into_inner());
    let (session, bookings) = db::run(&pool, move |connection| {
        let session = session_queries::lock_session(connection, id)?
            .ok_or_else(|| AppError::NotFound("There is no such session.".to_owned()))?;
        if !user.has_coe_role(Role::Coordinator, session.coe_id) {
            return Err(AppError::Forbidden(
                "This page is for the coordinators of the session's CoE.".to_owned(),
            ));
        }
        let bookings = session_queries::bookings_of(connection, id)?;
        Ok((session, bookings))
    })
    .await?;
    let page = SessionPage {
        bookings: bookings
            .into_iter()
            .map(|(booking, learner, email)| BookingRow {
                id: booking.id.to_string(),
                learner,
                email,
                status: booking.status,
            })
            .collect(),
        csrf_token: auth::csrf_token(&viewer.session)?,
        session,
    };
    let title = page.session.title.clone();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/session",
        PageTitle::Content(&title),
        &page,
    )
}

/// Books a seat (or a waitlist place) in a session.
#[post("/sessions/{id}/book")]
pub async fn book(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user_id = current.0.id;
    let id = SessionId(id.into_inner());
    let slug = db::run(&pool, move |connection| {
        hands_on::book(connection, user_id, id, Utc::now())?;
        session_slug(connection, id)
    })
    .await?;
    Ok(see_other(&format!("/courses/{slug}")))
}

fn session_slug(
    connection: &mut diesel::PgConnection,
    id: SessionId,
) -> Result<String, SessionError> {
    let session = session_queries::lock_session(connection, id)?
        .ok_or_else(|| SessionError::NotFound("There is no such session.".to_owned()))?;
    Ok(crate::catalog::queries::course_slug(
        connection,
        session.course_id,
    )?)
}

/// Gives up the signed-in person's place in a session.
#[post("/sessions/{id}/cancel")]
pub async fn cancel_booking(
    current: CurrentUser,
    id: web::Path<uuid::Uuid>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let id = SessionId(id.into_inner());
    let slug = db::run(&pool, move |connection| {
        hands_on::cancel(connection, &user, id, user.id, None, Utc::now())?;
        session_slug(connection, id)
    })
    .await?;
    Ok(see_other(&format!("/courses/{slug}")))
}

/// Attendance for one booking.
#[derive(Deserialize)]
pub struct AttendanceForm {
    csrf_token: String,
    attended: String,
}

impl CsrfProtected for AttendanceForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Marks a booked learner as attended or absent.
#[post("/coordinate/sessions/{id}/bookings/{booking}/attendance")]
pub async fn mark_attendance(
    current: CurrentUser,
    path: web::Path<(uuid::Uuid, uuid::Uuid)>,
    form: CsrfForm<AttendanceForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let (session, booking) = path.into_inner();
    let attended = match form.0.attended.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("Attendance is yes or no.".to_owned())),
    };
    db::run(&pool, move |connection| {
        hands_on::mark_attendance(
            connection,
            &user,
            SessionId(session),
            BookingId(booking),
            attended,
        )
    })
    .await?;
    Ok(see_other(&format!("/coordinate/sessions/{session}")))
}

/// The cohort upload form.
#[derive(actix_multipart::form::MultipartForm)]
pub struct CohortUpload {
    csrf_token: actix_multipart::form::text::Text<String>,
    course: actix_multipart::form::text::Text<String>,
    due: Option<actix_multipart::form::text::Text<String>>,
    file: actix_multipart::form::bytes::Bytes,
}

/// A row problem, worded in the coordinator's language.
#[derive(Serialize)]
struct ProblemRow {
    line: usize,
    message: String,
}

#[derive(Serialize)]
struct CohortResultPage {
    coe_slug: String,
    course: String,
    report: Option<cohort::CohortReport>,
    /// The report's lines of learners already enrolled, e.g. "3, 7", and how many.
    already_enrolled_lines: String,
    already_enrolled_count: usize,
    problems: Vec<ProblemRow>,
    message: Option<String>,
}

/// A cohort message in the viewer's language.
fn cohort_text(
    templates: &Templates,
    locale: crate::i18n::Locale,
    message: &cohort::CohortMessage,
) -> Result<String, AppError> {
    let mut args = FluentArgs::new();
    for (name, value) in &message.args {
        match value {
            cohort::MessageArg::Text(text) => args.set(*name, text.clone()),
            cohort::MessageArg::Number(number) => args.set(*name, *number),
        }
    }
    templates.message(locale, message.id, Some(&args))
}

/// Enrols a cohort from a CSV file: all rows or none, with a per-row report.
#[post("/coordinate/{coe}/cohort")]
pub async fn upload_cohort(
    current: CurrentUser,
    coe: web::Path<String>,
    form: actix_multipart::form::MultipartForm<CohortUpload>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let form = form.into_inner();
    auth::verify_csrf(&viewer.session, &form.csrf_token)?;
    let course = form.course.into_inner();
    let due_at = match form
        .due
        .map(|due| due.into_inner())
        .filter(|due| !due.trim().is_empty())
    {
        Some(due) => Some(
            chrono::NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d")
                .map_err(|_| {
                    AppError::BadRequest(
                        "The due date must be a date such as 2027-03-01.".to_owned(),
                    )
                })?
                .and_time(chrono::NaiveTime::MIN)
                .and_utc(),
        ),
        None => None,
    };
    let coe_slug = coe.into_inner();
    let parsed = cohort::parse(&form.file.data);
    let course_for_job = course.clone();
    let outcome = match parsed {
        Ok(rows) => {
            db::run(&pool, move |connection| {
                cohort::enrol_cohort(
                    connection,
                    &user,
                    &course_for_job,
                    &rows,
                    due_at,
                    Utc::now(),
                )
                .map_err(CohortOutcome::from)
            })
            .await
        }
        Err(error) => Err(CohortOutcome::from(error)),
    };
    let (status, page) = match outcome {
        Ok(report) => (
            StatusCode::OK,
            CohortResultPage {
                coe_slug,
                course,
                already_enrolled_lines: report
                    .already_enrolled
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                already_enrolled_count: report.already_enrolled.len(),
                report: Some(report),
                problems: Vec::new(),
                message: None,
            },
        ),
        Err(CohortOutcome::Rejected(message, problems)) => (
            StatusCode::BAD_REQUEST,
            CohortResultPage {
                coe_slug,
                course,
                report: None,
                already_enrolled_lines: String::new(),
                already_enrolled_count: 0,
                problems: problems
                    .iter()
                    .map(|problem| {
                        Ok(ProblemRow {
                            line: problem.line,
                            message: cohort_text(&templates, viewer.locale, &problem.message)?,
                        })
                    })
                    .collect::<Result<_, AppError>>()?,
                message: Some(cohort_text(&templates, viewer.locale, &message)?),
            },
        ),
        Err(CohortOutcome::Failed(error)) => return Err(error),
    };
    templates.page(
        &viewer.shell(),
        status,
        "pages/cohort_result",
        PageTitle::Message("title-cohort-enrolment"),
        &page,
    )
}

/// How a cohort upload ended when it did not enrol anyone.
enum CohortOutcome {
    /// The file or its rows were refused: shown to the coordinator.
    Rejected(cohort::CohortMessage, Vec<cohort::RowProblem>),
    Failed(AppError),
}

impl From<cohort::CohortError> for CohortOutcome {
    fn from(error: cohort::CohortError) -> Self {
        match error {
            cohort::CohortError::File(message) => CohortOutcome::Rejected(message, Vec::new()),
            cohort::CohortError::Rows(problems) => CohortOutcome::Rejected(
                cohort::CohortMessage {
                    id: "cohort-rows-have-problems",
                    args: vec![(
                        "count",
                        cohort::MessageArg::Number(
                            i64::try_from(problems.len()).unwrap_or(i64::MAX),
                        ),
                    )],
                },
                problems,
            ),
            cohort::CohortError::Enrolment(error) => CohortOutcome::Failed(error.into()),
        }
    }
}

impl From<DbError> for CohortOutcome {
    fn from(error: DbError) -> Self {
        CohortOutcome::Failed(error.into())
    }
}
