//! Notifications through a transactional outbox: a change that should email
//! someone writes a typed `Notification` to `email_outbox` in its own
//! transaction (`enqueue`), so the email exists exactly when the change does.
//! The worker (`worker::run`) claims due rows with `FOR UPDATE SKIP LOCKED`
//! and a lease, renders them from `templates/email/<kind>.{txt,html}.hbs`,
//! sends them in the recipient's interface language (`users.locale`,
//! English when they have not chosen one or have no account), and retries
//! with back-off; after the last attempt a row is a dead letter, visible to
//! admins.

pub mod admin_pages;
pub mod queries;
pub mod worker;

use diesel::{PgConnection, QueryResult};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

/// Something a person is told by email; the variant names the templates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notification {
    EnrolmentConfirmed {
        learner_name: String,
        course_title: String,
        course_path: String,
    },
    ApprovalRequested {
        coordinator_name: String,
        learner_name: String,
        learner_email: String,
        course_title: String,
        review_path: String,
    },
    ApprovalDecided {
        learner_name: String,
        course_title: String,
        course_path: String,
        approved: bool,
        reason: Option<String>,
    },
    WaitlistPromoted {
        learner_name: String,
        session_title: String,
        /// RFC 3339; written in the recipient's language when rendered.
        starts_at: String,
        location: String,
        course_path: String,
    },
    SessionReminder {
        learner_name: String,
        session_title: String,
        /// RFC 3339; written in the recipient's language when rendered.
        starts_at: String,
        location: String,
        course_path: String,
    },
    CourseCompleted {
        learner_name: String,
        course_title: String,
        course_path: String,
    },
    CertificateIssued {
        learner_name: String,
        title: String,
        code: String,
        certificate_path: String,
        verify_path: String,
        /// RFC 3339; written in the recipient's language when rendered.
        expires_on: Option<String>,
    },
    CertificateExpiring {
        learner_name: String,
        title: String,
        code: String,
        /// RFC 3339; written in the recipient's language when rendered.
        expires_on: String,
        days_before: i32,
        certificate_path: String,
    },
    SignatureCode {
        learner_name: String,
        /// The controlled document's identifier, version and title.
        document_id: String,
        document_version: String,
        document_title: String,
        code: String,
        minutes: i64,
    },
    RetrainingRequired {
        learner_name: String,
        title: String,
        version_number: i32,
        reason: String,
        certificate_path: String,
        course_path: String,
    },
}

impl Notification {
    /// The template name stem and outbox kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Notification::EnrolmentConfirmed { .. } => "enrolment_confirmed",
            Notification::ApprovalRequested { .. } => "approval_requested",
            Notification::ApprovalDecided { .. } => "approval_decided",
            Notification::WaitlistPromoted { .. } => "waitlist_promoted",
            Notification::SessionReminder { .. } => "session_reminder",
            Notification::CourseCompleted { .. } => "course_completed",
            Notification::CertificateIssued { .. } => "certificate_issued",
            Notification::CertificateExpiring { .. } => "certificate_expiring",
            Notification::RetrainingRequired { .. } => "retraining_required",
            Notification::SignatureCode { .. } => "signature_code",
        }
    }

    /// The subject line: a message id (in `templates/locales/*/email.ftl`)
    /// and its arguments, to be written in the recipient's language
    /// (`write_date` turns a stored RFC 3339 date into that language).
    pub fn subject(&self, write_date: impl Fn(&str) -> String) -> (&'static str, FluentArgs<'_>) {
        let mut args = FluentArgs::new();
        let id = match self {
            Notification::EnrolmentConfirmed { course_title, .. } => {
                args.set("course", course_title.as_str());
                "email-subject-enrolment-confirmed"
            }
            Notification::ApprovalRequested { course_title, .. } => {
                args.set("course", course_title.as_str());
                "email-subject-approval-requested"
            }
            Notification::ApprovalDecided {
                course_title,
                approved,
                ..
            } => {
                args.set("course", course_title.as_str());
                if *approved {
                    "email-subject-approval-approved"
                } else {
                    "email-subject-approval-declined"
                }
            }
            Notification::WaitlistPromoted { session_title, .. } => {
                args.set("session", session_title.as_str());
                "email-subject-waitlist-promoted"
            }
            Notification::SessionReminder { session_title, .. } => {
                args.set("session", session_title.as_str());
                "email-subject-session-reminder"
            }
            Notification::CourseCompleted { course_title, .. } => {
                args.set("course", course_title.as_str());
                "email-subject-course-completed"
            }
            Notification::CertificateIssued { title, .. } => {
                args.set("title", title.as_str());
                "email-subject-certificate-issued"
            }
            Notification::CertificateExpiring {
                title, expires_on, ..
            } => {
                args.set("title", title.as_str());
                args.set("date", write_date(expires_on));
                "email-subject-certificate-expiring"
            }
            Notification::SignatureCode { .. } => "email-subject-signature-code",
            Notification::RetrainingRequired { title, .. } => {
                args.set("title", title.as_str());
                "email-subject-retraining-required"
            }
        };
        (id, args)
    }
}

/// The admin routes of the outbox.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    config.service(admin_pages::outbox_page);
}

/// Queues `notification` for `to` (call it inside the transaction that makes the change).
pub fn enqueue(
    connection: &mut PgConnection,
    to: &str,
    notification: &Notification,
) -> QueryResult<()> {
    let payload = serde_json::to_value(notification)
        .map_err(|error| diesel::result::Error::SerializationError(Box::new(error)))?;
    queries::insert(connection, notification.kind(), to, &payload)
}
