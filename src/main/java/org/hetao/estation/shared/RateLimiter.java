package org.hetao.estation.shared;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A rate limit per client: a Bucket4j token bucket per key (an address, a user), {@code perMinute} tokens refilled
 * continuously over a minute, a burst of as many. Buckets live in this node's memory, at most {@code maxKeys} of
 * them: the one used longest ago is dropped first (it has refilled, or nearly), so a flood of new addresses cannot
 * grow memory without bound. With N nodes a client gets at most N times the rate, which still stops floods.
 */
public final class RateLimiter {

	/** How many keys a limiter remembers by default. */
	public static final int DEFAULT_MAX_KEYS = 100_000;

	private final int perMinute;

	private final TimeMeter time;

	private final Map<String, Bucket> buckets;

	public RateLimiter(int perMinute, Clock clock) {
		this(perMinute, DEFAULT_MAX_KEYS, clock);
	}

	public RateLimiter(int perMinute, int maxKeys, Clock clock) {
		if (perMinute <= 0 || maxKeys <= 0) {
			throw new IllegalArgumentException("a rate limit needs a positive rate and room for keys");
		}
		this.perMinute = perMinute;
		this.time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		this.buckets = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}

		};
	}

	public int perMinute() {
		return perMinute;
	}

	/** Takes a token for the key: {@link Duration#ZERO} when allowed, else how long to wait for one. */
	public Duration take(String key) {
		return Duration.ofNanos(bucket(key).tryConsumeAndReturnRemaining(1).getNanosToWaitForRefill());
	}

	/** How long until the key has a token, without taking it: {@link Duration#ZERO} when it has one now. */
	public Duration peek(String key) {
		return Duration.ofNanos(bucket(key).estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

	/** How many keys are remembered now. */
	public int keys() {
		synchronized (buckets) {
			return buckets.size();
		}
	}

	private Bucket bucket(String key) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(key,
					k -> Bucket.builder()
						.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
						.withCustomTimePrecision(time)
						.build());
		}
	}

	/** The answer over a limit: 429 with {@code Retry-After} in whole seconds (at least 1). */
	public static void refuse(HttpServletResponse response, Duration wait) throws IOException {
		long millis = (wait.toNanos() + 999_999) / 1_000_000;
		response.setHeader("Retry-After", Long.toString(Math.max(1, millis / 1000)));
		response.sendError(429);
	}

}
