-- The audit chain is extended when a transaction commits, not when it
-- inserts its entry. The chain lock used to be taken by the insert and held
-- until commit, across every statement the application sent after it: under
-- load, writers queued on that lock (start and submit of an attempt spent
-- most of their time waiting for it). Now an insert takes no lock: it gets a
-- placeholder link (a negative sequence number, no hashes), and a deferred
-- trigger, run by PostgreSQL itself at commit, takes the lock, links the
-- entry after the last one and computes its hash. The lock is held only for
-- that and the commit's write to disk.
--
-- No committed entry is ever without its link: the deferred trigger runs
-- before the commit completes. Committed entries stay append-only: the one
-- change allowed is the link replacing a placeholder, with nothing else of
-- the entry changed.

CREATE OR REPLACE FUNCTION chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.chain_seq := -NEW.id;
    NEW.previous_hash := '';
    NEW.entry_hash := '';
    RETURN NEW;
END $$;

CREATE FUNCTION link_audit_event_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE CONSTRAINT TRIGGER audit_events_linked_at_commit
    AFTER INSERT ON audit_events
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION link_audit_event_at_commit();

CREATE OR REPLACE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_seq < 0 AND NEW.chain_seq > 0
       AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_label, NEW.action,
            NEW.entity_type, NEW.entity_id, NEW.old_value, NEW.new_value,
            NEW.reason, NEW.request_id)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_label, OLD.action,
            OLD.entity_type, OLD.entity_id, OLD.old_value, OLD.new_value,
            OLD.reason, OLD.request_id)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
