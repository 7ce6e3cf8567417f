//! Outgoing email: through SMTP when `ATMP_SMTP_URL` is set, otherwise
//! written as `.eml` files under `<data-dir>/mail/` and logged, so the run
//! command works without a mail server. Bodies come from the text + HTML
//! template pairs in `templates/email/`.

use std::path::PathBuf;

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// One email, ready to send.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Why an email could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address {0:?}")]
    Address(String),
    #[error("building the message failed: {0}")]
    Build(String),
    #[error("the SMTP server refused or could not be reached: {0}")]
    Smtp(String),
    #[error("writing the mail file failed: {0}")]
    File(#[from] std::io::Error),
}

/// Where email goes.
#[derive(Clone)]
pub enum Mailer {
    /// A real SMTP server.
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// `.eml` files in a directory (development, tests).
    Files { dir: PathBuf, from: Mailbox },
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp { from, .. } => write!(f, "Mailer::Smtp(from {from})"),
            Mailer::Files { dir, .. } => write!(f, "Mailer::Files({})", dir.display()),
        }
    }
}

impl Mailer {
    /// SMTP when `smtp_url` is given (`smtp://host:port`, `smtps://user:pass@host`),
    /// else files in `mail_dir`.
    pub fn new(smtp_url: Option<&str>, mail_dir: PathBuf, from: &str) -> anyhow::Result<Self> {
        let from: Mailbox = from.parse().map_err(|error| {
            anyhow::anyhow!("ATMP_MAIL_FROM {from:?} is not an email address: {error}")
        })?;
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|error| anyhow::anyhow!("ATMP_SMTP_URL is not usable: {error}"))?
                    .build();
                Ok(Mailer::Smtp { transport, from })
            }
            None => {
                std::fs::create_dir_all(&mail_dir)
                    .map_err(|error| anyhow::anyhow!("creating {}: {error}", mail_dir.display()))?;
                Ok(Mailer::Files {
                    dir: mail_dir,
                    from,
                })
            }
        }
    }

    /// Sends one email.
    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        let from = match self {
            Mailer::Smtp { from, .. } | Mailer::Files { from, .. } => from.clone(),
        };
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|_| MailError::Address(email.to.clone()))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(&email.subject)
            .multipart(MultiPart::alternative_plain_html(
                email.text.clone(),
                email.html.clone(),
            ))
            .map_err(|error| MailError::Build(error.to_string()))?;
        match self {
            Mailer::Smtp { transport, .. } => {
                transport
                    .send(message)
                    .await
                    .map_err(|error| MailError::Smtp(error.to_string()))?;
                Ok(())
            }
            Mailer::Files { dir, .. } => {
                // Written aside, then renamed: a reader never sees half a message.
                let name = uuid::Uuid::now_v7();
                let partial = dir.join(format!(".{name}.partial"));
                let path = dir.join(format!("{name}.eml"));
                tokio::fs::write(&partial, message.formatted()).await?;
                tokio::fs::rename(&partial, &path).await?;
                tracing::info!(to = %email.to, subject = %email.subject, file = %path.display(), "email written to file");
                Ok(())
            }
        }
    }
}
