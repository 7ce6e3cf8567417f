DROP TABLE api_tokens;
DROP TABLE job_role_assignments;
DROP TABLE job_role_courses;
DROP TABLE job_roles;
