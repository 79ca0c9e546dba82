package org.hetao.estation.notification;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels each applicant chose; without a choice: email and inbox, and SMS when there is a phone. */
@Repository
public class NotificationPreferences {

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationPreferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The preferences of these accounts, in one statement; an account that chose nothing gets every channel. */
	public Map<Long, NotificationPreference> of(Collection<Long> accountIds) {
		Map<Long, NotificationPreference> chosen = new HashMap<>();
		if (!accountIds.isEmpty()) {
			jdbc.sql("select account_id, email, sms, inbox from notification_preference where account_id in (:a)")
				.param("a", accountIds)
				.query(rs -> {
					chosen.put(rs.getLong(1), new NotificationPreference(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
				});
		}
		for (Long id : accountIds) {
			chosen.putIfAbsent(id, new NotificationPreference(true, true, true));
		}
		return chosen;
	}

	public NotificationPreference of(long accountId) {
		return jdbc.sql("select email, sms, inbox from notification_preference where account_id = :a")
			.param("a", accountId)
			.query((rs, i) -> new NotificationPreference(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional()
			.orElse(new NotificationPreference(true, true, true));
	}

	public void save(long accountId, NotificationPreference preference) {
		if (!preference.any()) {
			throw new IllegalArgumentException("at least one channel");
		}
		Instant now = clock.instant();
		UnaryOperator<JdbcClient.StatementSpec> values = statement -> statement.param("e", preference.email())
			.param("s", preference.sms())
			.param("i", preference.inbox())
			.param("t", ts(now))
			.param("a", accountId);
		int updated = values.apply(jdbc.sql(
				"update notification_preference set email = :e, sms = :s, inbox = :i, updated_at = :t where account_id = :a"))
			.update();
		if (updated == 0) {
			values.apply(jdbc.sql(
					"insert into notification_preference (account_id, email, sms, inbox, updated_at) values (:a, :e, :s, :i, :t)"))
				.update();
		}
	}

}
