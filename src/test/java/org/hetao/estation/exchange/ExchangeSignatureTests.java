package org.hetao.estation.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hetao.estation.exchange.ExchangeSignature.Verdict;
import org.junit.jupiter.api.Test;

/** The HMAC signature both ways, its replay window, backoff with jitter, and the signed material links. */
class ExchangeSignatureTests {

	static final String SECRET = "test-only-secret-0123456789-abcdefghij";

	static final byte[] BODY = "{\"messageId\":\"m-1\",\"action\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);

	static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	static final Duration WINDOW = Duration.ofMinutes(5);

	final String timestamp = Long.toString(NOW.getEpochSecond());

	@Test
	void signatureIsHmacSha256OverTimestampDotBodyInHex() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((timestamp + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		assertThat(ExchangeSignature.sign(SECRET, timestamp, BODY))
			.isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(expected))
			.hasSize("sha256=".length() + 64);
	}

	@Test
	void aSignedMessageVerifiesWithinTheWindowEitherWay() {
		String signature = ExchangeSignature.sign(SECRET, timestamp, BODY);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature, BODY, NOW, WINDOW)).isEqualTo(Verdict.VALID);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature, BODY, NOW.plus(WINDOW), WINDOW))
			.isEqualTo(Verdict.VALID);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature, BODY, NOW.minus(WINDOW), WINDOW))
			.isEqualTo(Verdict.VALID);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature.toUpperCase().replace("SHA256=", "sha256="),
				BODY, NOW, WINDOW)).isEqualTo(Verdict.VALID);
	}

	@Test
	void aMessageOutsideTheReplayWindowIsStale() {
		String signature = ExchangeSignature.sign(SECRET, timestamp, BODY);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature, BODY, NOW.plus(WINDOW).plusSeconds(1), WINDOW))
			.isEqualTo(Verdict.STALE);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature, BODY, NOW.minus(WINDOW).minusSeconds(1), WINDOW))
			.isEqualTo(Verdict.STALE);
	}

	@Test
	void aChangedBodyTimestampOrSecretFails() {
		String signature = ExchangeSignature.sign(SECRET, timestamp, BODY);
		byte[] changed = "{\"messageId\":\"m-1\",\"action\":\"REFUSE\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature, changed, NOW, WINDOW)).isEqualTo(Verdict.INVALID);
		String later = Long.toString(NOW.getEpochSecond() + 1);
		assertThat(ExchangeSignature.verify(SECRET, later, signature, BODY, NOW, WINDOW)).isEqualTo(Verdict.INVALID);
		assertThat(ExchangeSignature.verify(SECRET + "x", timestamp, signature, BODY, NOW, WINDOW))
			.isEqualTo(Verdict.INVALID);
	}

	@Test
	void malformedOrMissingHeadersFail() {
		String signature = ExchangeSignature.sign(SECRET, timestamp, BODY);
		assertThat(ExchangeSignature.verify(SECRET, null, signature, BODY, NOW, WINDOW)).isEqualTo(Verdict.MISSING);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, null, BODY, NOW, WINDOW)).isEqualTo(Verdict.MISSING);
		assertThat(ExchangeSignature.verify(SECRET, "yesterday", signature, BODY, NOW, WINDOW)).isEqualTo(Verdict.INVALID);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, signature.substring(7), BODY, NOW, WINDOW))
			.isEqualTo(Verdict.INVALID);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, "sha256=zz", BODY, NOW, WINDOW)).isEqualTo(Verdict.INVALID);
		assertThat(ExchangeSignature.verify(SECRET, timestamp, "sha256=" + "0".repeat(64), BODY, NOW, WINDOW))
			.isEqualTo(Verdict.INVALID);
	}

	@Test
	void backoffDoublesUpToTheCapWithJitterInTheUpperHalfThenGivesUp() {
		Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(2));
		assertThat(backoff.nextAttempt(1, NOW, 0.0)).isEqualTo(NOW.plusSeconds(15));
		assertThat(backoff.nextAttempt(1, NOW, 0.999999)).isBetween(NOW.plusSeconds(29), NOW.plusSeconds(30));
		assertThat(backoff.nextAttempt(2, NOW, 0.0)).isEqualTo(NOW.plusSeconds(30));
		assertThat(backoff.nextAttempt(3, NOW, 0.0)).isEqualTo(NOW.plusSeconds(60));
		assertThat(backoff.nextAttempt(4, NOW, 0.5)).isEqualTo(NOW.plusSeconds(90));
		assertThat(backoff.ceiling(40)).isEqualTo(Duration.ofMinutes(2));
		assertThat(backoff.nextAttempt(5, NOW, 0.5)).as("the fifth failure leaves a dead letter").isNull();
		assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void materialLinksAreValidUntilTheyExpireAndOnlyForWhatTheyName() {
		DownloadLinks links = new DownloadLinks(SECRET, Duration.ofMinutes(10));
		DownloadLinks.Link link = links.create("customs", 42, 7, NOW);
		assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		String signature = link.path().substring(link.path().indexOf("signature=") + "signature=".length());
		long expires = link.expiresAt().getEpochSecond();
		assertThat(link.path()).startsWith("/api/v1/exchange/documents/7?department=customs&task=42&expires=" + expires);
		assertThat(links.valid("customs", 42, 7, expires, signature, NOW.plusSeconds(599))).isTrue();
		assertThat(links.valid("customs", 42, 7, expires, signature, NOW.plusSeconds(601))).as("expired").isFalse();
		assertThat(links.valid("customs", 42, 7, expires + 3600, signature, NOW)).as("extended").isFalse();
		assertThat(links.valid("customs", 42, 8, expires, signature, NOW)).as("another document").isFalse();
		assertThat(links.valid("customs", 43, 7, expires, signature, NOW)).as("another task").isFalse();
		assertThat(links.valid("tax", 42, 7, expires, signature, NOW)).as("another department").isFalse();
		assertThat(new DownloadLinks(SECRET + "other", Duration.ofMinutes(10)).valid("customs", 42, 7, expires,
				signature, NOW)).as("another key").isFalse();
		assertThatThrownBy(() -> new DownloadLinks("short", Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
