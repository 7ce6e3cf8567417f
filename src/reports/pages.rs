//! The reports page (charts and a table of the same numbers) and its CSV.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

use super::queries::Totals;
use super::service::{self, Chart, MonthRow, Report, ReportError};
use super::svg::{self, Bar};
use crate::db::{self, DbPool};
use crate::http::auth::CurrentUser;
use crate::http::csv::CsvDownload;
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};
use crate::i18n::{Locale, format};

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

/// One chart of the report: its id, its title message, the value of a
/// month, and whether the value is a percentage.
type ChartSeries = (&'static str, &'static str, fn(&MonthRow) -> f64, bool);

/// The report as its page shows it, in the reader's language.
#[derive(Serialize)]
struct ReportsPage {
    heading: String,
    coe: Option<String>,
    totals: Totals,
    charts: Vec<Chart>,
    months: Vec<MonthLine>,
}

/// One month of the table.
#[derive(Serialize)]
struct MonthLine {
    /// e.g. "November 2026".
    label: String,
    enrolments: i64,
    completions: i64,
    attempts_graded: i64,
    /// e.g. "66.7 %", when any attempt was graded.
    pass_rate: Option<String>,
    certificates_issued: i64,
    outreach_enrolments: i64,
}

/// A month's names: in full with its year ("November 2026", for the table
/// and screen readers) and short (under a chart's bar).
struct MonthNames {
    full: String,
    short: String,
}

/// The words of a report page in `locale`.
struct Words<'a> {
    templates: &'a Templates,
    locale: Locale,
}

impl Words<'_> {
    fn message(&self, id: &str, args: &[(&str, String)]) -> Result<String, AppError> {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.templates.message(self.locale, id, Some(&fluent))
    }

    /// The names of a month labelled "YYYY-MM"; other labels as they are.
    fn month(&self, label: &str) -> Result<MonthNames, AppError> {
        let parsed = label
            .split_once('-')
            .and_then(|(year, month)| Some((year, month.parse::<u32>().ok()?)))
            .filter(|(_, month)| (1..=12).contains(month));
        let Some((year, month)) = parsed else {
            return Ok(MonthNames {
                full: label.to_owned(),
                short: label.to_owned(),
            });
        };
        let full = self.message(&format!("month-{month}"), &[])?;
        Ok(MonthNames {
            full: self.message(
                "reports-month-year",
                &[("month", full), ("year", year.to_owned())],
            )?,
            short: self.message(&format!("reports-month-short-{month}"), &[])?,
        })
    }

    /// A value as written, with " %" for a percentage.
    fn value(&self, value: f64, percent: bool) -> String {
        let number = format::number(self.locale, value, 0);
        if percent {
            format!("{number} %")
        } else {
            number
        }
    }

    /// The page of `report`: its heading, charts and table.
    fn page(&self, report: Report) -> Result<ReportsPage, AppError> {
        let heading = match &report.coe {
            Some(_) => self.message("reports-heading-coe", &[("coe", report.scope.clone())])?,
            None => self.message("reports-heading-network", &[])?,
        };
        let names = report
            .months
            .iter()
            .map(|month| self.month(&month.label))
            .collect::<Result<Vec<_>, _>>()?;
        let series: [ChartSeries; 5] = [
            (
                "enrolments",
                "reports-chart-enrolments",
                |month| month.enrolments as f64,
                false,
            ),
            (
                "completions",
                "reports-chart-completions",
                |month| month.completions as f64,
                false,
            ),
            (
                "pass-rate",
                "reports-chart-pass-rate",
                |month| month.pass_rate.unwrap_or(0.0),
                true,
            ),
            (
                "certificates",
                "reports-chart-certificates",
                |month| month.certificates_issued as f64,
                false,
            ),
            (
                "outreach",
                "reports-chart-outreach",
                |month| month.outreach_enrolments as f64,
                false,
            ),
        ];
        let mut charts = Vec::new();
        for (id, title_id, pick, percent) in series {
            let bars = report
                .months
                .iter()
                .zip(&names)
                .map(|(month, name)| {
                    let value = pick(month);
                    Ok(Bar {
                        label: name.short.clone(),
                        value,
                        shown: format::number(self.locale, value, 0),
                        spoken: self.message(
                            "reports-chart-point",
                            &[
                                ("month", name.full.clone()),
                                ("value", self.value(value, percent)),
                            ],
                        )?,
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            let title = self.message(title_id, &[])?;
            charts.push(Chart {
                svg: svg::chart(id, &title, &bars),
                title,
            });
        }
        let months = report
            .months
            .into_iter()
            .zip(names)
            .map(|(month, name)| MonthLine {
                label: name.full,
                pass_rate: month.pass_rate.map(|rate| self.value(rate, true)),
                enrolments: month.enrolments,
                completions: month.completions,
                attempts_graded: month.attempts_graded,
                certificates_issued: month.certificates_issued,
                outreach_enrolments: month.outreach_enrolments,
            })
            .collect();
        Ok(ReportsPage {
            heading,
            coe: report.coe,
            totals: report.totals,
            charts,
            months,
        })
    }
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
    let page = Words {
        templates: &templates,
        locale: viewer.locale,
    }
    .page(report)?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/reports",
        PageTitle::Content(&page.heading),
        &page,
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
