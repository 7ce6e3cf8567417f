-- An audit entry's link in its chain is written to a table of its own,
-- audit_links, instead of into the entry. Until now the entry was inserted
-- with a placeholder link and the deferred trigger replaced it at commit
-- with an UPDATE: a second version of the row, written through all six of
-- audit_events' indexes (the link's columns are indexed, so the update can
-- never be HOT), checked by the append-only trigger, and left behind as a
-- dead row for vacuum. Under a load of submitted attempts that update was
-- the largest single cost of a commit. Now the link is one narrow row
-- inserted into two indexes, and audit_events is written once and never
-- updated at all: its append-only trigger allows no exception.
--
-- Nothing recorded changes: every existing link is copied as it is (chain,
-- position, previous hash, hash), and the hash's canonical form is the same
-- (position, previous hash, then the entry's fields). `records verify` walks
-- the links in chain order with their entries, and reports an entry that
-- has no link, a link whose entry is gone, and each chain's last hash.
--
-- No foreign key ties a link to its entry: both tables refuse UPDATE,
-- DELETE and TRUNCATE, and the check that an entry and its link go
-- together is the verifier's, which also sees what a foreign key could not
-- (an entry whose link was never written).

CREATE TABLE audit_links (
    event_id      bigint PRIMARY KEY,
    chain         smallint NOT NULL CHECK (chain BETWEEN 0 AND 7),
    chain_seq     bigint NOT NULL CHECK (chain_seq > 0),
    previous_hash text NOT NULL,
    entry_hash    text NOT NULL,
    CONSTRAINT audit_links_chain_position_key UNIQUE (chain, chain_seq)
);

INSERT INTO audit_links (event_id, chain, chain_seq, previous_hash, entry_hash)
SELECT id, chain, chain_seq, previous_hash, entry_hash
  FROM audit_events
 WHERE chain_seq > 0;

DROP TRIGGER audit_events_chained ON audit_events;
DROP FUNCTION chain_audit_event();
DROP FUNCTION audit_entry_hash(audit_events);

ALTER TABLE audit_events
    DROP CONSTRAINT audit_events_chain_position_key,
    DROP COLUMN chain,
    DROP COLUMN chain_seq,
    DROP COLUMN previous_hash,
    DROP COLUMN entry_hash;

CREATE OR REPLACE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_links_append_only
    BEFORE UPDATE OR DELETE ON audit_links
    FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER audit_links_no_truncate
    BEFORE TRUNCATE ON audit_links
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();

-- The entry is read from NEW: it cannot have changed since its insert.
CREATE OR REPLACE FUNCTION link_audit_event_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    chosen smallint := txid_current() % 8;
BEGIN
    -- One transaction at a time extends a chain (held until the commit ends).
    PERFORM pg_advisory_xact_lock(4707012031733809153 + chosen);
    INSERT INTO audit_links (event_id, chain, chain_seq, previous_hash, entry_hash)
    SELECT NEW.id, chosen, head.next_seq, head.last_hash,
           encode(sha256(convert_to(jsonb_build_array(
               head.next_seq, head.last_hash, NEW.id,
               to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               NEW.actor_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id,
               NEW.old_value, NEW.new_value, NEW.reason, NEW.request_id)::text, 'UTF8')), 'hex')
      FROM (SELECT COALESCE(last.chain_seq, 0) + 1 AS next_seq,
                   COALESCE(last.entry_hash, lpad(to_hex(chosen::integer), 64, '0')) AS last_hash
              FROM (SELECT 1) AS one
              LEFT JOIN LATERAL (
                  SELECT chain_seq, entry_hash FROM audit_links
                   WHERE chain = chosen
                   ORDER BY chain_seq DESC LIMIT 1) AS last ON true) AS head;
    RETURN NULL;
END $$;
