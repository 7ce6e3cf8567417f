-- Back to one chain (migration 20's link). Entries already spread over
-- several chains cannot be put back into one without rewriting their links
-- and hashes, which an audit trail must never do: refuse instead.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_events WHERE chain <> 0) THEN
        RAISE EXCEPTION 'audit entries are in several chains; going back to one chain would rewrite them';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION link_audit_event_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One transaction at a time extends the chain (held until the commit ends).
    PERFORM pg_advisory_xact_lock(4707012031733809153);
    UPDATE audit_events e
       SET chain_seq = head.next_seq,
           previous_hash = head.last_hash,
           entry_hash = encode(sha256(convert_to(jsonb_build_array(
               head.next_seq, head.last_hash, e.id,
               to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id,
               e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex')
      FROM (SELECT COALESCE(last.chain_seq, 0) + 1 AS next_seq,
                   COALESCE(last.entry_hash, repeat('0', 64)) AS last_hash
              FROM (SELECT 1) AS one
              LEFT JOIN LATERAL (
                  SELECT chain_seq, entry_hash FROM audit_events
                   WHERE chain_seq > 0 ORDER BY chain_seq DESC LIMIT 1) AS last ON true) AS head
     WHERE e.id = NEW.id;
    RETURN NULL;
END $$;

ALTER TABLE audit_events
    DROP CONSTRAINT audit_events_chain_position_key,
    ADD CONSTRAINT audit_events_chain_seq_key UNIQUE (chain_seq),
    DROP COLUMN chain;
