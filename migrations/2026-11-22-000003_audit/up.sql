-- The audit trail: who did what to which record, when, with old and new value
-- and a reason. Rows are only ever inserted.

CREATE TABLE audit_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor_id     uuid REFERENCES users (id),
    -- Who acted when no user did: 'import', 'cli', 'system'.
    actor_label  text NOT NULL,
    action       text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
    entity_type  text NOT NULL,
    entity_id    text NOT NULL,
    old_value    jsonb,
    new_value    jsonb,
    reason       text,
    request_id   text
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);

CREATE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
