package org.hetao.estation.hall.internal;

import java.time.Duration;
import java.util.List;

/**
 * The estimated wait shown on a ticket: the people ahead, served in parallel by the open windows that
 * take the category, each taking today's average service time (or the category's default before anyone
 * has been served today).
 */
public final class WaitEstimate {

	private WaitEstimate() {
	}

	/** Average of today's finished services, or the default when there are none. */
	public static Duration averageService(List<Duration> finishedToday, Duration defaultService) {
		if (finishedToday.isEmpty()) {
			return defaultService;
		}
		long seconds = Math.round(finishedToday.stream().mapToLong(Duration::toSeconds).average().orElse(0));
		return Duration.ofSeconds(Math.max(seconds, 60));
	}

	/** Minutes to wait for {@code peopleAhead}, rounded up; 0 when nobody is ahead. */
	public static long minutes(int peopleAhead, Duration averageService, int windowsServing) {
		if (peopleAhead <= 0) {
			return 0;
		}
		int windows = Math.max(windowsServing, 1);
		double totalSeconds = (double) peopleAhead * averageService.toSeconds() / windows;
		return (long) Math.ceil(totalSeconds / 60.0);
	}

	/** The p-th percentile (nearest-rank) of the waits, or zero when there are none. */
	public static Duration percentile(List<Duration> waits, int p) {
		if (waits.isEmpty()) {
			return Duration.ZERO;
		}
		List<Duration> sorted = waits.stream().sorted().toList();
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.min(Math.max(rank, 1), sorted.size()) - 1);
	}

	public static Duration average(List<Duration> waits) {
		if (waits.isEmpty()) {
			return Duration.ZERO;
		}
		return Duration.ofSeconds(Math.round(waits.stream().mapToLong(Duration::toSeconds).average().orElse(0)));
	}

}
