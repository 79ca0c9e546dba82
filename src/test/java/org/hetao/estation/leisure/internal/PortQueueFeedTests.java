package org.hetao.estation.leisure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.hetao.estation.leisure.PortQueues;
import org.hetao.estation.leisure.PortQueues.Reading;
import org.hetao.estation.leisure.QueueLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The port queue feed adapter against a local fake of the Immigration Department's feed: it answers what the test
 * queues (a good reading, an error, garbage, a slow answer), one answer per request.
 */
class PortQueueFeedTests {

	static final String FEED = """
			{"HYW":{"arrQueue":0,"depQueue":0},"HZM":{"arrQueue":1,"depQueue":1},"LMC":{"arrQueue":2,"depQueue":2},
			 "LSC":{"arrQueue":1,"depQueue":0},"LWS":{"arrQueue":0,"depQueue":4},"MKT":{"arrQueue":0,"depQueue":0},
			 "SBC":{"arrQueue":0,"depQueue":0},"STK":{"arrQueue":99,"depQueue":99},"XYZ":{"arrQueue":7,"depQueue":"n/a"}}
			""";

	record Answer(int status, String body, long delayMillis) {
	}

	final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

	HttpServer server;

	MutableClock clock = new MutableClock(Instant.parse("2026-05-12T02:00:00Z"));

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/CPQueueTimeR.json", exchange -> {
			Answer answer = answers.poll();
			if (answer == null) {
				answer = new Answer(503, "", 0);
			}
			try {
				Thread.sleep(answer.delayMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	PortQueueFeed feed(Duration timeout) {
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/CPQueueTimeR.json";
		return new PortQueueFeed(new LeisureProperties.PortFeed(url, null, null, timeout, Duration.ofMinutes(30)), clock,
				HttpClient.newHttpClient(), () -> {
					throw new AssertionError("the sample is not read when a URL is set");
				});
	}

	@Test
	void aGoodAnswerIsParsedAndKeptWithItsTime() {
		PortQueueFeed feed = feed(Duration.ofSeconds(5));
		assertThat(feed.current()).as("nothing before the first answer").isEmpty();
		answers.add(new Answer(200, FEED, 0));
		feed.refresh().join();
		Reading reading = feed.current().orElseThrow();
		assertThat(reading.updatedAt()).isEqualTo(clock.instant());
		assertThat(reading.sample()).isFalse();
		assertThat(reading.lastAttemptFailed()).isFalse();
		assertThat(reading.queue("LSC")).isEqualTo(new PortQueues.Queue(QueueLevel.BUSY, QueueLevel.NORMAL));
		assertThat(reading.queue("LMC")).isEqualTo(new PortQueues.Queue(QueueLevel.VERY_BUSY, QueueLevel.VERY_BUSY));
		assertThat(reading.queue("LWS").departure()).isEqualTo(QueueLevel.MAINTENANCE);
		assertThat(reading.queue("STK").arrival()).isEqualTo(QueueLevel.OUTSIDE_SERVICE_HOURS);
		// a code the feed adds later, and levels it does not know yet
		assertThat(reading.queue("XYZ")).isEqualTo(PortQueues.Queue.UNKNOWN);
		// a port the feed does not mention
		assertThat(reading.queue("ABC")).isEqualTo(PortQueues.Queue.UNKNOWN);
	}

	@Test
	void aFailureKeepsTheLastGoodReadingAndSaysSo() {
		PortQueueFeed feed = feed(Duration.ofSeconds(5));
		answers.add(new Answer(200, FEED, 0));
		answers.add(new Answer(500, "{\"error\":\"down\"}", 0));
		answers.add(new Answer(200, "<html>maintenance</html>", 0));
		answers.add(new Answer(200, "[1,2,3]", 0));
		answers.add(new Answer(200, "{\"_note\":\"no ports\"}", 0));
		feed.refresh().join();
		Instant goodAt = clock.instant();
		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofMinutes(5));
			feed.refresh().join();
			Reading reading = feed.current().orElseThrow();
			assertThat(reading.updatedAt()).as("answer " + (i + 2)).isEqualTo(goodAt);
			assertThat(reading.lastAttemptAt()).isEqualTo(clock.instant());
			assertThat(reading.lastAttemptFailed()).isTrue();
			assertThat(reading.queue("LSC").arrival()).isEqualTo(QueueLevel.BUSY);
		}
		answers.add(new Answer(200, FEED.replace("\"LSC\":{\"arrQueue\":1", "\"LSC\":{\"arrQueue\":2"), 0));
		clock.advance(Duration.ofMinutes(5));
		feed.refresh().join();
		Reading recovered = feed.current().orElseThrow();
		assertThat(recovered.updatedAt()).isEqualTo(clock.instant());
		assertThat(recovered.lastAttemptFailed()).isFalse();
		assertThat(recovered.queue("LSC").arrival()).isEqualTo(QueueLevel.VERY_BUSY);
	}

	@Test
	void aReadingOlderThanTheThresholdIsStale() {
		PortQueueFeed feed = feed(Duration.ofSeconds(5));
		answers.add(new Answer(200, FEED, 0));
		feed.refresh().join();
		Reading reading = feed.current().orElseThrow();
		assertThat(feed.isStale(reading, clock.instant().plus(Duration.ofMinutes(30)))).isFalse();
		clock.advance(Duration.ofMinutes(31));
		feed.refresh().join(); // the fake now answers 503: the reading ages
		assertThat(feed.isStale(feed.current().orElseThrow(), clock.instant())).isTrue();
	}

	@Test
	void aSlowFeedTimesOutAndKeepsTheLastReading() {
		PortQueueFeed feed = feed(Duration.ofMillis(300));
		answers.add(new Answer(200, FEED, 0));
		answers.add(new Answer(200, FEED.replace("\"HYW\":{\"arrQueue\":0", "\"HYW\":{\"arrQueue\":2"), 2_000));
		feed.refresh().join();
		long started = System.nanoTime();
		feed.refresh().join();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
		assertThat(feed.current().orElseThrow().lastAttemptFailed()).isTrue();
		assertThat(feed.current().orElseThrow().queue("HYW").arrival()).isEqualTo(QueueLevel.NORMAL);
	}

	@Test
	void anUnreachableFeedBeforeAnyReadingShowsNoReadingAndSaysSo() {
		PortQueueFeed feed = feed(Duration.ofSeconds(2));
		server.stop(0);
		feed.refresh().join();
		assertThat(feed.current()).isEmpty();
		assertThat(feed.failingWithoutReading()).isTrue();
	}

	@Test
	void withoutAUrlTheShippedSampleIsReadAndMarkedAsASample() throws IOException {
		String sample = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/leisure/port-waiting-sample.json"));
		PortQueueFeed feed = new PortQueueFeed(new LeisureProperties.PortFeed("", null, null, null, null), clock,
				HttpClient.newHttpClient(), () -> sample);
		Reading reading = feed.current().orElseThrow();
		assertThat(reading.sample()).isTrue();
		assertThat(reading.byFeedCode()).containsKeys("LSC", "LMC", "SBC", "LWS", "HYW", "MKT", "STK")
			.doesNotContainKey("_sample");
		assertThat(sample).contains("SAMPLE");
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.ofHours(8);
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
