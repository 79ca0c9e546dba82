package org.hetao.estation.hall.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Repeated no-shows block online booking: {@code limit} missed appointments within {@code windowDays}
 * days block booking for {@code blockDays} days after the last of them.
 */
public record NoShowPolicy(int limit, int windowDays, int blockDays) {

	public NoShowPolicy {
		if (limit < 1 || windowDays < 1 || blockDays < 0) {
			throw new IllegalArgumentException("Invalid no-show policy");
		}
	}

	/** The last day booking is blocked, if {@code today} falls in a block caused by these missed dates. */
	public Optional<LocalDate> blockedUntil(List<LocalDate> missed, LocalDate today) {
		List<LocalDate> sorted = missed.stream().sorted().toList();
		LocalDate until = null;
		for (int last = limit - 1; last < sorted.size(); last++) {
			LocalDate end = sorted.get(last);
			LocalDate first = sorted.get(last - limit + 1);
			if (!first.isBefore(end.minusDays(windowDays - 1L))) {
				LocalDate blockEnd = end.plusDays(blockDays);
				if (until == null || blockEnd.isAfter(until)) {
					until = blockEnd;
				}
			}
		}
		return until != null && !today.isAfter(until) ? Optional.of(until) : Optional.empty();
	}

	/** How many missed appointments count now (within the window before today). */
	public long countRecent(List<LocalDate> missed, LocalDate today) {
		return missed.stream().filter(d -> !d.isBefore(today.minusDays(windowDays - 1L))).count();
	}

}
