-- Catalogue search ranks by a compact, weighted vector of a version's title
-- (A) and summary (B). Matching still tests the full search document through
-- its GIN index; ranking that document unpacked every match's whole text
-- (17 kB a version) on every search, so search slowed as the catalogue grew.
ALTER TABLE course_versions ADD COLUMN ranking_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title) || to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('english', summary) || to_tsvector('simple', summary), 'B')
) STORED;
