package org.hetao.estation.casework;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.shared.Jurisdiction;

/**
 * The matter's promise: one date by which the whole case will be decided.
 *
 * <p>It exists once the window has accepted the last task of the submission (every task that waits for no
 * other is accepted, or was refused acceptance or withdrawn). Over the items' dependency graph, each task
 * finishes by its planned deadline in its own jurisdiction's working days: a task already accepted by its
 * clock's deadline (the promise moved by the working days it was paused for the applicant's correction);
 * a task still waiting starts when the last task it depends on is due, and adds its promised working days.
 * The promise is the latest of those days, and the jurisdiction whose calendar gave it. It does not move
 * when the departments are late (then it is broken); only the applicant's corrections and a lawful extension
 * of a task's time limit move it.
 *
 * @param provisional a day on the way lies in a year whose official calendar is not loaded
 */
public record MatterPromise(LocalDate date, boolean provisional, Jurisdiction jurisdiction) {

	/** How a promise stands: running within it, at risk, kept or broken. */
	public enum Standing {
		ON_TRACK, AT_RISK, KEPT, BROKEN;

		public String messageKey() {
			return "casework.promise." + name();
		}
	}

	/**
	 * How the promise stands.
	 *
	 * @param finishedOn the day the last task was decided, {@code null} while a task is undecided
	 * @param anyTaskOverdue whether a running task is past its own deadline
	 */
	public Standing standing(LocalDate today, LocalDate finishedOn, boolean anyTaskOverdue, WorkingCalendars calendars) {
		if (finishedOn != null) {
			return finishedOn.isAfter(date) ? Standing.BROKEN : Standing.KEPT;
		}
		if (today.isAfter(date)) {
			return Standing.BROKEN;
		}
		// at risk as a task is "due soon": the platform's one rule, in the promise's jurisdiction
		boolean dueSoon = calendars.workingDaysBetween(jurisdiction, today, date) <= calendars.dueSoonWorkingDays();
		return anyTaskOverdue || dueSoon ? Standing.AT_RISK : Standing.ON_TRACK;
	}

	/** How the promise of a case with these tasks stands today. */
	public Standing standing(List<? extends TaskView> tasks, LocalDate today, WorkingCalendars calendars) {
		boolean overdue = tasks.stream()
			.anyMatch(t -> t.status().isUndecided() && t.clock().status(today, calendars) == DeadlineStatus.OVERDUE);
		return standing(today, finishedOn(tasks), overdue, calendars);
	}

	/** The promise of a case with these tasks; empty until the last task of the submission is accepted. */
	public static Optional<MatterPromise> of(List<? extends TaskView> tasks, WorkingCalendars calendars) {
		Map<String, TaskView> byItem = new HashMap<>();
		tasks.forEach(t -> byItem.put(t.itemCode(), t));
		boolean anyStarted = false;
		for (TaskView t : tasks) {
			if (!t.dependsOn().isEmpty() || ended(t)) {
				continue;
			}
			if (!t.clock().started()) {
				return Optional.empty();
			}
			anyStarted = true;
		}
		if (!anyStarted) {
			return Optional.empty();
		}
		Map<String, WorkingCalendars.Deadline> finish = new HashMap<>();
		MatterPromise latest = null;
		for (TaskView t : tasks) {
			WorkingCalendars.Deadline due = plannedFinish(t, byItem, finish, calendars, 0);
			if (due == null) {
				continue;
			}
			if (latest == null || due.date().isAfter(latest.date())) {
				latest = new MatterPromise(due.date(), false, t.clock().jurisdiction());
			}
		}
		if (latest == null) {
			return Optional.empty();
		}
		boolean provisional = finish.values().stream().anyMatch(WorkingCalendars.Deadline::provisional);
		return Optional.of(new MatterPromise(latest.date(), provisional, latest.jurisdiction()));
	}

	private static boolean ended(TaskView t) {
		return t.status() == TaskStatus.NOT_ACCEPTED || t.status() == TaskStatus.WITHDRAWN;
	}

	/** When the task is planned to be decided; {@code null} for a task that will not run. */
	private static WorkingCalendars.Deadline plannedFinish(TaskView t, Map<String, TaskView> byItem,
			Map<String, WorkingCalendars.Deadline> memo, WorkingCalendars calendars, int depth) {
		if (memo.containsKey(t.itemCode())) {
			return memo.get(t.itemCode());
		}
		if (ended(t) || depth > byItem.size()) {
			return null;
		}
		WorkingDayClock clock = t.clock().running();
		WorkingCalendars.Deadline due;
		if (clock != null && t.dependsOn().isEmpty()) {
			due = clock.deadline(calendars);
		}
		else {
			LocalDate start = null;
			boolean provisional = false;
			for (String code : t.dependsOn()) {
				TaskView before = byItem.get(code);
				WorkingCalendars.Deadline d = before == null ? null : plannedFinish(before, byItem, memo, calendars, depth + 1);
				if (d == null) {
					continue;
				}
				provisional |= d.provisional();
				start = start == null || d.date().isAfter(start) ? d.date() : start;
			}
			if (start == null) {
				return null;
			}
			// its own promise from the planned start, moved by its corrections once it runs
			int paused = clock == null ? 0 : closedPausedWorkingDays(clock, calendars);
			WorkingCalendars.Deadline own = calendars.addWorkingDays(t.clock().jurisdiction(), start,
					t.clock().promisedDays() + paused);
			due = new WorkingCalendars.Deadline(own.date(), own.provisional() || provisional);
		}
		memo.put(t.itemCode(), due);
		return due;
	}

	private static int closedPausedWorkingDays(WorkingDayClock clock, WorkingCalendars calendars) {
		return clock.pauses()
			.stream()
			.filter(p -> !p.open())
			.mapToInt(p -> calendars.workingDaysBetween(clock.jurisdiction(), p.from(), p.until()))
			.sum();
	}

	/** The day the last task was decided, when every task is decided or ended; else {@code null}. */
	public static LocalDate finishedOn(List<? extends TaskView> tasks) {
		LocalDate last = null;
		for (TaskView t : tasks) {
			if (t.status().isUndecided()) {
				return null;
			}
			if (ended(t)) {
				continue;
			}
			WorkingDayClock clock = t.clock().running();
			if (clock != null && clock.pausedSince() != null && (last == null || clock.pausedSince().isAfter(last))) {
				last = clock.pausedSince();
			}
		}
		return last;
	}

}
