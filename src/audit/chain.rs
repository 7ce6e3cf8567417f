//! Verification of the audit trail's hash chains (`records verify`): walks
//! every link of every chain in chain order with the entry it links,
//! recomputes the entry's hash from its content with the same canonical
//! form the database trigger uses, and reports the first link whose entry,
//! content, predecessor or position does not match, or else the first entry
//! that has no link at all, or each chain's last hash when all is intact.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, SmallInt, Text};

/// A place in the chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainPosition {
    pub chain: i16,
    pub chain_seq: i64,
}

/// The first broken link found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// Where the broken link is; `None` for an entry that has no link.
    pub position: Option<ChainPosition>,
    /// The entry's row id.
    pub id: i64,
    pub problem: String,
}

/// The end of one chain as verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEnd {
    pub chain: i16,
    pub entries: i64,
    /// The hash of the chain's last entry: record it elsewhere to detect a
    /// later removal of the chain's newest entries.
    pub last_hash: String,
}

/// What a verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Entries found intact, in all chains.
    pub entries: i64,
    /// Every chain verified to its end, in chain order (the chain with a
    /// broken link, and those after it, are not listed; with an entry that
    /// has no link, every chain is).
    pub chains: Vec<ChainEnd>,
    pub broken: Option<BrokenLink>,
}

/// What a chain's first entry follows: the 64-hex-digit number of the chain
/// (all zeros for chain 0), as the linking trigger writes it.
fn chain_start(chain: i16) -> String {
    format!("{chain:064x}")
}

#[derive(QueryableByName)]
struct Link {
    #[diesel(sql_type = SmallInt)]
    chain: i16,
    #[diesel(sql_type = BigInt)]
    chain_seq: i64,
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    previous_hash: String,
    #[diesel(sql_type = Text)]
    entry_hash: String,
    /// `None` when the linked entry is not there.
    #[diesel(sql_type = Nullable<Text>)]
    recomputed: Option<String>,
}

/// The canonical form, recomputed here rather than by the database's own
/// trigger, so that a changed trigger cannot hide a changed entry.
const RECOMPUTE: &str =
    "SELECT l.chain, l.chain_seq, l.event_id AS id, l.previous_hash, l.entry_hash,
    CASE WHEN e.id IS NOT NULL THEN encode(sha256(convert_to(jsonb_build_array(
        l.chain_seq, l.previous_hash, e.id,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),
        e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id,
        e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex') END AS recomputed
    FROM audit_links l LEFT JOIN audit_events e ON e.id = l.event_id
    WHERE (l.chain, l.chain_seq) > ($1, $2)
    ORDER BY l.chain, l.chain_seq LIMIT $3";

/// The oldest entry that no link points at.
const FIRST_UNLINKED: &str = "SELECT e.id FROM audit_events e
    WHERE NOT EXISTS (SELECT 1 FROM audit_links l WHERE l.event_id = e.id)
    ORDER BY e.id LIMIT 1";

#[derive(QueryableByName)]
struct Unlinked {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

const BATCH: i64 = 5000;

/// A chain being walked.
struct Walk {
    chain: i16,
    entries: i64,
    last_seq: i64,
    last_hash: String,
}

impl Walk {
    fn start(chain: i16) -> Self {
        Walk {
            chain,
            entries: 0,
            last_seq: 0,
            last_hash: chain_start(chain),
        }
    }

    fn end(self) -> ChainEnd {
        ChainEnd {
            chain: self.chain,
            entries: self.entries,
            last_hash: self.last_hash,
        }
    }

    /// What is wrong with `link` as the next entry of this chain.
    fn problem(&self, link: &Link) -> Option<String> {
        let missing = link.chain_seq - self.last_seq - 1;
        if missing < 0 {
            Some(format!(
                "its position repeats or goes back after entry {}: links were re-ordered",
                self.last_seq
            ))
        } else if missing != 0 {
            Some(format!(
                "the chain jumps from entry {} to entry {}: {missing} entr{} removed",
                self.last_seq,
                link.chain_seq,
                if missing == 1 { "y was" } else { "ies were" }
            ))
        } else if link.previous_hash != self.last_hash {
            Some("it does not follow the entry before it (the previous hash differs): an earlier entry was changed, removed or replaced".to_owned())
        } else if link.recomputed.is_none() {
            Some("its entry was removed from the trail".to_owned())
        } else if link.recomputed.as_deref() != Some(link.entry_hash.as_str()) {
            Some(
                "its content does not match its hash: it was changed after it was written"
                    .to_owned(),
            )
        } else {
            None
        }
    }
}

/// Entries in the chains given.
fn entries_in(chains: &[ChainEnd]) -> i64 {
    chains.iter().map(|end| end.entries).sum()
}

/// Checks every chain, in batches, inside one repeatable-read snapshot.
pub fn verify(connection: &mut PgConnection) -> QueryResult<ChainReport> {
    connection
        .build_transaction()
        .read_only()
        .repeatable_read()
        .run(|connection| {
            let mut chains = Vec::new();
            let mut walk: Option<Walk> = None;
            loop {
                let (after_chain, after_seq) = walk
                    .as_ref()
                    .map_or((i16::MIN, 0), |walk| (walk.chain, walk.last_seq));
                let links: Vec<Link> = diesel::sql_query(RECOMPUTE)
                    .bind::<SmallInt, _>(after_chain)
                    .bind::<BigInt, _>(after_seq)
                    .bind::<BigInt, _>(BATCH)
                    .load(connection)?;
                if links.is_empty() {
                    break;
                }
                for link in links {
                    let current = match walk.take() {
                        Some(current) if current.chain == link.chain => current,
                        Some(finished) => {
                            chains.push(finished.end());
                            Walk::start(link.chain)
                        }
                        None => Walk::start(link.chain),
                    };
                    if let Some(problem) = current.problem(&link) {
                        return Ok(ChainReport {
                            entries: entries_in(&chains) + current.entries,
                            chains,
                            broken: Some(BrokenLink {
                                position: Some(ChainPosition {
                                    chain: link.chain,
                                    chain_seq: link.chain_seq,
                                }),
                                id: link.id,
                                problem,
                            }),
                        });
                    }
                    walk = Some(Walk {
                        entries: current.entries + 1,
                        last_seq: link.chain_seq,
                        last_hash: link.entry_hash,
                        ..current
                    });
                }
            }
            chains.extend(walk.map(Walk::end));
            let unlinked = diesel::sql_query(FIRST_UNLINKED)
                .get_result::<Unlinked>(connection)
                .optional()?;
            Ok(ChainReport {
                entries: entries_in(&chains),
                chains,
                broken: unlinked.map(|entry| BrokenLink {
                    position: None,
                    id: entry.id,
                    problem: "it has no link in any chain: it was committed with the trigger that links entries at commit bypassed".to_owned(),
                }),
            })
        })
}
