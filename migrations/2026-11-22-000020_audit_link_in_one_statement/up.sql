-- Linking an audit entry at commit (migration 18) cost a fifth of the
-- machine under a load of submitted attempts: three statements per entry
-- (the entry, the last linked entry, the update) and a call of the SQL
-- function audit_entry_hash, which PostgreSQL cannot inline (to_char is
-- only stable) and so plans again in every transaction. The link is now
-- one statement: the update reads the last linked entry itself and
-- computes the hash inline, in the same canonical form as
-- audit_entry_hash and `records verify`.
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
