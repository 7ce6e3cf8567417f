//! Cohort enrolment from a CSV file (`email,name,institution`): every row is
//! validated first and every problem reported with its line; then, in one
//! transaction, accounts are created where needed and everyone is enrolled —
//! or, if any row fails, nobody is.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use serde::Serialize;

use super::service::{self, EnrolMethod, EnrolmentError};
use crate::identity::models::{Role, SessionUser};
use crate::identity::queries as identity_queries;
use crate::identity::service::normalise_email;
use crate::network::queries as network_queries;

/// The largest cohort file accepted.
pub const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;
/// The most rows one file may hold.
pub const MAX_ROWS: usize = 20_000;

/// One problem in one row (line 1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub line: usize,
    pub message: String,
}

/// Why a cohort was not enrolled.
#[derive(Debug, thiserror::Error)]
pub enum CohortError {
    #[error("{0}")]
    File(String),
    #[error("{} rows have problems; nobody was enrolled", .0.len())]
    Rows(Vec<RowProblem>),
    #[error(transparent)]
    Enrolment(#[from] EnrolmentError),
}

impl From<diesel::result::Error> for CohortError {
    fn from(error: diesel::result::Error) -> Self {
        CohortError::Enrolment(error.into())
    }
}

/// A valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortRow {
    pub line: usize,
    pub email: String,
    pub name: String,
    /// An institution's slug or name, as written.
    pub institution: Option<String>,
}

/// Reads and checks the file: UTF-8, the header, and each row's email, name
/// and duplicates. Institutions are checked against the database later.
pub fn parse(bytes: &[u8]) -> Result<Vec<CohortRow>, CohortError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CohortError::File(format!(
            "The file is larger than {} MB: split the cohort into several files.",
            MAX_CSV_BYTES / 1024 / 1024
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        CohortError::File(format!(
            "The file is not UTF-8 text (first bad byte at offset {}): save it as \"CSV UTF-8\".",
            error.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|error| CohortError::File(format!("The header line cannot be read: {error}.")))?
        .iter()
        .map(|field| field.trim().to_lowercase())
        .collect();
    if header != ["email", "name", "institution"] {
        return Err(CohortError::File(format!(
            "The first line must be the header email,name,institution (found: {}).",
            header.join(",")
        )));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        if rows.len() + problems.len() >= MAX_ROWS {
            return Err(CohortError::File(format!(
                "The file has more than {MAX_ROWS} rows: split it."
            )));
        }
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(RowProblem {
                    line,
                    message: format!("the row cannot be read: {error}"),
                });
                continue;
            }
        };
        if record.len() != 3 {
            problems.push(RowProblem {
                line,
                message: format!(
                    "expected 3 fields (email, name, institution), found {}",
                    record.len()
                ),
            });
            continue;
        }
        let email = match normalise_email(&record[0]) {
            Ok(email) => email,
            Err(_) => {
                problems.push(RowProblem {
                    line,
                    message: format!("\"{}\" is not an email address", record[0].trim()),
                });
                continue;
            }
        };
        let name = record[1].trim();
        if name.is_empty() || name.chars().count() > 200 {
            problems.push(RowProblem {
                line,
                message: "the name must be 1 to 200 characters".to_owned(),
            });
            continue;
        }
        if let Some(first) = first_seen.insert(email.to_lowercase(), line) {
            problems.push(RowProblem {
                line,
                message: format!("{email} is already on line {first}"),
            });
            continue;
        }
        let institution =
            Some(record[2].trim().to_owned()).filter(|institution| !institution.is_empty());
        rows.push(CohortRow {
            line,
            email,
            name: name.to_owned(),
            institution,
        });
    }
    if !problems.is_empty() {
        return Err(CohortError::Rows(problems));
    }
    if rows.is_empty() {
        return Err(CohortError::File(
            "The file has a header but no learners.".to_owned(),
        ));
    }
    Ok(rows)
}

/// What a cohort enrolment did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct CohortReport {
    pub enrolled: usize,
    pub accounts_created: usize,
    /// Rows whose learner already had a place (left as they were).
    pub already_enrolled: Vec<usize>,
}

/// Enrols every row in `course_slug`, all or nothing (coordinators of the
/// owning CoE only).
pub fn enrol_cohort(
    connection: &mut PgConnection,
    coordinator: &SessionUser,
    course_slug: &str,
    rows: &[CohortRow],
    due_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<CohortReport, CohortError> {
    connection.transaction(|connection| {
        let coe = crate::catalog::queries::course_with_version(connection, course_slug, None)?
            .map(|(_, _, coe)| coe)
            .ok_or_else(|| CohortError::File(format!("There is no course \"{course_slug}\".")))?;
        if !coordinator.has_coe_role(Role::Coordinator, coe.id) {
            return Err(CohortError::Enrolment(EnrolmentError::Forbidden(
                "Only coordinators of the course's CoE enrol cohorts in it.".to_owned(),
            )));
        }
        let institutions = network_queries::all_institutions(connection)?;
        let mut problems = Vec::new();
        let mut report = CohortReport::default();
        for row in rows {
            let institution = match &row.institution {
                None => None,
                Some(wanted) => {
                    let wanted_lower = wanted.to_lowercase();
                    match institutions
                        .iter()
                        .find(|institution| institution.slug == wanted_lower || institution.name.to_lowercase() == wanted_lower)
                    {
                        Some(institution) => Some(institution.id),
                        None => {
                            problems.push(RowProblem {
                                line: row.line,
                                message: format!("unknown institution \"{wanted}\" (use a name or slug from the network list)"),
                            });
                            continue;
                        }
                    }
                }
            };
            let user = match identity_queries::user_by_email(connection, &row.email)? {
                Some(user) => user,
                None => {
                    report.accounts_created += 1;
                    identity_queries::insert_user(connection, &row.email, &row.name, institution)?
                        .ok_or_else(|| CohortError::File(format!("line {}: the account for {} appeared meanwhile; try again", row.line, row.email)))?
                }
            };
            match service::enrol(connection, user.id, course_slug, EnrolMethod::Cohort { by: coordinator.id }, due_at, now) {
                Ok(_) => report.enrolled += 1,
                Err(EnrolmentError::Conflict(_)) => report.already_enrolled.push(row.line),
                Err(EnrolmentError::Db(error)) => return Err(CohortError::Enrolment(EnrolmentError::Db(error))),
                Err(other) => problems.push(RowProblem {
                    line: row.line,
                    message: other.to_string(),
                }),
            }
        }
        if problems.is_empty() {
            Ok(report)
        } else {
            Err(CohortError::Rows(problems))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &[u8]) -> String {
        match parse(text) {
            Err(CohortError::Rows(rows)) => rows
                .iter()
                .map(|row| format!("{}: {}", row.line, row.message))
                .collect::<Vec<_>>()
                .join("\n"),
            Err(other) => other.to_string(),
            Ok(rows) => format!("{} rows", rows.len()),
        }
    }

    #[test]
    fn a_good_file_parses_with_a_bom_and_quoted_names() {
        let rows = parse("\u{feff}Email,Name,Institution\nada@alpha.example,\"Lovelace, Ada\",alpha-hospital\nbob@beta.example,Bob,\n".as_bytes())
            .expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Lovelace, Ada");
        assert_eq!(rows[1].institution, None);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let report = problems(b"email,name,institution\nnot-an-email,X,\nada@alpha.example,,\nbob@beta.example,Bob,\nBOB@beta.example,Bob again,\n");
        assert!(
            report.contains("2: \"not-an-email\" is not an email address"),
            "{report}"
        );
        assert!(report.contains("3: the name must be"), "{report}");
        assert!(
            report.contains("5: BOB@beta.example is already on line 4"),
            "{report}"
        );
    }

    #[test]
    fn a_wrong_header_non_utf8_or_empty_file_is_refused() {
        assert!(problems(b"mail,name\nx@y.org,X\n").contains("header email,name,institution"));
        assert!(problems(b"email,name,institution\n\xff\xfe,X,\n").contains("not UTF-8"));
        assert!(problems(b"email,name,institution\n").contains("no learners"));
    }
}
