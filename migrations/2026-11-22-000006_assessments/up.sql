-- Assessments: the questions of each published module (parsed from its
-- quiz.gift, immutable like the version they belong to), attempts and answers.

CREATE TABLE assessment_questions (
    id         uuid PRIMARY KEY,
    module_id  uuid NOT NULL REFERENCES course_modules (id),
    position   integer NOT NULL CHECK (position >= 1),
    category   text,
    title      text,
    -- The question as parsed (text, kind, answers, feedback): see assessment::gift.
    question   jsonb NOT NULL,
    gradable   boolean NOT NULL,
    UNIQUE (module_id, position)
);

CREATE FUNCTION forbid_assessment_question_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the questions of a published course version are immutable'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER assessment_questions_immutable
    BEFORE UPDATE OR DELETE ON assessment_questions
    FOR EACH ROW EXECUTE FUNCTION forbid_assessment_question_change();

CREATE TABLE assessment_attempts (
    id            uuid PRIMARY KEY,
    enrolment_id  uuid NOT NULL REFERENCES enrolments (id),
    module_id     uuid NOT NULL REFERENCES course_modules (id),
    number        integer NOT NULL CHECK (number >= 1),
    status        text NOT NULL CHECK (status IN ('in_progress', 'awaiting_review', 'graded')),
    question_ids  uuid[] NOT NULL CHECK (array_position(question_ids, NULL) IS NULL),
    started_at    timestamptz NOT NULL,
    -- Answers saved after this instant (plus the grace period) are refused.
    deadline_at   timestamptz,
    submitted_at  timestamptz,
    graded_at     timestamptz,
    score         double precision CHECK (score BETWEEN 0 AND 1),
    passed        boolean,
    UNIQUE (enrolment_id, module_id, number),
    CHECK ((status = 'in_progress') = (submitted_at IS NULL))
);
-- At most one attempt in progress per enrolment and assessment.
CREATE UNIQUE INDEX assessment_attempts_open_idx ON assessment_attempts (enrolment_id, module_id) WHERE status = 'in_progress';

CREATE TABLE attempt_answers (
    attempt_id   uuid NOT NULL REFERENCES assessment_attempts (id),
    question_id  uuid NOT NULL REFERENCES assessment_questions (id),
    answer       jsonb NOT NULL,
    saved_at     timestamptz NOT NULL DEFAULT now(),
    fraction     double precision CHECK (fraction BETWEEN 0 AND 1),
    feedback     jsonb,
    needs_review boolean NOT NULL DEFAULT false,
    reviewed_by  uuid REFERENCES users (id),
    reviewed_at  timestamptz,
    review_comment text,
    PRIMARY KEY (attempt_id, question_id)
);
