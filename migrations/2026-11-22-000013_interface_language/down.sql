ALTER TABLE users DROP CONSTRAINT users_locale_offered;
UPDATE users SET locale = 'en' WHERE locale IS NULL;
ALTER TABLE users ALTER COLUMN locale SET DEFAULT 'en';
ALTER TABLE users ALTER COLUMN locale SET NOT NULL;
