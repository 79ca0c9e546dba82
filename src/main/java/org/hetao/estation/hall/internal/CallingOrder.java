package org.hetao.estation.hall.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which waiting ticket a window calls next. Appointment holders (V) whose slot is running come first,
 * earliest slot first; then priority tickets (elderly, disabled, pregnant); then everyone else, first
 * come first served. An appointment holder who arrives before or after their slot waits like everyone
 * else. Ties keep the order of issue.
 */
public final class CallingOrder {

	/** A ticket as the calling rule sees it; {@code slotStart}/{@code slotEnd} only for appointment holders. */
	public record Candidate(long id, String category, boolean priority, Instant issuedAt, Instant slotStart,
			Instant slotEnd) {

		boolean inSlot(Instant now) {
			return slotStart != null && slotEnd != null && !now.isBefore(slotStart) && now.isBefore(slotEnd);
		}

	}

	private CallingOrder() {
	}

	/** The candidates in the order they should be called at {@code now}. */
	public static List<Candidate> order(List<Candidate> candidates, Instant now) {
		Comparator<Candidate> byRank = Comparator.comparingInt(c -> rank(c, now));
		Comparator<Candidate> bySlot = Comparator.comparing(c -> c.inSlot(now) ? c.slotStart() : Instant.MIN);
		return candidates.stream()
			.sorted(byRank.thenComparing(bySlot)
				.thenComparing(Candidate::issuedAt)
				.thenComparingLong(Candidate::id))
			.toList();
	}

	private static int rank(Candidate c, Instant now) {
		if (c.inSlot(now)) {
			return 0;
		}
		return c.priority() ? 1 : 2;
	}

}
