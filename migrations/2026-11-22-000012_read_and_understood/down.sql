DROP TRIGGER document_signatures_immutable ON document_signatures;
DROP FUNCTION forbid_signature_change();
DROP TABLE document_signatures;
DROP TABLE signature_challenges;
ALTER TABLE lessons DROP CONSTRAINT lessons_document_check, DROP COLUMN document_version, DROP COLUMN document_id;
