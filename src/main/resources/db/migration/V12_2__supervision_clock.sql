-- #19 supervision follows casework's clock: each task's clock as casework holds it (jurisdiction, start,
-- pauses, due-soon threshold), updated on every TaskClockChanged, so due dates, overdue and time taken are
-- counted by the same WorkingDayClock in the task's own jurisdiction's working days.
alter table supervision_task add column jurisdiction varchar(2);
alter table supervision_task add column clock_started date;
alter table supervision_task add column clock_pauses varchar(2000);
alter table supervision_task add column due_soon_days integer;
alter table supervision_task add column deadline_provisional boolean default false not null;
