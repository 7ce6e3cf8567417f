//! The audit trail for auditors: `/audit` filters by person, record,
//! action and time and pages back through the chain; `/audit.csv` exports
//! the same selection. Open to network admins and to people holding the
//! auditor role.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::queries::{AuditFilter, AuditRow};
use crate::db::{self, DbPool};
use crate::http::auth::CurrentUser;
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

fn may_read_audit(user: &SessionUser) -> bool {
    user.is_network_admin() || user.grants.iter().any(|grant| grant.role == Role::Auditor)
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(200).collect())
}

fn day(label: &str, text: &str, add_days: i64) -> Result<Option<DateTime<Utc>>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|date| {
                Some(
                    date.and_time(chrono::NaiveTime::MIN).and_utc()
                        + chrono::Duration::days(add_days),
                )
            })
            .map_err(|_| {
                AppError::BadRequest(format!("\"{label}\" must be a date such as 2026-11-22."))
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
            before_seq: match self.before.trim() {
                "" => None,
                text => Some(text.parse::<i64>().map_err(|_| {
                    AppError::BadRequest("\"before\" is an entry number.".to_owned())
                })?),
            },
        })
    }
}

fn reader(current: &CurrentUser) -> Result<(), AppError> {
    if may_read_audit(&current.0) {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "The audit trail is open to auditors and network admins.".to_owned(),
        ))
    }
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
    reader(&current)?;
    let query = query.into_inner();
    let filter = query.filter()?;
    let rows = db::run(&pool, move |connection| {
        super::queries::search(connection, &filter, PAGE_ROWS).map_err(AppError::from)
    })
    .await?;
    let next_before = (rows.len() as i64 == PAGE_ROWS)
        .then(|| rows.last().map(|row| row.chain_seq))
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
        "Audit trail",
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
    reader(&current)?;
    let filter = query.into_inner().filter()?;
    let rows = db::run(&pool, move |connection| {
        super::queries::search(connection, &filter, EXPORT_ROWS).map_err(AppError::from)
    })
    .await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header_row = [
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
    ];
    writer
        .write_record(header_row)
        .map_err(AppError::internal)?;
    for row in rows {
        let json = |value: &Option<serde_json::Value>| {
            value
                .as_ref()
                .map(|value| value.to_string())
                .unwrap_or_default()
        };
        let cells = [
            row.chain_seq.to_string(),
            row.occurred_at.to_rfc3339(),
            row.actor_email.unwrap_or(row.actor_label),
            row.action,
            row.entity_type,
            row.entity_id,
            json(&row.old_value),
            json(&row.new_value),
            row.reason.unwrap_or_default(),
            row.entry_hash,
        ];
        writer
            .write_record(cells.iter().map(|cell| spreadsheet_safe(cell)))
            .map_err(AppError::internal)?;
    }
    let bytes = writer.into_inner().map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"audit-trail.csv\"",
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}

/// A cell a spreadsheet will not run as a formula (a leading `=`, `+`, `-`,
/// `@`, tab or carriage return gets an apostrophe).
fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_defused_in_the_export() {
        assert_eq!(
            super::spreadsheet_safe("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(super::spreadsheet_safe("ordinary"), "ordinary");
    }
}
