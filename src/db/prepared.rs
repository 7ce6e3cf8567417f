//! Hand-written statements that PostgreSQL prepares once per connection.
//! Diesel never keeps a `sql_query` statement prepared, because its text
//! could be built from run-time values, so each use is parsed and planned
//! again (a lateral join costs more to plan than to run). `Prepared` marks a
//! statement whose text is fixed in the source: it is kept in the
//! connection's statement cache under its text.
//!
//! A statement that changes rows is run with [`Prepared::change`], not
//! Diesel's `execute`: `execute` hands the statement on by reference, and
//! Diesel's reference wrapper does not pass on the mark that keeps it
//! prepared, so it would be parsed and planned on every run again.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::LoadQuery;
use diesel::{PgConnection, QueryResult, QueryableByName, RunQueryDsl};

/// A `sql_query` with a fixed text (values only as bind parameters), kept
/// prepared on the connection.
#[derive(Debug, Clone)]
pub struct Prepared<Q>(pub Q);

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Prepared<Q> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &Pg) -> QueryResult<bool> {
        Ok(true)
    }
}

/// No static id: the statement cache keys the statement by its text.
impl<Q> QueryId for Prepared<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Prepared<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> RunQueryDsl<Conn> for Prepared<Q> {}

/// One row a changing statement reports with `RETURNING 1 AS changed`.
#[derive(QueryableByName)]
pub struct Changed {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub changed: i32,
}

impl<Q> Prepared<Q> {
    /// Runs a statement that changes rows and ends in `RETURNING 1 AS
    /// changed`, kept prepared, and tells how many rows it changed.
    pub fn change<'query>(self, connection: &mut PgConnection) -> QueryResult<usize>
    where
        Self: LoadQuery<'query, PgConnection, Changed>,
    {
        Ok(self.load::<Changed>(connection)?.len())
    }
}
