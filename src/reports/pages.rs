//! The reports page (charts and a table of the same numbers) and its CSV.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use serde::Deserialize;

use super::service::{self, ReportError};
use crate::db::{self, DbPool};
use crate::http::auth::CurrentUser;
use crate::http::csv::CsvDownload;
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
    let mut file = CsvDownload::new(&[
        "month",
        "enrolments",
        "completions",
        "attempts_graded",
        "pass_rate_percent",
        "certificates_issued",
        "outreach_enrolments",
    ])?;
    for month in &report.months {
        file.row(&[
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
        ])?;
    }
    file.into_response(&format!(
        "report-{}.csv",
        report.coe.as_deref().unwrap_or("network")
    ))
}
