package org.hetao.estation.events;

import static org.hetao.estation.shared.Timestamps.ts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.hetao.estation.shared.EncryptedColumn;
import org.hetao.estation.shared.PersonalDataCipher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import tools.jackson.databind.ObjectMapper;

/** The {@code event_log} table: events written with their transaction, claimed, removed once applied. */
class EventLog {

	/** A stored event as claimed by a worker. */
	record Entry(long id, String type, String payload, int attempts) {
	}

	private final JdbcClient jdbc;

	/**
	 * The payload is encrypted like every other column with personal data: events carry what their handlers
	 * need, which can be a phone number (a queue ticket's SMS call) or a name.
	 */
	static final EncryptedColumn PAYLOAD = EncryptedColumn.value("event_log", "payload");

	private final ObjectMapper json;

	private final PersonalDataCipher cipher;

	private final JdbcTemplate batches;

	EventLog(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.json = json;
		this.cipher = cipher;
	}

	/** Writes the events in one batch, in their order; returns their ids in that order. */
	List<Long> append(List<?> events, Instant now) {
		List<String> payloads = events.stream()
			.map(event -> cipher.encrypt(json.writeValueAsString(event), PAYLOAD.context()))
			.toList();
		OffsetDateTime at = ts(now);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		batches.batchUpdate(connection -> connection.prepareStatement("""
				insert into event_log (event_type, payload, created_at, next_attempt_at)
				values (?, ?, ?, ?)""", new String[] { "id" }), new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				ps.setString(1, events.get(i).getClass().getName());
				ps.setString(2, payloads.get(i));
				ps.setObject(3, at);
				ps.setObject(4, at);
			}

			@Override
			public int getBatchSize() {
				return events.size();
			}
		}, keys);
		return keys.getKeyList().stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
	}

	/** These events, in the order written (the caller's own, so not locked). */
	List<Entry> byIds(List<Long> ids) {
		return jdbc.sql("select id, event_type, payload, attempts from event_log where id in (:ids) order by id")
			.param("ids", ids)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/**
	 * The oldest due events, locked for the caller's transaction; events another worker (this node's or
	 * another's) holds are passed over, not waited for.
	 */
	List<Entry> claim(Instant now, int limit) {
		return jdbc.sql("""
				select id, event_type, payload, attempts from event_log where next_attempt_at <= :now
				order by id fetch first %d rows only for update skip locked""".formatted(limit))
			.param("now", ts(now))
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	void remove(List<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("delete from event_log where id in (:ids)").param("ids", ids).update();
		}
	}

	void failed(long id, String error, Instant nextAttempt) {
		jdbc.sql("update event_log set attempts = attempts + 1, next_attempt_at = :next, last_error = :error where id = :id")
			.param("next", ts(nextAttempt))
			.param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
			.param("id", id)
			.update();
	}

	/** Events not applied yet (due or waiting for a retry). */
	long backlog() {
		return jdbc.sql("select count(*) from event_log").query(Long.class).single();
	}

	/** Events whose handlers failed at least once and are waiting for another attempt. */
	long failing() {
		return jdbc.sql("select count(*) from event_log where attempts > 0").query(Long.class).single();
	}

	Object read(Entry entry) {
		Class<?> type;
		try {
			type = Class.forName(entry.type(), false, EventLog.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException("Unknown event type " + entry.type(), e);
		}
		// only the platform's own event records are ever read back from the table
		if (!type.isRecord() || !type.getName().startsWith("org.hetao.estation.")) {
			throw new IllegalStateException("Not a module event: " + entry.type());
		}
		return json.readValue(cipher.decrypt(entry.payload(), PAYLOAD.context()), type);
	}

}
