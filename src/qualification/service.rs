//! Training-matrix rules: coordinators define a CoE's job roles (each needs
//! at least one course) and who holds them; the matrix gives every holder's
//! state per required course at a given moment; the qualification answer
//! says whether a person holds valid evidence for every course a role
//! needs. Evidence for a course recognised as equivalent counts. API tokens
//! are scoped to one CoE and stored as hashes.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use rand::RngCore;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::queries::{self, JobRole};
use super::state::{self, Evidence, RequirementState};
use crate::audit::{self, Actor, Change};
use crate::db::DbError;
use crate::identity::models::{Role, SessionUser};
use crate::ids::{CoeId, CourseId, UserId};

/// Why a training-matrix request failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum MatrixError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for MatrixError {
    fn from(error: diesel::result::Error) -> Self {
        MatrixError::Db(DbError::Query(error))
    }
}

fn coe_id(connection: &mut PgConnection, slug: &str) -> Result<CoeId, MatrixError> {
    crate::network::queries::coe_by_slug(connection, slug)?
        .map(|coe| coe.id)
        .ok_or_else(|| MatrixError::NotFound(format!("There is no CoE \"{slug}\".")))
}

/// Coordinators of the CoE (and network admins) keep its matrix.
fn keeper(user: &SessionUser, coe: CoeId) -> Result<(), MatrixError> {
    if user.has_coe_role(Role::Coordinator, coe) {
        Ok(())
    } else {
        Err(MatrixError::Forbidden(
            "Only coordinators of this CoE keep its training matrix.".to_owned(),
        ))
    }
}

/// Creates a job role requiring `course_slugs` (at least one).
pub fn create_role(
    connection: &mut PgConnection,
    coordinator: &SessionUser,
    coe_slug: &str,
    title: &str,
    course_slugs: &[String],
) -> Result<String, MatrixError> {
    connection.transaction(|connection| {
        let coe = coe_id(connection, coe_slug)?;
        keeper(coordinator, coe)?;
        let title = title.trim();
        if title.is_empty() || title.chars().count() > 200 {
            return Err(MatrixError::Refused("Give the role a title (at most 200 characters), e.g. \"Cleanroom operator\".".to_owned()));
        }
        let slug = crate::authoring::draft::slug_from(title);
        if !crate::course_files::format::is_slug(&slug) {
            return Err(MatrixError::Refused("Give the role a title with at least three letters or digits.".to_owned()));
        }
        if course_slugs.is_empty() {
            return Err(MatrixError::Refused(
                "A role needs at least one required course: choose the courses its holders must complete.".to_owned(),
            ));
        }
        let mut course_ids = Vec::new();
        for course in course_slugs {
            let id = crate::programmes::queries::course_id(connection, course)?
                .ok_or_else(|| MatrixError::NotFound(format!("There is no course \"{course}\".")))?;
            course_ids.push(id);
        }
        let role = queries::insert_role(connection, coe, &slug, title)?.ok_or_else(|| {
            MatrixError::Conflict(format!("The CoE already has a role \"{title}\"."))
        })?;
        queries::insert_role_courses(connection, role, &course_ids)?;
        audit::record(
            connection,
            Change::new(Actor::User(coordinator.id), "job_role.created", "job_role", role)
                .new_value(json!({ "coe": coe_slug, "slug": slug, "title": title, "courses": course_slugs })),
        )?;
        Ok(slug)
    })
}

/// Gives a person (by email) a role of the CoE.
pub fn assign(
    connection: &mut PgConnection,
    coordinator: &SessionUser,
    coe_slug: &str,
    role_slug: &str,
    email: &str,
) -> Result<(), MatrixError> {
    connection.transaction(|connection| {
        let coe = coe_id(connection, coe_slug)?;
        keeper(coordinator, coe)?;
        let role = queries::role_by_slug(connection, coe, role_slug)?.ok_or_else(|| {
            MatrixError::NotFound(format!("This CoE has no role \"{role_slug}\"."))
        })?;
        let person = queries::user_by_email(connection, email.trim())?.ok_or_else(|| {
            MatrixError::NotFound(format!(
                "No account uses {}; the person must sign in once before they can be given a role.",
                email.trim()
            ))
        })?;
        if !queries::assign(connection, role.id, person, coordinator.id)? {
            return Err(MatrixError::Conflict(format!(
                "{} already holds the role \"{}\".",
                email.trim(),
                role.title
            )));
        }
        audit::record(
            connection,
            Change::new(
                Actor::User(coordinator.id),
                "job_role.assigned",
                "job_role",
                role.id,
            )
            .new_value(json!({ "user_id": person, "email": email.trim() })),
        )?;
        Ok(())
    })
}

/// One cell of the matrix.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RequirementView {
    pub course_slug: String,
    pub course_title: String,
    pub state: RequirementState,
    pub label: String,
    pub evidence: Option<Evidence>,
}

/// One holder of one role, with a cell per required course.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub name: String,
    pub email: String,
    pub role_title: String,
    pub role_slug: String,
    pub qualified: bool,
    pub cells: Vec<RequirementView>,
}

/// A role and its courses, for the matrix page.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub slug: String,
    pub title: String,
    pub courses: Vec<String>,
}

/// A CoE's matrix at `now`.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub roles: Vec<RoleView>,
    pub rows: Vec<MatrixRow>,
}

type RoleCourses = Vec<(CourseId, String, Option<String>)>;

/// Evidence per (person, course), counting directly equivalent courses.
fn evidence_index(
    connection: &mut PgConnection,
    people: &[UserId],
) -> Result<HashMap<(UserId, CourseId), Vec<Evidence>>, MatrixError> {
    let mut index: HashMap<(UserId, CourseId), Vec<Evidence>> = HashMap::new();
    let evidence = queries::evidence_of(connection, people)?;
    let equivalences = crate::programmes::queries::equivalences(connection)?;
    for (user, course, item) in evidence {
        for (a, b) in &equivalences {
            if *a == course {
                index.entry((user, *b)).or_default().push(item.clone());
            } else if *b == course {
                index.entry((user, *a)).or_default().push(item.clone());
            }
        }
        index.entry((user, course)).or_default().push(item);
    }
    Ok(index)
}

fn requirements(
    courses: &RoleCourses,
    evidence: &HashMap<(UserId, CourseId), Vec<Evidence>>,
    person: UserId,
    assigned_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (bool, Vec<RequirementView>) {
    let mut qualified = true;
    let cells = courses
        .iter()
        .map(|(course, slug, title)| {
            let items = evidence
                .get(&(person, *course))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let (state, decided) = state::state_of(assigned_at, items, now);
            qualified &= state::is_qualifying(state, decided);
            RequirementView {
                course_slug: slug.clone(),
                course_title: title.clone().unwrap_or_else(|| slug.clone()),
                state,
                label: state.label().to_owned(),
                evidence: decided.cloned(),
            }
        })
        .collect();
    (qualified, cells)
}

/// The CoE's training matrix at `now` (coordinators and auditors of the CoE).
pub fn matrix(
    connection: &mut PgConnection,
    viewer: &SessionUser,
    coe_slug: &str,
    now: DateTime<Utc>,
) -> Result<Matrix, MatrixError> {
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            let coe = coe_id(connection, coe_slug)?;
            if !(viewer.has_coe_role(Role::Coordinator, coe)
                || viewer.has_coe_role(Role::Auditor, coe))
            {
                return Err(MatrixError::Forbidden(
                    "The training matrix is open to the CoE's coordinators and auditors."
                        .to_owned(),
                ));
            }
            let roles: Vec<JobRole> = queries::roles_of(connection, coe)?;
            let mut courses_of: HashMap<uuid::Uuid, RoleCourses> = HashMap::new();
            for role in &roles {
                courses_of.insert(role.id.0, queries::role_courses(connection, role.id)?);
            }
            let holders = queries::holders_of(connection, coe)?;
            let people: Vec<UserId> = holders.iter().map(|holder| holder.user_id).collect();
            let evidence = evidence_index(connection, &people)?;
            let rows = holders
                .into_iter()
                .filter_map(|holder| {
                    let role = roles.iter().find(|role| role.id == holder.role_id)?;
                    let courses = courses_of.get(&role.id.0)?;
                    let (qualified, cells) =
                        requirements(courses, &evidence, holder.user_id, holder.assigned_at, now);
                    Some(MatrixRow {
                        name: holder.display_name,
                        email: holder.email,
                        role_title: role.title.clone(),
                        role_slug: role.slug.clone(),
                        qualified,
                        cells,
                    })
                })
                .collect();
            Ok(Matrix {
                roles: roles
                    .iter()
                    .map(|role| RoleView {
                        slug: role.slug.clone(),
                        title: role.title.clone(),
                        courses: courses_of
                            .get(&role.id.0)
                            .map(|courses| {
                                courses
                                    .iter()
                                    .map(|(_, slug, title)| {
                                        title.clone().unwrap_or_else(|| slug.clone())
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                    })
                    .collect(),
                rows,
            })
        })
}

/// The answer of the qualification API.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QualificationAnswer {
    pub email: String,
    pub role: String,
    /// Whether the person holds the role at the token's CoE (if not, nothing
    /// more is said about them).
    pub holds_role: bool,
    /// True when every required course has valid evidence now.
    pub qualified: bool,
    pub checked_at: DateTime<Utc>,
    pub requirements: Vec<RequirementView>,
}

fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The CoE a bearer token belongs to.
pub fn coe_of_token(connection: &mut PgConnection, token: &str) -> Result<CoeId, MatrixError> {
    queries::coe_of_token(connection, &hash_token(token.trim()))?.ok_or_else(|| {
        MatrixError::Unauthorized(
            "The API token is unknown or revoked. Send `Authorization: Bearer <token>` with a token your network admin created for your CoE.".to_owned(),
        )
    })
}

/// Whether `email` is qualified for the role `role_slug` of the token's CoE at `now`.
pub fn qualification(
    connection: &mut PgConnection,
    token_coe: CoeId,
    role_slug: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<QualificationAnswer, MatrixError> {
    connection.build_transaction().read_only().run(|connection| {
        let role = queries::role_by_slug(connection, token_coe, role_slug)?.ok_or_else(|| {
            MatrixError::NotFound(format!(
                "Your CoE has no role \"{role_slug}\" (a token answers for its own CoE's roles only)."
            ))
        })?;
        // Only holders of the role are described: anyone else — unknown
        // address or not a holder — gets the same answer, so a token cannot
        // learn who exists in the network or read their records.
        let holder = match queries::user_by_email(connection, email.trim())? {
            Some(person) => queries::assigned_at(connection, role.id, person)?.map(|at| (person, at)),
            None => None,
        };
        let Some((person, assigned_at)) = holder else {
            return Ok(QualificationAnswer {
                email: email.trim().to_owned(),
                role: role.slug,
                holds_role: false,
                qualified: false,
                checked_at: now,
                requirements: Vec::new(),
            });
        };
        let courses = queries::role_courses(connection, role.id)?;
        let evidence = evidence_index(connection, &[person])?;
        let (qualified, requirements) = requirements(&courses, &evidence, person, assigned_at, now);
        Ok(QualificationAnswer {
            email: email.trim().to_owned(),
            role: role.slug,
            holds_role: true,
            qualified,
            checked_at: now,
            requirements,
        })
    })
}

/// Creates an API token for a CoE; the token itself is returned once.
pub fn create_token(
    connection: &mut PgConnection,
    actor: Actor,
    coe_slug: &str,
    name: &str,
) -> Result<String, MatrixError> {
    connection.transaction(|connection| {
        let coe = coe_id(connection, coe_slug)?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(MatrixError::Refused(
                "Name the token after the system that uses it (at most 200 characters).".to_owned(),
            ));
        }
        let mut secret = [0_u8; 32];
        rand::rng().fill_bytes(&mut secret);
        let token = format!("atmp_{}", hex::encode(secret));
        queries::insert_token(connection, coe, name, &hash_token(&token))?;
        audit::record(
            connection,
            Change::new(actor, "api_token.created", "coe", coe).new_value(json!({ "name": name })),
        )?;
        Ok(token)
    })
}

/// Revokes an API token.
pub fn revoke_token(
    connection: &mut PgConnection,
    actor: Actor,
    token: &str,
) -> Result<(), MatrixError> {
    connection.transaction(|connection| {
        if !queries::revoke_token(connection, &hash_token(token.trim()))? {
            return Err(MatrixError::NotFound("No live token matches.".to_owned()));
        }
        audit::record(
            connection,
            Change::new(actor, "api_token.revoked", "api_token", "hash").reason("revoked"),
        )?;
        Ok(())
    })
}
