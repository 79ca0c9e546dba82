package org.hetao.estation.exchange;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed delivery again: exponential backoff ({@code base}, 2×, 4×… capped at {@code max}) with
 * "equal jitter" (a random point in the upper half of that wait, so that many failed messages do not all come
 * back at once), until {@code maxAttempts} attempts were made; then the message is a dead letter.
 */
record Backoff(int maxAttempts, Duration base, Duration max) {

	Backoff {
		if (maxAttempts < 1 || base.isNegative() || max.compareTo(base) < 0) {
			throw new IllegalArgumentException("maxAttempts ≥ 1 and 0 ≤ base ≤ max");
		}
	}

	/** The longest wait after {@code attempts} failed attempts, before jitter. */
	Duration ceiling(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = base.multipliedBy(factor);
		return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
	}

	/**
	 * The next attempt after {@code attempts} failed ones, or {@code null} when none is left (dead letter).
	 *
	 * @param random a number in [0, 1)
	 */
	Instant nextAttempt(int attempts, Instant now, double random) {
		if (attempts >= maxAttempts) {
			return null;
		}
		long ceiling = ceiling(attempts).toMillis();
		long half = ceiling / 2;
		long jitter = (long) ((ceiling - half) * Math.min(Math.max(random, 0), 1));
		return now.plusMillis(half + jitter);
	}

}
