-- Eight audit chains in place of one. Linking an entry at commit takes its
-- chain's lock and holds it through the commit's write to disk, so with one
-- chain every audited commit on the platform waited for the one before it,
-- and their writes to disk could never be flushed together: under a load of
-- submitted attempts that lock was the limit (the journey ran 20-25 % faster
-- with the link switched off). Now a transaction's entries go to chain
-- (its transaction id mod 8): one chain, one lock per transaction, so two
-- transactions can never wait for each other's chain locks in a cycle, and
-- transactions on different chains commit side by side.
--
-- Each chain is what the one chain was: positions 1, 2, 3, ... with no gaps,
-- in the order its transactions commit, each entry carrying the hash of the
-- entry before it in its chain. The hash's canonical form is unchanged. The
-- first entry of chain k follows the 64-hex-digit number k (all zeros for
-- chain 0), so an entry cannot be moved to the head of another chain
-- unseen. Every entry written before this migration is in chain 0, which
-- continues the one chain as it was: no entry's link or hash is rewritten.
-- `records verify` walks every chain and reports each chain's last hash.

ALTER TABLE audit_events
    ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain BETWEEN 0 AND 7),
    DROP CONSTRAINT audit_events_chain_seq_key,
    ADD CONSTRAINT audit_events_chain_position_key UNIQUE (chain, chain_seq);

CREATE OR REPLACE FUNCTION link_audit_event_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    chosen smallint := txid_current() % 8;
BEGIN
    -- One transaction at a time extends a chain (held until the commit ends).
    PERFORM pg_advisory_xact_lock(4707012031733809153 + chosen);
    UPDATE audit_events e
       SET chain = chosen,
           chain_seq = head.next_seq,
           previous_hash = head.last_hash,
           entry_hash = encode(sha256(convert_to(jsonb_build_array(
               head.next_seq, head.last_hash, e.id,
               to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id,
               e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex')
      FROM (SELECT COALESCE(last.chain_seq, 0) + 1 AS next_seq,
                   COALESCE(last.entry_hash, lpad(to_hex(chosen::integer), 64, '0')) AS last_hash
              FROM (SELECT 1) AS one
              LEFT JOIN LATERAL (
                  SELECT chain_seq, entry_hash FROM audit_events
                   WHERE chain = chosen AND chain_seq > 0
                   ORDER BY chain_seq DESC LIMIT 1) AS last ON true) AS head
     WHERE e.id = NEW.id;
    RETURN NULL;
END $$;
