package org.hetao.estation.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.hetao.estation.calendar.MissingYear;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.casework.MatterPromise;
import org.hetao.estation.feedback.Satisfaction;
import org.hetao.estation.shared.Zone;
import org.springframework.stereotype.Service;

/** The supervision dashboard's figures over a period of days (both ends included, China time). */
@Service
public class Supervision {

	static final ZoneId ZONE = Zone.ID;

	public record Dashboard(LocalDate from, LocalDate to, LocalDate today, Figures.Row total,
			Map<Figures.Dimension, List<Figures.Row>> by, List<TaskRecord> overdue, List<TaskRecord> dueSoon,
			List<SupervisionStore.WindowFigure> windows, Map<Satisfaction.Dimension, List<Satisfaction.Figure>> satisfaction,
			Satisfaction.OpenRectifications rectifications, List<MissingYear> missingYears, Glance glance) {
	}

	/**
	 * What a supervisor reads first: the running work now, and the period's figures beside the period of the same
	 * length just before it.
	 *
	 * @param openNow items running now (not decided, withdrawn or refused acceptance)
	 * @param dueSoonNow running items due soon by the clock's rule (at most {@code dueSoonWorkingDays} working days
	 * left, or the item's own threshold), not overdue
	 * @param overdueNow running items past their deadline
	 * @param dueSoonWorkingDays the platform's "due soon" threshold
	 * @param previous the figures of the period before
	 * @param satisfaction all evaluations given in the period (null when none was)
	 * @param previousSatisfaction the same for the period before (null when none was)
	 * @param weeks the on-time rate of the last {@value #TREND_WEEKS} weeks ending on the period's last day, oldest first
	 * @param ratings per department, how many evaluations of each rating the period brought
	 */
	public record Glance(int openNow, int dueSoonNow, int overdueNow, int dueSoonWorkingDays, LocalDate previousFrom,
			LocalDate previousTo, Figures.Row previous, Satisfaction.Figure satisfaction,
			Satisfaction.Figure previousSatisfaction, List<Week> weeks, List<Satisfaction.Breakdown> ratings) {
	}

	/** One week of the trend: items decided in it, and the share of them decided on time (null when none was). */
	public record Week(LocalDate from, LocalDate to, int completed, Integer onTimePercent) {
	}

	/** Which running items a list shows. */
	public enum Show {
		OPEN, DUE_SOON, OVERDUE
	}

	/** How many weeks the on-time trend covers. */
	static final int TREND_WEEKS = 8;

	private final SupervisionStore store;

	private final Satisfaction satisfaction;

	private final WorkingCalendars calendars;

	private final Clock clock;

	Supervision(SupervisionStore store, Satisfaction satisfaction, WorkingCalendars calendars, Clock clock,
			MeterRegistry meters) {
		this.store = store;
		this.satisfaction = satisfaction;
		this.calendars = calendars;
		this.clock = clock;
		Gauge.builder("estation.tasks.overdue", this, s -> s.running(Show.OVERDUE, Integer.MAX_VALUE).size())
			.description("Running tasks past their promised deadline")
			.register(meters);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	public Dashboard dashboard(LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
		LocalDate today = today();
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		LocalDate previousFrom = from.minusDays(days);
		LocalDate previousTo = from.minusDays(1);
		LocalDate trendFrom = to.minusDays(TREND_WEEKS * 7L - 1);
		Instant previousStart = previousFrom.atStartOfDay(ZONE).toInstant();
		// one read serves the period, the period before and the trend: Figures counts only what falls in each
		List<TaskRecord> rows = store.touching(earliest(previousFrom, trendFrom).atStartOfDay(ZONE).toInstant(), end);
		// a group appears only if something happened to it in the period
		List<TaskRecord> inPeriod = rows.stream()
			.filter(r -> Figures.within(r.submittedAt(), start, end) || Figures.within(r.decidedAt(), start, end))
			.toList();
		Map<Figures.Dimension, List<Figures.Row>> by = new EnumMap<>(Figures.Dimension.class);
		for (Figures.Dimension d : Figures.Dimension.values()) {
			by.put(d, Figures.by(d, inPeriod, start, end, today, calendars));
		}
		List<TaskRecord> open = store.open();
		List<TaskRecord> overdue = open.stream().filter(t -> t.overdue(today, calendars)).toList();
		List<TaskRecord> dueSoon = open.stream().filter(t -> t.dueSoon(today, calendars)).toList();
		Map<Satisfaction.Dimension, List<Satisfaction.Figure>> sat = new EnumMap<>(Satisfaction.Dimension.class);
		for (Satisfaction.Dimension d : Satisfaction.Dimension.values()) {
			sat.put(d, satisfaction.by(d, start, end));
		}
		List<Week> weeks = new ArrayList<>();
		for (int w = TREND_WEEKS - 1; w >= 0; w--) {
			LocalDate weekTo = to.minusDays(7L * w);
			LocalDate weekFrom = weekTo.minusDays(6);
			Figures.Row row = Figures.total(rows, weekFrom.atStartOfDay(ZONE).toInstant(),
					weekTo.plusDays(1).atStartOfDay(ZONE).toInstant(), today, calendars);
			weeks.add(new Week(weekFrom, weekTo, row.completed(), row.onTimePercent()));
		}
		Glance glance = new Glance(open.size(), dueSoon.size(), overdue.size(), calendars.dueSoonWorkingDays(), previousFrom,
				previousTo, Figures.total(rows, previousStart, start, today, calendars), satisfaction.overall(start, end).orElse(null),
				satisfaction.overall(previousStart, start).orElse(null), List.copyOf(weeks),
				satisfaction.breakdown(Satisfaction.Dimension.DEPARTMENT, start, end));
		return new Dashboard(from, to, today, Figures.total(rows, start, end, today, calendars), by, overdue, dueSoon,
				store.windows(start, end), sat,
				satisfaction.openRectifications(today), calendars.missingYears(today), glance);
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/** Running items, the nearest deadline first (those without a deadline yet last), at most {@code limit}. */
	public List<TaskRecord> running(Show show, int limit) {
		LocalDate today = today();
		return store.open()
			.stream()
			.filter(t -> switch (show) {
				case OPEN -> true;
				case DUE_SOON -> t.dueSoon(today, calendars);
				case OVERDUE -> t.overdue(today, calendars);
			})
			.limit(limit)
			.toList();
	}

	/**
	 * The matters' promises: how many running matters are on track, at risk or past their promise now, and how many
	 * finished in the period kept or broke it; the running ones at risk or broken, the nearest promise first.
	 */
	public record Promises(int onTrack, int atRisk, int brokenRunning, int kept, int brokenFinished, List<PromiseRow> attention) {
	}

	/** One matter's promise and how it stands. */
	public record PromiseRow(String receiptNumber, LocalDate promised, boolean provisional, MatterPromise.Standing standing) {
	}

	public Promises promises(LocalDate from, LocalDate to) {
		LocalDate today = today();
		int onTrack = 0, atRisk = 0, brokenRunning = 0, kept = 0, brokenFinished = 0;
		List<PromiseRow> attention = new ArrayList<>();
		for (SupervisionStore.Promised p : store.promises(from.atStartOfDay(ZONE).toInstant())) {
			LocalDate finished = finishedOn(p.tasks());
			boolean overdue = p.tasks().stream().anyMatch(t -> t.overdue(today, calendars));
			MatterPromise.Standing standing = p.promise().standing(today, finished, overdue, calendars);
			if (finished != null) {
				if (!finished.isBefore(from) && !finished.isAfter(to)) {
					if (standing == MatterPromise.Standing.KEPT) {
						kept++;
					}
					else {
						brokenFinished++;
					}
				}
				continue;
			}
			switch (standing) {
				case ON_TRACK -> onTrack++;
				case AT_RISK -> atRisk++;
				default -> brokenRunning++;
			}
			if (standing != MatterPromise.Standing.ON_TRACK) {
				attention.add(new PromiseRow(p.receiptNumber(), p.promise().date(), p.promise().provisional(), standing));
			}
		}
		return new Promises(onTrack, atRisk, brokenRunning, kept, brokenFinished, List.copyOf(attention));
	}

	/** The day the last task was decided, once every task is decided or ended; {@code null} while one runs. */
	static LocalDate finishedOn(List<TaskRecord> tasks) {
		LocalDate last = null;
		for (TaskRecord t : tasks) {
			if (t.open()) {
				return null;
			}
			if (t.decidedAt() != null) {
				LocalDate day = t.decidedAt().atZone(ZONE).toLocalDate();
				last = last == null || day.isAfter(last) ? day : last;
			}
		}
		return last;
	}

	/** Whether a task is overdue today, by its own clock. */
	public boolean overdue(TaskRecord task) {
		return task.overdue(today(), calendars);
	}

	/** What supervision knows of one case's items, for the drill-down. */
	public List<TaskRecord> caseTasks(String receiptNumber) {
		return store.ofCase(receiptNumber);
	}

}
