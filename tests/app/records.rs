//! GxP records: the audit trail and its links are append-only in the
//! database, every entry is hash-chained in one of its chains (also under
//! parallel writers), `records verify` names the first broken link or
//! unlinked entry after a manual tamper, and auditors read and export the
//! trail.

use std::process::Command;

use atmp_academy::audit::chain::ChainPosition;
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
    assert_eq!(
        report.chains.iter().map(|end| end.entries).sum::<i64>(),
        entries
    );
    let (ok, output) = verify_with_the_binary(&app);
    assert!(ok, "{output}");
    assert!(
        output.contains(&format!("audit trail intact: {entries} entries")),
        "{output}"
    );
    for end in &report.chains {
        let newest: String = diesel::sql_query(
            "SELECT entry_hash AS text FROM audit_links WHERE chain = $1 \
             ORDER BY chain_seq DESC LIMIT 1",
        )
        .bind::<diesel::sql_types::SmallInt, _>(end.chain)
        .get_result::<Text>(&mut connection)
        .unwrap()
        .text;
        assert_eq!(end.last_hash, newest, "chain {}", end.chain);
        assert!(
            output.contains(&format!(
                "chain {}: {} entries, last hash {newest}",
                end.chain, end.entries
            )),
            "{output}"
        );
    }
}

#[derive(diesel::QueryableByName)]
struct Text {
    #[diesel(sql_type = diesel::sql_types::Text)]
    text: String,
}

/// The chain holding the most entries (the fixture's import wrote them in
/// one transaction, so one chain has them all in a row).
fn longest_chain(app: &TestApp) -> i16 {
    let chain = count(
        &mut app.db.connect(),
        "SELECT chain::bigint AS n FROM audit_links GROUP BY chain ORDER BY count(*) DESC LIMIT 1",
    );
    i16::try_from(chain).unwrap()
}

#[tokio::test]
async fn parallel_writers_extend_the_chains_without_gaps() {
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
            "SELECT count(*) AS n FROM (SELECT chain FROM audit_links \
             GROUP BY chain HAVING max(chain_seq) <> count(*) OR min(chain_seq) <> 1) AS gapped"
        ),
        0,
        "each chain runs 1, 2, 3, … with no gaps"
    );
    assert!(
        count(
            &mut connection,
            "SELECT count(DISTINCT chain) AS n FROM audit_links"
        ) > 1,
        "the writers' transactions were spread over several chains"
    );
    let report = audit::chain::verify(&mut connection).unwrap();
    assert!(report.broken.is_none(), "{:?}", report.broken);
    assert_eq!(report.entries, before + 200);
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
            "SELECT count(*) AS n FROM audit_events e \
             WHERE NOT EXISTS (SELECT 1 FROM audit_links l WHERE l.event_id = e.id)"
        ),
        0,
        "every committed entry is linked"
    );
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events slow \
             JOIN audit_links link ON link.event_id = slow.id \
             WHERE slow.entity_id = 'slow' AND link.chain_seq = \
                   (SELECT max(chain_seq) FROM audit_links WHERE chain = link.chain)"
        ),
        1,
        "entries are linked in the order their transactions commit: the last to commit is last in its chain"
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
        "UPDATE audit_links SET entry_hash = previous_hash",
        "DELETE FROM audit_links",
        "TRUNCATE audit_links",
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
    let steps = [
        "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
        "ALTER TABLE audit_links DISABLE TRIGGER audit_links_append_only",
    ]
    .into_iter()
    .chain(statements.iter().copied())
    .chain([
        "ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only",
        "ALTER TABLE audit_links ENABLE TRIGGER audit_links_append_only",
    ]);
    for step in steps {
        diesel::sql_query(step)
            .execute(&mut connection)
            .expect(step);
    }
}

/// The entry at a place in a chain, for a tampering statement.
fn entry_at(chain: i16, chain_seq: i64) -> String {
    format!(
        "id = (SELECT event_id FROM audit_links WHERE chain = {chain} AND chain_seq = {chain_seq})"
    )
}

fn at(chain: i16, chain_seq: i64) -> Option<ChainPosition> {
    Some(ChainPosition { chain, chain_seq })
}

#[tokio::test]
async fn a_changed_entry_is_found_and_named() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let chain = longest_chain(&app);
    tamper(
        &app,
        &[&format!(
            "UPDATE audit_events SET reason = 'nothing happened' WHERE {}",
            entry_at(chain, 3)
        )],
    );
    let report = audit::chain::verify(&mut app.db.connect()).unwrap();
    let broken = report.broken.expect("a broken link");
    assert_eq!(broken.position, at(chain, 3));
    assert!(
        broken.problem.contains("content does not match"),
        "{}",
        broken.problem
    );
    assert!(
        report.chains.iter().all(|end| end.chain < chain),
        "only the chains before it are reported intact"
    );
    let (ok, output) = verify_with_the_binary(&app);
    assert!(!ok);
    assert!(
        output.contains(&format!("broken at entry 3 of chain {chain}")),
        "{output}"
    );
}

#[tokio::test]
async fn a_removed_entry_or_link_is_found() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let chain = longest_chain(&app);
    tamper(
        &app,
        &[&format!(
            "DELETE FROM audit_events WHERE {}",
            entry_at(chain, 2)
        )],
    );
    let broken = audit::chain::verify(&mut app.db.connect())
        .unwrap()
        .broken
        .expect("broken");
    assert_eq!(broken.position, at(chain, 2));
    assert!(
        broken.problem.contains("entry was removed"),
        "{}",
        broken.problem
    );
    // Removing the entry with its link leaves a gap in the chain.
    let app = TestApp::with_fixture(standard_tree()).await;
    let chain = longest_chain(&app);
    tamper(
        &app,
        &[
            &format!("DELETE FROM audit_events WHERE {}", entry_at(chain, 2)),
            &format!("DELETE FROM audit_links WHERE chain = {chain} AND chain_seq = 2"),
        ],
    );
    let broken = audit::chain::verify(&mut app.db.connect())
        .unwrap()
        .broken
        .expect("broken");
    assert_eq!(broken.position, at(chain, 3));
    assert!(broken.problem.contains("removed"), "{}", broken.problem);
}

#[tokio::test]
async fn an_entry_whose_link_was_removed_is_found() {
    let app = TestApp::with_fixture(standard_tree()).await;
    let chain = longest_chain(&app);
    let newest = count(
        &mut app.db.connect(),
        &format!("SELECT max(chain_seq) AS n FROM audit_links WHERE chain = {chain}"),
    );
    let unlinked = count(
        &mut app.db.connect(),
        &format!(
            "SELECT event_id AS n FROM audit_links WHERE chain = {chain} AND chain_seq = {newest}"
        ),
    );
    // The chain's newest link goes: the chain itself still runs without a gap.
    tamper(
        &app,
        &[&format!(
            "DELETE FROM audit_links WHERE chain = {chain} AND chain_seq = {newest}"
        )],
    );
    let report = audit::chain::verify(&mut app.db.connect()).unwrap();
    let broken = report.broken.expect("broken");
    assert_eq!((broken.position, broken.id), (None, unlinked));
    assert!(broken.problem.contains("no link"), "{}", broken.problem);
    let (ok, output) = verify_with_the_binary(&app);
    assert!(!ok);
    assert!(
        output.contains(&format!("broken at the entry with row id {unlinked}")),
        "{output}"
    );
}

#[tokio::test]
async fn a_rehashed_or_rechained_entry_is_found() {
    // Recomputing the changed entry's hash does not hide it: the next entry
    // no longer follows it.
    let app = TestApp::with_fixture(standard_tree()).await;
    let chain = longest_chain(&app);
    tamper(
        &app,
        &[
            &format!(
                "UPDATE audit_events SET reason = 'forged' WHERE {}",
                entry_at(chain, 4)
            ),
            &format!(
                "UPDATE audit_links l SET entry_hash = encode(sha256(convert_to(jsonb_build_array( \
                     l.chain_seq, l.previous_hash, e.id, \
                     to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), \
                     e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id, \
                     e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex') \
                 FROM audit_events e WHERE e.id = l.event_id AND l.chain = {chain} AND l.chain_seq = 4"
            ),
        ],
    );
    let broken = audit::chain::verify(&mut app.db.connect())
        .unwrap()
        .broken
        .expect("broken");
    assert_eq!(
        broken.position,
        at(chain, 5),
        "the next entry no longer follows it"
    );
    // Nor does passing a chain off as another: each chain starts from its
    // own number.
    let app = TestApp::with_fixture(standard_tree()).await;
    let chain = longest_chain(&app);
    let other = (chain + 1) % 8;
    tamper(
        &app,
        &[
            &format!("DELETE FROM audit_links WHERE chain = {other}"),
            &format!("UPDATE audit_links SET chain = {other} WHERE chain = {chain}"),
        ],
    );
    let broken = audit::chain::verify(&mut app.db.connect())
        .unwrap()
        .broken
        .expect("broken");
    assert_eq!(broken.position, at(other, 1));
    assert!(
        broken.problem.contains("does not follow"),
        "{}",
        broken.problem
    );
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
