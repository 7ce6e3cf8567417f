-- The audit trail as a hash chain: each entry carries the hash of the one
-- before it and a hash over its own content, assigned at insert by a
-- trigger under a lock, so entries form one unbroken sequence. Changing,
-- removing or re-ordering any entry breaks the chain, and
-- `atmp-academy records verify` names the first broken link.

ALTER TABLE audit_events
    ADD COLUMN chain_seq     bigint,
    ADD COLUMN previous_hash text,
    ADD COLUMN entry_hash    text;

-- The canonical form hashed: a JSON array of every field, in a fixed order.
CREATE FUNCTION audit_entry_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        e.chain_seq, e.previous_hash, e.id,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id,
        e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex')
$$;

-- Entries chained so far, in insertion order.
DO $$
DECLARE
    entry audit_events;
    previous text := repeat('0', 64);
    position bigint := 0;
BEGIN
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
    FOR entry IN SELECT * FROM audit_events ORDER BY id LOOP
        position := position + 1;
        entry.chain_seq := position;
        entry.previous_hash := previous;
        entry.entry_hash := audit_entry_hash(entry);
        UPDATE audit_events
           SET chain_seq = entry.chain_seq, previous_hash = entry.previous_hash, entry_hash = entry.entry_hash
         WHERE id = entry.id;
        previous := entry.entry_hash;
    END LOOP;
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
END $$;

ALTER TABLE audit_events
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN entry_hash SET NOT NULL,
    ADD CONSTRAINT audit_events_chain_seq_key UNIQUE (chain_seq);

CREATE FUNCTION chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last audit_events;
BEGIN
    -- One writer at a time extends the chain (held until commit).
    PERFORM pg_advisory_xact_lock(4707012031733809153);
    SELECT * INTO last FROM audit_events ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := COALESCE(last.chain_seq, 0) + 1;
    NEW.previous_hash := COALESCE(last.entry_hash, repeat('0', 64));
    NEW.entry_hash := audit_entry_hash(NEW);
    RETURN NEW;
END $$;

CREATE TRIGGER audit_events_chained
    BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION chain_audit_event();

CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at);
