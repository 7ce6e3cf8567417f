//! The report queries: monthly counts over the last twelve months, for the
//! whole network or one CoE, and the current totals.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Timestamptz, Uuid as SqlUuid};

use crate::ids::CoeId;

/// One month of activity.
#[derive(Debug, Clone, QueryableByName, serde::Serialize)]
pub struct Month {
    #[diesel(sql_type = Timestamptz)]
    pub month: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    pub enrolments: i64,
    #[diesel(sql_type = BigInt)]
    pub completions: i64,
    #[diesel(sql_type = BigInt)]
    pub attempts_graded: i64,
    #[diesel(sql_type = BigInt)]
    pub attempts_passed: i64,
    #[diesel(sql_type = BigInt)]
    pub certificates_issued: i64,
    #[diesel(sql_type = BigInt)]
    pub outreach_enrolments: i64,
}

/// The twelve months up to `now`'s month, oldest first (`coe`: one CoE's courses).
pub fn months(
    connection: &mut PgConnection,
    coe: Option<CoeId>,
    now: DateTime<Utc>,
) -> QueryResult<Vec<Month>> {
    diesel::sql_query(
        "WITH months AS (
             SELECT generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC') - interval '11 months',
                                    date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC'),
                                    interval '1 month') AT TIME ZONE 'UTC' AS month),
         scoped_enrolments AS (
             SELECT e.requested_at, e.completed_at, v.audience
               FROM enrolments e
               JOIN courses c ON c.id = e.course_id
               JOIN course_versions v ON v.id = e.course_version_id
              WHERE $2::uuid IS NULL OR c.coe_id = $2),
         scoped_attempts AS (
             SELECT a.graded_at, a.passed
               FROM assessment_attempts a
               JOIN enrolments e ON e.id = a.enrolment_id
               JOIN courses c ON c.id = e.course_id
              WHERE a.graded_at IS NOT NULL AND ($2::uuid IS NULL OR c.coe_id = $2))
         SELECT m.month,
                (SELECT count(*) FROM scoped_enrolments s WHERE s.requested_at >= m.month AND s.requested_at < m.month + interval '1 month') AS enrolments,
                (SELECT count(*) FROM scoped_enrolments s WHERE s.completed_at >= m.month AND s.completed_at < m.month + interval '1 month') AS completions,
                (SELECT count(*) FROM scoped_attempts s WHERE s.graded_at >= m.month AND s.graded_at < m.month + interval '1 month') AS attempts_graded,
                (SELECT count(*) FROM scoped_attempts s WHERE s.passed AND s.graded_at >= m.month AND s.graded_at < m.month + interval '1 month') AS attempts_passed,
                (SELECT count(*) FROM certificates ce WHERE ce.issued_at >= m.month AND ce.issued_at < m.month + interval '1 month'
                    AND ($2::uuid IS NULL OR ce.coe_id = $2)) AS certificates_issued,
                (SELECT count(*) FROM scoped_enrolments s WHERE s.audience = 'public' AND s.requested_at >= m.month AND s.requested_at < m.month + interval '1 month') AS outreach_enrolments
           FROM months m
          ORDER BY m.month",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<Nullable<SqlUuid>, _>(coe.map(|coe| coe.0))
    .load(connection)
}

/// Totals now.
#[derive(Debug, Clone, QueryableByName, serde::Serialize)]
pub struct Totals {
    #[diesel(sql_type = BigInt)]
    pub learners: i64,
    #[diesel(sql_type = BigInt)]
    pub live_certificates: i64,
    #[diesel(sql_type = BigInt)]
    pub expiring_in_90_days: i64,
    #[diesel(sql_type = BigInt)]
    pub outreach_learners: i64,
}

/// People enrolled, certificates valid and expiring soon, outreach reach.
pub fn totals(
    connection: &mut PgConnection,
    coe: Option<CoeId>,
    now: DateTime<Utc>,
) -> QueryResult<Totals> {
    diesel::sql_query(
        "SELECT
            (SELECT count(DISTINCT e.user_id) FROM enrolments e JOIN courses c ON c.id = e.course_id
              WHERE $2::uuid IS NULL OR c.coe_id = $2) AS learners,
            (SELECT count(*) FROM certificates ce WHERE ce.revoked_at IS NULL
                AND (ce.expires_at IS NULL OR ce.expires_at > $1) AND ($2::uuid IS NULL OR ce.coe_id = $2)) AS live_certificates,
            (SELECT count(*) FROM certificates ce WHERE ce.revoked_at IS NULL
                AND ce.expires_at > $1 AND ce.expires_at <= $1 + interval '90 days'
                AND ($2::uuid IS NULL OR ce.coe_id = $2)) AS expiring_in_90_days,
            (SELECT count(DISTINCT e.user_id) FROM enrolments e JOIN courses c ON c.id = e.course_id
               JOIN course_versions v ON v.id = e.course_version_id
              WHERE v.audience = 'public' AND ($2::uuid IS NULL OR c.coe_id = $2)) AS outreach_learners",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<Nullable<SqlUuid>, _>(coe.map(|coe| coe.0))
    .get_result(connection)
}
