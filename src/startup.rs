//! Builds the application: pool, migrations, course import, templates,
//! routes and middleware, bound to a port (port 0 picks a free one, which
//! the tests use). `main` and the integration tests both go through here.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use indicatif::ProgressBar;
use tracing_actix_web::TracingLogger;

use crate::config::Config;
use crate::course_files::{self, SyncError};
use crate::db::{self, DbError, DbPool, migrations};
use crate::http::assets::{self, Assets};
use crate::http::error::extractor_error;
use crate::http::templates::SiteContext;
use crate::http::{AppError, Templates, health, middleware, openapi};
use crate::{catalog, network};

/// A built, bound, not yet running application.
pub struct Application {
    port: u16,
    server: Server,
    pool: DbPool,
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
        let assets = Assets::load(&config.templates_dir.join("static"))?;
        let site = SiteContext {
            name: "ATMP Academy",
            base_url: config.public_base_url(),
            stylesheet_href: assets.versioned_href("app.css"),
        };
        let templates = web::Data::new(Templates::load(&config.templates_dir, site)?);
        let assets = web::Data::new(assets);
        let listener = TcpListener::bind(config.bind).map_err(|error| {
            anyhow::anyhow!(
                "cannot listen on {}: {error} (set ATMP_BIND to another address)",
                config.bind
            )
        })?;
        let port = listener.local_addr()?.port();
        let pool_data = web::Data::new(pool.clone());
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(middleware::finish_response))
                .wrap(middleware::security_headers())
                .wrap(TracingLogger::default())
                .wrap(Compress::default())
                .app_data(pool_data.clone())
                .app_data(templates.clone())
                .app_data(assets.clone())
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
                    web::FormConfig::default().error_handler(|error, _| extractor_error(error)),
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

    /// Serves until a shutdown signal (SIGINT, SIGTERM).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Every route of the application.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .service(health::healthz)
        .service(health::readyz)
        .service(assets::serve_asset)
        .service(openapi::openapi_json)
        .configure(catalog::routes)
        .configure(network::routes);
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound(
        "There is nothing at this address. Check the link, or start from the home page.".to_owned(),
    ))
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

/// Imports `courses/` (no progress bar: used at server start).
pub async fn import_courses(pool: &DbPool, config: &Config) -> anyhow::Result<()> {
    let dir = config.courses_dir.clone();
    let report = db::run(pool, move |connection| {
        course_files::import_directory(connection, &dir, &ProgressBar::hidden())
    })
    .await
    .map_err(|error: SyncError| anyhow::anyhow!("{error}"))?;
    tracing::info!(summary = %report, "course files imported");
    Ok(())
}
