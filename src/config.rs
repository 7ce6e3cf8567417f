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
    /// The public base URL without a trailing slash.
    pub fn public_base_url(&self) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }
}
