//! Queries on `email_outbox`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use crate::db::schema::email_outbox;

pub fn insert(
    connection: &mut PgConnection,
    kind: &str,
    to: &str,
    payload: &Value,
) -> QueryResult<()> {
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::kind.eq(kind),
            email_outbox::to_address.eq(to),
            email_outbox::payload.eq(payload),
        ))
        .execute(connection)?;
    Ok(())
}

/// A claimed message.
#[derive(Debug, Clone, Queryable)]
pub struct Claimed {
    pub id: i64,
    pub to_address: String,
    pub payload: Value,
    pub attempts: i32,
    /// The interface language the recipient chose (`users.locale`), if
    /// they have an account and chose one.
    pub recipient_locale: Option<String>,
}

/// Claims up to `limit` due messages for `lease_seconds`: no other worker
/// sees them until the lease ends, and locked rows are skipped, not waited for.
pub fn claim_due(
    connection: &mut PgConnection,
    limit: i64,
    lease_seconds: i64,
) -> QueryResult<Vec<Claimed>> {
    diesel::sql_query(
        "UPDATE email_outbox SET attempts = attempts + 1,
                next_attempt_at = now() + make_interval(secs => $2)
         WHERE id IN (
             SELECT id FROM email_outbox
             WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
             ORDER BY next_attempt_at, id
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
         RETURNING id, to_address, payload, attempts,
                   (SELECT u.locale FROM users u WHERE lower(u.email) = lower(to_address))
                       AS recipient_locale",
    )
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .bind::<diesel::sql_types::Double, _>(lease_seconds as f64)
    .load::<ClaimedRow>(connection)
    .map(|rows| rows.into_iter().map(ClaimedRow::into_claimed).collect())
}

#[derive(QueryableByName)]
struct ClaimedRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    to_address: String,
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    payload: Value,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    recipient_locale: Option<String>,
}

impl ClaimedRow {
    fn into_claimed(self) -> Claimed {
        Claimed {
            id: self.id,
            to_address: self.to_address,
            payload: self.payload,
            attempts: self.attempts,
            recipient_locale: self.recipient_locale,
        }
    }
}

pub fn mark_sent(connection: &mut PgConnection, id: i64) -> QueryResult<()> {
    diesel::update(email_outbox::table.find(id))
        .set((
            email_outbox::sent_at.eq(diesel::dsl::now),
            email_outbox::last_error.eq(None::<String>),
        ))
        .execute(connection)?;
    Ok(())
}

/// Records a failed attempt: retry at `retry_at`, or give up (dead letter).
pub fn mark_failed(
    connection: &mut PgConnection,
    id: i64,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> QueryResult<()> {
    let error: String = error.chars().take(2000).collect();
    match retry_at {
        Some(at) => diesel::update(email_outbox::table.find(id))
            .set((
                email_outbox::next_attempt_at.eq(at),
                email_outbox::last_error.eq(error),
            ))
            .execute(connection)?,
        None => diesel::update(email_outbox::table.find(id))
            .set((
                email_outbox::dead_at.eq(diesel::dsl::now),
                email_outbox::last_error.eq(error),
            ))
            .execute(connection)?,
    };
    Ok(())
}

/// A message that will not be retried.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct DeadLetter {
    pub id: i64,
    pub kind: String,
    pub to_address: String,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_error: Option<String>,
}

pub fn dead_letters(connection: &mut PgConnection) -> QueryResult<Vec<DeadLetter>> {
    email_outbox::table
        .filter(email_outbox::dead_at.is_not_null())
        .order(email_outbox::id.desc())
        .limit(500)
        .select((
            email_outbox::id,
            email_outbox::kind,
            email_outbox::to_address,
            email_outbox::created_at,
            email_outbox::attempts,
            email_outbox::last_error,
        ))
        .load(connection)
}

/// (waiting, sent, dead) counts.
pub fn outbox_counts(connection: &mut PgConnection) -> QueryResult<(i64, i64, i64)> {
    let waiting = email_outbox::table
        .filter(email_outbox::sent_at.is_null())
        .filter(email_outbox::dead_at.is_null())
        .count()
        .get_result(connection)?;
    let sent = email_outbox::table
        .filter(email_outbox::sent_at.is_not_null())
        .count()
        .get_result(connection)?;
    let dead = email_outbox::table
        .filter(email_outbox::dead_at.is_not_null())
        .count()
        .get_result(connection)?;
    Ok((waiting, sent, dead))
}
