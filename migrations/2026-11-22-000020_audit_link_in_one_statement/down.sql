-- Back to migration 18's link: three statements and audit_entry_hash.
CREATE OR REPLACE FUNCTION link_audit_event_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry audit_events;
    last audit_events;
BEGIN
    -- One transaction at a time extends the chain (held until the commit ends).
    PERFORM pg_advisory_xact_lock(4707012031733809153);
    SELECT * INTO entry FROM audit_events WHERE id = NEW.id;
    SELECT * INTO last FROM audit_events WHERE chain_seq > 0 ORDER BY chain_seq DESC LIMIT 1;
    entry.chain_seq := COALESCE(last.chain_seq, 0) + 1;
    entry.previous_hash := COALESCE(last.entry_hash, repeat('0', 64));
    entry.entry_hash := audit_entry_hash(entry);
    UPDATE audit_events
       SET chain_seq = entry.chain_seq, previous_hash = entry.previous_hash,
           entry_hash = entry.entry_hash
     WHERE id = NEW.id;
    RETURN NULL;
END $$;
