//! Queries that create courses and publish versions. A version is inserted
//! as a draft with its modules, lessons and prerequisites, then published in
//! one UPDATE; from then on the database refuses any change to it.

use diesel::prelude::*;
use serde_json::Value;

use crate::db::schema::{
    course_modules, course_prerequisites, course_versions, courses, lesson_attachments, lessons,
};
use crate::ids::{CoeId, CourseId, CourseVersionId, LessonId, ModuleId, UserId};

/// What the file sync needs to know about an existing course.
#[derive(Debug, Clone, Queryable)]
pub struct CourseState {
    pub id: CourseId,
    pub slug: String,
    pub coe_id: CoeId,
    pub source: String,
    pub status: String,
    pub current_hash: Option<String>,
    pub current_version_id: Option<CourseVersionId>,
}

/// Every course with the content hash of its current version.
pub fn course_states(connection: &mut PgConnection) -> QueryResult<Vec<CourseState>> {
    courses::table
        .left_join(
            course_versions::table.on(course_versions::id
                .nullable()
                .eq(courses::current_version_id)),
        )
        .select((
            courses::id,
            courses::slug,
            courses::coe_id,
            courses::source,
            courses::status,
            course_versions::content_hash.nullable(),
            courses::current_version_id,
        ))
        .order(courses::slug.asc())
        .load(connection)
}

/// The highest version number of a course (0 when it has none).
pub fn latest_version_number(
    connection: &mut PgConnection,
    course_id: CourseId,
) -> QueryResult<i32> {
    course_versions::table
        .filter(course_versions::course_id.eq(course_id))
        .select(diesel::dsl::max(course_versions::version_number))
        .first::<Option<i32>>(connection)
        .map(Option::unwrap_or_default)
}

/// Creates a course with no version yet.
pub fn insert_course(
    connection: &mut PgConnection,
    slug: &str,
    coe_id: CoeId,
    source: &str,
) -> QueryResult<CourseId> {
    diesel::insert_into(courses::table)
        .values((
            courses::id.eq(CourseId::new()),
            courses::slug.eq(slug),
            courses::coe_id.eq(coe_id),
            courses::source.eq(source),
        ))
        .returning(courses::id)
        .get_result(connection)
}

/// A version about to be written (as a draft).
#[derive(Debug, Insertable)]
#[diesel(table_name = course_versions)]
pub struct NewVersion<'a> {
    pub id: CourseVersionId,
    pub course_id: CourseId,
    pub version_number: i32,
    pub content_hash: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub description_markdown: &'a str,
    pub description_html: &'a str,
    pub audience: &'a str,
    pub level: &'a str,
    pub language: &'a str,
    pub credits: Option<f64>,
    pub credit_type: Option<&'a str>,
    pub tags: &'a [String],
    pub certificate: bool,
    pub certificate_validity_months: Option<i32>,
    pub enrolment_method: &'a str,
    pub requires_retraining: bool,
    pub change_note: Option<&'a str>,
    pub source_path: Option<&'a str>,
    pub search_text: &'a str,
    pub enrolment_opens_at: Option<chrono::DateTime<chrono::Utc>>,
    pub enrolment_closes_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn insert_draft_version(
    connection: &mut PgConnection,
    version: &NewVersion<'_>,
) -> QueryResult<()> {
    diesel::insert_into(course_versions::table)
        .values(version)
        .execute(connection)?;
    Ok(())
}

/// A module about to be written.
#[derive(Debug, Insertable)]
#[diesel(table_name = course_modules)]
pub struct NewModule<'a> {
    pub id: ModuleId,
    pub course_version_id: CourseVersionId,
    pub position: i32,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub assessment: Option<Value>,
    pub quiz_gift: Option<&'a str>,
}

pub fn insert_module(connection: &mut PgConnection, module: &NewModule<'_>) -> QueryResult<()> {
    diesel::insert_into(course_modules::table)
        .values(module)
        .execute(connection)?;
    Ok(())
}

/// A lesson about to be written.
#[derive(Debug, Insertable)]
#[diesel(table_name = lessons)]
pub struct NewLesson<'a> {
    pub id: LessonId,
    pub module_id: ModuleId,
    pub course_version_id: CourseVersionId,
    pub position: i32,
    pub slug: &'a str,
    pub title: &'a str,
    pub minutes: i32,
    pub required: bool,
    pub body_markdown: &'a str,
    pub body_html: String,
    pub document_id: Option<&'a str>,
    pub document_version: Option<&'a str>,
}

pub fn insert_lessons(
    connection: &mut PgConnection,
    new_lessons: &[NewLesson<'_>],
) -> QueryResult<()> {
    diesel::insert_into(lessons::table)
        .values(new_lessons)
        .execute(connection)?;
    Ok(())
}

/// Records a published lesson's attachments, in order.
pub fn insert_attachments(
    connection: &mut PgConnection,
    lesson_id: LessonId,
    attachments: &[crate::course_files::load::AttachmentSource],
) -> QueryResult<()> {
    if attachments.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = attachments
        .iter()
        .enumerate()
        .map(|(index, attachment)| {
            (
                lesson_attachments::lesson_id.eq(lesson_id),
                lesson_attachments::position.eq(i32::try_from(index + 1).unwrap_or(i32::MAX)),
                lesson_attachments::file_name.eq(&attachment.file_name),
                lesson_attachments::sha256.eq(&attachment.sha256),
                lesson_attachments::content_type.eq(&attachment.content_type),
                lesson_attachments::size_bytes
                    .eq(i64::try_from(attachment.size_bytes).unwrap_or(i64::MAX)),
            )
        })
        .collect();
    diesel::insert_into(lesson_attachments::table)
        .values(rows)
        .execute(connection)
        .map(drop)
}

pub fn insert_prerequisites(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
    required: &[CourseId],
) -> QueryResult<()> {
    let rows: Vec<_> = required
        .iter()
        .map(|course_id| {
            (
                course_prerequisites::course_version_id.eq(version_id),
                course_prerequisites::required_course_id.eq(*course_id),
            )
        })
        .collect();
    diesel::insert_into(course_prerequisites::table)
        .values(rows)
        .execute(connection)?;
    Ok(())
}

/// Publishes a draft (it becomes immutable) and makes it the course's current version.
pub fn publish_version(
    connection: &mut PgConnection,
    course_id: CourseId,
    version_id: CourseVersionId,
    published_by: Option<UserId>,
) -> QueryResult<()> {
    diesel::update(course_versions::table.find(version_id))
        .set((
            course_versions::status.eq("published"),
            course_versions::published_at.eq(diesel::dsl::now),
            course_versions::published_by.eq(published_by),
        ))
        .execute(connection)?;
    diesel::update(courses::table.find(course_id))
        .set(courses::current_version_id.eq(version_id))
        .execute(connection)?;
    Ok(())
}

/// Archives a course: it leaves the catalogue; its versions stay.
pub fn archive_course(connection: &mut PgConnection, course_id: CourseId) -> QueryResult<()> {
    diesel::update(courses::table.find(course_id))
        .set((
            courses::status.eq("archived"),
            courses::archived_at.eq(diesel::dsl::now),
        ))
        .execute(connection)?;
    Ok(())
}

/// Brings an archived course back into the catalogue.
pub fn restore_course(connection: &mut PgConnection, course_id: CourseId) -> QueryResult<()> {
    diesel::update(courses::table.find(course_id))
        .set((
            courses::status.eq("active"),
            courses::archived_at.eq(None::<chrono::DateTime<chrono::Utc>>),
        ))
        .execute(connection)?;
    Ok(())
}

/// Moves a course to another owning CoE.
pub fn set_course_owner(
    connection: &mut PgConnection,
    course_id: CourseId,
    coe_id: CoeId,
) -> QueryResult<()> {
    diesel::update(courses::table.find(course_id))
        .set(courses::coe_id.eq(coe_id))
        .execute(connection)?;
    Ok(())
}
