//! The reports page (charts and a table of the same numbers) and its CSV.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use serde::Deserialize;

use super::service::{self, ReportError};
use crate::db::{self, DbPool};
use crate::http::auth::CurrentUser;
use crate::http::{AppError, Templates};

impl From<ReportError> for AppError {
    fn from(error: ReportError) -> Self {
        match error {
            ReportError::NotFound(message) => AppError::NotFound(message),
            ReportError::Forbidden(message) => AppError::Forbidden(message),
            ReportError::Db(error) => AppError::from(error),
        }
    }
}

/// Which report: a CoE's (by slug), else the network's.
#[derive(Deserialize)]
pub struct ReportQuery {
    coe: Option<String>,
}

/// The report page.
#[get("/reports")]
pub async fn reports_page(
    current: CurrentUser,
    query: web::Query<ReportQuery>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let coe = query
        .into_inner()
        .coe
        .filter(|slug| !slug.trim().is_empty());
    let report = db::run(&pool, move |connection| {
        service::report(connection, &user, coe.as_deref(), Utc::now())
    })
    .await?;
    let title = format!("Reports: {}", report.scope);
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/reports",
        &title,
        &report,
    )
}

/// The monthly figures as CSV.
#[get("/reports.csv")]
pub async fn reports_csv(
    current: CurrentUser,
    query: web::Query<ReportQuery>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let coe = query
        .into_inner()
        .coe
        .filter(|slug| !slug.trim().is_empty());
    let report = db::run(&pool, move |connection| {
        service::report(connection, &user, coe.as_deref(), Utc::now())
    })
    .await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "month",
            "enrolments",
            "completions",
            "attempts_graded",
            "pass_rate_percent",
            "certificates_issued",
            "outreach_enrolments",
        ])
        .map_err(AppError::internal)?;
    for month in &report.months {
        writer
            .write_record([
                month.label.clone(),
                month.enrolments.to_string(),
                month.completions.to_string(),
                month.attempts_graded.to_string(),
                month
                    .pass_rate
                    .map(|rate| rate.to_string())
                    .unwrap_or_default(),
                month.certificates_issued.to_string(),
                month.outreach_enrolments.to_string(),
            ])
            .map_err(AppError::internal)?;
    }
    let bytes = writer.into_inner().map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"report-{}.csv\"",
                report.coe.as_deref().unwrap_or("network")
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}
