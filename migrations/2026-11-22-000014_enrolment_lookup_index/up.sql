-- The lesson and course pages look up a person's latest enrolment in one
-- course. With only (user_id, requested_at) and (course_id, status) to go
-- by, PostgreSQL combined both and read every enrolment of the course:
-- 2,417 index entries for a popular course at 1,000,000 enrolments, a cost
-- that grew with the course (EXPLAIN ANALYZE in BENCHMARKS.md).
CREATE INDEX enrolments_user_course_idx ON enrolments (user_id, course_id, requested_at DESC);
