//! Database access for certificates, expiry reminders and requalification
//! assignments. Rules live in `service`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamptz, Uuid as SqlUuid};

use crate::db::schema::{
    certificates, coes, courses, credential_keys, enrolments, programmes, requalifications, users,
};
use crate::ids::{CoeId, CourseId, CourseVersionId, UserId};

crate::uuid_id!(
    /// An issued certificate.
    CertificateId
);

/// A certificate row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = certificates)]
pub struct Certificate {
    pub id: CertificateId,
    pub code: String,
    pub kind: String,
    pub user_id: UserId,
    pub enrolment_id: Option<uuid::Uuid>,
    pub course_id: Option<CourseId>,
    pub course_version_id: Option<CourseVersionId>,
    pub programme_id: Option<uuid::Uuid>,
    pub coe_id: CoeId,
    pub learner_name: String,
    pub title: String,
    pub summary: String,
    pub coe_name: String,
    pub version_number: Option<i32>,
    pub credits: Option<f64>,
    pub credit_type: Option<String>,
    pub completed_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub renews_certificate_id: Option<CertificateId>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_by: Option<UserId>,
    pub revocation_reason: Option<String>,
}

/// A certificate with the slugs its links need.
#[derive(Debug, Clone)]
pub struct CertificateInContext {
    pub certificate: Certificate,
    pub course_slug: Option<String>,
    pub programme_slug: Option<String>,
    pub coe_slug: String,
}

/// A certificate to insert.
#[derive(Debug, Insertable)]
#[diesel(table_name = certificates)]
pub struct NewCertificate<'a> {
    pub id: CertificateId,
    pub code: &'a str,
    pub kind: &'a str,
    pub user_id: UserId,
    pub enrolment_id: Option<uuid::Uuid>,
    pub course_id: Option<CourseId>,
    pub course_version_id: Option<CourseVersionId>,
    pub programme_id: Option<uuid::Uuid>,
    pub coe_id: CoeId,
    pub learner_name: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub coe_name: &'a str,
    pub version_number: Option<i32>,
    pub credits: Option<f64>,
    pub credit_type: Option<&'a str>,
    pub completed_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub renews_certificate_id: Option<CertificateId>,
}

/// Inserts a certificate; `None` when its code or its enrolment is taken.
pub fn insert(
    connection: &mut PgConnection,
    certificate: &NewCertificate<'_>,
) -> QueryResult<Option<Certificate>> {
    diesel::insert_into(certificates::table)
        .values(certificate)
        .on_conflict_do_nothing()
        .returning(Certificate::as_returning())
        .get_result(connection)
        .optional()
}

/// The certificate issued for an enrolment's completion, if any.
pub fn of_enrolment(
    connection: &mut PgConnection,
    enrolment_id: uuid::Uuid,
) -> QueryResult<Option<Certificate>> {
    certificates::table
        .filter(certificates::enrolment_id.eq(enrolment_id))
        .select(Certificate::as_select())
        .first(connection)
        .optional()
}

/// Adds the slugs a certificate's links need.
pub fn in_context(
    connection: &mut PgConnection,
    certificate: Certificate,
) -> QueryResult<CertificateInContext> {
    let course_slug = match certificate.course_id {
        Some(course_id) => Some(
            courses::table
                .find(course_id)
                .select(courses::slug)
                .first(connection)?,
        ),
        None => None,
    };
    let programme_slug = match certificate.programme_id {
        Some(programme_id) => Some(
            programmes::table
                .find(programme_id)
                .select(programmes::slug)
                .first(connection)?,
        ),
        None => None,
    };
    let coe_slug = coes::table
        .find(certificate.coe_id)
        .select(coes::slug)
        .first(connection)?;
    Ok(CertificateInContext {
        certificate,
        course_slug,
        programme_slug,
        coe_slug,
    })
}

/// A certificate by its stored code, with its links.
pub fn by_code(
    connection: &mut PgConnection,
    code: &str,
) -> QueryResult<Option<CertificateInContext>> {
    row_by_code(connection, code)?
        .map(|certificate| in_context(connection, certificate))
        .transpose()
}

/// The programme certificate a person holds, if any.
pub fn of_programme(
    connection: &mut PgConnection,
    programme_id: uuid::Uuid,
    user_id: UserId,
) -> QueryResult<Option<Certificate>> {
    certificates::table
        .filter(certificates::programme_id.eq(programme_id))
        .filter(certificates::user_id.eq(user_id))
        .select(Certificate::as_select())
        .first(connection)
        .optional()
}

/// A certificate row by its stored code.
pub fn row_by_code(connection: &mut PgConnection, code: &str) -> QueryResult<Option<Certificate>> {
    certificates::table
        .filter(certificates::code.eq(code))
        .select(Certificate::as_select())
        .first(connection)
        .optional()
}

/// The holder's newest unrevoked certificate of a course (what a new
/// completion renews).
pub fn latest_live_of_course(
    connection: &mut PgConnection,
    user_id: UserId,
    course_id: CourseId,
) -> QueryResult<Option<CertificateId>> {
    certificates::table
        .filter(certificates::user_id.eq(user_id))
        .filter(certificates::course_id.eq(course_id))
        .filter(certificates::revoked_at.is_null())
        .order(certificates::issued_at.desc())
        .select(certificates::id)
        .first(connection)
        .optional()
}

/// A certificate by id (for the revocation list).
pub fn by_id(connection: &mut PgConnection, id: CertificateId) -> QueryResult<Option<Certificate>> {
    certificates::table
        .find(id)
        .select(Certificate::as_select())
        .first(connection)
        .optional()
}

/// Locks a certificate row (for revocation).
pub fn lock_by_code(connection: &mut PgConnection, code: &str) -> QueryResult<Option<Certificate>> {
    certificates::table
        .filter(certificates::code.eq(code))
        .select(Certificate::as_select())
        .for_update()
        .first(connection)
        .optional()
}

/// A person's certificates, newest first, with their links.
pub fn of_user(
    connection: &mut PgConnection,
    user_id: UserId,
) -> QueryResult<Vec<CertificateInContext>> {
    let rows: Vec<Certificate> = certificates::table
        .filter(certificates::user_id.eq(user_id))
        .order(certificates::issued_at.desc())
        .select(Certificate::as_select())
        .load(connection)?;
    rows.into_iter()
        .map(|certificate| in_context(connection, certificate))
        .collect()
}

/// Certificates for the admin list: by code prefix, learner name or title.
pub fn search(
    connection: &mut PgConnection,
    text: &str,
    limit: i64,
) -> QueryResult<Vec<Certificate>> {
    let mut query = certificates::table
        .select(Certificate::as_select())
        .order(certificates::issued_at.desc())
        .limit(limit)
        .into_boxed();
    let text = text.trim();
    if !text.is_empty() {
        let code_prefix = format!("{}%", text.to_uppercase().replace('-', ""));
        let pattern = format!(
            "%{}%",
            text.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        query = query.filter(
            certificates::code
                .like(code_prefix)
                .or(certificates::learner_name.ilike(pattern.clone()))
                .or(certificates::title.ilike(pattern)),
        );
    }
    query.load(connection)
}

/// Records a revocation.
pub fn revoke(
    connection: &mut PgConnection,
    id: CertificateId,
    by: UserId,
    reason: &str,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(certificates::table.find(id))
        .set((
            certificates::revoked_at.eq(at),
            certificates::revoked_by.eq(by),
            certificates::revocation_reason.eq(reason),
        ))
        .execute(connection)?;
    Ok(())
}

/// An expiry reminder that has just been claimed.
#[derive(Debug, QueryableByName)]
pub struct DueReminder {
    #[diesel(sql_type = SqlUuid)]
    pub certificate_id: uuid::Uuid,
    #[diesel(sql_type = Integer)]
    pub days_before: i32,
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Timestamptz)]
    pub expires_at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    pub display_name: String,
    #[diesel(sql_type = Text)]
    pub email: String,
}

/// Claims the expiry reminders due at `now`: for each live certificate
/// within 60 days of expiry, the nearest threshold (60, 30 or 7 days) not
/// yet reached is recorded once (the primary key decides between workers);
/// a certificate already renewed by a later one of the same course is skipped.
pub fn claim_due_reminders(
    connection: &mut PgConnection,
    now: DateTime<Utc>,
) -> QueryResult<Vec<DueReminder>> {
    diesel::sql_query(
        "WITH due AS (
             SELECT c.id AS certificate_id,
                    CASE WHEN c.expires_at <= $1 + interval '7 days' THEN 7
                         WHEN c.expires_at <= $1 + interval '30 days' THEN 30
                         ELSE 60 END AS days_before
               FROM certificates c
              WHERE c.revoked_at IS NULL
                AND c.expires_at > $1
                AND c.expires_at <= $1 + interval '60 days'
                AND NOT EXISTS (
                    SELECT 1 FROM certificates later
                     WHERE later.user_id = c.user_id AND later.course_id = c.course_id
                       AND later.revoked_at IS NULL AND later.issued_at > c.issued_at)
         ), claimed AS (
             INSERT INTO certificate_reminders (certificate_id, days_before, queued_at)
             SELECT certificate_id, days_before, $1 FROM due
             ON CONFLICT DO NOTHING
             RETURNING certificate_id, days_before
         )
         SELECT claimed.certificate_id, claimed.days_before, c.code, c.title, c.expires_at,
                u.display_name, u.email
           FROM claimed
           JOIN certificates c ON c.id = claimed.certificate_id
           JOIN users u ON u.id = c.user_id",
    )
    .bind::<Timestamptz, _>(now)
    .load(connection)
}

/// The newest live certificate of each holder of `course_id`, when it was
/// issued for a version older than `version_number` and has not expired,
/// with the holder's name and email.
pub fn holders_of_older_versions(
    connection: &mut PgConnection,
    course_id: CourseId,
    version_number: i32,
    now: DateTime<Utc>,
) -> QueryResult<Vec<(Certificate, String, String)>> {
    let later = diesel::alias!(certificates as later);
    certificates::table
        .inner_join(users::table.on(users::id.eq(certificates::user_id)))
        .filter(certificates::course_id.eq(course_id))
        .filter(certificates::revoked_at.is_null())
        .filter(
            certificates::expires_at
                .is_null()
                .or(certificates::expires_at.gt(now)),
        )
        .filter(certificates::version_number.lt(version_number))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            later
                .filter(later.field(certificates::user_id).eq(certificates::user_id))
                .filter(
                    later
                        .field(certificates::course_id)
                        .eq(certificates::course_id),
                )
                .filter(later.field(certificates::revoked_at).is_null())
                .filter(
                    later
                        .field(certificates::issued_at)
                        .gt(certificates::issued_at),
                ),
        )))
        .select((Certificate::as_select(), users::display_name, users::email))
        .load(connection)
}

/// Records a requalification assignment; false when it already existed.
pub fn insert_requalification(
    connection: &mut PgConnection,
    certificate_id: CertificateId,
    version_id: CourseVersionId,
    reason: &str,
) -> QueryResult<bool> {
    let inserted = diesel::insert_into(requalifications::table)
        .values((
            requalifications::id.eq(uuid::Uuid::now_v7()),
            requalifications::certificate_id.eq(certificate_id),
            requalifications::course_version_id.eq(version_id),
            requalifications::reason.eq(reason),
        ))
        .on_conflict_do_nothing()
        .execute(connection)?;
    Ok(inserted == 1)
}

/// The requalification reasons assigned to a certificate, newest first.
pub fn requalification_reasons(
    connection: &mut PgConnection,
    certificate_id: CertificateId,
) -> QueryResult<Vec<String>> {
    requalifications::table
        .filter(requalifications::certificate_id.eq(certificate_id))
        .order(requalifications::assigned_at.desc())
        .select(requalifications::reason)
        .load(connection)
}

/// Marks the person's live enrolment in `course_id` as renewing `certificate_id`.
pub fn link_renewal(
    connection: &mut PgConnection,
    user_id: UserId,
    course_id: CourseId,
    certificate_id: CertificateId,
) -> QueryResult<usize> {
    diesel::update(
        enrolments::table
            .filter(enrolments::user_id.eq(user_id))
            .filter(enrolments::course_id.eq(course_id))
            .filter(enrolments::status.eq_any(["pending", "active"])),
    )
    .set(enrolments::renews_certificate_id.eq(certificate_id))
    .execute(connection)
}

/// The certificate an enrolment renews, if it is a requalification.
pub fn renewed_by(
    connection: &mut PgConnection,
    enrolment_id: uuid::Uuid,
) -> QueryResult<Option<CertificateId>> {
    enrolments::table
        .find(enrolment_id)
        .select(enrolments::renews_certificate_id)
        .first::<Option<uuid::Uuid>>(connection)
        .map(|id| id.map(CertificateId))
}

/// Records the public parts of signing keys (kid, x); known keys are kept.
pub fn publish_keys(
    connection: &mut PgConnection,
    keys: &[(String, String)],
) -> QueryResult<usize> {
    let rows: Vec<_> = keys
        .iter()
        .map(|(kid, x)| (credential_keys::kid.eq(kid), credential_keys::x.eq(x)))
        .collect();
    diesel::insert_into(credential_keys::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(connection)
}

/// Every published key (kid, x), oldest first.
pub fn published_keys(connection: &mut PgConnection) -> QueryResult<Vec<(String, String)>> {
    credential_keys::table
        .order((credential_keys::created_at, credential_keys::kid))
        .select((credential_keys::kid, credential_keys::x))
        .load(connection)
}
