-- Read and understood: a lesson can be a controlled document (an SOP) with
-- an id and a version. A learner acknowledges it with an electronic
-- signature: re-authenticated by a one-time code sent to their email, the
-- signature records who (identity), when, what it means, and the document
-- version it is bound to. Signatures are never changed or deleted.

ALTER TABLE lessons
    ADD COLUMN document_id      text CHECK (length(document_id) BETWEEN 1 AND 100),
    ADD COLUMN document_version text CHECK (length(document_version) BETWEEN 1 AND 50),
    ADD CONSTRAINT lessons_document_check CHECK ((document_id IS NULL) = (document_version IS NULL));

CREATE TABLE signature_challenges (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id),
    lesson_id  uuid NOT NULL REFERENCES lessons (id),
    code_hash  text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    attempts   integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    used_at    timestamptz
);
CREATE INDEX signature_challenges_user_idx ON signature_challenges (user_id, lesson_id, created_at DESC);

CREATE TABLE document_signatures (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES users (id),
    lesson_id        uuid NOT NULL REFERENCES lessons (id),
    document_id      text NOT NULL,
    document_version text NOT NULL,
    meaning          text NOT NULL CHECK (meaning = 'read and understood'),
    method           text NOT NULL CHECK (method = 'email_code'),
    signer_name      text NOT NULL,
    signer_email     text NOT NULL,
    signed_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, lesson_id)
);

CREATE FUNCTION forbid_signature_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'electronic signatures are records and cannot be changed or deleted'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER document_signatures_immutable
    BEFORE UPDATE OR DELETE ON document_signatures
    FOR EACH ROW EXECUTE FUNCTION forbid_signature_change();
