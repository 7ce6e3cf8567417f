-- Identity and access: OpenID Connect providers and the institutions they
-- serve, the (issuer, subject) identities linked to users, single-use email
-- sign-in links (stored hashed), and scoped role grants with their history.

-- Bumped at sign-out: every session carries the epoch it began in, and a
-- session from an older epoch is over, wherever its cookie was copied to.
ALTER TABLE users ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;

CREATE TABLE identity_providers (
    id                 uuid PRIMARY KEY,
    slug               text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    display_name       text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    issuer_url         text NOT NULL CHECK (issuer_url ~ '^https?://'),
    client_id          text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
    -- Read from an environment variable or a file when configured; never shown again.
    client_secret      text NOT NULL,
    -- How a home institution is found: the `schac_home_organization` claim, or the email domain.
    institution_claim  text NOT NULL DEFAULT 'schac_home_organization'
                       CHECK (institution_claim IN ('schac_home_organization', 'email_domain')),
    enabled            boolean NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE identity_provider_institutions (
    provider_id    uuid NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
    institution_id uuid NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    PRIMARY KEY (provider_id, institution_id)
);
CREATE INDEX identity_provider_institutions_institution_idx ON identity_provider_institutions (institution_id);

CREATE TABLE user_identities (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id),
    provider_id  uuid NOT NULL REFERENCES identity_providers (id),
    issuer       text NOT NULL,
    subject      text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer, subject)
);
CREATE INDEX user_identities_user_idx ON user_identities (user_id);

CREATE TABLE email_sign_in_links (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,
    token_hash    text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    -- Hash of a random value kept in the requesting browser's cookie.
    browser_hash  text NOT NULL CHECK (browser_hash ~ '^[0-9a-f]{64}$'),
    client_ip     text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX email_sign_in_links_email_idx ON email_sign_in_links (lower(email), created_at);
CREATE INDEX email_sign_in_links_ip_idx ON email_sign_in_links (client_ip, created_at);

CREATE TABLE role_grants (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    role        text NOT NULL CHECK (role IN ('network_admin', 'coordinator', 'instructor', 'assessor', 'auditor')),
    coe_id      uuid REFERENCES coes (id),
    course_id   uuid REFERENCES courses (id),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    granted_by  uuid REFERENCES users (id),
    revoked_at  timestamptz,
    revoked_by  uuid REFERENCES users (id),
    -- A network admin has no scope; CoE roles name a CoE; an instructor may
    -- instead be scoped to one course.
    CHECK (
        (role = 'network_admin' AND coe_id IS NULL AND course_id IS NULL)
        OR (role IN ('coordinator', 'assessor', 'auditor') AND coe_id IS NOT NULL AND course_id IS NULL)
        OR (role = 'instructor' AND ((coe_id IS NOT NULL) <> (course_id IS NOT NULL)))
    )
);
-- One live grant per (user, role, scope).
CREATE UNIQUE INDEX role_grants_live_idx ON role_grants
    (user_id, role, coalesce(coe_id, '00000000-0000-0000-0000-000000000000'::uuid),
     coalesce(course_id, '00000000-0000-0000-0000-000000000000'::uuid))
    WHERE revoked_at IS NULL;
CREATE INDEX role_grants_user_idx ON role_grants (user_id) WHERE revoked_at IS NULL;
