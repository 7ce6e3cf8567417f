ALTER TABLE course_versions DROP COLUMN ranking_document;
