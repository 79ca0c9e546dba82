package org.hetao.estation.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;

/**
 * One item of a submitted case as supervision sees it.
 *
 * @param clock the task's clock as casework last told it ({@code null} before acceptance, and for rows
 * recorded before supervision followed the clock: those are judged by their stored deadline)
 * @param takenDays working days used of the promise when decided, in the task's jurisdiction, pauses excluded
 */
public record TaskRecord(long caseId, String receiptNumber, String itemCode, Long taskId, String departmentCode,
		String domain, String channel, Instant submittedAt, Instant acceptedAt, LocalDate deadline,
		Integer promisedDays, int corrections, Instant decidedAt, Boolean approved, Boolean onTime, Integer takenDays,
		String ended, WorkingDayClock clock, boolean deadlineProvisional) {

	/** Still running: not decided, not ended otherwise. */
	public boolean open() {
		return decidedAt == null && ended == null;
	}

	/** Where the task's clock stands today, by the same rules as casework's; {@code null} without a clock. */
	public WorkingDayClock.Status status(LocalDate today, WorkingCalendars calendars) {
		return clock == null ? null : clock.status(today, calendars);
	}

	public boolean overdue(LocalDate today, WorkingCalendars calendars) {
		if (!open()) {
			return false;
		}
		if (clock == null) {
			return deadline != null && today.isAfter(deadline);
		}
		return clock.status(today, calendars).state() == WorkingDayClock.State.OVERDUE;
	}

	/** Running, not overdue, and within the "due soon" working days of its deadline. */
	public boolean dueSoon(LocalDate today, WorkingCalendars calendars) {
		return open() && clock != null && clock.status(today, calendars).state() == WorkingDayClock.State.DUE_SOON;
	}

	/** Waiting for the applicant's correction: the clock stands still. */
	public boolean paused() {
		return open() && clock != null && clock.isPaused();
	}

	public boolean decidedLate() {
		return decidedAt != null && Boolean.FALSE.equals(onTime);
	}

}
