package org.hetao.estation.leisure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.hetao.estation.leisure.PortQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The port queue feed adapter. On a schedule it asks the configured feed (asynchronously: the scheduler's
 * thread is never held by a slow feed) and keeps the last good reading with the time it was taken; a failed
 * request (error status, time-out, garbage) keeps the previous reading, which then shows its age. Without a URL
 * it reads the shipped sample, and says so.
 */
public class PortQueueFeed implements PortQueues {

	private static final Logger log = LoggerFactory.getLogger(PortQueueFeed.class);

	/** A feed answer larger than this is refused (the real one is under a kilobyte). */
	static final int MAX_BYTES = 256 * 1024;

	private final LeisureProperties.PortFeed config;

	private final Clock clock;

	private final HttpClient http;

	private final Supplier<String> sample;

	private final AtomicReference<Reading> good = new AtomicReference<>();

	private final AtomicBoolean inFlight = new AtomicBoolean();

	private volatile Instant lastAttemptAt;

	private volatile boolean lastAttemptFailed;

	/**
	 * @param sample the shipped sample's text, read when no URL is configured
	 */
	public PortQueueFeed(LeisureProperties.PortFeed config, Clock clock, HttpClient http, Supplier<String> sample) {
		this.config = config;
		this.clock = clock;
		this.http = http;
		this.sample = sample;
		if (!config.live()) {
			refresh().join(); // the sample is a local file: pages have it from the first request
		}
	}

	@Override
	public Optional<Reading> current() {
		Reading reading = good.get();
		if (reading == null) {
			return Optional.empty();
		}
		return Optional.of(new Reading(reading.byFeedCode(), reading.updatedAt(), reading.sample(),
				lastAttemptAt == null ? reading.updatedAt() : lastAttemptAt, lastAttemptFailed));
	}

	@Override
	public boolean isStale(Reading reading, Instant now) {
		return Duration.between(reading.updatedAt(), now).compareTo(config.staleAfter()) > 0;
	}

	/** Whether anything was ever attempted and failed with no reading to show. */
	public boolean failingWithoutReading() {
		return good.get() == null && lastAttemptFailed;
	}

	@Scheduled(fixedDelayString = "${estation.leisure.port-feed.refresh-interval:PT5M}",
			initialDelayString = "${estation.leisure.port-feed.initial-delay:PT1S}")
	void scheduledRefresh() {
		refresh();
	}

	/**
	 * Asks the feed once (unless a request is still under way) and completes when the answer is taken in.
	 * Never completes exceptionally: a failure is recorded and the last good reading kept.
	 */
	public CompletableFuture<Void> refresh() {
		if (!config.live()) {
			Instant now = clock.instant();
			try {
				accept(PortFeedParser.parse(sample.get()), now, true);
			}
			catch (RuntimeException e) {
				fail(now, "the sample cannot be read: " + e.getMessage());
			}
			return CompletableFuture.completedFuture(null);
		}
		if (!inFlight.compareAndSet(false, true)) {
			return CompletableFuture.completedFuture(null);
		}
		Instant asked = clock.instant();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(config.url()))
				.timeout(config.timeout())
				.header("Accept", "application/json")
				.GET()
				.build();
		}
		catch (IllegalArgumentException e) {
			inFlight.set(false);
			fail(asked, "the URL is not usable: " + e.getMessage());
			return CompletableFuture.completedFuture(null);
		}
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					fail(clock.instant(), "HTTP " + response.statusCode());
					return;
				}
				byte[] bytes = body.readNBytes(MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					fail(clock.instant(), "the answer is larger than " + MAX_BYTES + " bytes");
					return;
				}
				accept(PortFeedParser.parse(new String(bytes, StandardCharsets.UTF_8)), clock.instant(), false);
			}
			catch (IOException | RuntimeException e) {
				fail(clock.instant(), e.getMessage());
			}
		}).exceptionally(e -> {
			fail(clock.instant(), String.valueOf(e.getCause() != null ? e.getCause() : e));
			return null;
		}).whenComplete((ok, e) -> inFlight.set(false));
	}

	private void accept(Map<String, Queue> queues, Instant at, boolean fromSample) {
		if (lastAttemptFailed) {
			log.info("The port queue feed answers again");
		}
		good.set(new Reading(queues, at, fromSample, at, false));
		lastAttemptAt = at;
		lastAttemptFailed = false;
	}

	private void fail(Instant at, String why) {
		if (!lastAttemptFailed) {
			// Once per outage, not every few minutes: the pages say how old the reading is.
			log.warn("The port queue feed failed ({}); the last good reading is kept", why);
		}
		lastAttemptAt = at;
		lastAttemptFailed = true;
	}

}
