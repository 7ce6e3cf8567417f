//! The statements the generator runs besides COPY: the check for an
//! earlier run, setting aside and restoring a table's foreign keys and
//! secondary indexes around a bulk load, publishing the drafted versions
//! with their search text, and VACUUM (ANALYZE).

use diesel::prelude::*;
use diesel::sql_types::Text;

use super::SLUG_PREFIX;
use crate::db::schema::coes;

diesel::table! {
    /// The search text of each generated version, staged until publication
    /// (a temporary table: see `stage_search_texts`).
    synthetic_search_texts (version_id) {
        version_id -> Uuid,
        search_text -> Text,
    }
}

/// Whether a CoE with the synthetic slug prefix exists.
pub fn synthetic_data_present(connection: &mut PgConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        coes::table.filter(coes::slug.like(format!("{SLUG_PREFIX}%"))),
    ))
    .get_result(connection)
}

#[derive(QueryableByName)]
struct Definition {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    definition: String,
}

/// Drops `table`'s foreign keys and the indexes that back no constraint
/// (its primary key and UNIQUE constraints stay), and returns the
/// statements that recreate them exactly as the migrations defined them.
/// Run in the loading transaction: recreating them checks every row
/// (one join per foreign key, one sort per index) instead of one lookup
/// per row and key, and a failed check rolls the whole load back.
pub fn set_aside_keys_and_indexes(
    connection: &mut PgConnection,
    table: &str,
) -> QueryResult<Vec<String>> {
    let foreign_keys: Vec<Definition> = diesel::sql_query(
        "SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
           FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname",
    )
    .bind::<Text, _>(table)
    .load(connection)?;
    let indexes: Vec<Definition> = diesel::sql_query(
        "SELECT quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = $1::regclass
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                             WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid
                               AND k.contype IN ('p', 'u', 'x'))
          ORDER BY c.relname",
    )
    .bind::<Text, _>(table)
    .load(connection)?;
    let table_name = quoted(connection, table)?;
    let mut restore = Vec::with_capacity(foreign_keys.len() + indexes.len());
    for key in foreign_keys {
        diesel::sql_query(format!(
            "ALTER TABLE {table_name} DROP CONSTRAINT {}",
            key.name
        ))
        .execute(connection)?;
        restore.push(format!(
            "ALTER TABLE {table_name} ADD CONSTRAINT {} {}",
            key.name, key.definition
        ));
    }
    for index in indexes {
        diesel::sql_query(format!("DROP INDEX {}", index.name)).execute(connection)?;
        restore.push(index.definition);
    }
    Ok(restore)
}

/// Recreates what `set_aside_keys_and_indexes` dropped, with memory for
/// the sorts and joins that check the loaded rows.
pub fn restore_keys_and_indexes(
    connection: &mut PgConnection,
    statements: &[String],
) -> QueryResult<()> {
    diesel::sql_query("SET LOCAL maintenance_work_mem = '512MB'").execute(connection)?;
    diesel::sql_query("SET LOCAL work_mem = '256MB'").execute(connection)?;
    for statement in statements {
        diesel::sql_query(statement).execute(connection)?;
    }
    Ok(())
}

fn quoted(connection: &mut PgConnection, identifier: &str) -> QueryResult<String> {
    #[derive(QueryableByName)]
    struct Quoted {
        #[diesel(sql_type = Text)]
        quoted: String,
    }
    diesel::sql_query("SELECT quote_ident($1) AS quoted")
        .bind::<Text, _>(identifier)
        .get_result::<Quoted>(connection)
        .map(|row| row.quoted)
}

/// Creates the temporary table the versions' search texts wait in until
/// publication (dropped at commit), so that the search document, which
/// PostgreSQL recomputes on every UPDATE of a version, is computed once.
pub fn stage_search_texts(connection: &mut PgConnection) -> QueryResult<()> {
    diesel::sql_query(
        "CREATE TEMPORARY TABLE synthetic_search_texts (version_id uuid PRIMARY KEY, search_text text NOT NULL)
         ON COMMIT DROP",
    )
    .execute(connection)
    .map(drop)
}

/// Publishes every synthetic draft version with its staged search text,
/// `published_after` its creation, by its CoE's coordinator; returns the
/// number published.
pub fn publish_versions(
    connection: &mut PgConnection,
    published_after: std::time::Duration,
) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE course_versions v
            SET status = 'published',
                published_at = v.created_at + make_interval(secs => $1),
                published_by = g.user_id,
                search_text = s.search_text
           FROM courses c
           JOIN role_grants g ON g.coe_id = c.coe_id AND g.role = 'coordinator' AND g.revoked_at IS NULL,
                synthetic_search_texts s
          WHERE c.id = v.course_id AND s.version_id = v.id AND c.slug LIKE $2 AND v.status = 'draft'",
    )
    .bind::<diesel::sql_types::Double, _>(published_after.as_secs_f64())
    .bind::<Text, _>(format!("{SLUG_PREFIX}%"))
    .execute(connection)
}

/// Vacuums every table and refreshes the planner's statistics: the visibility
/// map a running network's autovacuum keeps set (so index-only scans read no
/// table pages) is set at once, on servers whose autovacuum is off too.
pub fn vacuum_analyze(connection: &mut PgConnection) -> QueryResult<()> {
    diesel::sql_query("VACUUM (ANALYZE)")
        .execute(connection)
        .map(drop)
}
