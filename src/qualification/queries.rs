//! Database access for job roles, their required courses, role holders,
//! the evidence people hold, and API tokens.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::state::Evidence;
use crate::db::schema::{
    api_tokens, certificates, course_versions, courses, enrolments, job_role_assignments,
    job_role_courses, job_roles, users,
};
use crate::ids::{CoeId, CourseId, UserId};

crate::uuid_id!(
    /// A job role of a CoE.
    RoleId
);

/// A job role.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = job_roles)]
pub struct JobRole {
    pub id: RoleId,
    pub coe_id: CoeId,
    pub slug: String,
    pub title: String,
}

/// A CoE's roles, by title.
pub fn roles_of(connection: &mut PgConnection, coe: CoeId) -> QueryResult<Vec<JobRole>> {
    job_roles::table
        .filter(job_roles::coe_id.eq(coe))
        .order(job_roles::title)
        .select(JobRole::as_select())
        .load(connection)
}

/// One role of a CoE by slug.
pub fn role_by_slug(
    connection: &mut PgConnection,
    coe: CoeId,
    slug: &str,
) -> QueryResult<Option<JobRole>> {
    job_roles::table
        .filter(job_roles::coe_id.eq(coe))
        .filter(job_roles::slug.eq(slug))
        .select(JobRole::as_select())
        .first(connection)
        .optional()
}

/// Creates a role; `None` when the CoE already has one with this slug.
pub fn insert_role(
    connection: &mut PgConnection,
    coe: CoeId,
    slug: &str,
    title: &str,
) -> QueryResult<Option<RoleId>> {
    diesel::insert_into(job_roles::table)
        .values((
            job_roles::id.eq(RoleId::new()),
            job_roles::coe_id.eq(coe),
            job_roles::slug.eq(slug),
            job_roles::title.eq(title),
        ))
        .on_conflict_do_nothing()
        .returning(job_roles::id)
        .get_result(connection)
        .optional()
}

/// Sets the courses a role requires.
pub fn insert_role_courses(
    connection: &mut PgConnection,
    role: RoleId,
    course_ids: &[CourseId],
) -> QueryResult<()> {
    let rows: Vec<_> = course_ids
        .iter()
        .map(|course| {
            (
                job_role_courses::role_id.eq(role),
                job_role_courses::course_id.eq(*course),
            )
        })
        .collect();
    diesel::insert_into(job_role_courses::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(connection)
        .map(drop)
}

/// The courses a role requires: (id, slug, title of the current version).
pub fn role_courses(
    connection: &mut PgConnection,
    role: RoleId,
) -> QueryResult<Vec<(CourseId, String, Option<String>)>> {
    job_role_courses::table
        .inner_join(courses::table.on(courses::id.eq(job_role_courses::course_id)))
        .left_join(
            course_versions::table
                .on(courses::current_version_id.eq(course_versions::id.nullable())),
        )
        .filter(job_role_courses::role_id.eq(role))
        .order(courses::slug)
        .select((
            courses::id,
            courses::slug,
            course_versions::title.nullable(),
        ))
        .load(connection)
}

/// Gives a person a role; false when they already hold it.
pub fn assign(
    connection: &mut PgConnection,
    role: RoleId,
    user: UserId,
    by: UserId,
) -> QueryResult<bool> {
    diesel::insert_into(job_role_assignments::table)
        .values((
            job_role_assignments::role_id.eq(role),
            job_role_assignments::user_id.eq(user),
            job_role_assignments::assigned_by.eq(by),
        ))
        .on_conflict_do_nothing()
        .execute(connection)
        .map(|inserted| inserted == 1)
}

/// A role holder.
#[derive(Debug, Clone, Queryable)]
pub struct Holder {
    pub role_id: RoleId,
    pub user_id: UserId,
    pub email: String,
    pub display_name: String,
    pub assigned_at: DateTime<Utc>,
}

/// The holders of the CoE's roles, by name.
pub fn holders_of(connection: &mut PgConnection, coe: CoeId) -> QueryResult<Vec<Holder>> {
    job_role_assignments::table
        .inner_join(job_roles::table.on(job_roles::id.eq(job_role_assignments::role_id)))
        .inner_join(users::table.on(users::id.eq(job_role_assignments::user_id)))
        .filter(job_roles::coe_id.eq(coe))
        .order((users::display_name, users::email))
        .select((
            job_role_assignments::role_id,
            job_role_assignments::user_id,
            users::email,
            users::display_name,
            job_role_assignments::assigned_at,
        ))
        .load(connection)
}

/// When a person was given a role, if they hold it.
pub fn assigned_at(
    connection: &mut PgConnection,
    role: RoleId,
    user: UserId,
) -> QueryResult<Option<DateTime<Utc>>> {
    job_role_assignments::table
        .filter(job_role_assignments::role_id.eq(role))
        .filter(job_role_assignments::user_id.eq(user))
        .select(job_role_assignments::assigned_at)
        .first(connection)
        .optional()
}

/// A person by email (case-insensitive).
pub fn user_by_email(connection: &mut PgConnection, email: &str) -> QueryResult<Option<UserId>> {
    Ok(crate::identity::queries::user_by_email(connection, email)?.map(|user| user.id))
}

/// A certificate as evidence: holder, course, course slug, code,
/// completion, expiry, revocation.
type CertificateRow = (
    UserId,
    Option<CourseId>,
    String,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// The evidence people hold: their course certificates, and completions
/// of courses whose version gives no certificate.
pub fn evidence_of(
    connection: &mut PgConnection,
    people: &[UserId],
) -> QueryResult<Vec<(UserId, CourseId, Evidence)>> {
    let certificate_rows: Vec<CertificateRow> = certificates::table
        .inner_join(courses::table.on(certificates::course_id.eq(courses::id.nullable())))
        .filter(certificates::user_id.eq_any(people))
        .select((
            certificates::user_id,
            certificates::course_id,
            courses::slug,
            certificates::code,
            certificates::completed_at,
            certificates::expires_at,
            certificates::revoked_at,
        ))
        .load(connection)?;
    let completion_rows: Vec<(UserId, CourseId, String, Option<DateTime<Utc>>)> = enrolments::table
        .inner_join(
            course_versions::table.on(course_versions::id.eq(enrolments::course_version_id)),
        )
        .inner_join(courses::table.on(courses::id.eq(enrolments::course_id)))
        .filter(enrolments::user_id.eq_any(people))
        .filter(enrolments::status.eq("completed"))
        .filter(course_versions::certificate.eq(false))
        .select((
            enrolments::user_id,
            enrolments::course_id,
            courses::slug,
            enrolments::completed_at,
        ))
        .load(connection)?;
    let mut evidence: Vec<(UserId, CourseId, Evidence)> = certificate_rows
        .into_iter()
        .filter_map(
            |(user, course, slug, code, completed_at, expires_at, revoked_at)| {
                Some((
                    user,
                    course?,
                    Evidence {
                        kind: "certificate".to_owned(),
                        course_slug: slug,
                        certificate_code: Some(crate::certificates::code::display(&code)),
                        completed_at,
                        expires_at,
                        revoked: revoked_at.is_some(),
                    },
                ))
            },
        )
        .collect();
    evidence.extend(completion_rows.into_iter().filter_map(
        |(user, course, slug, completed_at)| {
            Some((
                user,
                course,
                Evidence {
                    kind: "completion".to_owned(),
                    course_slug: slug,
                    certificate_code: None,
                    completed_at: completed_at?,
                    expires_at: None,
                    revoked: false,
                },
            ))
        },
    ));
    Ok(evidence)
}

/// Records an API token (its hash) for a CoE.
pub fn insert_token(
    connection: &mut PgConnection,
    coe: CoeId,
    name: &str,
    token_hash: &str,
) -> QueryResult<()> {
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(uuid::Uuid::now_v7()),
            api_tokens::coe_id.eq(coe),
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(token_hash),
        ))
        .execute(connection)
        .map(drop)
}

/// The CoE of a live (unrevoked) token, by its hash.
pub fn coe_of_token(connection: &mut PgConnection, token_hash: &str) -> QueryResult<Option<CoeId>> {
    api_tokens::table
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .select(api_tokens::coe_id)
        .first(connection)
        .optional()
}

/// Revokes a token by its hash; false when there was no live one.
pub fn revoke_token(connection: &mut PgConnection, token_hash: &str) -> QueryResult<bool> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::token_hash.eq(token_hash))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(diesel::dsl::now))
    .execute(connection)
    .map(|updated| updated == 1)
}
