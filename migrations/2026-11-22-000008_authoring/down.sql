DROP TRIGGER course_drafts_closed ON course_drafts;
DROP FUNCTION forbid_closed_draft_change();
DROP TABLE course_drafts;
