DROP TABLE role_grants;
DROP TABLE email_sign_in_links;
DROP TABLE user_identities;
DROP TABLE identity_provider_institutions;
DROP TABLE identity_providers;
ALTER TABLE users DROP COLUMN session_epoch;
