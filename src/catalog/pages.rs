//! The catalogue's HTML pages: home, catalogue with filters, course page,
//! lesson page. Handlers parse, call the service, render.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::models::{Audience, Level};
use super::queries::Facets;
use super::service::{
    self, CatalogError, CatalogueQuery, CatalogueResult, CourseCard, LessonOutcome,
};
use crate::db::{self, DbPool};
use crate::http::auth::Viewer;
use crate::http::{AppError, Templates};

impl From<CatalogError> for AppError {
    fn from(error: CatalogError) -> Self {
        match error {
            CatalogError::BadFilter(message) => AppError::BadRequest(message),
            CatalogError::NotFound(message) => AppError::NotFound(message),
            CatalogError::Db(error) => AppError::from(error),
        }
    }
}

/// A choice in a filter's drop-down.
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
    viewer: Viewer,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let (result, facets) = db::run(&pool, |connection| {
        let query = CatalogueQuery::parse(|name| (name == "per_page").then(|| "6".to_owned()))?;
        Ok::<_, CatalogError>((
            service::search(connection, &query)?,
            service::facets(connection)?,
        ))
    })
    .await?;
    let page = HomePage {
        course_count: result.page.total,
        courses: result.courses,
        coe_count: facets.coes.len(),
        audiences: options(
            Audience::ALL
                .iter()
                .map(|audience| (audience.as_str().to_owned(), audience.label().to_owned())),
            None,
        ),
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/home",
        "ATMP Academy",
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
    viewer: Viewer,
    params: web::Query<HashMap<String, String>>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let params = params.into_inner();
    let query = CatalogueQuery::parse(|name| params.get(name).cloned())?;
    let for_search = query.clone();
    let (result, facets) = db::run(&pool, move |connection| {
        Ok::<_, CatalogError>((
            service::search(connection, &for_search)?,
            service::facets(connection)?,
        ))
    })
    .await?;
    let page = catalogue_page_context(&query, result, facets);
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/catalogue",
        "Course catalogue",
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
                .map(|audience| (audience.as_str().to_owned(), audience.label().to_owned())),
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
                .map(|code| (code.clone(), language_name(&code))),
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
                .map(|level| (level.as_str().to_owned(), level.label().to_owned())),
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

/// The English name of a language code used in the catalogue.
fn language_name(code: &str) -> String {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "it" => "Italian",
        "es" => "Spanish",
        "nl" => "Dutch",
        "sv" => "Swedish",
        "pt" => "Portuguese",
        "pl" => "Polish",
        other => other,
    }
    .to_owned()
}

/// A course page: summary, facts, syllabus.
#[get("/courses/{slug}")]
pub async fn course_page(
    viewer: Viewer,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let course = db::run(&pool, move |connection| {
        service::course_detail(connection, &slug)
    })
    .await?;
    let title = course.title.clone();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/course",
        &title,
        &course,
    )
}

/// A lesson page; for a course that needs sign-in, the syllabus and a
/// request to sign in (401).
#[get("/courses/{slug}/{module}/{lesson}")]
pub async fn lesson_page(
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let (course_slug, module_slug, lesson_slug) = path.into_inner();
    let signed_in = viewer.user.is_some();
    let outcome = db::run(&pool, move |connection| {
        service::lesson(
            connection,
            &course_slug,
            &module_slug,
            &lesson_slug,
            signed_in,
        )
    })
    .await?;
    match outcome {
        LessonOutcome::Readable(lesson) => {
            let title = format!("{} — {}", lesson.title, lesson.course.title);
            templates.page(
                &viewer.shell(),
                StatusCode::OK,
                "pages/lesson",
                &title,
                &lesson,
            )
        }
        LessonOutcome::SignInRequired(course) => {
            let title = format!("Sign in to study {}", course.title);
            templates.page(
                &viewer.shell(),
                StatusCode::UNAUTHORIZED,
                "pages/sign_in_required",
                &title,
                &course,
            )
        }
    }
}
