-- What the result rules read of an enrolment's graded attempts at one
-- module's assessment, in one place: the attempt-by-attempt standing and
-- "My learning" (which reads it in the same statement as the enrolments
-- and their completed lessons) both select from this view. A filter on
-- enrolment_id or module_id is applied before the grouping.
CREATE VIEW graded_attempt_summaries AS
SELECT enrolment_id,
       module_id,
       coalesce(bool_or(passed), false) AS any_passed,
       (array_agg(passed ORDER BY number DESC))[1] AS last_passed,
       avg(score) AS average_score
FROM assessment_attempts
WHERE status = 'graded'
GROUP BY enrolment_id, module_id;
