//! Catalogue rules: which filters are valid, what a course page and a lesson
//! page show, and who may read a lesson. Course and lesson content is read
//! in one read-only transaction and kept per catalogue generation
//! (`super::cache`).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::Serialize;

use super::cache::CatalogueCache;
use super::models::{
    Audience, Course, CourseVersion, CreditType, EnrolmentMethod, LessonOutline, Level,
};
use super::queries::{self, CatalogueFilter, CatalogueRow, Facets};
use crate::db::DbError;
use crate::http::pagination::{PageInfo, PageRequest};
use crate::ids::{CoeId, CourseId, CourseVersionId, LessonId, ModuleId};
use crate::network::Coe;

/// Why a catalogue request failed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// A filter value is not valid: the message says which values are.
    #[error("{0}")]
    BadFilter(String),
    /// No such course, module or lesson.
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for CatalogError {
    fn from(error: diesel::result::Error) -> Self {
        CatalogError::Db(DbError::Query(error))
    }
}

/// The longest search text accepted.
const MAX_SEARCH_LENGTH: usize = 200;

/// A catalogue request, validated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CatalogueQuery {
    pub filter: CatalogueFilter,
    pub page: PageRequest,
}

impl CatalogueQuery {
    /// Validates raw query parameters (`q`, `audience`, `coe`, `topic`,
    /// `language`, `level`, `page`, `per_page`); blank means "any".
    pub fn parse(param: impl Fn(&str) -> Option<String>) -> Result<Self, CatalogError> {
        let value = |name: &str| {
            param(name)
                .map(|raw| raw.trim().to_owned())
                .filter(|raw| !raw.is_empty())
        };
        let text = value("q");
        if text
            .as_ref()
            .is_some_and(|text| text.chars().count() > MAX_SEARCH_LENGTH)
        {
            return Err(CatalogError::BadFilter(format!(
                "The search text is too long: use at most {MAX_SEARCH_LENGTH} characters."
            )));
        }
        let audience = match value("audience") {
            None => None,
            Some(raw) => Some(
                Audience::parse(&raw)
                    .ok_or_else(|| {
                        CatalogError::BadFilter(format!(
                            "`audience` must be one of: {} (got \"{}\").",
                            Audience::expected(),
                            shorten(&raw)
                        ))
                    })?
                    .as_str()
                    .to_owned(),
            ),
        };
        let level = match value("level") {
            None => None,
            Some(raw) => Some(
                Level::parse(&raw)
                    .ok_or_else(|| {
                        CatalogError::BadFilter(format!(
                            "`level` must be one of: {} (got \"{}\").",
                            Level::expected(),
                            shorten(&raw)
                        ))
                    })?
                    .as_str()
                    .to_owned(),
            ),
        };
        let language = match value("language") {
            None => None,
            Some(raw) => {
                let lower = raw.to_ascii_lowercase();
                if !(2..=3).contains(&lower.len()) || !lower.chars().all(|c| c.is_ascii_lowercase())
                {
                    return Err(CatalogError::BadFilter(format!(
                        "`language` must be a two- or three-letter language code such as en, de, fr or it (got \"{}\").",
                        shorten(&raw)
                    )));
                }
                Some(lower)
            }
        };
        let short = |name: &str| -> Result<Option<String>, CatalogError> {
            match value(name) {
                Some(raw) if raw.chars().count() > 100 => Err(CatalogError::BadFilter(format!(
                    "`{name}` is too long: use at most 100 characters."
                ))),
                other => Ok(other.map(|raw| raw.to_lowercase())),
            }
        };
        let filter = CatalogueFilter {
            text,
            audience,
            coe: short("coe")?,
            topic: short("topic")?,
            language,
            level,
        };
        let page = PageRequest::parse(param("page").as_deref(), param("per_page").as_deref())
            .map_err(|error| CatalogError::BadFilter(error.to_string()))?;
        Ok(CatalogueQuery { filter, page })
    }
}

fn shorten(raw: &str) -> String {
    raw.chars().take(40).collect()
}

/// A course as a card in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub audience_label: String,
    /// The interface message naming the audience (`audience-…`).
    pub audience_label_id: Option<&'static str>,
    pub level: String,
    pub level_label: String,
    /// The interface message naming the level (`level-…`).
    pub level_label_id: Option<&'static str>,
    pub language: String,
    pub credits: Option<f64>,
    pub credit_type: Option<String>,
    pub credits_label: Option<String>,
    pub tags: Vec<String>,
    pub coe_slug: String,
    pub coe_name: String,
    pub lesson_count: i64,
    pub total_minutes: i64,
    pub duration_label: String,
    /// The study time split for the interface's duration message.
    pub study_time: StudyTime,
    pub version: i32,
}

impl From<CatalogueRow> for CourseCard {
    fn from(row: CatalogueRow) -> Self {
        CourseCard {
            audience_label: label_of(
                Audience::parse(&row.audience).map(Audience::label),
                &row.audience,
            ),
            level_label: label_of(Level::parse(&row.level).map(Level::label), &row.level),
            audience_label_id: Audience::parse(&row.audience).map(Audience::message_id),
            level_label_id: Level::parse(&row.level).map(Level::message_id),
            credits_label: credits_label(row.credits, row.credit_type.as_deref()),
            duration_label: duration_label(row.total_minutes),
            study_time: StudyTime::of(row.total_minutes),
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            audience: row.audience,
            level: row.level,
            language: row.language,
            credits: row.credits,
            credit_type: row.credit_type,
            tags: row.tags,
            coe_slug: row.coe_slug,
            coe_name: row.coe_name,
            lesson_count: row.lesson_count,
            total_minutes: row.total_minutes,
            version: row.version_number,
        }
    }
}

fn label_of(label: Option<&'static str>, raw: &str) -> String {
    label.unwrap_or(raw).to_owned()
}

/// "2 ECTS", "8 CPD hours", "1.5 ECTS".
pub fn credits_label(credits: Option<f64>, credit_type: Option<&str>) -> Option<String> {
    let amount = credits?;
    let unit = credit_type
        .and_then(CreditType::parse)
        .map(CreditType::label)
        .unwrap_or("credits");
    Some(format!("{} {unit}", format_number(amount)))
}

fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "45 min", "2 h 15 min".
pub fn duration_label(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// A study time in whole hours and the minutes left over, as the
/// interface's duration message takes it ("2 h 15 min").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StudyTime {
    pub hours: i64,
    pub minutes: i64,
}

impl StudyTime {
    /// Splits a number of minutes.
    pub fn of(total_minutes: i64) -> StudyTime {
        StudyTime {
            hours: total_minutes / 60,
            minutes: total_minutes % 60,
        }
    }
}

/// One page of search results.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CatalogueResult {
    pub courses: Vec<CourseCard>,
    pub page: PageInfo,
}

/// Searches the active catalogue.
pub fn search(
    connection: &mut PgConnection,
    query: &CatalogueQuery,
) -> Result<CatalogueResult, CatalogError> {
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            if query.filter.text.is_some() {
                queries::prefer_the_search_index(connection)?;
            }
            let rows = queries::search_courses(
                connection,
                &query.filter,
                query.page.limit(),
                query.page.offset(),
            )?;
            let total = match rows.first() {
                Some(row) => row.total_matches,
                None if query.page.offset() == 0 => 0,
                None => queries::count_courses(connection, &query.filter)?,
            };
            Ok(CatalogueResult {
                courses: rows.into_iter().map(CourseCard::from).collect(),
                page: PageInfo::new(query.page, total),
            })
        })
}

/// A search with the values each filter can take, answered from `cache`
/// when the catalogue has not changed since the same search was made.
pub fn search_with_facets(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    query: &CatalogueQuery,
) -> Result<(CatalogueResult, Facets), CatalogError> {
    let generation = queries::catalogue_generation(connection)?;
    if let Some(kept) = cache.get(generation, query) {
        return Ok(kept);
    }
    let result = search(connection, query)?;
    let facets = facets(connection)?;
    cache.put(generation, query, &result, &facets);
    Ok((result, facets))
}

/// The values each catalogue filter can take.
pub fn facets(connection: &mut PgConnection) -> Result<Facets, CatalogError> {
    Ok(queries::catalogue_facets(connection)?)
}

/// A link to another course.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseLink {
    pub slug: String,
    pub title: String,
}

/// The owning CoE, as shown on a course page.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CoeRef {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub country: String,
}

/// A lesson in a syllabus.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LessonLink {
    pub slug: String,
    pub module_slug: String,
    pub title: String,
    pub minutes: i32,
    pub required: bool,
    pub href: String,
}

/// A module in a syllabus.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ModuleView {
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub lessons: Vec<LessonLink>,
    /// The title of the module's assessment, if it has one.
    pub assessment_title: Option<String>,
}

/// Everything a course page shows (of one version: the current one, or the
/// one an enrolled learner is bound to).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseDetail {
    #[serde(skip)]
    pub course_id: CourseId,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML.
    pub description_html: String,
    pub coe: CoeRef,
    pub audience: String,
    pub audience_label: String,
    /// The interface message naming the audience (`audience-…`).
    pub audience_label_id: Option<&'static str>,
    pub level: String,
    pub level_label: String,
    /// The interface message naming the level (`level-…`).
    pub level_label_id: Option<&'static str>,
    pub language: String,
    pub credits: Option<f64>,
    pub credit_type: Option<String>,
    pub credits_label: Option<String>,
    pub tags: Vec<String>,
    pub version: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub certificate: bool,
    pub certificate_validity_months: Option<i32>,
    pub enrolment_method: String,
    pub enrolment_method_label: String,
    /// The interface message naming the enrolment method (`enrolment-method-…`).
    pub enrolment_method_label_id: Option<&'static str>,
    pub prerequisites: Vec<CourseLink>,
    pub modules: Vec<ModuleView>,
    pub lesson_count: usize,
    pub total_minutes: i64,
    pub duration_label: String,
    /// The study time split for the interface's duration message.
    pub study_time: StudyTime,
    pub archived: bool,
    /// Whether anyone may read the lessons without signing in.
    pub lessons_public: bool,
}

/// Whether a course's lessons are open to everyone: outreach courses for
/// the public and patients are; professional courses need a signed-in learner.
pub fn lessons_are_public(audience: &str) -> bool {
    audience == Audience::Public.as_str()
}

/// The course page's content.
pub fn course_detail(
    connection: &mut PgConnection,
    slug: &str,
    version: Option<CourseVersionId>,
) -> Result<CourseDetail, CatalogError> {
    let course = connection
        .build_transaction()
        .read_only()
        .run(|connection| load_course(connection, slug, version))?
        .ok_or_else(|| no_such_course(slug))?;
    Ok(Arc::unwrap_or_clone(course.detail))
}

/// A course, one of its versions and its owning CoE, as read together.
type CourseRows = (Course, CourseVersion, Coe);

/// A course version's page content and the ids its access rules and lesson
/// look-ups need, as kept in memory for one catalogue generation.
#[derive(Debug)]
pub struct KeptCourse {
    pub coe_id: CoeId,
    pub version_id: CourseVersionId,
    pub detail: Arc<CourseDetail>,
    module_ids: Vec<(String, ModuleId)>,
}

impl KeptCourse {
    /// Whether the version has a lesson `lesson_slug` in module `module_slug`.
    pub fn has_lesson(&self, module_slug: &str, lesson_slug: &str) -> bool {
        self.detail.modules.iter().any(|module| {
            module.slug == module_slug
                && module
                    .lessons
                    .iter()
                    .any(|lesson| lesson.slug == lesson_slug)
        })
    }
}

/// "There is no course …", for a slug that names none.
pub fn no_such_course(slug: &str) -> CatalogError {
    CatalogError::NotFound(format!("There is no course \"{}\".", shorten(slug)))
}

/// "The course … has no such lesson.", for a module or lesson slug that
/// names none in the version shown.
pub fn no_such_lesson(course_title: &str) -> CatalogError {
    CatalogError::NotFound(format!("The course \"{course_title}\" has no such lesson."))
}

/// The course `slug` in `version`, else in its current version, as of
/// catalogue `generation` (read before, by the caller): from `cache` when
/// kept under that generation, else read in one read-only transaction and
/// kept. `None` when there is no such course (or version of it).
pub fn kept_course(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    generation: i64,
    slug: &str,
    version: Option<CourseVersionId>,
) -> Result<Option<Arc<KeptCourse>>, CatalogError> {
    let key = (slug.to_owned(), version);
    if let Some(kept) = cache.course(generation, &key) {
        return Ok(Some(kept));
    }
    let Some(course) = connection
        .build_transaction()
        .read_only()
        .run(|connection| load_course(connection, slug, version))?
    else {
        return Ok(None);
    };
    let course = Arc::new(course);
    cache.keep_course(generation, key, Arc::clone(&course));
    Ok(Some(course))
}

fn load_course(
    connection: &mut PgConnection,
    slug: &str,
    version: Option<CourseVersionId>,
) -> Result<Option<KeptCourse>, CatalogError> {
    match queries::course_with_version(connection, slug, version)? {
        Some(rows) => Ok(Some(course_from_rows(connection, rows)?)),
        None => Ok(None),
    }
}

fn course_from_rows(
    connection: &mut PgConnection,
    (course, version, coe): CourseRows,
) -> Result<KeptCourse, CatalogError> {
    let modules = queries::modules_of(connection, version.id)?;
    let outlines = queries::lesson_outlines_of(connection, version.id)?;
    let prerequisites = queries::prerequisites_of(connection, version.id)?
        .into_iter()
        .map(|(slug, title)| CourseLink { slug, title })
        .collect();
    let (coe_id, version_id) = (coe.id, version.id);
    let total_minutes: i64 = outlines
        .iter()
        .map(|lesson| i64::from(lesson.minutes))
        .sum();
    let lesson_count = outlines.len();
    let module_ids = modules
        .iter()
        .map(|module| (module.slug.clone(), module.id))
        .collect();
    let module_views = modules
        .into_iter()
        .map(|module| {
            let lessons = outlines
                .iter()
                .filter(|lesson| lesson.module_id == module.id)
                .map(|lesson| lesson_link(&course.slug, &module.slug, lesson))
                .collect();
            let assessment_title = module
                .assessment
                .as_ref()
                .and_then(|assessment| assessment.get("title"))
                .and_then(|title| title.as_str())
                .map(str::to_owned);
            ModuleView {
                position: module.position,
                slug: module.slug,
                title: module.title,
                summary: module.summary,
                lessons,
                assessment_title,
            }
        })
        .collect();
    let detail = CourseDetail {
        audience_label: label_of(
            Audience::parse(&version.audience).map(Audience::label),
            &version.audience,
        ),
        level_label: label_of(
            Level::parse(&version.level).map(Level::label),
            &version.level,
        ),
        credits_label: credits_label(version.credits, version.credit_type.as_deref()),
        enrolment_method_label: label_of(
            EnrolmentMethod::parse(&version.enrolment_method).map(EnrolmentMethod::label),
            &version.enrolment_method,
        ),
        audience_label_id: Audience::parse(&version.audience).map(Audience::message_id),
        level_label_id: Level::parse(&version.level).map(Level::message_id),
        enrolment_method_label_id: EnrolmentMethod::parse(&version.enrolment_method)
            .map(EnrolmentMethod::message_id),
        lessons_public: lessons_are_public(&version.audience),
        course_id: course.id,
        description_html: crate::markdown::sanitise_html(&version.description_html),
        slug: course.slug,
        title: version.title,
        summary: version.summary,
        coe: CoeRef {
            slug: coe.slug,
            name: coe.name,
            city: coe.city,
            country: coe.country,
        },
        audience: version.audience,
        level: version.level,
        language: version.language,
        credits: version.credits,
        credit_type: version.credit_type,
        tags: version.tags,
        version: version.version_number,
        published_at: version.published_at,
        certificate: version.certificate,
        certificate_validity_months: version.certificate_validity_months,
        enrolment_method: version.enrolment_method,
        prerequisites,
        modules: module_views,
        lesson_count,
        total_minutes,
        duration_label: duration_label(total_minutes),
        study_time: StudyTime::of(total_minutes),
        archived: course.status == "archived",
    };
    Ok(KeptCourse {
        coe_id,
        version_id,
        detail: Arc::new(detail),
        module_ids,
    })
}

fn lesson_link(course_slug: &str, module_slug: &str, lesson: &LessonOutline) -> LessonLink {
    LessonLink {
        slug: lesson.slug.clone(),
        module_slug: module_slug.to_owned(),
        title: lesson.title.clone(),
        minutes: lesson.minutes,
        required: lesson.required,
        href: format!("/courses/{course_slug}/{module_slug}/{}", lesson.slug),
    }
}

/// A lesson page's content.
#[derive(Debug, Clone, Serialize)]
pub struct LessonView {
    pub course: Arc<CourseDetail>,
    pub module_title: String,
    pub module_position: i32,
    pub title: String,
    pub minutes: i32,
    pub required: bool,
    /// Sanitised HTML.
    pub body_html: String,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    pub position: usize,
    /// Files attached to the lesson (PDFs, images).
    pub attachments: Vec<AttachmentLink>,
    pub lesson_id: LessonId,
    pub module_slug: String,
    pub lesson_slug: String,
    /// When the lesson is a controlled document: its id and version.
    pub document_id: Option<String>,
    pub document_version: Option<String>,
}

/// A lesson's attachment as a link.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentLink {
    pub file_name: String,
    pub href: String,
    pub size_kb: i64,
    pub is_image: bool,
}

/// Lesson `lesson_slug` of module `module_slug` of the course version in
/// `course`, as of catalogue `generation`: from `cache` when kept under that
/// generation, else read in one read-only transaction and kept. Whether the
/// viewer may read it is the caller's decision.
pub fn kept_lesson(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    generation: i64,
    course: &KeptCourse,
    module_slug: &str,
    lesson_slug: &str,
) -> Result<Arc<LessonView>, CatalogError> {
    let key = (
        course.version_id,
        module_slug.to_owned(),
        lesson_slug.to_owned(),
    );
    if let Some(kept) = cache.lesson(generation, &key) {
        return Ok(kept);
    }
    let lesson = Arc::new(
        connection
            .build_transaction()
            .read_only()
            .run(|connection| load_lesson(connection, course, module_slug, lesson_slug))?,
    );
    cache.keep_lesson(generation, key, Arc::clone(&lesson));
    Ok(lesson)
}

fn load_lesson(
    connection: &mut PgConnection,
    kept: &KeptCourse,
    module_slug: &str,
    lesson_slug: &str,
) -> Result<LessonView, CatalogError> {
    let course = &kept.detail;
    let not_found = || no_such_lesson(&course.title);
    let module = course
        .modules
        .iter()
        .find(|module| module.slug == module_slug)
        .ok_or_else(not_found)?;
    let module_id = kept
        .module_ids
        .iter()
        .find(|(slug, _)| slug == module_slug)
        .map(|(_, id)| *id)
        .ok_or_else(not_found)?;
    let lesson =
        queries::lesson_in_module(connection, module_id, lesson_slug)?.ok_or_else(not_found)?;
    let sequence: Vec<&LessonLink> = course
        .modules
        .iter()
        .flat_map(|module| module.lessons.iter())
        .collect();
    let index = sequence
        .iter()
        .position(|link| link.module_slug == module_slug && link.slug == lesson_slug)
        .ok_or_else(not_found)?;
    let previous = index
        .checked_sub(1)
        .and_then(|i| sequence.get(i))
        .map(|link| (*link).clone());
    let next = sequence.get(index + 1).map(|link| (*link).clone());
    let course_slug = &course.slug;
    let attachments = queries::attachments_of_lesson(connection, lesson.id)?
        .into_iter()
        .map(|(file_name, content_type, size)| AttachmentLink {
            href: format!("/courses/{course_slug}/{module_slug}/{lesson_slug}/files/{file_name}"),
            file_name,
            size_kb: (size + 1023) / 1024,
            is_image: content_type.starts_with("image/"),
        })
        .collect();
    Ok(LessonView {
        attachments,
        lesson_id: lesson.id,
        module_slug: module_slug.to_owned(),
        lesson_slug: lesson_slug.to_owned(),
        document_id: lesson.document_id.clone(),
        document_version: lesson.document_version.clone(),
        module_title: module.title.clone(),
        module_position: module.position,
        title: lesson.title,
        minutes: lesson.minutes,
        required: lesson.required,
        body_html: crate::markdown::sanitise_html(&lesson.body_html),
        previous,
        next,
        position: index + 1,
        course: Arc::clone(course),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> Result<CatalogueQuery, CatalogError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        CatalogueQuery::parse(|name| map.get(name).cloned())
    }

    #[test]
    fn blank_filters_mean_any() {
        let query = parse(&[("q", "  "), ("audience", ""), ("coe", "")]).unwrap();
        assert_eq!(query.filter, CatalogueFilter::default());
    }

    #[test]
    fn unknown_audience_names_the_valid_values() {
        let error = parse(&[("audience", "martians")]).unwrap_err().to_string();
        assert!(error.contains("public, scientists"), "{error}");
    }

    #[test]
    fn language_must_be_a_code() {
        assert!(parse(&[("language", "english")]).is_err());
        assert_eq!(
            parse(&[("language", "DE")])
                .unwrap()
                .filter
                .language
                .as_deref(),
            Some("de")
        );
    }

    #[test]
    fn credits_and_durations_read_naturally() {
        assert_eq!(
            credits_label(Some(2.0), Some("ects")).as_deref(),
            Some("2 ECTS")
        );
        assert_eq!(
            credits_label(Some(1.5), Some("ects")).as_deref(),
            Some("1.5 ECTS")
        );
        assert_eq!(
            credits_label(Some(8.0), Some("cpd_hours")).as_deref(),
            Some("8 CPD hours")
        );
        assert_eq!(credits_label(None, None), None);
        assert_eq!(duration_label(45), "45 min");
        assert_eq!(duration_label(135), "2 h 15 min");
        assert_eq!(duration_label(120), "2 h");
        assert_eq!(
            StudyTime::of(135),
            StudyTime {
                hours: 2,
                minutes: 15
            }
        );
    }
}
