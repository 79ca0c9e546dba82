package org.hetao.estation.exchange;

import static org.hetao.estation.shared.Timestamps.ts;
import static org.hetao.estation.shared.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.shared.OutboxTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange outbox. Rows are inserted by the transaction that accepts a task; a dispatcher claims a due row
 * with a conditional update ({@link OutboxTable}), so two nodes (or two runs) never send the same row at the same
 * time.
 */
@Component
class ExchangeOutbox {

	record NewMessage(String departmentCode, long caseId, long taskId, String receiptNumber, String idempotencyKey,
			String payload) {
	}

	private final JdbcClient jdbc;

	private final OutboxTable table;

	ExchangeOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new OutboxTable(jdbc, new OutboxTable.Spec("exchange_outbox", "next_attempt_at, id",
				", last_attempt_at = :now", "status = 'DELIVERED', delivered_at = :now", DeliveryStatus.DEAD.name()));
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

	/** Delivers what is due with the outbox's claim-send-retry loop. */
	int dispatch(Supplier<Instant> clock, OutboxTable.Rounds rounds, OutboxTable.Sender<ExchangeMessage> sender) {
		return table.dispatch(clock, rounds, SELECT, ExchangeOutbox::map, sender);
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
