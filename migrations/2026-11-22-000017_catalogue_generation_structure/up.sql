-- Course pages and lesson pages are kept in memory under the catalogue's
-- generation too (catalog::cache), and they also show a version's modules,
-- the courses it requires and its lessons' attachments: changes to those
-- move the generation on as well.
CREATE TRIGGER course_modules_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course_modules
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
CREATE TRIGGER course_prerequisites_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course_prerequisites
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
CREATE TRIGGER lesson_attachments_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lesson_attachments
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
