-- Lock-out after repeated failed sign-ins, with a back-off that doubles with each further failure.
alter table account add column failed_attempts integer default 0 not null;
alter table account add column locked_until timestamp with time zone;
alter table account add column password_changed_at timestamp with time zone;
