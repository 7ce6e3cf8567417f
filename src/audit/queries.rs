//! Queries on the audit trail: `audit_events`, with each entry's link in
//! its chain from `audit_links`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use super::Change;
use crate::db::schema::{audit_events, audit_links};

/// Appends an event. The text is fixed (an absent value is bound as NULL,
/// the columns' default), so the statement stays prepared on the
/// connection: every recorded change runs it.
pub(super) fn insert_event(connection: &mut PgConnection, change: &Change) -> QueryResult<()> {
    use diesel::sql_types::{Jsonb, Nullable, Text, Uuid};
    let statement = diesel::sql_query(
        "INSERT INTO audit_events \
             (actor_id, actor_label, action, entity_type, entity_id, old_value, new_value, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING 1 AS changed",
    )
    .bind::<Nullable<Uuid>, _>(change.actor.user_id().map(|id| id.0))
    .bind::<Text, _>(change.actor.label())
    .bind::<Text, _>(change.action)
    .bind::<Text, _>(change.entity_type)
    .bind::<Text, _>(&change.entity_id)
    .bind::<Nullable<Jsonb>, _>(change.old_value.as_ref())
    .bind::<Nullable<Jsonb>, _>(change.new_value.as_ref())
    .bind::<Nullable<Text>, _>(change.reason.as_deref());
    crate::db::Prepared(statement).change(connection)?;
    Ok(())
}

/// A recorded event, as read back.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_label: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub old_value: Option<Value>,
    pub new_value: Option<Value>,
    pub reason: Option<String>,
}

/// Every event about one record, oldest first.
pub fn events_for_entity(
    connection: &mut PgConnection,
    entity_type: &str,
    entity_id: &str,
) -> QueryResult<Vec<AuditEvent>> {
    audit_events::table
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(entity_id))
        .order(audit_events::id.asc())
        .select(AuditEvent::as_select())
        .load(connection)
}

/// How many events the trail holds.
pub fn count_events(connection: &mut PgConnection) -> QueryResult<i64> {
    audit_events::table.count().get_result(connection)
}

/// What the audit trail viewer filters by (all optional).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Part of the acting person's email address.
    pub actor: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// An action, or its prefix (`certificate.` for all certificate events).
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Only entries written before this one (by row id, for paging back).
    pub before_id: Option<i64>,
    /// Only entries about records of these CoEs (a CoE auditor's view);
    /// `None`: the whole network.
    pub coes: Option<Vec<uuid::Uuid>>,
}

/// An entry with the acting person's email.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct AuditRow {
    /// The row id: the order entries were written in, across all chains.
    pub id: i64,
    /// The entry's chain, position and hash: `None` only for an entry whose
    /// link is missing, which `records verify` reports.
    pub chain: Option<i16>,
    pub chain_seq: Option<i64>,
    pub occurred_at: DateTime<Utc>,
    pub actor_email: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub old_value: Option<Value>,
    pub new_value: Option<Value>,
    pub reason: Option<String>,
    pub entry_hash: Option<String>,
}

fn like_pattern(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Entries matching `filter`, newest first, at most `limit`.
pub fn search(
    connection: &mut PgConnection,
    filter: &AuditFilter,
    limit: i64,
) -> QueryResult<Vec<AuditRow>> {
    use crate::db::schema::users;
    let mut query = audit_events::table
        .left_join(users::table.on(audit_events::actor_id.eq(users::id.nullable())))
        .left_join(audit_links::table)
        .select((
            audit_events::id,
            audit_links::chain.nullable(),
            audit_links::chain_seq.nullable(),
            audit_events::occurred_at,
            users::email.nullable(),
            audit_events::actor_label,
            audit_events::action,
            audit_events::entity_type,
            audit_events::entity_id,
            audit_events::old_value,
            audit_events::new_value,
            audit_events::reason,
            audit_links::entry_hash.nullable(),
        ))
        .order(audit_events::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(actor) = &filter.actor {
        query = query.filter(users::email.ilike(format!("%{}%", like_pattern(actor))));
    }
    if let Some(entity_type) = &filter.entity_type {
        query = query.filter(audit_events::entity_type.eq(entity_type.clone()));
    }
    if let Some(entity_id) = &filter.entity_id {
        query = query.filter(audit_events::entity_id.eq(entity_id.clone()));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_events::action.like(format!("{}%", like_pattern(action))));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_events::occurred_at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_events::occurred_at.lt(until));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(audit_events::id.lt(before));
    }
    if let Some(coes) = &filter.coes {
        use diesel::sql_types::{Array, Bool, Uuid as SqlUuid};
        let scoped = |sql: &'static str| {
            diesel::dsl::sql::<Bool>(sql)
                .bind::<Array<SqlUuid>, _>(coes.clone())
                .sql(")))")
        };
        query = query.filter(
            scoped("(audit_events.entity_type = 'course' AND audit_events.entity_id IN (SELECT id::text FROM courses WHERE coe_id = ANY(")
                .or(scoped("(audit_events.entity_type = 'enrolment' AND audit_events.entity_id IN (SELECT e.id::text FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE c.coe_id = ANY("))
                .or(scoped("(audit_events.entity_type = 'certificate' AND audit_events.entity_id IN (SELECT id::text FROM certificates WHERE coe_id = ANY("))
                .or(scoped("(audit_events.entity_type = 'job_role' AND audit_events.entity_id IN (SELECT id::text FROM job_roles WHERE coe_id = ANY("))
                .or(scoped("(audit_events.entity_type = 'programme' AND audit_events.entity_id IN (SELECT id::text FROM programmes WHERE coe_id = ANY("))
                .or(scoped("(audit_events.entity_type = 'document_signature' AND audit_events.entity_id IN (SELECT s.id::text FROM document_signatures s JOIN lessons l ON l.id = s.lesson_id JOIN course_versions v ON v.id = l.course_version_id JOIN courses c ON c.id = v.course_id WHERE c.coe_id = ANY(")),
        );
    }
    query.load(connection)
}
