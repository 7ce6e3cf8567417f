-- An assessment's settings and question bank are kept in memory under the
-- catalogue's generation too (catalog::cache), so that starting, saving and
-- submitting an attempt read only the learner's own rows. Settings live on
-- course_modules, which already moves the generation on. Stored questions
-- never change, but a module can get its questions after it was published
-- (a version published before question rows existed gets them at the next
-- import): storing them must move the generation on as well.
CREATE TRIGGER assessment_questions_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_questions
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
