-- A person's interface language becomes a choice they make (profile or
-- language switcher) rather than a default: NULL means "not chosen", and the
-- browser's Accept-Language decides. Before this migration no page could set
-- the column, so every stored 'en' is the old default, not a choice.
ALTER TABLE users ALTER COLUMN locale DROP NOT NULL;
ALTER TABLE users ALTER COLUMN locale DROP DEFAULT;
UPDATE users SET locale = NULL WHERE locale = 'en';
ALTER TABLE users ADD CONSTRAINT users_locale_offered
    CHECK (locale IS NULL OR locale IN ('en', 'de', 'fr', 'it'));
