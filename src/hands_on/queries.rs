//! Queries on training sessions and bookings.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{session_bookings, training_sessions, users};
use crate::ids::{CoeId, CourseId, UserId};

crate::uuid_id!(
    /// A hands-on training session.
    SessionId
);
crate::uuid_id!(
    /// A booking (or waitlist place) in a session.
    BookingId
);

/// A session row.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = training_sessions)]
pub struct TrainingSession {
    pub id: SessionId,
    pub course_id: CourseId,
    pub coe_id: CoeId,
    pub title: String,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub seats: i32,
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// A booking row.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = session_bookings)]
pub struct Booking {
    pub id: BookingId,
    pub session_id: SessionId,
    pub user_id: UserId,
    pub status: String,
    pub requested_seq: i64,
    pub requested_at: DateTime<Utc>,
}

/// A session to create.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = training_sessions)]
pub struct NewSession {
    pub id: SessionId,
    pub course_id: CourseId,
    pub coe_id: CoeId,
    pub title: String,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub seats: i32,
    pub created_by: Option<UserId>,
}

pub fn insert_session(connection: &mut PgConnection, session: &NewSession) -> QueryResult<()> {
    diesel::insert_into(training_sessions::table)
        .values(session)
        .execute(connection)?;
    Ok(())
}

/// A session, locked for this transaction (serialises its bookings).
pub fn lock_session(
    connection: &mut PgConnection,
    id: SessionId,
) -> QueryResult<Option<TrainingSession>> {
    training_sessions::table
        .find(id)
        .select(TrainingSession::as_select())
        .for_update()
        .first(connection)
        .optional()
}

/// Upcoming sessions of a course.
pub fn upcoming_for_course(
    connection: &mut PgConnection,
    course_id: CourseId,
    now: DateTime<Utc>,
) -> QueryResult<Vec<TrainingSession>> {
    training_sessions::table
        .filter(training_sessions::course_id.eq(course_id))
        .filter(training_sessions::starts_at.gt(now))
        .filter(training_sessions::cancelled_at.is_null())
        .order(training_sessions::starts_at.asc())
        .select(TrainingSession::as_select())
        .load(connection)
}

/// Seats taken in a session.
pub fn booked_count(connection: &mut PgConnection, session: SessionId) -> QueryResult<i64> {
    session_bookings::table
        .filter(session_bookings::session_id.eq(session))
        .filter(session_bookings::status.eq_any(["booked", "attended", "absent"]))
        .count()
        .get_result(connection)
}

/// The person's live booking in a session.
pub fn live_booking(
    connection: &mut PgConnection,
    session: SessionId,
    user: UserId,
) -> QueryResult<Option<Booking>> {
    session_bookings::table
        .filter(session_bookings::session_id.eq(session))
        .filter(session_bookings::user_id.eq(user))
        .filter(session_bookings::status.eq_any(["booked", "waitlisted"]))
        .select(Booking::as_select())
        .first(connection)
        .optional()
}

pub fn insert_booking(
    connection: &mut PgConnection,
    session: SessionId,
    user: UserId,
    status: &str,
) -> QueryResult<Booking> {
    diesel::insert_into(session_bookings::table)
        .values((
            session_bookings::id.eq(BookingId::new()),
            session_bookings::session_id.eq(session),
            session_bookings::user_id.eq(user),
            session_bookings::status.eq(status),
        ))
        .returning(Booking::as_returning())
        .get_result(connection)
}

pub fn cancel_booking(
    connection: &mut PgConnection,
    id: BookingId,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::update(session_bookings::table.find(id))
        .set((
            session_bookings::status.eq("cancelled"),
            session_bookings::cancelled_at.eq(diesel::dsl::now),
            session_bookings::cancellation_reason.eq(reason),
        ))
        .execute(connection)?;
    Ok(())
}

/// The first person on the waitlist.
pub fn first_waitlisted(
    connection: &mut PgConnection,
    session: SessionId,
) -> QueryResult<Option<Booking>> {
    session_bookings::table
        .filter(session_bookings::session_id.eq(session))
        .filter(session_bookings::status.eq("waitlisted"))
        .order(session_bookings::requested_seq.asc())
        .select(Booking::as_select())
        .first(connection)
        .optional()
}

pub fn promote(connection: &mut PgConnection, id: BookingId) -> QueryResult<()> {
    diesel::update(session_bookings::table.find(id))
        .set((
            session_bookings::status.eq("booked"),
            session_bookings::promoted_at.eq(diesel::dsl::now),
        ))
        .execute(connection)?;
    Ok(())
}

pub fn set_attendance(
    connection: &mut PgConnection,
    id: BookingId,
    status: &str,
    by: UserId,
) -> QueryResult<()> {
    diesel::update(session_bookings::table.find(id))
        .set((
            session_bookings::status.eq(status),
            session_bookings::attendance_marked_by.eq(by),
        ))
        .execute(connection)?;
    Ok(())
}

/// Bookings of a session with names, in arrival order.
pub fn bookings_of(
    connection: &mut PgConnection,
    session: SessionId,
) -> QueryResult<Vec<(Booking, String, String)>> {
    session_bookings::table
        .inner_join(users::table.on(users::id.eq(session_bookings::user_id)))
        .filter(session_bookings::session_id.eq(session))
        .order(session_bookings::requested_seq.asc())
        .select((Booking::as_select(), users::display_name, users::email))
        .load(connection)
}

/// Booked places in sessions starting before `until` whose reminder is
/// due, marked as reminded in the same statement (so each is sent once):
/// (booking, session title, location, starts at, course id, name, email).
pub fn take_due_reminders(
    connection: &mut PgConnection,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> QueryResult<Vec<DueReminder>> {
    diesel::sql_query(
        "UPDATE session_bookings b SET reminder_sent_at = now()
         FROM training_sessions s, users u
         WHERE b.session_id = s.id AND u.id = b.user_id
           AND b.status = 'booked' AND b.reminder_sent_at IS NULL
           AND s.cancelled_at IS NULL AND s.starts_at > $1 AND s.starts_at <= $2
         RETURNING s.title, s.location, s.starts_at, s.course_id, u.display_name, u.email",
    )
    .bind::<diesel::sql_types::Timestamptz, _>(now)
    .bind::<diesel::sql_types::Timestamptz, _>(until)
    .load(connection)
}

/// A reminder to send.
#[derive(Debug, Clone, QueryableByName)]
pub struct DueReminder {
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub title: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub location: String,
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    pub starts_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub course_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub display_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub email: String,
}
