package org.hetao.estation.payments.internal;

import static org.hetao.estation.shared.Timestamps.ts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hetao.estation.exchange.ExchangeSignature;
import org.hetao.estation.payments.PaymentProvider;
import org.hetao.estation.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider that behaves like a real one, inside the application so that the two commands need nothing
 * else: its own hosted page under {@code /sandbox-pay/} (card {@code 4242424242424242} pays,
 * {@code 4000000000000002} is declined, anything else is not a card), its own books, and asynchronous
 * notifications signed with HMAC-SHA256 over timestamp and body (headers {@code Sandbox-Timestamp},
 * {@code Sandbox-Signature: sha256=…}, a replay window), sent from its outbox with retries — and, as real
 * providers do, each sent twice (a duplicate a moment later) unless {@code estation.payments.sandbox.duplicates=false}.
 */
@Component
public class SandboxPayments implements PaymentProvider {

	private static final Logger log = LoggerFactory.getLogger(SandboxPayments.class);

	public static final String NAME = "sandbox";

	public static final String SUCCEEDS = "4242424242424242";

	public static final String DECLINED = "4000000000000002";

	static final String TIMESTAMP_HEADER = "Sandbox-Timestamp";

	static final String SIGNATURE_HEADER = "Sandbox-Signature";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Environment environment;

	private final String secret;

	private final Duration replayWindow;

	private final boolean duplicates;

	private final String notifyUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SandboxPayments(JdbcClient jdbc, Clock clock, Environment environment,
			@Value("${estation.payments.sandbox.secret:}") String secret,
			@Value("${estation.payments.sandbox.replay-window:PT5M}") Duration replayWindow,
			@Value("${estation.payments.sandbox.duplicates:true}") boolean duplicates,
			@Value("${estation.payments.sandbox.notify-url:}") String notifyUrl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.environment = environment;
		// no secret configured (the embedded demo): one for this run, never written anywhere (nextBytes: generateSeed
		// reads the blocking entropy source, which can stall a start on a machine short of entropy)
		this.secret = secret.isBlank() ? HexFormat.of().formatHex(randomBytes(32)) : secret;
		this.replayWindow = replayWindow;
		this.duplicates = duplicates;
		this.notifyUrl = notifyUrl;
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Created create(String paymentId, Money amount, String description, String returnUrl) {
		String ref = "sbx_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("""
				insert into payments_sandbox_session (ref, amount_minor, currency, description, return_url, status, created_at)
				values (:ref, :m, :cur, :d, :ret, 'OPEN', :now)""")
			.param("ref", ref)
			.param("m", amount.minor())
			.param("cur", amount.currency())
			.param("d", description)
			.param("ret", returnUrl)
			.param("now", ts(clock.instant()))
			.update();
		return new Created(ref, "/sandbox-pay/" + ref);
	}

	/** A session as its hosted page shows it. */
	public record Session(String ref, Money amount, String description, String returnUrl, String status) {
	}

	public Optional<Session> session(String ref) {
		return jdbc.sql("select * from payments_sandbox_session where ref = :ref")
			.param("ref", ref)
			.query((rs, n) -> new Session(rs.getString("ref"), Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
					rs.getString("description"), rs.getString("return_url"), rs.getString("status")))
			.optional();
	}

	/** What the hosted page made of a card number. */
	public enum Decision {

		SUCCEEDED, DECLINED, NOT_A_TEST_CARD, ALREADY_DECIDED

	}

	/** The payer submitted the hosted page's form: decide once, and queue the notification. */
	@Transactional
	public Decision decide(String ref, String cardNumber) {
		String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
		Decision decision = SUCCEEDS.equals(digits) ? Decision.SUCCEEDED : DECLINED.equals(digits) ? Decision.DECLINED
				: Decision.NOT_A_TEST_CARD;
		if (decision == Decision.NOT_A_TEST_CARD) {
			return decision;
		}
		Instant now = clock.instant();
		int moved = jdbc.sql("""
				update payments_sandbox_session set status = :s, card_last4 = :last4, decided_at = :now
				where ref = :ref and status = 'OPEN'""")
			.param("s", decision.name())
			.param("last4", digits.substring(digits.length() - 4))
			.param("now", ts(now))
			.param("ref", ref)
			.update();
		if (moved == 0) {
			return Decision.ALREADY_DECIDED;
		}
		Session s = session(ref).orElseThrow();
		queue(ref, decision == Decision.SUCCEEDED ? Notification.Outcome.SUCCEEDED : Notification.Outcome.FAILED,
				s.amount(), now);
		return decision;
	}

	private void queue(String ref, Notification.Outcome outcome, Money amount, Instant now) {
		String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
		String body = JSON.writeValueAsString(Map.of("eventId", eventId, "ref", ref, "outcome", outcome.name(), "amount",
				amount.minor(), "currency", amount.currency(), "occurredAt", now.toString()));
		jdbc.sql("insert into payments_sandbox_outbox (event_id, body, next_attempt_at) values (:e, :b, :now)")
			.param("e", eventId)
			.param("b", body)
			.param("now", ts(now))
			.update();
	}

	/** A signed request as the sandbox sends it: headers and body. */
	public record Signed(Map<String, String> headers, byte[] body) {
	}

	/** Signs a body as the sandbox does (also what tests use to play a provider). */
	public Signed sign(String body, Instant at) {
		String timestamp = String.valueOf(at.getEpochSecond());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return new Signed(Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, ExchangeSignature.sign(secret, timestamp, bytes)),
				bytes);
	}

	@Override
	public Optional<Notification> read(Map<String, String> headers, byte[] body) {
		var verdict = ExchangeSignature.verify(secret, header(headers, TIMESTAMP_HEADER), header(headers, SIGNATURE_HEADER),
				body, clock.instant(), replayWindow);
		if (verdict != ExchangeSignature.Verdict.VALID) {
			log.warn("Sandbox notification refused: {}", verdict);
			return Optional.empty();
		}
		try {
			JsonNode n = JSON.readTree(body);
			return Optional.of(new Notification(n.get("eventId").asString(), n.get("ref").asString(),
					Notification.Outcome.valueOf(n.get("outcome").asString()),
					Money.of(n.get("amount").asLong(), n.get("currency").asString())));
		}
		catch (RuntimeException malformed) {
			return Optional.empty();
		}
	}

	private static String header(Map<String, String> headers, String name) {
		return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
			.findFirst().orElse(null);
	}

	@Override
	public Optional<Notification.Outcome> query(String providerRef) {
		return session(providerRef).flatMap(s -> switch (s.status()) {
			case "SUCCEEDED" -> Optional.of(Notification.Outcome.SUCCEEDED);
			case "DECLINED" -> Optional.of(Notification.Outcome.FAILED);
			case "REFUNDED", "PARTIALLY_REFUNDED" -> Optional.of(Notification.Outcome.REFUNDED);
			default -> Optional.empty();
		});
	}

	@Override
	public void refund(String providerRef, Money amount, String reason) {
		int moved = jdbc.sql("""
				update payments_sandbox_session set refunded_minor = refunded_minor + :m,
				    status = case when refunded_minor + :m = amount_minor then 'REFUNDED' else 'PARTIALLY_REFUNDED' end
				where ref = :ref and status in ('SUCCEEDED', 'PARTIALLY_REFUNDED') and currency = :cur
				  and refunded_minor + :m <= amount_minor""")
			.param("m", amount.minor())
			.param("cur", amount.currency())
			.param("ref", providerRef)
			.update();
		if (moved == 0) {
			throw new IllegalStateException("nothing to refund on " + providerRef);
		}
		jdbc.sql("insert into payments_sandbox_refund (ref, amount_minor, refunded_at) values (:ref, :m, :now)")
			.param("ref", providerRef)
			.param("m", amount.minor())
			.param("now", ts(clock.instant()))
			.update();
		log.info("Sandbox refunded {} on {}: {}", amount, providerRef, reason);
	}

	@Override
	public List<SettlementLine> settlement(java.time.LocalDate day, java.time.ZoneId zone) {
		var from = ts(day.atStartOfDay(zone).toInstant());
		var to = ts(day.plusDays(1).atStartOfDay(zone).toInstant());
		List<SettlementLine> lines = new java.util.ArrayList<>(jdbc.sql("""
				select ref, amount_minor, currency from payments_sandbox_session
				where status in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') and decided_at >= :from and decided_at < :to
				order by decided_at, ref""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new SettlementLine(rs.getString(1), SettlementLine.Kind.PAYMENT,
					Money.of(rs.getLong(2), rs.getString(3))))
			.list());
		lines.addAll(jdbc.sql("""
				select r.ref, r.amount_minor, s.currency from payments_sandbox_refund r
				join payments_sandbox_session s on s.ref = r.ref
				where r.refunded_at >= :from and r.refunded_at < :to order by r.refunded_at, r.id""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new SettlementLine(rs.getString(1), SettlementLine.Kind.REFUND,
					Money.of(rs.getLong(2), rs.getString(3))))
			.list());
		return lines;
	}

	// --- sending the notifications

	// the first round waits the same delay as every other: a provider told to hold its notifications for an hour
	// (the crash test, the tests that deliver by hand) does not send them all five seconds after the start
	@Scheduled(fixedDelayString = "${estation.payments.sandbox.notify-delay:PT1S}",
			initialDelayString = "${estation.payments.sandbox.notify-delay:PT1S}")
	void scheduled() {
		deliverDue();
	}

	/** Posts the queued notifications that are due; returns how many were taken by the platform. */
	public int deliverDue() {
		Instant now = clock.instant();
		List<Outgoing> due = jdbc.sql("""
				select id, body, attempts from payments_sandbox_outbox
				where sent_at is null and next_attempt_at <= :now order by id limit 50""")
			.param("now", ts(now))
			.query((rs, n) -> new Outgoing(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
		int taken = 0;
		for (Outgoing o : due) {
			boolean ok = post(o.body());
			Instant after = clock.instant();
			if (ok && duplicates && o.attempts() == 0) {
				// sent; a real provider often sends it again: once more, a moment later
				jdbc.sql("update payments_sandbox_outbox set attempts = 1, next_attempt_at = :next where id = :id")
					.param("next", ts(after.plusSeconds(2)))
					.param("id", o.id())
					.update();
			}
			else if (ok) {
				jdbc.sql("update payments_sandbox_outbox set sent_at = :now where id = :id")
					.param("now", ts(after))
					.param("id", o.id())
					.update();
			}
			else {
				long delay = Math.min(3600, 1L << Math.min(o.attempts() + 1, 12));
				jdbc.sql("update payments_sandbox_outbox set attempts = attempts + 1, next_attempt_at = :next where id = :id")
					.param("next", ts(after.plusSeconds(delay)))
					.param("id", o.id())
					.update();
			}
			taken += ok ? 1 : 0;
		}
		return taken;
	}

	record Outgoing(long id, String body, int attempts) {
	}

	private boolean post(String body) {
		Signed signed = sign(body, clock.instant());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
		signed.headers().forEach(request::header);
		try {
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			// 2xx: taken; 4xx: refused for good (a retry would be refused again); 5xx: try later
			if (response.statusCode() >= 500) {
				return false;
			}
			if (response.statusCode() >= 400) {
				log.warn("Sandbox notification refused by the platform: HTTP {}", response.statusCode());
			}
			return true;
		}
		catch (java.io.IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String target() {
		if (!notifyUrl.isBlank()) {
			return notifyUrl;
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String context = environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + context + "/api/v1/payments/providers/" + NAME + "/notifications";
	}

}
