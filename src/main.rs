//! The `atmp-academy` binary: parse the configuration, start logging, find
//! or start the database, then serve or run a subcommand.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use atmp_academy::assessment::gift;
use atmp_academy::attachments::AttachmentStore;
use atmp_academy::audit::Actor;
use atmp_academy::authoring;
use atmp_academy::certificates::keys::{self as certificate_keys, CredentialKeys};
use atmp_academy::config::{
    AdminAction, Cli, Command, Config, GiftAction, KeysAction, RecordsAction, RoleArgs,
};
use atmp_academy::course_files::{self, SyncError};
use atmp_academy::db::embedded::EmbeddedPostgres;
use atmp_academy::db::migrations;
use atmp_academy::identity::queries as identity_queries;
use atmp_academy::identity::service::{self as identity, GrantRequest, ProviderInput};
use atmp_academy::startup::Application;
use atmp_academy::synthetic;
use atmp_academy::telemetry;
use clap::Parser;
use diesel::{Connection, PgConnection};
use indicatif::{ProgressBar, ProgressStyle};
use mimalloc::MiMalloc;

/// Pages are built from many small strings and JSON values; glibc's
/// malloc took a quarter of the server's CPU samples under load, and
/// mimalloc serves them faster (BENCHMARKS.md, measured together with
/// another change).
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    telemetry::init(cli.config.log_format, &cli.config.log_filter);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Import { check: true } = command {
        return check_course_files(&config);
    }
    if let Command::Gift {
        action: GiftAction::Check { file },
    } = &command
    {
        return check_gift(file);
    }
    if let Command::Keys { action } = &command {
        return keys(&config, action);
    }
    // The private cluster is started here, on the main thread, so that its
    // parent-death signal outlives every worker thread; it stops when
    // `_embedded` is dropped at the end of this function.
    let (database_url, _embedded) = match &config.database_url {
        Some(url) => (url.clone(), None),
        None => {
            let embedded = EmbeddedPostgres::start(&config.data_dir, config.pg_bindir.as_deref())?;
            (embedded.database_url().to_owned(), Some(embedded))
        }
    };
    match command {
        Command::Serve => serve(&config, &database_url),
        Command::Migrate { revert_all } => migrate(&database_url, revert_all),
        Command::Import { .. } => import(&config, &database_url),
        Command::Admin { action } => admin(&database_url, action),
        Command::Gift { action } => gift(&database_url, action),
        Command::Keys { action } => keys(&config, &action),
        Command::Records {
            action: RecordsAction::Verify,
        } => verify_records(&database_url),
        Command::Export {
            course,
            version,
            to,
        } => export(&config, &database_url, &course, version, &to),
        Command::Generate {
            enrolments,
            scale,
            seed,
        } => generate(&database_url, enrolments, scale, seed),
    }
}

/// Migrates, then loads a synthetic network, printing each table's time.
fn generate(
    database_url: &str,
    enrolments: Option<usize>,
    scale: Option<f64>,
    seed: u64,
) -> anyhow::Result<()> {
    let plan = match enrolments {
        Some(enrolments) => synthetic::Plan::for_enrolments(enrolments)?,
        None => synthetic::Plan::scaled(scale.unwrap_or(1.0))?,
    };
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    migrations::run_pending(&mut connection)?;
    // History ends at midnight UTC, so a seed gives the same data all day.
    let now = chrono::Utc::now()
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    println!("generating (seed {seed}): {plan}");
    let report =
        synthetic::generate(
            &mut connection,
            &plan,
            seed,
            now,
            &mut |progress| match progress {
                synthetic::Progress::Planned(what, elapsed) => {
                    println!("  planned {what} in {:.2} s", elapsed.as_secs_f64())
                }
                synthetic::Progress::Rows(table, rows) => println!("    {table}: {rows} rows…"),
                synthetic::Progress::Checking(table) => {
                    println!("    {table}: recreating foreign keys and indexes…")
                }
                synthetic::Progress::Loaded(load) => println!("  {load}"),
                synthetic::Progress::Vacuuming => println!("  vacuuming and analyzing…"),
            },
        )?;
    let rows: usize = report
        .tables
        .iter()
        .filter(|load| load.is_table())
        .map(|load| load.rows)
        .sum();
    let loading: std::time::Duration = report.tables.iter().map(|load| load.elapsed).sum();
    println!(
        "done: {rows} rows in {:.1} s (planning {:.1} s, loading {:.1} s, VACUUM (ANALYZE) {:.1} s)",
        report.total.as_secs_f64(),
        report.planning.as_secs_f64(),
        loading.as_secs_f64(),
        report.vacuum_analyze.as_secs_f64()
    );
    Ok(())
}

/// Checks the audit trail's hash chains.
fn verify_records(database_url: &str) -> anyhow::Result<()> {
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    migrations::run_pending(&mut connection)?;
    let report = atmp_academy::audit::chain::verify(&mut connection)?;
    match report.broken {
        None => {
            println!(
                "audit trail intact: {} entries in {} chain{}; record each chain's last hash elsewhere to detect a later removal of its newest entries",
                report.entries,
                report.chains.len(),
                if report.chains.len() == 1 { "" } else { "s" }
            );
            for end in &report.chains {
                println!(
                    "  chain {}: {} entries, last hash {}",
                    end.chain, end.entries, end.last_hash
                );
            }
            Ok(())
        }
        Some(link) => match link.position {
            Some(position) => anyhow::bail!(
                "audit trail broken at entry {} of chain {} (row id {}): {}. The entries before it in its chain and the chains numbered below it are intact ({} entries); chains numbered above it were not checked.",
                position.chain_seq,
                position.chain,
                link.id,
                link.problem,
                report.entries
            ),
            None => anyhow::bail!(
                "audit trail broken at the entry with row id {}: {}. Every chain is intact ({} entries in {} chains).",
                link.id,
                link.problem,
                report.entries,
                report.chains.len()
            ),
        },
    }
}

/// Writes a published course version as a `courses/` folder.
fn export(
    config: &Config,
    database_url: &str,
    slug: &str,
    version: Option<i32>,
    to: &std::path::Path,
) -> anyhow::Result<()> {
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    migrations::run_pending(&mut connection)?;
    let source = authoring::service::published_source(&mut connection, slug, version)
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    authoring::export::write_course(to, &source, &AttachmentStore::new(&config.data_dir))?;
    println!(
        "wrote {} (version {}) to {}",
        slug,
        version.map_or_else(|| "current".to_owned(), |number| number.to_string()),
        to.join(slug).display()
    );
    Ok(())
}

/// Lists or rotates the credential signing keys (no database needed).
fn keys(config: &Config, action: &KeysAction) -> anyhow::Result<()> {
    let directory = config.credential_keys_dir();
    match action {
        KeysAction::List => {
            let keys = CredentialKeys::load(&directory)?;
            for kid in keys.published_kids() {
                let role = if kid == keys.signing_kid() {
                    "signs"
                } else {
                    "published"
                };
                println!("{kid}\t{role}");
            }
        }
        KeysAction::Rotate => {
            let kid = certificate_keys::rotate(&directory)?;
            println!(
                "added key {kid} in {}; it signs from the next start, and older keys stay published",
                directory.display()
            );
        }
    }
    Ok(())
}

fn serve(config: &Config, database_url: &str) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let application = Application::build(config, database_url).await?;
        let address = format!("http://{}:{}", config.bind.ip(), application.port());
        tracing::info!(%address, "ATMP Academy is listening");
        eprintln!("ATMP Academy is running at {address} (Ctrl-C stops it)");
        application.run_until_stopped().await?;
        anyhow::Ok(())
    })
}

fn migrate(database_url: &str, revert_all: bool) -> anyhow::Result<()> {
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    let versions = if revert_all {
        migrations::revert_all(&mut connection)?
    } else {
        migrations::run_pending(&mut connection)?
    };
    let verb = if revert_all { "reverted" } else { "applied" };
    if versions.is_empty() {
        println!("no migrations {verb}");
    }
    for version in versions {
        println!("{verb} {version}");
    }
    Ok(())
}

fn import(config: &Config, database_url: &str) -> anyhow::Result<()> {
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    migrations::run_pending(&mut connection)?;
    let progress = ProgressBar::new(0);
    progress.set_style(
        ProgressStyle::with_template("{spinner} importing [{bar:30}] {pos}/{len} {msg}")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.enable_steady_tick(Duration::from_millis(120));
    let store = AttachmentStore::new(&config.data_dir);
    let result =
        course_files::import_directory(&mut connection, &config.courses_dir, &store, &progress);
    progress.finish_and_clear();
    match result {
        Ok(report) => {
            println!("{report}");
            Ok(())
        }
        Err(SyncError::Problems(problems)) => Err(anyhow::anyhow!("{problems}")),
        Err(error) => Err(error.into()),
    }
}

fn admin(database_url: &str, action: AdminAction) -> anyhow::Result<()> {
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    migrations::run_pending(&mut connection)?;
    match action {
        AdminAction::Grant(args) => {
            let request = grant_request(args);
            identity::grant_role(&mut connection, Actor::Cli, &request)
                .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!("granted {} to {}", request.role.as_str(), request.email);
        }
        AdminAction::Revoke(args) => {
            let request = grant_request(args);
            identity::revoke_role(&mut connection, Actor::Cli, &request)
                .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!("revoked {} from {}", request.role.as_str(), request.email);
        }
        AdminAction::AddProvider(args) => {
            let client_secret = match (&args.client_secret_env, &args.client_secret_file) {
                (Some(variable), _) => std::env::var(variable).with_context(|| {
                    format!(
                        "the environment variable {variable} holding the client secret is not set"
                    )
                })?,
                (None, Some(path)) => std::fs::read_to_string(path)
                    .with_context(|| format!("reading the client secret from {}", path.display()))?
                    .trim()
                    .to_owned(),
                (None, None) => anyhow::bail!("give --client-secret-env or --client-secret-file"),
            };
            let input = ProviderInput {
                slug: args.slug.clone(),
                display_name: args.name,
                issuer_url: args.issuer,
                client_id: args.client_id,
                client_secret,
                institution_claim: args.institution_claim,
                institution_slugs: args.institutions,
            };
            identity::add_provider(&mut connection, Actor::Cli, &input)
                .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!(
                "added provider {} (the client secret is stored and will not be shown again)",
                args.slug
            );
        }
        AdminAction::CreateToken { coe, name } => {
            let token = atmp_academy::qualification::service::create_token(
                &mut connection,
                Actor::Cli,
                &coe,
                &name,
            )
            .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!("{token}");
            eprintln!("API token for {coe} ({name}); store it now: it is not shown again");
        }
        AdminAction::RevokeToken { token_env } => {
            let token = std::env::var(&token_env)
                .with_context(|| format!("the environment variable {token_env} is not set"))?;
            atmp_academy::qualification::service::revoke_token(&mut connection, Actor::Cli, &token)
                .map_err(|error| anyhow::anyhow!("{error}"))?;
            println!("token revoked");
        }
        AdminAction::ListProviders => {
            for provider in identity_queries::all_providers(&mut connection)? {
                println!(
                    "{}\t{}\t{}\tclient {}\t{}",
                    provider.slug,
                    provider.display_name,
                    provider.issuer_url,
                    provider.client_id,
                    if provider.enabled {
                        "enabled"
                    } else {
                        "disabled"
                    }
                );
            }
        }
    }
    Ok(())
}

fn grant_request(args: RoleArgs) -> GrantRequest {
    GrantRequest {
        email: args.email,
        role: args.role,
        coe_slug: args.coe,
        course_slug: args.course,
        create_with_name: if args.create { args.name } else { None },
    }
}

fn check_gift(file: &std::path::Path) -> anyhow::Result<()> {
    let source =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let questions =
        gift::parse(&source).map_err(|error| anyhow::anyhow!("{}:{error}", file.display()))?;
    for question in &questions {
        let kind = serde_json::to_value(&question.kind)
            .ok()
            .and_then(|value| {
                value
                    .get("type")
                    .and_then(|kind| kind.as_str())
                    .map(str::to_owned)
            })
            .unwrap_or_default();
        println!(
            "line {:>4}  {:<15} {}",
            question.line,
            kind,
            question
                .title
                .as_deref()
                .unwrap_or(&question.text)
                .chars()
                .take(70)
                .collect::<String>()
        );
    }
    println!("{} is valid: {} questions", file.display(), questions.len());
    Ok(())
}

fn gift(database_url: &str, action: GiftAction) -> anyhow::Result<()> {
    let GiftAction::Export { course, module } = action else {
        anyhow::bail!("this gift command needs no database");
    };
    let mut connection =
        PgConnection::establish(database_url).context("connecting to the database")?;
    migrations::run_pending(&mut connection)?;
    let bank = atmp_academy::assessment::service::export_bank(&mut connection, &course, &module)
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    print!("{bank}");
    Ok(())
}

fn check_course_files(config: &Config) -> anyhow::Result<()> {
    let tree = course_files::load_tree(&config.courses_dir)
        .map_err(|problems| anyhow::anyhow!("{problems}"))?;
    println!(
        "{} is valid: {} CoEs, {} institutions, {} courses",
        config.courses_dir.display(),
        tree.coes.len(),
        tree.institutions.len(),
        tree.courses.len()
    );
    Ok(())
}
