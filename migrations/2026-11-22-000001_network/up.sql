-- The network: Centres of Excellence, their facilities, institutions and users.

CREATE TABLE coes (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    city        text NOT NULL,
    country     char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    summary     text NOT NULL,
    expertise   text[] NOT NULL DEFAULT '{}' CHECK (array_position(expertise, NULL) IS NULL),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE facilities (
    id          uuid PRIMARY KEY,
    coe_id      uuid NOT NULL REFERENCES coes (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind        text NOT NULL CHECK (kind IN ('gmp_suite', 'vector_core', 'clinical_trial_unit',
                                              'laboratory', 'training_centre', 'other')),
    description text NOT NULL,
    UNIQUE (coe_id, name),
    UNIQUE (coe_id, position)
);

CREATE TABLE institutions (
    id            uuid PRIMARY KEY,
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    country       char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    kind          text NOT NULL CHECK (kind IN ('university', 'hospital', 'company', 'research_institute',
                                                'regulator', 'patient_organisation', 'other')),
    email_domains text[] NOT NULL DEFAULT '{}' CHECK (array_position(email_domains, NULL) IS NULL),
    -- The CoE this institution hosts, if any (a CoE is an institution too).
    coe_id        uuid UNIQUE REFERENCES coes (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institutions_email_domains_idx ON institutions USING gin (email_domains);

CREATE TABLE users (
    id              uuid PRIMARY KEY,
    email           text NOT NULL CHECK (position('@' IN email) > 1),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    institution_id  uuid REFERENCES institutions (id) ON DELETE SET NULL,
    locale          text NOT NULL DEFAULT 'en',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deletion_requested_at timestamptz
);
CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email));
