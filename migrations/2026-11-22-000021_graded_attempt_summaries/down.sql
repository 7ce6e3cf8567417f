DROP VIEW graded_attempt_summaries;
