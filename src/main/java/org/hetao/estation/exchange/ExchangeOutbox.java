package org.hetao.estation.exchange;

import static org.hetao.estation.shared.Timestamps.ts;
import static org.hetao.estation.shared.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange outbox. Rows are inserted by the transaction that accepts a task; a dispatcher claims a due row
 * with a conditional update, so two nodes (or two runs) never send the same row at the same time.
 */
@Component
class ExchangeOutbox {

	record NewMessage(String departmentCode, long caseId, long taskId, String receiptNumber, String idempotencyKey,
			String payload) {
	}

	private final JdbcClient jdbc;

	ExchangeOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the message unless one with its idempotency key exists; true when written. */
	boolean insert(NewMessage m, Instant now) {
		boolean exists = jdbc.sql("select count(*) from exchange_outbox where idempotency_key = :k")
			.param("k", m.idempotencyKey())
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		jdbc.sql("""
				insert into exchange_outbox (department_code, case_id, task_id, receipt_number, idempotency_key, payload,
				                             status, attempts, next_attempt_at, created_at)
				values (:dep, :case, :task, :receipt, :key, :payload, 'PENDING', 0, :now, :now)
				""")
			.param("dep", m.departmentCode())
			.param("case", m.caseId())
			.param("task", m.taskId())
			.param("receipt", m.receiptNumber())
			.param("key", m.idempotencyKey())
			.param("payload", m.payload())
			.param("now", ts(now))
			.update();
		return true;
	}

	/** Due rows' ids: pending ones whose time came, and claims a dead dispatcher left behind. */
	List<Long> due(Instant now, int limit) {
		return jdbc.sql("""
				select id from exchange_outbox
				where (status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now)
				order by next_attempt_at, id fetch first""" + " " + limit + " rows only")
			.param("now", ts(now))
			.query(Long.class)
			.list();
	}

	/** Takes a row for one attempt; false when another dispatcher was faster. */
	boolean claim(long id, Instant now, Duration lease) {
		return jdbc.sql("""
				update exchange_outbox set status = 'SENDING', claimed_until = :until, attempts = attempts + 1,
				       last_attempt_at = :now
				where id = :id and ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now))
				""")
			.param("until", ts(now.plus(lease)))
			.param("id", id)
			.param("now", ts(now))
			.update() == 1;
	}

	void delivered(long id, Instant now) {
		jdbc.sql("""
				update exchange_outbox set status = 'DELIVERED', delivered_at = :now, claimed_until = null
				where id = :id and status = 'SENDING'""")
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	/** A failed attempt: pending again at {@code next}, or a dead letter when {@code next} is null. */
	void failed(long id, String error, Instant next) {
		jdbc.sql("""
				update exchange_outbox set status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
				       claimed_until = null, last_error = :error
				where id = :id and status = 'SENDING'
				""")
			.param("status", next == null ? DeliveryStatus.DEAD.name() : DeliveryStatus.PENDING.name())
			.param("next", ts(next))
			.param("error", abbreviate(error, 1000))
			.param("id", id)
			.update();
	}

	/** Staff redeliver a dead letter: a fresh round of attempts from now. */
	boolean redeliver(long id, Instant now) {
		return jdbc.sql("""
				update exchange_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_until = null
				where id = :id and status = 'DEAD'
				""")
			.param("now", ts(now))
			.param("id", id)
			.update() == 1;
	}

	Optional<ExchangeMessage> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ExchangeOutbox::map).optional();
	}

	List<ExchangeMessage> ofTask(long taskId) {
		return jdbc.sql(SELECT + " where task_id = :t order by id").param("t", taskId).query(ExchangeOutbox::map).list();
	}

	List<ExchangeMessage> withStatus(String departmentCode, DeliveryStatus status, int limit) {
		return jdbc.sql(SELECT + " where department_code = :d and status = :s order by id desc fetch first " + limit
				+ " rows only")
			.param("d", departmentCode)
			.param("s", status.name())
			.query(ExchangeOutbox::map)
			.list();
	}

	long count(String departmentCode, List<String> statuses) {
		return jdbc.sql("select count(*) from exchange_outbox where department_code = :d and status in (:s)")
			.param("d", departmentCode)
			.param("s", statuses)
			.query(Long.class)
			.single();
	}

	Optional<Instant> lastDelivered(String departmentCode) {
		return jdbc.sql("select max(delivered_at) from exchange_outbox where department_code = :d")
			.param("d", departmentCode)
			.query((rs, n) -> Optional.ofNullable(instant(rs, 1)))
			.single();
	}

	/** The latest failed attempt's error and time. */
	Optional<ExchangeMessage> lastFailure(String departmentCode) {
		return jdbc.sql(SELECT + """
				 where department_code = :d and last_error is not null
				order by last_attempt_at desc, id desc fetch first 1 rows only""")
			.param("d", departmentCode)
			.query(ExchangeOutbox::map)
			.optional();
	}

	static String abbreviate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	private static final String SELECT = """
			select id, department_code, case_id, task_id, receipt_number, idempotency_key, payload, status, attempts,
			       next_attempt_at, last_attempt_at, last_error, created_at, delivered_at
			from exchange_outbox""";

	private static ExchangeMessage map(ResultSet rs, int row) throws SQLException {
		return new ExchangeMessage(rs.getLong("id"), rs.getString("department_code"), rs.getLong("case_id"),
				rs.getLong("task_id"), rs.getString("receipt_number"), rs.getString("idempotency_key"),
				rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getString("last_error"),
				instant(rs, "created_at"), instant(rs, "delivered_at"));
	}

}
