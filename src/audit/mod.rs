//! The audit trail: every change to a training record or to configuration is
//! written here, in the same transaction as the change, with who, when,
//! what, the old and new value and a reason. The table is append-only (a
//! database trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained
//! (at commit, a deferred trigger links each entry to the one before it in
//! one of eight chains, chosen per transaction, by a row of the equally
//! append-only `audit_links`; `chain` verifies them).
//! Auditors and network admins read it at `/audit` (filters, CSV export).

pub mod chain;
pub mod pages;
mod queries;

use diesel::PgConnection;
use diesel::QueryResult;
use serde_json::Value;

use crate::ids::UserId;

pub use queries::{AuditEvent, AuditFilter, AuditRow, count_events, events_for_entity, search};

/// Who made a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in person.
    User(UserId),
    /// The course file import (`courses/`).
    Import,
    /// An operator at the command line.
    Cli,
    /// A background job of the platform itself.
    System,
}

impl Actor {
    /// The acting person, when a person acted.
    pub fn user_id(self) -> Option<UserId> {
        match self {
            Actor::User(id) => Some(id),
            Actor::Import | Actor::Cli | Actor::System => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Actor::User(_) => "user",
            Actor::Import => "import",
            Actor::Cli => "cli",
            Actor::System => "system",
        }
    }
}

/// One change, about to be recorded.
#[derive(Debug, Clone)]
pub struct Change {
    pub actor: Actor,
    /// `entity.verb`, e.g. `course.version_published`.
    pub action: &'static str,
    pub entity_type: &'static str,
    pub entity_id: String,
    pub old_value: Option<Value>,
    pub new_value: Option<Value>,
    pub reason: Option<String>,
}

impl Change {
    /// A change with no old or new value and no reason yet.
    pub fn new(
        actor: Actor,
        action: &'static str,
        entity_type: &'static str,
        entity_id: impl ToString,
    ) -> Self {
        Change {
            actor,
            action,
            entity_type,
            entity_id: entity_id.to_string(),
            old_value: None,
            new_value: None,
            reason: None,
        }
    }

    pub fn old(mut self, value: Value) -> Self {
        self.old_value = Some(value);
        self
    }

    pub fn new_value(mut self, value: Value) -> Self {
        self.new_value = Some(value);
        self
    }

    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

/// Writes `change` to the audit trail on `connection` (call it inside the
/// transaction that makes the change).
pub fn record(connection: &mut PgConnection, change: Change) -> QueryResult<()> {
    queries::insert_event(connection, &change)
}

/// The audit trail's pages.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config.service(pages::audit_csv).service(pages::audit_page);
}
