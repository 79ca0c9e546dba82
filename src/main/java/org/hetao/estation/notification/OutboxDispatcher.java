package org.hetao.estation.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox rows. Each row is claimed with a conditional update before it is sent, so any number of
 * nodes may run this; a row whose sender died is taken again when its claim expires. A failed send is retried
 * with exponential backoff ({@link RetryPolicy}) and ends FAILED for staff to resend.
 */
@Component
public class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final Duration LEASE = Duration.ofMinutes(5);

	private final Outbox outbox;

	private final Map<NotificationChannel, ChannelSender> senders = new EnumMap<>(NotificationChannel.class);

	private final RetryPolicy retries;

	private final Clock clock;

	private final Counter sentCounter;

	private final Counter failureCounter;

	OutboxDispatcher(Outbox outbox, List<ChannelSender> senders, RetryPolicy retries, Clock clock,
			MeterRegistry meters) {
		this.outbox = outbox;
		senders.forEach(s -> this.senders.put(s.channel(), s));
		this.retries = retries;
		this.clock = clock;
		this.sentCounter = Counter.builder("estation.notifications.sent").description("Notifications sent").register(meters);
		this.failureCounter = Counter.builder("estation.notifications.failures")
			.description("Failed attempts to send a notification")
			.register(meters);
		meters.gauge("estation.notifications.failed", outbox, o -> o.countFailed());
	}

	@Scheduled(fixedDelayString = "${estation.notification.dispatch-delay:PT10S}",
			initialDelayString = "${estation.notification.dispatch-delay:PT10S}")
	void scheduled() {
		dispatchDue();
	}

	/** Sends what is due now; returns how many rows this run sent. */
	public int dispatchDue() {
		int sent = 0;
		Instant now = clock.instant();
		for (long id : outbox.due(now, 100)) {
			if (!outbox.claim(id, now, LEASE)) {
				continue;
			}
			Notification message = outbox.find(id).orElseThrow();
			ChannelSender sender = senders.get(message.channel());
			try {
				if (sender == null) {
					throw new IllegalStateException("no sender for " + message.channel());
				}
				sender.send(message);
				outbox.sent(id, clock.instant());
				sentCounter.increment();
				sent++;
			}
			catch (Exception e) {
				failureCounter.increment();
				Instant next = retries.nextAttempt(message.attempts(), clock.instant());
				String error = e.getClass().getSimpleName() + ": " + e.getMessage();
				log.warn("Notification #{} ({} to {}) attempt {} failed: {}", id, message.channel(),
						message.recipientMasked(), message.attempts(), error);
				outbox.failed(id, error, next);
			}
		}
		return sent;
	}

}
