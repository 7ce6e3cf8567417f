//! The outbox worker: claims due emails (a lease, `FOR UPDATE SKIP LOCKED`,
//! so any number of workers on any number of instances never send the same
//! row twice), renders them in the recipient's language and sends them,
//! and retries failures with exponential back-off until they become dead
//! letters. Each pass also queues the day-before reminders of hands-on
//! sessions and the expiry reminders of certificates.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde_json::Value;

use super::Notification;
use super::queries::{self, Claimed};
use crate::db::{self, DbError, DbPool};
use crate::http::Templates;
use crate::i18n::Locale;
use crate::mail::{Mailer, OutgoingEmail};

/// How the worker paces itself.
#[derive(Debug, Clone, Copy)]
pub struct WorkerSettings {
    /// Pause between passes when there is nothing to do.
    pub poll_interval: Duration,
    /// First retry delay; doubled for each further attempt.
    pub retry_base_seconds: i64,
    /// Attempts before a message becomes a dead letter.
    pub max_attempts: i32,
    /// How long a claimed message is reserved for the worker sending it.
    pub lease_seconds: i64,
    /// Messages claimed per pass.
    pub batch: i64,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        WorkerSettings {
            poll_interval: Duration::from_secs(1),
            retry_base_seconds: 30,
            max_attempts: 8,
            lease_seconds: 300,
            batch: 20,
        }
    }
}

/// Everything a pass needs.
#[derive(Clone)]
pub struct Worker {
    pub pool: DbPool,
    pub mailer: Mailer,
    pub templates: Arc<Templates>,
    pub settings: WorkerSettings,
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PassReport {
    pub sent: usize,
    pub failed: usize,
}

impl Worker {
    /// Runs passes until `stop` turns true.
    pub async fn run(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        loop {
            let report = match self.pass().await {
                Ok(report) => report,
                Err(error) => {
                    tracing::error!(error = %error, "outbox pass failed");
                    PassReport::default()
                }
            };
            if report.sent + report.failed > 0 {
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.poll_interval) => {}
                _ = stop.changed() => {}
            }
            if *stop.borrow() {
                return;
            }
        }
    }

    /// One pass: queue due reminders (sessions, certificate expiry), then claim, send and record a batch.
    pub async fn pass(&self) -> Result<PassReport, DbError> {
        db::run(&self.pool, |connection| {
            let now = Utc::now();
            crate::hands_on::service::queue_session_reminders(connection, now)
                .map_err(|error| DbError::Task(error.to_string()))?;
            crate::certificates::service::queue_expiry_reminders(connection, now)
                .map_err(DbError::Query)
        })
        .await?;
        let (batch, lease) = (self.settings.batch, self.settings.lease_seconds);
        let claimed = db::run(&self.pool, move |connection| {
            queries::claim_due(connection, batch, lease).map_err(DbError::Query)
        })
        .await?;
        let mut report = PassReport::default();
        for message in claimed {
            let locale = message
                .recipient_locale
                .as_deref()
                .and_then(Locale::from_tag)
                .unwrap_or(Locale::En);
            let outcome = match self.render(&message, locale) {
                Ok(email) => self
                    .mailer
                    .send(&email)
                    .await
                    .map_err(|error| error.to_string()),
                Err(error) => Err(error),
            };
            let id = message.id;
            match outcome {
                Ok(()) => {
                    db::run(&self.pool, move |connection| {
                        queries::mark_sent(connection, id).map_err(DbError::Query)
                    })
                    .await?;
                    report.sent += 1;
                }
                Err(error) => {
                    let retry_at = (message.attempts < self.settings.max_attempts).then(|| {
                        let delay = self
                            .settings
                            .retry_base_seconds
                            .saturating_mul(1 << message.attempts.clamp(0, 20).saturating_sub(1));
                        Utc::now() + chrono::Duration::seconds(delay)
                    });
                    tracing::warn!(id, attempts = message.attempts, error = %error, dead = retry_at.is_none(), "sending an email failed");
                    db::run(&self.pool, move |connection| {
                        queries::mark_failed(connection, id, &error, retry_at)
                            .map_err(DbError::Query)
                    })
                    .await?;
                    report.failed += 1;
                }
            }
        }
        Ok(report)
    }

    /// The email of `message`, written in `locale` (the recipient's language).
    fn render(&self, message: &Claimed, locale: Locale) -> Result<OutgoingEmail, String> {
        compose(
            &self.templates,
            &message.to_address,
            &message.payload,
            locale,
        )
    }
}

/// Writes the email of an outbox `payload` to `to` in `locale`: the subject
/// from the catalogue, the bodies from `templates/email/<kind>.{txt,html}.hbs`
/// with the payload plus `base_url` and `lang`.
pub fn compose(
    templates: &Templates,
    to: &str,
    payload: &Value,
    locale: Locale,
) -> Result<OutgoingEmail, String> {
    let notification: Notification = serde_json::from_value(payload.clone())
        .map_err(|error| format!("unreadable payload: {error}"))?;
    let mut data = payload.clone();
    if let Value::Object(fields) = &mut data {
        fields.insert(
            "base_url".to_owned(),
            Value::String(templates.site().base_url.clone()),
        );
        fields.insert("lang".to_owned(), Value::String(locale.code().to_owned()));
    }
    let kind = notification.kind();
    let (subject_id, subject_args) =
        notification.subject(|iso| templates.written_date(locale, iso, false));
    Ok(OutgoingEmail {
        to: to.to_owned(),
        subject: templates
            .message(locale, subject_id, Some(&subject_args))
            .map_err(describe)?,
        text: templates
            .render_text(&format!("email/{kind}.txt"), &data)
            .map_err(describe)?,
        html: templates
            .render(&format!("email/{kind}.html"), &data)
            .map_err(describe)?,
    })
}

/// The cause of a rendering failure, for the dead letter's `last_error`.
fn describe(error: crate::http::AppError) -> String {
    match error {
        crate::http::AppError::Internal(cause) => format!("{cause:#}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::http::templates::SiteContext;

    fn templates() -> Templates {
        Templates::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
            SiteContext {
                base_url: "https://academy.example".to_owned(),
                stylesheet_href: "/assets/app.css".to_owned(),
            },
        )
        .expect("the templates load")
    }

    /// Every kind of notification (both outcomes of a decision, a
    /// certificate with and without expiry), with its English subject.
    fn sample(kind: &str) -> Notification {
        samples()
            .into_iter()
            .map(|(notification, _)| notification)
            .find(|notification| notification.kind() == kind)
            .unwrap_or_else(|| panic!("no {kind} sample"))
    }

    fn samples() -> Vec<(Notification, &'static str)> {
        let learner_name = || "Ada O'Neil".to_owned();
        vec![
            (
                Notification::EnrolmentConfirmed {
                    learner_name: learner_name(),
                    course_title: "GMP basics".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                },
                "You are enrolled: GMP basics",
            ),
            (
                Notification::ApprovalRequested {
                    coordinator_name: "Cora".to_owned(),
                    learner_name: learner_name(),
                    learner_email: "ada@alpha.example".to_owned(),
                    course_title: "GMP basics".to_owned(),
                    review_path: "/coe/alpha/requests".to_owned(),
                },
                "Enrolment request to review: GMP basics",
            ),
            (
                Notification::ApprovalDecided {
                    learner_name: learner_name(),
                    course_title: "GMP basics".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                    approved: true,
                    reason: None,
                },
                "Your place is confirmed: GMP basics",
            ),
            (
                Notification::ApprovalDecided {
                    learner_name: learner_name(),
                    course_title: "GMP basics".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                    approved: false,
                    reason: Some("The course is full".to_owned()),
                },
                "Your enrolment request was declined: GMP basics",
            ),
            (
                Notification::WaitlistPromoted {
                    learner_name: learner_name(),
                    session_title: "Aseptic gowning".to_owned(),
                    starts_at: "2027-03-05T09:00:00Z".to_owned(),
                    location: "Clean room 2".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                },
                "A place is yours: Aseptic gowning",
            ),
            (
                Notification::SessionReminder {
                    learner_name: learner_name(),
                    session_title: "Aseptic gowning".to_owned(),
                    starts_at: "2027-03-05T09:00:00Z".to_owned(),
                    location: "Clean room 2".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                },
                "Tomorrow: Aseptic gowning",
            ),
            (
                Notification::CourseCompleted {
                    learner_name: learner_name(),
                    course_title: "GMP basics".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                },
                "Course completed: GMP basics",
            ),
            (
                Notification::CertificateIssued {
                    learner_name: learner_name(),
                    title: "GMP basics".to_owned(),
                    code: "ABCD-EFGH".to_owned(),
                    certificate_path: "/certificates/ABCDEFGH".to_owned(),
                    verify_path: "/verify/ABCDEFGH".to_owned(),
                    expires_on: Some("2029-03-05T00:00:00Z".to_owned()),
                },
                "Your certificate: GMP basics",
            ),
            (
                Notification::CertificateIssued {
                    learner_name: learner_name(),
                    title: "GMP basics".to_owned(),
                    code: "ABCD-EFGH".to_owned(),
                    certificate_path: "/certificates/ABCDEFGH".to_owned(),
                    verify_path: "/verify/ABCDEFGH".to_owned(),
                    expires_on: None,
                },
                "Your certificate: GMP basics",
            ),
            (
                Notification::CertificateExpiring {
                    learner_name: learner_name(),
                    title: "GMP basics".to_owned(),
                    code: "ABCD-EFGH".to_owned(),
                    expires_on: "2029-03-05T00:00:00Z".to_owned(),
                    days_before: 30,
                    certificate_path: "/certificates/ABCDEFGH".to_owned(),
                },
                "Your certificate expires on 5 March 2029: GMP basics",
            ),
            (
                Notification::SignatureCode {
                    learner_name: learner_name(),
                    document_id: "SOP-QA-012".to_owned(),
                    document_version: "3".to_owned(),
                    document_title: "Gowning SOP".to_owned(),
                    code: "123456".to_owned(),
                    minutes: 10,
                },
                "Your signature code",
            ),
            (
                Notification::RetrainingRequired {
                    learner_name: learner_name(),
                    title: "GMP basics".to_owned(),
                    version_number: 2,
                    reason: "New gowning order".to_owned(),
                    certificate_path: "/certificates/ABCDEFGH".to_owned(),
                    course_path: "/courses/gmp".to_owned(),
                },
                "Retraining required: GMP basics",
            ),
        ]
    }

    fn email(templates: &Templates, notification: &Notification, locale: Locale) -> OutgoingEmail {
        let payload = serde_json::to_value(notification).expect("a payload");
        compose(templates, "ada@alpha.example", &payload, locale)
            .unwrap_or_else(|error| panic!("{} in {}: {error}", notification.kind(), locale.code()))
    }

    #[test]
    fn english_emails_keep_their_subjects() {
        let templates = templates();
        for (notification, subject) in samples() {
            let email = email(&templates, &notification, Locale::En);
            assert_eq!(email.subject, subject);
            assert!(email.html.contains(r#"<html lang="en">"#), "{}", email.html);
            assert!(email.text.starts_with("Hello "), "{}", email.text);
            if email.text.contains("O'Neil") {
                assert!(
                    email.html.contains("O&#x27;Neil"),
                    "escaped in HTML: {}",
                    email.html
                );
                assert!(!email.html.contains("O'Neil"), "{}", email.html);
            }
        }
    }

    #[test]
    fn every_email_is_written_in_the_recipients_language() {
        let templates = templates();
        for (notification, _) in samples() {
            let english = email(&templates, &notification, Locale::En);
            for locale in [Locale::De, Locale::Fr, Locale::It] {
                let translated = email(&templates, &notification, locale);
                let lang = format!(r#"<html lang="{}">"#, locale.code());
                assert!(translated.html.contains(&lang), "{}", translated.html);
                assert_ne!(
                    translated.subject,
                    english.subject,
                    "{}",
                    notification.kind()
                );
                assert_ne!(translated.text, english.text, "{}", notification.kind());
                assert!(
                    translated.text.contains("Ada O'Neil"),
                    "{}",
                    translated.text
                );
            }
            let pseudo = email(&templates, &notification, Locale::Pseudo);
            assert!(pseudo.subject.starts_with('⟦'), "{}", pseudo.subject);
            assert!(pseudo.text.starts_with('⟦'), "{}", pseudo.text);
        }
    }

    #[test]
    fn dates_in_emails_are_written_in_the_recipients_language() {
        let templates = templates();
        let expiring = sample("certificate_expiring");
        let german = email(&templates, &expiring, Locale::De);
        assert!(
            german.subject.contains("5. März 2029"),
            "{}",
            german.subject
        );
        assert!(german.text.contains("5. März 2029"), "{}", german.text);
        let french = email(&templates, &expiring, Locale::Fr);
        assert!(
            french.text.contains("mars") && french.text.contains("2029"),
            "{}",
            french.text
        );
        let reminder = sample("session_reminder");
        let italian = email(&templates, &reminder, Locale::It);
        assert!(
            italian.text.contains("marzo 2027") && italian.text.contains("09:00"),
            "{}",
            italian.text
        );
        for (notification, _) in samples() {
            let english = email(&templates, &notification, Locale::En);
            assert!(!english.text.contains("T00:00:00"), "{}", english.text);
            assert!(!english.text.contains("T09:00:00"), "{}", english.text);
        }
    }

    #[test]
    fn the_signature_code_stands_alone_on_its_line() {
        let templates = templates();
        let notification = sample("signature_code");
        for locale in Locale::CHOOSABLE {
            let email = email(&templates, &notification, locale);
            assert!(
                email.text.lines().any(|line| line.trim() == "123456"),
                "{}",
                email.text
            );
            assert!(email.text.contains("SOP-QA-012"), "{}", email.text);
        }
    }
}
