DROP TABLE credential_keys;
ALTER TABLE enrolments DROP COLUMN renews_certificate_id;
DROP TABLE requalifications;
DROP TABLE certificate_reminders;
DROP TRIGGER certificates_immutable ON certificates;
DROP FUNCTION guard_certificate_change();
DROP TABLE certificates;
