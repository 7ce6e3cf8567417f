//! The outbox worker: claims due emails (a lease, `FOR UPDATE SKIP LOCKED`,
//! so any number of workers on any number of instances never send the same
//! row twice), renders and sends them, and retries failures with
//! exponential back-off until they become dead letters. Each pass also
//! queues the day-before reminders of hands-on sessions and the expiry
//! reminders of certificates.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde_json::Value;

use super::Notification;
use super::queries::{self, Claimed};
use crate::db::{self, DbError, DbPool};
use crate::http::Templates;
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
            let outcome = match self.render(&message) {
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

    fn render(&self, message: &Claimed) -> Result<OutgoingEmail, String> {
        let notification: Notification = serde_json::from_value(message.payload.clone())
            .map_err(|error| format!("unreadable payload: {error}"))?;
        let mut data = message.payload.clone();
        if let Value::Object(fields) = &mut data {
            fields.insert(
                "base_url".to_owned(),
                Value::String(self.templates.site().base_url.clone()),
            );
        }
        let kind = notification.kind();
        Ok(OutgoingEmail {
            to: message.to_address.clone(),
            subject: notification.subject(),
            text: self
                .templates
                .render_text(&format!("email/{kind}.txt"), &data)
                .map_err(describe)?,
            html: self
                .templates
                .render(&format!("email/{kind}.html"), &data)
                .map_err(describe)?,
        })
    }
}

/// The cause of a rendering failure, for the dead letter's `last_error`.
fn describe(error: crate::http::AppError) -> String {
    match error {
        crate::http::AppError::Internal(cause) => format!("{cause:#}"),
        other => other.to_string(),
    }
}
