-- Authoring in the browser: a course's next version is drafted as one
-- document (the same shape as a course folder in courses/, as JSON), goes
-- to review, and is published through the same code path as the file
-- import into an immutable course_versions row. Only web-authored courses
-- have drafts; the file sync refuses their slugs.

CREATE TABLE course_drafts (
    id                   uuid PRIMARY KEY,
    course_id            uuid NOT NULL REFERENCES courses (id),
    -- The published version this draft started from (none for a new course).
    base_version_id      uuid REFERENCES course_versions (id),
    content              jsonb NOT NULL,
    status               text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'discarded')),
    -- Optimistic locking: every save names the lock_version it read.
    lock_version         integer NOT NULL DEFAULT 1 CHECK (lock_version >= 1),
    created_by           uuid NOT NULL REFERENCES users (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_by           uuid NOT NULL REFERENCES users (id),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    -- Everyone who saved or submitted this draft: none of them may approve it.
    editors              uuid[] NOT NULL DEFAULT '{}' CHECK (array_position(editors, NULL) IS NULL),
    submitted_by         uuid REFERENCES users (id),
    submitted_at         timestamptz,
    reviewed_by          uuid REFERENCES users (id),
    reviewed_at          timestamptz,
    review_note          text,
    published_version_id uuid REFERENCES course_versions (id),
    CHECK ((status = 'in_review') <= (submitted_at IS NOT NULL)),
    CHECK ((status = 'published') = (published_version_id IS NOT NULL))
);
-- One open draft per course.
CREATE UNIQUE INDEX course_drafts_open_idx ON course_drafts (course_id) WHERE status IN ('draft', 'in_review');
CREATE INDEX course_drafts_course_idx ON course_drafts (course_id, created_at DESC);

-- A published or discarded draft is a record: it no longer changes.
CREATE FUNCTION forbid_closed_draft_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status IN ('published', 'discarded') THEN
        RAISE EXCEPTION 'course draft % is closed (%) and cannot change', OLD.id, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER course_drafts_closed
    BEFORE UPDATE OR DELETE ON course_drafts
    FOR EACH ROW EXECUTE FUNCTION forbid_closed_draft_change();

-- Files attached to lessons (PDFs, images): the bytes are stored once per
-- content hash in the data directory; a published lesson's attachments are
-- as immutable as the lesson.
CREATE TABLE lesson_attachments (
    lesson_id    uuid NOT NULL REFERENCES lessons (id),
    position     integer NOT NULL CHECK (position >= 1),
    file_name    text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    size_bytes   bigint NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    PRIMARY KEY (lesson_id, file_name),
    UNIQUE (lesson_id, position)
);

CREATE FUNCTION forbid_published_attachment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM lessons l JOIN course_versions v ON v.id = l.course_version_id
         WHERE l.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.lesson_id END,
                        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.lesson_id END)
           AND v.status = 'published') THEN
        RAISE EXCEPTION 'the content of a published course version is immutable (table lesson_attachments)'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER lesson_attachments_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON lesson_attachments
    FOR EACH ROW EXECUTE FUNCTION forbid_published_attachment_change();
