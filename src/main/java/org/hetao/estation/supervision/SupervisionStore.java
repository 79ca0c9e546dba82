package org.hetao.estation.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The supervision read model's tables. */
@Component
class SupervisionStore {

	final JdbcClient jdbc;

	SupervisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String c) throws SQLException {
		OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
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
				bool(rs, "on_time"), integer(rs, "taken_days"), rs.getString("ended"));
	}

	static final String SELECT = """
			select case_id, receipt_number, item_code, task_id, department_code, domain, channel, submitted_at,
			       accepted_at, deadline, promised_days, corrections, decided_at, approved, on_time, taken_days, ended
			from supervision_task""";

	List<TaskRecord> touching(Instant from, Instant to) {
		return jdbc.sql(SELECT + " where (submitted_at >= :f and submitted_at < :t) or (decided_at >= :f and decided_at < :t)")
			.param("f", ts(from))
			.param("t", ts(to))
			.query(SupervisionStore::map)
			.list();
	}

	/** Running tasks whose deadline is on or before {@code until}, the most urgent first. */
	List<TaskRecord> dueBy(LocalDate until) {
		return jdbc.sql(SELECT + " where decided_at is null and ended is null and deadline is not null and deadline <= :u order by deadline, receipt_number")
			.param("u", until)
			.query(SupervisionStore::map)
			.list();
	}

	List<TaskRecord> ofCase(String receipt) {
		return jdbc.sql(SELECT + " where receipt_number = :r order by item_code").param("r", receipt).query(SupervisionStore::map).list();
	}

	/** Running items now: all of them, those due by {@code soon} (not yet overdue) and those overdue. */
	record Running(int open, int dueSoon, int overdue) {
	}

	Running running(LocalDate today, LocalDate soon) {
		return jdbc.sql("""
				select count(*),
				       coalesce(sum(case when deadline >= :today and deadline <= :soon then 1 else 0 end), 0),
				       coalesce(sum(case when deadline < :today then 1 else 0 end), 0)
				from supervision_task where decided_at is null and ended is null""")
			.param("today", today)
			.param("soon", soon)
			.query((rs, i) -> new Running(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	List<TaskRecord> running(Supervision.Show show, LocalDate today, LocalDate soon, int limit) {
		String which = switch (show) {
			case OPEN -> "";
			case DUE_SOON -> " and deadline >= :today and deadline <= :soon";
			case OVERDUE -> " and deadline < :today";
		};
		return jdbc.sql(SELECT + " where decided_at is null and ended is null" + which
				+ " order by case when deadline is null then 1 else 0 end, deadline, receipt_number, item_code fetch first :n rows only")
			.param("today", today)
			.param("soon", soon)
			.param("n", limit)
			.query(SupervisionStore::map)
			.list();
	}

	int overdueCount(LocalDate today) {
		return jdbc.sql("select count(*) from supervision_task where decided_at is null and ended is null and deadline < :d")
			.param("d", today)
			.query(Integer.class)
			.single();
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
