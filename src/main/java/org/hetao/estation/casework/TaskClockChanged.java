package org.hetao.estation.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.shared.Jurisdiction;

/**
 * A task's clock changed: started at acceptance, paused for a correction, resumed on resubmission, extended
 * by the department within the legal limit, or stopped by the decision (or a withdrawal). Carries the whole clock, so a reader (supervision) rebuilds
 * the same {@link WorkingDayClock} and counts exactly what casework counts, in the task's jurisdiction.
 *
 * @param deadline the deadline as casework stores it after the change
 * @param elapsedWorkingDays working days of the promise used by the day of the change (the time taken,
 * when {@code change} is {@link Change#STOPPED})
 */
public record TaskClockChanged(long caseId, String receiptNumber, long taskId, String itemCode, String departmentCode,
		Change change, Jurisdiction jurisdiction, LocalDate started, int promisedWorkingDays, int dueSoonWorkingDays,
		List<WorkingDayClock.Pause> pauses, LocalDate deadline, boolean provisional, int elapsedWorkingDays,
		Instant at) {

	public enum Change {
		ACCEPTED, PAUSED, RESUMED, EXTENDED, STOPPED
	}

	public TaskClockChanged {
		pauses = List.copyOf(pauses);
	}

	/** The clock as casework holds it. */
	public WorkingDayClock clock() {
		return WorkingDayClock.restore(jurisdiction, started, promisedWorkingDays, pauses, dueSoonWorkingDays);
	}

	public static TaskClockChanged of(long caseId, String receiptNumber, long taskId, String itemCode, String departmentCode,
			Change change, WorkingDayClock clock, LocalDate today, WorkingCalendars calendars, Instant at) {
		WorkingCalendars.Deadline deadline = clock.deadline(calendars);
		return new TaskClockChanged(caseId, receiptNumber, taskId, itemCode, departmentCode, change, clock.jurisdiction(),
				clock.started(), clock.promisedWorkingDays(), clock.dueSoonWorkingDays(), clock.pauses(), deadline.date(),
				deadline.provisional(), clock.status(today, calendars).elapsedWorkingDays(), at);
	}

}
