-- A counter that moves on with every committed change to what catalogue
-- search and its filters show (courses, their versions and lessons, the
-- owning CoEs). A server keeps search results in memory under the counter's
-- value and reads the counter on each search, so a change is seen by the
-- next search on every server (catalog::cache). The counter is a row, not a
-- sequence: its new value becomes visible exactly when the change commits.
CREATE TABLE catalogue_generation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint NOT NULL
);
INSERT INTO catalogue_generation (singleton, generation) VALUES (true, 0);

CREATE FUNCTION advance_catalogue_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_generation SET generation = generation + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER courses_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON courses
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
CREATE TRIGGER course_versions_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course_versions
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
CREATE TRIGGER lessons_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lessons
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
CREATE TRIGGER coes_advance_catalogue_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coes
    FOR EACH STATEMENT EXECUTE FUNCTION advance_catalogue_generation();
