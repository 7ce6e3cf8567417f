-- Courses and their immutable versions: a version, once published, can be
-- neither changed nor deleted, and neither can its modules, lessons or
-- prerequisites. The database enforces this, not just the application.

CREATE TABLE courses (
    id                 uuid PRIMARY KEY,
    slug               text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    coe_id             uuid NOT NULL REFERENCES coes (id),
    -- 'files': managed from courses/ (the web editor refuses to edit it);
    -- 'web': authored in the browser (the file sync never touches it).
    source             text NOT NULL CHECK (source IN ('files', 'web')),
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    current_version_id uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    archived_at        timestamptz,
    CHECK ((status = 'archived') = (archived_at IS NOT NULL))
);
CREATE INDEX courses_coe_idx ON courses (coe_id);

CREATE TABLE course_versions (
    id                          uuid PRIMARY KEY,
    course_id                   uuid NOT NULL REFERENCES courses (id),
    version_number              integer NOT NULL CHECK (version_number >= 1),
    status                      text NOT NULL DEFAULT 'draft'
                                CHECK (status IN ('draft', 'in_review', 'published')),
    content_hash                text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    title                       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    summary                     text NOT NULL,
    description_markdown        text NOT NULL,
    description_html            text NOT NULL,
    audience                    text NOT NULL CHECK (audience IN ('public', 'scientists', 'clinicians',
                                                                  'gmp_staff', 'stakeholders')),
    level                       text NOT NULL CHECK (level IN ('introductory', 'intermediate', 'advanced')),
    language                    text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    credits                     double precision CHECK (credits >= 0),
    credit_type                 text CHECK (credit_type IN ('ects', 'cpd_hours')),
    tags                        text[] NOT NULL DEFAULT '{}' CHECK (array_position(tags, NULL) IS NULL),
    certificate                 boolean NOT NULL,
    certificate_validity_months integer CHECK (certificate_validity_months BETWEEN 1 AND 240),
    enrolment_method            text NOT NULL CHECK (enrolment_method IN ('open', 'approval')),
    requires_retraining         boolean NOT NULL DEFAULT false,
    change_note                 text,
    source_path                 text,
    search_text                 text NOT NULL,
    search_document             tsvector GENERATED ALWAYS AS
                                (to_tsvector('english', search_text) || to_tsvector('simple', search_text)) STORED,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    published_at                timestamptz,
    published_by                uuid REFERENCES users (id),
    UNIQUE (course_id, version_number),
    CHECK ((credits IS NULL) = (credit_type IS NULL)),
    CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX course_versions_search_idx ON course_versions USING gin (search_document);
CREATE INDEX course_versions_tags_idx ON course_versions USING gin (tags);
CREATE INDEX course_versions_course_hash_idx ON course_versions (course_id, content_hash);

ALTER TABLE courses ADD CONSTRAINT courses_current_version_fk
    FOREIGN KEY (current_version_id) REFERENCES course_versions (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE course_modules (
    id                uuid PRIMARY KEY,
    course_version_id uuid NOT NULL REFERENCES course_versions (id),
    position          integer NOT NULL CHECK (position >= 1),
    slug              text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    summary           text NOT NULL,
    -- Assessment settings and the GIFT question bank shipped with the module;
    -- the assessment engine builds its question banks from these.
    assessment        jsonb,
    quiz_gift         text,
    UNIQUE (course_version_id, position),
    UNIQUE (course_version_id, slug),
    CHECK ((assessment IS NULL) = (quiz_gift IS NULL))
);

CREATE TABLE lessons (
    id                uuid PRIMARY KEY,
    module_id         uuid NOT NULL REFERENCES course_modules (id),
    course_version_id uuid NOT NULL REFERENCES course_versions (id),
    position          integer NOT NULL CHECK (position >= 1),
    slug              text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    minutes           integer NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    required          boolean NOT NULL,
    body_markdown     text NOT NULL,
    body_html         text NOT NULL,
    UNIQUE (module_id, position),
    UNIQUE (module_id, slug)
);
CREATE INDEX lessons_version_idx ON lessons (course_version_id);

CREATE TABLE course_prerequisites (
    course_version_id  uuid NOT NULL REFERENCES course_versions (id),
    required_course_id uuid NOT NULL REFERENCES courses (id),
    PRIMARY KEY (course_version_id, required_course_id)
);

-- Immutability of published versions.
CREATE FUNCTION forbid_published_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'published' THEN
        RAISE EXCEPTION 'course version % is published and immutable', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER course_versions_immutable
    BEFORE UPDATE OR DELETE ON course_versions
    FOR EACH ROW EXECUTE FUNCTION forbid_published_version_change();

CREATE FUNCTION forbid_published_version_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    version_ids uuid[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        version_ids := ARRAY[OLD.course_version_id];
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        version_ids := array_append(version_ids, NEW.course_version_id);
    END IF;
    IF EXISTS (SELECT 1 FROM course_versions WHERE id = ANY (version_ids) AND status = 'published') THEN
        RAISE EXCEPTION 'the content of a published course version is immutable (table %)', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER course_modules_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON course_modules
    FOR EACH ROW EXECUTE FUNCTION forbid_published_version_content_change();
CREATE TRIGGER lessons_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON lessons
    FOR EACH ROW EXECUTE FUNCTION forbid_published_version_content_change();
CREATE TRIGGER course_prerequisites_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON course_prerequisites
    FOR EACH ROW EXECUTE FUNCTION forbid_published_version_content_change();
