-- Grows the casework tables of a PostgreSQL database (already migrated by the application) by
-- 200,000 cases of five tasks each: 1,000,000 tasks, as the work-queue and "my applications"
-- queries meet them after a few years. Spread: 20 departments, 20,000 applicants, two years of
-- submissions, 90% of the tasks decided/delivered, the rest in the open statuses. Bench data only
-- (PostgreSQL syntax); receipt numbers start with 'GEN' so they never collide with real ones.
--   psql -h 127.0.0.1 -U postgres -d estation_search -f src/test/resources/casework/million-tasks.sql
\timing on
insert into casework_case (receipt_number, applicant_account_id, applicant_name, applicant_type, matter_code,
    channel, status, latest_deadline, output_mappings, submitted_by, idempotency_key, submitted_at, updated_at)
select 'GEN' || lpad(g::text, 12, '0'), 1000000 + (g % 20000), 'Applicant ' || (g % 20000), 'HK_ENTERPRISE',
       'HK-STARTUP-SETTLE', 'API', 'IN_PROGRESS', date '2026-12-31', '[]', 1000000 + (g % 20000),
       'gen-' || g, timestamp with time zone '2024-11-27 00:00:00+08' + (g * interval '315 second'),
       timestamp with time zone '2024-11-27 00:00:00+08' + (g * interval '315 second')
from generate_series(1, 200000) g;

insert into casework_task (case_id, position, item_code, department_code, depends_on, status, form_data,
    checked_materials, deficiencies, reason, outputs, delivery, jurisdiction, promised_days, clock_started_on,
    clock_paused_on, paused_days, deadline, deadline_provisional, version, updated_at)
select c.id, p, 'GEN-ITEM-' || p, 'dept-' || ((c.id * 7 + p) % 20), '',
       case when (c.id * 13 + p) % 100 < 90 then 'DELIVERED'
            when (c.id * 13 + p) % 100 < 94 then 'ACCEPTED'
            when (c.id * 13 + p) % 100 < 97 then 'UNDER_REVIEW'
            else 'SUBMITTED' end,
       '{}', '', '[]', null, '{}', null, 'SZ', 10, c.submitted_at::date, null, 0,
       c.submitted_at::date + 14, false, 0, c.submitted_at
from casework_case c cross join generate_series(0, 4) p
where c.receipt_number like 'GEN%';

analyze casework_case;
analyze casework_task;
