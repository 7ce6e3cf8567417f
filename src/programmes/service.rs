//! Programme rules: syncing programmes from the files, what a person's
//! progress is (a requirement is met by completing the course or a course
//! recognised as equivalent to it), enrolling in a programme (which enrols
//! in its required courses as their own rules allow), issuing the programme
//! certificate once when every rule is met, and recording equivalences
//! (never a cycle, never a course with itself).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection, QueryResult};
use serde::Serialize;
use serde_json::json;

use super::files::ProgrammeSource;
use super::queries::{self, Programme, ProgrammeId};
use crate::audit::{self, Actor, Change};
use crate::certificates::service::{self as certificates, Achievement};
use crate::course_files::SyncError;
use crate::db::DbError;
use crate::enrolment::service::{self as enrolment, EnrolMethod, EnrolOutcome};
use crate::identity::models::SessionUser;
use crate::ids::{CoeId, CourseId, UserId};

/// Why a programme request failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ProgrammeError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ProgrammeError {
    fn from(error: diesel::result::Error) -> Self {
        ProgrammeError::Db(DbError::Query(error))
    }
}

/// Writes the files' programmes (inside the course sync's transaction);
/// programmes gone from the file are archived. Returns the slugs written.
pub fn sync_programmes(
    connection: &mut PgConnection,
    sources: &[ProgrammeSource],
    coe_ids: &HashMap<String, CoeId>,
) -> Result<Vec<String>, SyncError> {
    let before: HashMap<String, Programme> = queries::list(connection, true)?
        .into_iter()
        .map(|programme| (programme.slug.clone(), programme))
        .collect();
    let mut written = Vec::new();
    for source in sources {
        let coe_id = *coe_ids
            .get(&source.coe)
            .ok_or_else(|| SyncError::Db(DbError::Task(format!("unknown CoE {}", source.coe))))?;
        let mut listed = Vec::new();
        for (slugs, track) in [
            (&source.required, "required"),
            (&source.electives, "elective"),
        ] {
            for slug in slugs {
                let id = queries::course_id(connection, slug)?.ok_or_else(|| {
                    SyncError::Db(DbError::Task(format!(
                        "course {slug} vanished during the sync"
                    )))
                })?;
                listed.push((id, track));
            }
        }
        let description_html = crate::markdown::render_markdown(&source.description_markdown);
        let electives_required = i32::try_from(source.electives_required).unwrap_or(i32::MAX);
        let id = queries::upsert(
            connection,
            &queries::ProgrammeFields {
                slug: &source.slug,
                coe_id,
                title: &source.title,
                summary: &source.summary,
                description_html: &description_html,
                electives_required,
                certificate: source.certificate,
            },
        )?;
        let old_courses: Vec<(CourseId, String)> = queries::courses_of(connection, id)?
            .into_iter()
            .map(|course| (course.course_id, course.track))
            .collect();
        let new_courses: Vec<(CourseId, String)> = listed
            .iter()
            .map(|(course, track)| (*course, (*track).to_owned()))
            .collect();
        let unchanged = before.get(&source.slug).is_some_and(|programme| {
            programme.title == source.title
                && programme.summary == source.summary
                && programme.description_html == description_html
                && programme.electives_required == electives_required
                && programme.certificate == source.certificate
                && programme.coe_id == coe_id
                && programme.status == "active"
        }) && old_courses == new_courses;
        if unchanged {
            continue;
        }
        queries::replace_courses(connection, id, &listed)?;
        audit::record(
            connection,
            Change::new(Actor::Import, "programme.synced", "programme", id).new_value(json!({
                "slug": source.slug, "title": source.title, "coe": source.coe,
                "required": source.required, "electives": source.electives,
                "electives_required": source.electives_required,
            })),
        )?;
        written.push(source.slug.clone());
    }
    let keep: Vec<String> = sources.iter().map(|source| source.slug.clone()).collect();
    for slug in queries::archive_except(connection, &keep)? {
        audit::record(
            connection,
            Change::new(Actor::Import, "programme.archived", "programme", &slug)
                .reason("removed from programmes.toml"),
        )?;
        written.push(slug);
    }
    Ok(written)
}

/// How a requirement is met.
#[derive(Debug, Clone, Serialize)]
pub struct CourseProgress {
    pub slug: String,
    pub title: String,
    pub coe_name: String,
    pub track: String,
    pub credits: Option<String>,
    pub done: bool,
    /// The slug of the equivalent course that met it, if not the course itself.
    pub met_by: Option<String>,
}

/// A programme as its page shows it, with the viewer's progress.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description_html: String,
    pub electives_required: i32,
    pub certificate: bool,
    pub courses: Vec<CourseProgress>,
    /// e.g. ["3.5 ECTS", "8 CPD hours"]
    pub total_credits: Vec<String>,
    pub enrolled: bool,
    pub completed_at: Option<DateTime<Utc>>,
    pub complete: bool,
}

fn credits_label(credits: Option<f64>, credit_type: Option<&str>) -> Option<String> {
    match (credits, credit_type) {
        (Some(amount), Some("ects")) => Some(format!("{amount} ECTS")),
        (Some(amount), Some(_)) => Some(format!("{amount} CPD hours")),
        _ => None,
    }
}

/// Which courses count as done for a person: those completed, and those
/// directly recognised as equivalent to one completed (with which).
fn satisfied(
    connection: &mut PgConnection,
    user: UserId,
) -> QueryResult<HashMap<CourseId, Option<CourseId>>> {
    let completed: HashSet<CourseId> = queries::completed_courses(connection, user)?
        .into_iter()
        .collect();
    let mut met: HashMap<CourseId, Option<CourseId>> =
        completed.iter().map(|course| (*course, None)).collect();
    for (a, b) in queries::equivalences(connection)? {
        if completed.contains(&a) {
            met.entry(b).or_insert(Some(a));
        }
        if completed.contains(&b) {
            met.entry(a).or_insert(Some(b));
        }
    }
    Ok(met)
}

fn view_of(
    connection: &mut PgConnection,
    programme: Programme,
    user: Option<UserId>,
) -> Result<ProgrammeView, ProgrammeError> {
    let courses = queries::courses_of(connection, programme.id)?;
    let met = match user {
        Some(user) => satisfied(connection, user)?,
        None => HashMap::new(),
    };
    let mut slugs: HashMap<CourseId, String> = courses
        .iter()
        .map(|course| (course.course_id, course.slug.clone()))
        .collect();
    for other in met.values().flatten() {
        if !slugs.contains_key(other) {
            slugs.insert(
                *other,
                crate::catalog::queries::course_slug(connection, *other)?,
            );
        }
    }
    let mut totals: Vec<(String, f64)> = Vec::new();
    for course in courses.iter().filter(|course| course.track == "required") {
        if let (Some(amount), Some(kind)) = (course.credits, course.credit_type.clone()) {
            match totals.iter_mut().find(|(unit, _)| *unit == kind) {
                Some((_, sum)) => *sum += amount,
                None => totals.push((kind, amount)),
            }
        }
    }
    let progress: Vec<CourseProgress> = courses
        .iter()
        .map(|course| {
            let met_by = met.get(&course.course_id);
            CourseProgress {
                slug: course.slug.clone(),
                title: course.title.clone().unwrap_or_else(|| course.slug.clone()),
                coe_name: course.coe_name.clone(),
                track: course.track.clone(),
                credits: credits_label(course.credits, course.credit_type.as_deref()),
                done: met_by.is_some(),
                met_by: met_by.copied().flatten().map(|other| {
                    slugs
                        .get(&other)
                        .cloned()
                        .unwrap_or_else(|| other.to_string())
                }),
            }
        })
        .collect();
    let complete = rules_met(&programme, &progress);
    let enrolment = match user {
        Some(user) => queries::enrolment_of(connection, programme.id, user)?,
        None => None,
    };
    Ok(ProgrammeView {
        slug: programme.slug,
        title: programme.title,
        summary: programme.summary,
        description_html: programme.description_html,
        electives_required: programme.electives_required,
        certificate: programme.certificate,
        total_credits: totals
            .into_iter()
            .filter_map(|(kind, sum)| credits_label(Some(sum), Some(&kind)))
            .collect(),
        enrolled: enrolment.is_some(),
        completed_at: enrolment.and_then(|enrolment| enrolment.completed_at),
        courses: progress,
        complete,
    })
}

fn rules_met(programme: &Programme, progress: &[CourseProgress]) -> bool {
    let required_done = progress
        .iter()
        .filter(|course| course.track == "required")
        .all(|course| course.done);
    let electives_done = progress
        .iter()
        .filter(|course| course.track == "elective" && course.done)
        .count();
    required_done
        && electives_done >= usize::try_from(programme.electives_required).unwrap_or(usize::MAX)
}

/// Every active programme (for the list), without progress.
pub fn all(connection: &mut PgConnection) -> Result<Vec<ProgrammeView>, ProgrammeError> {
    queries::list(connection, false)?
        .into_iter()
        .map(|programme| view_of(connection, programme, None))
        .collect()
}

/// One programme, with the viewer's progress when signed in.
pub fn one(
    connection: &mut PgConnection,
    slug: &str,
    viewer: Option<UserId>,
) -> Result<ProgrammeView, ProgrammeError> {
    let programme = queries::by_slug(connection, slug)?
        .ok_or_else(|| ProgrammeError::NotFound(format!("There is no programme \"{slug}\".")))?;
    view_of(connection, programme, viewer)
}

/// What enrolling in one of the programme's courses led to.
#[derive(Debug, Clone, Serialize)]
pub struct CourseEnrolmentResult {
    pub slug: String,
    pub outcome: String,
}

/// Enrols a person in a programme and, as each course's own rules allow,
/// in its required courses not yet met; completes the programme at once
/// when its rules are already met.
pub fn enrol(
    connection: &mut PgConnection,
    user: UserId,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Vec<CourseEnrolmentResult>, ProgrammeError> {
    connection.transaction(|connection| {
        let programme = queries::by_slug(connection, slug)?.ok_or_else(|| {
            ProgrammeError::NotFound(format!("There is no programme \"{slug}\"."))
        })?;
        if !queries::insert_enrolment(connection, programme.id, user)? {
            return Err(ProgrammeError::Conflict(format!(
                "You are already enrolled in \"{}\".",
                programme.title
            )));
        }
        audit::record(
            connection,
            Change::new(
                Actor::User(user),
                "programme.enrolled",
                "programme",
                programme.id,
            )
            .new_value(json!({ "user_id": user, "programme": slug })),
        )?;
        let met = satisfied(connection, user)?;
        let mut results = Vec::new();
        for course in queries::courses_of(connection, programme.id)?
            .into_iter()
            .filter(|course| course.track == "required" && !met.contains_key(&course.course_id))
        {
            let attempt = connection.transaction(|connection| {
                enrolment::enrol(
                    connection,
                    user,
                    &course.slug,
                    EnrolMethod::SelfService,
                    None,
                    now,
                )
            });
            let outcome = match attempt {
                Ok(EnrolOutcome::Active) => "enrolled".to_owned(),
                Ok(EnrolOutcome::Pending) => "waiting for approval".to_owned(),
                Err(crate::enrolment::service::EnrolmentError::Db(error)) => {
                    return Err(ProgrammeError::Db(error));
                }
                Err(refused) => refused.to_string(),
            };
            results.push(CourseEnrolmentResult {
                slug: course.slug,
                outcome,
            });
        }
        check_completion(connection, programme.id, user, now)?;
        Ok(results)
    })
}

/// Issues the programme certificate (once) when a person enrolled in the
/// programme meets its rules. Call it inside the transaction that records
/// a course completion.
pub fn check_completion(
    connection: &mut PgConnection,
    programme_id: ProgrammeId,
    user: UserId,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let Some(enrolment) = queries::lock_enrolment(connection, programme_id, user)? else {
        return Ok(false);
    };
    if enrolment.completed_at.is_some() {
        return Ok(false);
    }
    let programme = queries::by_id(connection, programme_id)?;
    if programme.status != "active" {
        return Ok(false);
    }
    let view = view_of(connection, programme.clone(), Some(user)).map_err(|error| match error {
        ProgrammeError::Db(DbError::Query(error)) => error,
        other => diesel::result::Error::QueryBuilderError(other.to_string().into()),
    })?;
    if !view.complete {
        return Ok(false);
    }
    let certificate = if programme.certificate {
        let coe = crate::network::queries::coe_by_id(connection, programme.coe_id)?;
        let issued = certificates::issue(
            connection,
            user,
            &coe,
            &Achievement::programme(programme.id.0, &programme.title, &programme.summary),
            now,
            None,
        )?;
        Some(issued.id.0)
    } else {
        None
    };
    queries::mark_completed(connection, enrolment.id, now, certificate)?;
    audit::record(
        connection,
        Change::new(
            Actor::System,
            "programme.completed",
            "programme",
            programme.id,
        )
        .new_value(json!({ "user_id": user, "certificate_id": certificate })),
    )?;
    Ok(true)
}

/// After a course completion: completes every programme it (or a course
/// recognised as equivalent to it) belongs to, where the rules are now met.
pub fn on_course_completed(
    connection: &mut PgConnection,
    user: UserId,
    course: CourseId,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let mut related = vec![course];
    for (a, b) in queries::equivalences(connection)? {
        if a == course {
            related.push(b);
        } else if b == course {
            related.push(a);
        }
    }
    for programme in queries::programmes_with(connection, &related)? {
        check_completion(connection, programme, user, now)?;
    }
    Ok(())
}

/// Records that two courses are equivalent (network admins). Refused for a
/// course with itself, and when the two are already linked through other
/// equivalences (a cycle): recognition is decided pair by pair.
pub fn add_equivalence(
    connection: &mut PgConnection,
    admin: &SessionUser,
    first_slug: &str,
    second_slug: &str,
    reason: &str,
) -> Result<(), ProgrammeError> {
    if !admin.is_network_admin() {
        return Err(ProgrammeError::Forbidden(
            "Only network admins record course equivalences.".to_owned(),
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 {
        return Err(ProgrammeError::Refused(
            "Say why the two courses are equivalent (1 to 2,000 characters): it is kept in the audit trail.".to_owned(),
        ));
    }
    connection.transaction(|connection| {
        queries::lock_equivalences(connection)?;
        let find = |connection: &mut PgConnection, slug: &str| {
            queries::course_id(connection, slug.trim())?
                .ok_or_else(|| ProgrammeError::NotFound(format!("There is no course \"{}\".", slug.trim())))
        };
        let first = find(connection, first_slug)?;
        let second = find(connection, second_slug)?;
        if first == second {
            return Err(ProgrammeError::Refused(
                "A course cannot be equivalent to itself; choose two different courses.".to_owned(),
            ));
        }
        let edges = queries::equivalences(connection)?;
        if let Some(path) = connected(&edges, first, second) {
            return Err(ProgrammeError::Conflict(format!(
                "These courses are already linked through {} other equivalence{}; recording this one would close a cycle. Remove one of the existing equivalences first if recognition should change.",
                path,
                if path == 1 { "" } else { "s" }
            )));
        }
        queries::insert_equivalence(connection, first, second, reason, admin.id)?;
        audit::record(
            connection,
            Change::new(Actor::User(admin.id), "equivalence.recorded", "course", first)
                .new_value(json!({ "course": first_slug.trim(), "equivalent_to": second_slug.trim(), "equivalent_id": second }))
                .reason(reason),
        )?;
        Ok(())
    })
}

/// The number of equivalences on a path from `from` to `to`, if connected.
fn connected(edges: &[(CourseId, CourseId)], from: CourseId, to: CourseId) -> Option<usize> {
    let mut distance: HashMap<CourseId, usize> = HashMap::from([(from, 0)]);
    let mut queue = std::collections::VecDeque::from([from]);
    while let Some(course) = queue.pop_front() {
        let here = distance.get(&course).copied().unwrap_or(0);
        for (a, b) in edges {
            let next = if *a == course {
                *b
            } else if *b == course {
                *a
            } else {
                continue;
            };
            if let std::collections::hash_map::Entry::Vacant(slot) = distance.entry(next) {
                slot.insert(here + 1);
                if next == to {
                    return Some(here + 1);
                }
                queue.push_back(next);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_through_other_equivalences_is_found() {
        let (a, b, c, d) = (
            CourseId::new(),
            CourseId::new(),
            CourseId::new(),
            CourseId::new(),
        );
        let edges = vec![(a, b), (b, c)];
        assert_eq!(connected(&edges, a, c), Some(2));
        assert_eq!(connected(&edges, c, a), Some(2));
        assert_eq!(connected(&edges, a, d), None);
    }
}
