//! The catalogue's HTML pages: home, catalogue with filters, course page,
//! lesson page. Handlers parse, call the service, render.

use crate::attachments::{self, AttachmentStore};
use crate::http::templates::PageTitle;
use std::collections::HashMap;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::cache::CatalogueCache;
use super::models::{Audience, Level};
use super::queries::Facets;
use super::service::{
    self, CatalogError, CatalogueQuery, CatalogueResult, CourseCard, CourseDetail, KeptCourse,
    LessonView,
};
use crate::db::DbPool;
use crate::enrolment::queries::{GradedByModule, StandingWanted};
use crate::enrolment::service::{self as enrolment_service, Progress, ReadingAccess};
use crate::hands_on::service::{self as hands_on_service, SessionView};
use crate::http::auth::{self, Confirming, UnconfirmedViewer};
use crate::http::{AppError, Templates};
use crate::i18n::Locale;
use crate::ids::{CourseVersionId, LessonId};
use chrono::Utc;
use fluent_bundle::FluentArgs;

impl From<CatalogError> for AppError {
    fn from(error: CatalogError) -> Self {
        match error {
            CatalogError::BadFilter(message) => AppError::BadRequest(message),
            CatalogError::NotFound(message) => AppError::NotFound(message),
            CatalogError::Db(error) => AppError::from(error),
        }
    }
}

/// A choice in a filter's drop-down. What `label` holds depends on the
/// filter: a message id for audiences and levels (the template translates
/// it), the language's own name for languages, data (a CoE's name, a
/// topic) otherwise.
#[derive(Serialize)]
struct FilterOption {
    value: String,
    label: String,
    selected: bool,
}

fn options(
    values: impl IntoIterator<Item = (String, String)>,
    selected: Option<&str>,
) -> Vec<FilterOption> {
    values
        .into_iter()
        .map(|(value, label)| FilterOption {
            selected: selected == Some(value.as_str()),
            value,
            label,
        })
        .collect()
}

#[derive(Serialize)]
struct HomePage {
    courses: Vec<CourseCard>,
    course_count: i64,
    coe_count: usize,
    audiences: Vec<FilterOption>,
}

/// The home page: what the Academy is, a search box, the courses.
#[get("/")]
pub async fn home(
    unconfirmed: UnconfirmedViewer,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let query = CatalogueQuery::parse(|name| (name == "per_page").then(|| "6".to_owned()))?;
    let cache = cache.into_inner();
    let (viewer, (result, facets)) = auth::run_viewing(unconfirmed, &pool, move |connection, _| {
        Ok(service::search_with_facets(connection, &cache, &query)?)
    })
    .await?;
    let page = HomePage {
        course_count: result.page.total,
        courses: result.courses,
        coe_count: facets.coes.len(),
        audiences: options(
            Audience::ALL.iter().map(|audience| {
                (
                    audience.as_str().to_owned(),
                    audience.message_id().to_owned(),
                )
            }),
            None,
        ),
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/home",
        PageTitle::Message("title-atmp-academy"),
        &page,
    )
}

#[derive(Serialize)]
struct CataloguePage {
    result: CatalogueResult,
    q: String,
    audiences: Vec<FilterOption>,
    coes: Vec<FilterOption>,
    topics: Vec<FilterOption>,
    languages: Vec<FilterOption>,
    levels: Vec<FilterOption>,
    filtered: bool,
    first_shown: i64,
    last_shown: i64,
    previous_href: Option<String>,
    next_href: Option<String>,
}

/// The catalogue: search and filter the network's courses.
#[get("/courses")]
pub async fn catalogue_page(
    unconfirmed: UnconfirmedViewer,
    params: web::Query<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let params = params.into_inner();
    let query = CatalogueQuery::parse(|name| params.get(name).cloned())?;
    let for_search = query.clone();
    let cache = cache.into_inner();
    let (viewer, (result, facets)) = auth::run_viewing(unconfirmed, &pool, move |connection, _| {
        Ok(service::search_with_facets(
            connection,
            &cache,
            &for_search,
        )?)
    })
    .await?;
    let page = catalogue_page_context(&query, result, facets);
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/catalogue",
        PageTitle::Message("title-course-catalogue"),
        &page,
    )
}

fn catalogue_page_context(
    query: &CatalogueQuery,
    result: CatalogueResult,
    facets: Facets,
) -> CataloguePage {
    let filter = &query.filter;
    let shown = i64::try_from(result.courses.len()).unwrap_or(0);
    let first_shown = if shown == 0 {
        0
    } else {
        query.page.offset() + 1
    };
    let href_for_page = |page: u32| {
        let pairs: Vec<(&str, String)> = [
            ("q", filter.text.clone()),
            ("audience", filter.audience.clone()),
            ("coe", filter.coe.clone()),
            ("topic", filter.topic.clone()),
            ("language", filter.language.clone()),
            ("level", filter.level.clone()),
            ("per_page", Some(query.page.per_page.to_string())),
            ("page", Some(page.to_string())),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| (name, value)))
        .collect();
        format!(
            "/courses?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    };
    let page_number = query.page.page;
    let previous_href = (page_number > 1).then(|| href_for_page(page_number - 1));
    let next_href =
        (i64::from(page_number) < result.page.total_pages).then(|| href_for_page(page_number + 1));
    CataloguePage {
        q: filter.text.clone().unwrap_or_default(),
        audiences: options(
            Audience::ALL
                .iter()
                .filter(|audience| {
                    facets
                        .audiences
                        .iter()
                        .any(|present| present == audience.as_str())
                })
                .map(|audience| {
                    (
                        audience.as_str().to_owned(),
                        audience.message_id().to_owned(),
                    )
                }),
            filter.audience.as_deref(),
        ),
        coes: options(facets.coes, filter.coe.as_deref()),
        topics: options(
            facets
                .topics
                .into_iter()
                .map(|topic| (topic.clone(), topic)),
            filter.topic.as_deref(),
        ),
        languages: options(
            facets
                .languages
                .into_iter()
                .map(|code| (code.clone(), language_own_name(&code))),
            filter.language.as_deref(),
        ),
        levels: options(
            Level::ALL
                .iter()
                .filter(|level| {
                    facets
                        .levels
                        .iter()
                        .any(|present| present == level.as_str())
                })
                .map(|level| (level.as_str().to_owned(), level.message_id().to_owned())),
            filter.level.as_deref(),
        ),
        filtered: *filter != super::queries::CatalogueFilter::default(),
        first_shown,
        last_shown: first_shown + shown - i64::from(shown > 0),
        previous_href,
        next_href,
        result,
    }
}

/// A course language's name in that language ("Deutsch", "Français"), as
/// the catalogue's language filter and the course page show it (marked
/// with `lang`); a code we have no name for is shown as it is.
fn language_own_name(code: &str) -> String {
    match code {
        "en" => "English",
        "de" => "Deutsch",
        "fr" => "Français",
        "it" => "Italiano",
        "es" => "Español",
        "nl" => "Nederlands",
        "sv" => "Svenska",
        "pt" => "Português",
        "pl" => "Polski",
        other => other,
    }
    .to_owned()
}

/// A course page: summary, facts, syllabus, and for a signed-in person
/// their enrolment, progress and the course's hands-on sessions. An
/// enrolled learner sees the version they enrolled in.
#[get("/courses/{slug}")]
pub async fn course_page(
    unconfirmed: UnconfirmedViewer,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let csrf_token = unconfirmed.csrf_token_if_claimed()?;
    let kept = cache.clone();
    let (viewer, (course, enrolment, sessions, syllabus)) =
        auth::run_viewing(unconfirmed, &pool, move |connection, confirming| {
            let ViewerAccess {
                generation,
                access,
                shown,
                lessons_done,
                grades,
                ..
            } = access_for_viewer(
                connection,
                &cache,
                &slug,
                confirming,
                StandingWanted {
                    lesson: None,
                    grades: true,
                },
            )?;
            let course = Arc::clone(&shown.detail);
            let enrolment = match &access.enrolment {
                Some(enrolment) => Some(enrolment_service::kept_progress(
                    connection,
                    &cache,
                    generation,
                    enrolment,
                    &lessons_done,
                    grades.summaries(enrolment.id),
                )?),
                None => None,
            };
            let sessions = hands_on_service::sessions_for(
                connection,
                course.course_id,
                confirming.confirmed().map(|user| user.id),
                Utc::now(),
            )?;
            let syllabus = SyllabusKey {
                generation,
                version: shown.version_id,
            };
            Ok::<_, AppError>((course, enrolment, sessions, syllabus))
        })
        .await?;
    let page = CoursePage {
        language_name: language_own_name(&course.language),
        still_to_pass: enrolment
            .as_ref()
            .filter(|progress| !progress.assessments_outstanding.is_empty())
            .map(|progress| progress.assessments_outstanding.join(", ")),
        syllabus_html: kept_syllabus(&templates, &kept, syllabus, &course, viewer.locale)?,
        course,
        enrolment,
        sessions,
        csrf_token,
    };
    let title = page.course.title.clone();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/course",
        PageTitle::Content(&title),
        &page,
    )
}

/// What a viewer may do with a course's lessons, the kept content of the
/// version they see (their enrolled one, else the current one), and whether
/// their enrolment completed the lesson asked about.
struct ViewerAccess {
    /// The catalogue generation `shown` was kept under.
    generation: i64,
    access: ReadingAccess,
    shown: Arc<KeptCourse>,
    lesson_done: bool,
    /// Every lesson the viewer's enrolment has completed.
    lessons_done: Vec<LessonId>,
    /// The viewer's enrolment's graded attempts, when asked for.
    grades: GradedByModule,
}

/// Reads the viewer's standing in one statement, confirming the person the
/// session claims from it, then the course's content kept under the
/// catalogue generation read with it: a signed-in page with the course in
/// memory costs one query here (two when the session's claim fails: the
/// standing is read again for nobody).
fn access_for_viewer(
    connection: &mut diesel::PgConnection,
    cache: &CatalogueCache,
    slug: &str,
    confirming: &mut Confirming,
    wanted: StandingWanted<'_>,
) -> Result<ViewerAccess, AppError> {
    let claimed = confirming.claimed_id();
    let mut standing = enrolment_service::reader_standing(connection, claimed, slug, wanted)?;
    let user = confirming.confirm_with(standing.person.take());
    if claimed.is_some() && user.is_none() {
        standing = enrolment_service::reader_standing(connection, None, slug, wanted)?;
    }
    let generation = standing.generation;
    let current = service::kept_course(connection, cache, generation, slug, None)?
        .ok_or_else(|| service::no_such_course(slug))?;
    let access = enrolment_service::access_with(
        user,
        standing.enrolment,
        current.detail.course_id,
        current.coe_id,
        current.detail.lessons_public,
    );
    let shown = match access.version {
        Some(enrolled) if enrolled != current.version_id => {
            service::kept_course(connection, cache, generation, slug, Some(enrolled))?
                .ok_or_else(|| service::no_such_course(slug))?
        }
        _ => current,
    };
    Ok(ViewerAccess {
        generation,
        access,
        shown,
        lesson_done: standing.lesson_done,
        lessons_done: standing.lessons_done,
        grades: standing.grades,
    })
}

/// Which rendering of a syllabus a page shows: the course version's, as
/// of a catalogue generation.
#[derive(Debug, Clone, Copy)]
struct SyllabusKey {
    generation: i64,
    version: CourseVersionId,
}

/// The syllabus of a course version as HTML (lessons linked) in the
/// viewer's language: rendered once per catalogue generation, version and
/// language, then kept. Nothing in it is personal.
fn kept_syllabus(
    templates: &Templates,
    cache: &CatalogueCache,
    key: SyllabusKey,
    course: &CourseDetail,
    locale: Locale,
) -> Result<Arc<str>, AppError> {
    if let Some(html) = cache.syllabus(key.generation, key.version, locale) {
        return Ok(html);
    }
    #[derive(Serialize)]
    struct SyllabusContext<'a> {
        lang: &'static str,
        link_lessons: bool,
        #[serde(flatten)]
        course: &'a CourseDetail,
    }
    let html: Arc<str> = templates
        .render(
            "partials/syllabus",
            &SyllabusContext {
                lang: locale.code(),
                link_lessons: true,
                course,
            },
        )?
        .into();
    cache.keep_syllabus(key.generation, key.version, locale, Arc::clone(&html));
    Ok(html)
}

#[derive(Serialize)]
struct CoursePage {
    #[serde(flatten)]
    course: Arc<CourseDetail>,
    /// The syllabus, rendered (see [`kept_syllabus`]).
    syllabus_html: Arc<str>,
    /// The course language's own name (shown with `lang`).
    language_name: String,
    /// The titles of the assessments still to pass, as one list.
    still_to_pass: Option<String>,
    enrolment: Option<Progress>,
    sessions: Vec<SessionView>,
    csrf_token: Option<String>,
}

/// What a visitor gets when asking for a lesson.
enum LessonOutcome {
    /// The lesson, for reading, and the syllabus to show beside it.
    Readable(Arc<LessonView>, SyllabusKey),
    /// The lesson exists but this viewer may not read it: the syllabus.
    Locked(Arc<CourseDetail>),
}

#[derive(Serialize)]
struct LessonPage {
    #[serde(flatten)]
    lesson: Arc<LessonView>,
    /// The course's syllabus, rendered (see [`kept_syllabus`]).
    syllabus_html: Arc<str>,
    /// Set for a learner with a live enrolment.
    progress: Option<LessonProgress>,
    /// Set for a signed-in reader of a controlled document.
    signing: Option<Signing>,
}

/// A controlled document's signing state for the viewer.
#[derive(Serialize)]
struct Signing {
    signature: Option<crate::signatures::service::SignatureView>,
    code_pending: bool,
    csrf_token: String,
}

#[derive(Serialize)]
struct LessonProgress {
    done: bool,
    complete_path: String,
    csrf_token: String,
}

/// A lesson page: readable for outreach courses, enrolled learners and the
/// owning CoE's staff; otherwise the syllabus, with a request to sign in
/// (401) or to enrol (403).
#[get("/courses/{slug}/{module}/{lesson}")]
pub async fn lesson_page(
    unconfirmed: UnconfirmedViewer,
    path: web::Path<(String, String, String)>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let (course_slug, module_slug, lesson_slug) = path.into_inner();
    let csrf_token = unconfirmed.csrf_token_if_claimed()?;
    let kept = cache.clone();
    let (viewer, (outcome, progress, signing)) =
        auth::run_viewing(unconfirmed, &pool, move |connection, confirming| {
            let ViewerAccess {
                generation,
                access,
                shown,
                lesson_done,
                ..
            } = access_for_viewer(
                connection,
                &cache,
                &course_slug,
                confirming,
                StandingWanted {
                    lesson: Some((&module_slug, &lesson_slug)),
                    grades: false,
                },
            )?;
            if !access.may_read {
                if !shown.has_lesson(&module_slug, &lesson_slug) {
                    return Err(service::no_such_lesson(&shown.detail.title).into());
                }
                return Ok((LessonOutcome::Locked(Arc::clone(&shown.detail)), None, None));
            }
            let lesson = service::kept_lesson(
                connection,
                &cache,
                generation,
                &shown,
                &module_slug,
                &lesson_slug,
            )?;
            let progress = match (&access.enrolment, csrf_token) {
                (Some(enrolment), Some(csrf_token))
                    if enrolment.status == "active" || enrolment.status == "completed" =>
                {
                    Some(LessonProgress {
                        done: lesson_done,
                        complete_path: format!(
                            "/courses/{course_slug}/{module_slug}/{lesson_slug}/complete"
                        ),
                        csrf_token,
                    })
                }
                _ => None,
            };
            let signing = match confirming.confirmed() {
                Some(user) if lesson.document_id.is_some() => Some((
                    crate::signatures::service::signature_of(connection, user, lesson.lesson_id)?,
                    crate::signatures::service::code_pending(
                        connection,
                        user,
                        lesson.lesson_id,
                        chrono::Utc::now(),
                    )?,
                )),
                _ => None,
            };
            let syllabus = SyllabusKey {
                generation,
                version: shown.version_id,
            };
            Ok::<_, AppError>((LessonOutcome::Readable(lesson, syllabus), progress, signing))
        })
        .await?;
    match outcome {
        LessonOutcome::Readable(lesson, syllabus) => {
            let title = format!("{} — {}", lesson.title, lesson.course.title);
            let signing = match signing {
                Some((signature, code_pending)) => Some(Signing {
                    signature,
                    code_pending,
                    csrf_token: auth::csrf_token(&viewer.session)?,
                }),
                None => None,
            };
            let syllabus_html =
                kept_syllabus(&templates, &kept, syllabus, &lesson.course, viewer.locale)?;
            let page = LessonPage {
                lesson,
                syllabus_html,
                progress,
                signing,
            };
            templates.page(
                &viewer.shell(),
                StatusCode::OK,
                "pages/lesson",
                PageTitle::Content(&title),
                &page,
            )
        }
        LessonOutcome::Locked(course) => {
            let (status, title_id) = match viewer.user {
                None => (StatusCode::UNAUTHORIZED, "lesson-title-sign-in-to-study"),
                Some(_) => (StatusCode::FORBIDDEN, "lesson-title-enrol-to-study"),
            };
            let mut args = FluentArgs::new();
            args.set("course", course.title.clone());
            let title = templates.message(viewer.locale, title_id, Some(&args))?;
            #[derive(Serialize)]
            struct LockedPage {
                #[serde(flatten)]
                course: Arc<CourseDetail>,
                signed_in: bool,
            }
            let page = LockedPage {
                course,
                signed_in: status == StatusCode::FORBIDDEN,
            };
            templates.page(
                &viewer.shell(),
                status,
                "pages/sign_in_required",
                PageTitle::Content(&title),
                &page,
            )
        }
    }
}

/// A file attached to a lesson, for those who may read the lesson (in the
/// version they see: an enrolled learner's own).
#[get("/courses/{slug}/{module}/{lesson}/files/{file}")]
pub async fn lesson_attachment(
    unconfirmed: UnconfirmedViewer,
    path: web::Path<(String, String, String, String)>,
    pool: web::Data<DbPool>,
    cache: web::Data<CatalogueCache>,
    store: web::Data<AttachmentStore>,
) -> Result<HttpResponse, AppError> {
    let (course_slug, module_slug, lesson_slug, file_name) = path.into_inner();
    let (_, attachment) = auth::run_viewing(unconfirmed, &pool, move |connection, confirming| {
        let ViewerAccess { access, shown, .. } = access_for_viewer(
            connection,
            &cache,
            &course_slug,
            confirming,
            StandingWanted {
                lesson: None,
                grades: false,
            },
        )?;
        if !access.may_read {
            return Err(match confirming.confirmed() {
                None => AppError::Unauthorized(
                    "Sign in and enrol in the course to open its files.".to_owned(),
                ),
                Some(_) => AppError::Forbidden("Enrol in the course to open its files.".to_owned()),
            });
        }
        super::queries::attachment_in_version(
            connection,
            shown.version_id,
            &module_slug,
            &lesson_slug,
            &file_name,
        )?
        .ok_or_else(|| AppError::NotFound("This lesson has no such file.".to_owned()))
    })
    .await?;
    attachments::respond(store.into_inner(), attachment).await
}
