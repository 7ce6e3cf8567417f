//! Enrolment rules: who may enrol (window, prerequisites, archived
//! courses, one live enrolment per course), approval by the owning CoE's
//! coordinators, withdrawal, lesson progress bound to the enrolled version,
//! and course completion (all required lessons done and all required
//! assessments passed). Each change is one transaction with its audit entry
//! and its emails (through the outbox).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use serde::Serialize;
use serde_json::json;

use super::outline;
use super::queries::{self, Enrolment, EnrolmentId, RequiredAssessment, SyllabusLesson};
use crate::assessment::queries::ModuleGrades;
use crate::audit::{self, Actor, Change};
use crate::catalog::cache::CatalogueCache;
use crate::catalog::queries as catalog_queries;
use crate::certificates::queries as certificate_queries;
use crate::certificates::service::{self as certificates, Achievement};
use crate::db::DbError;
use crate::identity::claimant::Claimant;
use crate::identity::models::{Role, SessionUser};
use crate::ids::{CourseId, CourseVersionId, LessonId, ModuleId, UserId};
use crate::notifications::{self, Notification};

/// Why an enrolment request or change failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum EnrolmentError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{message}")]
    PrerequisitesMissing {
        message: String,
        missing: Vec<(String, String)>,
    },
    /// The session's person was not confirmed (signed out since, or gone).
    #[error("Please sign in to continue.")]
    NotSignedIn,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for EnrolmentError {
    fn from(error: diesel::result::Error) -> Self {
        EnrolmentError::Db(DbError::Query(error))
    }
}

/// What an enrolment request led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EnrolOutcome {
    /// Enrolled now.
    Active,
    /// Waiting for a coordinator's decision.
    Pending,
}

/// How a person comes to be enrolled.
#[derive(Debug, Clone, Copy)]
pub enum EnrolMethod {
    /// The learner asks (open courses enrol at once; others need approval).
    SelfService,
    /// A coordinator enrols a cohort (no approval needed).
    Cohort { by: UserId },
}

/// Enrols `user_id` in the course `slug` at `now`.
pub fn enrol(
    connection: &mut PgConnection,
    user_id: UserId,
    slug: &str,
    method: EnrolMethod,
    due_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<EnrolOutcome, EnrolmentError> {
    connection.transaction(|connection| {
        let (course, version, coe) = catalog_queries::course_with_version(connection, slug, None)?
            .ok_or_else(|| EnrolmentError::NotFound(format!("There is no course \"{slug}\".")))?;
        if course.status == "archived" {
            return Err(EnrolmentError::Refused(format!(
                "\"{}\" has been archived and takes no new learners.",
                version.title
            )));
        }
        if let Some(opens) = version.enrolment_opens_at.filter(|opens| *opens > now) {
            return Err(EnrolmentError::Refused(format!(
                "Enrolment for \"{}\" opens on {}.",
                version.title,
                opens.format("%-d %B %Y")
            )));
        }
        if let Some(closes) = version.enrolment_closes_at.filter(|closes| *closes <= now) {
            return Err(EnrolmentError::Refused(format!(
                "Enrolment for \"{}\" closed on {}.",
                version.title,
                closes.format("%-d %B %Y")
            )));
        }
        let missing: Vec<(String, String)> =
            catalog_queries::prerequisites_with_ids(connection, version.id)?
                .into_iter()
                .filter_map(|(required, slug, title)| {
                    match queries::has_completed(connection, user_id, required) {
                        Ok(true) => None,
                        Ok(false) => Some(Ok((slug, title))),
                        Err(error) => Some(Err(error)),
                    }
                })
                .collect::<Result<_, _>>()?;
        if !missing.is_empty() {
            let titles: Vec<&str> = missing.iter().map(|(_, title)| title.as_str()).collect();
            return Err(EnrolmentError::PrerequisitesMissing {
                message: format!(
                    "\"{}\" builds on {} — complete {} first.",
                    version.title,
                    titles.join(", "),
                    if missing.len() == 1 { "it" } else { "them" }
                ),
                missing,
            });
        }
        let (method_name, status, actor) = match method {
            EnrolMethod::Cohort { by } => ("cohort", "active", Actor::User(by)),
            EnrolMethod::SelfService if version.enrolment_method == "approval" => {
                ("approval", "pending", Actor::User(user_id))
            }
            EnrolMethod::SelfService => ("self", "active", Actor::User(user_id)),
        };
        let enrolment = queries::insert_enrolment(
            connection,
            user_id,
            course.id,
            version.id,
            method_name,
            status,
            due_at,
        )?
        .ok_or_else(|| {
            EnrolmentError::Conflict(format!(
                "You are already enrolled in \"{}\" (or your request is waiting for a decision).",
                version.title
            ))
        })?;
        audit::record(
            connection,
            Change::new(actor, "enrolment.created", "enrolment", enrolment.id).new_value(json!({
                "user_id": user_id, "course": slug, "version": version.version_number,
                "method": method_name, "status": status, "due_at": due_at,
            })),
        )?;
        let (learner_name, learner_email) = queries::person(connection, user_id)?;
        let course_path = format!("/courses/{slug}");
        if status == "active" {
            notifications::enqueue(
                connection,
                &learner_email,
                &Notification::EnrolmentConfirmed {
                    learner_name,
                    course_title: version.title.clone(),
                    course_path,
                },
            )?;
            Ok(EnrolOutcome::Active)
        } else {
            for (coordinator_name, coordinator_email) in
                queries::coordinators_of(connection, coe.id)?
            {
                notifications::enqueue(
                    connection,
                    &coordinator_email,
                    &Notification::ApprovalRequested {
                        coordinator_name,
                        learner_name: learner_name.clone(),
                        learner_email: learner_email.clone(),
                        course_title: version.title.clone(),
                        review_path: format!("/coordinate/{}", coe.slug),
                    },
                )?;
            }
            Ok(EnrolOutcome::Pending)
        }
    })
}

/// A coordinator's decision on a pending request.
pub fn decide(
    connection: &mut PgConnection,
    coordinator: &SessionUser,
    enrolment_id: EnrolmentId,
    approve: bool,
    reason: Option<&str>,
) -> Result<(), EnrolmentError> {
    connection.transaction(|connection| {
        let enrolment = queries::lock_enrolment(connection, enrolment_id)?.ok_or_else(|| {
            EnrolmentError::NotFound("There is no such enrolment request.".to_owned())
        })?;
        let (course, version, coe) = course_of(connection, &enrolment)?;
        if !coordinator.has_coe_role(Role::Coordinator, coe.id) {
            return Err(EnrolmentError::Forbidden(
                "Only coordinators of the CoE that owns this course can decide on its requests."
                    .to_owned(),
            ));
        }
        if enrolment.status != "pending" {
            return Err(EnrolmentError::Conflict(format!(
                "This request has already been decided (it is {}).",
                enrolment.status
            )));
        }
        let status = if approve { "active" } else { "declined" };
        let reason = reason.map(str::trim).filter(|reason| !reason.is_empty());
        if !approve && reason.is_none() {
            return Err(EnrolmentError::Refused(
                "Give the learner a reason when you decline a request.".to_owned(),
            ));
        }
        queries::set_status(
            connection,
            enrolment.id,
            status,
            Some(coordinator.id),
            reason,
        )?;
        audit::record(
            connection,
            Change::new(
                Actor::User(coordinator.id),
                "enrolment.decided",
                "enrolment",
                enrolment.id,
            )
            .old(json!({ "status": "pending" }))
            .new_value(json!({ "status": status }))
            .reason(reason.unwrap_or("approved")),
        )?;
        let (learner_name, learner_email) = queries::person(connection, enrolment.user_id)?;
        notifications::enqueue(
            connection,
            &learner_email,
            &Notification::ApprovalDecided {
                learner_name,
                course_title: version.title,
                course_path: format!("/courses/{}", course.slug),
                approved: approve,
                reason: reason.map(str::to_owned),
            },
        )?;
        Ok(())
    })
}

fn course_of(
    connection: &mut PgConnection,
    enrolment: &Enrolment,
) -> Result<
    (
        crate::catalog::models::Course,
        crate::catalog::models::CourseVersion,
        crate::network::Coe,
    ),
    EnrolmentError,
> {
    let slug = catalog_queries::course_slug(connection, enrolment.course_id)?;
    catalog_queries::course_with_version(connection, &slug, Some(enrolment.course_version_id))?
        .ok_or_else(|| {
            EnrolmentError::NotFound("The course of this enrolment no longer exists.".to_owned())
        })
}

/// Withdraws an enrolment: by the learner, or by a coordinator of the
/// owning CoE (who must give a reason).
pub fn withdraw(
    connection: &mut PgConnection,
    actor: &SessionUser,
    enrolment_id: EnrolmentId,
    reason: Option<&str>,
) -> Result<(), EnrolmentError> {
    connection.transaction(|connection| {
        let enrolment = queries::lock_enrolment(connection, enrolment_id)?
            .ok_or_else(|| EnrolmentError::NotFound("There is no such enrolment.".to_owned()))?;
        let (_, _, coe) = course_of(connection, &enrolment)?;
        let own = enrolment.user_id == actor.id;
        let reason = reason.map(str::trim).filter(|reason| !reason.is_empty());
        if !own && !actor.has_coe_role(Role::Coordinator, coe.id) {
            return Err(EnrolmentError::Forbidden(
                "You can withdraw only your own enrolments.".to_owned(),
            ));
        }
        if !own && reason.is_none() {
            return Err(EnrolmentError::Refused(
                "Give a reason when you withdraw a learner.".to_owned(),
            ));
        }
        if !matches!(enrolment.status.as_str(), "pending" | "active") {
            return Err(EnrolmentError::Conflict(format!(
                "This enrolment cannot be withdrawn: it is {}.",
                enrolment.status
            )));
        }
        queries::mark_withdrawn(connection, enrolment.id, actor.id, reason)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(actor.id),
                "enrolment.withdrawn",
                "enrolment",
                enrolment.id,
            )
            .old(json!({ "status": enrolment.status }))
            .new_value(json!({ "status": "withdrawn" }))
            .reason(reason.unwrap_or("withdrawn by the learner")),
        )?;
        Ok(())
    })
}

/// What a learner sees of their progress in one enrolment.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub enrolment_id: String,
    pub status: String,
    pub percent: u32,
    pub required_done: usize,
    pub required_total: usize,
    pub lessons_done: Vec<String>,
    pub next_lesson_path: Option<String>,
    pub next_lesson_title: Option<String>,
    pub assessments_outstanding: Vec<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
}

/// The progress of one enrolment, loaded for it alone.
fn progress_of(
    connection: &mut PgConnection,
    course_slug: &str,
    enrolment: &Enrolment,
) -> Result<Progress, EnrolmentError> {
    let lessons = queries::syllabus_with_done(connection, enrolment)?;
    let done: Vec<LessonId> = lessons
        .iter()
        .filter(|(_, done)| *done)
        .map(|(lesson, _)| lesson.id)
        .collect();
    let syllabus: Vec<SyllabusLesson> = lessons.into_iter().map(|(lesson, _)| lesson).collect();
    let required = queries::required_assessments_of(connection, &[enrolment.course_version_id])?;
    let passed = passed_assessments(connection, enrolment.id, &required)?;
    Ok(progress_from(
        course_slug,
        enrolment,
        &done,
        &syllabus,
        &assessment_standing(enrolment, &required, &passed),
    ))
}

/// Which of the required assessments given the enrolment has passed, as
/// (enrolment, module) pairs: one query, none when nothing is required.
fn passed_assessments(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
    required: &[RequiredAssessment],
) -> Result<HashSet<(EnrolmentId, ModuleId)>, EnrolmentError> {
    if required.is_empty() {
        return Ok(HashSet::new());
    }
    let grades = crate::assessment::queries::graded_summaries(connection, enrolment)?;
    passing_assessments(required, grades)
}

/// Which of the summaries `grades` pass a required assessment (summaries
/// of other modules do not count).
fn passing_assessments<'a>(
    required: impl IntoIterator<Item = &'a RequiredAssessment>,
    grades: impl IntoIterator<Item = ModuleGrades>,
) -> Result<HashSet<(EnrolmentId, ModuleId)>, EnrolmentError> {
    let settings: HashMap<ModuleId, &serde_json::Value> = required
        .into_iter()
        .map(|assessment| (assessment.module, &assessment.settings))
        .collect();
    crate::assessment::service::passing_modules(&settings, grades)
        .map_err(|error| EnrolmentError::Db(DbError::Task(error.to_string())))
}

/// The required assessments of an enrolment's version: each title with
/// whether the enrolment has passed it.
fn assessment_standing(
    enrolment: &Enrolment,
    required: &[RequiredAssessment],
    passed: &HashSet<(EnrolmentId, ModuleId)>,
) -> Vec<(String, bool)> {
    required
        .iter()
        .filter(|assessment| assessment.version == enrolment.course_version_id)
        .map(|assessment| {
            (
                assessment.title.clone(),
                passed.contains(&(enrolment.id, assessment.module)),
            )
        })
        .collect()
}

/// An enrolment's progress from what is known of it: the lessons done, the
/// version's syllabus, and each required assessment's title with whether
/// it has been passed.
fn progress_from(
    course_slug: &str,
    enrolment: &Enrolment,
    done: &[LessonId],
    syllabus: &[SyllabusLesson],
    required_assessments: &[(String, bool)],
) -> Progress {
    let assessments: Vec<String> = required_assessments
        .iter()
        .filter(|(_, passed)| !passed)
        .map(|(title, _)| title.clone())
        .collect();
    let required: Vec<&SyllabusLesson> = syllabus.iter().filter(|lesson| lesson.required).collect();
    let required_done = required
        .iter()
        .filter(|lesson| done.contains(&lesson.id))
        .count()
        + (required_assessments.len() - assessments.len());
    let required_total = required.len() + required_assessments.len();
    let next = syllabus.iter().find(|lesson| !done.contains(&lesson.id));
    let percent = if enrolment.status == "completed" || required_total == 0 {
        if enrolment.status == "completed" {
            100
        } else {
            0
        }
    } else {
        u32::try_from(required_done * 100 / required_total).unwrap_or(100)
    };
    Progress {
        enrolment_id: enrolment.id.to_string(),
        status: enrolment.status.clone(),
        percent,
        required_done,
        required_total,
        lessons_done: syllabus
            .iter()
            .filter(|lesson| done.contains(&lesson.id))
            .map(|lesson| [lesson.module_slug.as_str(), "/", lesson.slug.as_str()].concat())
            .collect(),
        next_lesson_path: next.map(|lesson| {
            format!(
                "/courses/{course_slug}/{}/{}",
                lesson.module_slug, lesson.slug
            )
        }),
        next_lesson_title: next.map(|lesson| lesson.title.clone()),
        assessments_outstanding: assessments,
        due_at: enrolment.due_at,
        completed_at: enrolment.completed_at,
    }
}

/// Marks a lesson of the learner's enrolled version as done, and completes
/// the course when every requirement is met (once, even under parallel
/// requests: the enrolment row is locked).
pub fn complete_lesson(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
    course_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
) -> Result<Progress, EnrolmentError> {
    let user_id = claimant.id();
    connection.transaction(|connection| {
        let Some(locked) = queries::lock_live_enrolment_with_lesson(connection, user_id, course_slug, module_slug, lesson_slug)? else {
            return Err(match catalog_queries::course_id_by_slug(connection, course_slug)? {
                None => EnrolmentError::NotFound(format!("There is no course \"{course_slug}\".")),
                Some(_) => EnrolmentError::Refused("Enrol in the course to record your progress.".to_owned()),
            });
        };
        if !claimant.accept(locked.person) {
            return Err(EnrolmentError::NotSignedIn);
        }
        let enrolment = locked.enrolment;
        let lesson = locked
            .lesson_id
            .ok_or_else(|| EnrolmentError::NotFound("Your version of this course has no such lesson.".to_owned()))?;
        if queries::record_lesson_done(connection, enrolment.id, lesson)? {
            audit::record(
                connection,
                Change::new(Actor::User(user_id), "progress.lesson_completed", "enrolment", enrolment.id)
                    .new_value(json!({ "lesson_id": lesson, "lesson": format!("{module_slug}/{lesson_slug}") })),
            )?;
        }
        let record = queries::enrolment_record(connection, enrolment.id)?;
        let progress = kept_progress(
            connection,
            cache,
            record.generation,
            &enrolment,
            &record.lessons_done,
            record.grades.summaries(enrolment.id),
        )?;
        complete_if_done(connection, &enrolment, course_slug, progress)
    })
}

/// Completes an active enrolment whose requirements are all met (call it
/// with the enrolment row locked); returns the progress either way.
pub fn check_completion(
    connection: &mut PgConnection,
    enrolment: &Enrolment,
    course_slug: &str,
) -> Result<Progress, EnrolmentError> {
    let progress = progress_of(connection, course_slug, enrolment)?;
    complete_if_done(connection, enrolment, course_slug, progress)
}

/// [`check_completion`] given the enrolment's `progress` as counted now.
fn complete_if_done(
    connection: &mut PgConnection,
    enrolment: &Enrolment,
    course_slug: &str,
    progress: Progress,
) -> Result<Progress, EnrolmentError> {
    if enrolment.status == "active"
        && progress.required_done == progress.required_total
        && progress.assessments_outstanding.is_empty()
    {
        let completed_at = complete(connection, enrolment, course_slug)?;
        let completed = Enrolment {
            status: "completed".to_owned(),
            completed_at: Some(completed_at),
            ..enrolment.clone()
        };
        return progress_of(connection, course_slug, &completed);
    }
    Ok(progress)
}

/// Records the completion, issues the certificate (when the version gives
/// one) and queues the email; returns the completion time.
fn complete(
    connection: &mut PgConnection,
    enrolment: &Enrolment,
    course_slug: &str,
) -> Result<DateTime<Utc>, EnrolmentError> {
    let completed_at = Utc::now();
    queries::mark_completed(connection, enrolment.id, completed_at)?;
    audit::record(
        connection,
        Change::new(
            Actor::User(enrolment.user_id),
            "enrolment.completed",
            "enrolment",
            enrolment.id,
        )
        .old(json!({ "status": "active" }))
        .new_value(json!({ "status": "completed", "version_id": enrolment.course_version_id })),
    )?;
    let (learner_name, learner_email) = queries::person(connection, enrolment.user_id)?;
    let (course, version, coe) = course_of(connection, enrolment)?;
    crate::programmes::service::on_course_completed(
        connection,
        enrolment.user_id,
        enrolment.course_id,
        completed_at,
    )?;
    if version.certificate {
        let renews = certificate_queries::renewed_by(connection, enrolment.id.0)?;
        certificates::issue(
            connection,
            enrolment.user_id,
            &coe,
            &Achievement::course(enrolment.id.0, &course, &version),
            completed_at,
            renews,
        )?;
    }
    notifications::enqueue(
        connection,
        &learner_email,
        &Notification::CourseCompleted {
            learner_name,
            course_title: version.title,
            course_path: format!("/courses/{course_slug}"),
        },
    )?;
    Ok(completed_at)
}

/// What the viewer may do with a course's lessons, and which version they see.
#[derive(Debug, Clone)]
pub struct ReadingAccess {
    /// The version to show: the enrolled one, else the current one.
    pub version: Option<CourseVersionId>,
    pub may_read: bool,
    pub enrolment: Option<Enrolment>,
}

/// Lessons of outreach courses are open to all; others to learners with a
/// live or completed enrolment, and to the owning CoE's staff and admins.
pub fn reading_access(
    connection: &mut PgConnection,
    viewer: Option<&SessionUser>,
    course_id: CourseId,
    coe_id: crate::ids::CoeId,
    lessons_public: bool,
) -> Result<ReadingAccess, EnrolmentError> {
    let enrolment = match viewer {
        Some(user) => queries::latest_enrolment(connection, user.id, course_id)?,
        None => None,
    };
    Ok(access_with(
        viewer,
        enrolment,
        course_id,
        coe_id,
        lessons_public,
    ))
}

/// The reading rule of [`reading_access`], given the viewer's latest
/// enrolment already read.
pub fn access_with(
    viewer: Option<&SessionUser>,
    enrolment: Option<Enrolment>,
    course_id: CourseId,
    coe_id: crate::ids::CoeId,
    lessons_public: bool,
) -> ReadingAccess {
    let enrolled = enrolment
        .as_ref()
        .filter(|enrolment| matches!(enrolment.status.as_str(), "active" | "completed"));
    let staff = viewer.is_some_and(|user| {
        user.is_network_admin()
            || [
                Role::Coordinator,
                Role::Instructor,
                Role::Assessor,
                Role::Auditor,
            ]
            .iter()
            .any(|role| user.has_coe_role(*role, coe_id))
            || user.instructs(course_id, coe_id)
    });
    ReadingAccess {
        version: enrolled.map(|enrolment| enrolment.course_version_id),
        may_read: lessons_public || enrolled.is_some() || staff,
        enrolment,
    }
}

/// What a course or lesson page reads of its viewer in one statement; see
/// [`queries::reader_standing`].
pub fn reader_standing(
    connection: &mut PgConnection,
    user: Option<crate::ids::UserId>,
    course_slug: &str,
    wanted: queries::StandingWanted<'_>,
) -> Result<queries::ReaderStanding, EnrolmentError> {
    Ok(queries::reader_standing(
        connection,
        user,
        course_slug,
        wanted,
    )?)
}

/// The progress of an enrolment whose completed lessons and graded-attempt
/// summaries were read by the caller, counted against its version's
/// outline kept under catalogue `generation`.
pub fn kept_progress(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    generation: i64,
    enrolment: &Enrolment,
    lessons_done: &[LessonId],
    grades: impl IntoIterator<Item = ModuleGrades>,
) -> Result<Progress, EnrolmentError> {
    let outlines = outline::kept_outlines(
        connection,
        cache,
        generation,
        &[enrolment.course_version_id],
    )?;
    let outline = outlines
        .get(&enrolment.course_version_id)
        .ok_or_else(course_gone)?;
    let passed = passing_assessments(&outline.required, grades)?;
    Ok(outline_progress(outline, enrolment, lessons_done, &passed))
}

fn course_gone() -> EnrolmentError {
    EnrolmentError::NotFound("The course of this enrolment no longer exists.".to_owned())
}

/// An enrolment's progress against its version's outline.
fn outline_progress(
    outline: &outline::VersionOutline,
    enrolment: &Enrolment,
    lessons_done: &[LessonId],
    passed: &HashSet<(EnrolmentId, ModuleId)>,
) -> Progress {
    let assessments = assessment_standing(enrolment, &outline.required, passed);
    progress_from(
        &outline.course_slug,
        enrolment,
        lessons_done,
        &outline.syllabus,
        &assessments,
    )
}

/// The progress of a person's latest enrolment in a course, if any.
pub fn progress_in(
    connection: &mut PgConnection,
    enrolment: &Enrolment,
    course_slug: &str,
) -> Result<Progress, EnrolmentError> {
    progress_of(connection, course_slug, enrolment)
}

/// One line of "My learning".
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LearningItem {
    pub course_slug: String,
    pub course_title: String,
    /// The language of the course version (of its title and lessons).
    pub language: String,
    pub version: i32,
    pub progress: Progress,
    pub requested_at: DateTime<Utc>,
}

/// The enrolments with progress of `claimant`, newest first (one per
/// course: the latest); [`EnrolmentError::NotSignedIn`], with nothing
/// counted, unless the claimant is accepted as read. The person and their
/// own rows (enrolments, completed lessons, graded attempts) come in one
/// statement; what the course versions hold comes from `cache` (see
/// [`outline`](super::outline)).
pub fn my_learning(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
) -> Result<Vec<LearningItem>, EnrolmentError> {
    let learning = queries::learning_of(connection, claimant.id())?;
    if !claimant.accept(learning.person) {
        return Err(EnrolmentError::NotSignedIn);
    }
    let generation = learning.generation;
    let mut seen = HashSet::new();
    let rows: Vec<queries::EnrolmentWithProgress> = learning
        .enrolments
        .into_iter()
        .filter(|row| seen.insert(row.enrolment.course_id))
        .collect();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let versions: Vec<CourseVersionId> = rows
        .iter()
        .map(|row| row.enrolment.course_version_id)
        .collect();
    let outlines = outline::kept_outlines(connection, cache, generation, &versions)?;
    let passed = passing_assessments(
        outlines.values().flat_map(|outline| &outline.required),
        rows.iter().flat_map(|row| row.graded()),
    )?;
    rows.into_iter()
        .map(|row| {
            let enrolment = row.enrolment;
            let outline = outlines
                .get(&enrolment.course_version_id)
                .ok_or_else(course_gone)?;
            Ok(LearningItem {
                progress: outline_progress(outline, &enrolment, &row.lessons_done, &passed),
                course_slug: outline.course_slug.clone(),
                course_title: outline.title.clone(),
                language: outline.language.clone(),
                version: outline.version_number,
                requested_at: enrolment.requested_at,
            })
        })
        .collect()
}
