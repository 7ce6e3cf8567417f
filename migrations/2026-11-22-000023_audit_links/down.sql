-- Back to links kept in the entries themselves (migration 22): each link is
-- copied back to its entry as it is, and nothing of an entry changes.

ALTER TABLE audit_events
    ADD COLUMN chain_seq     bigint,
    ADD COLUMN previous_hash text,
    ADD COLUMN entry_hash    text,
    ADD COLUMN chain         smallint NOT NULL DEFAULT 0 CHECK (chain BETWEEN 0 AND 7);

ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
UPDATE audit_events e
   SET chain = l.chain, chain_seq = l.chain_seq,
       previous_hash = l.previous_hash, entry_hash = l.entry_hash
  FROM audit_links l
 WHERE l.event_id = e.id;
UPDATE audit_events
   SET chain_seq = -id, previous_hash = '', entry_hash = ''
 WHERE chain_seq IS NULL;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;

ALTER TABLE audit_events
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN entry_hash SET NOT NULL,
    ADD CONSTRAINT audit_events_chain_position_key UNIQUE (chain, chain_seq);

DROP TABLE audit_links;

CREATE FUNCTION audit_entry_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        e.chain_seq, e.previous_hash, e.id,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id,
        e.old_value, e.new_value, e.reason, e.request_id)::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.chain_seq := -NEW.id;
    NEW.previous_hash := '';
    NEW.entry_hash := '';
    RETURN NEW;
END $$;

CREATE TRIGGER audit_events_chained
    BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION chain_audit_event();

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
