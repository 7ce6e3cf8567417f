//! Database access for drafts, and for reading a published version back
//! into the course-folder shape (`CourseSource`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::course_files::format::{AssessmentSettings, ControlledDocument};
use crate::course_files::load::{AttachmentSource, CourseSource, LessonSource, ModuleSource};
use crate::db::schema::{
    coes, course_drafts, course_modules, course_prerequisites, course_versions, courses,
    lesson_attachments, lessons, users,
};
use crate::ids::{CoeId, CourseId, CourseVersionId, UserId};

crate::uuid_id!(
    /// A draft of a course's next version.
    DraftId
);

/// A draft row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = course_drafts)]
pub struct Draft {
    pub id: DraftId,
    pub course_id: CourseId,
    pub base_version_id: Option<CourseVersionId>,
    pub content: serde_json::Value,
    pub status: String,
    pub lock_version: i32,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_by: UserId,
    pub updated_at: DateTime<Utc>,
    pub editors: Vec<uuid::Uuid>,
    pub submitted_by: Option<UserId>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub reviewed_by: Option<UserId>,
    pub review_note: Option<String>,
}

/// A course as the editor needs it.
#[derive(Debug, Clone, Queryable)]
pub struct AuthoredCourse {
    pub id: CourseId,
    pub slug: String,
    pub coe_id: CoeId,
    pub source: String,
    pub current_version_id: Option<CourseVersionId>,
}

/// A course by slug.
pub fn course_by_slug(
    connection: &mut PgConnection,
    slug: &str,
) -> QueryResult<Option<AuthoredCourse>> {
    courses::table
        .filter(courses::slug.eq(slug))
        .select((
            courses::id,
            courses::slug,
            courses::coe_id,
            courses::source,
            courses::current_version_id,
        ))
        .first(connection)
        .optional()
}

/// Every course with its title (current version, else open draft's) and
/// the state of its open draft, for the editor's list.
pub fn all_courses(connection: &mut PgConnection) -> QueryResult<Vec<CourseListRow>> {
    courses::table
        .inner_join(coes::table)
        .left_join(
            course_versions::table
                .on(courses::current_version_id.eq(course_versions::id.nullable())),
        )
        .filter(courses::status.eq("active"))
        .order(courses::slug)
        .select((
            (
                courses::id,
                courses::slug,
                courses::coe_id,
                courses::source,
                courses::current_version_id,
            ),
            course_versions::title.nullable(),
            coes::slug,
            coes::name,
        ))
        .load(connection)
}

/// The open (draft or in review) draft of a course, locked for update.
pub fn lock_open_draft(
    connection: &mut PgConnection,
    course_id: CourseId,
) -> QueryResult<Option<Draft>> {
    course_drafts::table
        .filter(course_drafts::course_id.eq(course_id))
        .filter(course_drafts::status.eq_any(["draft", "in_review"]))
        .select(Draft::as_select())
        .for_update()
        .first(connection)
        .optional()
}

/// The open draft of a course (read only).
pub fn open_draft(
    connection: &mut PgConnection,
    course_id: CourseId,
) -> QueryResult<Option<Draft>> {
    course_drafts::table
        .filter(course_drafts::course_id.eq(course_id))
        .filter(course_drafts::status.eq_any(["draft", "in_review"]))
        .select(Draft::as_select())
        .first(connection)
        .optional()
}

/// Starts a draft; `None` when the course already has an open one.
pub fn insert_draft(
    connection: &mut PgConnection,
    course_id: CourseId,
    base_version_id: Option<CourseVersionId>,
    content: &serde_json::Value,
    by: UserId,
) -> QueryResult<Option<Draft>> {
    diesel::insert_into(course_drafts::table)
        .values((
            course_drafts::id.eq(DraftId::new()),
            course_drafts::course_id.eq(course_id),
            course_drafts::base_version_id.eq(base_version_id),
            course_drafts::content.eq(content),
            course_drafts::status.eq("draft"),
            course_drafts::created_by.eq(by),
            course_drafts::updated_by.eq(by),
            course_drafts::editors.eq(vec![by.0]),
        ))
        .on_conflict_do_nothing()
        .returning(Draft::as_returning())
        .get_result(connection)
        .optional()
}

/// Saves content if nobody saved since `expected_lock`; the new lock version.
pub fn save_content(
    connection: &mut PgConnection,
    id: DraftId,
    expected_lock: i32,
    content: &serde_json::Value,
    by: UserId,
) -> QueryResult<Option<i32>> {
    diesel::update(
        course_drafts::table
            .find(id)
            .filter(course_drafts::lock_version.eq(expected_lock))
            .filter(course_drafts::status.eq("draft")),
    )
    .set((
        course_drafts::content.eq(content),
        course_drafts::lock_version.eq(course_drafts::lock_version + 1),
        course_drafts::updated_by.eq(by),
        course_drafts::updated_at.eq(diesel::dsl::now),
    ))
    .returning(course_drafts::lock_version)
    .get_result(connection)
    .optional()
}

/// Records `by` among the draft's editors (once).
pub fn add_editor(connection: &mut PgConnection, id: DraftId, by: UserId) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE course_drafts SET editors = array_append(editors, $2)
          WHERE id = $1 AND NOT ($2 = ANY (editors))",
    )
    .bind::<diesel::sql_types::Uuid, _>(id)
    .bind::<diesel::sql_types::Uuid, _>(by)
    .execute(connection)
    .map(drop)
}

/// Sends a draft to review.
pub fn mark_submitted(connection: &mut PgConnection, id: DraftId, by: UserId) -> QueryResult<()> {
    diesel::update(course_drafts::table.find(id))
        .set((
            course_drafts::status.eq("in_review"),
            course_drafts::submitted_by.eq(by),
            course_drafts::submitted_at.eq(diesel::dsl::now),
            course_drafts::lock_version.eq(course_drafts::lock_version + 1),
            course_drafts::review_note.eq(None::<String>),
        ))
        .execute(connection)
        .map(drop)
}

/// Returns a draft to its authors with the reviewer's note.
pub fn mark_rejected(
    connection: &mut PgConnection,
    id: DraftId,
    by: UserId,
    note: &str,
) -> QueryResult<()> {
    diesel::update(course_drafts::table.find(id))
        .set((
            course_drafts::status.eq("draft"),
            course_drafts::reviewed_by.eq(by),
            course_drafts::reviewed_at.eq(diesel::dsl::now),
            course_drafts::review_note.eq(note),
            course_drafts::lock_version.eq(course_drafts::lock_version + 1),
        ))
        .execute(connection)
        .map(drop)
}

/// Closes a draft as published into `version_id`.
pub fn mark_published(
    connection: &mut PgConnection,
    id: DraftId,
    by: UserId,
    version_id: CourseVersionId,
) -> QueryResult<()> {
    diesel::update(course_drafts::table.find(id))
        .set((
            course_drafts::status.eq("published"),
            course_drafts::reviewed_by.eq(by),
            course_drafts::reviewed_at.eq(diesel::dsl::now),
            course_drafts::published_version_id.eq(version_id),
        ))
        .execute(connection)
        .map(drop)
}

/// A person's display name.
pub fn name_of(connection: &mut PgConnection, user_id: UserId) -> QueryResult<String> {
    users::table
        .find(user_id)
        .select(users::display_name)
        .first(connection)
}

/// One line of a course's history.
#[derive(Debug, Clone, Queryable)]
pub struct VersionLine {
    pub id: CourseVersionId,
    pub version_number: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub publisher: Option<String>,
    pub change_note: Option<String>,
    pub requires_retraining: bool,
    pub source_path: Option<String>,
}

/// Every published version of a course, newest first.
pub fn versions_of(
    connection: &mut PgConnection,
    course_id: CourseId,
) -> QueryResult<Vec<VersionLine>> {
    course_versions::table
        .left_join(users::table.on(course_versions::published_by.eq(users::id.nullable())))
        .filter(course_versions::course_id.eq(course_id))
        .filter(course_versions::status.eq("published"))
        .order(course_versions::version_number.desc())
        .select((
            course_versions::id,
            course_versions::version_number,
            course_versions::published_at,
            users::display_name.nullable(),
            course_versions::change_note,
            course_versions::requires_retraining,
            course_versions::source_path,
        ))
        .load(connection)
}

/// A module row: id, position, slug, title, summary, assessment, question bank.
type ModuleRow = (
    uuid::Uuid,
    i32,
    String,
    String,
    String,
    Option<serde_json::Value>,
    Option<String>,
);

/// A lesson row: module id, id, position, slug, title, minutes, required, Markdown.
type LessonRow = (
    uuid::Uuid,
    uuid::Uuid,
    i32,
    String,
    String,
    i32,
    bool,
    String,
);

/// A course in the editor's list: the course, its title, its CoE's slug and name.
pub type CourseListRow = (AuthoredCourse, Option<String>, String, String);

type VersionRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<f64>,
    Option<String>,
    Vec<String>,
    bool,
    Option<i32>,
    String,
    bool,
    Option<String>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// A published version read back into the course-folder shape.
pub fn source_of_version(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<CourseSource> {
    let (
        slug,
        coe,
        title,
        summary,
        description_markdown,
        audience,
        level,
        credits,
        credit_type,
        tags,
        certificate,
        validity,
        enrolment,
        requires_retraining,
        change_note,
        opens,
        closes,
    ): VersionRow = course_versions::table
        .inner_join(courses::table.on(courses::id.eq(course_versions::course_id)))
        .inner_join(coes::table.on(coes::id.eq(courses::coe_id)))
        .filter(course_versions::id.eq(version_id))
        .select((
            courses::slug,
            coes::slug,
            course_versions::title,
            course_versions::summary,
            course_versions::description_markdown,
            course_versions::audience,
            course_versions::level,
            course_versions::credits,
            course_versions::credit_type,
            course_versions::tags,
            course_versions::certificate,
            course_versions::certificate_validity_months,
            course_versions::enrolment_method,
            course_versions::requires_retraining,
            course_versions::change_note,
            course_versions::enrolment_opens_at,
            course_versions::enrolment_closes_at,
        ))
        .first(connection)?;
    let language: String = course_versions::table
        .find(version_id)
        .select(course_versions::language)
        .first(connection)?;
    let mut prerequisites: Vec<String> = course_prerequisites::table
        .inner_join(courses::table.on(courses::id.eq(course_prerequisites::required_course_id)))
        .filter(course_prerequisites::course_version_id.eq(version_id))
        .select(courses::slug)
        .load(connection)?;
    prerequisites.sort();
    let module_rows: Vec<ModuleRow> = course_modules::table
        .filter(course_modules::course_version_id.eq(version_id))
        .order(course_modules::position)
        .select((
            course_modules::id,
            course_modules::position,
            course_modules::slug,
            course_modules::title,
            course_modules::summary,
            course_modules::assessment,
            course_modules::quiz_gift,
        ))
        .load(connection)?;
    let lesson_rows: Vec<LessonRow> = lessons::table
        .filter(lessons::course_version_id.eq(version_id))
        .order((lessons::module_id, lessons::position))
        .select((
            lessons::module_id,
            lessons::id,
            lessons::position,
            lessons::slug,
            lessons::title,
            lessons::minutes,
            lessons::required,
            lessons::body_markdown,
        ))
        .load(connection)?;
    let attachment_rows = attachments_of_version(connection, version_id)?;
    let document_ids: std::collections::HashMap<uuid::Uuid, ControlledDocument> = lessons::table
        .filter(lessons::course_version_id.eq(version_id))
        .filter(lessons::document_id.is_not_null())
        .select((lessons::id, lessons::document_id, lessons::document_version))
        .load::<(uuid::Uuid, Option<String>, Option<String>)>(connection)?
        .into_iter()
        .filter_map(|(id, document, version)| {
            Some((
                id,
                ControlledDocument {
                    id: document?,
                    version: version?,
                },
            ))
        })
        .collect();
    let to_u32 = |value: i32| u32::try_from(value).unwrap_or(0);
    let modules = module_rows
        .into_iter()
        .map(
            |(id, position, slug, title, summary, assessment, quiz_gift)| {
                let assessment: Option<AssessmentSettings> = assessment
                    .map(serde_json::from_value)
                    .transpose()
                    .map_err(|error| {
                        diesel::result::Error::DeserializationError(Box::new(error))
                    })?;
                Ok(ModuleSource {
                    position: to_u32(position),
                    slug,
                    title,
                    summary,
                    assessment,
                    quiz_gift,
                    lessons: lesson_rows
                        .iter()
                        .filter(|row| row.0 == id)
                        .map(
                            |(_, lesson_id, position, slug, title, minutes, required, body)| {
                                LessonSource {
                                    position: to_u32(*position),
                                    slug: slug.clone(),
                                    title: title.clone(),
                                    minutes: to_u32(*minutes),
                                    required: *required,
                                    body_markdown: body.clone(),
                                    attachments: attachments_of(&attachment_rows, *lesson_id),
                                    document: document_ids.get(lesson_id).cloned(),
                                }
                            },
                        )
                        .collect(),
                })
            },
        )
        .collect::<QueryResult<Vec<_>>>()?;
    let parse_error = |what: &str, value: &str| {
        diesel::result::Error::DeserializationError(format!("unknown {what} {value}").into())
    };
    Ok(CourseSource {
        slug,
        path: Default::default(),
        coe,
        title,
        summary,
        description_markdown,
        audience: crate::catalog::Audience::parse(&audience)
            .ok_or_else(|| parse_error("audience", &audience))?,
        level: crate::catalog::Level::parse(&level).ok_or_else(|| parse_error("level", &level))?,
        language,
        credits,
        credit_type: credit_type
            .map(|kind| {
                crate::catalog::CreditType::parse(&kind)
                    .ok_or_else(|| parse_error("credit type", &kind))
            })
            .transpose()?,
        tags,
        prerequisites,
        certificate,
        certificate_validity_months: validity.and_then(|months| u32::try_from(months).ok()),
        requires_retraining,
        change_note,
        enrolment: crate::catalog::EnrolmentMethod::parse(&enrolment)
            .ok_or_else(|| parse_error("enrolment method", &enrolment))?,
        enrolment_opens_at: opens,
        enrolment_closes_at: closes,
        modules,
    })
}

/// The attachments of every lesson of a version, with their lesson ids.
pub fn attachments_of_version(
    connection: &mut PgConnection,
    version_id: CourseVersionId,
) -> QueryResult<Vec<(uuid::Uuid, AttachmentSource)>> {
    let rows: Vec<(uuid::Uuid, String, String, String, i64)> = lesson_attachments::table
        .inner_join(lessons::table.on(lessons::id.eq(lesson_attachments::lesson_id)))
        .filter(lessons::course_version_id.eq(version_id))
        .order((lesson_attachments::lesson_id, lesson_attachments::position))
        .select((
            lesson_attachments::lesson_id,
            lesson_attachments::file_name,
            lesson_attachments::sha256,
            lesson_attachments::content_type,
            lesson_attachments::size_bytes,
        ))
        .load(connection)?;
    Ok(rows
        .into_iter()
        .map(|(lesson_id, file_name, sha256, content_type, size)| {
            (
                lesson_id,
                AttachmentSource {
                    file_name,
                    sha256,
                    content_type,
                    size_bytes: u64::try_from(size).unwrap_or(0),
                    source_path: None,
                },
            )
        })
        .collect())
}

fn attachments_of(
    rows: &[(uuid::Uuid, AttachmentSource)],
    lesson_id: uuid::Uuid,
) -> Vec<AttachmentSource> {
    rows.iter()
        .filter(|(id, _)| *id == lesson_id)
        .map(|(_, attachment)| attachment.clone())
        .collect()
}
