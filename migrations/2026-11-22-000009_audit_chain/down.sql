DROP INDEX audit_events_action_idx;
DROP TRIGGER audit_events_chained ON audit_events;
DROP FUNCTION chain_audit_event();
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_chain_seq_key;
ALTER TABLE audit_events DROP COLUMN entry_hash, DROP COLUMN previous_hash, DROP COLUMN chain_seq;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
DROP FUNCTION audit_entry_hash(audit_events);
