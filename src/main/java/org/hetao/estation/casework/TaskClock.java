package org.hetao.estation.casework;

import java.time.LocalDate;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.shared.Jurisdiction;

/**
 * A task's promised time: the calendar module's {@link WorkingDayClock} once the task is accepted, and what
 * it will start with before. Every counting rule (working days, pauses, due soon, overdue, provisional) is
 * the {@link WorkingDayClock}'s; this only says when casework starts, pauses and resumes it. Immutable.
 *
 * @param dueSoonWorkingDays the catalogue item's own "due soon" before the clock starts ({@code null}: the
 * platform's); once started, the clock's
 * @param running the clock, {@code null} until the task is accepted
 */
public record TaskClock(Jurisdiction jurisdiction, int promisedDays, Integer dueSoonWorkingDays,
		WorkingDayClock running) {

	public static TaskClock notStarted(Jurisdiction jurisdiction, int promisedDays, Integer dueSoonWorkingDays) {
		return new TaskClock(jurisdiction, promisedDays, dueSoonWorkingDays, null);
	}

	public static TaskClock of(WorkingDayClock running) {
		return new TaskClock(running.jurisdiction(), running.promisedWorkingDays(), running.dueSoonWorkingDays(), running);
	}

	public boolean started() {
		return running != null;
	}

	public boolean paused() {
		return running != null && running.isPaused();
	}

	/** Starts the clock, or resumes it if it was paused; a running clock is unchanged. */
	public TaskClock run(LocalDate today, WorkingCalendars calendars) {
		if (running == null) {
			return of(calendars.startClock(jurisdiction, today, promisedDays, dueSoonWorkingDays));
		}
		return running.isPaused() ? of(running.resume(today)) : this;
	}

	/** Pauses a running clock; a clock not started or already paused is unchanged. */
	public TaskClock pause(LocalDate today) {
		return running == null || running.isPaused() ? this : of(running.pause(today));
	}

	/** A running clock given {@code workingDays} more (a lawful extension); see {@link WorkingDayClock#extend}. */
	public TaskClock extend(int workingDays) {
		if (running == null) {
			throw new IllegalStateException("A clock not started cannot be extended");
		}
		return of(running.extend(workingDays));
	}

	/**
	 * The promised deadline, moved by the working days paused before the clock last ran (a pause still open
	 * is counted once it ends); {@code null} before the clock starts.
	 */
	public WorkingCalendars.Deadline deadline(WorkingCalendars calendars) {
		return running == null ? null : running.deadline(calendars);
	}

	/** Where the clock stands on {@code today}; {@code null} before it starts. */
	public WorkingDayClock.Status at(LocalDate today, WorkingCalendars calendars) {
		return running == null ? null : running.status(today, calendars);
	}

	/** Working days used of the promised time by {@code today} (frozen while paused). */
	public int elapsed(LocalDate today, WorkingCalendars calendars) {
		return running == null ? 0 : running.status(today, calendars).elapsedWorkingDays();
	}

	/** Working days left, below 0 when overdue (by the working days used beyond the promise). */
	public int remaining(LocalDate today, WorkingCalendars calendars) {
		return promisedDays - elapsed(today, calendars);
	}

	/** On time, due soon or overdue, by the {@link WorkingDayClock}'s rules; {@code null} before the clock starts. */
	public DeadlineStatus status(LocalDate today, WorkingCalendars calendars) {
		return running == null ? null : DeadlineStatus.of(running.status(today, calendars).state());
	}

}
