package org.hetao.estation.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small reference "department system" for tests: an in-process HTTP server that takes the platform's signed
 * deliveries (checking the signature and the replay window), opens one case per Idempotency-Key however often a
 * message comes, can be switched into an outage (503, or refusing connections) and back, and sends its signed
 * decisions to the platform's inbound API.
 */
final class ReferenceDepartmentSystem implements AutoCloseable {

	enum Mode {
		/** Takes messages. */
		UP,
		/** Answers 503 Service Unavailable. */
		FAILING,
		/** Opens the case but the answer is lost (500): the platform will send the same message again. */
		ANSWER_LOST,
		/** Not listening: connections are refused. */
		DOWN
	}

	/** One case the department opened, by the message's idempotency key. */
	record ReceivedCase(String caseNumber, String idempotencyKey, long taskId, JsonNode message) {
	}

	private final String departmentCode;

	private final String secret;

	private final int port;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final Map<String, ReceivedCase> cases = new ConcurrentHashMap<>();

	private final List<String> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger rejectedSignatures = new AtomicInteger();

	private final AtomicInteger numbers = new AtomicInteger();

	private volatile Mode mode = Mode.UP;

	private HttpServer server;

	ReferenceDepartmentSystem(String departmentCode, String secret) {
		this.departmentCode = departmentCode;
		this.secret = secret;
		try {
			this.server = start(0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		this.port = server.getAddress().getPort();
	}

	String endpoint() {
		return "http://127.0.0.1:" + port + "/cases";
	}

	synchronized void mode(Mode next) {
		if (next == Mode.DOWN && server != null) {
			server.stop(0);
			server = null;
		}
		if (next != Mode.DOWN && server == null) {
			try {
				server = start(port);
			}
			catch (IOException e) {
				throw new IllegalStateException("could not listen on " + port + " again", e);
			}
		}
		this.mode = next;
	}

	/** The case opened for this idempotency key, if any. */
	ReceivedCase caseFor(String idempotencyKey) {
		return cases.get(idempotencyKey);
	}

	/** How many cases were opened for messages about this task. */
	long casesOfTask(long taskId) {
		return cases.values().stream().filter(c -> c.taskId() == taskId).count();
	}

	/** How many times a message with this key arrived (with a valid signature). */
	long deliveriesOf(String idempotencyKey) {
		return deliveries.stream().filter(idempotencyKey::equals).count();
	}

	int rejectedSignatures() {
		return rejectedSignatures.get();
	}

	/** Sends a signed decision about a task to the platform's inbound API. */
	HttpResponse<String> report(int platformPort, long taskId, String body) {
		return report(platformPort, departmentCode, taskId, body, secret, Instant.now());
	}

	/** Sends a message as if from {@code department}, signed with {@code key} at {@code at}. */
	HttpResponse<String> report(int platformPort, String department, long taskId, String body, String key, Instant at) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(at.getEpochSecond());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + platformPort + "/api/v1/exchange/" + department + "/tasks/"
					+ taskId + "/events"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.header(ExchangeSignature.TIMESTAMP_HEADER, timestamp)
			.header(ExchangeSignature.SIGNATURE_HEADER, ExchangeSignature.sign(key, timestamp, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Downloads a material through the link of a message, as the department's system would. */
	HttpResponse<byte[]> download(String url) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	private HttpServer start(int onPort) throws IOException {
		HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
		s.createContext("/cases", this::handle);
		s.start();
		return s;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 405, "{}");
				return;
			}
			var verdict = ExchangeSignature.verify(secret,
					exchange.getRequestHeaders().getFirst(ExchangeSignature.TIMESTAMP_HEADER),
					exchange.getRequestHeaders().getFirst(ExchangeSignature.SIGNATURE_HEADER), body, Instant.now(),
					Duration.ofMinutes(5));
			if (verdict != ExchangeSignature.Verdict.VALID) {
				rejectedSignatures.incrementAndGet();
				answer(exchange, 401, "{\"error\":\"" + verdict + "\"}");
				return;
			}
			if (mode == Mode.FAILING) {
				answer(exchange, 503, "{\"error\":\"maintenance\"}");
				return;
			}
			String key = exchange.getRequestHeaders().getFirst(ExchangeSignature.IDEMPOTENCY_HEADER);
			JsonNode message = json.readTree(body);
			if (key == null || !key.equals(message.get("messageId").asString())) {
				answer(exchange, 400, "{\"error\":\"idempotency key\"}");
				return;
			}
			deliveries.add(key);
			ReceivedCase received = cases.computeIfAbsent(key, k -> new ReceivedCase(
					departmentCode.toUpperCase() + "-REF-" + numbers.incrementAndGet(), k,
					message.get("taskId").asLong(), message));
			if (mode == Mode.ANSWER_LOST) {
				answer(exchange, 500, "{\"error\":\"lost\"}");
				return;
			}
			answer(exchange, 200, "{\"caseNumber\":\"" + received.caseNumber() + "\"}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
