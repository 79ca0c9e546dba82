package org.hetao.estation.casework;

import java.time.LocalDate;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.shared.Jurisdiction;

/**
 * A task's promised-time clock in working days of its jurisdiction: it starts when the task is accepted,
 * pauses while a correction is requested and resumes when the applicant resubmits. Immutable.
 *
 * @param startedOn the day of acceptance (that day does not count), {@code null} before
 * @param pausedOn the day the running clock was paused, {@code null} while it runs
 * @param pausedDays working days spent paused before now
 */
public record TaskClock(Jurisdiction jurisdiction, int promisedDays, LocalDate startedOn, LocalDate pausedOn,
		int pausedDays) {

	public static TaskClock notStarted(Jurisdiction jurisdiction, int promisedDays) {
		return new TaskClock(jurisdiction, promisedDays, null, null, 0);
	}

	public boolean started() {
		return startedOn != null;
	}

	public boolean paused() {
		return pausedOn != null;
	}

	/** Starts the clock, or resumes it if it was paused; a running clock is unchanged. */
	public TaskClock run(LocalDate today, WorkingCalendars calendars) {
		if (startedOn == null) {
			return new TaskClock(jurisdiction, promisedDays, today, null, 0);
		}
		if (pausedOn != null) {
			int spent = calendars.workingDaysBetween(jurisdiction, pausedOn, today);
			return new TaskClock(jurisdiction, promisedDays, startedOn, null, pausedDays + spent);
		}
		return this;
	}

	/** Pauses a running clock; a clock not started or already paused is unchanged. */
	public TaskClock pause(LocalDate today) {
		if (startedOn == null || pausedOn != null) {
			return this;
		}
		return new TaskClock(jurisdiction, promisedDays, startedOn, today, pausedDays);
	}

	/** The promised deadline, shifted by the paused working days; {@code null} before the clock starts. */
	public WorkingCalendars.Deadline deadline(WorkingCalendars calendars) {
		if (startedOn == null) {
			return null;
		}
		return calendars.addWorkingDays(jurisdiction, startedOn, promisedDays + pausedDays);
	}

	/** Working days used of the promised time by {@code today} (frozen while paused). */
	public int elapsed(LocalDate today, WorkingCalendars calendars) {
		if (startedOn == null) {
			return 0;
		}
		LocalDate upTo = pausedOn != null ? pausedOn : today;
		return Math.max(0, calendars.workingDaysBetween(jurisdiction, startedOn, upTo) - pausedDays);
	}

	public int remaining(LocalDate today, WorkingCalendars calendars) {
		return promisedDays - elapsed(today, calendars);
	}

	/** On time, due soon (80 % of the promised time used) or overdue; {@code null} before the clock starts. */
	public DeadlineStatus status(LocalDate today, WorkingCalendars calendars) {
		if (startedOn == null) {
			return null;
		}
		int elapsed = elapsed(today, calendars);
		if (elapsed > promisedDays) {
			return DeadlineStatus.OVERDUE;
		}
		if (promisedDays > 0 && elapsed * 5 >= promisedDays * 4) {
			return DeadlineStatus.DUE_SOON;
		}
		return DeadlineStatus.ON_TIME;
	}

}
