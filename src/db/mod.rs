//! The database layer every context shares: the connection pool, embedded
//! migrations, the private PostgreSQL launcher and the generated schema.

pub mod embedded;
pub mod migrations;
pub mod pool;
pub mod schema;

pub use pool::{DbError, DbPool, build_pool, run};
