//! Certificate rules: issue once per completion (inside the completing
//! transaction), compute status (valid, expired, revoked) at read time,
//! revoke once with a reason, queue expiry reminders once each, start a
//! requalification that names the certificate it renews, and assign
//! retraining when a version "requires retraining". Every change is audited
//! and every email goes through the outbox in the same transaction.

use chrono::{DateTime, Months, Utc};
use diesel::{Connection, PgConnection, QueryResult};
use serde::Serialize;
use serde_json::json;

use super::badge::CredentialFacts;
use super::code::{self, CertificateCode};
use super::queries::{self, Certificate, CertificateId, CertificateInContext, NewCertificate};
use crate::audit::{self, Actor, Change};
use crate::catalog::models::{Course, CourseVersion, CreditType};
use crate::db::DbError;
use crate::enrolment::service::{self as enrolment, EnrolMethod, EnrolOutcome, EnrolmentError};
use crate::identity::models::{Role, SessionUser};
use crate::ids::{CourseId, CourseVersionId, UserId};
use crate::network::Coe;
use crate::notifications::{self, Notification};

/// Why a certificate request failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum CertificateError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Enrolment(#[from] EnrolmentError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for CertificateError {
    fn from(error: diesel::result::Error) -> Self {
        CertificateError::Db(DbError::Query(error))
    }
}

fn not_found() -> CertificateError {
    CertificateError::NotFound(
        "No certificate has this code. Check the code on the certificate (12 letters and digits, e.g. 7K3Q-M9PX-2RWT).".to_owned(),
    )
}

/// What a certificate is issued for: the facts printed on it.
pub struct Achievement<'a> {
    pub kind: &'static str,
    pub enrolment_id: Option<uuid::Uuid>,
    pub course_id: Option<CourseId>,
    pub course_version_id: Option<CourseVersionId>,
    pub programme_id: Option<uuid::Uuid>,
    pub title: &'a str,
    pub summary: &'a str,
    pub version_number: Option<i32>,
    pub credits: Option<f64>,
    pub credit_type: Option<&'a str>,
    pub validity_months: Option<i32>,
}

impl<'a> Achievement<'a> {
    /// The completion of every rule of a programme.
    pub fn programme(programme_id: uuid::Uuid, title: &'a str, summary: &'a str) -> Self {
        Achievement {
            kind: "programme",
            enrolment_id: None,
            course_id: None,
            course_version_id: None,
            programme_id: Some(programme_id),
            title,
            summary,
            version_number: None,
            credits: None,
            credit_type: None,
            validity_months: None,
        }
    }

    /// The completion of an enrolment in `version` of `course`.
    pub fn course(enrolment_id: uuid::Uuid, course: &Course, version: &'a CourseVersion) -> Self {
        Achievement {
            kind: "course",
            enrolment_id: Some(enrolment_id),
            course_id: Some(course.id),
            course_version_id: Some(version.id),
            programme_id: None,
            title: &version.title,
            summary: &version.summary,
            version_number: Some(version.version_number),
            credits: version.credits,
            credit_type: version.credit_type.as_deref(),
            validity_months: version.certificate_validity_months,
        }
    }
}

/// Issues the certificate of `achievement` to `user_id` (call it inside the
/// transaction that records the completion). Issuing twice for the same
/// enrolment returns the first certificate: the unique enrolment decides.
pub fn issue(
    connection: &mut PgConnection,
    user_id: UserId,
    coe: &Coe,
    achievement: &Achievement<'_>,
    completed_at: DateTime<Utc>,
    renews: Option<CertificateId>,
) -> QueryResult<Certificate> {
    let (learner_name, learner_email) = crate::enrolment::queries::person(connection, user_id)?;
    let renews = match (renews, achievement.course_id) {
        (Some(renewed), _) => Some(renewed),
        (None, Some(course_id)) => queries::latest_live_of_course(connection, user_id, course_id)?,
        (None, None) => None,
    };
    let expires_at = achievement
        .validity_months
        .and_then(|months| u32::try_from(months).ok())
        .and_then(|months| completed_at.checked_add_months(Months::new(months)));
    for _ in 0..8 {
        let code = CertificateCode::generate();
        let inserted = queries::insert(
            connection,
            &NewCertificate {
                id: CertificateId::new(),
                code: code.as_str(),
                kind: achievement.kind,
                user_id,
                enrolment_id: achievement.enrolment_id,
                course_id: achievement.course_id,
                course_version_id: achievement.course_version_id,
                programme_id: achievement.programme_id,
                coe_id: coe.id,
                learner_name: &learner_name,
                title: achievement.title,
                summary: achievement.summary,
                coe_name: &coe.name,
                version_number: achievement.version_number,
                credits: achievement.credits,
                credit_type: achievement.credit_type,
                completed_at,
                issued_at: completed_at,
                expires_at,
                renews_certificate_id: renews,
            },
        )?;
        if let Some(certificate) = inserted {
            audit::record(
                connection,
                Change::new(
                    Actor::System,
                    "certificate.issued",
                    "certificate",
                    certificate.id,
                )
                .new_value(json!({
                    "code": certificate.code,
                    "user_id": user_id,
                    "kind": achievement.kind,
                    "enrolment_id": achievement.enrolment_id,
                    "course_version_id": achievement.course_version_id,
                    "programme_id": achievement.programme_id,
                    "expires_at": expires_at,
                    "renews_certificate_id": renews,
                })),
            )?;
            notifications::enqueue(
                connection,
                &learner_email,
                &Notification::CertificateIssued {
                    learner_name: learner_name.clone(),
                    title: achievement.title.to_owned(),
                    code: code.display(),
                    certificate_path: format!("/certificates/{}", code.as_str()),
                    verify_path: format!("/verify/{}", code.as_str()),
                    expires_on: expires_at.map(|at| at.to_rfc3339()),
                },
            )?;
            return Ok(certificate);
        }
        if let Some(enrolment_id) = achievement.enrolment_id
            && let Some(existing) = queries::of_enrolment(connection, enrolment_id)?
        {
            return Ok(existing);
        }
        if let Some(programme_id) = achievement.programme_id
            && let Some(existing) = queries::of_programme(connection, programme_id, user_id)?
        {
            return Ok(existing);
        }
    }
    Err(diesel::result::Error::QueryBuilderError(
        "eight random certificate codes in a row were taken; try again".into(),
    ))
}

/// A certificate's state at a moment.
pub fn status_at(certificate: &Certificate, now: DateTime<Utc>) -> &'static str {
    if certificate.revoked_at.is_some() {
        "revoked"
    } else if certificate.expires_at.is_some_and(|expires| expires <= now) {
        "expired"
    } else {
        "valid"
    }
}

/// A certificate as pages and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CertificateView {
    /// In groups of four, e.g. `7K3Q-M9PX-2RWT`.
    pub code: String,
    /// The code as used in URLs (no dashes).
    pub code_key: String,
    /// `course` or `programme`.
    pub kind: String,
    pub learner_name: String,
    pub title: String,
    pub summary: String,
    pub coe_name: String,
    pub coe_slug: String,
    pub course_slug: Option<String>,
    pub programme_slug: Option<String>,
    pub version_number: Option<i32>,
    /// e.g. "1.5 ECTS".
    pub credits: Option<String>,
    /// `credits` in parts, for pages that word them in the reader's
    /// language: the amount and the unit (`ects` or `cpd_hours`).
    pub credit_amount: Option<f64>,
    pub credit_unit: Option<&'static str>,
    pub completed_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    /// `valid`, `expired` or `revoked`.
    pub status: String,
    /// Valid but expiring within 60 days.
    pub expiring_soon: bool,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revocation_reason: Option<String>,
    /// The public verification page.
    pub verify_url: String,
    /// Reasons a newer version requires retraining, newest first.
    pub retraining_required: Vec<String>,
    /// Code of the certificate this one renews.
    pub renews_code: Option<String>,
}

fn credits_label(credits: Option<f64>, credit_type: Option<&str>) -> Option<String> {
    let (credits, credit_type) = (credits?, credit_type?);
    let unit = if credit_type == "ects" {
        "ECTS"
    } else {
        "CPD hours"
    };
    Some(format!("{credits} {unit}"))
}

/// The unit of `credits_label` (an unknown unit counts as CPD hours there too).
fn credit_unit(credits: Option<f64>, credit_type: Option<&str>) -> Option<&'static str> {
    credits?;
    let unit = CreditType::parse(credit_type?).unwrap_or(CreditType::CpdHours);
    Some(unit.as_str())
}

fn view_of(
    connection: &mut PgConnection,
    found: CertificateInContext,
    base_url: &str,
    now: DateTime<Utc>,
) -> QueryResult<CertificateView> {
    let CertificateInContext {
        certificate,
        course_slug,
        programme_slug,
        coe_slug,
    } = found;
    let status = status_at(&certificate, now);
    let retraining_required = queries::requalification_reasons(connection, certificate.id)?;
    let renews_code = match certificate.renews_certificate_id {
        Some(id) => queries::by_id(connection, id)?.map(|renewed| code::display(&renewed.code)),
        None => None,
    };
    Ok(CertificateView {
        code: code::display(&certificate.code),
        verify_url: format!("{base_url}/verify/{}", certificate.code),
        code_key: certificate.code,
        kind: certificate.kind,
        learner_name: certificate.learner_name,
        title: certificate.title,
        summary: certificate.summary,
        coe_name: certificate.coe_name,
        coe_slug,
        course_slug,
        programme_slug,
        version_number: certificate.version_number,
        credits: credits_label(certificate.credits, certificate.credit_type.as_deref()),
        credit_unit: credit_unit(certificate.credits, certificate.credit_type.as_deref()),
        credit_amount: certificate
            .credits
            .filter(|_| certificate.credit_type.is_some()),
        completed_at: certificate.completed_at,
        issued_at: certificate.issued_at,
        expires_at: certificate.expires_at,
        status: status.to_owned(),
        expiring_soon: status == "valid"
            && certificate
                .expires_at
                .is_some_and(|expires| expires <= now + chrono::Duration::days(60)),
        revoked_at: certificate.revoked_at,
        revocation_reason: certificate.revocation_reason,
        retraining_required,
        renews_code,
    })
}

/// A person's certificates, newest first.
pub fn mine(
    connection: &mut PgConnection,
    user_id: UserId,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<CertificateView>, CertificateError> {
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            queries::of_user(connection, user_id)?
                .into_iter()
                .map(|found| view_of(connection, found, base_url, now))
                .collect::<QueryResult<Vec<_>>>()
                .map_err(CertificateError::from)
        })
}

/// Who may open a certificate's page, PDF and credential: its holder,
/// network admins, and the issuing CoE's coordinators and auditors.
fn may_see(viewer: &SessionUser, certificate: &Certificate) -> bool {
    viewer.id == certificate.user_id
        || viewer.has_coe_role(Role::Coordinator, certificate.coe_id)
        || viewer.has_coe_role(Role::Auditor, certificate.coe_id)
}

/// One certificate for its holder (or staff allowed to see it). Unknown,
/// malformed and other people's codes all answer "not found".
pub fn one(
    connection: &mut PgConnection,
    viewer: &SessionUser,
    typed_code: &str,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(CertificateView, Certificate), CertificateError> {
    let code = CertificateCode::parse(typed_code).ok_or_else(not_found)?;
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            let certificate = queries::row_by_code(connection, code.as_str())?
                .filter(|certificate| may_see(viewer, certificate))
                .ok_or_else(not_found)?;
            let found = queries::in_context(connection, certificate.clone())?;
            Ok((view_of(connection, found, base_url, now)?, certificate))
        })
}

/// What anyone may learn from a code: the certificate's public facts.
pub fn verify(
    connection: &mut PgConnection,
    typed_code: &str,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<PublicCertificateView, CertificateError> {
    let code = CertificateCode::parse(typed_code).ok_or_else(not_found)?;
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            let found = queries::by_code(connection, code.as_str())?.ok_or_else(not_found)?;
            Ok(PublicCertificateView::from(view_of(
                connection, found, base_url, now,
            )?))
        })
}

/// What a verifier sees: what the certificate certifies and its state,
/// without links to the holder's other records.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicCertificateView {
    /// In groups of four, e.g. `7K3Q-M9PX-2RWT`.
    pub code: String,
    pub code_key: String,
    pub kind: String,
    pub learner_name: String,
    pub title: String,
    pub coe_name: String,
    pub version_number: Option<i32>,
    pub credits: Option<String>,
    /// `credits` in parts: the amount and the unit (`ects` or `cpd_hours`).
    pub credit_amount: Option<f64>,
    pub credit_unit: Option<&'static str>,
    pub completed_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    /// `valid`, `expired` or `revoked`.
    pub status: String,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revocation_reason: Option<String>,
    /// A newer version of the course requires the holder to retrain.
    pub retraining_required: bool,
    pub verify_url: String,
}

impl From<CertificateView> for PublicCertificateView {
    fn from(view: CertificateView) -> Self {
        PublicCertificateView {
            code: view.code,
            code_key: view.code_key,
            kind: view.kind,
            learner_name: view.learner_name,
            title: view.title,
            coe_name: view.coe_name,
            version_number: view.version_number,
            credits: view.credits,
            credit_amount: view.credit_amount,
            credit_unit: view.credit_unit,
            completed_at: view.completed_at,
            issued_at: view.issued_at,
            expires_at: view.expires_at,
            status: view.status,
            revoked_at: view.revoked_at,
            revocation_reason: view.revocation_reason,
            retraining_required: !view.retraining_required.is_empty(),
            verify_url: view.verify_url,
        }
    }
}

/// The facts of a certificate's Open Badges credential.
pub fn credential_facts<'a>(
    certificate: &'a Certificate,
    view: &'a CertificateView,
) -> CredentialFacts<'a> {
    CredentialFacts {
        certificate_id: certificate.id.0,
        code: &certificate.code,
        user_id: certificate.user_id.0,
        learner_name: &certificate.learner_name,
        title: &certificate.title,
        summary: &certificate.summary,
        kind: &certificate.kind,
        achievement_path: match &view.course_slug {
            Some(slug) => format!("/courses/{slug}"),
            None => format!(
                "/programmes/{}",
                certificate.programme_id.unwrap_or_default()
            ),
        },
        version_number: certificate.version_number,
        coe_slug: &view.coe_slug,
        coe_name: &certificate.coe_name,
        credits: certificate.credits,
        credit_type: certificate.credit_type.as_deref(),
        completed_at: certificate.completed_at,
        issued_at: certificate.issued_at,
        expires_at: certificate.expires_at,
    }
}

/// The revocation state of a credential by certificate id (public).
pub fn revocation_state(
    connection: &mut PgConnection,
    id: CertificateId,
) -> Result<Option<(String, DateTime<Utc>)>, CertificateError> {
    let certificate = queries::by_id(connection, id)?.ok_or_else(|| {
        CertificateError::NotFound("There is no credential with this id.".to_owned())
    })?;
    Ok(certificate.revocation_reason.zip(certificate.revoked_at))
}

/// Revokes a certificate with a reason (network admins only).
pub fn revoke(
    connection: &mut PgConnection,
    admin: &SessionUser,
    typed_code: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), CertificateError> {
    if !admin.is_network_admin() {
        return Err(CertificateError::Forbidden(
            "Only network admins can revoke certificates.".to_owned(),
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 {
        return Err(CertificateError::Refused(
            "Give the reason for the revocation (1 to 2,000 characters): it is shown on the verification page and kept in the audit trail.".to_owned(),
        ));
    }
    let code = CertificateCode::parse(typed_code).ok_or_else(not_found)?;
    connection.transaction(|connection| {
        let certificate = queries::lock_by_code(connection, code.as_str())?.ok_or_else(not_found)?;
        if let (Some(at), Some(earlier)) = (certificate.revoked_at, &certificate.revocation_reason) {
            return Err(CertificateError::Conflict(format!(
                "Certificate {} was already revoked on {} (reason: {earlier}). A revocation cannot be changed or repeated.",
                code.display(),
                at.format("%-d %B %Y")
            )));
        }
        queries::revoke(connection, certificate.id, admin.id, reason, now)?;
        audit::record(
            connection,
            Change::new(Actor::User(admin.id), "certificate.revoked", "certificate", certificate.id)
                .old(json!({ "status": status_at(&certificate, now) }))
                .new_value(json!({ "status": "revoked", "code": certificate.code, "revoked_at": now }))
                .reason(reason),
        )?;
        Ok(())
    })
}

/// Starts a requalification: enrols the holder in the current version of
/// the certified course, the enrolment naming the certificate it renews.
pub fn requalify(
    connection: &mut PgConnection,
    user_id: UserId,
    typed_code: &str,
    now: DateTime<Utc>,
) -> Result<(String, EnrolOutcome), CertificateError> {
    let code = CertificateCode::parse(typed_code).ok_or_else(not_found)?;
    connection.transaction(|connection| {
        let found = queries::by_code(connection, code.as_str())?
            .filter(|found| found.certificate.user_id == user_id)
            .ok_or_else(not_found)?;
        let (Some(course_id), Some(slug)) = (found.certificate.course_id, found.course_slug) else {
            return Err(CertificateError::Refused(
                "Only course certificates are renewed by requalifying; programme certificates renew as their courses do.".to_owned(),
            ));
        };
        if found.certificate.revoked_at.is_some() {
            return Err(CertificateError::Refused(
                "This certificate was revoked; it cannot be renewed. Enrol in the course to earn a new one.".to_owned(),
            ));
        }
        let outcome = match crate::enrolment::queries::lock_live_enrolment(connection, user_id, course_id)? {
            Some(live) if live.status == "pending" => EnrolOutcome::Pending,
            Some(_) => EnrolOutcome::Active,
            None => enrolment::enrol(connection, user_id, &slug, EnrolMethod::SelfService, None, now)?,
        };
        queries::link_renewal(connection, user_id, course_id, found.certificate.id)?;
        audit::record(
            connection,
            Change::new(Actor::User(user_id), "certificate.requalification_started", "certificate", found.certificate.id)
                .new_value(json!({ "course": slug, "outcome": outcome })),
        )?;
        Ok((slug, outcome))
    })
}

/// Queues the expiry reminders due at `now` (60, 30 and 7 days before),
/// each once, whichever worker runs first.
pub fn queue_expiry_reminders(
    connection: &mut PgConnection,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    connection.transaction(|connection| {
        let due = queries::claim_due_reminders(connection, now)?;
        for reminder in &due {
            notifications::enqueue(
                connection,
                &reminder.email,
                &Notification::CertificateExpiring {
                    learner_name: reminder.display_name.clone(),
                    title: reminder.title.clone(),
                    code: code::display(&reminder.code),
                    expires_on: reminder.expires_at.to_rfc3339(),
                    days_before: reminder.days_before,
                    certificate_path: format!("/certificates/{}", reminder.code),
                },
            )?;
        }
        Ok(due.len())
    })
}

/// Assigns requalification to everyone whose newest certificate of the
/// course comes from a version older than `version`, which requires
/// retraining (call it in the transaction that publishes `version`).
pub fn assign_retraining(
    connection: &mut PgConnection,
    actor: Actor,
    course_slug: &str,
    version: &CourseVersion,
) -> QueryResult<usize> {
    let reason = version
        .change_note
        .clone()
        .filter(|note| !note.trim().is_empty())
        .unwrap_or_else(|| {
            format!(
                "Version {} of the course requires retraining.",
                version.version_number
            )
        });
    let mut assigned = 0;
    for (certificate, learner_name, email) in queries::holders_of_older_versions(
        connection,
        version.course_id,
        version.version_number,
        Utc::now(),
    )? {
        if !queries::insert_requalification(connection, certificate.id, version.id, &reason)? {
            continue;
        }
        audit::record(
            connection,
            Change::new(
                actor,
                "certificate.retraining_assigned",
                "certificate",
                certificate.id,
            )
            .new_value(
                json!({ "course_version_id": version.id, "version": version.version_number }),
            )
            .reason(reason.clone()),
        )?;
        notifications::enqueue(
            connection,
            &email,
            &Notification::RetrainingRequired {
                learner_name,
                title: version.title.clone(),
                version_number: version.version_number,
                reason: reason.clone(),
                certificate_path: format!("/certificates/{}", certificate.code),
                course_path: format!("/courses/{course_slug}"),
            },
        )?;
        assigned += 1;
    }
    Ok(assigned)
}
