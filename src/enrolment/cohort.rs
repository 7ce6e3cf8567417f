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

/// The value of a variable of a [`CohortMessage`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageArg {
    Text(String),
    Number(i64),
}

/// What to tell the coordinator, as an interface message: its catalogue id
/// (`cohort-…`, in `templates/locales/*/enrolment.ftl`) and its variables.
/// The page words it in the coordinator's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortMessage {
    pub id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

impl CohortMessage {
    fn new(id: &'static str) -> Self {
        CohortMessage {
            id,
            args: Vec::new(),
        }
    }

    fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, MessageArg::Text(value.into())));
        self
    }

    fn number(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((
            name,
            MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX)),
        ));
        self
    }
}

/// For logs and tests: the id with its variables, e.g.
/// `cohort-problem-duplicate(email=a@b.org, first=4)`.
impl std::fmt::Display for CohortMessage {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|(name, value)| match value {
                MessageArg::Text(text) => format!("{name}={text}"),
                MessageArg::Number(number) => format!("{name}={number}"),
            })
            .collect();
        write!(formatter, "{}({})", self.id, args.join(", "))
    }
}

/// One problem in one row (line 1 is the header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    pub message: CohortMessage,
}

/// Why a cohort was not enrolled.
#[derive(Debug, thiserror::Error)]
pub enum CohortError {
    #[error("{0}")]
    File(CohortMessage),
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
        return Err(CohortError::File(
            CohortMessage::new("cohort-file-too-large")
                .number("megabytes", MAX_CSV_BYTES / 1024 / 1024),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        CohortError::File(
            CohortMessage::new("cohort-file-not-utf8").number("offset", error.valid_up_to()),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|error| {
            CohortError::File(
                CohortMessage::new("cohort-file-header-unreadable")
                    .text("error", error.to_string()),
            )
        })?
        .iter()
        .map(|field| field.trim().to_lowercase())
        .collect();
    if header != ["email", "name", "institution"] {
        return Err(CohortError::File(
            CohortMessage::new("cohort-file-wrong-header").text("found", header.join(",")),
        ));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        if rows.len() + problems.len() >= MAX_ROWS {
            return Err(CohortError::File(
                CohortMessage::new("cohort-file-too-many-rows").number("rows", MAX_ROWS),
            ));
        }
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(RowProblem {
                    line,
                    message: CohortMessage::new("cohort-problem-unreadable-row")
                        .text("error", error.to_string()),
                });
                continue;
            }
        };
        if record.len() != 3 {
            problems.push(RowProblem {
                line,
                message: CohortMessage::new("cohort-problem-field-count")
                    .number("count", record.len()),
            });
            continue;
        }
        let email = match normalise_email(&record[0]) {
            Ok(email) => email,
            Err(_) => {
                problems.push(RowProblem {
                    line,
                    message: CohortMessage::new("cohort-problem-not-an-email")
                        .text("value", record[0].trim()),
                });
                continue;
            }
        };
        let name = record[1].trim();
        if name.is_empty() || name.chars().count() > 200 {
            problems.push(RowProblem {
                line,
                message: CohortMessage::new("cohort-problem-name-length"),
            });
            continue;
        }
        if let Some(first) = first_seen.insert(email.to_lowercase(), line) {
            problems.push(RowProblem {
                line,
                message: CohortMessage::new("cohort-problem-duplicate")
                    .text("email", email.clone())
                    .number("first", first),
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
        return Err(CohortError::File(CohortMessage::new(
            "cohort-file-no-learners",
        )));
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
            .ok_or_else(|| {
                CohortError::File(
                    CohortMessage::new("cohort-file-no-course").text("course", course_slug),
                )
            })?;
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
                    match institutions.iter().find(|institution| {
                        institution.slug == wanted_lower
                            || institution.name.to_lowercase() == wanted_lower
                    }) {
                        Some(institution) => Some(institution.id),
                        None => {
                            problems.push(RowProblem {
                                line: row.line,
                                message: CohortMessage::new("cohort-problem-unknown-institution")
                                    .text("institution", wanted.clone()),
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
                        .ok_or_else(|| {
                        CohortError::File(
                            CohortMessage::new("cohort-file-account-race")
                                .number("line", row.line)
                                .text("email", row.email.clone()),
                        )
                    })?
                }
            };
            match service::enrol(
                connection,
                user.id,
                course_slug,
                EnrolMethod::Cohort { by: coordinator.id },
                due_at,
                now,
            ) {
                Ok(_) => report.enrolled += 1,
                Err(EnrolmentError::Conflict(_)) => report.already_enrolled.push(row.line),
                Err(EnrolmentError::Db(error)) => {
                    return Err(CohortError::Enrolment(EnrolmentError::Db(error)));
                }
                // The enrolment rules' reason, in English (as on error pages).
                Err(other) => problems.push(RowProblem {
                    line: row.line,
                    message: CohortMessage::new("cohort-problem-not-enrolled")
                        .text("reason", other.to_string()),
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
            report.contains("2: cohort-problem-not-an-email(value=not-an-email)"),
            "{report}"
        );
        assert!(report.contains("3: cohort-problem-name-length"), "{report}");
        assert!(
            report.contains("5: cohort-problem-duplicate(email=BOB@beta.example, first=4)"),
            "{report}"
        );
    }

    #[test]
    fn a_wrong_header_non_utf8_or_empty_file_is_refused() {
        assert!(
            problems(b"mail,name\nx@y.org,X\n")
                .contains("cohort-file-wrong-header(found=mail,name)")
        );
        assert!(
            problems(b"email,name,institution\n\xff\xfe,X,\n").contains("cohort-file-not-utf8")
        );
        assert!(problems(b"email,name,institution\n").contains("cohort-file-no-learners"));
    }
}
