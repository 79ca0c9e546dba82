package org.hetao.estation.leisure;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The last good reading of the land ports' queue levels. It is refreshed on a schedule, never on a page's
 * request: asking is instant, and a reading may be old (see {@link Reading#updatedAt()}).
 */
public interface PortQueues {

	/** The queue levels at one control point. */
	record Queue(QueueLevel arrival, QueueLevel departure) {

		public static final Queue UNKNOWN = new Queue(QueueLevel.UNKNOWN, QueueLevel.UNKNOWN);

	}

	/**
	 * A reading.
	 *
	 * @param byFeedCode queue levels by the feed's control point code (e.g. {@code LSC})
	 * @param updatedAt when this reading was taken (fetched, or the sample read)
	 * @param sample whether it is the shipped sample rather than the live feed
	 * @param lastAttemptAt when the feed was last asked, successfully or not
	 * @param lastAttemptFailed whether that last attempt failed (the reading is then older than it)
	 */
	record Reading(Map<String, Queue> byFeedCode, Instant updatedAt, boolean sample, Instant lastAttemptAt,
			boolean lastAttemptFailed) {

		public Reading {
			byFeedCode = Map.copyOf(byFeedCode);
		}

		public Queue queue(String feedCode) {
			return byFeedCode.getOrDefault(feedCode, Queue.UNKNOWN);
		}

	}

	/** The last good reading; empty until the first one arrived. */
	Optional<Reading> current();

	/** Whether a reading is older than the configured threshold at {@code now}. */
	boolean isStale(Reading reading, Instant now);

}
