DROP TABLE course_prerequisites;
DROP TABLE lessons;
DROP TABLE course_modules;
ALTER TABLE courses DROP CONSTRAINT courses_current_version_fk;
DROP TABLE course_versions;
DROP TABLE courses;
DROP FUNCTION forbid_published_version_content_change();
DROP FUNCTION forbid_published_version_change();
