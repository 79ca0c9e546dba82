package org.hetao.estation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hetao.estation.shared.Jurisdiction;
import org.hetao.estation.shared.Zone;

/**
 * A case deadline in working days that can be paused while the applicant corrects their application
 * and resumed when they resubmit. Immutable: every transition returns a new clock.
 *
 * <pre>{@code
 * WorkingDayClock clock = WorkingDayClock.start(Jurisdiction.CN, acceptedOn, 5); // promised: 5 working days
 * clock = clock.pause(correctionRequestedOn);   // IllegalStateException if already paused
 * clock = clock.resume(resubmittedOn);          // IllegalStateException if not paused
 * WorkingDayClock.Status s = clock.status(today, workingCalendars);
 * s.deadline(); s.state(); s.elapsedWorkingDays(); s.remainingWorkingDays(); s.provisional();
 * }</pre>
 *
 * <p>Counting rules (all in the clock's jurisdiction's working days):
 * <ul>
 * <li>The start day does not count: the deadline is the n-th working day after it.</li>
 * <li>A pause from day P to day R stops the clock for the working days in (P, R]: the day the correction
 * is requested still counts, the day the applicant resubmits does not (like a new start). The deadline
 * moves later by those working days. While paused, the deadline shown already includes the working days
 * paused so far.</li>
 * <li>Elapsed = working days in (start, today] minus paused working days. Remaining = promised − elapsed
 * (never below 0).</li>
 * <li>State: {@link State#OVERDUE} once a day after the deadline is reached; otherwise
 * {@link State#DUE_SOON} when at most {@link #dueSoonWorkingDays()} working days remain (the platform's
 * {@code estation.calendar.due-soon-working-days}, or the catalogue item's {@code dueSoonWorkingDays});
 * otherwise {@link State#ON_TIME}. While paused, the state is frozen as it was on the day of the pause.</li>
 * <li>{@link Status#provisional()}: a day on the way lies in a year whose calendar is not loaded.</li>
 * </ul>
 * To store a clock, keep {@link #jurisdiction()}, {@link #started()}, {@link #promisedWorkingDays()} and
 * {@link #pauses()}, and rebuild it with {@link #restore}.
 */
public final class WorkingDayClock {

	

	/**
	 * Due soon when this many working days or fewer remain, unless configured otherwise
	 * ({@code estation.calendar.due-soon-working-days}) or set per catalogue item.
	 */
	public static final int DEFAULT_DUE_SOON_WORKING_DAYS = 2;

	public enum State {
		ON_TIME, DUE_SOON, OVERDUE
	}

	/**
	 * A pause of the clock.
	 *
	 * @param from the day the clock was paused (correction requested)
	 * @param until the day it was resumed, {@code null} while still paused
	 */
	public record Pause(LocalDate from, LocalDate until) {

		public Pause {
			Objects.requireNonNull(from, "from");
			if (until != null && until.isBefore(from)) {
				throw new IllegalArgumentException("A pause cannot end (" + until + ") before it starts (" + from + ")");
			}
		}

		public boolean open() {
			return until == null;
		}

	}

	/**
	 * Where a clock stands on a day.
	 *
	 * @param today the day asked about
	 * @param promisedWorkingDays the promised time
	 * @param elapsedWorkingDays working days used (may exceed the promise when overdue)
	 * @param remainingWorkingDays working days left, 0 when used up
	 * @param pausedWorkingDays working days the clock stood still, up to today
	 * @param deadline the last day to decide, extended by the paused working days
	 * @param state on time, due soon or overdue
	 * @param paused whether the clock is paused on that day
	 * @param provisional whether a day on the way was outside the loaded calendar years
	 */
	public record Status(LocalDate today, int promisedWorkingDays, int elapsedWorkingDays, int remainingWorkingDays,
			int pausedWorkingDays, LocalDate deadline, State state, boolean paused, boolean provisional) {

		/** Percentage of the promised time used (100 when nothing was promised). */
		public int percentUsed() {
			return promisedWorkingDays == 0 ? 100 : (int) Math.min(999, elapsedWorkingDays * 100L / promisedWorkingDays);
		}

	}

	private final Jurisdiction jurisdiction;

	private final LocalDate started;

	private final int promisedWorkingDays;

	private final List<Pause> pauses;

	private final int dueSoonWorkingDays;

	private WorkingDayClock(Jurisdiction jurisdiction, LocalDate started, int promisedWorkingDays, List<Pause> pauses,
			int dueSoonWorkingDays) {
		if (dueSoonWorkingDays < 0 || dueSoonWorkingDays > HolidayCalendar.MAX_WORKING_DAYS) {
			throw new IllegalArgumentException("due-soon working days must be 0.." + HolidayCalendar.MAX_WORKING_DAYS);
		}
		this.dueSoonWorkingDays = dueSoonWorkingDays;
		this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
		this.started = Objects.requireNonNull(started, "started");
		if (promisedWorkingDays < 0 || promisedWorkingDays > HolidayCalendar.MAX_WORKING_DAYS) {
			throw new IllegalArgumentException("promised working days must be 0.." + HolidayCalendar.MAX_WORKING_DAYS);
		}
		this.promisedWorkingDays = promisedWorkingDays;
		this.pauses = List.copyOf(pauses);
		LocalDate last = started;
		for (int i = 0; i < this.pauses.size(); i++) {
			Pause pause = this.pauses.get(i);
			if (pause.from().isBefore(last)) {
				throw new IllegalArgumentException("Pause from " + pause.from() + " is before " + last);
			}
			if (pause.open() && i < this.pauses.size() - 1) {
				throw new IllegalArgumentException("Only the last pause may be open");
			}
			last = pause.open() ? pause.from() : pause.until();
		}
	}

	/** A running clock from {@code startDate} (which does not count) promising {@code workingDays}. */
	public static WorkingDayClock start(Jurisdiction jurisdiction, LocalDate startDate, int workingDays) {
		return start(jurisdiction, startDate, workingDays, DEFAULT_DUE_SOON_WORKING_DAYS);
	}

	/** A running clock that is due soon when {@code dueSoonWorkingDays} or fewer working days remain. */
	public static WorkingDayClock start(Jurisdiction jurisdiction, LocalDate startDate, int workingDays,
			int dueSoonWorkingDays) {
		return new WorkingDayClock(jurisdiction, startDate, workingDays, List.of(), dueSoonWorkingDays);
	}

	/** A running clock from the day (in Shenzhen/Hong Kong time) of {@code startedAt}. */
	public static WorkingDayClock start(Jurisdiction jurisdiction, Instant startedAt, int workingDays) {
		return start(jurisdiction, LocalDate.ofInstant(startedAt, Zone.ID), workingDays);
	}

	/** A stored clock, as it was. */
	public static WorkingDayClock restore(Jurisdiction jurisdiction, LocalDate started, int workingDays,
			List<Pause> pauses) {
		return restore(jurisdiction, started, workingDays, pauses, DEFAULT_DUE_SOON_WORKING_DAYS);
	}

	/** A stored clock, as it was, with its due-soon threshold. */
	public static WorkingDayClock restore(Jurisdiction jurisdiction, LocalDate started, int workingDays,
			List<Pause> pauses, int dueSoonWorkingDays) {
		return new WorkingDayClock(jurisdiction, started, workingDays, pauses, dueSoonWorkingDays);
	}

	/**
	 * The clock paused on {@code date} (correction requested).
	 *
	 * @throws IllegalStateException when already paused
	 * @throws IllegalArgumentException when the date is before the start or the last resumption
	 */
	public WorkingDayClock pause(LocalDate date) {
		Objects.requireNonNull(date, "date");
		if (isPaused()) {
			throw new IllegalStateException("The clock is already paused since " + openPause().from());
		}
		List<Pause> next = new ArrayList<>(pauses);
		next.add(new Pause(date, null));
		return new WorkingDayClock(jurisdiction, started, promisedWorkingDays, next, dueSoonWorkingDays);
	}

	/** The clock paused on the day of {@code instant} (Shenzhen/Hong Kong time). */
	public WorkingDayClock pause(Instant instant) {
		return pause(LocalDate.ofInstant(instant, Zone.ID));
	}

	/**
	 * The clock running again from {@code date} (the applicant resubmitted).
	 *
	 * @throws IllegalStateException when not paused
	 * @throws IllegalArgumentException when the date is before the pause
	 */
	public WorkingDayClock resume(LocalDate date) {
		Objects.requireNonNull(date, "date");
		if (!isPaused()) {
			throw new IllegalStateException("The clock is not paused");
		}
		List<Pause> next = new ArrayList<>(pauses);
		next.set(next.size() - 1, new Pause(openPause().from(), date));
		return new WorkingDayClock(jurisdiction, started, promisedWorkingDays, next, dueSoonWorkingDays);
	}

	/**
	 * The clock with {@code workingDays} more promised (a lawful extension of the time limit, 延長期限): the
	 * deadline moves later by that many working days; pauses and the start stay as they were.
	 *
	 * @throws IllegalArgumentException when the days are not positive
	 */
	public WorkingDayClock extend(int workingDays) {
		if (workingDays <= 0) {
			throw new IllegalArgumentException("An extension adds at least one working day: " + workingDays);
		}
		return new WorkingDayClock(jurisdiction, started, promisedWorkingDays + workingDays, pauses, dueSoonWorkingDays);
	}

	/** The clock running again from the day of {@code instant} (Shenzhen/Hong Kong time). */
	public WorkingDayClock resume(Instant instant) {
		return resume(LocalDate.ofInstant(instant, Zone.ID));
	}

	public boolean isPaused() {
		return !pauses.isEmpty() && pauses.get(pauses.size() - 1).open();
	}

	/** Where the clock stands on {@code today}, by these calendars. */
	public Status status(LocalDate today, WorkingCalendars calendars) {
		Objects.requireNonNull(today, "today");
		int closedPaused = 0;
		int openPaused = 0;
		LocalDate pausedOn = null;
		boolean provisional = false;
		for (Pause pause : pauses) {
			LocalDate end = pause.open() || pause.until().isAfter(today) ? today : pause.until();
			int days = calendars.workingDaysBetween(jurisdiction, pause.from(), end);
			if (pause.open() || pause.until().isAfter(today)) {
				if (!today.isBefore(pause.from())) {
					openPaused += days;
					pausedOn = pause.from();
				}
			}
			else {
				closedPaused += days;
			}
		}
		int paused = closedPaused + openPaused;
		int elapsed = Math.max(0, calendars.workingDaysBetween(jurisdiction, started, today) - paused);
		WorkingCalendars.Deadline deadline = calendars.addWorkingDays(jurisdiction, started, promisedWorkingDays + paused);
		provisional |= deadline.provisional() || !calendars.coversAll(jurisdiction, started, today);
		State state;
		if (pausedOn != null) {
			LocalDate deadlineBeforePause = calendars.addWorkingDays(jurisdiction, started, promisedWorkingDays + closedPaused)
				.date();
			state = pausedOn.isAfter(deadlineBeforePause) ? State.OVERDUE : dueSoonOrOnTime(elapsed);
		}
		else {
			state = today.isAfter(deadline.date()) ? State.OVERDUE : dueSoonOrOnTime(elapsed);
		}
		return new Status(today, promisedWorkingDays, elapsed, Math.max(0, promisedWorkingDays - elapsed), paused,
				deadline.date(), state, pausedOn != null, provisional);
	}

	/**
	 * The deadline as it stands: the promise moved by the working days of the pauses that ended; a pause
	 * still open (a correction awaited, or the task decided) is not counted until it ends.
	 */
	public WorkingCalendars.Deadline deadline(WorkingCalendars calendars) {
		int closed = 0;
		for (Pause pause : pauses) {
			if (!pause.open()) {
				closed += calendars.workingDaysBetween(jurisdiction, pause.from(), pause.until());
			}
		}
		return calendars.addWorkingDays(jurisdiction, started, promisedWorkingDays + closed);
	}

	/** Where the clock stands at {@code now} (its day in Shenzhen/Hong Kong time). */
	public Status status(Instant now, WorkingCalendars calendars) {
		return status(LocalDate.ofInstant(now, Zone.ID), calendars);
	}

	private State dueSoonOrOnTime(int elapsed) {
		return promisedWorkingDays - elapsed <= dueSoonWorkingDays ? State.DUE_SOON : State.ON_TIME;
	}

	private Pause openPause() {
		return pauses.get(pauses.size() - 1);
	}

	public Jurisdiction jurisdiction() {
		return jurisdiction;
	}

	/** The day the clock started (it does not count). */
	public LocalDate started() {
		return started;
	}

	public int promisedWorkingDays() {
		return promisedWorkingDays;
	}

	/** Due soon when this many working days or fewer remain. */
	public int dueSoonWorkingDays() {
		return dueSoonWorkingDays;
	}

	/** The day the last pause began, if the clock is paused now (a correction requested, or the task decided). */
	public LocalDate pausedSince() {
		return isPaused() ? openPause().from() : null;
	}

	/** The pauses, oldest first; only the last may be open. */
	public List<Pause> pauses() {
		return pauses;
	}

	/** The pauses as stored text: {@code from/until} (until empty while open), separated by {@code ;}. */
	public static String formatPauses(List<Pause> pauses) {
		StringBuilder text = new StringBuilder();
		for (Pause pause : pauses) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append(pause.from()).append('/').append(pause.open() ? "" : pause.until().toString());
		}
		return text.toString();
	}

	/** The pauses from their stored text ({@link #formatPauses}); none for {@code null} or blank. */
	public static List<Pause> parsePauses(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Pause> pauses = new ArrayList<>();
		for (String part : text.split(";")) {
			int slash = part.indexOf('/');
			String until = part.substring(slash + 1);
			pauses.add(new Pause(LocalDate.parse(part.substring(0, slash)), until.isEmpty() ? null : LocalDate.parse(until)));
		}
		return List.copyOf(pauses);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WorkingDayClock c && c.jurisdiction == jurisdiction && c.started.equals(started)
				&& c.promisedWorkingDays == promisedWorkingDays && c.pauses.equals(pauses)
				&& c.dueSoonWorkingDays == dueSoonWorkingDays;
	}

	@Override
	public int hashCode() {
		return Objects.hash(jurisdiction, started, promisedWorkingDays, pauses, dueSoonWorkingDays);
	}

	@Override
	public String toString() {
		return "WorkingDayClock[" + jurisdiction + " from " + started + ", " + promisedWorkingDays + " working days"
				+ (pauses.isEmpty() ? "" : ", pauses " + pauses) + "]";
	}

}
