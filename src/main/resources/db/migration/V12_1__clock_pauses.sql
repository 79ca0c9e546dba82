-- #19 one working-day clock: a task's clock keeps its pauses (from/until, ';'-separated) so every module
-- counts them in the task's own jurisdiction's working days with the calendar module's WorkingDayClock,
-- and the "due soon" threshold it was started with (the item's, or estation.calendar.due-soon-working-days).
-- Rows written before keep paused_days; they are read as one pause after the start (CaseRepository.clock).
alter table casework_task add column clock_pauses varchar(2000);
alter table casework_task add column due_soon_days integer;
