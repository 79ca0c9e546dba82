package org.hetao.estation.leisure;

/**
 * How long the queue at a land control point is, as the Hong Kong Immigration Department's open data gives it
 * (one level for arrivals, one for departures). The minutes are the feed's for Hong Kong residents (its
 * {@code CPQueueTimeR.json}); its visitors' version uses longer thresholds for the same codes.
 */
public enum QueueLevel {

	/** Code 0: generally under 15 minutes. */
	NORMAL(0),
	/** Code 1: generally under 30 minutes. */
	BUSY(1),
	/** Code 2: generally 30 minutes or more. */
	VERY_BUSY(2),
	/** Code 4: the Department's system is under maintenance (no figure). */
	MAINTENANCE(4),
	/** Code 99: outside the control point's service hours. */
	OUTSIDE_SERVICE_HOURS(99),
	/** A code the feed did not have when this was written, or no figure for the port. */
	UNKNOWN(-1);

	private final int feedCode;

	QueueLevel(int feedCode) {
		this.feedCode = feedCode;
	}

	/** The feed's number for this level ({@code -1} for {@link #UNKNOWN}). */
	public int feedCode() {
		return feedCode;
	}

	/** The level for the feed's number; {@link #UNKNOWN} for a number it does not know. */
	public static QueueLevel ofFeedCode(int code) {
		for (QueueLevel level : values()) {
			if (level != UNKNOWN && level.feedCode == code) {
				return level;
			}
		}
		return UNKNOWN;
	}

}
