package org.hetao.estation.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed message again: exponential backoff ({@code base}, 2×, 4×… capped at {@code max}) until
 * {@code maxAttempts} attempts were made.
 */
record RetryPolicy(int maxAttempts, Duration base, Duration max) {

	RetryPolicy {
		if (maxAttempts < 1 || base.isNegative() || max.compareTo(base) < 0) {
			throw new IllegalArgumentException("maxAttempts ≥ 1 and base ≤ max");
		}
	}

	/** The next attempt after {@code attempts} failed ones, or {@code null} when there is none left. */
	Instant nextAttempt(int attempts, Instant now) {
		if (attempts >= maxAttempts) {
			return null;
		}
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = base.multipliedBy(factor);
		return now.plus(wait.compareTo(max) > 0 ? max : wait);
	}

}
