//! The connection pool (deadpool-diesel): async checkout with a timeout, plain
//! synchronous Diesel inside `run`. An exhausted pool is a `DbError::Busy`
//! (HTTP 503), never a hang.

use std::time::Duration;

use deadpool_diesel::postgres::{Manager, Pool};
use deadpool_diesel::{Runtime, Timeouts};
use diesel::PgConnection;

/// The shared pool type.
pub type DbPool = Pool;

/// What can go wrong reaching the database, before any rule is applied.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No connection became free in time, or the server cannot be reached.
    #[error("the database is busy or unreachable: {0}")]
    Busy(String),
    /// The work on the connection panicked or was aborted.
    #[error("database task failed: {0}")]
    Task(String),
    /// A query failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// Builds a pool of at most `size` connections; checkout waits at most 5 s.
pub fn build_pool(database_url: &str, size: usize) -> anyhow::Result<DbPool> {
    let manager = Manager::new(database_url, Runtime::Tokio1);
    let timeouts = Timeouts {
        wait: Some(Duration::from_secs(5)),
        create: Some(Duration::from_secs(5)),
        recycle: Some(Duration::from_secs(5)),
    };
    Ok(Pool::builder(manager)
        .max_size(size.max(1))
        .timeouts(timeouts)
        .runtime(Runtime::Tokio1)
        .build()?)
}

/// Runs `work` on a pooled connection on the blocking thread pool.
pub async fn run<T, E, F>(pool: &DbPool, work: F) -> Result<T, E>
where
    F: FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let connection = pool
        .get()
        .await
        .map_err(|error| E::from(DbError::Busy(error.to_string())))?;
    connection
        .interact(work)
        .await
        .map_err(|error| E::from(DbError::Task(error.to_string())))?
}
