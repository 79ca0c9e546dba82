package org.hetao.estation.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.hetao.estation.calendar.MissingYear;
import org.hetao.estation.calendar.WorkingCalendars;
import org.hetao.estation.feedback.Satisfaction;
import org.hetao.estation.shared.Jurisdiction;
import org.springframework.stereotype.Service;

/** The supervision dashboard's figures over a period of days (both ends included, China time). */
@Service
public class Supervision {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** How many working days ahead a running task counts as "due soon". */
	static final int DUE_SOON_WORKING_DAYS = 2;

	public record Dashboard(LocalDate from, LocalDate to, LocalDate today, Figures.Row total,
			Map<Figures.Dimension, List<Figures.Row>> by, List<TaskRecord> overdue, List<TaskRecord> dueSoon,
			List<SupervisionStore.WindowFigure> windows, Map<Satisfaction.Dimension, List<Satisfaction.Figure>> satisfaction,
			Satisfaction.OpenRectifications rectifications, List<MissingYear> missingYears) {
	}

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
		Gauge.builder("estation.tasks.overdue", this, s -> s.store.overdueCount(LocalDate.now(s.clock)))
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
		List<TaskRecord> rows = store.touching(start, end);
		Map<Figures.Dimension, List<Figures.Row>> by = new EnumMap<>(Figures.Dimension.class);
		for (Figures.Dimension d : Figures.Dimension.values()) {
			by.put(d, Figures.by(d, rows, start, end, today));
		}
		LocalDate soon = calendars.addWorkingDays(Jurisdiction.CN, today, DUE_SOON_WORKING_DAYS).date();
		List<TaskRecord> due = store.dueBy(soon);
		Map<Satisfaction.Dimension, List<Satisfaction.Figure>> sat = new EnumMap<>(Satisfaction.Dimension.class);
		for (Satisfaction.Dimension d : Satisfaction.Dimension.values()) {
			sat.put(d, satisfaction.by(d, start, end));
		}
		return new Dashboard(from, to, today, Figures.total(rows, start, end, today), by,
				due.stream().filter(t -> t.overdue(today)).toList(),
				due.stream().filter(t -> !t.overdue(today)).toList(), store.windows(start, end), sat,
				satisfaction.openRectifications(today), calendars.missingYears(today));
	}

	/** What supervision knows of one case's items, for the drill-down. */
	public List<TaskRecord> caseTasks(String receiptNumber) {
		return store.ofCase(receiptNumber);
	}

}
