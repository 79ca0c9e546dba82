package org.hetao.estation.notification;

import static org.hetao.estation.shared.Timestamps.ts;

import java.time.Clock;

import org.hetao.estation.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default SMS "gateway": writes what would be sent to the log and to {@code notification_sms_log}, the
 * number masked, so that a demo shows it. A real gateway is another {@link SmsProvider} bean.
 */
class LogSmsProvider implements SmsProvider {

	private static final Logger log = LoggerFactory.getLogger(LogSmsProvider.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	LogSmsProvider(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void send(long notificationId, String phone, String text) {
		String masked = Masking.phone(phone);
		log.info("SMS #{} to {}: {}", notificationId, masked, text);
		jdbc.sql("insert into notification_sms_log (notification_id, phone_masked, body, sent_at) values (:n, :p, :b, :t)")
			.param("n", notificationId)
			.param("p", masked)
			.param("b", text)
			.param("t", ts(clock.instant()))
			.update();
	}

}
