DROP TRIGGER coes_advance_catalogue_generation ON coes;
DROP TRIGGER lessons_advance_catalogue_generation ON lessons;
DROP TRIGGER course_versions_advance_catalogue_generation ON course_versions;
DROP TRIGGER courses_advance_catalogue_generation ON courses;
DROP FUNCTION advance_catalogue_generation();
DROP TABLE catalogue_generation;
