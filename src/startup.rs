//! Builds the application: pool, migrations, course import, templates,
//! routes and middleware, bound to a port (port 0 picks a free one, which
//! the tests use). `main` and the integration tests both go through here.

use std::net::TcpListener;
use std::time::Duration;

use actix_session::SessionMiddleware;
use actix_session::config::CookieContentSecurity;
use actix_session::storage::CookieSessionStore;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use indicatif::ProgressBar;
use tracing_actix_web::TracingLogger;

use crate::attachments::AttachmentStore;
use crate::catalog::cache::CatalogueCache;
use crate::certificates::VerificationRateLimit;
use crate::certificates::keys::CredentialKeys;
use crate::config::Config;
use crate::course_files::{self, SyncError};
use crate::db::{self, DbError, DbPool, migrations};
use crate::http::assets::{self, Assets};
use crate::http::auth::{self, SessionPolicy};
use crate::http::error::extractor_error;
use crate::http::templates::SiteContext;
use crate::http::{AppError, Templates, health, middleware, openapi};
use crate::i18n::LanguagePolicy;
use crate::identity::oidc::OidcClients;
use crate::mail::Mailer;
use crate::notifications::worker::{Worker, WorkerSettings};
use crate::{
    assessment, audit, authoring, catalog, certificates, enrolment, identity, network,
    notifications, programmes, qualification, reports, signatures,
};

/// A built, bound, not yet running application.
pub struct Application {
    port: u16,
    server: Server,
    pool: DbPool,
    worker: Option<Worker>,
    outbox: Worker,
}

impl Application {
    /// Migrates the database, imports `courses/` (when configured), loads
    /// templates and binds the listener.
    pub async fn build(config: &Config, database_url: &str) -> anyhow::Result<Self> {
        let pool = db::build_pool(database_url, config.db_pool_size)?;
        migrate(&pool).await?;
        if config.import_on_start {
            import_courses(&pool, config).await?;
        }
        let listener = TcpListener::bind(config.bind).map_err(|error| {
            anyhow::anyhow!(
                "cannot listen on {}: {error} (set ATMP_BIND to another address)",
                config.bind
            )
        })?;
        let port = listener.local_addr()?.port();
        let base_url = match &config.base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}:{port}", config.bind.ip()),
        };
        let assets = Assets::load(&config.templates_dir.join("static"))?;
        let site = SiteContext {
            base_url: base_url.clone(),
            stylesheet_href: assets.versioned_href("app.css"),
        };
        let templates = web::Data::new(Templates::load(&config.templates_dir, site)?);
        let languages = web::Data::new(LanguagePolicy {
            pseudo_locale: config.pseudo_locale,
        });
        let assets = web::Data::new(assets);
        let mailer = web::Data::new(Mailer::new(
            config.smtp_url.as_deref(),
            config.data_dir.join("mail"),
            &config.mail_from,
        )?);
        let oidc = web::Data::new(OidcClients::new(&base_url)?);
        let outbox = Worker {
            pool: pool.clone(),
            mailer: mailer.get_ref().clone(),
            templates: templates.clone().into_inner(),
            settings: WorkerSettings {
                poll_interval: Duration::from_millis(config.outbox_poll_ms.max(10)),
                retry_base_seconds: config.outbox_retry_seconds.max(1),
                ..WorkerSettings::default()
            },
        };
        let session_policy = web::Data::new(SessionPolicy {
            idle_seconds: config.session_idle_minutes.max(1) * 60,
            absolute_seconds: config.session_absolute_hours.max(1) * 3600,
        });
        let session_key = session_key(config)?;
        let failure_audits = web::Data::new(auth::FailureAuditBudget::new(30, 900));
        let credential_keys = web::Data::new(publish_credential_keys(&pool, config).await?);
        let attachment_store = web::Data::new(AttachmentStore::new(&config.data_dir));
        let file_courses =
            web::Data::new(authoring::pages::FileCoursesDir(config.courses_dir.clone()));
        let verification_limit = web::Data::new(VerificationRateLimit(
            auth::FailureAuditBudget::new(config.verify_per_minute.max(1), 60),
        ));
        let trusted_proxies = web::Data::new(auth::TrustedProxies(config.trusted_proxies.clone()));
        let secure_cookies = base_url.starts_with("https://");
        let pool_data = web::Data::new(pool.clone());
        let catalogue_cache = web::Data::new(CatalogueCache::default());
        let mut server = HttpServer::new(move || {
            let sessions =
                SessionMiddleware::builder(CookieSessionStore::default(), session_key.clone())
                    .cookie_name("atmp_session".to_owned())
                    .cookie_http_only(true)
                    .cookie_same_site(SameSite::Lax)
                    .cookie_secure(secure_cookies)
                    .cookie_content_security(CookieContentSecurity::Private)
                    .build();
            App::new()
                .wrap(from_fn(auth::reject_cross_site_writes))
                .wrap(sessions)
                .wrap(from_fn(middleware::finish_response))
                .wrap(middleware::security_headers())
                .wrap(TracingLogger::default())
                .wrap(Compress::default())
                .app_data(pool_data.clone())
                .app_data(catalogue_cache.clone())
                .app_data(templates.clone())
                .app_data(assets.clone())
                .app_data(mailer.clone())
                .app_data(oidc.clone())
                .app_data(session_policy.clone())
                .app_data(languages.clone())
                .app_data(trusted_proxies.clone())
                .app_data(failure_audits.clone())
                .app_data(credential_keys.clone())
                .app_data(verification_limit.clone())
                .app_data(attachment_store.clone())
                .app_data(file_courses.clone())
                .app_data(
                    web::QueryConfig::default().error_handler(|error, _| extractor_error(error)),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|error, _| extractor_error(error)),
                )
                .app_data(
                    web::JsonConfig::default().error_handler(|error, _| extractor_error(error)),
                )
                .app_data(
                    web::FormConfig::default()
                        .limit(MAX_FORM_BYTES)
                        .error_handler(|error, _| extractor_error(error)),
                )
                .app_data(
                    actix_multipart::form::MultipartFormConfig::default()
                        .total_limit(MAX_UPLOAD_BYTES)
                        .memory_limit(MAX_UPLOAD_BYTES)
                        .error_handler(|error, _| {
                            AppError::PayloadTooLarge(format!(
                                "The upload could not be read ({error}). Attachments may be at most {} MB, cohort CSV files {} MB.",
                                crate::attachments::MAX_BYTES / 1024 / 1024,
                                crate::enrolment::cohort::MAX_CSV_BYTES / 1024 / 1024
                            ))
                            .into()
                        }),
                )
                .configure(routes)
                .default_service(web::to(not_found))
        })
        .listen(listener)?;
        if let Some(workers) = config.http_workers {
            server = server.workers(workers.max(1));
        }
        Ok(Application {
            port,
            server: server.run(),
            pool,
            worker: config.outbox_worker.then(|| outbox.clone()),
            outbox,
        })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The pool the application uses (for tests and background work).
    pub fn pool(&self) -> DbPool {
        self.pool.clone()
    }

    /// An outbox worker configured like the application's (tests run extra ones).
    pub fn outbox_worker(&self) -> Worker {
        self.outbox.clone()
    }

    /// Serves until a shutdown signal (SIGINT, SIGTERM); the outbox worker
    /// runs beside the server and stops with it.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let worker = self.worker.map(|worker| tokio::spawn(worker.run(stopped)));
        let result = self.server.await;
        let _ = stop.send(true);
        if let Some(worker) = worker {
            let _ = worker.await;
        }
        result
    }
}

/// The largest URL-encoded form: a question bank (2 MB) with its fields.
const MAX_FORM_BYTES: usize = 3 * 1024 * 1024;
/// The largest multipart upload: an attachment (or a cohort CSV) with its fields.
const MAX_UPLOAD_BYTES: usize = crate::attachments::MAX_BYTES + 64 * 1024;

/// Every route of the application.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .service(health::healthz)
        .service(crate::i18n::pages::switch_language)
        .service(health::readyz)
        .service(assets::serve_asset)
        .service(openapi::openapi_json)
        .configure(identity::routes)
        .configure(assessment::routes)
        .configure(certificates::routes)
        .configure(authoring::routes)
        .configure(audit::routes)
        .configure(programmes::routes)
        .configure(qualification::routes)
        .configure(signatures::routes)
        .configure(reports::routes)
        .configure(enrolment::routes)
        .configure(notifications::routes)
        .configure(catalog::routes)
        .configure(network::routes);
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound(
        "There is nothing at this address. Check the link, or start from the home page.".to_owned(),
    ))
}

/// The session cookie key: `ATMP_SESSION_KEY` (base64, at least 64 bytes),
/// else `<data-dir>/session.key`, generated once (mode 0600) and kept.
fn session_key(config: &Config) -> anyhow::Result<Key> {
    use base64::Engine;
    if let Some(encoded) = &config.session_key {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|error| anyhow::anyhow!("ATMP_SESSION_KEY is not base64: {error}"))?;
        return Key::try_from(bytes.as_slice()).map_err(|_| {
            anyhow::anyhow!(
                "ATMP_SESSION_KEY must hold at least 64 bytes (got {})",
                bytes.len()
            )
        });
    }
    let path = config.data_dir.join("session.key");
    if let Ok(bytes) = std::fs::read(&path) {
        return Key::try_from(bytes.as_slice()).map_err(|_| {
            anyhow::anyhow!(
                "{} is damaged: delete it to generate a new key (everyone is signed out)",
                path.display()
            )
        });
    }
    std::fs::create_dir_all(&config.data_dir)?;
    let key = Key::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&path)
        .map_err(|error| anyhow::anyhow!("creating {}: {error}", path.display()))?;
    std::io::Write::write_all(&mut file, key.master())?;
    Ok(key)
}

/// Applies pending migrations.
pub async fn migrate(pool: &DbPool) -> anyhow::Result<()> {
    let applied = db::run(pool, |connection| {
        migrations::run_pending(connection).map_err(|error| DbError::Task(format!("{error:#}")))
    })
    .await?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "database migrated");
    }
    Ok(())
}

/// Loads (or creates) the signing keys and records their public parts in
/// the database, which serves the key set to verifiers.
async fn publish_credential_keys(pool: &DbPool, config: &Config) -> anyhow::Result<CredentialKeys> {
    let directory = config.credential_keys_dir();
    let had_files = directory.exists()
        && std::fs::read_dir(&directory)?.any(|entry| {
            entry
                .ok()
                .is_some_and(|entry| entry.file_name().to_string_lossy().ends_with(".ed25519"))
        });
    let keys = CredentialKeys::load_or_create(&directory)?;
    let parts = keys.public_parts();
    let known = db::run(pool, move |connection| {
        let known = crate::certificates::queries::published_keys(connection)?;
        crate::certificates::queries::publish_keys(connection, &parts)?;
        Ok::<_, DbError>(known)
    })
    .await?;
    if !had_files && !known.is_empty() {
        tracing::warn!(
            directory = %directory.display(),
            "no credential signing key was found, so a new one was made; credentials signed with the earlier keys still verify (their public keys stay published), but restore the key directory from a backup if it was lost by mistake"
        );
    }
    Ok(keys)
}

/// Imports `courses/` (no progress bar: used at server start).
pub async fn import_courses(pool: &DbPool, config: &Config) -> anyhow::Result<()> {
    let dir = config.courses_dir.clone();
    let store = AttachmentStore::new(&config.data_dir);
    let report = db::run(pool, move |connection| {
        course_files::import_directory(connection, &dir, &store, &ProgressBar::hidden())
    })
    .await
    .map_err(|error: SyncError| anyhow::anyhow!("{error}"))?;
    tracing::info!(summary = %report, "course files imported");
    Ok(())
}
