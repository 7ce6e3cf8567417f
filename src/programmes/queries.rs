//! Database access for programmes, programme enrolments and course
//! equivalences.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{
    certificates, coes, course_equivalences, course_versions, courses, enrolments,
    programme_courses, programme_enrolments, programmes,
};
use crate::ids::{CoeId, CourseId, UserId};

crate::uuid_id!(
    /// A programme (curriculum).
    ProgrammeId
);

/// A programme row.
#[derive(Debug, Clone, Queryable, Selectable, PartialEq)]
#[diesel(table_name = programmes)]
pub struct Programme {
    pub id: ProgrammeId,
    pub slug: String,
    pub coe_id: CoeId,
    pub title: String,
    pub summary: String,
    pub description_html: String,
    pub electives_required: i32,
    pub certificate: bool,
    pub status: String,
}

/// A programme's course with what the programme page shows of it.
#[derive(Debug, Clone, Queryable)]
pub struct ProgrammeCourse {
    pub course_id: CourseId,
    pub track: String,
    pub slug: String,
    pub title: Option<String>,
    pub coe_name: String,
    pub credits: Option<f64>,
    pub credit_type: Option<String>,
}

/// Every programme (active ones only unless `all`), by title.
pub fn list(connection: &mut PgConnection, all: bool) -> QueryResult<Vec<Programme>> {
    let mut query = programmes::table
        .order(programmes::title)
        .select(Programme::as_select())
        .into_boxed();
    if !all {
        query = query.filter(programmes::status.eq("active"));
    }
    query.load(connection)
}

/// An active programme by slug.
pub fn by_slug(connection: &mut PgConnection, slug: &str) -> QueryResult<Option<Programme>> {
    programmes::table
        .filter(programmes::slug.eq(slug))
        .filter(programmes::status.eq("active"))
        .select(Programme::as_select())
        .first(connection)
        .optional()
}

/// A programme by id.
pub fn by_id(connection: &mut PgConnection, id: ProgrammeId) -> QueryResult<Programme> {
    programmes::table
        .find(id)
        .select(Programme::as_select())
        .first(connection)
}

/// A programme's courses, required first, in the file's order.
pub fn courses_of(
    connection: &mut PgConnection,
    programme: ProgrammeId,
) -> QueryResult<Vec<ProgrammeCourse>> {
    programme_courses::table
        .inner_join(courses::table.on(courses::id.eq(programme_courses::course_id)))
        .inner_join(coes::table.on(coes::id.eq(courses::coe_id)))
        .left_join(
            course_versions::table
                .on(courses::current_version_id.eq(course_versions::id.nullable())),
        )
        .filter(programme_courses::programme_id.eq(programme))
        .order((programme_courses::track.desc(), programme_courses::position))
        .select((
            programme_courses::course_id,
            programme_courses::track,
            courses::slug,
            course_versions::title.nullable(),
            coes::name,
            course_versions::credits.nullable(),
            course_versions::credit_type.nullable(),
        ))
        .load(connection)
}

/// The programmes that list any of `course_ids`.
pub fn programmes_with(
    connection: &mut PgConnection,
    course_ids: &[CourseId],
) -> QueryResult<Vec<ProgrammeId>> {
    programme_courses::table
        .filter(programme_courses::course_id.eq_any(course_ids))
        .select(programme_courses::programme_id)
        .distinct()
        .load(connection)
}

/// A programme's fields as the files give them.
#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = programmes)]
pub struct ProgrammeFields<'a> {
    pub slug: &'a str,
    pub coe_id: CoeId,
    pub title: &'a str,
    pub summary: &'a str,
    pub description_html: &'a str,
    pub electives_required: i32,
    pub certificate: bool,
}

/// Creates or updates (and reactivates) a programme from the files; its id.
pub fn upsert(
    connection: &mut PgConnection,
    fields: &ProgrammeFields<'_>,
) -> QueryResult<ProgrammeId> {
    diesel::insert_into(programmes::table)
        .values((programmes::id.eq(ProgrammeId::new()), fields))
        .on_conflict(programmes::slug)
        .do_update()
        .set((
            fields,
            programmes::status.eq("active"),
            programmes::updated_at.eq(diesel::dsl::now),
        ))
        .returning(programmes::id)
        .get_result(connection)
}

/// Replaces a programme's course list.
pub fn replace_courses(
    connection: &mut PgConnection,
    programme: ProgrammeId,
    courses: &[(CourseId, &'static str)],
) -> QueryResult<()> {
    diesel::delete(programme_courses::table.filter(programme_courses::programme_id.eq(programme)))
        .execute(connection)?;
    let rows: Vec<_> = courses
        .iter()
        .enumerate()
        .map(|(index, (course, track))| {
            (
                programme_courses::programme_id.eq(programme),
                programme_courses::course_id.eq(*course),
                programme_courses::track.eq(*track),
                programme_courses::position.eq(i32::try_from(index + 1).unwrap_or(i32::MAX)),
            )
        })
        .collect();
    diesel::insert_into(programme_courses::table)
        .values(rows)
        .execute(connection)
        .map(drop)
}

/// Archives programmes no longer in the files.
pub fn archive_except(connection: &mut PgConnection, keep: &[String]) -> QueryResult<Vec<String>> {
    diesel::update(
        programmes::table
            .filter(programmes::slug.ne_all(keep))
            .filter(programmes::status.eq("active")),
    )
    .set(programmes::status.eq("archived"))
    .returning(programmes::slug)
    .get_results(connection)
}

/// The courses a person has completed (a completion whose certificate was
/// revoked does not count).
pub fn completed_courses(
    connection: &mut PgConnection,
    user: UserId,
) -> QueryResult<Vec<CourseId>> {
    enrolments::table
        .left_join(certificates::table.on(certificates::enrolment_id.eq(enrolments::id.nullable())))
        .filter(enrolments::user_id.eq(user))
        .filter(enrolments::status.eq("completed"))
        .filter(
            certificates::id
                .is_null()
                .or(certificates::revoked_at.is_null()),
        )
        .select(enrolments::course_id)
        .distinct()
        .load(connection)
}

/// Every recorded equivalence (pairs).
pub fn equivalences(connection: &mut PgConnection) -> QueryResult<Vec<(CourseId, CourseId)>> {
    course_equivalences::table
        .select((course_equivalences::course_a, course_equivalences::course_b))
        .load(connection)
}

/// An equivalence with the courses' slugs and titles, for the admin page.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct EquivalenceLine {
    pub slug_a: String,
    pub slug_b: String,
    pub reason: String,
    pub recorded_at: DateTime<Utc>,
}

/// Every equivalence, newest first.
pub fn equivalence_lines(connection: &mut PgConnection) -> QueryResult<Vec<EquivalenceLine>> {
    let (a, b) = diesel::alias!(courses as course_a, courses as course_b);
    course_equivalences::table
        .inner_join(a.on(a.field(courses::id).eq(course_equivalences::course_a)))
        .inner_join(b.on(b.field(courses::id).eq(course_equivalences::course_b)))
        .order(course_equivalences::recorded_at.desc())
        .select((
            a.field(courses::slug),
            b.field(courses::slug),
            course_equivalences::reason,
            course_equivalences::recorded_at,
        ))
        .load(connection)
}

/// Records an equivalence (ids in either order); false when it existed.
pub fn insert_equivalence(
    connection: &mut PgConnection,
    first: CourseId,
    second: CourseId,
    reason: &str,
    by: UserId,
) -> QueryResult<bool> {
    let (a, b) = if first < second {
        (first, second)
    } else {
        (second, first)
    };
    diesel::insert_into(course_equivalences::table)
        .values((
            course_equivalences::course_a.eq(a),
            course_equivalences::course_b.eq(b),
            course_equivalences::reason.eq(reason),
            course_equivalences::recorded_by.eq(by),
        ))
        .on_conflict_do_nothing()
        .execute(connection)
        .map(|inserted| inserted == 1)
}

/// Serialises changes to the equivalence graph (cycle checks see them all).
pub fn lock_equivalences(connection: &mut PgConnection) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(4707012031733809154)")
        .execute(connection)
        .map(drop)
}

/// A person's programme enrolment, locked.
#[derive(Debug, Clone, Queryable)]
pub struct ProgrammeEnrolment {
    pub id: uuid::Uuid,
    pub enrolled_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub certificate_id: Option<uuid::Uuid>,
}

/// A person's enrolment in a programme (read only).
pub fn enrolment_of(
    connection: &mut PgConnection,
    programme: ProgrammeId,
    user: UserId,
) -> QueryResult<Option<ProgrammeEnrolment>> {
    programme_enrolments::table
        .filter(programme_enrolments::programme_id.eq(programme))
        .filter(programme_enrolments::user_id.eq(user))
        .select((
            programme_enrolments::id,
            programme_enrolments::enrolled_at,
            programme_enrolments::completed_at,
            programme_enrolments::certificate_id,
        ))
        .first(connection)
        .optional()
}

/// A person's enrolment in a programme, locked for update.
pub fn lock_enrolment(
    connection: &mut PgConnection,
    programme: ProgrammeId,
    user: UserId,
) -> QueryResult<Option<ProgrammeEnrolment>> {
    programme_enrolments::table
        .filter(programme_enrolments::programme_id.eq(programme))
        .filter(programme_enrolments::user_id.eq(user))
        .select((
            programme_enrolments::id,
            programme_enrolments::enrolled_at,
            programme_enrolments::completed_at,
            programme_enrolments::certificate_id,
        ))
        .for_update()
        .first(connection)
        .optional()
}

/// Enrols a person in a programme; false when already enrolled.
pub fn insert_enrolment(
    connection: &mut PgConnection,
    programme: ProgrammeId,
    user: UserId,
) -> QueryResult<bool> {
    diesel::insert_into(programme_enrolments::table)
        .values((
            programme_enrolments::id.eq(uuid::Uuid::now_v7()),
            programme_enrolments::programme_id.eq(programme),
            programme_enrolments::user_id.eq(user),
        ))
        .on_conflict_do_nothing()
        .execute(connection)
        .map(|inserted| inserted == 1)
}

/// Records a programme's completion and its certificate.
pub fn mark_completed(
    connection: &mut PgConnection,
    enrolment: uuid::Uuid,
    at: DateTime<Utc>,
    certificate: Option<uuid::Uuid>,
) -> QueryResult<()> {
    diesel::update(programme_enrolments::table.find(enrolment))
        .set((
            programme_enrolments::completed_at.eq(at),
            programme_enrolments::certificate_id.eq(certificate),
        ))
        .execute(connection)
        .map(drop)
}

/// A course id by slug.
pub fn course_id(connection: &mut PgConnection, slug: &str) -> QueryResult<Option<CourseId>> {
    courses::table
        .filter(courses::slug.eq(slug))
        .select(courses::id)
        .first(connection)
        .optional()
}
