-- EXPLAIN ANALYZE of the hot queries of the benchmarked journeys, with
-- parameters drawn from the data set. Run against a generated database:
--   psql postgres://postgres@127.0.0.1:5432/atmp_bench_1000000 -f benches/explain.sql
-- (BENCHMARKS.md shows the output at 1,000,000 enrolments.)
\pset pager off
SELECT e.id AS enrolment, e.user_id AS learner, e.course_id AS course, e.course_version_id AS version
  FROM enrolments e WHERE e.status = 'active' ORDER BY e.id LIMIT 1 OFFSET 5000 \gset
SELECT code FROM certificates ORDER BY id LIMIT 1 OFFSET 1000 \gset

-- The signed-in person with their live roles, as `claimed_person_columns!`
-- reads them (PostgreSQL inlines the view, so the plans are the
-- application's).
CREATE TEMPORARY VIEW claimed_person AS
  SELECT u.id AS person_id, u.email AS person_email, u.display_name AS person_display_name,
         u.locale AS person_locale, u.session_epoch AS person_session_epoch,
         g.grant_roles, g.grant_coes, g.grant_courses
    FROM users u CROSS JOIN LATERAL (
         SELECT coalesce(array_agg(role ORDER BY granted_at, id), '{}') AS grant_roles,
                coalesce(array_agg(coe_id ORDER BY granted_at, id), '{}') AS grant_coes,
                coalesce(array_agg(course_id ORDER BY granted_at, id), '{}') AS grant_courses
           FROM role_grants WHERE user_id = u.id AND revoked_at IS NULL) g;

\echo '== session: the signed-in person with their live roles, one query (a signed-in request whose page does not read them in its own statement; the lesson, course and My learning pages do, below)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT * FROM claimed_person WHERE person_id = :'learner';

SELECT c.slug AS course_slug, m.slug AS module_slug, l.slug AS lesson_slug
  FROM courses c JOIN lessons l ON l.course_version_id = :'version'
  JOIN course_modules m ON m.id = l.module_id
 WHERE c.id = :'course' ORDER BY m.position, l.position LIMIT 1 \gset

\echo '== lesson page and course page: the person the session claims with their live roles (to confirm the session), the catalogue generation, the viewer''s latest enrolment, whether it completed the lesson, every lesson it completed and (course page) its graded attempts summed up per module, one prepared statement (the course''s content, its syllabus rendered and the version''s outline come from memory while the generation stands); the lesson page asks for no grades, a one-time filter'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT person.*, g.generation, e.id, e.status, e.course_version_id,
         EXISTS (SELECT 1 FROM lesson_progress p
                   JOIN lessons l ON l.id = p.lesson_id
                   JOIN course_modules m ON m.id = l.module_id
                  WHERE p.enrolment_id = e.id AND m.course_version_id = e.course_version_id
                    AND m.slug = :'module_slug' AND l.slug = :'lesson_slug') AS lesson_done,
         ARRAY(SELECT p.lesson_id FROM lesson_progress p
                WHERE p.enrolment_id = e.id) AS lessons_done,
         s.graded_modules, s.any_passed, s.last_passed, s.average_scores
    FROM catalogue_generation g
    LEFT JOIN LATERAL (SELECT * FROM claimed_person WHERE person_id = :'learner') person ON true
    LEFT JOIN LATERAL (
        SELECT * FROM enrolments
         WHERE user_id = :'learner'
           AND course_id = (SELECT id FROM courses WHERE slug = :'course_slug')
         ORDER BY requested_at DESC LIMIT 1) e ON true
   CROSS JOIN LATERAL (
         SELECT coalesce(array_agg(module_id), '{}') AS graded_modules,
                coalesce(array_agg(any_passed), '{}') AS any_passed,
                coalesce(array_agg(last_passed), '{}') AS last_passed,
                coalesce(array_agg(average_score), '{}') AS average_scores
           FROM graded_attempt_summaries WHERE enrolment_id = e.id AND true) s;

\echo '== mark complete, after recording: the generation, the lessons the enrolment completed and its graded attempts summed up per module, one prepared statement (progress is counted against the version''s outline kept in memory while the generation stands)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT g.generation,
         ARRAY(SELECT p.lesson_id FROM lesson_progress p WHERE p.enrolment_id = e.id) AS lessons_done,
         s.graded_modules, s.any_passed, s.last_passed, s.average_scores
    FROM catalogue_generation g
   CROSS JOIN (SELECT :'enrolment'::uuid AS id) e
   CROSS JOIN LATERAL (
         SELECT coalesce(array_agg(module_id), '{}') AS graded_modules,
                coalesce(array_agg(any_passed), '{}') AS any_passed,
                coalesce(array_agg(last_passed), '{}') AS last_passed,
                coalesce(array_agg(average_score), '{}') AS average_scores
           FROM graded_attempt_summaries WHERE enrolment_id = e.id) s;

\echo '== My learning: the person the session claims with their live roles, the generation and the person''s enrolments with their completed lessons and graded-attempt summaries, one prepared statement (the versions'' outlines come from memory)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT person.*, g.generation, e.*,
         ARRAY(SELECT p.lesson_id FROM lesson_progress p WHERE p.enrolment_id = e.id) AS lessons_done,
         s.graded_modules, s.any_passed, s.last_passed, s.average_scores
    FROM catalogue_generation g
    LEFT JOIN LATERAL (SELECT * FROM claimed_person WHERE person_id = :'learner') person ON true
    LEFT JOIN enrolments e ON e.user_id = :'learner'
   CROSS JOIN LATERAL (
         SELECT coalesce(array_agg(module_id), '{}') AS graded_modules,
                coalesce(array_agg(any_passed), '{}') AS any_passed,
                coalesce(array_agg(last_passed), '{}') AS last_passed,
                coalesce(array_agg(average_score), '{}') AS average_scores
           FROM graded_attempt_summaries WHERE enrolment_id = e.id) s
   ORDER BY e.requested_at DESC;

\echo '== lesson completion, when a version requires an assessment: the enrolment''s graded attempts summed up per module (the view graded_attempt_summaries; one row each, however many attempts), one scalar parameter so the prepared statement keeps a generic plan'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT enrolment_id, module_id, any_passed, last_passed, average_score
    FROM graded_attempt_summaries
   WHERE enrolment_id = :'enrolment';

\echo '== start an attempt (rolled back): the learner''s active enrolment locked with the module found, the generation and the person the session claims with their live roles, one statement'
SELECT a.id AS some_attempt, e.user_id AS attempt_owner, c.slug AS attempt_course,
       m.slug AS assessed_module
  FROM assessment_attempts a JOIN enrolments e ON e.id = a.enrolment_id
  JOIN courses c ON c.id = e.course_id JOIN course_modules m ON m.id = a.module_id
 WHERE e.status = 'active' ORDER BY a.id LIMIT 1 OFFSET 1000 \gset
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT person.*, g.generation, e.*, m.id AS module_id
    FROM enrolments e
   CROSS JOIN catalogue_generation g
    LEFT JOIN course_modules m
           ON m.course_version_id = e.course_version_id AND m.slug = :'assessed_module'
    LEFT JOIN LATERAL (SELECT * FROM claimed_person WHERE person_id = :'attempt_owner') person ON true
   WHERE e.user_id = :'attempt_owner'
     AND e.course_id = (SELECT id FROM courses WHERE slug = :'attempt_course')
     AND e.status = 'active'
   LIMIT 1 FOR UPDATE OF e;
ROLLBACK;

\echo '== submit an attempt (rolled back): the attempt locked with its enrolment if it is the learner''s, the generation and the person with their live roles, one statement'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT person.*, g.generation, a.*, c.slug AS course_slug
    FROM assessment_attempts a
    JOIN enrolments e ON e.id = a.enrolment_id
    JOIN courses c ON c.id = e.course_id
   CROSS JOIN catalogue_generation g
    LEFT JOIN LATERAL (SELECT * FROM claimed_person WHERE person_id = :'attempt_owner') person ON true
   WHERE a.id = :'some_attempt' AND e.user_id = :'attempt_owner'
   FOR UPDATE OF a, e;
ROLLBACK;

\echo '== start an attempt: the latest attempt only (the open one, the count and the last submission time)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT * FROM assessment_attempts
   WHERE enrolment_id = :'enrolment'
     AND module_id = (SELECT id FROM course_modules
                       WHERE course_version_id = :'version' AND assessment IS NOT NULL
                       ORDER BY position LIMIT 1)
   ORDER BY number DESC LIMIT 1;

\echo '== mark lesson complete (rolled back): the learner''s active enrolment locked with the lesson of its version found and the person the session claims with their live roles (to confirm the session), one statement; the completion and the last lesson recorded, one statement'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT person.*, e.*,
         (SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id
           WHERE l.course_version_id = e.course_version_id
             AND m.slug = :'module_slug' AND l.slug = :'lesson_slug' LIMIT 1) AS lesson_id
    FROM enrolments e
    LEFT JOIN LATERAL (SELECT * FROM claimed_person WHERE person_id = :'learner') person ON true
   WHERE e.user_id = :'learner'
     AND e.course_id = (SELECT id FROM courses WHERE slug = :'course_slug')
     AND e.status = 'active'
   LIMIT 1 FOR UPDATE OF e;
SELECT l.id AS first_lesson FROM lessons l JOIN course_modules m ON m.id = l.module_id
 WHERE l.course_version_id = :'version' ORDER BY m.position, l.position LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  WITH inserted AS (
       INSERT INTO lesson_progress (enrolment_id, lesson_id) VALUES (:'enrolment', :'first_lesson')
       ON CONFLICT DO NOTHING RETURNING 1)
  UPDATE enrolments SET last_lesson_id = :'first_lesson' WHERE id = :'enrolment'
  RETURNING (SELECT count(*) FROM inserted) AS inserted;
ROLLBACK;

\echo '== catalogue search: the first page for "gene" with the total, ranked by title and summary (index forced, as the service does; the app''s query also carries the unused filters as `$n IS NULL OR …` and the total minutes). A search the catalogue has not changed since is answered from memory after reading the generation.'
SELECT generation FROM catalogue_generation;
BEGIN READ ONLY;
SET LOCAL enable_seqscan = off;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
  SELECT c.slug, v.title,
         (SELECT count(*) FROM lessons l WHERE l.course_version_id = v.id) AS lesson_count,
         count(*) OVER () AS total_matches
    FROM courses c JOIN course_versions v ON v.id = c.current_version_id
    JOIN coes coe ON coe.id = c.coe_id
   WHERE c.status = 'active' AND v.search_document @@ websearch_to_tsquery('english', 'gene')
   ORDER BY ts_rank(v.ranking_document, websearch_to_tsquery('english', 'gene')) DESC, v.title
   LIMIT 20;
COMMIT;

\echo '== certificate verification'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM certificates WHERE code = :'code';
