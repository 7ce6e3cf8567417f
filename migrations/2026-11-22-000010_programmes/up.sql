-- Cross-CoE programmes (curricula) defined in courses/programmes.toml:
-- required and elective courses from several CoEs; learners enrol in a
-- programme and get a programme certificate when its rules are met.
-- Recognition: a network admin records that two courses are equivalent;
-- completing either satisfies a requirement naming the other.

CREATE TABLE programmes (
    id                 uuid PRIMARY KEY,
    slug               text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    coe_id             uuid NOT NULL REFERENCES coes (id),
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    summary            text NOT NULL,
    description_html   text NOT NULL,
    electives_required integer NOT NULL DEFAULT 0 CHECK (electives_required >= 0),
    certificate        boolean NOT NULL DEFAULT true,
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme_courses (
    programme_id uuid NOT NULL REFERENCES programmes (id),
    course_id    uuid NOT NULL REFERENCES courses (id),
    track        text NOT NULL CHECK (track IN ('required', 'elective')),
    position     integer NOT NULL CHECK (position >= 1),
    PRIMARY KEY (programme_id, course_id)
);

CREATE TABLE programme_enrolments (
    id             uuid PRIMARY KEY,
    programme_id   uuid NOT NULL REFERENCES programmes (id),
    user_id        uuid NOT NULL REFERENCES users (id),
    enrolled_at    timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    certificate_id uuid REFERENCES certificates (id),
    UNIQUE (programme_id, user_id)
);

ALTER TABLE certificates
    ADD CONSTRAINT certificates_programme_fk FOREIGN KEY (programme_id) REFERENCES programmes (id);
-- One programme certificate per person and programme.
CREATE UNIQUE INDEX certificates_programme_once_idx ON certificates (programme_id, user_id) WHERE programme_id IS NOT NULL;

-- Each pair once, smaller id first.
CREATE TABLE course_equivalences (
    course_a    uuid NOT NULL REFERENCES courses (id),
    course_b    uuid NOT NULL REFERENCES courses (id),
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    recorded_by uuid REFERENCES users (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_a, course_b),
    CHECK (course_a < course_b)
);
CREATE INDEX course_equivalences_b_idx ON course_equivalences (course_b);
