DROP TABLE attempt_answers;
DROP TABLE assessment_attempts;
DROP TABLE assessment_questions;
DROP FUNCTION forbid_assessment_question_change();
