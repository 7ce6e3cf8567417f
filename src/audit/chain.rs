//! Verification of the audit trail's hash chain (`records verify`): walks
//! every entry in chain order, recomputes its hash from its content with
//! the same canonical form the database trigger uses, and reports the first
//! entry whose content, predecessor or position does not match.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

/// The first broken link found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub chain_seq: i64,
    pub id: i64,
    pub problem: String,
}

/// What a verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub entries: i64,
    /// The hash of the last entry checked: record it elsewhere to detect a
    /// later removal of the newest entries.
    pub last_hash: Option<String>,
    pub broken: Option<BrokenLink>,
}

#[derive(QueryableByName)]
struct Link {
    #[diesel(sql_type = BigInt)]
    chain_seq: i64,
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    previous_hash: String,
    #[diesel(sql_type = Text)]
    entry_hash: String,
    #[diesel(sql_type = Text)]
    recomputed: String,
}

/// The canonical form, recomputed here rather than by the database's own
/// function, so that a changed function cannot hide a changed entry.
const RECOMPUTE: &str = "SELECT e.chain_seq, e.id, e.previous_hash, e.entry_hash,
    encode(sha256(convert_to(jsonb_build_array(
        e.chain_seq, e.previous_hash, e.id,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),
        e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id,
        e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex') AS recomputed
    FROM audit_events e WHERE e.chain_seq > $1 ORDER BY e.chain_seq LIMIT $2";

const BATCH: i64 = 5000;

/// Checks the whole chain, in batches, inside one repeatable-read snapshot.
pub fn verify(connection: &mut PgConnection) -> QueryResult<ChainReport> {
    connection
        .build_transaction()
        .read_only()
        .repeatable_read()
        .run(|connection| {
            let mut entries = 0;
            let mut last_seq = 0_i64;
            let mut last_hash = "0".repeat(64);
            loop {
                let links: Vec<Link> = diesel::sql_query(RECOMPUTE)
                    .bind::<BigInt, _>(last_seq)
                    .bind::<BigInt, _>(BATCH)
                    .load(connection)?;
                if links.is_empty() {
                    break;
                }
                for link in links {
                    let problem = if link.chain_seq != last_seq + 1 {
                        Some(format!(
                            "the chain jumps from entry {last_seq} to entry {}: {} entr{} removed",
                            link.chain_seq,
                            link.chain_seq - last_seq - 1,
                            if link.chain_seq - last_seq - 1 == 1 { "y was" } else { "ies were" }
                        ))
                    } else if link.previous_hash != last_hash {
                        Some("it does not follow the entry before it (the previous hash differs): an earlier entry was changed, removed or replaced".to_owned())
                    } else if link.recomputed != link.entry_hash {
                        Some("its content does not match its hash: it was changed after it was written".to_owned())
                    } else {
                        None
                    };
                    if let Some(problem) = problem {
                        return Ok(ChainReport {
                            entries,
                            last_hash: (entries > 0).then_some(last_hash),
                            broken: Some(BrokenLink {
                                chain_seq: link.chain_seq,
                                id: link.id,
                                problem,
                            }),
                        });
                    }
                    entries += 1;
                    last_seq = link.chain_seq;
                    last_hash = link.entry_hash;
                }
            }
            Ok(ChainReport {
                entries,
                last_hash: (entries > 0).then_some(last_hash),
                broken: None,
            })
        })
}
