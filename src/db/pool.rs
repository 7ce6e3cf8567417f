//! The connection pool (deadpool): async checkout with a timeout, plain
//! synchronous Diesel inside `run` on the blocking thread pool. An exhausted
//! pool is a `DbError::Busy` (HTTP 503), never a hang.
//!
//! The manager is ours rather than deadpool-diesel's: that one checks a
//! returning connection on a blocking thread, one more thread hop for every
//! checkout. Here the check (no transaction left open or broken) reads the
//! connection's state in place, which needs no I/O.

use std::time::Duration;

use deadpool::Runtime;
use deadpool::managed::{self, Metrics, RecycleError, RecycleResult, Timeouts};
use deadpool_sync::SyncWrapper;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::{Connection, PgConnection};

/// A pooled connection, used through `SyncWrapper::interact`.
pub type PooledConnection = SyncWrapper<PgConnection>;

/// The shared pool type.
pub type DbPool = managed::Pool<ConnectionManager>;

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

/// Opens PostgreSQL connections for the pool and vets returning ones.
#[derive(Debug)]
pub struct ConnectionManager {
    database_url: String,
}

impl managed::Manager for ConnectionManager {
    type Type = PooledConnection;
    type Error = diesel::ConnectionError;

    async fn create(&self) -> Result<PooledConnection, diesel::ConnectionError> {
        let database_url = self.database_url.clone();
        SyncWrapper::new(Runtime::Tokio1, move || {
            PgConnection::establish(&database_url)
        })
        .await
    }

    async fn recycle(
        &self,
        connection: &mut PooledConnection,
        _: &Metrics,
    ) -> RecycleResult<diesel::ConnectionError> {
        let usable = match connection.try_lock() {
            Ok(mut guard) => !AnsiTransactionManager::is_broken_transaction_manager(&mut *guard),
            Err(_) => false,
        };
        if usable {
            Ok(())
        } else {
            Err(RecycleError::message(
                "the connection was left in a transaction or its work panicked",
            ))
        }
    }
}

/// Builds a pool of at most `size` connections; checkout waits at most 5 s.
pub fn build_pool(database_url: &str, size: usize) -> anyhow::Result<DbPool> {
    let manager = ConnectionManager {
        database_url: database_url.to_owned(),
    };
    let timeouts = Timeouts {
        wait: Some(Duration::from_secs(5)),
        create: Some(Duration::from_secs(5)),
        recycle: Some(Duration::from_secs(5)),
    };
    Ok(managed::Pool::builder(manager)
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
