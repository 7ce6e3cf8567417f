DROP TRIGGER lesson_attachments_immutable ON lesson_attachments;
DROP FUNCTION forbid_published_attachment_change();
DROP TABLE lesson_attachments;
DROP TRIGGER course_drafts_closed ON course_drafts;
DROP FUNCTION forbid_closed_draft_change();
DROP TABLE course_drafts;
