//! Queries on `audit_events`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use super::Change;
use crate::db::schema::audit_events;

#[derive(Insertable)]
#[diesel(table_name = audit_events)]
struct NewAuditEvent<'a> {
    actor_id: Option<uuid::Uuid>,
    actor_label: &'a str,
    action: &'a str,
    entity_type: &'a str,
    entity_id: &'a str,
    old_value: Option<&'a Value>,
    new_value: Option<&'a Value>,
    reason: Option<&'a str>,
}

pub(super) fn insert_event(connection: &mut PgConnection, change: &Change) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values(NewAuditEvent {
            actor_id: change.actor.user_id().map(|id| id.0),
            actor_label: change.actor.label(),
            action: change.action,
            entity_type: change.entity_type,
            entity_id: &change.entity_id,
            old_value: change.old_value.as_ref(),
            new_value: change.new_value.as_ref(),
            reason: change.reason.as_deref(),
        })
        .execute(connection)?;
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
