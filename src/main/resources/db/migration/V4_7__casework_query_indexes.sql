-- Indexes for the casework lists at a million tasks (EXPLAIN ANALYZE before/after in the README):
-- the window's in-tray walks cases oldest first and stops at 100 (ix_case_submitted) instead of sorting
-- them all; "my applications" reads an applicant's newest cases from the index in order, without a sort;
-- the officer's work queue finds a department's open tasks with their case ids in the index alone.
create index ix_case_submitted on casework_case (submitted_at, id);

create index ix_case_applicant_submitted on casework_case (applicant_account_id, submitted_at, id);

drop index ix_case_applicant;

create index ix_task_department_status_case on casework_task (department_code, status, case_id);

drop index ix_task_department_status;
