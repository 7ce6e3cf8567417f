-- Enrolment, progress, hands-on sessions and the email outbox.

-- Enrolment windows are part of a course version (from course.toml).
ALTER TABLE course_versions
    ADD COLUMN enrolment_opens_at  timestamptz,
    ADD COLUMN enrolment_closes_at timestamptz,
    ADD CONSTRAINT course_versions_window_check
        CHECK (enrolment_opens_at IS NULL OR enrolment_closes_at IS NULL OR enrolment_opens_at < enrolment_closes_at);

CREATE TABLE enrolments (
    id                 uuid PRIMARY KEY,
    user_id            uuid NOT NULL REFERENCES users (id),
    course_id          uuid NOT NULL REFERENCES courses (id),
    -- The version current when the learner enrolled: their syllabus.
    course_version_id  uuid NOT NULL REFERENCES course_versions (id),
    method             text NOT NULL CHECK (method IN ('self', 'approval', 'cohort')),
    status             text NOT NULL CHECK (status IN ('pending', 'active', 'completed', 'withdrawn', 'declined')),
    requested_at       timestamptz NOT NULL DEFAULT now(),
    decided_at         timestamptz,
    decided_by         uuid REFERENCES users (id),
    decision_reason    text,
    due_at             timestamptz,
    completed_at       timestamptz,
    withdrawn_at       timestamptz,
    withdrawn_by       uuid REFERENCES users (id),
    withdrawal_reason  text,
    last_lesson_id     uuid REFERENCES lessons (id),
    CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
-- One live enrolment per person and course; re-enrolment makes a new row.
CREATE UNIQUE INDEX enrolments_live_idx ON enrolments (user_id, course_id) WHERE status IN ('pending', 'active');
CREATE INDEX enrolments_user_idx ON enrolments (user_id, requested_at DESC);
CREATE INDEX enrolments_course_status_idx ON enrolments (course_id, status);

CREATE TABLE lesson_progress (
    enrolment_id uuid NOT NULL REFERENCES enrolments (id),
    lesson_id    uuid NOT NULL REFERENCES lessons (id),
    completed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (enrolment_id, lesson_id)
);

CREATE TABLE training_sessions (
    id          uuid PRIMARY KEY,
    course_id   uuid NOT NULL REFERENCES courses (id),
    coe_id      uuid NOT NULL REFERENCES coes (id),
    facility_id uuid REFERENCES facilities (id) ON DELETE SET NULL,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    location    text NOT NULL CHECK (length(location) BETWEEN 1 AND 300),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    seats       integer NOT NULL CHECK (seats BETWEEN 1 AND 1000),
    created_by  uuid REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz,
    CHECK (starts_at < ends_at)
);
CREATE INDEX training_sessions_course_idx ON training_sessions (course_id, starts_at);

CREATE TABLE session_bookings (
    id            uuid PRIMARY KEY,
    session_id    uuid NOT NULL REFERENCES training_sessions (id),
    user_id       uuid NOT NULL REFERENCES users (id),
    status        text NOT NULL CHECK (status IN ('booked', 'waitlisted', 'cancelled', 'attended', 'absent')),
    -- Arrival order: the waitlist is served first come, first served.
    requested_seq bigint GENERATED ALWAYS AS IDENTITY,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    promoted_at   timestamptz,
    cancelled_at  timestamptz,
    cancellation_reason text,
    attendance_marked_by uuid REFERENCES users (id),
    reminder_sent_at timestamptz
);
CREATE UNIQUE INDEX session_bookings_live_idx ON session_bookings (session_id, user_id) WHERE status IN ('booked', 'waitlisted');
CREATE INDEX session_bookings_session_idx ON session_bookings (session_id, status, requested_seq);

-- Outgoing email, written in the transaction that causes it; a worker
-- renders it from templates/email/<kind>.* and sends it. A claimed row is
-- leased (next_attempt_at moves ahead) so that no two workers send it.
CREATE TABLE email_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL,
    to_address      text NOT NULL,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    dead_at         timestamptz,
    last_error      text
);
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
