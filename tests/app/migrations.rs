//! Migrations apply on an empty database, revert completely, and apply again.

use atmp_academy::db::migrations;
use diesel::{PgConnection, RunQueryDsl};

use crate::helpers::TestDb;

fn user_tables(connection: &mut PgConnection) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct Table {
        #[diesel(sql_type = diesel::sql_types::Text)]
        tablename: String,
    }
    diesel::sql_query(
        "SELECT tablename::text AS tablename FROM pg_tables
         WHERE schemaname = 'public' AND tablename <> '__diesel_schema_migrations' ORDER BY 1",
    )
    .load::<Table>(connection)
    .expect("list tables")
    .into_iter()
    .map(|table| table.tablename)
    .collect()
}

fn user_functions(connection: &mut PgConnection) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(
        "SELECT count(*) AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'",
    )
    .get_result::<Count>(connection)
    .expect("count functions")
    .n
}

#[test]
fn down_migrations_revert_everything_and_up_applies_again() {
    let db = TestDb::empty();
    let mut connection = db.connect();
    let applied = migrations::run_pending(&mut connection).expect("up");
    assert!(applied.len() >= 3);
    assert!(user_tables(&mut connection).contains(&"course_versions".to_owned()));
    let reverted = migrations::revert_all(&mut connection).expect("down");
    assert_eq!(reverted.len(), applied.len());
    assert_eq!(
        user_tables(&mut connection),
        Vec::<String>::new(),
        "down.sql leaves no table behind"
    );
    assert_eq!(
        user_functions(&mut connection),
        0,
        "down.sql leaves no function behind"
    );
    let again = migrations::run_pending(&mut connection).expect("up again");
    assert_eq!(again.len(), applied.len());
}

#[test]
fn migrate_command_applies_pending_migrations() {
    let db = TestDb::empty();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_atmp-academy"))
        .env("DATABASE_URL", &db.url)
        .arg("migrate")
        .output()
        .expect("run the binary");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("applied"));
    assert!(user_tables(&mut db.connect()).contains(&"lessons".to_owned()));
}
