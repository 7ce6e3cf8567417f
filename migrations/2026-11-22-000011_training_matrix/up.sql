-- The training matrix: a CoE's job roles, the courses each requires, and
-- who holds which role. The qualification API answers "is this person
-- qualified for role X?" for a CoE's systems, authenticated by API tokens
-- scoped to that CoE (only a hash of each token is kept).

CREATE TABLE job_roles (
    id         uuid PRIMARY KEY,
    coe_id     uuid NOT NULL REFERENCES coes (id),
    slug       text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (coe_id, slug)
);

CREATE TABLE job_role_courses (
    role_id   uuid NOT NULL REFERENCES job_roles (id),
    course_id uuid NOT NULL REFERENCES courses (id),
    PRIMARY KEY (role_id, course_id)
);

CREATE TABLE job_role_assignments (
    role_id     uuid NOT NULL REFERENCES job_roles (id),
    user_id     uuid NOT NULL REFERENCES users (id),
    assigned_at timestamptz NOT NULL DEFAULT now(),
    assigned_by uuid REFERENCES users (id),
    PRIMARY KEY (role_id, user_id)
);
CREATE INDEX job_role_assignments_user_idx ON job_role_assignments (user_id);

CREATE TABLE api_tokens (
    id         uuid PRIMARY KEY,
    coe_id     uuid NOT NULL REFERENCES coes (id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
