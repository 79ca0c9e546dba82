package org.hetao.estation.supervision;

import static org.hetao.estation.shared.Timestamps.ts;
import static org.hetao.estation.shared.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.calendar.WorkingDayClock;
import org.hetao.estation.casework.MatterPromise;
import org.hetao.estation.shared.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The supervision read model's tables. */
@Component
class SupervisionStore {

	final JdbcClient jdbc;

	SupervisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Integer integer(ResultSet rs, String c) throws SQLException {
		int v = rs.getInt(c);
		return rs.wasNull() ? null : v;
	}

	private static Boolean bool(ResultSet rs, String c) throws SQLException {
		boolean v = rs.getBoolean(c);
		return rs.wasNull() ? null : v;
	}

	static TaskRecord map(ResultSet rs, int row) throws SQLException {
		long task = rs.getLong("task_id");
		Long taskId = rs.wasNull() ? null : task;
		return new TaskRecord(rs.getLong("case_id"), rs.getString("receipt_number"), rs.getString("item_code"), taskId,
				rs.getString("department_code"), rs.getString("domain"), rs.getString("channel"),
				instant(rs, "submitted_at"), instant(rs, "accepted_at"), rs.getObject("deadline", LocalDate.class),
				integer(rs, "promised_days"), rs.getInt("corrections"), instant(rs, "decided_at"), bool(rs, "approved"),
				bool(rs, "on_time"), integer(rs, "taken_days"), rs.getString("ended"), clock(rs),
				rs.getBoolean("deadline_provisional"));
	}

	private static WorkingDayClock clock(ResultSet rs) throws SQLException {
		LocalDate started = rs.getObject("clock_started", LocalDate.class);
		String jurisdiction = rs.getString("jurisdiction");
		if (started == null || jurisdiction == null) {
			return null;
		}
		Integer dueSoon = integer(rs, "due_soon_days");
		return WorkingDayClock.restore(Jurisdiction.valueOf(jurisdiction), started, rs.getInt("promised_days"),
				WorkingDayClock.parsePauses(rs.getString("clock_pauses")),
				dueSoon == null ? WorkingDayClock.DEFAULT_DUE_SOON_WORKING_DAYS : dueSoon);
	}

	static final String SELECT = """
			select case_id, receipt_number, item_code, task_id, department_code, domain, channel, submitted_at,
			       accepted_at, deadline, promised_days, corrections, decided_at, approved, on_time, taken_days, ended,
			       jurisdiction, clock_started, clock_pauses, due_soon_days, deadline_provisional
			from supervision_task""";

	List<TaskRecord> touching(Instant from, Instant to) {
		return jdbc.sql(SELECT + " where (submitted_at >= :f and submitted_at < :t) or (decided_at >= :f and decided_at < :t)")
			.param("f", ts(from))
			.param("t", ts(to))
			.query(SupervisionStore::map)
			.list();
	}

	/** Running tasks (not decided nor ended), the nearest deadline first, those without one last. */
	List<TaskRecord> open() {
		return jdbc.sql(SELECT + " where decided_at is null and ended is null"
				+ " order by case when deadline is null then 1 else 0 end, deadline, receipt_number, item_code")
			.query(SupervisionStore::map)
			.list();
	}

	List<TaskRecord> ofCase(String receipt) {
		return jdbc.sql(SELECT + " where receipt_number = :r order by item_code").param("r", receipt).query(SupervisionStore::map).list();
	}

	/** A matter's promise with the tasks of its case. */
	record Promised(long caseId, String receiptNumber, MatterPromise promise, List<TaskRecord> tasks) {
	}

	/** Cases whose matter is still running, or had a task decided since {@code decidedSince}. */
	private static final String PROMISED_CASES = """
			select case_id from supervision_promise where case_id in (
			    select case_id from supervision_task where (decided_at is null and ended is null) or decided_at >= :since)""";

	/**
	 * The promises told of matters still running or with a decision since {@code decidedSince}, each with its case's
	 * tasks, in two statements.
	 */
	List<Promised> promises(Instant decidedSince) {
		record Row(long caseId, String receipt, MatterPromise promise) {
		}
		List<Row> rows = jdbc.sql("select case_id, receipt_number, promised_on, provisional, jurisdiction from supervision_promise"
				+ " where case_id in (" + PROMISED_CASES + ") order by promised_on, receipt_number")
			.param("since", ts(decidedSince))
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), new MatterPromise(rs.getObject(3, LocalDate.class),
					rs.getBoolean(4), Jurisdiction.valueOf(rs.getString(5)))))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		java.util.Map<Long, List<TaskRecord>> tasks = jdbc.sql(SELECT + " where case_id in (" + PROMISED_CASES + ")")
			.param("since", ts(decidedSince))
			.query(SupervisionStore::map)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(TaskRecord::caseId));
		return rows.stream().map(r -> new Promised(r.caseId(), r.receipt(), r.promise(), tasks.getOrDefault(r.caseId(), List.of()))).toList();
	}

	/** Counter services per window: how many and the average minutes at the window. */
	public record WindowFigure(String window, int served, Double averageServiceMinutes) {
	}

	List<WindowFigure> windows(Instant from, Instant to) {
		record T(String window, Instant started, Instant finished) {
		}
		List<T> rows = jdbc.sql("select window_number, service_started_at, finished_at from supervision_ticket where finished_at >= :f and finished_at < :t and window_number is not null")
			.param("f", ts(from))
			.param("t", ts(to))
			.query((rs, i) -> new T(rs.getString(1), instant(rs, "service_started_at"), instant(rs, "finished_at")))
			.list();
		return rows.stream().map(T::window).distinct().sorted().map(w -> {
			List<T> mine = rows.stream().filter(r -> r.window().equals(w)).toList();
			var timed = mine.stream().filter(r -> r.started() != null).toList();
			Double avg = timed.isEmpty() ? null
					: Figures.round(timed.stream()
						.mapToLong(r -> java.time.Duration.between(r.started(), r.finished()).toSeconds())
						.average()
						.orElse(0) / 60.0);
			return new WindowFigure(w, mine.size(), avg);
		}).toList();
	}

}
