package org.hetao.estation.notification;

import static org.hetao.estation.shared.Timestamps.ts;
import static org.hetao.estation.shared.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.hetao.estation.shared.OutboxTable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The notification table. Rows are inserted by whatever transaction causes them; the dispatcher claims due rows
 * with a conditional update ({@link OutboxTable}), so two nodes (or two runs) never send the same row.
 */
@Component
class Outbox {

	record NewMessage(Long accountId, NotificationChannel channel, String template, String language, String recipient,
			String recipientMasked, String subject, String body, String link, String subjectRef) {
	}

	private final JdbcClient jdbc;

	/** The e-mail address or phone number a message goes to is encrypted at rest (screens use the masked copy). */
	static final org.hetao.estation.shared.EncryptedColumn RECIPIENT = org.hetao.estation.shared.EncryptedColumn
		.value("notification", "recipient");

	private final org.hetao.estation.shared.PersonalDataCipher cipher;

	private final NamedParameterJdbcTemplate named;

	private final OutboxTable table;

	Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, org.hetao.estation.shared.PersonalDataCipher cipher) {
		this.named = named;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.table = new OutboxTable(jdbc, new OutboxTable.Spec("notification", "id", "",
				"status = 'SENT', sent_at = :now, last_error = null", NotificationStatus.FAILED.name()));
	}

	/** A row to write: the message, its first status and the time. */
	record Row(NewMessage message, NotificationStatus status, Instant now) {
	}

	/** Writes the rows in one batch. */
	void insertAll(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		SqlParameterSource[] params = rows.stream().map(r -> params(r.message(), r.status(), r.now()))
			.toArray(SqlParameterSource[]::new);
		named.batchUpdate(INSERT, params);
	}

	private MapSqlParameterSource params(NewMessage m, NotificationStatus status, Instant now) {
		return new MapSqlParameterSource().addValue("account", m.accountId())
			.addValue("channel", m.channel().name())
			.addValue("template", m.template())
			.addValue("language", m.language())
			.addValue("recipient", cipher.encrypt(m.recipient(), RECIPIENT.context()))
			.addValue("masked", m.recipientMasked())
			.addValue("subject", OutboxTable.abbreviate(m.subject(), 500))
			.addValue("body", m.body())
			.addValue("link", m.link())
			.addValue("status", status.name())
			.addValue("now", ts(now))
			.addValue("sent", status == NotificationStatus.SENT ? ts(now) : null)
			.addValue("ref", m.subjectRef());
	}

	private static final String INSERT = """
			insert into notification (account_id, channel, template, language, recipient, recipient_masked, subject,
			                          body, link, status, attempts, next_attempt_at, created_at, sent_at, subject_ref)
			values (:account, :channel, :template, :language, :recipient, :masked, :subject, :body, :link, :status, 0,
			        :now, :now, :sent, :ref)
			""";

	long insert(NewMessage m, NotificationStatus status, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(INSERT).paramSource(params(m, status, now)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Sends what is due with the outbox's claim-send-retry loop. */
	int dispatch(Supplier<Instant> clock, OutboxTable.Rounds rounds, OutboxTable.Sender<Notification> sender) {
		return table.dispatch(clock, rounds, SELECT, this::map, sender);
	}

	/** Staff send a failed (or stuck) message again: a fresh round of attempts from now. */
	boolean resend(long id, Instant now) {
		return jdbc.sql("""
				update notification set status = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_until = null
				where id = :id and status in ('FAILED', 'SENT') and channel <> 'INBOX'
				""")
			.param("now", ts(now))
			.param("id", id)
			.update() == 1;
	}

	Optional<Notification> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
	}

	List<Notification> latest(NotificationStatus status, NotificationChannel channel, int limit) {
		StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (status != null) {
			sql.append(" and status = ?");
			args.add(status.name());
		}
		if (channel != null) {
			sql.append(" and channel = ?");
			args.add(channel.name());
		}
		sql.append(" order by id desc fetch first ").append(limit).append(" rows only");
		return jdbc.sql(sql.toString()).params(args).query(this::map).list();
	}

	List<Notification> of(long accountId) {
		return jdbc.sql(SELECT + " where account_id = :a order by id").param("a", accountId).query(this::map).list();
	}

	List<Notification> inbox(long accountId, int limit) {
		return jdbc.sql(SELECT + " where account_id = :a and channel = 'INBOX' order by id desc fetch first " + limit + " rows only")
			.param("a", accountId)
			.query(this::map)
			.list();
	}

	int unread(long accountId) {
		return jdbc.sql("select count(*) from notification where account_id = :a and channel = 'INBOX' and read_at is null")
			.param("a", accountId)
			.query(Integer.class)
			.single();
	}

	boolean markRead(long id, long accountId, Instant now) {
		return jdbc.sql("update notification set read_at = coalesce(read_at, :now) where id = :id and account_id = :a and channel = 'INBOX'")
			.param("now", ts(now))
			.param("id", id)
			.param("a", accountId)
			.update() == 1;
	}

	int countFailed() {
		return jdbc.sql("select count(*) from notification where status = 'FAILED'").query(Integer.class).single();
	}

	private static final String SELECT = """
			select id, account_id, channel, template, language, recipient, recipient_masked, subject, body, link, status,
			       attempts, next_attempt_at, last_error, created_at, sent_at, read_at
			from notification""";

	private Notification map(ResultSet rs, int row) throws SQLException {
		long account = rs.getLong("account_id");
		return new Notification(rs.getLong("id"), rs.wasNull() ? null : account,
				NotificationChannel.valueOf(rs.getString("channel")), rs.getString("template"), rs.getString("language"),
				cipher.decrypt(rs.getString("recipient"), RECIPIENT.context()), rs.getString("recipient_masked"), rs.getString("subject"), rs.getString("body"),
				rs.getString("link"), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "sent_at"), instant(rs, "read_at"));
	}

}
