//! The database layer every context shares: the connection pool, embedded
//! migrations, the private PostgreSQL launcher, the generated schema, and
//! hand-written statements kept prepared.

pub mod embedded;
pub mod migrations;
pub mod pool;
pub mod prepared;
pub mod schema;

pub use pool::{DbError, DbPool, build_pool, run};
pub use prepared::Prepared;
