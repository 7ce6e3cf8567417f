//! The configuration: one typed struct, every option a flag and an
//! environment variable, documented in `--help`. No global statics: the
//! struct is built once in `main` (or by a test) and passed down.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// ATMP Academy: the learning platform of the ATMP Centres of Excellence network.
#[derive(Debug, Clone, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do; `serve` when none is given.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Start the web server (the default): migrate, import `courses/`, serve.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate {
        /// Revert every migration instead (drops all tables: for development only).
        #[arg(long)]
        revert_all: bool,
    },
    /// Validate `courses/` and sync it into the database, then exit.
    Import {
        /// Only validate the files; write nothing.
        #[arg(long)]
        check: bool,
    },
    /// Question banks in Moodle's GIFT format.
    Gift {
        #[command(subcommand)]
        action: GiftAction,
    },
    /// Write a published version of a course in the `courses/` folder format.
    Export {
        /// The course's slug.
        #[arg(long)]
        course: String,
        /// The version number (default: the current version).
        #[arg(long)]
        version: Option<i32>,
        /// The folder to write `<slug>/` into.
        #[arg(long)]
        to: PathBuf,
    },
    /// Checks on the GxP records.
    Records {
        #[command(subcommand)]
        action: RecordsAction,
    },
    /// The keys that sign Open Badges credentials.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Operator tasks: roles and identity providers.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Migrate, then fill the database with a synthetic network for load
    /// tests (through COPY). At full scale: 10 CoEs, 200 institutions,
    /// 100,000 learners, 1,000 courses, 1,000,000 enrolments, 10,000,000
    /// lesson completions, 500,000 assessment attempts, 300,000
    /// certificates. Every count scales with the factor (CoEs, institutions
    /// and courses have floors of 2, 4 and 40). Refuses a database that
    /// already holds synthetic data.
    Generate {
        /// Scale every count so that there are exactly this many enrolments
        /// (e.g. 10000 for a hundredth of the full network).
        #[arg(long, conflicts_with = "scale")]
        enrolments: Option<usize>,
        /// Multiply every count of the full network by this factor
        /// (default 1; e.g. 0.01, or 2 for twice the network).
        #[arg(long)]
        scale: Option<f64>,
        /// Seed of the generator: the same seed on the same day gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// What can be done with GIFT question banks.
#[derive(Debug, Clone, Subcommand)]
pub enum GiftAction {
    /// Check a GIFT file and list its questions (no database needed).
    Check {
        /// The file to check.
        file: PathBuf,
    },
    /// Write the question bank of a module of a course's current version as GIFT.
    Export {
        /// The course's slug.
        #[arg(long)]
        course: String,
        /// The module's slug.
        #[arg(long)]
        module: String,
    },
}

/// What can be checked in the records.
#[derive(Debug, Clone, Subcommand)]
pub enum RecordsAction {
    /// Check the audit trail's hash chains; name the first broken link or unlinked entry (exit 1).
    Verify,
}

/// What can be done with the credential signing keys.
#[derive(Debug, Clone, Subcommand)]
pub enum KeysAction {
    /// List the published keys; the last one signs.
    List,
    /// Add a new signing key (it signs from the next start; old keys stay published).
    Rotate,
}

/// What an operator can do from the command line.
#[derive(Debug, Clone, Subcommand)]
pub enum AdminAction {
    /// Grant a role (every grant goes to the audit trail).
    Grant(RoleArgs),
    /// Revoke a role (kept in the history as revoked).
    Revoke(RoleArgs),
    /// Add an OpenID Connect provider.
    AddProvider(ProviderArgs),
    /// List the identity providers (secrets are never shown).
    ListProviders,
    /// Create an API token for a CoE's systems (shown once; only its hash is kept).
    CreateToken {
        /// The CoE whose roles the token may ask about.
        #[arg(long)]
        coe: String,
        /// The system that uses it, e.g. "facility booking".
        #[arg(long)]
        name: String,
    },
    /// Revoke an API token (read from the environment variable named).
    RevokeToken {
        /// The environment variable holding the token.
        #[arg(long)]
        token_env: String,
    },
}

/// A role and its scope.
#[derive(Debug, Clone, Args)]
pub struct RoleArgs {
    /// The person's email address.
    #[arg(long)]
    pub email: String,
    /// The role.
    #[arg(long, value_enum)]
    pub role: crate::identity::models::Role,
    /// The CoE (slug) the role applies to: required for coordinator, assessor,
    /// auditor, and for instructor unless --course is given.
    #[arg(long)]
    pub coe: Option<String>,
    /// The course (slug) an instructor role applies to.
    #[arg(long)]
    pub course: Option<String>,
    /// Create the account if no account uses the email (bootstraps the first admin).
    #[arg(long, requires = "name")]
    pub create: bool,
    /// The name for a created account.
    #[arg(long)]
    pub name: Option<String>,
}

/// An OpenID Connect provider.
#[derive(Debug, Clone, Args)]
pub struct ProviderArgs {
    /// Short name used in URLs, e.g. `life-science-login`.
    #[arg(long)]
    pub slug: String,
    /// The name people see, e.g. "Life Science Login".
    #[arg(long)]
    pub name: String,
    /// The issuer URL (discovery is read from `<issuer>/.well-known/openid-configuration`).
    #[arg(long)]
    pub issuer: String,
    /// The client id registered with the provider.
    #[arg(long)]
    pub client_id: String,
    /// Read the client secret from this environment variable.
    #[arg(
        long,
        conflicts_with = "client_secret_file",
        required_unless_present = "client_secret_file"
    )]
    pub client_secret_env: Option<String>,
    /// Read the client secret from this file.
    #[arg(long)]
    pub client_secret_file: Option<PathBuf>,
    /// How the home institution is found: `schac_home_organization` or `email_domain`.
    #[arg(long, default_value = "schac_home_organization")]
    pub institution_claim: String,
    /// An institution (slug) this provider serves; repeat for several.
    #[arg(long = "institution")]
    pub institutions: Vec<String>,
}

/// Settings shared by every command.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// PostgreSQL connection URL. When unset, a private PostgreSQL cluster is
    /// started from the system's binaries under `<data-dir>/postgres`.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// Address and port the web server listens on.
    #[arg(long, env = "ATMP_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Directory for data the platform keeps: the private PostgreSQL
    /// cluster, keys, outgoing mail files, attachments.
    #[arg(long, env = "ATMP_DATA_DIR", default_value = ".data")]
    pub data_dir: PathBuf,

    /// The public URL of the site, used in links, emails and certificates.
    /// Defaults to `http://<bind>`.
    #[arg(long, env = "ATMP_BASE_URL")]
    pub base_url: Option<String>,

    /// Directory of course files to import at start-up.
    #[arg(long, env = "ATMP_COURSES_DIR", default_value = "courses")]
    pub courses_dir: PathBuf,

    /// Directory of handlebars templates and static assets.
    #[arg(long, env = "ATMP_TEMPLATES_DIR", default_value = "templates")]
    pub templates_dir: PathBuf,

    /// Import `courses/` when the server starts.
    #[arg(long, env = "ATMP_IMPORT_ON_START", default_value_t = true, action = clap::ArgAction::Set)]
    pub import_on_start: bool,

    /// Database connections in the pool.
    #[arg(long, env = "ATMP_DB_POOL_SIZE", default_value_t = 16)]
    pub db_pool_size: usize,

    /// HTTP worker threads (default: one per CPU core).
    #[arg(long, env = "ATMP_HTTP_WORKERS")]
    pub http_workers: Option<usize>,

    /// Directory holding PostgreSQL's `initdb` and `postgres` binaries for the
    /// private cluster (default: `pg_config --bindir`, then PATH, then
    /// `/usr/lib/postgresql/<newest>/bin`).
    #[arg(long, env = "PG_BINDIR")]
    pub pg_bindir: Option<PathBuf>,

    /// SMTP server for outgoing email, e.g. `smtp://127.0.0.1:2525` or
    /// `smtps://user:password@mail.example.org`. When unset, emails are
    /// written as `.eml` files under `<data-dir>/mail/`.
    #[arg(long, env = "ATMP_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of outgoing email.
    #[arg(
        long,
        env = "ATMP_MAIL_FROM",
        default_value = "ATMP Academy <no-reply@localhost>"
    )]
    pub mail_from: String,

    /// Key that signs and encrypts session cookies: base64 of at least 64
    /// bytes. When unset, one is generated once and kept in
    /// `<data-dir>/session.key`.
    #[arg(long, env = "ATMP_SESSION_KEY", hide_env_values = true)]
    pub session_key: Option<String>,

    /// Minutes without a request after which a session ends.
    #[arg(long, env = "ATMP_SESSION_IDLE_MINUTES", default_value_t = 120)]
    pub session_idle_minutes: i64,

    /// Hours after signing in after which a session ends regardless.
    #[arg(long, env = "ATMP_SESSION_ABSOLUTE_HOURS", default_value_t = 12)]
    pub session_absolute_hours: i64,

    /// Addresses of reverse proxies in front of the platform (comma-separated).
    /// Only requests from these may name the client's address in
    /// `X-Forwarded-For`, which rate limits then use.
    #[arg(long, env = "ATMP_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Run the outbox worker (sends queued email) in this process.
    #[arg(long, env = "ATMP_OUTBOX_WORKER", default_value_t = true, action = clap::ArgAction::Set)]
    pub outbox_worker: bool,

    /// Milliseconds the outbox worker waits when there is nothing to send.
    #[arg(long, env = "ATMP_OUTBOX_POLL_MS", default_value_t = 1000)]
    pub outbox_poll_ms: u64,

    /// Seconds before the first retry of a failed email (doubled each time;
    /// after 8 attempts the email is a dead letter).
    #[arg(long, env = "ATMP_OUTBOX_RETRY_SECONDS", default_value_t = 30)]
    pub outbox_retry_seconds: i64,

    /// Directory of the Ed25519 keys that sign Open Badges credentials
    /// (default `<data-dir>/credential-keys`). Back it up: credentials signed
    /// with a lost key can no longer be verified.
    #[arg(long, env = "ATMP_CREDENTIAL_KEYS_DIR")]
    pub credential_keys_dir: Option<PathBuf>,

    /// Certificate look-ups (verification page and API) allowed per client
    /// address per minute.
    #[arg(long, env = "ATMP_VERIFY_PER_MINUTE", default_value_t = 60)]
    pub verify_per_minute: u32,

    /// Offer the pseudo-language `en-XA` (every interface message wrapped in
    /// ⟦ ⟧), to find text that escapes translation. For translators and tests.
    #[arg(long, env = "ATMP_PSEUDO_LOCALE")]
    pub pseudo_locale: bool,

    /// Log format.
    #[arg(long, env = "ATMP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Log filter in `tracing` syntax, e.g. `info,atmp_academy=debug`.
    #[arg(long, env = "ATMP_LOG", default_value = "info")]
    pub log_filter: String,
}

/// How logs are written to standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl Config {
    /// Where the credential signing keys live.
    pub fn credential_keys_dir(&self) -> PathBuf {
        self.credential_keys_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("credential-keys"))
    }
}
