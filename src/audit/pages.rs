//! The audit trail for auditors: `/audit` filters by person, record,
//! action and time and pages back through the chain; `/audit.csv` exports
//! the same selection. Open to network admins and to people holding the
//! auditor role.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::queries::{AuditFilter, AuditRow};
use crate::db::{self, DbPool};
use crate::http::auth::CurrentUser;
use crate::http::csv::CsvDownload;
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};
use crate::identity::models::{Role, SessionUser};

/// The most rows one page shows, and one export holds.
const PAGE_ROWS: i64 = 100;
const EXPORT_ROWS: i64 = 50_000;

/// The filters as the form sends them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    entity_type: String,
    #[serde(default)]
    entity_id: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    before: String,
}

/// Network admins read the whole trail; a CoE's auditors read the entries
/// about their CoE's records (courses, enrolments, certificates, roles,
/// programmes, signatures). `None`: no access.
fn audit_scope(user: &SessionUser) -> Option<Option<Vec<uuid::Uuid>>> {
    if user.is_network_admin() {
        return Some(None);
    }
    let coes: Vec<uuid::Uuid> = user
        .grants
        .iter()
        .filter(|grant| grant.role == Role::Auditor)
        .filter_map(|grant| grant.coe_id.map(|coe| coe.0))
        .collect();
    (!coes.is_empty()).then_some(Some(coes))
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(200).collect())
}

fn day(label: &str, text: &str, add_days: i64) -> Result<Option<DateTime<Utc>>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|date| (2000..=9999).contains(&chrono::Datelike::year(date)))
            .and_then(|date| {
                date.and_time(chrono::NaiveTime::MIN)
                    .and_utc()
                    .checked_add_signed(chrono::Duration::days(add_days))
            })
            .map(Some)
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "\"{label}\" must be a date between 2000 and 9999, such as 2026-11-22."
                ))
            }),
    }
}

impl AuditQuery {
    fn filter(&self) -> Result<AuditFilter, AppError> {
        Ok(AuditFilter {
            actor: optional(&self.actor),
            entity_type: optional(&self.entity_type),
            entity_id: optional(&self.entity_id),
            action: optional(&self.action),
            from: day("from", &self.from, 0)?,
            until: day("until", &self.until, 1)?,
            coes: None,
            before_id: match self.before.trim() {
                "" => None,
                text => Some(text.parse::<i64>().map_err(|_| {
                    AppError::BadRequest("\"before\" is an entry number.".to_owned())
                })?),
            },
        })
    }
}

fn reader(current: &CurrentUser) -> Result<Option<Vec<uuid::Uuid>>, AppError> {
    audit_scope(&current.0).ok_or_else(|| {
        AppError::Forbidden("The audit trail is open to auditors and network admins.".to_owned())
    })
}

#[derive(Serialize)]
struct AuditPage {
    query: AuditQuery,
    rows: Vec<AuditRow>,
    next_before: Option<i64>,
    query_string: String,
}

/// The audit trail, newest first, with filters.
#[get("/audit")]
pub async fn audit_page(
    current: CurrentUser,
    query: web::Query<AuditQuery>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let scope = reader(&current)?;
    let query = query.into_inner();
    let filter = AuditFilter {
        coes: scope,
        ..query.filter()?
    };
    let rows = db::run(&pool, move |connection| {
        super::queries::search(connection, &filter, PAGE_ROWS).map_err(AppError::from)
    })
    .await?;
    let next_before = (rows.len() as i64 == PAGE_ROWS)
        .then(|| rows.last().map(|row| row.id))
        .flatten();
    let query_string = serde_urlencoded::to_string(AuditQuery {
        before: String::new(),
        ..query.clone()
    })
    .unwrap_or_default();
    templates.page(
        &current.1.shell(),
        StatusCode::OK,
        "pages/audit",
        PageTitle::Message("title-audit-trail"),
        &AuditPage {
            query,
            rows,
            next_before,
            query_string,
        },
    )
}

/// The same selection as CSV (at most 50,000 entries, newest first).
#[get("/audit.csv")]
pub async fn audit_csv(
    current: CurrentUser,
    query: web::Query<AuditQuery>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let scope = reader(&current)?;
    let filter = AuditFilter {
        coes: scope,
        ..query.into_inner().filter()?
    };
    let rows = db::run(&pool, move |connection| {
        super::queries::search(connection, &filter, EXPORT_ROWS).map_err(AppError::from)
    })
    .await?;
    let mut file = CsvDownload::new(&[
        "entry",
        "occurred_at",
        "actor",
        "action",
        "entity_type",
        "entity_id",
        "old_value",
        "new_value",
        "reason",
        "entry_hash",
        "chain",
        "chain_position",
    ])?;
    for row in rows {
        let json = |value: &Option<serde_json::Value>| {
            value
                .as_ref()
                .map(|value| value.to_string())
                .unwrap_or_default()
        };
        file.row(&[
            row.id.to_string(),
            row.occurred_at.to_rfc3339(),
            row.actor_email.unwrap_or(row.actor_label),
            row.action,
            row.entity_type,
            row.entity_id,
            json(&row.old_value),
            json(&row.new_value),
            row.reason.unwrap_or_default(),
            row.entry_hash.unwrap_or_default(),
            row.chain.map(|chain| chain.to_string()).unwrap_or_default(),
            row.chain_seq
                .map(|position| position.to_string())
                .unwrap_or_default(),
        ])?;
    }
    file.into_response("audit-trail.csv")
}
