DROP TABLE course_equivalences;
DROP INDEX certificates_programme_once_idx;
ALTER TABLE certificates DROP CONSTRAINT certificates_programme_fk;
DROP TABLE programme_enrolments;
DROP TABLE programme_courses;
DROP TABLE programmes;
