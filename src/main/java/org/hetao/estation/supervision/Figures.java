package org.hetao.estation.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.calendar.WorkingCalendars;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboard's arithmetic, without Spring or SQL: figures over a period from the read model's rows. */
public final class Figures {

	public enum Dimension {
		DOMAIN, DEPARTMENT, ITEM, CHANNEL;

		Function<TaskRecord, String> key() {
			return switch (this) {
				case DOMAIN -> TaskRecord::domain;
				case DEPARTMENT -> TaskRecord::departmentCode;
				case ITEM -> TaskRecord::itemCode;
				case CHANNEL -> TaskRecord::channel;
			};
		}
	}

	/**
	 * One group's figures over a period.
	 *
	 * @param received items submitted in the period
	 * @param completed decided in the period
	 * @param overdue received in the period and now past the deadline undecided, or decided late
	 * @param onTimePercent decided on time among those decided in the period (null when none was)
	 * @param averageTakenDays working days of the promise used by the decision (the task's jurisdiction's, pauses
	 * for corrections excluded, as casework counts them), of those decided in the period
	 * @param averagePromisedDays the promised working days of the same
	 * @param correctionPercent received in the period that got at least one correction notice
	 */
	public record Row(String key, int received, int completed, int overdue, Integer onTimePercent,
			Double averageTakenDays, Double averagePromisedDays, Integer correctionPercent) {
	}

	private Figures() {
	}

	static boolean within(Instant t, Instant from, Instant to) {
		return t != null && !t.isBefore(from) && t.isBefore(to);
	}

	public static Row total(List<TaskRecord> rows, Instant from, Instant to, LocalDate today, WorkingCalendars calendars) {
		return row("*", rows, from, to, today, calendars);
	}

	public static List<Row> by(Dimension dimension, List<TaskRecord> rows, Instant from, Instant to, LocalDate today,
			WorkingCalendars calendars) {
		Map<String, List<TaskRecord>> groups = rows.stream()
			.filter(r -> dimension.key().apply(r) != null)
			.collect(Collectors.groupingBy(dimension.key().andThen(String::valueOf), TreeMap::new, Collectors.toList()));
		return groups.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), from, to, today, calendars)).toList();
	}

	static Row row(String key, List<TaskRecord> rows, Instant from, Instant to, LocalDate today,
			WorkingCalendars calendars) {
		List<TaskRecord> received = rows.stream().filter(r -> within(r.submittedAt(), from, to)).toList();
		List<TaskRecord> decided = rows.stream().filter(r -> within(r.decidedAt(), from, to)).toList();
		int overdue = (int) received.stream().filter(r -> r.overdue(today, calendars) || r.decidedLate()).count();
		Integer onTime = decided.isEmpty() ? null
				: Math.round(decided.stream().filter(r -> Boolean.TRUE.equals(r.onTime())).count() * 100f / decided.size());
		List<TaskRecord> timed = decided.stream().filter(r -> r.takenDays() != null && r.promisedDays() != null).toList();
		Double taken = timed.isEmpty() ? null : round(timed.stream().mapToInt(TaskRecord::takenDays).average().orElse(0));
		Double promised = timed.isEmpty() ? null
				: round(timed.stream().mapToInt(TaskRecord::promisedDays).average().orElse(0));
		Integer corrections = received.isEmpty() ? null
				: Math.round(received.stream().filter(r -> r.corrections() > 0).count() * 100f / received.size());
		return new Row(key, received.size(), decided.size(), overdue, onTime, taken, promised, corrections);
	}

	static double round(double d) {
		return Math.round(d * 10) / 10.0;
	}

}
