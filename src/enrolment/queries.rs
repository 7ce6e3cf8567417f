//! Queries on enrolments and lesson progress.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::assessment::queries::{GradedSummary, ModuleGrades};
use crate::db::schema::{
    course_modules, course_versions, courses, enrolments, lesson_progress, lessons, role_grants,
    users,
};
use crate::identity::queries::ClaimedPerson;
use crate::ids::{CoeId, CourseId, CourseVersionId, LessonId, ModuleId, UserId};

crate::uuid_id!(
    /// An enrolment of one person in one course.
    EnrolmentId
);

/// The columns of [`Enrolment`] of an enrolment named `e`, for hand-written
/// statements: `concat!` them into the statement's text, which stays fixed.
#[macro_export]
macro_rules! enrolment_columns {
    () => {
        "e.id, e.user_id, e.course_id, e.course_version_id, e.method, e.status, \
         e.requested_at, e.decided_at, e.decision_reason, e.due_at, e.completed_at, \
         e.withdrawn_at, e.withdrawal_reason, e.last_lesson_id"
    };
}

/// The end of a hand-written statement that locks the active enrolment `e`
/// of the person `$1` in the course whose slug is `$2`, with the person as
/// [`claimed_person_columns!`](crate::claimed_person_columns) reads them
/// (`person.*`), for the session to be confirmed from the same statement.
/// The statement joins what else it needs to `e` before it.
#[macro_export]
macro_rules! claimed_live_enrolment_locked {
    () => {
        concat!(
            " LEFT JOIN LATERAL (",
            $crate::claimed_person_columns!(),
            ") person ON true \
             WHERE e.user_id = $1 \
               AND e.course_id = (SELECT id FROM courses WHERE slug = $2) \
               AND e.status = 'active' \
             LIMIT 1 \
             FOR UPDATE OF e"
        )
    };
}

/// The summaries of the graded attempts of an enrolment named `e`, one per
/// module, as the parallel arrays [`GradedByModule`] reads: the body of a
/// `LATERAL` subquery, to which the caller may add conditions.
#[macro_export]
macro_rules! graded_by_module_arrays {
    () => {
        "SELECT coalesce(array_agg(module_id), '{}') AS graded_modules, \
                coalesce(array_agg(any_passed), '{}') AS any_passed, \
                coalesce(array_agg(last_passed), '{}') AS last_passed, \
                coalesce(array_agg(average_score), '{}') AS average_scores \
         FROM graded_attempt_summaries WHERE enrolment_id = e.id"
    };
}

/// An enrolment row.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, serde::Serialize)]
#[diesel(table_name = enrolments)]
pub struct Enrolment {
    pub id: EnrolmentId,
    pub user_id: UserId,
    pub course_id: CourseId,
    pub course_version_id: CourseVersionId,
    pub method: String,
    pub status: String,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_reason: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawal_reason: Option<String>,
    pub last_lesson_id: Option<LessonId>,
}

/// A new enrolment; `None` when a live one already exists.
pub fn insert_enrolment(
    connection: &mut PgConnection,
    user_id: UserId,
    course_id: CourseId,
    version_id: CourseVersionId,
    method: &str,
    status: &str,
    due_at: Option<DateTime<Utc>>,
) -> QueryResult<Option<Enrolment>> {
    diesel::insert_into(enrolments::table)
        .values((
            enrolments::id.eq(EnrolmentId::new()),
            enrolments::user_id.eq(user_id),
            enrolments::course_id.eq(course_id),
            enrolments::course_version_id.eq(version_id),
            enrolments::method.eq(method),
            enrolments::status.eq(status),
            enrolments::due_at.eq(due_at),
        ))
        .on_conflict_do_nothing()
        .returning(Enrolment::as_returning())
        .get_result(connection)
        .optional()
}

/// The person's most recent enrolment in a course (live or not).
pub fn latest_enrolment(
    connection: &mut PgConnection,
    user_id: UserId,
    course_id: CourseId,
) -> QueryResult<Option<Enrolment>> {
    enrolments::table
        .filter(enrolments::user_id.eq(user_id))
        .filter(enrolments::course_id.eq(course_id))
        .order(enrolments::requested_at.desc())
        .select(Enrolment::as_select())
        .first(connection)
        .optional()
}

/// The summaries of an enrolment's graded attempts, one per module with
/// any, as parallel arrays read by [`graded_by_module_arrays!`].
#[derive(Debug, QueryableByName)]
pub struct GradedByModule {
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Uuid>)]
    graded_modules: Vec<ModuleId>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Bool>)]
    any_passed: Vec<bool>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Nullable<diesel::sql_types::Bool>>)]
    last_passed: Vec<Option<bool>>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Nullable<diesel::sql_types::Float8>>)]
    average_scores: Vec<Option<f64>>,
}

impl GradedByModule {
    /// The summary of the graded attempts of `enrolment_id` (the enrolment
    /// these were read for) at each module that has any.
    pub fn summaries(&self, enrolment_id: EnrolmentId) -> impl Iterator<Item = ModuleGrades> + '_ {
        self.graded_modules
            .iter()
            .zip(&self.any_passed)
            .zip(&self.last_passed)
            .zip(&self.average_scores)
            .map(
                move |(((module_id, any_passed), last_passed), average_score)| ModuleGrades {
                    enrolment_id,
                    module_id: *module_id,
                    summary: GradedSummary {
                        any_passed: *any_passed,
                        last_passed: *last_passed,
                        average_score: *average_score,
                    },
                },
            )
    }
}

/// What a course or lesson page reads of its viewer, in one statement (one
/// snapshot): the person the session claims (to confirm them), the
/// catalogue's generation, the viewer's latest enrolment in the course,
/// whether that enrolment has completed the lesson, every lesson it has
/// completed and, when asked for, its graded attempts.
#[derive(Debug, QueryableByName)]
pub struct ReaderStanding {
    /// The person whose standing this is (None: anonymous, or no such
    /// account); none of the rest may be used for them unless their
    /// session is confirmed.
    #[diesel(embed)]
    pub person: Option<ClaimedPerson>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub generation: i64,
    #[diesel(embed)]
    pub enrolment: Option<Enrolment>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub lesson_done: bool,
    /// Every lesson the enrolment has completed (none without one).
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Uuid>)]
    pub lessons_done: Vec<LessonId>,
    /// The enrolment's graded attempts summed up per module (none without
    /// an enrolment, or when they were not asked for).
    #[diesel(embed)]
    pub grades: GradedByModule,
}

/// Which standing a page reads.
#[derive(Debug, Clone, Copy)]
pub struct StandingWanted<'a> {
    /// The module's and the lesson's slugs of a lesson page: whether the
    /// enrolment completed the lesson of that name in its own version.
    pub lesson: Option<(&'a str, &'a str)>,
    /// The summaries of the enrolment's graded attempts (a course page's
    /// progress counts passed assessments).
    pub grades: bool,
}

/// `user` with their live grants, the catalogue's generation, `user`'s
/// latest enrolment in the course `course_slug` (none for an anonymous
/// viewer) with its completed lessons, and what else `wanted` names.
pub fn reader_standing(
    connection: &mut PgConnection,
    user: Option<UserId>,
    course_slug: &str,
    wanted: StandingWanted<'_>,
) -> QueryResult<ReaderStanding> {
    use diesel::sql_types::{Bool, Nullable, Text, Uuid};
    let statement = diesel::sql_query(concat!(
        "SELECT person.*, g.generation, ",
        crate::enrolment_columns!(),
        ", \
                EXISTS (SELECT 1 FROM lesson_progress p \
                        JOIN lessons l ON l.id = p.lesson_id \
                        JOIN course_modules m ON m.id = l.module_id \
                        WHERE p.enrolment_id = e.id \
                          AND m.course_version_id = e.course_version_id \
                          AND m.slug = $3 AND l.slug = $4) AS lesson_done, \
                ARRAY(SELECT p.lesson_id FROM lesson_progress p \
                      WHERE p.enrolment_id = e.id) AS lessons_done, \
                s.graded_modules, s.any_passed, s.last_passed, s.average_scores \
         FROM catalogue_generation g \
         LEFT JOIN LATERAL (",
        crate::claimed_person_columns!(),
        ") person ON true \
         LEFT JOIN LATERAL ( \
             SELECT * FROM enrolments \
             WHERE user_id = $1 \
               AND course_id = (SELECT id FROM courses WHERE slug = $2) \
             ORDER BY requested_at DESC LIMIT 1) e ON true \
         CROSS JOIN LATERAL (",
        crate::graded_by_module_arrays!(),
        " AND $5) s"
    ))
    .bind::<Nullable<Uuid>, _>(user)
    .bind::<Text, _>(course_slug)
    .bind::<Nullable<Text>, _>(wanted.lesson.map(|(module, _)| module))
    .bind::<Nullable<Text>, _>(wanted.lesson.map(|(_, lesson)| lesson))
    .bind::<Bool, _>(wanted.grades);
    crate::db::Prepared(statement).get_result(connection)
}

/// One enrolment of a person with the lessons it has completed and the
/// summaries of its graded attempts (one per module, as parallel arrays).
#[derive(Debug)]
pub struct EnrolmentWithProgress {
    pub enrolment: Enrolment,
    pub lessons_done: Vec<LessonId>,
    grades: GradedByModule,
}

impl EnrolmentWithProgress {
    /// The summary of this enrolment's graded attempts at each module
    /// that has any.
    pub fn graded(&self) -> impl Iterator<Item = ModuleGrades> + '_ {
        self.grades.summaries(self.enrolment.id)
    }
}

/// A person with every enrolment of theirs, as read in one statement (one
/// snapshot) with the catalogue's generation.
#[derive(Debug)]
pub struct PersonsLearning {
    /// The person (None: no such account); none of the rest may be used
    /// for them unless their session is confirmed.
    pub person: Option<ClaimedPerson>,
    pub generation: i64,
    /// Newest first.
    pub enrolments: Vec<EnrolmentWithProgress>,
}

/// One row of [`learning_of`]: the person and the generation on every row,
/// with one enrolment, or none on the only row of a person with none.
#[derive(QueryableByName)]
struct LearningRow {
    #[diesel(embed)]
    person: Option<ClaimedPerson>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    generation: i64,
    #[diesel(embed)]
    enrolment: Option<Enrolment>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Uuid>)]
    lessons_done: Vec<LessonId>,
    #[diesel(embed)]
    grades: GradedByModule,
}

/// The person `user_id` with their live grants and every enrolment of
/// theirs, newest first, each with the lessons it has completed and its
/// graded attempts summed up per module, in one statement.
pub fn learning_of(connection: &mut PgConnection, user_id: UserId) -> QueryResult<PersonsLearning> {
    let statement = diesel::sql_query(concat!(
        "SELECT person.*, g.generation, ",
        crate::enrolment_columns!(),
        ", \
                ARRAY(SELECT p.lesson_id FROM lesson_progress p \
                      WHERE p.enrolment_id = e.id) AS lessons_done, \
                s.graded_modules, s.any_passed, s.last_passed, s.average_scores \
         FROM catalogue_generation g \
         LEFT JOIN LATERAL (",
        crate::claimed_person_columns!(),
        ") person ON true \
         LEFT JOIN enrolments e ON e.user_id = $1 \
         CROSS JOIN LATERAL (",
        crate::graded_by_module_arrays!(),
        ") s \
         ORDER BY e.requested_at DESC"
    ))
    .bind::<diesel::sql_types::Uuid, _>(user_id);
    let rows: Vec<LearningRow> = crate::db::Prepared(statement).load(connection)?;
    let mut learning = PersonsLearning {
        person: None,
        generation: 0,
        enrolments: Vec::with_capacity(rows.len()),
    };
    for row in rows {
        learning.person = row.person;
        learning.generation = row.generation;
        if let Some(enrolment) = row.enrolment {
            learning.enrolments.push(EnrolmentWithProgress {
                enrolment,
                lessons_done: row.lessons_done,
                grades: row.grades,
            });
        }
    }
    Ok(learning)
}

/// An enrolment, locked for this transaction.
pub fn lock_enrolment(
    connection: &mut PgConnection,
    id: EnrolmentId,
) -> QueryResult<Option<Enrolment>> {
    enrolments::table
        .find(id)
        .select(Enrolment::as_select())
        .for_update()
        .first(connection)
        .optional()
}

/// The person's live enrolment in a course, locked.
pub fn lock_live_enrolment(
    connection: &mut PgConnection,
    user_id: UserId,
    course_id: CourseId,
) -> QueryResult<Option<Enrolment>> {
    enrolments::table
        .filter(enrolments::user_id.eq(user_id))
        .filter(enrolments::course_id.eq(course_id))
        .filter(enrolments::status.eq("active"))
        .select(Enrolment::as_select())
        .for_update()
        .first(connection)
        .optional()
}

/// A person's active enrolment in the course `course_slug`, locked for this
/// transaction, with the id of its version's lesson `module_slug`/
/// `lesson_slug` (None: its version has no such lesson) and the person
/// with their live grants, in one statement.
pub fn lock_live_enrolment_with_lesson(
    connection: &mut PgConnection,
    user_id: UserId,
    course_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
) -> QueryResult<Option<EnrolmentWithLesson>> {
    use diesel::sql_types::{Text, Uuid};
    let statement = diesel::sql_query(concat!(
        "SELECT person.*, ",
        crate::enrolment_columns!(),
        ", \
                (SELECT l.id FROM lessons l \
                 JOIN course_modules m ON m.id = l.module_id \
                 WHERE l.course_version_id = e.course_version_id \
                   AND m.slug = $3 AND l.slug = $4 \
                 LIMIT 1) AS lesson_id \
         FROM enrolments e",
        crate::claimed_live_enrolment_locked!()
    ))
    .bind::<Uuid, _>(user_id)
    .bind::<Text, _>(course_slug)
    .bind::<Text, _>(module_slug)
    .bind::<Text, _>(lesson_slug);
    crate::db::Prepared(statement)
        .get_result(connection)
        .optional()
}

/// An enrolment and the id of one lesson of its version, if it has it, with
/// the enrolment's person as [`claimed_person_columns!`](crate::claimed_person_columns)
/// reads them.
#[derive(Debug, QueryableByName)]
pub struct EnrolmentWithLesson {
    #[diesel(embed)]
    pub person: Option<ClaimedPerson>,
    #[diesel(embed)]
    pub enrolment: Enrolment,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Uuid>)]
    pub lesson_id: Option<LessonId>,
}

/// The catalogue's generation, the lessons an enrolment has completed and
/// its graded attempts summed up per module, in one statement (one
/// snapshot).
#[derive(Debug, QueryableByName)]
pub struct EnrolmentRecord {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub generation: i64,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Uuid>)]
    pub lessons_done: Vec<LessonId>,
    #[diesel(embed)]
    pub grades: GradedByModule,
}

/// See [`EnrolmentRecord`].
pub fn enrolment_record(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
) -> QueryResult<EnrolmentRecord> {
    let statement = diesel::sql_query(concat!(
        "SELECT g.generation, \
                ARRAY(SELECT p.lesson_id FROM lesson_progress p \
                      WHERE p.enrolment_id = e.id) AS lessons_done, \
                s.graded_modules, s.any_passed, s.last_passed, s.average_scores \
         FROM catalogue_generation g \
         CROSS JOIN (SELECT $1::uuid AS id) e \
         CROSS JOIN LATERAL (",
        crate::graded_by_module_arrays!(),
        ") s"
    ))
    .bind::<diesel::sql_types::Uuid, _>(enrolment);
    crate::db::Prepared(statement).get_result(connection)
}

pub fn set_status(
    connection: &mut PgConnection,
    id: EnrolmentId,
    status: &str,
    decided_by: Option<UserId>,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::update(enrolments::table.find(id))
        .set((
            enrolments::status.eq(status),
            enrolments::decided_at.eq(diesel::dsl::now),
            enrolments::decided_by.eq(decided_by),
            enrolments::decision_reason.eq(reason),
        ))
        .execute(connection)?;
    Ok(())
}

pub fn mark_withdrawn(
    connection: &mut PgConnection,
    id: EnrolmentId,
    by: UserId,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::update(enrolments::table.find(id))
        .set((
            enrolments::status.eq("withdrawn"),
            enrolments::withdrawn_at.eq(diesel::dsl::now),
            enrolments::withdrawn_by.eq(by),
            enrolments::withdrawal_reason.eq(reason),
        ))
        .execute(connection)?;
    Ok(())
}

pub fn mark_completed(
    connection: &mut PgConnection,
    id: EnrolmentId,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(enrolments::table.find(id))
        .set((
            enrolments::status.eq("completed"),
            enrolments::completed_at.eq(at),
        ))
        .execute(connection)?;
    Ok(())
}

/// Records a completed lesson as the enrolment's last lesson, in one
/// statement; false when it was already recorded.
pub fn record_lesson_done(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
    lesson: LessonId,
) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct Recorded {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        inserted: i64,
    }
    use diesel::sql_types::Uuid;
    let statement = diesel::sql_query(
        "WITH inserted AS ( \
             INSERT INTO lesson_progress (enrolment_id, lesson_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING RETURNING 1) \
         UPDATE enrolments SET last_lesson_id = $2 WHERE id = $1 \
         RETURNING (SELECT count(*) FROM inserted) AS inserted",
    )
    .bind::<Uuid, _>(enrolment)
    .bind::<Uuid, _>(lesson);
    let recorded: Vec<Recorded> = crate::db::Prepared(statement).load(connection)?;
    Ok(recorded.first().is_some_and(|row| row.inserted == 1))
}

/// A lesson of a version by module and lesson slug.
pub fn lesson_in_version(
    connection: &mut PgConnection,
    version: CourseVersionId,
    module_slug: &str,
    lesson_slug: &str,
) -> QueryResult<Option<LessonId>> {
    lessons::table
        .inner_join(course_modules::table)
        .filter(lessons::course_version_id.eq(version))
        .filter(course_modules::slug.eq(module_slug))
        .filter(lessons::slug.eq(lesson_slug))
        .select(lessons::id)
        .first(connection)
        .optional()
}

/// One lesson of a version's syllabus.
#[derive(Debug, Clone, Queryable)]
pub struct SyllabusLesson {
    pub id: LessonId,
    pub module_slug: String,
    pub slug: String,
    pub title: String,
    pub required: bool,
}

/// The lessons of an enrolment's version, in order, each with whether the
/// enrolment has completed it.
pub fn syllabus_with_done(
    connection: &mut PgConnection,
    enrolment: &Enrolment,
) -> QueryResult<Vec<(SyllabusLesson, bool)>> {
    lessons::table
        .inner_join(course_modules::table)
        .left_join(
            lesson_progress::table.on(lesson_progress::lesson_id
                .eq(lessons::id)
                .and(lesson_progress::enrolment_id.eq(enrolment.id))),
        )
        .filter(lessons::course_version_id.eq(enrolment.course_version_id))
        .order((course_modules::position.asc(), lessons::position.asc()))
        .select((
            (
                lessons::id,
                course_modules::slug,
                lessons::slug,
                lessons::title,
                lessons::required,
            ),
            lesson_progress::lesson_id.nullable().is_not_null(),
        ))
        .load(connection)
}

/// A required assessment of a version, with its stored settings.
#[derive(Debug, Clone)]
pub struct RequiredAssessment {
    pub version: CourseVersionId,
    pub module: crate::ids::ModuleId,
    pub title: String,
    pub settings: serde_json::Value,
}

/// The required assessments of several versions, in module order.
pub fn required_assessments_of(
    connection: &mut PgConnection,
    versions: &[CourseVersionId],
) -> QueryResult<Vec<RequiredAssessment>> {
    let settings: Vec<(
        CourseVersionId,
        crate::ids::ModuleId,
        Option<serde_json::Value>,
    )> = course_modules::table
        .filter(course_modules::course_version_id.eq_any(versions))
        .order((
            course_modules::course_version_id.asc(),
            course_modules::position.asc(),
        ))
        .select((
            course_modules::course_version_id,
            course_modules::id,
            course_modules::assessment,
        ))
        .load(connection)?;
    Ok(settings
        .into_iter()
        .filter_map(|(version, module, assessment)| {
            let assessment = assessment?;
            let required = assessment
                .get("required")
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(true);
            let title = assessment.get("title")?.as_str()?.to_owned();
            required.then_some(RequiredAssessment {
                version,
                module,
                title,
                settings: assessment,
            })
        })
        .collect())
}

/// What a version's outline names it by: its course's slug, its title,
/// language and number.
#[derive(Debug, Clone, Queryable)]
pub struct VersionFacts {
    pub version: CourseVersionId,
    pub course_slug: String,
    pub title: String,
    pub language: String,
    pub version_number: i32,
}

/// The facts of several versions.
pub fn version_facts(
    connection: &mut PgConnection,
    versions: &[CourseVersionId],
) -> QueryResult<Vec<VersionFacts>> {
    course_versions::table
        .inner_join(courses::table.on(courses::id.eq(course_versions::course_id)))
        .filter(course_versions::id.eq_any(versions))
        .select((
            course_versions::id,
            courses::slug,
            course_versions::title,
            course_versions::language,
            course_versions::version_number,
        ))
        .load(connection)
}

/// The syllabi of several versions: (version, lesson), in order.
pub fn syllabi(
    connection: &mut PgConnection,
    versions: &[CourseVersionId],
) -> QueryResult<Vec<(CourseVersionId, SyllabusLesson)>> {
    lessons::table
        .inner_join(course_modules::table)
        .filter(lessons::course_version_id.eq_any(versions))
        .order((
            lessons::course_version_id.asc(),
            course_modules::position.asc(),
            lessons::position.asc(),
        ))
        .select((
            lessons::course_version_id,
            (
                lessons::id,
                course_modules::slug,
                lessons::slug,
                lessons::title,
                lessons::required,
            ),
        ))
        .load(connection)
}

/// Whether the person has completed the course (any version).
pub fn has_completed(
    connection: &mut PgConnection,
    user_id: UserId,
    course_id: CourseId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        enrolments::table
            .filter(enrolments::user_id.eq(user_id))
            .filter(enrolments::course_id.eq(course_id))
            .filter(enrolments::status.eq("completed")),
    ))
    .get_result(connection)
}

/// (name, email) of the coordinators of a CoE.
pub fn coordinators_of(
    connection: &mut PgConnection,
    coe: CoeId,
) -> QueryResult<Vec<(String, String)>> {
    role_grants::table
        .inner_join(users::table.on(users::id.eq(role_grants::user_id)))
        .filter(role_grants::role.eq("coordinator"))
        .filter(role_grants::coe_id.eq(coe))
        .filter(role_grants::revoked_at.is_null())
        .select((users::display_name, users::email))
        .load(connection)
}

/// Enrolments with `status` in the courses of a CoE, oldest first (at most
/// 1,000): (enrolment, learner name, learner email, course slug).
pub fn enrolments_for_coe(
    connection: &mut PgConnection,
    coe: CoeId,
    status: &str,
) -> QueryResult<Vec<(Enrolment, String, String, String)>> {
    enrolments::table
        .inner_join(users::table.on(users::id.eq(enrolments::user_id)))
        .inner_join(courses::table.on(courses::id.eq(enrolments::course_id)))
        .filter(courses::coe_id.eq(coe))
        .filter(enrolments::status.eq(status))
        .order(enrolments::requested_at.asc())
        .limit(1000)
        .select((
            Enrolment::as_select(),
            users::display_name,
            users::email,
            courses::slug,
        ))
        .load(connection)
}

/// (name, email) of a user.
pub fn person(connection: &mut PgConnection, user_id: UserId) -> QueryResult<(String, String)> {
    users::table
        .find(user_id)
        .select((users::display_name, users::email))
        .first(connection)
}
