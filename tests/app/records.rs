//! GxP records: the audit trail is append-only in the database, every
//! entry is hash-chained (also under parallel writers), `records verify`
//! names the first broken link after a manual tamper, and auditors read and
//! export the trail.

use std::process::Command;

use atmp_academy::audit::{self, Actor, Change};
use atmp_academy::identity::models::Role;
use diesel::prelude::*;

use crate::fixtures::standard_tree;
use crate::helpers::{TestApp, count};

fn verify_with_the_binary(app: &TestApp) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_atmp-academy"))
        .env("DATABASE_URL", &app.db.url)
        .args(["records", "verify"])
        .output()
        .expect("the binary runs");
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[tokio::test]
async fn the_audit_trail_is_chained_and_verifies() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    let entries = count(&mut connection, "SELECT count(*) AS n FROM audit_events");
    assert!(entries > 3, "the import wrote entries");
    let report = audit::chain::verify(&mut connection).unwrap();
    assert_eq!(report.entries, entries);
    assert!(report.broken.is_none());
    let (ok, output) = verify_with_the_binary(&app);
    assert!(ok, "{output}");
    assert!(
        output.contains(&format!("audit trail intact: {entries} entries")),
        "{output}"
    );
}

#[tokio::test]
async fn parallel_writers_extend_one_unbroken_chain() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let before = count(
        &mut app.db.connect(),
        "SELECT count(*) AS n FROM audit_events",
    );
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let url = app.db.url.clone();
            std::thread::spawn(move || {
                let mut connection = PgConnection::establish(&url).unwrap();
                for entry in 0..25 {
                    connection
                        .transaction(|connection| {
                            audit::record(
                                connection,
                                Change::new(
                                    Actor::System,
                                    "test.parallel",
                                    "test",
                                    format!("{writer}-{entry}"),
                                ),
                            )
                        })
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let mut connection = app.db.connect();
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM audit_events"),
        before + 200
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT max(chain_seq) AS n FROM audit_events"
        ),
        before + 200,
        "no gaps"
    );
    let report = audit::chain::verify(&mut connection).unwrap();
    assert!(report.broken.is_none(), "{:?}", report.broken);
}

#[tokio::test]
async fn an_open_transaction_with_an_entry_does_not_hold_up_other_writers() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let entry = |id: &str| Change::new(Actor::System, "test.order", "test", id);
    let mut slow = app.db.connect();
    let mut quick = app.db.connect();
    // A writer that would wait for the chain's lock fails instead of hanging.
    diesel::sql_query("SET statement_timeout = '3s'")
        .execute(&mut quick)
        .expect("timeout");
    diesel::sql_query("BEGIN")
        .execute(&mut slow)
        .expect("begin");
    audit::record(&mut slow, entry("slow")).expect("the slow writer's entry");

    audit::record(&mut quick, entry("quick"))
        .expect("another writer commits while the first transaction is open");

    diesel::sql_query("COMMIT")
        .execute(&mut slow)
        .expect("commit");
    let mut connection = app.db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE chain_seq <= 0"
        ),
        0,
        "every committed entry is linked"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT (SELECT chain_seq FROM audit_events WHERE entity_id = 'slow') \
                  - (SELECT chain_seq FROM audit_events WHERE entity_id = 'quick') AS n"
        ),
        1,
        "entries are linked in the order their transactions commit"
    );
    let report = audit::chain::verify(&mut connection).unwrap();
    assert!(report.broken.is_none(), "{:?}", report.broken);
}

#[tokio::test]
async fn the_database_refuses_to_change_or_remove_entries() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let mut connection = app.db.connect();
    for statement in [
        "UPDATE audit_events SET reason = 'rewritten'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    ] {
        let error = diesel::sql_query(statement)
            .execute(&mut connection)
            .unwrap_err();
        assert!(
            error.to_string().contains("append-only") || error.to_string().contains("audit"),
            "{statement}: {error}"
        );
    }
}

fn tamper(app: &TestApp, statements: &[&str]) {
    let mut connection = app.db.connect();
    let steps =
        std::iter::once("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
            .chain(statements.iter().copied())
            .chain(std::iter::once(
                "ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only",
            ));
    for step in steps {
        diesel::sql_query(step)
            .execute(&mut connection)
            .expect(step);
    }
}

#[tokio::test]
async fn a_changed_entry_is_found_and_named() {
    let app = TestApp::with_fixture(standard_tree()).await;
    tamper(
        &app,
        &["UPDATE audit_events SET reason = 'nothing happened' WHERE chain_seq = 3"],
    );
    let report = audit::chain::verify(&mut app.db.connect()).unwrap();
    let broken = report.broken.expect("a broken link");
    assert_eq!(broken.chain_seq, 3);
    assert!(
        broken.problem.contains("content does not match"),
        "{}",
        broken.problem
    );
    assert_eq!(report.entries, 2, "the entries before it are intact");
    let (ok, output) = verify_with_the_binary(&app);
    assert!(!ok);
    assert!(output.contains("broken at entry 3"), "{output}");
}

#[tokio::test]
async fn a_removed_or_rechained_entry_is_found() {
    let app = TestApp::with_fixture(standard_tree()).await;
    tamper(&app, &["DELETE FROM audit_events WHERE chain_seq = 2"]);
    let broken = audit::chain::verify(&mut app.db.connect())
        .unwrap()
        .broken
        .expect("broken");
    assert_eq!(broken.chain_seq, 3);
    assert!(broken.problem.contains("removed"), "{}", broken.problem);
    // Renumbering the rest and recomputing one hash does not hide it either.
    let app = TestApp::with_fixture(standard_tree()).await;
    tamper(
        &app,
        &[
            "UPDATE audit_events SET reason = 'forged' WHERE chain_seq = 4",
            "UPDATE audit_events SET entry_hash = audit_entry_hash(audit_events) WHERE chain_seq = 4",
        ],
    );
    let broken = audit::chain::verify(&mut app.db.connect())
        .unwrap()
        .broken
        .expect("broken");
    assert_eq!(broken.chain_seq, 5, "the next entry no longer follows it");
}

#[tokio::test]
async fn auditors_filter_and_export_the_trail_and_others_cannot() {
    let app = TestApp::with_fixture(standard_tree()).await;
    crate::helpers::grant(
        &app.db,
        "audrey@alpha.example",
        Role::Auditor,
        Some("coe-alpha"),
    );
    audit::record(
        &mut app.db.connect(),
        Change::new(Actor::System, "test.formula", "test", "1")
            .reason("=HYPERLINK(\"http://evil\")"),
    )
    .unwrap();
    let auditor = app.signed_in_browser("audrey@alpha.example").await;
    let page = auditor
        .get_text("/audit?action=course.&entity_type=course")
        .await;
    assert!(
        page.contains("course.version_published") || page.contains("course.created"),
        "{page}"
    );
    assert!(!page.contains("role.granted"), "filtered by action");
    let bad = auditor.get("/audit?from=yesterday").await;
    assert_eq!(bad.status(), 400);
    assert_eq!(auditor.get("/audit?until=262142-12-31").await.status(), 400);
    // A CoE's auditor sees entries about its own records only.
    let alpha_csv = auditor.get_text("/audit.csv?entity_type=course").await;
    let course_ids = |slug: &str| {
        #[derive(diesel::QueryableByName)]
        struct Id {
            #[diesel(sql_type = diesel::sql_types::Text)]
            id: String,
        }
        diesel::sql_query("SELECT id::text AS id FROM courses WHERE slug = $1")
            .bind::<diesel::sql_types::Text, _>(slug)
            .get_result::<Id>(&mut app.db.connect())
            .unwrap()
            .id
    };
    assert!(
        alpha_csv.contains(&course_ids("cleanroom-basics")),
        "coe-alpha's course"
    );
    assert!(
        !alpha_csv.contains(&course_ids("public-intro")),
        "not coe-beta's course"
    );
    assert!(
        !auditor
            .get_text("/audit.csv?action=test.")
            .await
            .contains("HYPERLINK")
    );
    crate::helpers::grant(&app.db, "admin@alpha.example", Role::NetworkAdmin, None);
    let admin = app.signed_in_browser("admin@alpha.example").await;
    let csv = admin.get_text("/audit.csv?action=test.").await;
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("entry,occurred_at,actor,action")
    );
    assert!(csv.contains("'=HYPERLINK"), "formulas are defused: {csv}");
    let learner = app.signed_in_browser("lea@alpha.example").await;
    assert_eq!(learner.get("/audit").await.status(), 403);
    assert_eq!(learner.get("/audit.csv").await.status(), 403);
    assert_eq!(app.browser().get("/audit").await.status(), 401);
}
