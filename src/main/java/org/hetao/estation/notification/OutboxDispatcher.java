package org.hetao.estation.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.hetao.estation.shared.OutboxTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox rows with the {@link OutboxTable} loop. Each row is claimed with a conditional update before it
 * is sent, so any number of nodes may run this; a row whose sender died is taken again when its claim expires. A
 * failed send is retried with exponential backoff ({@link RetryPolicy}) and ends FAILED for staff to resend.
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

	/** Rows claimed and read per round trip. */
	static final int BATCH = 200;

	/** A run stops taking new batches after this long (the scheduler's next run goes on). */
	static final Duration RUN_BUDGET = Duration.ofSeconds(8);

	/**
	 * Sends what is due now, in batches: the due rows are claimed in one statement and read in another,
	 * sent, and marked sent in one more; batches follow each other until nothing is due (or the run's time
	 * budget is spent), so the dispatcher keeps up with any rate of writing instead of 100 rows per run.
	 * Returns how many rows this run sent.
	 */
	public int dispatchDue() {
		return outbox.dispatch(clock::instant, new OutboxTable.Rounds(BATCH, BATCH, LEASE, RUN_BUDGET), sender);
	}

	private final OutboxTable.Sender<Notification> sender = new OutboxTable.Sender<>() {

		@Override
		public long id(Notification message) {
			return message.id();
		}

		@Override
		public void send(Notification message) throws Exception {
			ChannelSender channel = senders.get(message.channel());
			if (channel == null) {
				throw new IllegalStateException("no sender for " + message.channel());
			}
			channel.send(message);
			sentCounter.increment();
		}

		@Override
		public Instant failed(Notification message, String error, Instant now) {
			failureCounter.increment();
			log.warn("Notification #{} ({} to {}) attempt {} failed: {}", message.id(), message.channel(),
					message.recipientMasked(), message.attempts(), error);
			return retries.nextAttempt(message.attempts(), now);
		}

	};

}
