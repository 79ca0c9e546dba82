package org.hetao.estation.exchange;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.hetao.estation.shared.OutboxTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers due outbox messages to the departments' systems. Each row is claimed with a conditional update first,
 * so any number of nodes may run this; a claim whose dispatcher died expires. Each attempt POSTs the JSON message
 * signed with the connection's secret ({@link ExchangeSignature}) and its {@code Idempotency-Key}; a 2xx answer
 * delivers it, anything else is retried with exponential backoff and jitter ({@link Backoff}) and, after the last
 * attempt, kept as a dead letter ({@link ExchangeDeadLettered}) for staff to redeliver.
 */
@Component
public class ExchangeDispatcher {

	private static final Logger log = LoggerFactory.getLogger(ExchangeDispatcher.class);

	static final Duration LEASE = Duration.ofMinutes(5);

	private final ExchangeOutbox outbox;

	private final Connections connections;

	private final Backoff backoff;

	private final ObjectMapper json;

	private final Clock clock;

	private final ExchangeProperties properties;

	private final Environment environment;

	private final ApplicationEventPublisher events;

	private final HttpClient http;

	private final Counter delivered;

	private final Counter failures;

	ExchangeDispatcher(ExchangeOutbox outbox, Connections connections, ExchangeProperties properties, ObjectMapper json,
			Clock clock, Environment environment, ApplicationEventPublisher events, MeterRegistry meters) {
		this.outbox = outbox;
		this.connections = connections;
		this.properties = properties;
		this.backoff = new Backoff(properties.getMaxAttempts(), properties.getRetryBase(), properties.getRetryMax());
		this.json = json;
		this.clock = clock;
		this.environment = environment;
		this.events = events;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.getConnectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.delivered = Counter.builder("estation.exchange.delivered")
			.description("Messages delivered to department systems")
			.register(meters);
		this.failures = Counter.builder("estation.exchange.failures")
			.description("Failed attempts to deliver a message to a department system")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${estation.exchange.dispatch-delay:PT10S}",
			initialDelayString = "${estation.exchange.dispatch-delay:PT10S}")
	void scheduled() {
		dispatchDue();
	}

	/** Delivers what is due now; returns how many messages this run delivered. */
	public int dispatchDue() {
		return dispatchDue(clock.instant());
	}

	/** Delivers what is due at {@code now} (tests pass a later time to let backoff waits pass). */
	int dispatchDue(Instant now) {
		// one round of 100, each row claimed just before its attempt: an attempt may take the request's timeout
		return outbox.dispatch(() -> now, new OutboxTable.Rounds(100, 1, LEASE, Duration.ZERO), sender);
	}

	private final OutboxTable.Sender<ExchangeMessage> sender = new OutboxTable.Sender<>() {

		@Override
		public long id(ExchangeMessage message) {
			return message.id();
		}

		@Override
		public void send(ExchangeMessage message) throws OutboxTable.Refused {
			String error = attempt(message);
			if (error != null) {
				throw new OutboxTable.Refused(error);
			}
			delivered.increment();
		}

		@Override
		public Instant failed(ExchangeMessage message, String error, Instant now) {
			failures.increment();
			log.warn("Exchange message #{} (task {} to {}) attempt {} failed: {}", message.id(), message.taskId(),
					message.departmentCode(), message.attempts(), error);
			return backoff.nextAttempt(message.attempts(), now, ThreadLocalRandom.current().nextDouble());
		}

		@Override
		public void gaveUp(ExchangeMessage message, String error, Instant now) {
			events.publishEvent(new ExchangeDeadLettered(message.id(), message.departmentCode(), message.taskId(),
					message.idempotencyKey(), message.attempts(), OutboxTable.abbreviate(error, 500), now));
		}

	};

	/** One attempt; the error, or {@code null} when the department's system took it. */
	private String attempt(ExchangeMessage message) {
		var connection = connections.find(message.departmentCode()).orElse(null);
		if (connection == null) {
			return "department not connected";
		}
		byte[] body = body(message, connection);
		String timestamp = Long.toString(clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(connection.endpoint())
			.timeout(properties.getRequestTimeout())
			.header("Content-Type", "application/json")
			.header(ExchangeSignature.TIMESTAMP_HEADER, timestamp)
			.header(ExchangeSignature.SIGNATURE_HEADER, ExchangeSignature.sign(connection.secret(), timestamp, body))
			.header(ExchangeSignature.IDEMPOTENCY_HEADER, message.idempotencyKey())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() / 100 == 2) {
				return null;
			}
			String answer = response.body() == null ? "" : response.body().strip();
			return "HTTP " + response.statusCode() + (answer.isEmpty() ? "" : ": " + OutboxTable.abbreviate(answer, 300));
		}
		catch (java.io.IOException e) {
			return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/** The stored message with fresh short-lived download links for its materials. */
	private byte[] body(ExchangeMessage message, Connections.Connection connection) {
		JsonNode node = json.readTree(message.payload());
		String base = baseUrl();
		Instant now = clock.instant();
		JsonNode materials = node.get("materials");
		if (materials != null) {
			for (JsonNode material : materials) {
				if (material instanceof ObjectNode m && m.has("documentId")) {
					DownloadLinks.Link link = connections.links()
						.create(connection.departmentCode(), message.taskId(), m.get("documentId").asLong(), now);
					m.put("downloadUrl", base + link.path());
					m.put("expiresAt", link.expiresAt().toString());
				}
			}
		}
		if (node instanceof ObjectNode o && o.has("eventsPath")) {
			o.put("eventsUrl", base + o.get("eventsPath").asString());
		}
		return json.writeValueAsBytes(node);
	}

	private String baseUrl() {
		String configured = properties.getPublicBaseUrl();
		if (configured != null && !configured.isBlank()) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

}
