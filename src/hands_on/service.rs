//! Rules for hands-on sessions: coordinators of the owning CoE schedule
//! them; enrolled learners book a seat or join the waitlist; a freed seat
//! goes to the first person waiting, who is emailed; coordinators mark
//! attendance. Every booking change locks the session row first.

use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, PgConnection};
use serde::Serialize;
use serde_json::json;

use super::queries::{self, BookingId, NewSession, SessionId, TrainingSession};
use crate::audit::{self, Actor, Change};
use crate::catalog::queries as catalog_queries;
use crate::db::DbError;
use crate::enrolment::queries as enrolment_queries;
use crate::identity::models::{Role, SessionUser};
use crate::ids::UserId;
use crate::notifications::{self, Notification};

/// Why a session operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SessionError {
    fn from(error: diesel::result::Error) -> Self {
        SessionError::Db(DbError::Query(error))
    }
}

/// A session to schedule.
#[derive(Debug, Clone)]
pub struct SessionInput {
    pub course_slug: String,
    pub title: String,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub seats: i32,
}

/// Schedules a session (coordinators of the course's CoE only).
pub fn schedule(
    connection: &mut PgConnection,
    coordinator: &SessionUser,
    input: &SessionInput,
    now: DateTime<Utc>,
) -> Result<SessionId, SessionError> {
    if input.title.trim().is_empty() || input.location.trim().is_empty() {
        return Err(SessionError::Refused(
            "A session needs a title and a place.".to_owned(),
        ));
    }
    if !(1..=1000).contains(&input.seats) {
        return Err(SessionError::Refused(
            "A session has between 1 and 1000 seats.".to_owned(),
        ));
    }
    if input.starts_at >= input.ends_at || input.starts_at <= now {
        return Err(SessionError::Refused(
            "A session must start in the future and end after it starts.".to_owned(),
        ));
    }
    connection.transaction(|connection| {
        let (course, _, coe) =
            catalog_queries::course_with_version(connection, &input.course_slug, None)?
                .ok_or_else(|| {
                    SessionError::NotFound(format!("There is no course \"{}\".", input.course_slug))
                })?;
        if !coordinator.has_coe_role(Role::Coordinator, coe.id) {
            return Err(SessionError::Forbidden(
                "Only coordinators of the course's CoE schedule its sessions.".to_owned(),
            ));
        }
        let id = SessionId::new();
        queries::insert_session(
            connection,
            &NewSession {
                id,
                course_id: course.id,
                coe_id: coe.id,
                title: input.title.trim().to_owned(),
                location: input.location.trim().to_owned(),
                starts_at: input.starts_at,
                ends_at: input.ends_at,
                seats: input.seats,
                created_by: Some(coordinator.id),
            },
        )?;
        audit::record(
            connection,
            Change::new(
                Actor::User(coordinator.id),
                "session.scheduled",
                "training_session",
                id,
            )
            .new_value(json!({
                "course": input.course_slug, "title": input.title, "seats": input.seats,
                "starts_at": input.starts_at, "location": input.location,
            })),
        )?;
        Ok(id)
    })
}

/// Where a booking request ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingOutcome {
    Booked,
    Waitlisted,
}

/// Books a seat, or a waitlist place when the session is full.
pub fn book(
    connection: &mut PgConnection,
    user_id: UserId,
    session_id: SessionId,
    now: DateTime<Utc>,
) -> Result<BookingOutcome, SessionError> {
    connection.transaction(|connection| {
        let session = open_session(connection, session_id, now)?;
        if enrolment_queries::lock_live_enrolment(connection, user_id, session.course_id)?.is_none()
        {
            return Err(SessionError::Refused(
                "Enrol in the course before you book one of its sessions.".to_owned(),
            ));
        }
        if let Some(existing) = queries::live_booking(connection, session.id, user_id)? {
            return Err(SessionError::Refused(format!(
                "You already have a place in this session ({}).",
                if existing.status == "booked" {
                    "booked"
                } else {
                    "on the waitlist"
                }
            )));
        }
        let full = queries::booked_count(connection, session.id)? >= i64::from(session.seats);
        let status = if full { "waitlisted" } else { "booked" };
        let booking = queries::insert_booking(connection, session.id, user_id, status)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(user_id),
                "session.booking_created",
                "training_session",
                session.id,
            )
            .new_value(json!({ "booking_id": booking.id, "user_id": user_id, "status": status })),
        )?;
        Ok(if full {
            BookingOutcome::Waitlisted
        } else {
            BookingOutcome::Booked
        })
    })
}

fn open_session(
    connection: &mut PgConnection,
    session_id: SessionId,
    now: DateTime<Utc>,
) -> Result<TrainingSession, SessionError> {
    let session = queries::lock_session(connection, session_id)?
        .ok_or_else(|| SessionError::NotFound("There is no such session.".to_owned()))?;
    if session.cancelled_at.is_some() {
        return Err(SessionError::Refused(
            "This session has been cancelled.".to_owned(),
        ));
    }
    if session.starts_at <= now {
        return Err(SessionError::Refused(
            "This session has already started.".to_owned(),
        ));
    }
    Ok(session)
}

/// Cancels the person's place (by them, or by a coordinator with a reason);
/// a freed seat goes to the first person waiting, who is emailed.
pub fn cancel(
    connection: &mut PgConnection,
    actor: &SessionUser,
    session_id: SessionId,
    learner: UserId,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), SessionError> {
    connection.transaction(|connection| {
        let session = open_session(connection, session_id, now)?;
        let own = learner == actor.id;
        let reason = reason.map(str::trim).filter(|reason| !reason.is_empty());
        if !own && !actor.has_coe_role(Role::Coordinator, session.coe_id) {
            return Err(SessionError::Forbidden(
                "You can cancel only your own place.".to_owned(),
            ));
        }
        if !own && reason.is_none() {
            return Err(SessionError::Refused(
                "Give a reason when you cancel a learner's place.".to_owned(),
            ));
        }
        let booking = queries::live_booking(connection, session.id, learner)?.ok_or_else(|| {
            SessionError::NotFound("There is no place to cancel in this session.".to_owned())
        })?;
        queries::cancel_booking(connection, booking.id, reason)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(actor.id),
                "session.booking_cancelled",
                "training_session",
                session.id,
            )
            .old(json!({ "booking_id": booking.id, "status": booking.status }))
            .new_value(json!({ "status": "cancelled" }))
            .reason(reason.unwrap_or("cancelled by the learner")),
        )?;
        if booking.status == "booked" {
            promote_first_waiting(connection, &session)?;
        }
        Ok(())
    })
}

fn promote_first_waiting(
    connection: &mut PgConnection,
    session: &TrainingSession,
) -> Result<(), SessionError> {
    if queries::booked_count(connection, session.id)? >= i64::from(session.seats) {
        return Ok(());
    }
    let Some(next) = queries::first_waitlisted(connection, session.id)? else {
        return Ok(());
    };
    queries::promote(connection, next.id)?;
    audit::record(
        connection,
        Change::new(
            Actor::System,
            "session.waitlist_promoted",
            "training_session",
            session.id,
        )
        .old(json!({ "booking_id": next.id, "status": "waitlisted" }))
        .new_value(json!({ "status": "booked" })),
    )?;
    let (name, email) = enrolment_queries::person(connection, next.user_id)?;
    let slug = catalog_queries::course_slug(connection, session.course_id)?;
    notifications::enqueue(
        connection,
        &email,
        &Notification::WaitlistPromoted {
            learner_name: name,
            session_title: session.title.clone(),
            starts_at: session.starts_at.to_rfc3339(),
            location: session.location.clone(),
            course_path: format!("/courses/{slug}"),
        },
    )?;
    Ok(())
}

/// Marks a booked learner as attended or absent (coordinators only).
pub fn mark_attendance(
    connection: &mut PgConnection,
    coordinator: &SessionUser,
    session_id: SessionId,
    booking_id: BookingId,
    attended: bool,
) -> Result<(), SessionError> {
    connection.transaction(|connection| {
        let session = queries::lock_session(connection, session_id)?
            .ok_or_else(|| SessionError::NotFound("There is no such session.".to_owned()))?;
        if !coordinator.has_coe_role(Role::Coordinator, session.coe_id) {
            return Err(SessionError::Forbidden(
                "Only coordinators of the session's CoE mark attendance.".to_owned(),
            ));
        }
        let (booking, _, _) = queries::bookings_of(connection, session.id)?
            .into_iter()
            .find(|(booking, _, _)| booking.id == booking_id)
            .ok_or_else(|| {
                SessionError::NotFound("There is no such booking in this session.".to_owned())
            })?;
        if !matches!(booking.status.as_str(), "booked" | "attended" | "absent") {
            return Err(SessionError::Refused(format!(
                "Attendance is marked only for booked places, not {}.",
                booking.status
            )));
        }
        let status = if attended { "attended" } else { "absent" };
        queries::set_attendance(connection, booking.id, status, coordinator.id)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(coordinator.id),
                "session.attendance_marked",
                "training_session",
                session.id,
            )
            .old(json!({ "booking_id": booking.id, "status": booking.status }))
            .new_value(json!({ "status": status })),
        )?;
        Ok(())
    })
}

/// Queues the day-before reminder of every booked place once.
pub fn queue_session_reminders(
    connection: &mut PgConnection,
    now: DateTime<Utc>,
) -> Result<usize, SessionError> {
    connection.transaction(|connection| {
        let due = queries::take_due_reminders(connection, now, now + Duration::hours(24))?;
        for reminder in &due {
            let slug =
                catalog_queries::course_slug(connection, crate::ids::CourseId(reminder.course_id))?;
            notifications::enqueue(
                connection,
                &reminder.email,
                &Notification::SessionReminder {
                    learner_name: reminder.display_name.clone(),
                    session_title: reminder.title.clone(),
                    starts_at: reminder.starts_at.to_rfc3339(),
                    location: reminder.location.clone(),
                    course_path: format!("/courses/{slug}"),
                },
            )?;
        }
        Ok(due.len())
    })
}

/// An upcoming session as a person sees it.
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub id: String,
    pub title: String,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub seats: i32,
    pub seats_left: i64,
    /// "booked" or "waitlisted" when the viewer has a place.
    pub my_status: Option<String>,
}

/// The upcoming sessions of a course, with the viewer's place in each.
pub fn sessions_for(
    connection: &mut PgConnection,
    course_id: crate::ids::CourseId,
    viewer: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Vec<SessionView>, SessionError> {
    let mut views = Vec::new();
    for session in queries::upcoming_for_course(connection, course_id, now)? {
        let booked = queries::booked_count(connection, session.id)?;
        let my_status = match viewer {
            Some(user) => {
                queries::live_booking(connection, session.id, user)?.map(|booking| booking.status)
            }
            None => None,
        };
        views.push(SessionView {
            id: session.id.to_string(),
            title: session.title,
            location: session.location,
            starts_at: session.starts_at,
            ends_at: session.ends_at,
            seats: session.seats,
            seats_left: (i64::from(session.seats) - booked).max(0),
            my_status,
        });
    }
    Ok(views)
}
