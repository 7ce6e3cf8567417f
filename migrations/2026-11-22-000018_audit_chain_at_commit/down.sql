CREATE OR REPLACE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER audit_events_linked_at_commit ON audit_events;
DROP FUNCTION link_audit_event_at_commit();

CREATE OR REPLACE FUNCTION chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
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
