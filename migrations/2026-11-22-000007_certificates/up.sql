-- Certificates: issued once per completion, in the transaction that records
-- the completion; immutable afterwards but for one revocation. Expiry is
-- data (expires_at), so "expired" is computed at read time everywhere.

CREATE TABLE certificates (
    id                    uuid PRIMARY KEY,
    -- 12 symbols of Crockford's base32 (no I, L, O, U), the last a check symbol.
    code                  text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
    kind                  text NOT NULL CHECK (kind IN ('course', 'programme')),
    user_id               uuid NOT NULL REFERENCES users (id),
    -- A course certificate records the completion it certifies; a programme
    -- certificate names its programme (the programme tables come later).
    enrolment_id          uuid UNIQUE REFERENCES enrolments (id),
    course_id             uuid REFERENCES courses (id),
    course_version_id     uuid REFERENCES course_versions (id),
    programme_id          uuid,
    coe_id                uuid NOT NULL REFERENCES coes (id),
    -- What the certificate says, as it was said when it was issued.
    learner_name          text NOT NULL CHECK (length(learner_name) BETWEEN 1 AND 300),
    title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    summary               text NOT NULL,
    coe_name              text NOT NULL,
    version_number        integer,
    credits               double precision CHECK (credits >= 0),
    credit_type           text CHECK (credit_type IN ('ects', 'cpd_hours')),
    completed_at          timestamptz NOT NULL,
    issued_at             timestamptz NOT NULL DEFAULT now(),
    expires_at            timestamptz,
    renews_certificate_id uuid REFERENCES certificates (id),
    revoked_at            timestamptz,
    revoked_by            uuid REFERENCES users (id),
    revocation_reason     text,
    CHECK (kind <> 'course' OR (enrolment_id IS NOT NULL AND course_id IS NOT NULL AND course_version_id IS NOT NULL)),
    CHECK (kind <> 'programme' OR programme_id IS NOT NULL),
    CHECK ((credits IS NULL) = (credit_type IS NULL)),
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CHECK (expires_at IS NULL OR expires_at > completed_at)
);
CREATE INDEX certificates_user_idx ON certificates (user_id, issued_at DESC);
CREATE INDEX certificates_course_idx ON certificates (course_id, user_id);
CREATE INDEX certificates_expiry_idx ON certificates (expires_at)
    WHERE revoked_at IS NULL AND expires_at IS NOT NULL;

-- A certificate never changes and is never deleted; the only change is a
-- single revocation (revoked_at, revoked_by, revocation_reason from NULL).
CREATE FUNCTION guard_certificate_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'certificate % is a training record and cannot be deleted', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'certificate % is revoked and cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (to_jsonb(NEW) - 'revoked_at' - 'revoked_by' - 'revocation_reason')
        IS DISTINCT FROM (to_jsonb(OLD) - 'revoked_at' - 'revoked_by' - 'revocation_reason') THEN
        RAISE EXCEPTION 'certificate % is immutable; only a revocation may be recorded', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER certificates_immutable
    BEFORE UPDATE OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION guard_certificate_change();

-- Expiry reminders queued (60, 30 and 7 days before): the primary key makes
-- each one happen once, whichever worker gets there first.
CREATE TABLE certificate_reminders (
    certificate_id uuid NOT NULL REFERENCES certificates (id),
    days_before    integer NOT NULL CHECK (days_before IN (60, 30, 7)),
    queued_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (certificate_id, days_before)
);

-- A version published as "requires retraining" assigns requalification to
-- the holders of certificates from older versions of the course.
CREATE TABLE requalifications (
    id                uuid PRIMARY KEY,
    certificate_id    uuid NOT NULL REFERENCES certificates (id),
    course_version_id uuid NOT NULL REFERENCES course_versions (id),
    reason            text NOT NULL,
    assigned_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (certificate_id, course_version_id)
);

-- A requalification enrolment names the certificate it renews.
ALTER TABLE enrolments ADD COLUMN renews_certificate_id uuid REFERENCES certificates (id);

-- The public parts of every credential signing key ever used, so that the
-- key set every instance publishes is the same and survives the loss of a
-- private key file (credentials it signed still verify).
CREATE TABLE credential_keys (
    kid        text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_-]{43}$'),
    x          text NOT NULL CHECK (x ~ '^[A-Za-z0-9_-]{43}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
