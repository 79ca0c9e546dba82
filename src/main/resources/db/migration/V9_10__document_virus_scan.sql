-- The virus scan of each accepted document (clamd, when configured): CLEAN or NOT_SCANNED, and when.
-- Infected files are refused and never stored.
alter table document add column scan_status varchar(20) default 'NOT_SCANNED' not null;
alter table document add column scanned_at timestamp with time zone;
