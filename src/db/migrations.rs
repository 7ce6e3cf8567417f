//! Diesel migrations embedded in the binary: applied at start-up and by the
//! `migrate` subcommand; `revert_all` runs every `down.sql`.

use diesel::PgConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Applies pending migrations; returns the versions applied.
pub fn run_pending(connection: &mut PgConnection) -> anyhow::Result<Vec<String>> {
    let applied = connection
        .run_pending_migrations(MIGRATIONS)
        .map_err(|error| anyhow::anyhow!("applying migrations failed: {error}"))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Reverts every applied migration, newest first.
pub fn revert_all(connection: &mut PgConnection) -> anyhow::Result<Vec<String>> {
    let reverted = connection
        .revert_all_migrations(MIGRATIONS)
        .map_err(|error| anyhow::anyhow!("reverting migrations failed: {error}"))?;
    Ok(reverted.iter().map(ToString::to_string).collect())
}
