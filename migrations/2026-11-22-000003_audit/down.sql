DROP TABLE audit_events;
DROP FUNCTION forbid_audit_change();
