//! Queries for the catalogue: search with filters, facets, a course with its
//! current version, its syllabus and its lessons.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Double, Integer, Nullable, Text};

use super::models::{Course, CourseVersion, Lesson, LessonOutline, Module};
use crate::db::schema::{
    catalogue_generation, coes, course_modules, course_prerequisites, course_versions, courses,
    lesson_attachments, lessons,
};
use crate::ids::{CourseVersionId, ModuleId};
use crate::network::Coe;

/// Validated catalogue filters; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CatalogueFilter {
    pub text: Option<String>,
    pub audience: Option<String>,
    pub coe: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub level: Option<String>,
}

/// One course in a list of search results (its current version).
#[derive(Debug, Clone, QueryableByName)]
pub struct CatalogueRow {
    #[diesel(sql_type = Text)]
    pub slug: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub summary: String,
    #[diesel(sql_type = Text)]
    pub audience: String,
    #[diesel(sql_type = Text)]
    pub level: String,
    #[diesel(sql_type = Text)]
    pub language: String,
    #[diesel(sql_type = Nullable<Double>)]
    pub credits: Option<f64>,
    #[diesel(sql_type = Nullable<Text>)]
    pub credit_type: Option<String>,
    #[diesel(sql_type = Array<Text>)]
    pub tags: Vec<String>,
    #[diesel(sql_type = Integer)]
    pub version_number: i32,
    #[diesel(sql_type = Text)]
    pub coe_slug: String,
    #[diesel(sql_type = Text)]
    pub coe_name: String,
    #[diesel(sql_type = BigInt)]
    pub lesson_count: i64,
    #[diesel(sql_type = BigInt)]
    pub total_minutes: i64,
    /// How many courses match the filter in all (the same on every row).
    #[diesel(sql_type = BigInt)]
    pub total_matches: i64,
}

/// The filter conditions shared by the page and the count; `$1`..`$6`.
const FILTER_SQL: &str = "
    FROM courses c
    JOIN course_versions v ON v.id = c.current_version_id
    JOIN coes coe ON coe.id = c.coe_id
    WHERE c.status = 'active'
      AND ($1::text IS NULL OR v.audience = $1)
      AND ($2::text IS NULL OR coe.slug = $2)
      AND ($3::text IS NULL OR v.tags @> ARRAY[$3::text])
      AND ($4::text IS NULL OR v.language = $4)
      AND ($5::text IS NULL OR v.level = $5)
      AND ($6::text IS NULL OR v.search_document @@ websearch_to_tsquery('english', $6))";

/// One page of active courses matching `filter`, each row with the number
/// of matches in all: by relevance when there is search text (the title
/// weighs more than the summary), else by title.
pub fn search_courses(
    connection: &mut PgConnection,
    filter: &CatalogueFilter,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<CatalogueRow>> {
    let sql = format!(
        "SELECT c.slug, v.title, v.summary, v.audience, v.level, v.language, v.credits, v.credit_type,
                v.tags, v.version_number, coe.slug AS coe_slug, coe.name AS coe_name,
                (SELECT count(*) FROM lessons l WHERE l.course_version_id = v.id) AS lesson_count,
                (SELECT coalesce(sum(l.minutes), 0)::bigint FROM lessons l WHERE l.course_version_id = v.id)
                    AS total_minutes,
                count(*) OVER () AS total_matches
         {FILTER_SQL}
         ORDER BY CASE WHEN $6::text IS NULL THEN 0
                       ELSE ts_rank(v.ranking_document, websearch_to_tsquery('english', $6)) END DESC,
                  v.title ASC, c.slug ASC
         LIMIT $7 OFFSET $8"
    );
    bind_filter(diesel::sql_query(sql), filter)
        .bind::<BigInt, _>(limit)
        .bind::<BigInt, _>(offset)
        .load(connection)
}

/// Makes the rest of the transaction find text matches through the GIN
/// index. With a thousand courses the planner prefers a sequential scan,
/// not knowing that testing `@@` unpacks every version's 17 kB search
/// document: 20 ms a query instead of 3 ms through the index (EXPLAIN
/// ANALYZE in BENCHMARKS.md).
pub fn prefer_the_search_index(connection: &mut PgConnection) -> QueryResult<()> {
    diesel::sql_query("SET LOCAL enable_seqscan = off").execute(connection)?;
    Ok(())
}

/// How many active courses match `filter` (for a page past the last match,
/// which has no row to carry the total).
pub fn count_courses(connection: &mut PgConnection, filter: &CatalogueFilter) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        total: i64,
    }
    let sql = format!("SELECT count(*) AS total {FILTER_SQL}");
    bind_filter(diesel::sql_query(sql), filter)
        .get_result::<Count>(connection)
        .map(|count| count.total)
}

type BoxedQuery<'f> =
    diesel::query_builder::BoxedSqlQuery<'f, diesel::pg::Pg, diesel::query_builder::SqlQuery>;

fn bind_filter<'f>(
    query: diesel::query_builder::SqlQuery,
    filter: &'f CatalogueFilter,
) -> BoxedQuery<'f> {
    query
        .into_boxed()
        .bind::<Nullable<Text>, _>(filter.audience.as_deref())
        .bind::<Nullable<Text>, _>(filter.coe.as_deref())
        .bind::<Nullable<Text>, _>(filter.topic.as_deref())
        .bind::<Nullable<Text>, _>(filter.language.as_deref())
        .bind::<Nullable<Text>, _>(filter.level.as_deref())
        .bind::<Nullable<Text>, _>(filter.text.as_deref())
}

/// The catalogue's generation: moved on by every committed change to what
/// search shows (triggers on courses, versions, lessons and CoEs).
pub fn catalogue_generation(connection: &mut PgConnection) -> QueryResult<i64> {
    catalogue_generation::table
        .select(catalogue_generation::generation)
        .first(connection)
}

/// What the filters can offer: values present among active courses.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub coes: Vec<(String, String)>,
    pub audiences: Vec<String>,
    pub languages: Vec<String>,
    pub levels: Vec<String>,
    pub topics: Vec<String>,
}

/// The facet values of the active catalogue, in one query.
pub fn catalogue_facets(connection: &mut PgConnection) -> QueryResult<Facets> {
    #[derive(QueryableByName)]
    struct FacetRow {
        #[diesel(sql_type = Array<Text>)]
        coe_slugs: Vec<String>,
        #[diesel(sql_type = Array<Text>)]
        coe_names: Vec<String>,
        #[diesel(sql_type = Array<Text>)]
        audiences: Vec<String>,
        #[diesel(sql_type = Array<Text>)]
        languages: Vec<String>,
        #[diesel(sql_type = Array<Text>)]
        levels: Vec<String>,
        #[diesel(sql_type = Array<Text>)]
        topics: Vec<String>,
    }
    let row: FacetRow = diesel::sql_query(
        "WITH active AS (
             SELECT v.audience, v.language, v.level, v.tags
             FROM courses c JOIN course_versions v ON v.id = c.current_version_id
             WHERE c.status = 'active'
         ), owners AS (
             SELECT DISTINCT coe.slug, coe.name
             FROM courses c JOIN coes coe ON coe.id = c.coe_id
             WHERE c.status = 'active'
         )
         SELECT ARRAY(SELECT slug FROM owners ORDER BY name, slug) AS coe_slugs,
                ARRAY(SELECT name FROM owners ORDER BY name, slug) AS coe_names,
                ARRAY(SELECT DISTINCT audience FROM active) AS audiences,
                ARRAY(SELECT DISTINCT language FROM active ORDER BY language) AS languages,
                ARRAY(SELECT DISTINCT level FROM active) AS levels,
                ARRAY(SELECT DISTINCT tag COLLATE \"C\" FROM active, unnest(tags) AS tag
                      ORDER BY 1) AS topics",
    )
    .get_result(connection)?;
    Ok(Facets {
        coes: row.coe_slugs.into_iter().zip(row.coe_names).collect(),
        audiences: row.audiences,
        languages: row.languages,
        levels: row.levels,
        topics: row.topics,
    })
}

/// A course by slug with one of its versions (the current one when `version`
/// is `None`) and its owning CoE.
pub fn course_with_version(
    connection: &mut PgConnection,
    slug: &str,
    version: Option<CourseVersionId>,
) -> QueryResult<Option<(Course, CourseVersion, Coe)>> {
    let query = courses::table
        .inner_join(course_versions::table.on(course_versions::course_id.eq(courses::id)))
        .inner_join(coes::table.on(coes::id.eq(courses::coe_id)))
        .filter(courses::slug.eq(slug))
        .select((
            Course::as_select(),
            CourseVersion::as_select(),
            Coe::as_select(),
        ))
        .into_boxed();
    let query = match version {
        Some(version) => query.filter(course_versions::id.eq(version)),
        None => query.filter(
            course_versions::id
                .nullable()
                .eq(courses::current_version_id),
        ),
    };
    query.first(connection).optional()
}

/// The courses a version requires: (id, slug, title of their current version).
pub fn prerequisites_with_ids(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<Vec<(crate::ids::CourseId, String, String)>> {
    course_prerequisites::table
        .inner_join(courses::table.on(courses::id.eq(course_prerequisites::required_course_id)))
        .inner_join(
            course_versions::table.on(course_versions::id
                .nullable()
                .eq(courses::current_version_id)),
        )
        .filter(course_prerequisites::course_version_id.eq(version_id))
        .select((courses::id, courses::slug, course_versions::title))
        .order(course_versions::title.asc())
        .load(connection)
}

/// (slug, title) of the active courses a CoE owns.
pub fn courses_of_coe(
    connection: &mut PgConnection,
    coe: crate::ids::CoeId,
) -> QueryResult<Vec<(String, String)>> {
    courses::table
        .inner_join(
            course_versions::table.on(course_versions::id
                .nullable()
                .eq(courses::current_version_id)),
        )
        .filter(courses::coe_id.eq(coe))
        .filter(courses::status.eq("active"))
        .order(course_versions::title.asc())
        .select((courses::slug, course_versions::title))
        .load(connection)
}

/// The slug of the CoE that owns a course.
pub fn coe_slug_of_course(
    connection: &mut PgConnection,
    course_id: crate::ids::CourseId,
) -> QueryResult<String> {
    courses::table
        .inner_join(coes::table.on(coes::id.eq(courses::coe_id)))
        .filter(courses::id.eq(course_id))
        .select(coes::slug)
        .first(connection)
}

/// A module of a version (by slug) with its assessment settings, if it has an assessment.
pub fn module_assessment(
    connection: &mut PgConnection,
    version: CourseVersionId,
    module_slug: &str,
) -> QueryResult<Option<(ModuleId, serde_json::Value)>> {
    let found: Option<(ModuleId, Option<serde_json::Value>)> = course_modules::table
        .filter(course_modules::course_version_id.eq(version))
        .filter(course_modules::slug.eq(module_slug))
        .select((course_modules::id, course_modules::assessment))
        .first(connection)
        .optional()?;
    Ok(found.and_then(|(id, settings)| settings.map(|settings| (id, settings))))
}

/// The assessment settings of a module by id.
pub fn module_assessment_by_id(
    connection: &mut PgConnection,
    module: ModuleId,
) -> QueryResult<Option<serde_json::Value>> {
    course_modules::table
        .find(module)
        .select(course_modules::assessment)
        .first::<Option<serde_json::Value>>(connection)
        .optional()
        .map(Option::flatten)
}

/// A module's slug and assessment settings by id.
pub fn module_slug_and_assessment(
    connection: &mut PgConnection,
    module: ModuleId,
) -> QueryResult<(String, Option<serde_json::Value>)> {
    course_modules::table
        .find(module)
        .select((course_modules::slug, course_modules::assessment))
        .first(connection)
}

/// The CoE that owns a course.
pub fn coe_of_course(
    connection: &mut PgConnection,
    course_id: crate::ids::CourseId,
) -> QueryResult<crate::ids::CoeId> {
    courses::table
        .find(course_id)
        .select(courses::coe_id)
        .first(connection)
}

/// One course version by id.
pub fn version_by_id(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<CourseVersion> {
    course_versions::table
        .find(version_id)
        .select(CourseVersion::as_select())
        .first(connection)
}

/// A course's slug by id.
pub fn course_slug(
    connection: &mut PgConnection,
    course_id: crate::ids::CourseId,
) -> QueryResult<String> {
    courses::table
        .find(course_id)
        .select(courses::slug)
        .first(connection)
}

/// A course's id by slug.
pub fn course_id_by_slug(
    connection: &mut PgConnection,
    slug: &str,
) -> QueryResult<Option<crate::ids::CourseId>> {
    courses::table
        .filter(courses::slug.eq(slug))
        .select(courses::id)
        .first(connection)
        .optional()
}

/// The modules of a version, in order.
pub fn modules_of(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<Vec<Module>> {
    course_modules::table
        .filter(course_modules::course_version_id.eq(version_id))
        .order(course_modules::position.asc())
        .select(Module::as_select())
        .load(connection)
}

/// The lessons of a version without bodies, by module and position.
pub fn lesson_outlines_of(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<Vec<LessonOutline>> {
    lessons::table
        .inner_join(course_modules::table)
        .filter(lessons::course_version_id.eq(version_id))
        .order((course_modules::position.asc(), lessons::position.asc()))
        .select(LessonOutline::as_select())
        .load(connection)
}

/// One lesson with its body.
pub fn lesson_in_module(
    connection: &mut PgConnection,
    module_id: ModuleId,
    lesson_slug: &str,
) -> QueryResult<Option<Lesson>> {
    lessons::table
        .filter(lessons::module_id.eq(module_id))
        .filter(lessons::slug.eq(lesson_slug))
        .select(Lesson::as_select())
        .first(connection)
        .optional()
}

/// The courses a version requires, as (slug, title of their current version).
pub fn prerequisites_of(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<Vec<(String, String)>> {
    course_prerequisites::table
        .inner_join(courses::table.on(courses::id.eq(course_prerequisites::required_course_id)))
        .inner_join(
            course_versions::table.on(course_versions::id
                .nullable()
                .eq(courses::current_version_id)),
        )
        .filter(course_prerequisites::course_version_id.eq(version_id))
        .select((courses::slug, course_versions::title))
        .order(course_versions::title.asc())
        .load(connection)
}

/// A lesson's attachments in order: file name, content type, size in bytes.
pub fn attachments_of_lesson(
    connection: &mut PgConnection,
    lesson_id: crate::ids::LessonId,
) -> QueryResult<Vec<(String, String, i64)>> {
    lesson_attachments::table
        .filter(lesson_attachments::lesson_id.eq(lesson_id))
        .order(lesson_attachments::position)
        .select((
            lesson_attachments::file_name,
            lesson_attachments::content_type,
            lesson_attachments::size_bytes,
        ))
        .load(connection)
}

/// One attachment of a lesson of a version, by file name.
pub fn attachment_in_version(
    connection: &mut PgConnection,
    version: CourseVersionId,
    module_slug: &str,
    lesson_slug: &str,
    file_name: &str,
) -> QueryResult<Option<crate::course_files::load::AttachmentSource>> {
    let row: Option<(String, String, String, i64)> = lesson_attachments::table
        .inner_join(lessons::table.on(lessons::id.eq(lesson_attachments::lesson_id)))
        .inner_join(course_modules::table.on(course_modules::id.eq(lessons::module_id)))
        .filter(lessons::course_version_id.eq(version))
        .filter(course_modules::slug.eq(module_slug))
        .filter(lessons::slug.eq(lesson_slug))
        .filter(lesson_attachments::file_name.eq(file_name))
        .select((
            lesson_attachments::file_name,
            lesson_attachments::sha256,
            lesson_attachments::content_type,
            lesson_attachments::size_bytes,
        ))
        .first(connection)
        .optional()?;
    Ok(row.map(|(file_name, sha256, content_type, size)| {
        crate::course_files::load::AttachmentSource {
            file_name,
            sha256,
            content_type,
            size_bytes: u64::try_from(size).unwrap_or(0),
            source_path: None,
        }
    }))
}
