//! Who may read which report (network admins: all; coordinators and
//! auditors: their CoE) and the report's figures at a given moment.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::Serialize;

use super::queries::{self, Month, Totals};
use super::svg;
use crate::db::DbError;
use crate::identity::models::{Role, SessionUser};

/// Why a report cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ReportError {
    fn from(error: diesel::result::Error) -> Self {
        ReportError::Db(DbError::Query(error))
    }
}

/// One month as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct MonthRow {
    /// e.g. "2026-11".
    pub label: String,
    pub enrolments: i64,
    pub completions: i64,
    pub attempts_graded: i64,
    /// Passed graded attempts as a percentage, when any were graded.
    pub pass_rate: Option<f64>,
    pub certificates_issued: i64,
    pub outreach_enrolments: i64,
}

/// A chart, drawn.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    pub svg: String,
}

/// A report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// "the network" or the CoE's name.
    pub scope: String,
    pub coe: Option<String>,
    pub months: Vec<MonthRow>,
    pub totals: Totals,
    pub charts: Vec<Chart>,
}

fn row(month: Month) -> MonthRow {
    MonthRow {
        label: month.month.format("%Y-%m").to_string(),
        pass_rate: (month.attempts_graded > 0).then(|| {
            (month.attempts_passed as f64 * 1000.0 / month.attempts_graded as f64).round() / 10.0
        }),
        enrolments: month.enrolments,
        completions: month.completions,
        attempts_graded: month.attempts_graded,
        certificates_issued: month.certificates_issued,
        outreach_enrolments: month.outreach_enrolments,
    }
}

/// The report of one CoE (`Some(slug)`) or of the network, at `now`.
pub fn report(
    connection: &mut PgConnection,
    viewer: &SessionUser,
    coe_slug: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Report, ReportError> {
    connection.build_transaction().read_only().run(|connection| {
        let (coe, scope) = match coe_slug {
            Some(slug) => {
                let coe = crate::network::queries::coe_by_slug(connection, slug)?
                    .ok_or_else(|| ReportError::NotFound(format!("There is no CoE \"{slug}\".")))?;
                if !(viewer.has_coe_role(Role::Coordinator, coe.id) || viewer.has_coe_role(Role::Auditor, coe.id)) {
                    return Err(ReportError::Forbidden(
                        "A CoE's reports are open to its coordinators and auditors, and to network admins.".to_owned(),
                    ));
                }
                (Some(coe.id), coe.name)
            }
            None if viewer.is_network_admin() => (None, "the network".to_owned()),
            None => {
                return Err(ReportError::Forbidden(
                    "Network-wide reports are open to network admins; coordinators open their CoE's report (/reports?coe=…).".to_owned(),
                ));
            }
        };
        let months: Vec<MonthRow> = queries::months(connection, coe, now)?.into_iter().map(row).collect();
        let totals = queries::totals(connection, coe, now)?;
        let series = |pick: fn(&MonthRow) -> f64| -> Vec<(String, f64)> {
            months.iter().map(|month| (month.label[2..].to_owned(), pick(month))).collect()
        };
        let charts = vec![
            ("enrolments", "Enrolments per month", series(|month| month.enrolments as f64), ""),
            ("completions", "Completions per month", series(|month| month.completions as f64), ""),
            ("pass-rate", "Assessment pass rate per month (%)", series(|month| month.pass_rate.unwrap_or(0.0)), "%"),
            ("certificates", "Certificates issued per month", series(|month| month.certificates_issued as f64), ""),
            ("outreach", "Outreach enrolments per month", series(|month| month.outreach_enrolments as f64), ""),
        ]
        .into_iter()
        .map(|(id, title, points, unit)| Chart {
            title: title.to_owned(),
            svg: svg::bar_chart(id, title, &points, unit),
        })
        .collect();
        Ok(Report {
            scope,
            coe: coe_slug.map(str::to_owned),
            months,
            totals,
            charts,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pass_rate_is_a_percentage_with_one_decimal_and_absent_without_attempts() {
        let month = |graded, passed| Month {
            month: Utc::now(),
            enrolments: 0,
            completions: 0,
            attempts_graded: graded,
            attempts_passed: passed,
            certificates_issued: 0,
            outreach_enrolments: 0,
        };
        assert_eq!(row(month(3, 2)).pass_rate, Some(66.7));
        assert_eq!(row(month(0, 0)).pass_rate, None);
    }
}
